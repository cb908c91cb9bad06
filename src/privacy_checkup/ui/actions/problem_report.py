"""\u201cThis step is wrong\u201d: a ready-made report for the checklist's maintainers. Never includes notes."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.core.model import Checklist, Item, Surface
from privacy_checkup.ui import messages
from privacy_checkup.ui.dialogs import modal
from privacy_checkup.ui.widgets import links


def _tr(text: str) -> str:
    return QCoreApplication.translate("problem_report", text)


@dataclass(frozen=True)
class ProblemReport:
    subject: str
    body: str

    def mailto(self, link: str) -> str:
        """`link` ("mailto:it-help@office.example") with this report as the e-mail's subject and body."""
        separator = "&" if "?" in link else "?"
        return f"{link}{separator}subject={quote(self.subject)}&body={quote(self.body)}"


def build_report(checklist: Checklist, item: Item, surface: Surface) -> ProblemReport:
    """Everything a maintainer needs to find and check the step; nothing the user wrote."""
    # The field names stay in English on purpose: the people who maintain the checklists read them.
    subject = f"{APP_NAME}: {checklist.id}/{item.id} r{item.revision} " + _tr("may be wrong")
    lines = [
        _tr("A step in a checklist looks wrong or out of date."),
        "",
        f"Checklist: {checklist.title} ({checklist.id}), version {checklist.version}",
        f"Item: {item.title} ({item.id}), revision {item.revision}",
        f"Item last verified: {item.last_verified.isoformat()}",
        f"Checklist last verified: {checklist.last_verified.isoformat()}",
        f"Device: {surface.value}",
        f"App: {APP_NAME} {__version__} on {platform.system() or 'unknown OS'}",
        "",
        _tr("What I see instead (please describe):"),
        "",
    ]
    return ProblemReport(subject, "\n".join(lines))


def send_problem_report(parent: QWidget, report: ProblemReport, help_link: str | None) -> None:
    """An e-mail to the office's help contact when its policy names one; otherwise the clipboard."""
    if help_link and help_link.startswith("mailto:") and links.open_link(report.mailto(help_link)):
        return
    QGuiApplication.clipboard().setText(f"{report.subject}\n\n{report.body}")
    where = _tr("Paste it into an e-mail to your IT contact or to the checklist's maintainers, and add "
                "what you see instead.")
    if help_link and links.open_link(help_link):
        where = _tr("Your office's help page is opening in your browser: paste the report there, and add "
                    "what you see instead.")
    box = messages.message_box(parent, messages.UserMessage(
        _tr("Problem report copied"),
        _tr("A description of this step (checklist, item, version and your device, never your notes) "
            "is now on the clipboard."), where), QMessageBox.Icon.Information)
    modal.run(box)
