"""PySide6 reads the source of each module it has not seen (PYSIDE-2029); load_qt spares it the ones
loaded before Qt. These run in a child process: PySide6 must be loaded fresh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SPY = (
    "feature = sys.modules['shibokensupport.feature']\n"
    "scanned = []\n"
    "scan = feature._mod_uses_pyside\n"
    "feature._mod_uses_pyside = lambda module: scanned.append(module.__name__) or scan(module)\n"
    "import privacy_checkup.ui.app\n"
    "print(json.dumps({'entered': entered, 'scanned': scanned}))\n"
)


def scanned_after(load: str) -> dict[str, object]:
    code = "import json, sys\nimport datetime, typing, privacy_checkup.storage.app_catalog\n" + load + SPY
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_the_window_modules_do_not_make_pyside_read_what_was_loaded_before_qt() -> None:
    report = scanned_after("from privacy_checkup.ui.qt_loading import load_qt\nentered = load_qt()\n")
    scanned = report["scanned"]
    assert isinstance(scanned, list)
    assert isinstance(report["entered"], int)
    assert report["entered"] > 50
    loaded_before = {"datetime", "typing", "privacy_checkup.core.model", "privacy_checkup.storage.app_catalog"}
    assert not loaded_before & set(scanned)
    assert "privacy_checkup.ui.dashboard" in scanned  # new modules are still looked at, as PySide6 wants


def test_without_it_pyside_reads_them_again() -> None:
    # The check above can fail: a plain import of Qt leaves PySide6 to read them.
    report = scanned_after("import PySide6.QtWidgets\nentered = 0\n")
    scanned = report["scanned"]
    assert isinstance(scanned, list)
    assert {"datetime", "typing", "privacy_checkup.core.model"} <= set(scanned)


# In a PyInstaller bundle, PySide6's runtime hook has loaded Qt before the app's first line, so its scan
# meets every Qt-free module as it is imported; qt_free_imports gives it the answer instead.
FROZEN_ORDER = (
    "import json, sys\n"
    "import PySide6.QtWidgets\n"
    "feature = sys.modules['shibokensupport.feature']\n"
    "scanned = []\n"
    "scan = feature._mod_uses_pyside\n"
    "feature._mod_uses_pyside = lambda module: scanned.append(module.__name__) or scan(module)\n"
    "from privacy_checkup.ui.qt_loading import qt_free_imports\n"
    "before = set(sys.modules)\n"
    "IMPORT\n"
    "inside = sorted(set(sys.modules) - before)\n"
    "import privacy_checkup.ui.dashboard\n"
    "print(json.dumps({'scanned': scanned, 'inside': inside,\n"
    "                  'verdict': feature.pyside_feature_dict.get('privacy_checkup.core.model')}))\n"
)


def scanned_when_qt_came_first(imports: str) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", FROZEN_ORDER.replace("IMPORT", imports)], env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_qt_free_imports_are_not_scanned_when_qt_is_loaded_first() -> None:
    report = scanned_when_qt_came_first("with qt_free_imports():\n    import privacy_checkup.storage.app_catalog")
    scanned, inside = report["scanned"], report["inside"]
    assert isinstance(scanned, list)
    assert isinstance(inside, list)
    assert "privacy_checkup.core.model" in inside
    assert set(scanned) & set(inside) == set()
    assert report["verdict"] == -1  # recorded as not using PySide6, as the scan would have
    assert "privacy_checkup.ui.platform_card" in scanned  # the scan is back for what comes after


def test_without_it_they_are_scanned_one_by_one() -> None:
    report = scanned_when_qt_came_first("import privacy_checkup.storage.app_catalog")
    scanned, inside = report["scanned"], report["inside"]
    assert isinstance(scanned, list)
    assert isinstance(inside, list)
    assert {"privacy_checkup.core.model", "privacy_checkup.storage.progress"} <= set(scanned) & set(inside)
    assert report["verdict"] == -1
