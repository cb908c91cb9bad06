"""Small layout pieces shared by the screens: a centred column in a scroll area, a bar of buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from privacy_checkup.ui.widgets.enum_properties import set_enum_property

CONTENT_WIDTH = 780


def scroll_column(parent: QWidget, max_width: int = CONTENT_WIDTH) -> tuple[QScrollArea, QVBoxLayout]:
    """A scroll area holding a column of at most `max_width` pixels, centred; returns the column's layout."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    set_enum_property(area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    holder = QWidget(area)
    # Word-wrapped labels report their minimum height at their narrowest; without this the area would
    # scroll a few pixels even when everything fits. The scroll area then sizes it by height-for-width.
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    outer = QHBoxLayout(holder)
    outer.setContentsMargins(32, 28, 32, 28)
    column = QWidget(holder)
    column.setMaximumWidth(max_width)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(14)
    outer.addStretch(1)
    outer.addWidget(column, 100)
    outer.addStretch(1)
    area.setWidget(holder)
    return area, layout


def scroll_page(page: QWidget, max_width: int = CONTENT_WIDTH) -> tuple[QScrollArea, QVBoxLayout]:
    """Fill `page` with a scroll area holding a centred column (scroll_column); returns both."""
    area, column = scroll_column(page, max_width)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    return area, column


def clear_layout(layout: QLayout) -> None:
    """Empty `layout`: its widgets are deleted (later, as Qt requires), nested layouts emptied too."""
    while layout.count():
        entry = layout.takeAt(0)
        if entry is None:
            continue
        widget = entry.widget()
        inner = entry.layout()
        if widget is not None:
            widget.deleteLater()
        elif inner is not None:
            clear_layout(inner)


def settle_layouts() -> None:
    """Carry out the layout requests Qt has posted, now rather than in the event loop. Call it right
    after showing a window: a scroll area sizes its content to the height its wrapped text needs in
    requests that follow one another, and the window system's first expose can come before the last
    of them; the first frame then shows the content squeezed into the window's height, text cut off."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def edge_column(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """A column in a box of its own, for holding something at the top or bottom of a taller row: add it,
    then a stretch (or a stretch, then it). Kept in its own box, the stretch gives it the row's spare
    height without making the row itself claim the spare height of the card or page around it."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    return box, column


def bar(parent: QWidget, name: str) -> tuple[QFrame, QBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(name)
    layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, frame)
    layout.setContentsMargins(24, 12, 24, 12)
    layout.setSpacing(10)
    return frame, layout


def button(text: str, parent: QWidget, *, kind: str = "", accessible_name: str = "",
           auto_default: bool = True) -> QPushButton:
    """A push button; Enter presses it when it has focus (`auto_default`), as people expect. It keeps the
    platform's arrow pointer, as native buttons do: the pointing hand is for links.

    Made as QPushButton(parent), then given its text: with the text as an argument, PySide6 builds
    QIcon's Python enums while it weighs the overloads (1 ms before the first paint)."""
    widget = QPushButton(parent)
    widget.setText(text)
    if kind:
        widget.setProperty("kind", kind)
    widget.setAccessibleName(accessible_name or text.replace("&", "").split("\t")[0].strip())
    widget.setAutoDefault(auto_default)
    return widget


def card(parent: QWidget, name: str = "") -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("card", True)
    if name:
        frame.setObjectName(name)
    return frame
