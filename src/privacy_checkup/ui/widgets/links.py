"""Which links the app may open, and opening them in the user's browser on click only."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

OPENABLE_SCHEMES = frozenset({"https", "mailto"})


def is_openable(url: str) -> bool:
    """True only for a well-formed https: link with a host, or a mailto: link with an address.

    Everything else (http:, file:, javascript:, data:, relative paths, text with
    spaces or control characters that a browser might reinterpret) is refused.
    """
    if not url or url != url.strip() or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        return False
    if scheme == "https":
        return bool(parts.hostname) and not parts.username and not parts.password and "\\" not in url
    address = parts.path
    return "@" in address and not address.startswith("@") and not address.endswith("@")


def open_link(url: str) -> bool:
    """Open `url` in the browser or mail app if it is openable; return whether it was handed over."""
    if not is_openable(url):
        return False
    qurl = QUrl(url, QUrl.ParsingMode.TolerantMode)  # percent-encodes stray characters such as "<"
    if not qurl.isValid() or qurl.scheme().lower() not in OPENABLE_SCHEMES:
        return False
    return bool(QDesktopServices.openUrl(qurl))


def display_host(url: str) -> str:
    """The part of a link a person recognises ("help.tiktok.com"), for showing next to its title."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() == "mailto":
        return parts.path
    return parts.hostname or url
