"""Notes: the recovery key shown once, locked notes that leave everything else working."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from privacy_checkup.core.errors import KeyStoreProblem
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui.dialogs.recovery_key import RecoveryKeyDialog
from privacy_checkup.ui.dialogs.unlock_notes import UnlockNotesDialog
from tests.ui.conftest import START
from tests.ui.helpers import checkup_of, click, onboard, page_of


def _confirm_recovery_key(dialog: QDialog) -> int:
    if isinstance(dialog, RecoveryKeyDialog):
        assert not dialog.continue_button.isEnabled()  # nothing dismisses it before the person confirms
        dialog.confirm_box.setChecked(True)
        assert dialog.continue_button.isEnabled()
        assert dialog.continue_button.isDefault()
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)
    return int(QDialog.DialogCode.Rejected)


def test_first_note_shows_the_recovery_key_once_and_notes_read_back(qtbot, make_window, make_state, dialogs, clock):
    dialogs.respond = _confirm_recovery_key
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    page = page_of(window)
    assert page.note_edit.isEnabled()
    page.note_edit.setPlainText("Work phone: done. Personal phone: next week.")
    click(qtbot, checkup.answer_buttons[AnswerState.DONE])
    shown = dialogs.of_type(RecoveryKeyDialog)
    assert len(shown) == 1
    key = shown[0].key_field.text()
    assert len(key) >= 20
    assert shown[0].key_field.isReadOnly()

    page_of(window).note_edit.setPlainText("Second note")
    click(qtbot, checkup.next_button)
    assert len(dialogs.of_type(RecoveryKeyDialog)) == 1  # never again
    click(qtbot, checkup.back_button)
    assert page_of(window).note_edit.toPlainText() == "Second note"
    click(qtbot, checkup.back_button)
    assert page_of(window).note_edit.toPlainText() == "Work phone: done. Personal phone: next week."


def test_recovery_key_dialog_cannot_be_dismissed_before_confirming(qtbot):
    dialog = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert dialog.isVisible()
    dialog.close()
    assert dialog.isVisible()
    assert not dialog.continue_button.isEnabled()
    click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == "ABCD-EFGH-IJKL-MNOP"
    dialog.confirm_box.setChecked(True)
    dialog.reject()
    assert not dialog.isVisible()


def test_locked_keyring_keeps_answers_usable_and_notes_locked(qtbot, make_window, make_state, keys, dialogs, clock):
    first = make_state()
    assert first.vault.write_note("tiktok", "private-account", "written before", START) is not None
    keys.problem = KeyStoreProblem.LOCKED  # e.g. the login keyring was not unlocked
    state = make_state()  # a fresh start: the key is not held in memory
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    page = page_of(window)
    assert not page.note_edit.isEnabled()
    assert page.note_edit.toPlainText() == ""  # the note is not shown, and not overwritten
    assert "locked" in page.note_status.text().lower()
    assert "unlock" in page.note_status.text().lower()  # and how to fix it
    assert page.unlock_button.isVisible()
    item_id = page.item.id
    click(qtbot, checkup.answer_buttons[AnswerState.DONE])
    assert state.store.latest_answers("tiktok")[item_id].state is AnswerState.DONE
    assert dialogs.shown == []  # answering never asks about notes
    click(qtbot, page_of(window).unlock_button)
    assert len(dialogs.of_type(UnlockNotesDialog)) == 1
    keys.problem = None
    assert make_state().vault.read_note("tiktok", "private-account") == "written before"


def test_no_keyring_at_all_still_lets_the_checkup_run(qtbot, make_window, make_state, keys, clock):
    keys.problem = KeyStoreProblem.NO_BACKEND
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    assert not page_of(window).note_edit.isEnabled()
    click(qtbot, checkup_of(window).answer_buttons[AnswerState.SKIPPED])
    assert len(state.store.latest_answers("tiktok")) == 1


def test_wrong_recovery_key_says_so_and_changes_nothing(qtbot, make_state, keys, clock):
    state = make_state()
    assert state.vault.write_note("tiktok", "private-account", "kept", clock()) is not None
    keys.secrets.clear()  # the keyring lost the key
    dialog = UnlockNotesDialog(state.vault)
    qtbot.addWidget(dialog)
    dialog.key_field.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    dialog.try_unlock()
    assert dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_a_locked_keyring_is_asked_once_per_checkup_not_on_every_page(qtbot, make_window, make_state, keys):
    asked: list[str] = []
    real_get = keys.get_secret

    def counting_get(vault_id: str) -> str | None:
        asked.append(vault_id)
        secret: str | None = real_get(vault_id)
        return secret

    state = make_state()
    assert state.vault.write_note("tiktok", "private-account", "kept", START) is not None
    keys.problem = KeyStoreProblem.LOCKED
    keys.get_secret = counting_get
    restarted = make_state()
    onboard(restarted)
    window = make_window(restarted)
    window.open_checkup("tiktok")
    for _ in range(4):
        click(qtbot, checkup_of(window).next_button)
    assert not page_of(window).note_edit.isEnabled()
    assert len(asked) <= 1


def test_unlocking_with_the_recovery_key_opens_the_notes(qtbot, make_window, make_state, keys, dialogs):
    state = make_state()
    recovery_key = state.vault.write_note("tiktok", "private-account", "kept safe", START)
    assert recovery_key is not None
    keys.secrets.clear()
    restarted = make_state()
    onboard(restarted)

    def unlock(dialog: QDialog) -> int:
        assert isinstance(dialog, UnlockNotesDialog)
        dialog.key_field.setText(recovery_key)
        dialog.try_unlock()
        return int(dialog.result())

    dialogs.respond = unlock
    window = make_window(restarted)
    window.open_checkup("tiktok")
    page = page_of(window)
    assert page.item.id == "private-account"
    assert not page.note_edit.isEnabled()
    click(qtbot, page.unlock_button)
    assert page_of(window).note_edit.isEnabled()
    assert page_of(window).note_edit.toPlainText() == "kept safe"


def test_without_notes_unlocking_means_retrying_the_keyring(qtbot, make_state, keys):
    keys.problem = KeyStoreProblem.NO_BACKEND
    state = make_state()
    dialog = UnlockNotesDialog(state.vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.key_field.isVisible()  # no notes yet, so no recovery key exists
    assert dialog.retry_button.isDefault()
    dialog.retry_keyring()
    assert dialog.error_label.isVisible()
    keys.problem = None  # the person started their keyring
    dialog.retry_keyring()
    assert dialog.result() == QDialog.DialogCode.Accepted
