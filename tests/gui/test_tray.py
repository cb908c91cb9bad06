"""The tray icon shows how many reviews are overdue and offers to open the app."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from pytestqt.qtbot import QtBot

from privacy_checkup.ui.tray import ICON_SIZE, ReminderTray, badged_icon


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
    assert tray.notify() is False
    tray.set_overdue(("TikTok",))
    title, text = tray.notification_text()
    assert title == "1 privacy review(s) overdue"
    assert text == "Time to look again at: TikTok"
