"""Benchmark of the progress store: durable answer saves, the dashboard query, opening, and scrypt.

Run: PYTHONPATH=src python bench/store_bench.py [--dir DIR] [--years 10]
The store is built in a fresh folder (a temp folder unless --dir is given); nothing touches the real home.
Targets: saving one answer < 20 ms, summaries() < 50 ms. Numbers are printed, not asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from privacy_checkup.storage.database import to_db_time
from privacy_checkup.storage.keystore import MemoryKeyStore
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from privacy_checkup.storage.recovery import new_recovery_key, wrap_key
from privacy_checkup.storage.vault import NotesVault

CHECKLISTS = 13
ITEMS = 30
STATES = [state.value for state in AnswerState]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, times: list[float], target: float | None = None) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    verdict = "" if target is None else ("  OK" if statistics.median(times) < target else "  OVER TARGET")
    goal = "" if target is None else f"  (target < {target:g} ms)"
    print(f"{label:<44} median {statistics.median(times):8.2f} ms   p95 {p95:8.2f} ms   n={len(times)}{goal}{verdict}")


def build_history(store: ProgressStore, years: int, start: dt.datetime) -> dt.datetime:
    """Weekly completed reviews of every checklist, 30 answers each, written in one bulk transaction
    (through the store's own connection and schema, as record_answer would write them)."""
    weeks = years * 52
    with store.database.write() as conn:
        for week in range(weeks):
            when = start + dt.timedelta(weeks=week)
            for number in range(CHECKLISTS):
                checklist_id = f"checklist-{number:02d}"
                cursor = conn.execute("INSERT INTO reviews (checklist_id, checklist_version, started_at, completed_at) "
                                      "VALUES (?, ?, ?, ?)", (checklist_id, 1 + week // 26, to_db_time(when),
                                                              to_db_time(when + dt.timedelta(minutes=20))))
                conn.executemany(
                    "INSERT INTO answers (review_id, checklist_id, item_id, item_revision, state, answered_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(cursor.lastrowid, checklist_id, f"item-{item:02d}", 1 + week // 52, STATES[(week + item) % 3],
                      to_db_time(when + dt.timedelta(seconds=item))) for item in range(ITEMS)])
        conn.execute("INSERT INTO answer_current (checklist_id, item_id, answer_id, review_id, state) "
                     "SELECT a.checklist_id, a.item_id, a.id, a.review_id, a.state FROM answers AS a JOIN "
                     "(SELECT max(id) AS newest FROM answers GROUP BY checklist_id, item_id) ON a.id = newest")
    store.set_platforms([f"checklist-{number:02d}" for number in range(CHECKLISTS)], start)
    return start + dt.timedelta(weeks=weeks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dir", type=Path, help="folder for the benchmark store (default: a new temp folder)")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--saves", type=int, default=300)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="store-bench-", dir=args.dir))
    os.environ["PRIVACY_CHECKUP_HOME"] = str(folder)
    path = folder / "data" / "progress.sqlite3"
    print(f"store: {path}", flush=True)

    with ProgressStore.open(path) as store:
        start = time.perf_counter()
        now = build_history(store, args.years, dt.datetime(2016, 1, 4, 9, tzinfo=dt.UTC))
        answers = store.database.connection.execute("SELECT count(*) FROM answers").fetchone()[0]
        reviews = store.database.connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
        print(f"built {reviews} reviews, {answers} answers in {time.perf_counter() - start:.1f} s")
    print(f"store size: {path.stat().st_size / 1e6:.1f} MB")

    report("open (quick_check, migrations)", timed(lambda: ProgressStore.open(path).close(), 10))
    with ProgressStore.open(path) as store:
        review = store.start_review("checklist-00", 99, now)
        counter = iter(range(10**9))
        report("record_answer, durable (WAL, synchronous=FULL)",
               timed(lambda: store.record_answer(review.id, f"item-{next(counter) % ITEMS:02d}", 2,
                                                 AnswerState.DONE, now), args.saves), target=20)
        report("summaries() over the whole history", timed(store.summaries, 50), target=50)
        report("latest_answers(one checklist)", timed(lambda: store.latest_answers("checklist-05"), 50))
        vault = NotesVault(store, MemoryKeyStore())
        vault.write_note("checklist-00", "item-00", "first", now)  # creates the key (scrypt once)
        report("write_note (encrypt + durable save)",
               timed(lambda: vault.write_note("checklist-00", "item-01", "a note " * 20, now), 100))
        report("read_note", timed(lambda: vault.read_note("checklist-00", "item-01"), 100))
    report("scrypt key wrap (n=2**15, r=8, p=1)", timed(lambda: wrap_key(bytes(32), new_recovery_key(), "v"), 10),
           target=500)


if __name__ == "__main__":
    main()
