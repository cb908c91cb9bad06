"""The XDG Base Directory folders, for Linux and the BSDs (freedesktop.org's Base Directory
Specification: a variable holding a relative path is ignored).

platformdirs gives the same answers, and still gives them on Windows and macOS (paths.py); importing
it costs 2.5 ms of start-up. tests/storage/test_xdg.py checks these answers against platformdirs'.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def in_use() -> bool:
    """True on the systems that follow the XDG specification."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def config_home() -> Path:
    return _home_dir("XDG_CONFIG_HOME", ".config")


def data_home() -> Path:
    return _home_dir("XDG_DATA_HOME", ".local/share")


def cache_home() -> Path:
    return _home_dir("XDG_CACHE_HOME", ".cache")


def first_config_dir() -> Path:
    """The most important of the site-wide config folders."""
    listed = [entry for entry in os.environ.get("XDG_CONFIG_DIRS", "").split(os.pathsep) if os.path.isabs(entry)]
    return Path(listed[0] if listed else "/etc/xdg")


def _home_dir(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path.home() / default
