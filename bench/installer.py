"""Installer benchmark: the app's PyInstaller bundle against a PySide6 hello world packaged the same way.

The hello world is built as the app is (one folder, modules as files rather than in an archive), in the
same run and by the same PyInstaller, so both numbers come from one machine. Skipped when PyInstaller
is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.measure import START_UP_RUNS, folder_mib, medians_taking_turns, run_once
from bench.startup import desktop_session_bus, realistic_home

ROOT = Path(__file__).resolve().parents[1]


def build_hello(work: Path) -> Path:
    # Packaged the same way as the app: one folder, its modules as files (the app's spec: noarchive).
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
                    "--debug", "noarchive",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"), "--specpath", str(work),
                    "--name", "hello", str(ROOT / "packaging" / "hello" / "hello.py")], check=True)
    return work / "dist" / "hello"


def build_app(work: Path) -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                    str(ROOT / "packaging" / "privacy-checkup.spec")], check=True)
    return work / "dist" / "privacy-checkup"


def measure(app_dir: Path, hello_dir: Path, runs: int) -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as home:
        realistic_home(Path(home))  # the same store as the start-up benchmark: 13 checklists, a year of reviews
        with desktop_session_bus({**os.environ, "PRIVACY_CHECKUP_HOME": home}) as env:
            run_once([str(app_dir / "privacy-checkup"), "--quit-after-show"], env)  # its checklist copies
            hello, app = medians_taking_turns([[str(hello_dir / "hello"), "--quit-after-show"],
                                               [str(app_dir / "privacy-checkup"), "--quit-after-show"]], env, runs)
    app_size, hello_size = folder_mib(str(app_dir)), folder_mib(str(hello_dir))
    return [
        ("bundle size (MiB)", app_size, hello_size, "<= 1.0"),
        ("packaged start-up (s)", app.seconds, hello.seconds, "<= 1.5"),
        ("packaged peak memory (MiB)", app.peak_kib / 1024, hello.peak_kib / 1024, "<= 1.3"),
    ]


def main(argv: list[str] | None = None) -> list[tuple[str, float, float, str]]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--built", type=Path, help="an already built app bundle folder to measure")
    parser.add_argument("--runs", type=int, default=START_UP_RUNS)
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        print("installer benchmark skipped: PyInstaller is not installed")
        return []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hello_dir = build_hello(work / "hello")
        app_dir = args.built.absolute() if args.built else build_app(work / "app")
        rows = measure(app_dir, hello_dir, args.runs)
    print(f"{'installer':<28} {'app':>10} {'hello':>10} {'ratio':>7}  target")
    for name, app, hello, target in rows:
        print(f"{name:<28} {app:>10.2f} {hello:>10.2f} {app / hello:>7.2f}  {target}")
    return rows


if __name__ == "__main__":
    main()
