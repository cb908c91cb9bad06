"""CI runs the benchmark harness in its smoke mode so it cannot rot (times are printed, never asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_benchmark_smoke_run_prints_every_row() -> None:
    result = subprocess.run([sys.executable, "-m", "bench.run", "--smoke"], cwd=REPO, capture_output=True,
                            text=True, timeout=300, env=dict(os.environ), check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    table = result.stdout.split("Benchmarks, ", 1)[1]
    for row in ["start-up to painted window (s)", "start-up peak memory (MiB)", "load 100 checklist files (s)",
                "durable answer save (ms)", "dashboard status query, 10 years (ms)",
                "answer and next setting painted (ms)", "first start after install (s)"]:
        line = next(line for line in table.splitlines() if line.startswith(row))
        value, baseline, ratio = (float(x) for x in line[len(row):].split()[:3])
        assert value > 0
        assert baseline > 0
        assert ratio > 0


def test_the_bare_window_paints_as_many_pixels_as_the_app_window() -> None:
    from privacy_checkup.ui.window_state import DEFAULT_SIZE

    hello = (REPO / "packaging" / "hello" / "hello.py").read_text(encoding="utf-8")
    assert f"window.resize({DEFAULT_SIZE[0]}, {DEFAULT_SIZE[1]})" in hello


def test_the_start_up_benchmark_gives_both_windows_a_session_bus_and_stops_it() -> None:
    import shutil

    import pytest
    from bench.startup import desktop_session_bus

    if shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None:
        pytest.skip("no D-Bus tools here: the benchmark then runs without a session bus")
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    with desktop_session_bus(env) as with_bus:
        address = with_bus["DBUS_SESSION_BUS_ADDRESS"]
        assert address.startswith("unix:")
        reply = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                                "/org/freedesktop/DBus", "org.freedesktop.DBus.GetId"],
                               env=with_bus, capture_output=True, text=True, timeout=10, check=False)
        assert reply.returncode == 0, reply.stderr
    after = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                            "/org/freedesktop/DBus", "org.freedesktop.DBus.GetId"],
                           env={**env, "DBUS_SESSION_BUS_ADDRESS": address}, capture_output=True, text=True,
                           timeout=10, check=False)
    assert after.returncode != 0  # stopped with the benchmark
    outer = {**env, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/the-desktop-bus"}
    with desktop_session_bus(outer) as kept:
        assert kept == outer  # a desktop's own bus is used as it is
