"""Icons drawn in code: a monogram per platform (no copied logos) and one glyph per status."""

from __future__ import annotations

import functools
import re
import zlib

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from privacy_checkup.ui import theme

# Calm, distinguishable tiles; white text reads on each (contrast >= 4.5:1).
MONOGRAM_COLOURS = ("#2f66a8", "#2c7a6b", "#6b4fa3", "#a8452f", "#3d6b2c", "#8a3f74", "#1f6f8b", "#7a5a1f")


def monogram_colour(checklist_id: str) -> str:
    return MONOGRAM_COLOURS[zlib.crc32(checklist_id.encode("utf-8")) % len(MONOGRAM_COLOURS)]


def monogram_letters(title: str) -> str:
    """"TikTok" -> "T", "X (Twitter)" -> "X", "Facebook Messenger" -> "FM"."""
    without_asides = re.sub(r"\([^)]*\)", " ", title)  # "X (Twitter)" is X
    words = [w for w in without_asides.split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) >= 2 and words[1][:1].isupper() and not words[1].startswith("("):
        return (words[0][0] + words[1][0]).upper()
    return words[0][0].upper()


def _canvas(size: int, ratio: float) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return pixmap, painter


def monogram(checklist_id: str, title: str, size: int = 48, ratio: float = 1.0) -> QPixmap:
    pixmap, painter = _canvas(size, ratio)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(monogram_colour(checklist_id)))
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.24, size * 0.24)
    letters = monogram_letters(title)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(round(size * (0.46 if len(letters) == 1 else 0.36)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return pixmap


def status_glyph(state: str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    """A small glyph for a due state, so status never depends on colour alone."""
    t = theme.current()
    colour = QColor({"overdue": t.danger, "due_soon": t.warning, "up_to_date": t.success,
                     "in_progress": t.accent}.get(state, t.info))
    pixmap, painter = _canvas(size, ratio)
    pen = QPen(colour, max(1.5, size / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    s = float(size)
    if state == "overdue":  # a filled warning triangle with "!"
        path = QPainterPath()
        path.moveTo(s / 2, s * 0.06)
        path.lineTo(s * 0.96, s * 0.92)
        path.lineTo(s * 0.04, s * 0.92)
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
        painter.setPen(_white_pen(s))
        painter.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62))
        painter.drawPoint(QPointF(s / 2, s * 0.78))
    elif state == "due_soon":  # a clock
        painter.setPen(pen)
        painter.drawEllipse(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8))
        painter.drawLine(QPointF(s / 2, s / 2), QPointF(s / 2, s * 0.28))
        painter.drawLine(QPointF(s / 2, s / 2), QPointF(s * 0.68, s * 0.6))
    elif state == "up_to_date":  # a tick in a circle
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(s * 0.05, s * 0.05, s * 0.9, s * 0.9))
        painter.setPen(_white_pen(s))
        path = QPainterPath()
        path.moveTo(s * 0.3, s * 0.52)
        path.lineTo(s * 0.44, s * 0.66)
        path.lineTo(s * 0.7, s * 0.36)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif state == "in_progress":  # a half-filled circle
        painter.setPen(pen)
        painter.drawEllipse(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8))
        painter.setBrush(colour)
        painter.drawPie(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8), 90 * 16, 180 * 16)
    else:  # never reviewed: an empty circle
        painter.setPen(pen)
        painter.drawEllipse(QRectF(s * 0.12, s * 0.12, s * 0.76, s * 0.76))
    painter.end()
    return pixmap


def _white_pen(size: float) -> QPen:
    pen = QPen(QColor("#ffffff"), max(1.5, size / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


@functools.cache
def app_icon() -> QIcon:
    """The window icon: a shield-blue tile with a tick (drawn once; the app, window and tray share it)."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        pixmap, painter = _canvas(size, 1.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.LIGHT.accent))
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.24, size * 0.24)
        pen = _white_pen(size * 1.2)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        path = QPainterPath()
        path.moveTo(size * 0.28, size * 0.52)
        path.lineTo(size * 0.44, size * 0.68)
        path.lineTo(size * 0.74, size * 0.34)
        painter.drawPath(path)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
