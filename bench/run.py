"""Run every benchmark and print one table of ratios against baselines measured in the same run.

    python -m bench.run            # the full run (start-ups: medians of 11, each run in turn with its
                                   # baseline; 100/1,000/10,000 checklist files: medians of 5)
    python -m bench.run --smoke    # a quick pass for CI, so the harness cannot rot (no targets judged)
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from bench import installer, loading, page_change, startup
from bench.measure import START_UP_RUNS


def store_rows(saves: int) -> list[tuple[str, float, float, str]]:
    """A durable answer save and the dashboard query over 10 years of weekly reviews of 13 checklists.

    Baseline: an empty SQLite commit with the same durability settings, timed in the same run."""
    import sqlite3

    from bench.store_bench import build_history
    from privacy_checkup.storage.progress import AnswerState, ProgressStore

    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        os.environ["PRIVACY_CHECKUP_HOME"] = tmp
        path = Path(tmp) / "data" / "progress.sqlite3"
        with ProgressStore.open(path) as store:
            now = build_history(store, 10, dt.datetime(2016, 1, 4, 9, tzinfo=dt.UTC))
            review = store.start_review("checklist-00", 99, now)
            save_ms = _median_ms(lambda n: store.record_answer(review.id, f"item-{n % 30:02d}", 2,
                                                               AnswerState.DONE, now), saves)
            status_ms = _median_ms(lambda n: store.summaries(), 30)
            page_ms = _median_ms(lambda n: store.latest_answers("checklist-05"), 30)
        raw = sqlite3.connect(Path(tmp) / "raw.sqlite3", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("CREATE TABLE t (x)")
        raw_ms = _median_ms(lambda n: raw.execute("INSERT INTO t VALUES (?)", (n,)), saves)
        raw.close()
    return [
        ("durable answer save (ms)", save_ms, raw_ms, "< 20 ms"),
        ("dashboard status query, 10 years (ms)", status_ms, raw_ms, "< 50 ms"),
        ("wizard page answers, 10 years (ms)", page_ms, raw_ms, "-"),
    ]


def _median_ms(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for n in range(repeat):
        start = time.perf_counter()
        action(n)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def loading_rows(counts: list[int]) -> list[tuple[str, float, float, str]]:
    """Each size against the one before it scaled up linearly: "10x the files, at most 11x the time"
    is a ratio of at most 1.1 on every row."""
    results = loading.main(counts)
    base_count, base_seconds = results[0]
    rows = [(f"load {base_count:,} checklist files (s)", base_seconds, base_seconds, "baseline")]
    for (before, before_seconds), (count, seconds) in itertools.pairwise(results):
        rows.append((f"load {count:,} checklist files (s)", seconds, before_seconds * count / before,
                     f"<= 1.1 vs {before:,}"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes and one run each, for CI")
    parser.add_argument("--installer", action="store_true", help="also build and compare PyInstaller bundles")
    args = parser.parse_args(argv)
    runs = 1 if args.smoke else START_UP_RUNS
    rows: list[tuple[str, float, float, str]] = []
    rows += startup.measure(runs=runs, weeks=8 if args.smoke else 52)
    if args.installer:
        rows += installer.main(["--runs", str(runs)])
    rows += page_change.rows(3 if args.smoke else 15)
    rows += store_rows(20 if args.smoke else 300)
    rows += loading_rows([10, 100] if args.smoke else [100, 1000, 10000])
    print()
    print(f"Benchmarks, {dt.date.today().isoformat()}, {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}{' (smoke run: sizes too small to judge)' if args.smoke else ''}")
    print(f"{'measure':<42} {'value':>10} {'baseline':>10} {'ratio':>7}  target")
    for name, value, baseline, target in rows:
        ratio = value / baseline if baseline else float("nan")
        print(f"{name:<42} {value:>10.3f} {baseline:>10.3f} {ratio:>7.2f}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
