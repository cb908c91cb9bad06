"""Is one start-up faster than another? Interleaved runs of two commands, with a confidence interval.

    python -m bench.ab --runs 21 -- "A command" -- "B command"

Each round starts A then B (the order alternates from round to round), on the same realistic home
as bench/startup.py, and the difference of each round's first-paint times is kept. The report is the
median difference (B - A) with a 95 % bootstrap confidence interval: a trick "wins" only when the
whole interval lies on its side of zero.
"""

from __future__ import annotations

import argparse
import random
import shlex
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from bench.measure import run_once
from bench.startup import desktop_session_bus, realistic_home


class Comparison(NamedTuple):
    a_median: float
    b_median: float
    difference: float  # median of B - A over the rounds, in seconds
    low: float
    high: float
    rounds: int


def bootstrap_interval(values: Sequence[float], samples: int = 4000, seed: int = 20261204) -> tuple[float, float]:
    """The 95 % percentile bootstrap interval of the median of `values`."""
    rng = random.Random(seed)
    medians = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(samples))
    return medians[int(0.025 * samples)], medians[int(0.975 * samples) - 1]


def compare(a: Sequence[str], b: Sequence[str], env: dict[str, str], runs: int) -> Comparison:
    a_times: list[float] = []
    b_times: list[float] = []
    for round_number in range(runs):
        order = [(a, a_times), (b, b_times)]
        for command, times in order if round_number % 2 == 0 else reversed(order):
            times.append(run_once(command, env).seconds)
    differences = [after - before for before, after in zip(a_times, b_times, strict=True)]
    low, high = bootstrap_interval(differences)
    return Comparison(statistics.median(a_times), statistics.median(b_times), statistics.median(differences),
                      low, high, runs)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments.count("--") != 2:
        print(__doc__, file=sys.stderr)
        return 2
    first = arguments.index("--")
    second = arguments.index("--", first + 1)
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--weeks", type=int, default=52)
    options = parser.parse_args(arguments[:first])
    a = shlex.split(" ".join(arguments[first + 1:second]))
    b = shlex.split(" ".join(arguments[second + 1:]))
    import os

    with tempfile.TemporaryDirectory(prefix="ab-bench-") as tmp:
        realistic_home(Path(tmp), options.weeks)
        with desktop_session_bus({**os.environ, "PRIVACY_CHECKUP_HOME": tmp}) as env:
            run_once(a, env)  # the first start keeps the checklists' last good copies, as after an install
            run_once(b, env)
            result = compare(a, b, env, options.runs)
    print(f"A: {shlex.join(a)}\nB: {shlex.join(b)}")
    print(f"{result.rounds} rounds: A {result.a_median * 1000:.1f} ms, B {result.b_median * 1000:.1f} ms; "
          f"B - A median {result.difference * 1000:+.1f} ms, 95 % interval "
          f"[{result.low * 1000:+.1f}, {result.high * 1000:+.1f}] ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
