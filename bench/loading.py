"""Checklist loading: validate and load N generated checklist files of 30 items each."""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from privacy_checkup.core.loader import checklist_files, load_files

ITEMS_PER_FILE = 30


def generated_checklist(index: int) -> dict[str, object]:
    def item(n: int) -> dict[str, object]:
        return {
            "id": f"item-{n}", "revision": 1 + n % 3, "title": f"Turn off setting number {n}",
            "why": "Leaving this on lets strangers learn who you know and where you are. " * 2,
            "recommended": "Off",
            "steps": {surface: ["Open the app", "Tap Profile", "Tap Settings and privacy", f"Turn off setting {n}"]
                      for surface in ("ios", "android", "web")},
            "risk": ("high", "medium", "low")[n % 3], "personas": ["everyone"],
            "sources": [{"title": "Help centre", "url": f"https://help.example.com/article/{n}"}],
            "last_verified": "2026-11-01",
        }
    return {
        "$schema": "./checklist.schema.json", "schema_version": 1, "id": f"generated-{index}",
        "title": f"Generated {index}", "version": 1, "last_verified": "2026-11-01", "review_interval_days": 90,
        "sources": [{"title": "Help centre", "url": "https://help.example.com/"}],
        "sections": [{"id": f"section-{s}", "title": f"Section {s}",
                      "items": [item(s * 10 + i) for i in range(10)]} for s in range(ITEMS_PER_FILE // 10)],
    }


def write_files(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"generated-{index:05d}.json").write_text(json.dumps(generated_checklist(index), indent=2))


def time_load(folder: Path, runs: int = 5) -> float:
    """Median seconds to list, validate and load every file in `folder`."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = load_files(checklist_files(folder))
        samples.append(time.perf_counter() - start)
        assert not result.errors
        del result  # freed before the next run, not while it loads: each run starts from the same heap
    return statistics.median(samples)


def main(counts: list[int]) -> list[tuple[int, float]]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            folder = Path(tmp) / str(count)
            write_files(folder, count)
            seconds = time_load(folder)
            out.append((count, seconds))
            print(f"{count:>6} files: {seconds:8.3f} s median of 5, {seconds / count * 1000:6.3f} ms per file")
    for (before, before_seconds), (count, seconds) in itertools.pairwise(out):
        print(f"{before:,} -> {count:,} files: {count / before:g}x the files took "
              f"{seconds / before_seconds:.2f}x the time")
    return out


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
