"""PyInstaller entry point: the same start as the console script's (privacy_checkup/launch.py)."""

import os
import sys

# The windowed Windows executable has no console: Python gives it no stdout or stderr, and a print
# (argparse's --version or --help) would raise. Scripts use privacy-checkup-cli.exe, which has a console;
# here output goes nowhere instead of failing.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the whole process)
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

from privacy_checkup.launch import main  # after the streams exist: importing may print a warning

if __name__ == "__main__":
    sys.exit(main())
