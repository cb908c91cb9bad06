"""File > Export report: a PDF for the person's records, or JSON/CSV for an office. Notes are left out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from privacy_checkup import __version__
from privacy_checkup.core.attestation import to_csv, to_json
from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.session.app_state import AppState
from privacy_checkup.session.overview import Overview, overview, report_data
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.vault import VaultState
from privacy_checkup.ui import messages
from privacy_checkup.ui.actions.report_pdf import render_pdf
from privacy_checkup.ui.dialogs import modal

FORMATS = {".pdf": "PDF report (*.pdf)", ".json": "Attestation for your office, JSON (*.json)",
           ".csv": "Attestation for your office, CSV (*.csv)"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("report_actions", text)


def ask_report_path(parent: QWidget, suggested: str) -> Path | None:
    filters = ";;".join(_tr(text) for text in FORMATS.values())
    name, chosen = QFileDialog.getSaveFileName(parent, _tr("Export report"),
                                               str(Path(QDir.homePath()) / suggested), filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() in FORMATS:
        return path
    for suffix, text in FORMATS.items():  # no or unknown suffix: the one of the chosen filter
        if _tr(text) == chosen:
            return path.with_name(path.name + suffix)
    return path.with_name(path.name + ".pdf")


def ask_include_notes(parent: QWidget, state: AppState) -> bool:
    """Only when there are notes that can be read; Enter, Esc and closing all mean "leave them out"."""
    if not state.vault.has_notes() or state.vault.status().state is not VaultState.UNLOCKED:
        return False
    return messages.ask(parent, _tr("Include your notes?"), _tr("Put your private notes in this report?"),
                        _tr("Notes are left out unless you choose to include them. Anyone who gets the report "
                            "file can read what is in it."), _tr("&Include notes"), _tr("&Leave notes out"))


def _notes(state: AppState, view: Overview) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for checklist, _status in view.entries:
        for item in checklist.items_for(view.persona):
            text = state.vault.read_note(checklist.id, item.id)
            if text:
                found[(checklist.id, item.id)] = text
    return found


def report_bytes(state: AppState, suffix: str, include_notes: bool = False) -> bytes:
    view = overview(state.store, state.catalog, state.now(), state.tz, state.rules)
    notes = _notes(state, view) if include_notes else None  # never, unless the person asked
    data = report_data(view, state.now().astimezone(state.tz), __version__, notes)
    if suffix == ".json":
        return to_json(data).encode("utf-8")
    if suffix == ".csv":
        return to_csv(data).encode("utf-8")
    return render_pdf(data)


def export_report(parent: QWidget, state: AppState) -> Path | None:
    target = ask_report_path(parent, f"privacy-checkup-report-{state.today().isoformat()}.pdf")
    if target is None:
        return None
    try:
        include_notes = ask_include_notes(parent, state)
        atomic_write(target, report_bytes(state, target.suffix.lower(), include_notes), mode=0o600)
    except (PrivacyCheckupError, OSError) as exc:
        messages.show_error(parent, exc)
        return None
    modal.run(messages.message_box(parent, messages.UserMessage(
        _tr("Report saved"), _tr("Your report was saved to:") + f"\n{target}",
        _tr("It lists each setting, its status and date. Your notes are in it.") if include_notes
        else _tr("It lists each setting, its status and date. Your notes are not in it.")),
        QMessageBox.Icon.Information))
    return target
