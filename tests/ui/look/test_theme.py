"""Light or dark (ui/theme.py), and enum properties set by name (ui/enum_properties.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from privacy_checkup.ui.look import theme
from privacy_checkup.ui.widgets.enum_properties import set_enum_property
from privacy_checkup.ui.widgets.safe_text import make_plain


@pytest.fixture
def light_again(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    theme.apply(qapp, theme.LIGHT)


def test_the_start_up_theme_follows_the_palette_qt_made_for_the_system() -> None:
    assert theme.theme_for_palette(theme.palette(theme.DARK)) is theme.DARK
    assert theme.theme_for_palette(theme.palette(theme.LIGHT)) is theme.LIGHT
    assert theme.theme_for_palette(QPalette()) is theme.LIGHT  # Qt's own default is light


def test_switching_restyles_the_app_once(light_again: QApplication) -> None:
    assert theme.switch_to(light_again, theme.DARK) is True
    assert theme.current() is theme.DARK
    assert light_again.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
    assert "#14181d" in light_again.styleSheet()  # the stylesheet's colours are the dark ones
    assert theme.switch_to(light_again, theme.DARK) is False  # already on: nothing to redo
    assert theme.switch_to(light_again, None) is False  # the system cannot tell: keep what is on
    assert theme.current() is theme.DARK


def test_a_system_that_cannot_tell_keeps_the_start_up_theme(light_again: QApplication) -> None:
    # The offscreen platform has no light/dark setting: Qt reports Unknown.
    assert light_again.styleHints().colorScheme() == Qt.ColorScheme.Unknown
    theme.switch_to(light_again, theme.DARK)
    assert theme.match_system(light_again) is False
    assert theme.current() is theme.DARK


def test_enum_properties_are_set_by_key_name(qapp: QApplication) -> None:
    label = QLabel()
    assert label.textFormat() == Qt.TextFormat.AutoText
    make_plain(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    set_enum_property(label, "alignment", "AlignLeft|AlignTop")
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    area = QScrollArea()
    set_enum_property(area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


@pytest.mark.parametrize(("name", "keys"), [("textFormat", "Plaintext"), ("alignment", "AlignTop|AlignNowhere"),
                                            ("textFromat", "PlainText")])
def test_a_mistyped_enum_property_raises_and_changes_nothing(qapp: QApplication, name: str, keys: str) -> None:
    label = QLabel()
    with pytest.raises(ValueError, match=name):
        set_enum_property(label, name, keys)
    assert label.textFormat() == Qt.TextFormat.AutoText
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
