"""GUI fixtures: the real widgets over a real store in the per-test home, with a settable clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog

from privacy_checkup.core.catalog import Catalog, Layer, LayerSource, build_catalog
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage import paths
from privacy_checkup.storage.keystore import MemoryKeyStore
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.ui.dialogs import modal
from privacy_checkup.ui.look import theme
from privacy_checkup.ui.main_window import MainWindow

START = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


@dataclass
class Clock:
    now: dt.datetime = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@dataclass
class DialogRecorder:
    """Stands in for `modal.run`: remembers every dialog and answers it with `respond`."""

    shown: list[QDialog] = field(default_factory=list)
    respond: Callable[[QDialog], int] = lambda dialog: int(QDialog.DialogCode.Rejected)

    def __call__(self, dialog: QDialog) -> int:
        self.shown.append(dialog)
        return self.respond(dialog)

    def of_type(self, kind: type) -> list[QDialog]:
        return [d for d in self.shown if isinstance(d, kind)]


def catalog_from(folder: Path) -> Catalog:
    return build_catalog([LayerSource(Layer.BUNDLED, folder)])


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """The tests' QApplication starts as the app's does (pytest-qt reads this fixture)."""
    return ["privacy-checkup-tests", *theme.QT_STYLE_ARGUMENTS]


@pytest.fixture(autouse=True, scope="session")
def styled_app(qapp: QApplication) -> QApplication:
    theme.apply(qapp, theme.LIGHT)
    return qapp


@pytest.fixture
def catalog(data_dir: Path) -> Catalog:
    return catalog_from(data_dir / "checklists" / "gui")


@pytest.fixture
def keys() -> MemoryKeyStore:
    return MemoryKeyStore("gui-tests")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    monkeypatch.setattr(modal, "run", recorder)
    return recorder


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL handed to the desktop (browser or mail app) during the test."""
    opened: list[str] = []

    def record(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return opened


@pytest.fixture
def make_state(catalog: Catalog, keys: MemoryKeyStore, clock: Clock) -> Iterator[Callable[..., AppState]]:
    """Opens the store at its real place under the test home; call again to "restart" on the same store."""
    opened: list[ProgressStore] = []

    def make(with_catalog: Catalog | None = None) -> AppState:
        store = ProgressStore.open(paths.store_path())
        opened.append(store)
        return AppState(with_catalog or catalog, store, keys, clock=clock, tz=dt.UTC)

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def make_window(qtbot, make_state, dialogs) -> Callable[..., MainWindow]:
    def make(state: AppState | None = None) -> MainWindow:
        window = MainWindow(state or make_state())
        qtbot.addWidget(window)
        window.show()
        handle = window.windowHandle()
        assert handle is not None
        handle.requestActivate()  # shortcuts need an active window; offscreen activates on request
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make
