"""Application bootstrap: creates the QApplication and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from privacy_checkup import APP_NAME, __version__


def run_gui(checklists_dir: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    label = QLabel(f"{APP_NAME} {__version__}")
    label.setTextFormat(label.textFormat().PlainText)
    window.setCentralWidget(label)
    window.show()
    return app.exec()
