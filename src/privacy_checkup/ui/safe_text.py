"""Widgets that show checklist text as text: never rich text, never a loaded image or URL."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def set_plain(label: QLabel, text: str) -> None:
    """Put `text` in `label` as plain text, whatever it contains."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_label(text: str = "", parent: QWidget | None = None, *, role: str = "", wrap: bool = True,
                selectable: bool = False, accessible_name: str = "") -> QLabel:
    """A QLabel fixed to plain text. `role` names a style in the stylesheet (e.g. "title", "muted")."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setIndent(0)  # styled labels otherwise get an automatic indent and stop lining up
    label.setOpenExternalLinks(False)
    label.setWordWrap(wrap)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    else:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        label.setProperty("role", role)
    label.setText(text)
    label.setAccessibleName(accessible_name or text)
    return label


def icon_label(pixmap: QPixmap, accessible_name: str, parent: QWidget | None = None) -> QLabel:
    """A QLabel showing a pixmap drawn by the app (never one named by checklist text)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setPixmap(pixmap)
    label.setAccessibleName(accessible_name)
    return label
