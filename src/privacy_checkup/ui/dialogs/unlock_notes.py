"""Unlocking notes with the recovery key, when the keyring lost the key."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.storage.vault import NotesVault, VaultState
from privacy_checkup.ui import messages
from privacy_checkup.ui.widgets.layout import button
from privacy_checkup.ui.widgets.safe_text import plain_label


class UnlockNotesDialog(QDialog):
    def __init__(self, vault: NotesVault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Unlock notes"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)
        status = vault.status()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(plain_label(self.tr("Unlock your notes"), self, role="title"))
        layout.addWidget(plain_label(messages.locked_notes_hint(status.reason, status.fix), self, role="body"))
        # A recovery key exists only once a note was saved; before that, the only fix is the keyring itself.
        self.has_notes = vault.has_notes()
        recovery_hint = plain_label(self.tr(
            "If your keyring lost the key, type the recovery key you wrote down when you saved your first note. "
            "Nothing is overwritten if it is wrong."), self, role="muted")
        self.key_field = QLineEdit(self)
        self.key_field.setAccessibleName(self.tr("Recovery key"))
        self.key_field.setPlaceholderText(self.tr("Recovery key"))
        layout.addWidget(recovery_hint)
        layout.addWidget(self.key_field)
        recovery_hint.setVisible(self.has_notes)
        self.key_field.setVisible(self.has_notes)
        self.error_label = plain_label("", self, role="error")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(self.tr("Not &now"), self)
        self.retry_button = button(self.tr("&Try the keyring again"), self)
        self.unlock_button = button(self.tr("&Unlock"), self, kind="primary")
        self.unlock_button.setVisible(self.has_notes)
        (self.unlock_button if self.has_notes else self.retry_button).setDefault(True)
        row.addWidget(self.cancel_button)
        row.addWidget(self.retry_button)
        row.addWidget(self.unlock_button)
        self.retry_button.clicked.connect(self.retry_keyring)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.reject)
        self.unlock_button.clicked.connect(self.try_unlock)

    def retry_keyring(self) -> None:
        """After the person unlocked or started their keyring: ask it again."""
        status = self.vault.unlock()
        if status.state is not VaultState.LOCKED:
            self.accept()
            return
        self.error_label.setText(self.tr("The keyring is still not available. ")
                                 + messages.locked_notes_hint(status.reason, status.fix))
        self.error_label.show()

    def try_unlock(self) -> None:
        key = self.key_field.text().strip()
        if not key:
            self.key_field.setFocus()
            return
        try:
            self.vault.unlock_with_recovery_key(key)
        except PrivacyCheckupError as exc:
            message = messages.describe(exc)
            self.error_label.setText(f"{message.what_happened} {message.what_to_do}")
            self.error_label.show()
            return
        self.accept()
