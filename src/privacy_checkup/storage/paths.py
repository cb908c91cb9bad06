"""Every folder the app reads or writes, in one place.

`PRIVACY_CHECKUP_HOME` puts all per-user data, config and cache under one folder
(portable installs, tests, benchmarks). The office layer lives in the
platform's site-wide config folder unless `PRIVACY_CHECKUP_OFFICE_DIR` or
`PRIVACY_CHECKUP_CHECKLISTS_DIR` (or `--checklists-dir`) says otherwise.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from privacy_checkup import APP_ID
from privacy_checkup.core.catalog import Layer, LayerSource
from privacy_checkup.storage import xdg

HOME_ENV = "PRIVACY_CHECKUP_HOME"
OFFICE_ENV = "PRIVACY_CHECKUP_OFFICE_DIR"
CHECKLISTS_ENV = "PRIVACY_CHECKUP_CHECKLISTS_DIR"
POLICY_FILE_NAME = "policy.json"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser().absolute() if value else None


def _user_dir(home_subfolder: str, xdg_home: Callable[[], Path], platformdirs_function: str) -> Path:
    """A per-user folder: under PRIVACY_CHECKUP_HOME, else the XDG one (Linux, the BSDs), else the one
    platformdirs gives (Windows, macOS; imported only there)."""
    home = _home()
    if home:
        return home / home_subfolder
    if xdg.in_use():
        return xdg_home() / APP_ID
    import platformdirs

    return Path(getattr(platformdirs, platformdirs_function)(APP_ID, appauthor=False))


def data_dir() -> Path:
    """The progress store, backups made by the app, and logs."""
    return _user_dir("data", xdg.data_home, "user_data_dir")


def config_dir() -> Path:
    """Per-user settings and the user's own checklists."""
    return _user_dir("config", xdg.config_home, "user_config_dir")


def cache_dir() -> Path:
    """What the app can make again from its own code and files, kept to save time (drawn icons)."""
    return _user_dir("cache", xdg.cache_home, "user_cache_dir")


def icon_cache_dir() -> Path:
    return cache_dir() / "icons"


def user_checklists_dir() -> Path:
    return config_dir() / "checklists"


def store_path() -> Path:
    return data_dir() / "progress.sqlite3"


def known_copies_dir() -> Path:
    """The last good copy of each checklist file (rebuilt from the files when missing)."""
    return data_dir() / "checklist-copies"


def pack_state_path() -> Path:
    """The highest signed-pack version seen per organisation, so an older pack is refused."""
    return data_dir() / "pack-versions.json"


def office_dir() -> Path:
    """The office's site-wide folder: its policy and, by default, its checklists."""
    value = os.environ.get(OFFICE_ENV)
    if value:
        return Path(value).expanduser().absolute()
    if xdg.in_use():
        return xdg.first_config_dir() / APP_ID
    import platformdirs

    return Path(platformdirs.site_config_dir(APP_ID, appauthor=False))


def office_checklists_dir(override: Path | None = None) -> Path:
    if override is not None:
        return override.expanduser().absolute()
    value = os.environ.get(CHECKLISTS_ENV)
    if value:
        return Path(value).expanduser().absolute()
    return office_dir() / "checklists"


def policy_path() -> Path:
    return office_dir() / POLICY_FILE_NAME


def _source_root() -> Path:
    return Path(__file__).resolve().parents[3]


def bundled_checklists_dir() -> Path:
    """The checklists shipped with the app: frozen bundle, installed wheel or source tree."""
    return _bundled("checklists")


def resources_dir() -> Path:
    return _bundled("resources")


def _bundled(name: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / name
    installed = Path(__file__).resolve().parents[1] / name  # placed there by the wheel build
    if installed.is_dir():
        return installed
    return _source_root() / name


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable only by this user; tighten it if it exists."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and (path.stat().st_mode & 0o077):
        path.chmod(0o700)
    return path


def checklist_layers(office_override: Path | None = None) -> list[LayerSource]:
    """The catalog's folders, lowest layer first."""
    return [
        LayerSource(Layer.BUNDLED, bundled_checklists_dir()),
        LayerSource(Layer.OFFICE, office_checklists_dir(office_override)),
        LayerSource(Layer.USER, user_checklists_dir()),
    ]
