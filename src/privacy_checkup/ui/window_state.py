"""Where the window was and how big: a QSettings ini file in the app's config folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from privacy_checkup.storage import paths

SETTINGS_FILE_NAME = "window.ini"
GEOMETRY_KEY = "main_window/geometry"
DEFAULT_SIZE = (1180, 760)


def ui_settings() -> QSettings:
    """An explicit ini path, so PRIVACY_CHECKUP_HOME relocates it and tests never touch the real home."""
    folder = paths.ensure_private_dir(paths.config_dir())
    return QSettings(str(folder / SETTINGS_FILE_NAME), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget) -> bool:
    value = ui_settings().value(GEOMETRY_KEY)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return bool(window.restoreGeometry(value))
    window.resize(*DEFAULT_SIZE)
    return False


def save_geometry(window: QWidget) -> None:
    settings = ui_settings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.sync()
