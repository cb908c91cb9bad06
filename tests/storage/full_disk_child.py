"""Child process for the real-full-disk test: run inside a private mount namespace on a tiny tmpfs at FOLDER.

    python full_disk_child.py FOLDER RESULT.json

Saves answers, a backup and a report on the tmpfs, fills it to the last byte with a filler file, then tries
each again: answers, a backup over the old one, a report over the old one, and opening the store afresh.
Then frees the filler and checks that everything from before is intact and that saving works again. Writes
what happened to RESULT.json (outside the tmpfs) for the test to judge.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.storage.backup import export_backup
from privacy_checkup.storage.progress import AnswerState, ProgressStore

NOW = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)


def fill(folder: Path) -> Path:
    """Write until the file system says it is full; return the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 1 << 12, 1 << 9, 1):
            block = b"\0" * size
            while True:
                try:
                    os.write(fd, block)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return filler


def attempt(action: Any) -> str:
    try:
        action()
    except PrivacyCheckupError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def main(folder: Path, result_path: Path) -> None:
    store_path = folder / "home" / "data" / "progress.sqlite3"
    backup = folder / "backup.pcbackup"
    report = folder / "report.json"
    env = {**os.environ, "PRIVACY_CHECKUP_HOME": str(folder / "home")}
    with ProgressStore.open(store_path) as store:
        store.set_platforms(["tiktok"], NOW)
        review = store.start_review("tiktok", 1, NOW)
        for number in range(20):
            store.record_answer(review.id, f"before-{number}", 1, AnswerState.DONE, NOW)
    export_backup(store_path, backup)
    subprocess.run([sys.executable, "-m", "privacy_checkup", "report", "--format", "json", "--output", str(report)],
                   env=env, check=True, capture_output=True)
    old_backup, old_report = backup.read_bytes(), report.read_bytes()
    outcome: dict[str, Any] = {}

    with ProgressStore.open(store_path) as store:  # the app is open when the disk fills up
        review = store.start_review("tiktok", 1, NOW)
        filler = fill(folder)
        saved = 0

        def answer_until_full() -> None:
            nonlocal saved
            for number in range(100_000):
                store.record_answer(review.id, f"while-full-{number}-" + "x" * 300, 1, AnswerState.DONE, NOW)
                saved += 1

        outcome["save"] = attempt(answer_until_full)
        outcome["saved_while_filling"] = saved
    fill(folder)  # closing may have checkpointed and freed a little: fill that too
    outcome["open"] = attempt(lambda: ProgressStore.open(store_path).close())
    outcome["backup"] = attempt(lambda: export_backup(store_path, backup, overwrite=True))
    report_run = subprocess.run([sys.executable, "-m", "privacy_checkup", "report", "--format", "json",
                                 "--output", str(report)], env=env, capture_output=True, text=True, check=False)
    outcome["report"] = f"exit {report_run.returncode}: {report_run.stderr.strip()}"
    outcome["backup_unchanged"] = backup.read_bytes() == old_backup
    outcome["report_unchanged"] = report.read_bytes() == old_report
    outcome["leftovers"] = sorted(p.name for p in folder.rglob("*.tmp"))

    filler.unlink()
    with ProgressStore.open(store_path) as store:
        answers = store.latest_answers("tiktok")
        outcome["before_kept"] = all(f"before-{n}" in answers for n in range(20))
        outcome["acknowledged_kept"] = sum(1 for item in answers if item.startswith("while-full-")) >= saved
        outcome["integrity"] = store.database.connection.execute("PRAGMA integrity_check").fetchone()[0]
        review = store.start_review("tiktok", 1, NOW)
        store.record_answer(review.id, "after-freeing-space", 1, AnswerState.DONE, NOW)
        outcome["saves_again"] = "after-freeing-space" in store.latest_answers("tiktok")
    result_path.write_text(json.dumps(outcome, indent=2), "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
