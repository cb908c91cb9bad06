"""Doing something once a widget has been painted for the first time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaintWatcher(QObject):
    """Calls `callback` at the watched widget's first paint, then stops watching (it would otherwise
    run Python for every event the widget gets)."""

    def __init__(self, callback: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.deleteLater()
            self.callback()
        return False


def after_first_paint(widget: QObject, callback: Callable[[], None]) -> None:
    """Run `callback` as soon as the paint that shows `widget` for the first time has finished."""
    widget.installEventFilter(FirstPaintWatcher(lambda: QTimer.singleShot(0, callback), widget))
