"""The self-test's window check: can Qt create and show a window here, and draw the app's icons?"""

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
    from privacy_checkup.ui.look import icons

    # Drawn, not read from the icon cache: this raises if the SVG plug-in is missing.
    tile = icons.draw(icons.svg_document(icons.monogram_svg("self-test", "Self test", 48), 48)).toImage()
    if tile.pixelColor(4, 24).name() != icons.monogram_colour("self-test"):  # the tile, left of the letters
        raise RuntimeError("the platform icons were drawn wrong")
    return f"a window can be created on the '{QApplication.platformName()}' platform, and icons drawn"
