"""Screenshots of the real app for the docs: first run, dashboard (one platform overdue), a wizard page.

Run from the repository root:  python packaging/screenshots.py [--out docs/screenshots]
It re-runs itself under `xvfb-run` (1280x800, 24-bit) unless --inner is given, prepares a
temporary PRIVACY_CHECKUP_HOME with a real progress store, and saves PNGs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)


def _outer(out: Path, dark: bool, scale: str | None) -> int:
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0]}x{SIZE[1]}x24",
               sys.executable, str(Path(__file__).resolve()), "--inner", "--out", str(out)]
    if dark:
        command.append("--dark")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), QT_QPA_PLATFORM="xcb")
    env.pop("QT_SCALE_FACTOR", None)
    if scale:
        env["QT_SCALE_FACTOR"] = scale  # e.g. 2: how the app looks at 200% on the same screen
    return subprocess.call(command, env=env)


def _inner(out: Path, dark: bool) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from privacy_checkup.core.model import Persona, Surface
    from privacy_checkup.storage.keystore import MemoryKeyStore
    from privacy_checkup.storage.progress import AnswerState
    from privacy_checkup.ui import app as app_module
    from privacy_checkup.ui.look import theme
    from privacy_checkup.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    application = app_module.application()
    theme.apply(application, theme.DARK if dark else theme.LIGHT)  # not the build machine's preference

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    def shoot(window: MainWindow, name: str) -> None:
        screen_size = window.screen().availableGeometry().size()  # smaller than SIZE when scaled
        window.setGeometry(0, 0, screen_size.width(), screen_size.height())
        window.show()
        window.raise_()
        settle()
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0, 0, 0, *SIZE) if screen is not None else window.grab()
        if image.isNull():
            image = window.grab()
        path = out / f"{name}.png"
        image.save(str(path), "PNG", 0)  # 0: smallest file
        print(f"{path}: {path.stat().st_size // 1024} KiB")

    loaded = app_module.load_catalog()
    catalog = loaded.catalog
    keys = MemoryKeyStore("screenshots")

    with tempfile.TemporaryDirectory(prefix="pc-shots-") as temp:
        # 1. First run, on an empty home.
        os.environ["PRIVACY_CHECKUP_HOME"] = str(Path(temp) / "fresh")
        state = app_module.open_state(loaded, keys)
        window = MainWindow(state)
        shoot(window, "first-run")
        assert window.first_run is not None
        window.first_run.go_next()
        settle(100)
        shoot(window, "first-run-persona")
        window.close()
        state.store.close()

        # 2. A person who has used the app for a while: one platform overdue, one in progress.
        os.environ["PRIVACY_CHECKUP_HOME"] = str(Path(temp) / "used")
        state = app_module.open_state(loaded, keys)
        store = state.store
        now = dt.datetime.now(dt.UTC)
        wanted = [cid for cid in ("tiktok", "instagram", "youtube", "snapchat", "threads") if catalog.get(cid)]
        store.set_persona(Persona.HIGH_PROFILE)
        store.set_platforms(wanted, now - dt.timedelta(days=200))
        for cid in wanted:
            store.set_surface(cid, Surface.WEB if cid == "instagram" else Surface.IOS)
        store.set_onboarded()

        def review(cid: str, days_ago: int, fraction: float, complete: bool) -> None:
            checklist = catalog.get(cid)
            assert checklist is not None
            when = now - dt.timedelta(days=days_ago)
            opened = store.start_review(cid, checklist.version, when)
            items = checklist.items_for(Persona.HIGH_PROFILE)
            for index, item in enumerate(items[: round(len(items) * fraction)]):
                answer = AnswerState.SKIPPED if index % 5 == 3 else AnswerState.DONE
                store.record_answer(opened.id, item.id, item.revision, answer, when + dt.timedelta(minutes=index))
            if complete:
                store.complete_review(opened.id, when + dt.timedelta(hours=1))

        review("tiktok", 130, 1.0, True)        # overdue (90-day interval)
        review("instagram", 2, 0.4, False)      # in progress
        if "youtube" in wanted:
            review("youtube", 20, 1.0, True)    # up to date
        window = MainWindow(state)
        app_module.start_reminders(window, application)  # the Reminders menu, as the real app has it
        window.show_dashboard()
        shoot(window, "dashboard")

        # 3. A wizard page: resume Instagram where it was left.
        window.open_checkup("instagram")
        shoot(window, "wizard")
        window.close()
        store.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--dark", action="store_true", help="use the dark palette")
    parser.add_argument("--scale", help="QT_SCALE_FACTOR for the app, e.g. 2 (200%%)")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return _inner(args.out, args.dark) if args.inner else _outer(args.out, args.dark, args.scale)


if __name__ == "__main__":
    sys.exit(main())
