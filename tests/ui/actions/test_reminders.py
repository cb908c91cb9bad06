"""The tray icon shows how many reviews are overdue and offers to open the app."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from pytestqt.qtbot import QtBot

from privacy_checkup.ui.actions.tray import ICON_SIZE, ReminderTray, badged_icon


def plain_icon() -> QIcon:
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(QColor("#234a9c"))
    return QIcon(pixmap)


def test_tooltip_counts_and_names_overdue_platforms(qtbot: QtBot) -> None:
    tray = ReminderTray(plain_icon())
    tray.set_overdue(("TikTok", "X (Twitter)"))
    assert "2 review(s) overdue" in tray.icon.toolTip()
    assert "TikTok, X (Twitter)" in tray.icon.toolTip()
    tray.set_overdue(())
    assert tray.icon.toolTip() == "Privacy Checkup: nothing overdue"


def test_badge_is_drawn_only_when_something_is_overdue(qtbot: QtBot) -> None:
    base = plain_icon()
    corner = (ICON_SIZE - ICON_SIZE * 5 // 16, ICON_SIZE * 5 // 16)
    without = badged_icon(base, 0).pixmap(ICON_SIZE, ICON_SIZE).toImage().pixelColor(*corner)
    with_badge = badged_icon(base, 3).pixmap(ICON_SIZE, ICON_SIZE).toImage().pixelColor(*corner)
    assert without.name() == "#234a9c"
    assert with_badge.name() != without.name()


def test_menu_opens_the_app_and_quits(qtbot: QtBot) -> None:
    tray = ReminderTray(plain_icon())
    assert [a.text() for a in tray.menu.actions() if a.text()] == ["&Open Privacy Checkup", "&Quit"]
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        tray.quit_action.trigger()


def test_no_notification_when_nothing_is_overdue(qtbot: QtBot) -> None:
    tray = ReminderTray(plain_icon())
    tray.set_overdue(())
    assert tray.notification() is None
    tray.set_overdue(("TikTok",))
    assert tray.notification() == ("1 privacy review(s) overdue", "Time to look again at: TikTok")
    tray.set_overdue(())
    assert tray.notification() is None


def test_reminder_switches_are_saved_and_start_at_login_writes_the_entry(
        qtbot: QtBot, make_window, make_state, app_home) -> None:
    from PySide6.QtWidgets import QApplication

    from privacy_checkup.storage import autostart
    from privacy_checkup.ui.actions.desktop_notifications import Notifier
    from privacy_checkup.ui.actions.reminders import NOTIFY_SETTING, TRAY_SETTING, TrayReminders

    state = make_state()
    window = make_window(state)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    reminders = TrayReminders(window, app, Notifier(True))  # a desktop with a notification service, no tray
    titles = [a.text() for a in reminders.menu.actions()]
    assert titles == ["Reminder icon in the system tray: this desktop has no tray",
                      "&Notify me when a review is overdue", "Check for overdue reviews when I &log in"]
    assert reminders.notify_action.isChecked()
    assert not reminders.login_action.isChecked()
    reminders.notify_action.setChecked(False)
    assert state.store.get_setting(NOTIFY_SETTING) == "off"
    assert reminders.notify_if_due() is False
    reminders.set_tray_wanted(False)
    assert state.store.get_setting(TRAY_SETTING) == "off"
    reminders.login_action.setChecked(True)
    assert autostart.is_enabled()
    assert (app_home / "autostart" / "org.privacycheckup.PrivacyCheckup.desktop").exists()
    reminders.login_action.setChecked(False)
    assert not autostart.is_enabled()


def test_login_start_with_nothing_overdue_exits_quietly() -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "privacy_checkup", "--background"], capture_output=True,
                            text=True, timeout=60, env=dict(os.environ), check=False)
    assert result.returncode == 0
    assert result.stdout == ""


def test_options_that_cannot_work_here_are_unticked_and_say_why(qtbot: QtBot, make_window, make_state) -> None:
    from PySide6.QtWidgets import QApplication

    from privacy_checkup.ui.actions.desktop_notifications import Notifier
    from privacy_checkup.ui.actions.reminders import TrayReminders

    state = make_state()
    window = make_window(state)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The test platform has no tray; this desktop has no notification service either (GNOME without one, say).
    reminders = TrayReminders(window, app, Notifier(False, "this desktop has no notification service"))
    for action, reason in ((reminders.tray_action, "this desktop has no tray"),
                           (reminders.notify_action, "this desktop has no notification service")):
        assert not action.isChecked()  # though the person never turned it off: it cannot work here
        assert not action.isEnabled()
        assert reason in action.text()  # in the text itself: a menu shows no tooltips
    assert reminders.notify_if_due() is False
