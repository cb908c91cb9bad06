"""Reminders: the tray icon, the overdue notification and start-at-login, each with its own switch.

Settings live in the progress store: "tray_icon" and "notify_overdue" (on unless turned off),
"last_notified" (the local date of the last notification: at most one a day), and the OS's own
start-at-login entry (off unless turned on).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from privacy_checkup import APP_NAME
from privacy_checkup.storage import autostart
from privacy_checkup.ui import messages
from privacy_checkup.ui.actions import desktop_notifications
from privacy_checkup.ui.actions.desktop_notifications import Notifier
from privacy_checkup.ui.actions.tray import ReminderTray
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.main_window import MainWindow

TRAY_SETTING = "tray_icon"
NOTIFY_SETTING = "notify_overdue"
LAST_NOTIFIED = "last_notified"


class TrayReminders(QObject):
    """The reminders this desktop can give. An option that cannot work here (no tray, no notification
    service) is unticked and greyed out, and its text says why: a menu shows no tooltips."""

    def __init__(self, window: MainWindow, app: QApplication, notifier: Notifier | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.tray_available = QSystemTrayIcon.isSystemTrayAvailable()  # many Linux desktops have no tray
        self.desktop = notifier if notifier is not None else desktop_notifications.probe()
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

    @property
    def tray_messages(self) -> bool:
        return self.tray.icon.isVisible() and QSystemTrayIcon.supportsMessages()

    @property
    def notifications_available(self) -> bool:
        """A notification can be shown here: by the tray icon, or by the desktop's notification service."""
        return (self.tray_available and QSystemTrayIcon.supportsMessages()) or self.desktop.available

    def _build_menu(self) -> QMenu:
        tr = self.window.tr
        menu = QMenu(tr("&Reminders"), self.window)
        self.tray_action = QAction(tr("Show a reminder icon in the system &tray") if self.tray_available
                                   else tr("Reminder icon in the system tray: this desktop has no tray"), menu)
        self.tray_action.setCheckable(True)
        self.tray_action.setChecked(self.tray_available and self.tray_wanted)
        self.tray_action.setEnabled(self.tray_available)
        self.tray_action.toggled.connect(self.set_tray_wanted)
        available = self.notifications_available
        self.notify_action = QAction(tr("&Notify me when a review is overdue") if available
                                     else tr("Notifications: this desktop has no notification service"), menu)
        self.notify_action.setCheckable(True)
        self.notify_action.setChecked(available and self.notify_wanted)
        self.notify_action.setEnabled(available)
        self.notify_action.toggled.connect(self.set_notify_wanted)
        self.login_action = QAction(tr("Check for overdue reviews when I &log in"), menu)
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
        """At most one notification a day, only when something is overdue and the person wants them: from the
        tray icon where there is one, else through the desktop's notification service."""
        notification = self.tray.notification()
        if notification is None or not self.notify_wanted or not self.notifications_available:
            return False
        today = self.window.state.today().isoformat()
        if self.window.state.store.get_setting(LAST_NOTIFIED) == today:
            return False
        if self.tray_messages:
            shown = self.tray.notify()
        else:
            try:
                desktop_notifications.notify(APP_NAME, *notification)
                shown = True
            except OSError:
                shown = False  # the service went away: nothing to say it with; tomorrow it may be back
        if shown:
            self.window.state.store.set_setting(LAST_NOTIFIED, today)
        return shown
