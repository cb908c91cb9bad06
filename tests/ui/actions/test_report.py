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
    checkup.show_index(len(checkup.flow))
    summary = checkup.page
    assert isinstance(summary, SummaryPage)
    target = tmp_path / "summary.json"
    monkeypatch.setattr(report_actions, "ask_report_path", lambda parent, suggested: target)
    click(qtbot, summary.report_button)
    assert target.is_file()


def test_notes_go_in_the_pdf_only_when_the_person_says_so_and_never_in_a_file_for_the_office(
        qtbot, make_window, make_state, dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import subprocess

    asked: list[str] = []

    def respond(dialog: QDialog) -> int:
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.confirm_box.setChecked(True)
        if isinstance(dialog, QMessageBox) and dialog.windowTitle() == "Include your notes?":
            asked.append(dialog.windowTitle())
            next(b for b in dialog.buttons() if "Include" in b.text()).click()
        return 0

    dialogs.respond = respond
    state = make_state()
    onboard(state, ("tiktok",))
    window = make_window(state)
    window.open_checkup("tiktok")
    page_of(window).note_edit.setPlainText("OPTED IN NOTE")
    click(qtbot, checkup_of(window).answer_buttons[AnswerState.DONE])
    for name in ("for-the-office.json", "for-the-office.csv"):
        target = tmp_path / name
        monkeypatch.setattr(report_actions, "ask_report_path", lambda parent, suggested, t=target: t)
        window.export_report()
        assert "OPTED IN NOTE" not in target.read_text(encoding="utf-8")
    assert asked == []  # a file for the office never holds notes, so nothing is asked
    target = tmp_path / "mine.pdf"
    monkeypatch.setattr(report_actions, "ask_report_path", lambda parent, suggested: target)
    window.export_report()
    assert asked == ["Include your notes?"]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "OPTED IN NOTE" in text
