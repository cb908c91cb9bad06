"""Starting the app: --quit-after-show for benchmarks, and Qt imported only for the GUI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), PRIVACY_CHECKUP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def run_code(code: str, home: Path) -> None:
    """Run `code` in a child Python with the app's source and `home`; it must exit 0."""
    result = subprocess.run([sys.executable, "-c", code], env=_env(home), capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_quit_after_show_exits_after_the_first_paint(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "privacy_checkup", "--quit-after-show"],
                            env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "home" / "data" / "progress.sqlite3").is_file()  # the real store was opened
    assert "quit-after-show" not in subprocess.run(
        [sys.executable, "-m", "privacy_checkup", "--help"], env=_env(tmp_path / "home"),
        capture_output=True, text=True, timeout=60, check=False).stdout  # hidden


def test_quit_after_show_at_200_percent_scaling(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "privacy_checkup", "--quit-after-show"],
                            env=_env(tmp_path / "home", QT_SCALE_FACTOR="2"), capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_a_bad_checklist_file_does_not_stop_the_app(tmp_path: Path):
    office = tmp_path / "office-checklists"
    office.mkdir()
    (office / "broken.json").write_text("{", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "privacy_checkup", "--checklists-dir", str(office),
                             "--quit-after-show"], env=_env(tmp_path / "home"), capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_command_line_commands_do_not_import_qt(tmp_path: Path):
    code = ("import sys\nfrom privacy_checkup import cli\n"
            "cli.main(['checklists', '--json'])\n"
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n")
    run_code(code, tmp_path / "home")


def test_background_start_with_nothing_overdue_and_no_tray_opens_nothing(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "privacy_checkup", "--background"],
                            env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_the_collector_rests_while_the_window_is_built_and_resumes_after_the_first_paint(tmp_path: Path):
    code = ("import gc, sys\n"
            "from privacy_checkup import cli\n"
            "from privacy_checkup.ui import app as ui_app\n"
            "seen = []\n"
            "class Watched(ui_app.MainWindow):\n"
            "    def __init__(self, *args):\n"
            "        seen.append(('build', gc.isenabled()))\n"
            "        super().__init__(*args)\n"
            "ui_app.MainWindow = Watched\n"
            "quit_after_paint = ui_app.quit_reporting_paint\n"
            "def spy(app):\n"
            "    seen.append(('painted', gc.isenabled() and gc.get_freeze_count() > 1000))\n"
            "    quit_after_paint(app)\n"
            "ui_app.quit_reporting_paint = spy\n"
            "code = cli.main(['--quit-after-show'])\n"
            "assert seen == [('build', False), ('painted', True)], seen\n"
            "sys.exit(code)\n")
    run_code(code, tmp_path / "home")


def test_a_desktop_start_gives_the_window_its_icon_once_it_is_on_screen(tmp_path: Path):
    # The icon is set after the first paint (bench/startup.py counts to that paint): check that it is
    # really set then, at every size a desktop asks for, on the app and on the window.
    code = ("import sys\n"
            "from PySide6.QtCore import QTimer\n"
            "from privacy_checkup import cli\n"
            "from privacy_checkup.ui import app as ui_app\n"
            "seen = []\n"
            "def settle(window, app, painted, settle=ui_app.settle):\n"
            "    seen.append(window.windowIcon().isNull())\n"
            "    settle(window, app, painted)\n"
            "    seen.append(sorted(s.width() for s in window.windowIcon().availableSizes()))\n"
            "    seen.append(app.windowIcon().cacheKey() == window.windowIcon().cacheKey())\n"
            "    QTimer.singleShot(0, app.quit)\n"
            "ui_app.settle = settle\n"
            "code = cli.main([])\n"
            "assert seen == [True, [16, 32, 48, 64, 128, 256], True], seen\n"
            "sys.exit(code)\n")
    run_code(code, tmp_path / "home")


def test_a_damaged_store_found_by_the_check_beside_start_up_ends_the_app_untouched(tmp_path: Path):
    # The store's integrity check runs in a thread of its own while the window is built; the first
    # screen here reads only pages that are sound, so it is the check's verdict that ends the app.
    import datetime as dt

    from tests.storage.damage import damaged_store

    store = tmp_path / "home" / "data" / "progress.sqlite3"
    before = damaged_store(store, dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    result = subprocess.run([sys.executable, "-m", "privacy_checkup", "--quit-after-show"],
                            env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    assert "is damaged" in result.stderr
    assert "first-paint-monotonic" not in result.stdout
    assert store.read_bytes() == before
