"""File > Export backup and Import backup, through the storage backup module."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from privacy_checkup.core.model import Persona
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui.actions import backup as backup_actions
from tests.ui.helpers import checkup_of, click, onboard


def _action(window, text: str):
    return next(a for a in window.backup_actions if a.text().replace("&", "").startswith(text))


def test_export_then_import_restores_progress_and_keeps_the_old_store(
        qtbot, make_window, make_state, dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    state = make_state()
    onboard(state, ("tiktok",))
    window = make_window(state)
    window.open_checkup("tiktok")
    click(qtbot, checkup_of(window).answer_buttons[AnswerState.DONE])
    target = tmp_path / "saved" / "mine.pcbackup"
    target.parent.mkdir()
    monkeypatch.setattr(backup_actions, "ask_save_path", lambda parent, suggested: target)
    _action(window, "Export backup").trigger()
    assert target.is_file()
    assert isinstance(dialogs.shown[-1], QMessageBox)
    assert "saved" in dialogs.shown[-1].windowTitle().lower()

    state.store.set_persona(Persona.OFFICE_STAFF)  # a change made after the backup
    monkeypatch.setattr(backup_actions, "ask_open_path", lambda parent: target)

    def cancel(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        default = dialog.defaultButton()
        assert default is not None
        assert dialog.buttonRole(default) is QMessageBox.ButtonRole.RejectRole  # Enter cancels
        assert dialog.escapeButton() is default
        default.click()
        return 0

    dialogs.respond = cancel
    window.import_backup()
    assert state.store.profile().persona is Persona.OFFICE_STAFF  # cancelled: nothing changed

    def accept(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox) and dialog.windowTitle() == "Import backup":
            button = next(b for b in dialog.buttons() if "Import" in b.text())
            button.click()
        return 0

    dialogs.respond = accept
    window.import_backup()
    assert state.store.profile().persona is Persona.EVERYONE  # the backup's profile
    assert len(state.store.latest_answers("tiktok")) == 1
    assert list(state.store.path.parent.glob("*.bak"))  # the replaced store was kept
    assert window.dashboard is not None
    assert window.stack.currentWidget() is window.dashboard


def test_a_file_that_is_not_a_backup_is_refused_and_progress_stays(
        qtbot, make_window, make_state, dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    state = make_state()
    onboard(state, ("tiktok",))
    window = make_window(state)
    bogus = tmp_path / "not-a-backup.pcbackup"
    bogus.write_text("hello", encoding="utf-8")
    monkeypatch.setattr(backup_actions, "ask_open_path", lambda parent: bogus)

    def accept(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox) and dialog.windowTitle() == "Import backup":
            next(b for b in dialog.buttons() if "Import" in b.text()).click()
        return 0

    dialogs.respond = accept
    window.import_backup()
    assert dialogs.shown[-1].windowTitle() == "The backup could not be used"
    assert state.store.profile().platforms == ("tiktok",)
