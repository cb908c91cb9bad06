"""Connects the tray reminder to the main window: the overdue count, Open and Quit, the login notification."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from privacy_checkup.ui import icons
from privacy_checkup.ui.main_window import MainWindow
from privacy_checkup.ui.tray import ReminderTray


class TrayReminders(QObject):
    def __init__(self, window: MainWindow, app: QApplication) -> None:
        super().__init__(window)
        self.window = window
        self.tray = ReminderTray(icons.app_icon(), self)
        self.tray.open_requested.connect(window.bring_to_front)
        self.tray.quit_requested.connect(app.quit)
        window.overdue_changed.connect(self.tray.set_overdue)
        self.tray.set_overdue(window.overdue_titles())
        self.tray.icon.show()


def start_tray(window: MainWindow, app: QApplication) -> TrayReminders | None:
    """The tray reminder, where the desktop has a tray (many Linux desktops do not)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    return TrayReminders(window, app)
