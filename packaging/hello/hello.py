"""The floor to compare against: a bare PySide6 window, packaged the same way as the app."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def main() -> int:
    app = QApplication(sys.argv)
    label = QLabel("Hello")
    label.resize(400, 200)
    label.show()
    if "--quit-after-show" in sys.argv:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
