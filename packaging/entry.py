"""PyInstaller entry point: the same `main` the console script runs."""

import sys

from privacy_checkup.cli import main

if __name__ == "__main__":
    sys.exit(main())
