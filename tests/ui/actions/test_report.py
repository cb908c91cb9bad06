"""File > Export report and the summary's Export report: PDF, JSON or CSV, never with notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui.actions import report as report_actions
from privacy_checkup.ui.dialogs.recovery_key import RecoveryKeyDialog
from privacy_checkup.ui.screens.checkup.summary_page import SummaryPage
from tests.ui.helpers import checkup_of, click, onboard, page_of


@pytest.mark.parametrize("suffix", [".pdf", ".json", ".csv"])
def test_export_report_writes_the_chosen_format_without_notes(
        qtbot, make_window, make_state, dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suffix: str):
    def respond(dialog: QDialog) -> int:
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.confirm_box.setChecked(True)
        if isinstance(dialog, QMessageBox) and dialog.windowTitle() == "Include your notes?":
            default = dialog.defaultButton()
            assert default is not None
            assert "Leave" in default.text()
            assert dialog.escapeButton() is default
            default.click()
        return 0

    dialogs.respond = respond
    state = make_state()
    onboard(state, ("tiktok",))
    window = make_window(state)
    window.open_checkup("tiktok")
    page_of(window).note_edit.setPlainText("PRIVATE NOTE CANARY")
    click(qtbot, checkup_of(window).answer_buttons[AnswerState.DONE])
    target = tmp_path / f"report{suffix}"
    monkeypatch.setattr(report_actions, "ask_report_path", lambda parent, suggested: target)
    window.export_report()
    data = target.read_bytes()
    assert b"PRIVATE NOTE CANARY" not in data
    if suffix == ".pdf":
        assert data.startswith(b"%PDF")
    elif suffix == ".json":
        assert "tiktok" in json.dumps(json.loads(data))
    else:
        assert b"tiktok" in data
    assert dialogs.shown[-1].windowTitle() == "Report saved"


def test_summary_page_offers_the_report(qtbot, make_window, make_state, dialogs, monkeypatch, tmp_path: Path):
    state = make_state()
    onboard(state, ("tiktok",))
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    checkup.show_index(len(checkup.flow.items))
    summary = checkup.page
    assert isinstance(summary, SummaryPage)
    target = tmp_path / "summary.json"
    monkeypatch.setattr(report_actions, "ask_report_path", lambda parent, suggested: target)
    click(qtbot, summary.report_button)
    assert target.is_file()


def test_notes_go_in_the_report_only_when_the_person_says_so(
        qtbot, make_window, make_state, dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    def respond(dialog: QDialog) -> int:
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.confirm_box.setChecked(True)
        if isinstance(dialog, QMessageBox) and dialog.windowTitle() == "Include your notes?":
            next(b for b in dialog.buttons() if "Include" in b.text()).click()
        return 0

    dialogs.respond = respond
    state = make_state()
    onboard(state, ("tiktok",))
    window = make_window(state)
    window.open_checkup("tiktok")
    page_of(window).note_edit.setPlainText("OPTED IN NOTE")
    click(qtbot, checkup_of(window).answer_buttons[AnswerState.DONE])
    target = tmp_path / "with-notes.json"
    monkeypatch.setattr(report_actions, "ask_report_path", lambda parent, suggested: target)
    window.export_report()
    assert "OPTED IN NOTE" in target.read_text(encoding="utf-8")
