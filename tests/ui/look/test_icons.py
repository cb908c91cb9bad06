"""The icons the app draws (ui/icons.py): the pixels on screen, not the SVG text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QApplication

from privacy_checkup.ui.look import icons, theme

STATES = ("overdue", "due_soon", "up_to_date", "in_progress", "never")


def image(pixmap: QPixmap) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def colour_at(img: QImage, x: float, y: float) -> QColor:
    """The colour at a point given as fractions of the image's width and height."""
    return img.pixelColor(int(x * img.width()), int(y * img.height()))


def test_a_monogram_is_a_tile_in_the_platform_colour_with_white_letters() -> None:
    pixmap = icons.monogram("tiktok", "TikTok", 48, 2.0)
    assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (96, 96, 2.0)
    img = image(pixmap)
    assert colour_at(img, 0, 0).alpha() == 0  # rounded corners
    assert colour_at(img, 0.1, 0.5).name() == icons.monogram_colour("tiktok")
    letter = [img.pixelColor(x, y) for x in range(30, 66) for y in range(30, 66)]
    assert sum(1 for c in letter if c.name() == "#ffffff") > 100  # the "T" is drawn, in white


def test_the_letters_are_centred_on_the_tile() -> None:
    img = image(icons.monogram("x", "X", 48, 1.0))
    white = [(x, y) for x in range(48) for y in range(48) if img.pixelColor(x, y).lightness() > 200]
    xs = [x for x, _ in white]
    ys = [y for _, y in white]
    assert abs((min(xs) + max(xs)) / 2 - 23.5) <= 1.5
    assert abs((min(ys) + max(ys)) / 2 - 23.5) <= 1.5


@pytest.mark.parametrize(("state", "where", "role"), [
    ("overdue", (0.3, 0.85), "danger"),
    ("due_soon", (0.5, 0.11), "warning"),
    ("up_to_date", (0.5, 0.12), "success"),
    ("in_progress", (0.3, 0.5), "accent"),
    ("never", (0.5, 0.12), "info"),
])
def test_each_status_glyph_is_drawn_in_its_theme_colour(state: str, where: tuple[float, float], role: str) -> None:
    img = image(icons.status_glyph(state, 18, 2.0))
    assert (img.width(), img.height()) == (36, 36)
    assert colour_at(img, *where).name() == getattr(theme.current(), role)


def test_the_status_glyphs_differ_in_shape_not_only_in_colour() -> None:
    masks = {}
    for state in STATES:
        img = image(icons.status_glyph(state, 18, 2.0))
        masks[state] = tuple(img.pixelColor(x, y).alpha() > 128 for x in range(36) for y in range(36))
    assert len(set(masks.values())) == len(STATES)


def test_in_progress_is_filled_on_the_left_and_empty_on_the_right() -> None:
    img = image(icons.status_glyph("in_progress", 18, 2.0))
    assert colour_at(img, 0.3, 0.5).alpha() == 255
    assert colour_at(img, 0.7, 0.5).alpha() == 0


def test_status_glyphs_follow_the_theme(qapp: QApplication) -> None:
    try:
        theme.apply(qapp, theme.DARK)
        img = image(icons.status_glyph("up_to_date", 18, 1.0))
        assert colour_at(img, 0.5, 0.12).name() == theme.DARK.success
    finally:
        theme.apply(qapp, theme.LIGHT)


def test_the_app_icon_has_every_size_a_desktop_asks_for() -> None:
    icon = icons.app_icon()
    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == [16, 32, 48, 64, 128, 256]
    img = icon.pixmap(64, 64).toImage()
    assert img.pixelColor(6, 32).name() == theme.LIGHT.accent
    assert img.pixelColor(0, 0).alpha() == 0


# The cache folder: a drawn icon is kept as PNG and read back at the next start.

def kept_files() -> list[str]:
    from privacy_checkup.storage import paths

    folder = paths.icon_cache_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def refuse_to_draw(document: str) -> QPixmap:
    raise AssertionError("drawn again, not read from the cache")


def test_a_drawn_icon_is_kept_and_read_back_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = image(icons.monogram("tiktok", "TikTok", 48, 2.0))
    assert len(kept_files()) == 1
    monkeypatch.setattr(icons, "draw", refuse_to_draw)
    again = icons.monogram("tiktok", "TikTok", 48, 2.0)
    assert again.devicePixelRatio() == 2.0
    assert image(again) == drawn


def test_an_icon_not_kept_yet_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    # The check above can fail: with nothing kept, the icon must be drawn.
    monkeypatch.setattr(icons, "draw", refuse_to_draw)
    with pytest.raises(AssertionError, match="drawn again"):
        icons.monogram("tiktok", "TikTok", 48, 2.0)


def test_each_size_ratio_and_colour_is_kept_apart(qapp: QApplication) -> None:
    for ratio in (1.0, 2.0):
        icons.monogram("tiktok", "TikTok", 48, ratio)
        icons.status_glyph("overdue", 18, ratio)
    assert len(kept_files()) == 4
    theme.switch_to(qapp, theme.DARK)  # the glyph's colour follows the theme
    try:
        icons.status_glyph("overdue", 18, 1.0)
    finally:
        theme.switch_to(qapp, theme.LIGHT)
    assert len(kept_files()) == 5


def test_a_damaged_kept_icon_is_drawn_again_and_replaced() -> None:
    from privacy_checkup.storage import paths

    drawn = image(icons.monogram("tiktok", "TikTok", 48, 1.0))
    (kept,) = kept_files()
    (paths.icon_cache_dir() / kept).write_bytes(b"\x89PNG\r\n\x1a\n half a file")
    assert image(icons.monogram("tiktok", "TikTok", 48, 1.0)) == drawn
    assert image(QPixmap(str(paths.icon_cache_dir() / kept))) == drawn


def test_icons_are_drawn_where_the_cache_cannot_be_written() -> None:
    from privacy_checkup.storage import paths

    paths.cache_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.cache_dir().write_text("a file where the cache folder would go", encoding="utf-8")
    drawn = image(icons.monogram("tiktok", "TikTok", 48, 1.0))
    assert colour_at(drawn, 0.1, 0.5).name() == icons.monogram_colour("tiktok")
    assert paths.cache_dir().read_text(encoding="utf-8") == "a file where the cache folder would go"


def test_a_kept_icon_qt_cannot_write_leaves_no_half_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QPixmap, "save", lambda self, *args: False)  # as on a full disk
    drawn = image(icons.monogram("tiktok", "TikTok", 48, 1.0))
    assert colour_at(drawn, 0.1, 0.5).name() == icons.monogram_colour("tiktok")
    assert kept_files() == []
