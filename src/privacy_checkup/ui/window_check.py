"""The self-test's window check: can Qt create and show a window here?"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def create_test_window() -> str:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("Privacy Checkup self-test")
    window.resize(400, 300)
    window.show()
    app.processEvents()
    visible = window.isVisible()
    window.close()
    if not visible:
        raise RuntimeError("the window did not become visible")
    return f"a window can be created on the '{QApplication.platformName()}' platform"
