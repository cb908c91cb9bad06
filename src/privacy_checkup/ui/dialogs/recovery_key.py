"""Shown once, when the first note creates the key: the recovery key, to write down."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from privacy_checkup.ui.widgets.layout import button
from privacy_checkup.ui.widgets.safe_text import plain_label


class RecoveryKeyDialog(QDialog):
    """Cannot be dismissed (Esc, close, Enter) until the person confirms they kept the key."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write down your recovery key"))
        self.setAccessibleName(self.windowTitle())
        self.setModal(True)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(plain_label(self.tr("Write down your recovery key"), self, role="title"))
        layout.addWidget(plain_label(self.tr(
            "Your notes are encrypted with a key kept in this computer's keyring. If the keyring is lost "
            "(for example after reinstalling your system), this recovery key is the only way to get your notes "
            "back. It is shown only this once."), self, role="body"))
        self.key_field = QLineEdit(recovery_key, self)
        self.key_field.setReadOnly(True)
        self.key_field.setProperty("role", "mono")
        self.key_field.setAccessibleName(self.tr("Recovery key"))
        font = self.key_field.font()
        font.setFamily("DejaVu Sans Mono")
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.key_field.setFont(font)
        row = QHBoxLayout()
        row.addWidget(self.key_field, 1)
        self.copy_button = button(self.tr("&Copy"), self)
        self.copy_button.clicked.connect(self._copy)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        layout.addWidget(plain_label(self.tr(
            "Keep it somewhere safe and private, away from this computer: on paper, or in a password manager."),
            self, role="muted"))
        self.confirm_box = QCheckBox(self.tr("I have &written down or saved my recovery key"), self)
        self.confirm_box.setAccessibleName(self.tr("I have written down or saved my recovery key"))
        layout.addWidget(self.confirm_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.continue_button = button(self.tr("C&ontinue"), self, kind="primary")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.accept)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)
        self.confirm_box.toggled.connect(self.continue_button.setEnabled)
        self.confirm_box.toggled.connect(lambda on: self.continue_button.setDefault(on))
        self.copy_button.setDefault(False)
        self.key_field.setFocus()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key_field.text())
        self.copy_button.setText(self.tr("Copied"))

    def reject(self) -> None:
        if self.confirm_box.isChecked():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_box.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.confirm_box.isChecked():
            event.accept()
            return
        super().keyPressEvent(event)
