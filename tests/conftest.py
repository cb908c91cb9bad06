"""Test-wide guards: every test gets its own app home, and none touches the real one."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from privacy_checkup import APP_ID
from privacy_checkup.storage import paths

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT / "tests" / "data"
_REAL_DIRS = [
    Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
    Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
]


class NetworkBlockedError(OSError):
    """A test tried to open an internet socket: the app promises it never does."""


_RealSocket = socket.socket


class _GuardedSocket(_RealSocket):
    def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
        if family in (socket.AF_INET, socket.AF_INET6) or family == -1:
            raise NetworkBlockedError(f"network access attempted in a test (socket family {family})")
        super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]


def _blocked(*args: object, **kwargs: object) -> None:
    raise NetworkBlockedError(f"network access attempted in a test: {args[:2]}")


def pytest_configure(config: pytest.Config) -> None:
    # Promise 1: the whole suite runs with internet sockets blocked. Unix sockets stay
    # open because the Secret Service keyring talks over D-Bus.
    socket.socket = _GuardedSocket  # type: ignore[misc]
    socket.create_connection = _blocked  # type: ignore[assignment]
    socket.getaddrinfo = _blocked  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user and office folder at a fresh temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.setenv(paths.OFFICE_ENV, str(tmp_path / "office"))
    monkeypatch.delenv(paths.CHECKLISTS_ENV, raising=False)
    return home


@pytest.fixture(autouse=True, scope="session")
def _real_home_untouched() -> Iterator[None]:
    """Fail the run if any test created the real per-user folders (qutebrowser's guard)."""
    existed = {d: d.exists() for d in _REAL_DIRS}
    yield
    for folder, was_there in existed.items():
        if not was_there and folder.exists():
            pytest.fail(f"a test wrote into the real user folder {folder}")


@pytest.fixture
def data_dir() -> Path:
    return DATA


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)
