"""The Qt binding must not leak or drop references: PySide6 6.12.0 drops one on None per void call,
and Python 3.11 then aborts the app after a few thousand calls."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot


def test_methods_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    document = QTextDocument()
    cursor = QTextCursor(document)
    char_format = QTextCharFormat()
    block_format = QTextBlockFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        block_format.setTopMargin(2)
        cursor.insertText("x", char_format)
    assert abs(sys.getrefcount(None) - before) < 50
