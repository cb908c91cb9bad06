"""PyInstaller entry point: the same start as the console script's (privacy_checkup/launch.py)."""

import sys

from privacy_checkup.ui.qt_loading import qt_free_imports

with qt_free_imports():  # PyInstaller's PySide6 runtime hook has loaded Qt already
    from privacy_checkup.launch import prepare

    prepare(sys.argv[1:])
    from privacy_checkup.cli import main

if __name__ == "__main__":
    sys.exit(main())
