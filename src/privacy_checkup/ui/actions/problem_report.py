"""\u201cThis step is wrong\u201d: a ready-made report for the checklist's maintainers. Never includes notes."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.core.model import Checklist, Item, Surface
from privacy_checkup.ui import messages
from privacy_checkup.ui.dialogs import modal
from privacy_checkup.ui.widgets import links
from privacy_checkup.ui.widgets.layout import button
from privacy_checkup.ui.widgets.link_buttons import open_or_offer_to_copy
from privacy_checkup.ui.widgets.safe_text import plain_label


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


def report_address(help_link: str | None, checklist: Checklist) -> str | None:
    """Where the report goes: the office's help contact when its policy names one, else the checklist's
    maintainers (its maintainer_contact); None when neither is known."""
    return help_link or checklist.maintainer_contact or None


class ProblemReportDialog(QDialog):
    """The report, shown as it is (nothing hidden goes anywhere), with ways to send it: by e-mail to the office
    or the checklist's maintainers, copied, or saved to a file."""

    def __init__(self, report: ProblemReport, address: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.address = address
        self.setWindowTitle(_tr("Report a wrong step"))
        self.setAccessibleName(self.windowTitle())
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(_tr("This is the report, as it will be sent. Add what you see instead at the "
                                         "end. It names the checklist, the setting, versions and your device, and "
                                         "never your notes."), self, role="body"))
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(f"{report.subject}\n\n{report.body}")
        self.text.setAccessibleName(_tr("The report"))
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text, 1)
        if address:
            where = links.display_host(address)
            layout.addWidget(plain_label(_tr("It goes to %1.").replace("%1", where), self, role="muted"))
        else:
            layout.addWidget(plain_label(_tr("No address is known for this checklist's maintainers: copy or save "
                                             "the report and send it to whoever gave you Privacy Checkup."),
                                         self, role="muted"))
        row = QHBoxLayout()
        self.send_button = button(_tr("&Send by e-mail") if address and address.startswith("mailto:")
                                  else _tr("&Open the report page"), self, kind="primary")
        self.send_button.setVisible(bool(address))
        self.send_button.clicked.connect(self.send)
        self.copy_button = button(_tr("&Copy"), self)
        self.copy_button.clicked.connect(self.copy)
        self.save_button = button(_tr("Sa&ve\u2026"), self)
        self.save_button.clicked.connect(self.save)
        close = button(_tr("Close"), self)
        close.clicked.connect(self.reject)
        for widget in (self.send_button, self.copy_button, self.save_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.status = plain_label("", self, role="small")
        layout.addWidget(self.status)
        self.text.setFocus()

    def _current(self) -> ProblemReport:
        subject, _, body = self.text.toPlainText().partition("\n\n")
        return ProblemReport(subject.strip() or self.report.subject, body)

    def send(self) -> None:
        if not self.address:
            return
        target = self._current().mailto(self.address) if self.address.startswith("mailto:") else self.address
        if self.address.startswith("https:"):
            self.copy()  # a web form: the person pastes it there
        if open_or_offer_to_copy(self, target):
            self.status.setText(_tr("Handed to your mail app or browser."))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.status.setText(_tr("Copied. Paste it into an e-mail or the report page."))

    def save(self) -> None:
        from pathlib import Path

        from PySide6.QtCore import QDir
        from PySide6.QtWidgets import QFileDialog

        from privacy_checkup.storage.atomic import atomic_write

        name, _ = QFileDialog.getSaveFileName(self, _tr("Save the report"),
                                              str(Path(QDir.homePath()) / "privacy-checkup-problem.txt"),
                                              _tr("Text (*.txt)"))
        if not name:
            return
        try:
            atomic_write(Path(name), self.text.toPlainText().encode("utf-8"), mode=0o600)
        except OSError as exc:
            messages.show_error(self, exc)
            return
        self.status.setText(_tr("Saved to %1.").replace("%1", name))


def send_problem_report(parent: QWidget, report: ProblemReport, help_link: str | None,
                        checklist: Checklist) -> None:
    modal.run(ProblemReportDialog(report, report_address(help_link, checklist), parent))
