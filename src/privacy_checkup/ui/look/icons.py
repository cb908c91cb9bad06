"""Icons drawn in code: a monogram per platform (no copied logos) and one glyph per status.

Each icon is a small SVG document, written here and drawn by Qt's SVG image plug-in straight into a
pixmap at the screen's pixel ratio. Drawing it from Python instead (QPainter, QSvgRenderer, or QPen and
QBrush, whose overloads take enums from PySide6's `Qt` namespace) makes PySide6 build Python enums
first: 2 ms of start-up for these classes, 14 ms for the namespace (ui/enum_properties.py).

A drawn icon is kept as a PNG file in the cache folder, named by a hash of its document. The first SVG
a process draws takes 5.6 ms (Qt loads its SVG plug-in and a font for the letters); reading the twelve
icons of the first screen back takes 1.2 ms in all, through the PNG reader built into Qt.
"""

from __future__ import annotations

import functools
import os
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import qVersion
from PySide6.QtGui import QPixmap

from privacy_checkup.core.loader import fingerprint
from privacy_checkup.storage import atomic, paths
from privacy_checkup.ui.look import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

# Calm, distinguishable tiles; white text reads on each (contrast >= 4.5:1).
MONOGRAM_COLOURS = ("#2f66a8", "#2c7a6b", "#6b4fa3", "#a8452f", "#3d6b2c", "#8a3f74", "#1f6f8b", "#7a5a1f")
WHITE = "#ffffff"


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


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _n(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _line(points: list[tuple[float, float]], colour: str, width: float) -> str:
    """An open path through `points`, with round ends and corners."""
    d = " L ".join(f"{_n(x)} {_n(y)}" for x, y in points)
    return (f'<path d="M {d}" fill="none" stroke="{colour}" stroke-width="{_n(width)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>')


def _ring(cx: float, cy: float, r: float, colour: str, width: float) -> str:
    return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="none" stroke="{colour}" stroke-width="{_n(width)}"/>'


def _disc(cx: float, cy: float, r: float, colour: str) -> str:
    return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{colour}"/>'


def _tile(size: float, colour: str) -> str:
    return f'<rect width="{_n(size)}" height="{_n(size)}" rx="{_n(size * 0.24)}" fill="{colour}"/>'


CACHE_FORMAT = 1  # raise it when the way documents become pixmaps changes


def render(svg_body: str, size: int, ratio: float = 1.0) -> QPixmap:
    """Draw SVG shapes given in a `size` x `size` box into a transparent pixmap of that logical size (or
    read the one drawn before from the cache folder)."""
    whole = svg_document(svg_body, size, ratio)
    cached = cache_path(whole)
    pixmap = QPixmap()
    if not pixmap.load(str(cached)):  # not drawn before, or a damaged file: draw it (again)
        pixmap = draw(whole)
        keep(pixmap, cached)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def svg_document(svg_body: str, size: int, ratio: float = 1.0) -> str:
    """The SVG document of shapes given in a `size` x `size` box, `ratio` device pixels per pixel."""
    pixels = round(size * ratio)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{pixels}" height="{pixels}" '
            f'viewBox="0 0 {size} {size}">{svg_body}</svg>')


def draw(document: str) -> QPixmap:
    pixmap = QPixmap()
    if not pixmap.loadFromData(document.encode("utf-8"), "SVG"):
        raise RuntimeError("Qt cannot draw the app's icons: its SVG image plug-in (imageformats/qsvg) is missing")
    return pixmap


def cache_path(document: str) -> Path:
    """Where the pixmap of `document` is kept: named by what decides its pixels, Qt's version included."""
    key = fingerprint(f"{CACHE_FORMAT}\n{qVersion()}\n{document}".encode())
    return paths.icon_cache_dir() / f"{key}.png"


def keep(pixmap: QPixmap, path: Path) -> None:
    """Write `pixmap` to `path` whole or not at all (a temporary file, then a rename). The cache only
    saves time: where it cannot be written (a read-only or full disk), icons are drawn at each start."""
    try:
        paths.ensure_private_dir(path.parent)
        temp = atomic.private_temp_path(path.parent, path.stem)
    except OSError:
        return  # no cache folder: drawing at each start is all that is lost
    try:
        if not pixmap.save(str(temp), "PNG"):
            raise OSError(f"Qt could not write {temp}")
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)  # no cache this time, and no half-written file left behind


