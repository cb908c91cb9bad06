"""Killing the app at random moments never loses an answer it reported saved, nor corrupts the store."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import privacy_checkup
from privacy_checkup.storage.progress import ProgressStore

KILLS_ENV = "PRIVACY_CHECKUP_DURABILITY_KILLS"
WRITER = Path(__file__).with_name("answer_writer.py")


def _run_and_kill(store_path: Path, first: int, rng: random.Random) -> list[int]:
    """Start the writer, SIGKILL it at a random moment, return the ids it reported saved."""
    env = {**os.environ, "PYTHONPATH": str(Path(privacy_checkup.__file__).parents[1])}  # this tree, not /work/main
    child = subprocess.Popen([sys.executable, str(WRITER), str(store_path), str(first)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    reported: list[int] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "ready":
                ready.set()
            else:
                reported.append(int(line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(timeout=30)
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0, 0.002))  # sometimes right after opening, while the store may still migrate
    else:
        time.sleep(rng.uniform(0, 0.25))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=30)
    assert child.stderr is not None
    errors = child.stderr.read()
    child.stderr.close()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, errors
    return reported


@pytest.mark.slow
def test_answers_reported_saved_survive_sigkill_and_store_stays_intact(store_path):
    kills = int(os.environ.get(KILLS_ENV, "50"))
    rng = random.Random(int(os.environ.get("PRIVACY_CHECKUP_DURABILITY_SEED", str(time.time_ns()))))
    promised: set[int] = set()
    lost: set[int] = set()
    next_id = 0
    for _ in range(kills):
        reported = _run_and_kill(store_path, next_id, rng)
        promised.update(reported)
        next_id += 1_000_000  # each run writes its own ids, so a run never re-saves a lost one
        with ProgressStore.open(store_path) as store:  # what the app would see after the crash
            saved = {int(item.removeprefix("item-")) for item in store.latest_answers("durability")}
        lost |= promised - saved
    conn = sqlite3.connect(store_path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    print(f"\ndurability: {kills} kills, {len(promised)} answers reported saved, {len(lost)} lost")
    assert len(promised) > kills, "the writer should have saved answers between kills"
    assert lost == set()
    assert integrity == [("ok",)]
