"""Help inside the app, offline: "How Privacy Checkup works" (plain-text pages bundled with the app) and the
glossary, searchable, which F1 on a setting's page opens at the terms that page uses."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from privacy_checkup.core.glossary import Glossary, Term
from privacy_checkup.storage import paths
from privacy_checkup.ui.widgets.layout import button
from privacy_checkup.ui.widgets.link_buttons import link_button
from privacy_checkup.ui.widgets.safe_text import plain_label

HELP_FILE = Path("help") / "how-it-works.txt"


def help_topics(text: str) -> list[tuple[str, str]]:
    """The bundled help as (title, text) topics: each starts with a "## Title" line."""
    topics: list[tuple[str, str]] = []
    for block in text.split("\n## "):
        title, _, body = block.removeprefix("## ").partition("\n")
        if title.strip():
            topics.append((title.strip(), body.strip()))
    return topics


def _reader(parent: QWidget, name: str) -> QPlainTextEdit:
    """Plain, read-only text that Tab reaches and the arrow keys scroll."""
    reader = QPlainTextEdit(parent)
    reader.setReadOnly(True)
    reader.setTabChangesFocus(True)
    reader.setAccessibleName(name)
    return reader


class HelpDialog(QDialog):
    """Help > How Privacy Checkup works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How Privacy Checkup works"))
        self.setAccessibleName(self.windowTitle())
        self.resize(860, 560)
        text = (paths.resources_dir() / HELP_FILE).read_text(encoding="utf-8")
        self.topics = help_topics(text)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Topics"))
        for title, _ in self.topics:
            self.list.addItem(title)
        self.reader = _reader(self, self.tr("Help text"))
        self.list.currentRowChanged.connect(self._show)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.reader, 3)
        close = button(self.tr("&Close"), self, kind="primary")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(close)
        layout.addLayout(footer)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.topics):
            title, body = self.topics[row]
            self.reader.setPlainText(f"{title}\n\n{body}")


class GlossaryDialog(QDialog):
    """Help > Glossary, or the terms of one page (F1 there): search, a list of terms, and what each means."""

    def __init__(self, glossary: Glossary, parent: QWidget | None = None, only: Sequence[Term] | None = None,
                 select: str | None = None) -> None:
        super().__init__(parent)
        self.glossary = glossary
        self.only = list(only) if only is not None else None
        self.setWindowTitle(self.tr("Terms on this page") if self.only is not None else self.tr("Glossary"))
        self.setAccessibleName(self.windowTitle())
        self.resize(860, 560)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search, for example: 2FA, passkey, SIM"))
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Terms"))
        self.list.currentItemChanged.connect(self._show)
        self.reader = _reader(self, self.tr("What the term means"))
        self.sources = QVBoxLayout()
        right = QVBoxLayout()
        right.addWidget(self.reader, 1)
        right.addLayout(self.sources)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        if self.only is not None:
            layout.addWidget(plain_label(self.tr("The terms this setting uses. Clear the search to see them all, "
                                                 "or search for any other."), self, role="muted"))
        layout.addWidget(self.search)
        layout.addLayout(row, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        close = button(self.tr("&Close"), self, kind="primary")
        close.clicked.connect(self.accept)
        footer.addWidget(close)
        layout.addLayout(footer)
        self._filter("")
        if select is not None:
            self.select(select)
        self.search.setFocus() if self.only is None else self.list.setFocus()

    def _filter(self, query: str) -> None:
        terms = (self.only if self.only is not None and not query.strip() else self.glossary.search(query))
        self.list.clear()
        for term in terms:
            entry = QListWidgetItem(term.term)
            entry.setData(Qt.ItemDataRole.UserRole, term.id)
            self.list.addItem(entry)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.reader.setPlainText(self.tr("No term matches \u201c%1\u201d.").replace("%1", query.strip()))

    def select(self, term_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == term_id:
                self.list.setCurrentRow(row)
                return

    def _term(self, term_id: str) -> Term | None:
        return next((t for t in self.glossary.terms if t.id == term_id), None)

    def _show(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        while self.sources.count():
            entry = self.sources.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()
        term = self._term(str(current.data(Qt.ItemDataRole.UserRole))) if current is not None else None
        if term is None:
            return
        also = (self.tr("Also called: %1").replace("%1", ", ".join(term.aliases)) + "\n\n") if term.aliases else ""
        self.reader.setPlainText(f"{term.term}\n\n{term.explanation}\n\n{also}".rstrip())
        for title, url in term.sources:
            self.sources.addWidget(link_button(self.tr("Source: %1").replace("%1", title), url, self))
