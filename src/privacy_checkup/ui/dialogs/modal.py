"""Every modal dialog the app shows goes through `run`, so tests can see (and answer) each one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # naming QDialog at run time builds its Python enums: not before the first paint
    from PySide6.QtWidgets import QDialog


def run(dialog: QDialog) -> int:
    return dialog.exec()
