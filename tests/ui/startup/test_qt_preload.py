"""A launch that opens the app loads Qt's libraries on a second thread (ui/qt_preload.py). Each test
runs in a child process: the libraries must not be loaded yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the preload covers Linux only")

MAPPED = "def mapped():\n    return 'libQt6Widgets' in open('/proc/self/maps').read()\n"


def child(code: str) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", "import json, sys\n" + MAPPED + code], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    report["stderr"] = result.stderr
    return report


def test_the_thread_loads_qts_libraries_and_the_import_then_uses_them() -> None:
    report = child(
        "from privacy_checkup.ui.startup import qt_preload\n"
        "before = mapped()\n"
        "preload = qt_preload.start()\n"
        "finished = preload.wait(60)\n"
        "after = mapped()\n"
        "imported_early = 'PySide6.QtWidgets' in sys.modules\n"
        "from PySide6.QtCore import QThread\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel('shown'); label.show(); app.processEvents()\n"
        "print(json.dumps({'before': before, 'finished': finished, 'loaded': preload.loaded, 'after': after,\n"
        "                  'fonts_ready': preload.fonts_ready,\n"
        "                  'imported_early': imported_early, 'library': preload.library,\n"
        "                  'main_thread': app.thread() is QThread.currentThread(), 'shown': label.isVisible()}))\n")
    assert report["before"] is False
    assert report["finished"] is True
    assert report["loaded"] is True
    assert report["after"] is True  # the thread, not an import, brought the library in
    assert report["fonts_ready"] is True  # and had fontconfig read its configuration
    assert report["imported_early"] is False
    assert str(report["library"]).endswith(".so")
    assert "PySide6" in str(report["library"])
    # Qt still takes the first thread as the application's, and says nothing about threads.
    assert report["main_thread"] is True
    assert report["shown"] is True
    assert "thread" not in str(report["stderr"]).lower()


def test_without_the_thread_nothing_is_loaded_before_the_import() -> None:
    """The twin of the test above: the libraries it found came from the thread."""
    report = child(
        "import privacy_checkup.cli, privacy_checkup.session.app_catalog, privacy_checkup.session.app_state\n"
        "print(json.dumps({'mapped': mapped()}))\n")
    assert report["mapped"] is False


LOAD_WITH = (
    "import ctypes, os, time, _thread\n"  # ctypes loaded first: the thread does nothing but the load
    "from privacy_checkup.ui.startup import qt_preload\n"
    "marks = []\n"
    "started = time.perf_counter()\n"
    "{start}\n"
    "while not preload.wait(0):\n"
    "    marks.append(time.perf_counter())\n"
    "ended = time.perf_counter()\n"
    "gaps = [b - a for a, b in zip([started, *marks], [*marks, ended])]\n"
    "print(json.dumps({'longest_gap': max(gaps), 'load': ended - started, 'loaded': preload.loaded}))\n"
)


def test_the_first_thread_runs_on_while_the_libraries_load() -> None:
    """The load runs without the GIL: the first thread never stops for long while it goes on."""
    report = child(LOAD_WITH.replace("{start}", "preload = qt_preload.start()"))
    assert report["loaded"] is True
    assert float(str(report["longest_gap"])) < float(str(report["load"])) / 3


def test_a_load_that_holds_the_gil_stops_the_first_thread() -> None:
    """The twin: the same library loaded through Python's own loading call (which keeps the GIL) stops
    the first thread for most of the load, so the test above can tell the difference."""
    holding = (
        "preload = qt_preload.Preload(qt_preload.widgets_extension())\n"
        "for name in qt_preload.STANDARD_C_MODULES: __import__(name)\n"
        "def load():\n"
        "    ctypes.PyDLL(preload.library)\n"
        "    preload.loaded = True\n"
        "    preload.finished.release()\n"
        "_thread.start_new_thread(load, ())\n"
    )
    report = child(LOAD_WITH.replace("{start}", holding))
    assert report["loaded"] is True
    assert float(str(report["longest_gap"])) > float(str(report["load"])) / 3


def test_nothing_the_start_imports_next_waits_for_the_load() -> None:
    """A library load waits for any other in progress: the app's start-up imports no new module with a
    C part while Qt's libraries load. STANDARD_C_MODULES holds what they would have been."""
    code = (
        "def c_modules():\n"
        "    return {n for n, m in sys.modules.items() if str(getattr(m, '__file__', '')).endswith('.so')}\n"
        "{prepare}\n"
        "before = c_modules()\n"
        "import privacy_checkup.cli, privacy_checkup.session.app_catalog, privacy_checkup.session.app_state\n"
        "print(json.dumps({'new': sorted(c_modules() - before - {'_ctypes'})}))\n"
    )
    with_preload = child(code.replace("{prepare}", "from privacy_checkup.ui.startup import qt_preload\n"
                                                   "preload = qt_preload.start()"))
    assert with_preload["new"] == []
    without = child(code.replace("{prepare}", ""))  # the twin: these would have waited
    assert "_sqlite3" in str(without["new"])
    assert "_datetime" in str(without["new"])


@pytest.mark.parametrize(("arguments", "preloads"), [
    ([], True), (["--background"], True), (["--quit-after-show"], True),
    (["status"], False), (["--self-test"], False), (["validate", "x.json"], False),
])
def test_only_launches_that_open_the_app_load_qt_early(arguments: list[str], preloads: bool) -> None:
    report = child(
        "from privacy_checkup import launch\n"
        f"preload = launch.prepare({arguments!r})\n"
        "finished = preload is not None and preload.wait(60)\n"
        "print(json.dumps({'started': preload is not None, 'finished': finished, 'mapped': mapped()}))\n")
    assert report["started"] is preloads
    assert report["finished"] is preloads
    assert report["mapped"] is preloads
