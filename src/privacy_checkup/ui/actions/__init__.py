"""What the menus do: reports, backups, reminders and the tray, problem reports."""
