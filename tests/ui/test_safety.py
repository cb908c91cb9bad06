"""Checklist text is text; no dialog deletes or discards by default."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QMessageBox, QPushButton, QTextEdit

import privacy_checkup.ui
from privacy_checkup.core import errors
from privacy_checkup.core.model import Persona
from privacy_checkup.core.policy import Policy, PolicyResult
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui import messages
from privacy_checkup.ui.actions import backup as backup_actions
from privacy_checkup.ui.actions import report as report_actions
from privacy_checkup.ui.dialogs.about import AboutDialog
from privacy_checkup.ui.dialogs.profile import ProfileDialog
from privacy_checkup.ui.dialogs.recovery_key import RecoveryKeyDialog
from privacy_checkup.ui.dialogs.unlock_notes import UnlockNotesDialog
from privacy_checkup.ui.main_window import MainWindow
from tests.ui.conftest import catalog_from
from tests.ui.helpers import checkup_of, click, onboard, page_of

DESTRUCTIVE_WORDS = ("delete", "discard", "remove", "erase", "reset", "overwrite", "replace", "clear", "forget")


def _all_labels(window: MainWindow) -> list[QLabel]:
    return window.findChildren(QLabel)


def test_hostile_html_in_a_checklist_is_shown_as_literal_text_and_fetches_nothing(
        qtbot, make_window, make_state, data_dir, opened_urls):
    hostile = catalog_from(data_dir / "checklists" / "hostile")
    assert not hostile.errors
    state = make_state(hostile)
    onboard(state, ("hostile",), Persona.HIGH_PROFILE)
    window = make_window(state)
    card = window.dashboard.cards[0]
    assert card.title_label.text() == '<b>Hostile</b> <img src="https://tracker.invalid/t.png">'
    assert card.title_label.textFormat() is Qt.TextFormat.PlainText

    window.open_checkup("hostile")
    page = page_of(window)
    assert page.title_label.text().startswith("<b>Bold title</b> <img src=")
    assert '<a href="file:///etc/passwd">Read this</a>' in page.why_label.text()
    assert "<script>" in page.recommended_label.text()
    assert page.section_label.text().startswith("<H1>SECTION</H1>")  # eyebrow is upper-cased, still literal
    assert page.persona_note_label is not None
    assert "<img" in page.persona_note_label.text()
    assert any("<img" in label.text() for label in page.step_labels)
    for label in _all_labels(window):
        assert label.textFormat() is Qt.TextFormat.PlainText, label.text()
        assert not label.openExternalLinks()
        assert label.pixmap().isNull() or "<" not in label.text()
    assert window.findChildren(QTextEdit) == []  # no rich-text widgets at all
    assert opened_urls == []  # nothing was fetched or opened
    source = page.source_buttons[0]
    assert "<img" in source.text()  # buttons never interpret markup
    click(qtbot, source)
    assert opened_urls == ["https://help.example.com/%3Cb%3Ex%3C/b%3E"]  # on click only, https only


def test_every_label_on_every_screen_is_plain_text(qtbot, make_window, make_state):
    state = make_state()
    first = make_window(state)
    screens = [first]
    onboard(state, ("tiktok", "instagram"))
    second = make_window(state)
    second.open_checkup("tiktok")
    checkup = checkup_of(second)
    while checkup.current_item is not None:
        for label in second.findChildren(QLabel):
            assert label.textFormat() is Qt.TextFormat.PlainText, label.text()
        checkup.go_next()
    screens.append(second)
    for window in screens:
        for label in window.findChildren(QLabel):
            assert label.textFormat() is Qt.TextFormat.PlainText, label.text()


def _default_buttons(dialog: QDialog) -> list[QAbstractButton]:
    found: list[QAbstractButton] = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    if isinstance(dialog, QMessageBox):
        for button in (dialog.defaultButton(), dialog.escapeButton()):
            if button is not None:
                found.append(button)
    return found


def _assert_safe(dialog: QDialog) -> None:
    for button in _default_buttons(dialog):
        words = button.text().replace("&", "").lower()
        assert not any(word in words for word in DESTRUCTIVE_WORDS), (type(dialog).__name__, button.text())
        if isinstance(dialog, QMessageBox):
            assert dialog.buttonRole(button) is not QMessageBox.ButtonRole.DestructiveRole
    # Esc and closing call reject(): it must never be wired to anything but closing.
    if isinstance(dialog, QMessageBox):
        assert dialog.escapeButton() is not None


def _error_samples() -> list[BaseException]:
    return [
        errors.NotesLockedError("Your system keyring is locked.", "Unlock it."),
        errors.WrongRecoveryKeyError("wrong"), errors.NoteCorruptError("damaged"), errors.DiskFullError("full"),
        errors.ReadOnlyStoreError("read-only"), errors.StoreFromNewerVersionError(9, 1),
        errors.CorruptStoreError("bad"), errors.BackupError("bad backup"), errors.StorageError("x"),
        errors.ChecklistError([errors.Diagnostic("/x/tiktok.json", 3, 7, "expected a string", "$.title")]),
        OSError(28, "No space left on device"), OSError(13, "Permission denied"), RuntimeError("boom"),
    ]


def test_each_kind_of_error_gets_words_of_its_own():
    known = [e for e in _error_samples() if isinstance(e, errors.PrivacyCheckupError)]
    titles = [messages.describe(e).title for e in known]
    # Two samples share a title only when they are the same kind of trouble for the person.
    assert len(set(titles)) == len(titles), titles


FALLBACK = messages.describe(RuntimeError("something no one expected"))


@pytest.mark.parametrize("exc", _error_samples(), ids=lambda e: type(e).__name__)
def test_every_error_becomes_words_in_a_safe_message_box(qtbot, exc):
    message = messages.describe(exc)
    assert message.title
    assert message.what_happened
    assert message.what_to_do
    assert "Traceback" not in message.text
    # An error the app knows gets its own words: only an unexpected one may fall back to the catch-all.
    expected_fallback = not isinstance(exc, errors.PrivacyCheckupError | OSError)
    assert (message.title == FALLBACK.title) is expected_fallback, message.title
    box = messages.message_box(None, message)
    qtbot.addWidget(box)
    _assert_safe(box)
    assert box.textFormat() is Qt.TextFormat.PlainText
    for label in box.findChildren(QLabel):
        assert label.textFormat() is Qt.TextFormat.PlainText


def test_disk_full_and_bad_checklist_say_what_happened_and_what_to_do():
    full = messages.describe(errors.DiskFullError("database or disk is full"))
    assert "full" in full.what_happened.lower()
    assert "free" in full.what_to_do.lower()
    bad = messages.describe(errors.ChecklistError([errors.Diagnostic("/office/tiktok.json", 12, 5, "oops", "$.id")]))
    assert "/office/tiktok.json" in bad.what_happened
    assert "/office/tiktok.json:12:5: oops" in bad.details
    locked = messages.describe(errors.NotesLockedError("The keyring is locked.", "Unlock it, then try again."))
    assert locked.what_happened == "The keyring is locked."
    assert locked.what_to_do == "Unlock it, then try again."


def _ui_dialog_classes() -> set[type]:
    found: set[type] = set()
    for module_info in pkgutil.walk_packages(privacy_checkup.ui.__path__, "privacy_checkup.ui."):
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__.startswith("privacy_checkup.ui"):
                found.add(value)
    return found


def test_walk_every_dialog_the_app_can_show_and_none_has_a_destructive_default(
        qtbot, make_window, make_state, dialogs, keys, data_dir, clock, tmp_path, monkeypatch):
    seen: list[QDialog] = []

    def respond(dialog: QDialog) -> int:
        seen.append(dialog)
        _assert_safe(dialog)
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.confirm_box.setChecked(True)
            _assert_safe(dialog)
        return int(QDialog.DialogCode.Rejected)

    dialogs.respond = respond
    broken = tmp_path / "with-broken"
    broken.mkdir()
    for name in ("tiktok.json", "instagram.json"):
        (broken / name).write_bytes((data_dir / "checklists" / "gui" / name).read_bytes())
    (broken / "broken.json").write_text('{"id": ', encoding="utf-8")
    state = make_state(catalog_from(broken))
    onboard(state, ("tiktok", "instagram"))
    window = make_window(state)

    window.show_about()
    window.edit_profile()
    window.show_checklist_problems()
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    page_of(window).note_edit.setPlainText("first note")
    click(qtbot, checkup.answer_buttons[AnswerState.DONE])  # -> recovery key dialog
    click(qtbot, page_of(window).report_button)  # -> "problem report copied"
    keys.secrets.clear()  # the keyring lost the key: a restarted app finds notes locked
    restarted = make_window(make_state(catalog_from(broken)))
    restarted.open_checkup("tiktok")
    click(qtbot, page_of(restarted).unlock_button)  # -> unlock notes
    messages.show_error(window, errors.DiskFullError("full"))
    backup = tmp_path / "walk.pcbackup"
    monkeypatch.setattr(backup_actions, "ask_save_path", lambda parent, suggested: backup)
    monkeypatch.setattr(backup_actions, "ask_open_path", lambda parent: backup)
    monkeypatch.setattr(report_actions, "ask_report_path", lambda parent, suggested: tmp_path / "walk.pdf")
    window.export_report()  # -> "report saved"
    for action in window.backup_actions:  # export -> "saved"; import -> confirm (answered: cancel)
        action.trigger()

    kinds = {type(d) for d in seen}
    assert {AboutDialog, ProfileDialog, RecoveryKeyDialog, UnlockNotesDialog, QMessageBox} <= kinds
    assert _ui_dialog_classes() <= kinds, "a dialog class is not walked by this test"
    titles = {d.windowTitle() for d in seen if isinstance(d, QMessageBox)}
    assert {"Backup saved", "Import backup", "Problem report copied", "Your disk is full", "Report saved",
            "Some checklists could not be loaded", "Include your notes?"} <= titles


def test_this_step_is_wrong_copies_a_report_without_notes(qtbot, make_window, make_state, dialogs, keys):
    def respond(dialog: QDialog) -> int:
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.confirm_box.setChecked(True)
        return 0

    dialogs.respond = respond
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    page_of(window).note_edit.setPlainText("SECRET NOTE TEXT")
    click(qtbot, checkup.next_button)
    click(qtbot, checkup.back_button)
    click(qtbot, page_of(window).report_button)
    report = QGuiApplication.clipboard().text()
    item = checkup.current_item
    assert item is not None
    assert f"({item.id}), revision {item.revision}" in report
    assert "(tiktok), version" in report
    assert item.last_verified.isoformat() in report
    assert "Device: ios" in report
    assert "Privacy Checkup 0." in report
    assert "SECRET NOTE TEXT" not in report


def test_a_help_contact_gets_the_report_as_mailto(qtbot, make_window, make_state, opened_urls):
    state = make_state()
    state.policy_result = PolicyResult(Policy(help_contact="it-help@office.example"))
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    click(qtbot, page_of(window).report_button)
    assert len(opened_urls) == 1
    assert opened_urls[0].startswith("mailto:it-help@office.example?subject=")

