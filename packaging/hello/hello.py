"""The floor to compare against: a bare PySide6 window, packaged the same way as the app.

With --quit-after-show it exits right after its first paint, like the app does.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel


class HelloWindow(QLabel):
    def __init__(self, quit_after_paint: bool) -> None:
        super().__init__("Hello")
        self.quit_after_paint = quit_after_paint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.quit_after_paint:
            self.quit_after_paint = False
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = HelloWindow("--quit-after-show" in sys.argv)
    window.resize(1024, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
