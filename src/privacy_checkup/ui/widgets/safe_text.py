"""Widgets that show checklist text as text: never rich text, never a loaded image or URL."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from privacy_checkup.ui.widgets.enum_properties import set_enum_property


def make_plain(widget: QWidget) -> None:
    """Fix a label's (or a message box's) text format to plain text: whatever it is given later is shown
    as typed, never as rich text."""
    set_enum_property(widget, "textFormat", "PlainText")


def plain_label(text: str = "", parent: QWidget | None = None, *, role: str = "", wrap: bool = True,
                selectable: bool = False, accessible_name: str = "") -> QLabel:
    """A QLabel fixed to plain text. `role` names a style in the stylesheet (e.g. "title", "muted")."""
    label = QLabel(parent)
    make_plain(label)
    label.setIndent(0)  # styled labels otherwise get an automatic indent and stop lining up
    label.setOpenExternalLinks(False)
    label.setWordWrap(wrap)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        set_enum_property(label, "textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
        # Tab reaches it, so text can be read (and copied) from the keyboard alone.
        set_enum_property(label, "focusPolicy", "StrongFocus")
    else:
        set_enum_property(label, "textInteractionFlags", "NoTextInteraction")
    if role:
        label.setProperty("role", role)
    label.setText(text)
    label.setAccessibleName(accessible_name or text)
    return label


def icon_label(pixmap: QPixmap, accessible_name: str, parent: QWidget | None = None) -> QLabel:
    """A QLabel showing a pixmap drawn by the app (never one named by checklist text)."""
    label = QLabel(parent)
    make_plain(label)
    label.setPixmap(pixmap)
    label.setAccessibleName(accessible_name)
    return label
