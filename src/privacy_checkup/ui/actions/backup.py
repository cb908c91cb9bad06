"""File > Export backup / Import backup: the whole progress store, notes still encrypted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage.backup import export_backup, import_backup
from privacy_checkup.ui import messages
from privacy_checkup.ui.dialogs import modal

FILE_FILTER = "Privacy Checkup backup (*.pcbackup);;All files (*)"
SUFFIX = ".pcbackup"


def _tr(text: str) -> str:
    return QCoreApplication.translate("backup_actions", text)


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """The file to write; Qt's own dialog asks before replacing an existing file (default: No)."""
    name, _ = QFileDialog.getSaveFileName(parent, _tr("Export backup"), str(Path(QDir.homePath()) / suggested),
                                          _tr(FILE_FILTER))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(SUFFIX)


def ask_open_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, _tr("Import backup"), QDir.homePath(), _tr(FILE_FILTER))
    return Path(name) if name else None


def export_to_file(parent: QWidget, state: AppState) -> Path | None:
    today = state.now().astimezone(state.tz).date().isoformat()
    target = ask_save_path(parent, f"privacy-checkup-{today}{SUFFIX}")
    if target is None:
        return None
    try:
        written = export_backup(state.store.path, target, overwrite=target.exists())
    except (PrivacyCheckupError, OSError) as exc:
        messages.show_error(parent, exc)
        return None
    modal.run(messages.message_box(parent, messages.UserMessage(
        _tr("Backup saved"),
        _tr("Your progress was saved to:") + f"\n{written}",
        _tr("Notes in the backup stay encrypted. To open them on another computer you need your recovery key.")),
        QMessageBox.Icon.Information))
    return written


def confirm_import(parent: QWidget, source: Path) -> bool:
    """Ask before replacing the progress store. Enter, Esc and closing all mean Cancel."""
    return messages.ask(parent, _tr("Import backup"),
                        _tr("Replace your current progress with this backup?") + f"\n\n{source}",
                        _tr("Your current progress is not deleted: it is kept as a copy next to it (a .bak file)."),
                        _tr("&Import backup"))


def import_from_file(parent: QWidget, state: AppState) -> bool:
    source = ask_open_path(parent)
    if source is None or not confirm_import(parent, source):
        return False
    store_path = state.store.path
    state.store.close()
    try:
        result = import_backup(source, store_path, state.now())
    except (PrivacyCheckupError, OSError) as exc:
        state.reopen_store(store_path)  # the import left the store as it was
        messages.show_error(parent, exc)
        return False
    state.reopen_store(store_path)
    kept = (_tr("Your previous progress was kept in:") + f"\n{result.previous_store}"
            if result.previous_store else "")
    modal.run(messages.message_box(parent, messages.UserMessage(
        _tr("Backup imported"), _tr("Your progress now comes from the backup."), kept or _tr("Nothing else changed.")),
        QMessageBox.Icon.Information))
    return True
