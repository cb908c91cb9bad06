"""The screens of the main window: the first run, the dashboard and the checkup."""
