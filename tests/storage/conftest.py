"""Fixtures for storage tests: a private home per test, a fixed clock, and both kinds of key store."""

from __future__ import annotations

import datetime as dt
import gc
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy_checkup.storage import paths
from privacy_checkup.storage.progress import ProgressStore
from tests.storage.keyrings import KeyringHarness, SecretServiceHarness, make_harness


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Everything the app writes goes under tmp_path, never the real home folder."""
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def now() -> dt.datetime:
    return dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def store_path(home: Path) -> Path:
    return paths.store_path()


@pytest.fixture
def store(store_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore.open(store_path) as opened:
        yield opened


# keyring's SecretService backend opens a D-Bus connection per call and does not close it when the
# collection is locked (get_preferred_collection raises first); the socket is reclaimed by the garbage
# collector, which warns. That leak is upstream's, so only its warning is silenced, only for this backend,
# and the fixture collects the sockets before the next test.
_KEYRING_SOCKET_LEAK = [
    pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning"),
    pytest.mark.filterwarnings("ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(params=["memory", pytest.param("secret_service", marks=[pytest.mark.keyring, *_KEYRING_SOCKET_LEAK])])
def keyring_harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KeyringHarness]:
    harness = make_harness(request.param, tmp_path)
    yield harness
    if isinstance(harness, SecretServiceHarness):
        harness.close()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()  # reclaim the leaked D-Bus sockets (see above) while their warning is silenced
