"""Timing and memory of a child process: wall time to exit and its peak resident memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass

RUNS = 5


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_kib: int


def run_once(command: Sequence[str], env: dict[str, str] | None = None, timeout: float = 120) -> Sample:
    """Start `command`, wait for it, and return its wall time and peak RSS (from wait4, per child)."""
    start = time.perf_counter()
    process = subprocess.Popen(list(command), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            raise TimeoutError(f"{command[0]} did not exit within {timeout} s")
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {stderr[-2000:]}")
    if process.stderr:
        process.stderr.close()
    return Sample(elapsed, usage.ru_maxrss)


def median_of(command: Sequence[str], env: dict[str, str] | None = None, runs: int = RUNS) -> Sample:
    samples = [run_once(command, env) for _ in range(runs)]
    return Sample(statistics.median(s.seconds for s in samples), int(statistics.median(s.peak_kib for s in samples)))


def folder_mib(path: str) -> float:
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total / (1024 * 1024)
