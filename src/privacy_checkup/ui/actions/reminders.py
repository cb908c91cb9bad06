"""Reminders: the tray icon, the overdue notification and start-at-login, each with its own switch.

Settings live in the progress store: "tray_icon" and "notify_overdue" (on unless turned off),
"last_notified" (the local date of the last notification: at most one a day), and the OS's own
start-at-login entry (off unless turned on).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from privacy_checkup.storage import autostart
from privacy_checkup.ui import messages
from privacy_checkup.ui.actions.tray import ReminderTray
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.main_window import MainWindow

TRAY_SETTING = "tray_icon"
NOTIFY_SETTING = "notify_overdue"
LAST_NOTIFIED = "last_notified"


class TrayReminders(QObject):
    def __init__(self, window: MainWindow, app: QApplication) -> None:
        super().__init__(window)
        self.window = window
        self.tray_available = QSystemTrayIcon.isSystemTrayAvailable()  # many Linux desktops have no tray
        self.tray = ReminderTray(icons.app_icon(), self)
        self.tray.open_requested.connect(window.bring_to_front)
        self.tray.quit_requested.connect(app.quit)
        window.overdue_changed.connect(self.tray.set_overdue)
        self.tray.set_overdue(window.overdue_titles())
        self.tray.icon.setVisible(self.tray_available and self.tray_wanted)
        self.menu = self._build_menu()
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)

    def _setting(self, key: str) -> bool:
        return self.window.state.store.get_setting(key, "on") != "off"

    @property
    def tray_wanted(self) -> bool:
        return self._setting(TRAY_SETTING)

    @property
    def notify_wanted(self) -> bool:
        return self._setting(NOTIFY_SETTING)

    def _build_menu(self) -> QMenu:
        menu = QMenu(self.window.tr("&Reminders"), self.window)
        self.tray_action = QAction(self.window.tr("Show a reminder icon in the system &tray"), menu)
        self.tray_action.setCheckable(True)
        self.tray_action.setChecked(self.tray_wanted)
        self.tray_action.setEnabled(self.tray_available)
        if not self.tray_available:
            self.tray_action.setToolTip(self.window.tr("This desktop has no system tray."))
        self.tray_action.toggled.connect(self.set_tray_wanted)
        self.notify_action = QAction(self.window.tr("&Notify me when a review is overdue"), menu)
        self.notify_action.setCheckable(True)
        self.notify_action.setChecked(self.notify_wanted)
        self.notify_action.toggled.connect(self.set_notify_wanted)
        self.login_action = QAction(self.window.tr("Check for overdue reviews when I &log in"), menu)
        self.login_action.setCheckable(True)
        self.login_action.setChecked(autostart.is_enabled())
        self.login_action.toggled.connect(self.set_start_at_login)
        for action in (self.tray_action, self.notify_action, self.login_action):
            menu.addAction(action)
        return menu

    def set_tray_wanted(self, wanted: bool) -> None:
        self.window.state.store.set_setting(TRAY_SETTING, "on" if wanted else "off")
        self.tray.icon.setVisible(wanted and self.tray_available)

    def set_notify_wanted(self, wanted: bool) -> None:
        self.window.state.store.set_setting(NOTIFY_SETTING, "on" if wanted else "off")

    def set_start_at_login(self, wanted: bool) -> None:
        try:
            autostart.enable() if wanted else autostart.disable()
        except OSError as exc:
            messages.show_error(self.window, exc)
        self.login_action.blockSignals(True)
        self.login_action.setChecked(autostart.is_enabled())
        self.login_action.blockSignals(False)

    def notify_if_due(self) -> bool:
        """At most one notification a day, only when something is overdue and the person wants them."""
        if not self.notify_wanted or not self.tray.icon.isVisible():
            return False
        today = self.window.state.today().isoformat()
        if self.window.state.store.get_setting(LAST_NOTIFIED) == today:
            return False
        if not self.tray.notify():
            return False
        self.window.state.store.set_setting(LAST_NOTIFIED, today)
        return True