def monogram_svg(checklist_id: str, title: str, size: int) -> str:
    letters = monogram_letters(title)
    font_size = round(size * (0.46 if len(letters) == 1 else 0.36))
    baseline = size / 2 + font_size * 0.36  # capitals, centred: half a cap height below the middle
    return (_tile(size, monogram_colour(checklist_id))
            + f'<text x="{_n(size / 2)}" y="{_n(baseline)}" font-family="sans-serif" font-weight="bold" '
              f'font-size="{font_size}" fill="{WHITE}" text-anchor="middle">{_xml_text(letters)}</text>')


def monogram(checklist_id: str, title: str, size: int = 48, ratio: float = 1.0) -> QPixmap:
    return render(monogram_svg(checklist_id, title, size), size, ratio)


def status_glyph_svg(state: str, size: int) -> str:
    """A small glyph for a due state, so status never depends on colour alone."""
    t = theme.current()
    colour = {"overdue": t.danger, "due_soon": t.warning, "incomplete": t.warning, "up_to_date": t.success,
              "in_progress": t.accent}.get(state, t.info)
    s = float(size)
    pen = max(1.5, s / 9)
    white_pen = max(1.5, s / 8)
    if state == "overdue":  # a filled warning triangle with "!"
        corners = f"M {_n(s / 2)} {_n(s * 0.06)} L {_n(s * 0.96)} {_n(s * 0.92)} L {_n(s * 0.04)} {_n(s * 0.92)} Z"
        triangle = f'<path d="{corners}" fill="{colour}"/>'
        return (triangle + _line([(s / 2, s * 0.38), (s / 2, s * 0.62)], WHITE, white_pen)
                + _disc(s / 2, s * 0.78, white_pen / 2, WHITE))
    if state == "due_soon":  # a clock
        return (_ring(s / 2, s / 2, s * 0.4, colour, pen)
                + _line([(s / 2, s * 0.28), (s / 2, s / 2), (s * 0.68, s * 0.6)], colour, pen))
    if state == "incomplete":  # a circle with "!" in it: settings left open
        return (_ring(s / 2, s / 2, s * 0.4, colour, pen)
                + _line([(s / 2, s * 0.3), (s / 2, s * 0.56)], colour, pen)
                + _disc(s / 2, s * 0.7, pen / 1.6, colour))
    if state == "up_to_date":  # a tick in a circle
        return (_disc(s / 2, s / 2, s * 0.45, colour)
                + _line([(s * 0.3, s * 0.52), (s * 0.44, s * 0.66), (s * 0.7, s * 0.36)], WHITE, white_pen))
    if state == "in_progress":  # a half-filled circle: the left half, from the top round to the bottom
        r = s * 0.4
        arc = f"M {_n(s / 2)} {_n(s / 2 - r)} A {_n(r)} {_n(r)} 0 0 0 {_n(s / 2)} {_n(s / 2 + r)} Z"
        half = f'<path d="{arc}" fill="{colour}"/>'
        return half + _ring(s / 2, s / 2, r, colour, pen)
    return _ring(s / 2, s / 2, s * 0.38, colour, pen)  # never reviewed: an empty circle


def status_glyph(state: str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    return render(status_glyph_svg(state, size), size, ratio)


def app_icon_svg(size: int) -> str:
    """A shield-blue tile with a tick."""
    return (_tile(size, theme.LIGHT.accent)
            + _line([(size * 0.28, size * 0.52), (size * 0.44, size * 0.68), (size * 0.74, size * 0.34)],
                    WHITE, max(1.5, size * 1.2 / 8)))


@functools.cache
def app_icon() -> QIcon:
    """The window icon (drawn once; the app, window and tray share it). The app sets it once its window
    is on screen: QIcon's Python enums and six sizes of drawing take 3 ms."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addPixmap(render(app_icon_svg(size), size))
    return icon
