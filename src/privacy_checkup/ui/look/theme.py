"""Colours, fonts and the stylesheet; light or dark following the system."""

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from privacy_checkup.storage import paths

STYLESHEET_NAME = "app.qss"


class Theme(NamedTuple):
    dark: bool
    window: str
    surface: str
    surface_alt: str
    border: str
    text: str
    muted: str
    accent: str
    accent_hover: str
    accent_text: str
    accent_soft: str
    danger: str
    danger_soft: str
    warning: str
    warning_soft: str
    success: str
    success_soft: str
    info: str
    info_soft: str


LIGHT = Theme(
    dark=False, window="#f3f5f8", surface="#ffffff", surface_alt="#eef2f6", border="#d9e0e8",
    text="#1d2935", muted="#596979", accent="#2f66a8", accent_hover="#255590", accent_text="#ffffff",
    accent_soft="#e5eef8", danger="#b42318", danger_soft="#fdecea", warning="#9a5b00", warning_soft="#fdf3e1",
    success="#2c7a4b", success_soft="#e6f4ea", info="#4a5a6a", info_soft="#eef1f4",
)
DARK = Theme(
    dark=True, window="#14181d", surface="#1d232a", surface_alt="#252c34", border="#343d48",
    text="#e7ebef", muted="#9eabb8", accent="#6aa3e8", accent_hover="#85b5ee", accent_text="#0d1620",
    accent_soft="#1f3146", danger="#f28b82", danger_soft="#3b201f", warning="#f2b25c", warning_soft="#3a2c17",
    success="#7cc79a", success_soft="#1c3325", info="#b3bfcb", info_soft="#262d35",
)

_current: Theme = LIGHT


def current() -> Theme:
    return _current


def system_theme() -> Theme | None:
    """The theme for the system's light or dark setting as Qt reports it; None when Qt cannot tell."""
    from PySide6.QtCore import Qt  # PySide6 builds the whole Qt namespace for it: 14 ms (enum_properties.py)

    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return DARK
    if scheme == Qt.ColorScheme.Light:
        return LIGHT
    return None


def theme_for_palette(qt_palette: QPalette) -> Theme:
    """Dark for a palette with a dark window colour. Before the app sets its own, Qt's palette is the one
    it built for the system's light or dark setting (QTBUG-124490): start-up styles by it, without the
    14 ms that reading the setting itself costs before the first paint, and `match_system` checks the
    setting right after that paint."""
    return DARK if qt_palette.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def stylesheet(theme: Theme) -> str:
    """The .qss with `@name` placeholders replaced by the theme's colours."""
    try:
        text = (paths.resources_dir() / "styles" / STYLESHEET_NAME).read_text(encoding="utf-8")
    except OSError:
        return ""  # a broken install still works with the palette alone
    for name, value in sorted(theme._asdict().items(), key=lambda kv: -len(kv[0])):
        if isinstance(value, str):
            text = text.replace(f"@{name}", value)
    return text


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: theme.window, role.WindowText: theme.text, role.Base: theme.surface,
        role.AlternateBase: theme.surface_alt, role.Text: theme.text, role.Button: theme.surface,
        role.ButtonText: theme.text, role.Highlight: theme.accent, role.HighlightedText: theme.accent_text,
        role.ToolTipBase: theme.surface, role.ToolTipText: theme.text, role.PlaceholderText: theme.muted,
        role.Link: theme.accent, role.LinkVisited: theme.accent, role.Mid: theme.border,
    }
    for color_role, value in pairs.items():
        pal.setColor(color_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(disabled, color_role, QColor(theme.muted))
    return pal


# Fusion on every system, so the stylesheet draws the same everywhere. It is chosen with the
# `-style` argument when the QApplication is made: asking for it from Python (setStyle) builds every
# QStyle enum in Python first, ~5 ms of start-up (see bench/startup.py).
QT_STYLE_ARGUMENTS = ["-style", "Fusion"]


def apply(app: QApplication, theme: Theme | None = None) -> Theme:
    """Style `app` with `theme`, or with the one matching the system's light/dark setting (light when Qt
    cannot tell)."""
    global _current
    chosen = theme or system_theme() or LIGHT
    _current = chosen
    app.setPalette(palette(chosen))
    app.setStyleSheet(stylesheet(chosen))
    return chosen


def apply_at_start(app: QApplication) -> Theme:
    """Style a new app, before its first paint, for the light or dark palette Qt made for the system."""
    return apply(app, theme_for_palette(QGuiApplication.palette()))


def match_system(app: QApplication) -> bool:
    """After the first paint: re-style `app` if the system's setting, now read, disagrees with the theme
    chosen at start-up. True when it did; the screen on show then needs redrawing."""
    return switch_to(app, system_theme())


def switch_to(app: QApplication, wanted: Theme | None) -> bool:
    """Re-style `app` with `wanted`, unless it is None or already on. True when it changed."""
    if wanted is None or wanted == _current:
        return False
    apply(app, wanted)
    return True


def follow_system(app: QApplication) -> None:
    """Re-style the app when the person switches their system between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))

