"""What the start-up path to the painted dashboard leaves out, so that start-up stays fast
(bench/startup.py measures it; README "Benchmarks" has the figures).

Each module named here was once on that path and cost measurable time: the validator (it now runs
only for changed files), the notes vault and its crypto (notes are opened when first needed), the
`dataclasses` module (a dataclass compiles its methods when defined: ~0.7 ms each, 6 ms a start),
QMessageBox and the app's messages (shown only for an error: 0.5 ms), and PySide6's `Qt` namespace,
whose 93 Python enums take 14 ms to build (ui/enum_properties.py). PySide6 builds a class's Python
enums when the class is first named, so QIcon (1 ms: the window icon is set after the first paint),
QKeySequence (so are the Quit keys), and QPainter and QtSvg (icons are drawn by Qt's SVG image
plug-in, then kept as PNG) wait too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]

# The child starts the real app to its first paint, then quits. At that paint (where the start-up
# benchmark stops its clock) it reports every module loaded and which PySide6 classes were named.
PROBE = (
    "import json, sys\n"
    "from privacy_checkup import cli\n"
    "from privacy_checkup.ui import app as ui_app\n"
    "seen = {}\n"
    "def at_first_paint(app, report=ui_app.quit_reporting_paint):\n"
    "    named = {'QtCore': ('Qt',), 'QtGui': ('QIcon', 'QKeySequence', 'QPainter'), 'QtWidgets': ('QMessageBox',)}\n"
    "    seen['built'] = [f'{m}.{n}' for m, names in named.items() for n in names\n"
    "                     if n in vars(sys.modules['PySide6.' + m])]\n"
    "    seen['modules'] = sorted(sys.modules)\n"
    "    seen['svg_plugin_loaded'] = None  # known on Linux, from the shared libraries loaded\n"
    "    if sys.platform.startswith('linux'):\n"
    "        with open('/proc/self/maps', encoding='utf-8') as maps:\n"
    "            seen['svg_plugin_loaded'] = 'libqsvg' in maps.read()\n"
    "    report(app)\n"
    "ui_app.quit_reporting_paint = at_first_paint\n"
    "code = cli.main(['--quit-after-show'])\n"
    "print(json.dumps({'exit': code, **seen, REPORT}))\n"
)

LEFT_OUT = ("dataclasses", "PySide6.QtSvg", "privacy_checkup.ui.messages", "privacy_checkup.core.spec",
            "privacy_checkup.storage.vault", "cryptography", "keyring", "privacy_checkup.ui.screens.checkup.view",
            "privacy_checkup.ui.dialogs.profile")


def start_app(home: Path, before: str = "", also_report: str = "") -> dict[str, object]:
    """Run `before`, then the probe; `also_report` adds entries (Python source) to its report."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), PRIVACY_CHECKUP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", before + PROBE.replace("REPORT", also_report)], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def loaded(report: dict[str, object], names: tuple[str, ...]) -> list[str]:
    modules = report["modules"]
    assert isinstance(modules, list)
    return [name for name in names if name in modules]


def onboarded_home(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A person who has chosen every platform: the dashboard shows all 13 cards."""
    from bench.startup import realistic_home

    monkeypatch.setenv("PRIVACY_CHECKUP_HOME", str(home))  # realistic_home sets it; this undoes it after
    realistic_home(home, weeks=8)
    return home


def test_the_dashboard_paints_without_the_slow_or_unneeded_modules(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    home = onboarded_home(tmp_path / "home", monkeypatch)
    start_app(home)  # the first start validates the bundled files and keeps their last good copies
    report = start_app(home)
    assert report["exit"] == 0
    assert loaded(report, ("privacy_checkup.ui.screens.dashboard",)) != []  # the dashboard really was built
    assert loaded(report, LEFT_OUT) == []
    assert report["built"] == []
    if sys.platform.startswith("linux"):
        assert report["svg_plugin_loaded"] is False  # the icons drawn at the first start are kept as PNG


def test_the_check_sees_a_module_that_joins_the_start_up_path(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # It must be able to fail: here something on the way imports dataclasses and builds QMessageBox,
    # QIcon and the Qt namespace.
    home = onboarded_home(tmp_path / "home", monkeypatch)
    report = start_app(home, before="import dataclasses\nfrom PySide6.QtWidgets import QMessageBox\n"
                                    "from PySide6.QtCore import Qt\nfrom PySide6.QtGui import QIcon\n")
    assert loaded(report, LEFT_OUT) == ["dataclasses"]
    assert report["built"] == ["QtCore.Qt", "QtGui.QIcon", "QtWidgets.QMessageBox"]
    if sys.platform.startswith("linux"):
        first_start = start_app(tmp_path / "new home")  # nothing drawn yet: the SVG plug-in draws the icons
        assert first_start["svg_plugin_loaded"] is True


# At the window's first paint event (not a turn of the event loop later, when Qt would have caught
# up), every wrapped label shown must have the height its text needs, and every icon its pixmap's.
FIRST_FRAME = (
    "import json, sys\n"
    "from PySide6.QtCore import QEvent, QObject\n"
    "from PySide6.QtWidgets import QLabel\n"
    "from privacy_checkup import cli\n"
    "from privacy_checkup.ui import app as ui_app\n"
    "cut = []\n"
    "class FirstFrame(QObject):\n"
    "    def eventFilter(self, window, event):\n"
    "        if event.type() == QEvent.Type.Paint:\n"
    "            window.removeEventFilter(self)\n"
    "            for label in window.findChildren(QLabel):\n"
    "                if not label.isVisible():\n"
    "                    continue\n"
    "                needed = label.pixmap().deviceIndependentSize().height() if not label.pixmap().isNull() \\\n"
    "                    else label.heightForWidth(label.width()) if label.wordWrap() else 0\n"
    "                if label.height() < needed:\n"
    "                    cut.append([label.text() or label.accessibleName(), label.height(), needed])\n"
    "        return False\n"
    "watcher = FirstFrame()\n"
    "show = ui_app.MainWindow.show\n"
    "def watched_show(window):\n"
    "    window.installEventFilter(watcher)\n"
    "    show(window)\n"
    "ui_app.MainWindow.show = watched_show\n"
)


def test_the_first_frame_shows_the_dashboard_laid_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = onboarded_home(tmp_path / "home", monkeypatch)
    report = start_app(home, before=FIRST_FRAME, also_report="'cut': cut")
    assert report["exit"] == 0
    assert report["cut"] == []


def test_the_first_frame_check_sees_text_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # It must be able to fail: without the layouts settled before the loop runs, the first frame
    # squeezed the cards into the window's height.
    home = onboarded_home(tmp_path / "home", monkeypatch)
    report = start_app(home, before=FIRST_FRAME + "ui_app.MainWindow.show_laid_out = ui_app.MainWindow.show\n",
                       also_report="'cut': cut")
    assert report["exit"] == 0
    cut = report["cut"]
    assert isinstance(cut, list)
    assert len(cut) >= 6  # at least each card's description
