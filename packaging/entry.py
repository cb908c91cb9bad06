"""PyInstaller entry point: the same `main` the console script runs."""

import sys

from privacy_checkup.ui.qt_loading import qt_free_imports

with qt_free_imports():  # PyInstaller's PySide6 runtime hook has loaded Qt already
    from privacy_checkup.cli import main

if __name__ == "__main__":
    sys.exit(main())
