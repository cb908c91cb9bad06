"""A link as a button: opened in the person's browser (or mail app) only when clicked, only https: and
mailto:; when the computer cannot open it, the person is told and offered the address to copy."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from privacy_checkup.ui.widgets import links
from privacy_checkup.ui.widgets.layout import button


def _tr(text: str) -> str:
    return QCoreApplication.translate("link_buttons", text)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as typed: Qt renders a tooltip as rich text when it looks like markup, so the
    text is escaped inside a rich-text wrapper that Qt always treats as such."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def link_button(text: str, url: str, parent: QWidget) -> QPushButton:
    """`text` (checklist text: shown literally, an & is not a shortcut), opening `url` when clicked."""
    host = links.display_host(url)
    link = button(f"{text}  \u2197".replace("&", "&&"), parent, kind="link", accessible_name=text)
    link.setAccessibleDescription(_tr("Opens %1").replace("%1", host))
    link.setToolTip(plain_tooltip(_tr("Opens %1 in your browser").replace("%1", url) if url.startswith("https:")
                                  else _tr("Writes an e-mail to %1").replace("%1", host)))
    link.setEnabled(links.is_openable(url))
    link.clicked.connect(lambda _=False: open_or_offer_to_copy(parent, url))
    return link


def open_or_offer_to_copy(parent: QWidget, url: str) -> bool:
    """Open `url`; when the computer has no browser (or mail app) for it, say so and offer to copy it."""
    if links.open_link(url):
        return True
    from privacy_checkup.ui import messages

    copy = messages.ask(parent, _tr("The link could not be opened"),
                        _tr("This computer could not open the link: no web browser or mail app answered."),
                        _tr("The address is:") + f"\n{url}\n\n" + _tr("Copy it and open it on another device, or "
                                                                      "ask your IT contact to set a default browser."),
                        _tr("&Copy the address"), _tr("Close"))
    if copy:
        QGuiApplication.clipboard().setText(url)
    return False
