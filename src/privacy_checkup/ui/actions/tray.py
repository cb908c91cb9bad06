"""The reminder icon in the system tray: the overdue count, a menu to open the app, one quiet notification."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

BADGE_COLOUR = QColor("#b3261e")
ICON_SIZE = 64


def badged_icon(base: QIcon, count: int) -> QIcon:
    """`base` with a red badge holding `count` (nothing drawn when count is 0)."""
    pixmap = base.pixmap(ICON_SIZE, ICON_SIZE)
    if pixmap.isNull():
        pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
        pixmap.fill(QColor("#234a9c"))
    if count <= 0:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        diameter = ICON_SIZE * 5 // 8
        badge = QRect(QPoint(ICON_SIZE - diameter, 0), QPoint(ICON_SIZE - 1, diameter - 1))
        painter.setBrush(BADGE_COLOUR)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(badge)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(diameter * 2 // 3)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(count) if count < 10 else "9+")
    finally:
        painter.end()
    return QIcon(pixmap)


class ReminderTray(QObject):
    """Owns the tray icon. The app decides when to show it; this only reflects the overdue count."""

    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, base_icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = base_icon
        self.overdue: tuple[str, ...] = ()
        self.icon = QSystemTrayIcon(base_icon, self)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("&Open Privacy Checkup"), self.menu)
        self.open_action.triggered.connect(self.open_requested)
        self.quit_action = QAction(self.tr("&Quit"), self.menu)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.set_overdue(())

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def set_overdue(self, titles: tuple[str, ...]) -> None:
        self.overdue = titles
        self.icon.setIcon(badged_icon(self._base, len(titles)))
        if titles:
            self.icon.setToolTip(self.tr("Privacy Checkup: %n review(s) overdue", "", len(titles))
                                 + "\n" + ", ".join(titles))
        else:
            self.icon.setToolTip(self.tr("Privacy Checkup: nothing overdue"))

    def notification(self) -> tuple[str, str] | None:
        """The title and text of the notification to show now; None when nothing is overdue."""
        count = len(self.overdue)
        if not count:
            return None
        title = self.tr("%n privacy review(s) overdue", "", count)
        return title, self.tr("Time to look again at: %1").replace("%1", ", ".join(self.overdue))

    def notify(self) -> bool:
        """Show one notification about what is overdue; False when there is nothing to say or no way to say it."""
        notification = self.notification()
        if notification is None or not QSystemTrayIcon.supportsMessages() or not self.icon.isVisible():
            return False
        title, text = notification
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        return True
