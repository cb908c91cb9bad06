"""Start-up benchmark: launch to painted dashboard, against a bare PySide6 window, with a realistic store."""

from __future__ import annotations

import compileall
import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench.measure import START_UP_RUNS, Sample, median, medians_taking_turns, run_once

ROOT = Path(__file__).resolve().parents[1]


def realistic_home(home: Path, weeks: int = 52) -> None:
    """13 chosen checklists and a year of weekly reviews, written through the real store API."""
    os.environ["PRIVACY_CHECKUP_HOME"] = str(home)
    from privacy_checkup.core.model import Persona
    from privacy_checkup.session.app_catalog import load_catalog
    from privacy_checkup.storage import paths
    from privacy_checkup.storage.progress import AnswerState, ProgressStore

    catalog = load_catalog()
    states = list(AnswerState)
    start = dt.datetime.now(dt.UTC) - dt.timedelta(weeks=weeks)
    with ProgressStore.open(paths.store_path()) as store:
        store.set_persona(Persona.HIGH_PROFILE)
        store.set_platforms([c.id for c in catalog.checklists], start)
        store.set_onboarded()
        for week in range(0, weeks, 4):  # a review of every platform every four weeks
            when = start + dt.timedelta(weeks=week)
            for checklist in catalog.checklists:
                review = store.start_review(checklist.id, checklist.version, when)
                for number, item in enumerate(checklist.items):
                    store.record_answer(review.id, item.id, item.revision, states[(week + number) % 3], when)
                store.complete_review(review.id, when + dt.timedelta(minutes=30))


@contextlib.contextmanager
def desktop_session_bus(env: dict[str, str]) -> Iterator[dict[str, str]]:
    """A desktop session has a D-Bus session bus. Without one (a bare Xvfb), Qt's accessibility bridge
    makes libdbus launch a bus on the first accessible name, ~8 ms that no desktop user pays: the
    benchmark gives both windows a private session bus instead, as a desktop would."""
    daemon = shutil.which("dbus-daemon")
    if env.get("DBUS_SESSION_BUS_ADDRESS") or daemon is None:
        yield env
        return
    with subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as bus:
        try:
            assert bus.stdout is not None
            yield {**env, "DBUS_SESSION_BUS_ADDRESS": bus.stdout.readline().strip()}
        finally:
            bus.terminate()
            bus.wait(timeout=10)


def app_command() -> list[str]:
    """How people start it: the installed `privacy-checkup` launcher beside this Python, else `python -m`."""
    launcher = Path(sys.executable).with_name("privacy-checkup")
    return [str(launcher)] if launcher.is_file() else [sys.executable, "-m", "privacy_checkup"]


def first_start(env_base: dict[str, str], runs: int, tmp: Path) -> tuple[Sample, Sample]:
    """The first start after an install: a new home each time (no store, no last good copies of checklists,
    no icon cache), up to the welcome screen's first paint; in turn with the bare window."""
    bare_command = [sys.executable, str(ROOT / "packaging" / "hello" / "hello.py"), "--quit-after-show"]
    app_times: list[Sample] = []
    bare_times: list[Sample] = []
    for number in range(runs):
        fresh = tmp / f"first-start-{number}"
        with desktop_session_bus({**env_base, "PRIVACY_CHECKUP_HOME": str(fresh)}) as env:
            bare_times.append(run_once(bare_command, env))
            app_times.append(run_once([*app_command(), "--quit-after-show"], env))
    return median(app_times), median(bare_times)


def measure(runs: int = START_UP_RUNS, weeks: int = 52) -> list[tuple[str, float, float, str]]:
    # Measure the app as installed: pip and PyInstaller ship compiled bytecode, which a source
    # checkout under PYTHONDONTWRITEBYTECODE never gets (it would recompile ~60 modules per start).
    compileall.compile_dir(str(ROOT / "src" / "privacy_checkup"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        home = Path(tmp)
        realistic_home(home, weeks)
        with desktop_session_bus({**os.environ, "PRIVACY_CHECKUP_HOME": str(home)}) as env:
            # One start first, unmeasured: it checks every checklist file and keeps their last good
            # copies, as the first start after an install or an update does, once.
            run_once([*app_command(), "--quit-after-show"], env)
            bare, app = medians_taking_turns(
                [[sys.executable, str(ROOT / "packaging" / "hello" / "hello.py"), "--quit-after-show"],
                 [*app_command(), "--quit-after-show"]], env, runs)
        first, bare_again = first_start(env_base={**os.environ}, runs=runs, tmp=home)
    return [
        ("start-up to painted window (s)", app.seconds, bare.seconds, "<= 1.6"),
        ("first start after install (s)", first.seconds, bare_again.seconds, "<= 1.6"),
        ("start-up to exit, for reference (s)", app.exit_seconds, bare.exit_seconds, "-"),
        ("start-up peak memory (MiB)", app.peak_kib / 1024, bare.peak_kib / 1024, "<= 1.3"),
    ]
