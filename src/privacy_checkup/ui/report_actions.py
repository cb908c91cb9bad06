"""File > Export report: a PDF for the person's records, or JSON/CSV for an office. Notes are left out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from privacy_checkup import __version__
from privacy_checkup.core.attestation import to_csv, to_json
from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.overview import overview, report_data
from privacy_checkup.ui import messages, modal
from privacy_checkup.ui.app_state import AppState
from privacy_checkup.ui.report_pdf import render_pdf

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


def report_bytes(state: AppState, suffix: str) -> bytes:
    view = overview(state.store, state.catalog, state.now(), state.tz, state.rules)
    data = report_data(view, state.now().astimezone(state.tz), __version__)  # notes: never, unless asked
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
        atomic_write(target, report_bytes(state, target.suffix.lower()), mode=0o600)
    except (PrivacyCheckupError, OSError) as exc:
        messages.show_error(parent, exc)
        return None
    modal.run(messages.message_box(parent, messages.UserMessage(
        _tr("Report saved"), _tr("Your report was saved to:") + f"\n{target}",
        _tr("It lists each setting, its status and date. Your notes are not in it.")),
        QMessageBox.Icon.Information))
    return target
