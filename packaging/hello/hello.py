"""The floor to compare against: a bare PySide6 window, packaged the same way as the app.

With --quit-after-show it prints when its first paint finished (on the system-wide monotonic clock)
and exits, like the app does.
"""

import sys
import time

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
            QTimer.singleShot(0, report_and_quit)


def report_and_quit() -> None:
    print(f"first-paint-monotonic {time.monotonic():.6f}", flush=True)
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = HelloWindow("--quit-after-show" in sys.argv)
    window.resize(1180, 760)  # the app's default window size (ui/window_state.py): the same pixels to paint
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
