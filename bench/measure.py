"""Timing and memory of a child process: time to its first paint, time to exit, and its peak resident memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

RUNS = 5
START_UP_RUNS = 11  # a start-up is short and noisy: more runs, at 0.3 s each


@dataclass(frozen=True)
class Sample:
    seconds: float  # start to the first paint, when the command reports one; else start to exit
    exit_seconds: float
    peak_kib: int


# A small launcher process starts the command and reports on it. Measuring from the benchmark
# process itself would be wrong: Linux children inherit the parent's peak RSS at fork, so after the
# loading benchmark (over 1 GB) every child would seem to peak at that size.
# A window's start-up ends at its first paint, not at exit (tearing down is not start-up): a command
# run with --quit-after-show prints "first-paint-monotonic T", read on the same system-wide clock.
LAUNCHER = (
    "import os, subprocess, sys, time\n"
    "start = time.monotonic()\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, text=True)\n"
    "output = child.stdout.read()\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "end = time.monotonic()\n"
    "paint = [float(line.split()[1]) for line in output.splitlines() if line.startswith('first-paint-monotonic ')]\n"
    "print((paint[0] if paint else end) - start, end - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))\n"
)


def run_once(command: Sequence[str], env: dict[str, str] | None = None, timeout: float = 120) -> Sample:
    """Start `command` and return its wall time and its own peak RSS."""
    result = subprocess.run([sys.executable, "-c", LAUNCHER, *command], env=env, capture_output=True, text=True,
                            timeout=timeout, check=False)
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"the launcher for {' '.join(command)} failed: {result.stderr[-2000:]}")
    seconds, exit_seconds, peak_kib, code = result.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"{' '.join(command)} exited {code}: {result.stderr[-2000:]}")
    return Sample(float(seconds), float(exit_seconds), int(peak_kib))


def medians_taking_turns(commands: Sequence[Sequence[str]], env: dict[str, str] | None = None,
                         runs: int = RUNS) -> list[Sample]:
    """The median of `runs` runs of each command, run in turn (A, B, A, B...): a machine that slows down
    or speeds up during the benchmark then weighs on each the same, and their ratio keeps to the code."""
    samples: list[list[Sample]] = [[] for _ in commands]
    for _ in range(runs):
        for command, taken in zip(commands, samples, strict=True):
            taken.append(run_once(command, env))
    return [median(taken) for taken in samples]


def median(samples: Sequence[Sample]) -> Sample:
    return Sample(statistics.median(s.seconds for s in samples), statistics.median(s.exit_seconds for s in samples),
                  int(statistics.median(s.peak_kib for s in samples)))


def folder_mib(path: str) -> float:
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total / (1024 * 1024)
