"""The note under each checklist item: read and saved through the vault, locked when the keyring is."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from privacy_checkup.core.errors import NoteCorruptError, NotesLockedError, PrivacyCheckupError
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage.vault import VaultState
from privacy_checkup.ui import messages
from privacy_checkup.ui.dialogs import modal
from privacy_checkup.ui.dialogs.recovery_key import RecoveryKeyDialog
from privacy_checkup.ui.dialogs.unlock_notes import UnlockNotesDialog
from privacy_checkup.ui.screens.checkup.item_page import ItemPage


class ItemNotes(QObject):
    """One per checkup. A locked keyring is asked once, not on every page (each ask may block or prompt)."""

    def __init__(self, state: AppState, checklist_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.checklist_id = checklist_id
        self.parent_widget = parent
        self.locked_hint: str | None = None

    def _lock(self, page: ItemPage, reason: str | None, fix: str | None) -> None:
        self.locked_hint = messages.locked_notes_hint(reason, fix)
        page.show_notes_locked(self.locked_hint)

    def load(self, page: ItemPage) -> None:
        if self.locked_hint is not None:
            page.show_notes_locked(self.locked_hint)
            return
        vault = self.state.vault
        status = vault.status()
        if status.state is VaultState.LOCKED:
            self._lock(page, status.reason, status.fix)
            return
        try:
            text = vault.read_note(self.checklist_id, page.item.id) if status.state is VaultState.UNLOCKED else None
        except NotesLockedError as exc:
            self._lock(page, exc.reason, exc.fix)
            return
        except NoteCorruptError as exc:
            page.show_note("")
            page.note_status.setText(messages.describe(exc).what_happened)
            return
        page.show_note(text or "")

    def save(self, page: ItemPage | None) -> bool:
        """Save the page's note if it changed; False when the person should stay on the page."""
        if page is None or not page.note_changed():
            return True
        try:
            recovery_key = self.state.vault.write_note(self.checklist_id, page.item.id, page.note_text(),
                                                       self.state.now())
        except NotesLockedError as exc:
            self._lock(page, exc.reason, exc.fix)
            messages.show_error(self.parent_widget, exc)
            return True  # the note box is now locked and says why; the answers still work
        except (PrivacyCheckupError, OSError) as exc:
            messages.show_error(self.parent_widget, exc)
            return False
        page.mark_note_saved()
        if recovery_key:  # the first note created the key: shown this once
            modal.run(RecoveryKeyDialog(recovery_key, self.parent_widget))
        return True

    def unlock(self, page: ItemPage | None) -> None:
        if modal.run(UnlockNotesDialog(self.state.vault, self.parent_widget)) and page is not None:
            self.locked_hint = None
            self.load(page)
