"""Every modal dialog the app shows goes through `run`, so tests can see (and answer) each one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run(dialog: QDialog) -> int:
    return dialog.exec()
