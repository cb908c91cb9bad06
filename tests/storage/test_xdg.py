"""The XDG folders (storage/xdg.py) against platformdirs, the library that answered before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from privacy_checkup import APP_ID
from privacy_checkup.storage import paths, xdg

pytestmark = pytest.mark.skipif(not xdg.in_use(), reason="the XDG folders are for Linux and the BSDs")

SETTINGS = [
    {},
    {"XDG_CONFIG_HOME": "/srv/me/conf", "XDG_DATA_HOME": "/srv/me/data", "XDG_CONFIG_DIRS": "/opt/site:/etc/xdg",
     "XDG_CACHE_HOME": "/srv/me/cache"},
    {"XDG_CONFIG_HOME": "relative/conf", "XDG_DATA_HOME": "", "XDG_CONFIG_DIRS": "relative:/opt/second",
     "XDG_CACHE_HOME": "relative/cache"},
    {"XDG_CONFIG_DIRS": ":"},
]


@pytest.mark.parametrize("settings", SETTINGS)
def test_the_folders_are_the_ones_platformdirs_gives(settings: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CONFIG_DIRS", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    assert xdg.data_home() / APP_ID == Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    assert xdg.config_home() / APP_ID == Path(platformdirs.user_config_dir(APP_ID, appauthor=False))
    assert xdg.first_config_dir() / APP_ID == Path(platformdirs.site_config_dir(APP_ID, appauthor=False))
    assert xdg.cache_home() / APP_ID == Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def test_the_app_folders_follow_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.delenv(paths.OFFICE_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/me/data")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/srv/me/conf")
    monkeypatch.setenv("XDG_CONFIG_DIRS", "relative:/opt/site")
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/me/cache")
    assert paths.icon_cache_dir() == Path("/srv/me/cache", APP_ID, "icons")
    assert paths.store_path() == Path("/srv/me/data", APP_ID, "progress.sqlite3")
    assert paths.user_checklists_dir() == Path("/srv/me/conf", APP_ID, "checklists")
    assert paths.policy_path() == Path("/opt/site", APP_ID, "policy.json")


def test_finding_the_folders_does_not_load_platformdirs() -> None:
    probe = ("import sys\nfrom privacy_checkup.storage import paths\n"
             "paths.checklist_layers(), paths.store_path(), paths.policy_path(), paths.icon_cache_dir()\n"
             "print('platformdirs' in sys.modules)")
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "PYTHONPATH": str(Path(paths.__file__).parents[2])}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_elsewhere_the_app_folders_are_the_ones_platformdirs_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows and macOS take the platformdirs branch; here it is taken by saying XDG is not in use.
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setattr(xdg, "in_use", lambda: False)
    assert paths.data_dir() == Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    assert paths.config_dir() == Path(platformdirs.user_config_dir(APP_ID, appauthor=False))
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))
