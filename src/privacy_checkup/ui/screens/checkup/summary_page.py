"""The end of a checkup: what was done, skipped and left, and when to look again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from privacy_checkup.session.checkup_flow import CheckupFlow
from privacy_checkup.ui.screens.checkup.item_page import answer_text
from privacy_checkup.ui.widgets.dates import format_date
from privacy_checkup.ui.widgets.layout import button, card, scroll_page
from privacy_checkup.ui.widgets.safe_text import plain_label


class SummaryPage(QWidget):
    finish_requested = Signal()
    report_requested = Signal()
    item_requested = Signal(int)

    def __init__(self, flow: CheckupFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.flow = flow
        counts = flow.counts()
        _, column = scroll_page(self, 760)

        column.addWidget(plain_label(self.tr("Summary"), self, role="eyebrow"))
        heading = (self.tr("You checked every setting for %1.") if counts.left == 0
                   else self.tr("Your %1 checkup so far")).replace("%1", flow.checklist.title)
        column.addWidget(plain_label(heading, self, role="title"))

        tiles = QGridLayout()
        tiles.setHorizontalSpacing(12)
        self.count_labels: dict[str, QLabel] = {}
        for index, (key, title, value) in enumerate((
            ("done", self.tr("Done"), counts.done),
            ("skipped", self.tr("Skipped for now"), counts.skipped),
            ("not_applicable", self.tr("Not applicable"), counts.not_applicable),
            ("left", self.tr("Left to do"), counts.left),
        )):
            tile = card(self)
            inner = QVBoxLayout(tile)
            inner.setContentsMargins(16, 12, 16, 12)
            number = plain_label(str(value), tile, role="display", wrap=False,
                                 accessible_name=f"{title}: {value}")
            inner.addWidget(number)
            inner.addWidget(plain_label(title, tile, role="small", wrap=False))
            self.count_labels[key] = number
            tiles.addWidget(tile, 0, index)
        column.addLayout(tiles)

        interval = flow.state.interval_days(flow.checklist)
        today = flow.state.now().astimezone(flow.state.tz).date()
        next_due = today + dt.timedelta(days=interval)
        if flow.is_open:
            due_text = self.tr("When you finish this review, the next one is due on %1 (every %2 days).")
        else:
            due_text = self.tr("Next review due on %1 (every %2 days).")
        self.next_due_label = plain_label(due_text.replace("%1", format_date(next_due)).replace(
            "%2", str(interval)), self, role="lead")
        column.addWidget(self.next_due_label)

        not_done = [(i, item) for i, item in enumerate(flow.items) if flow.answers.get(item.id) is None
                    or flow.answers[item.id].value == "skipped"]
        self.item_links: list[QWidget] = []
        if not_done:
            column.addWidget(plain_label(self.tr("Still to look at"), self, role="heading"))
            for index, item in not_done[:12]:
                state = flow.answers.get(item.id)
                label = item.title + (f"  \u2014  {answer_text(self, state)}" if state else "")
                link = button(label, self, kind="link",
                              accessible_name=self.tr("Go to %1").replace("%1", item.title))
                link.clicked.connect(lambda _=False, i=index: self.item_requested.emit(i))
                self.item_links.append(link)
                column.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)

        self.finish_button = button(self.tr("F&inish review") if flow.is_open else self.tr("Back to &dashboard"),
                                    self, kind="primary")
        self.finish_button.clicked.connect(self.finish_requested)
        self.report_button = button(self.tr("E&xport report\u2026"), self)
        self.report_button.setToolTip(self.tr("A PDF for your records, or JSON/CSV for your office. "
                                              "Your notes are not included."))
        self.report_button.clicked.connect(self.report_requested)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.finish_button)
        actions.addWidget(self.report_button)
        actions.addStretch(1)
        column.addSpacing(8)
        column.addLayout(actions)
        if flow.is_open and counts.left:
            column.addWidget(plain_label(self.tr(
                "You can finish now and come back to the rest later; they stay on your list."), self, role="small"))
        column.addStretch(1)

    def focus_chain(self) -> list[QWidget]:
        return [*self.item_links, self.finish_button, self.report_button]
