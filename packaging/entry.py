"""PyInstaller entry point: the same start as the console script's (privacy_checkup/launch.py)."""

import sys

from privacy_checkup.launch import main

if __name__ == "__main__":
    sys.exit(main())
