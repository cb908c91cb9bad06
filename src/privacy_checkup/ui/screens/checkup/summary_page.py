"""The end of a checkup: what was done, skipped and left, which high-risk settings are open, and when to look again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from privacy_checkup.core.model import Risk
from privacy_checkup.session.checkup_flow import CheckupFlow
from privacy_checkup.ui import status_words
from privacy_checkup.ui.widgets.dates import format_date
from privacy_checkup.ui.widgets.layout import button, card, scroll_page
from privacy_checkup.ui.widgets.safe_text import plain_label

MAX_LINKS = 12


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
        title = flow.checklist.title

        column.addWidget(plain_label(self.tr("Summary"), self, role="eyebrow"))
        if counts.open == 0:
            heading = self.tr("Every %1 setting is done or does not apply to you.").replace("%1", title)
        elif counts.unanswered == 0 and counts.changed == 0:
            heading = self.tr("You answered every %1 setting; %2 still open.").replace("%1", title).replace(
                "%2", status_words.settings_count(counts.open))
        else:
            heading = self.tr("Your %1 checkup so far").replace("%1", title)
        self.heading_label = plain_label(heading, self, role="title", selectable=True)
        column.addWidget(self.heading_label)
        self.counts_label = plain_label(status_words.counts_text(counts), self, role="lead")
        column.addWidget(self.counts_label)

        tiles = QGridLayout()
        tiles.setHorizontalSpacing(12)
        self.count_labels: dict[str, QLabel] = {}
        for index, (key, name, value) in enumerate((
            ("done", self.tr("Done"), counts.done),
            ("not_applicable", self.tr("Not applicable"), counts.not_applicable),
            ("skipped", self.tr("Skipped for now"), counts.skipped),
            ("to_do", self.tr("To do"), counts.unanswered + counts.changed),
        )):
            tile = card(self)
            inner = QVBoxLayout(tile)
            inner.setContentsMargins(16, 12, 16, 12)
            name_label = plain_label(name, tile, role="small", wrap=False)
            number = plain_label(str(value), tile, role="display", wrap=False, accessible_name=f"{name}: {value}")
            inner.addWidget(name_label)  # the label first: it is read before its value
            inner.addWidget(number)
            self.count_labels[key] = number
            tiles.addWidget(tile, 0, index)
        column.addLayout(tiles)

        self.next_due_label = plain_label(self._due_text(counts.open), self, role="lead")
        column.addWidget(self.next_due_label)
        open_items = flow.open_items()
        position = {item.id: index for index, item in enumerate(flow.items)}
        high_risk = [item for item in open_items if item.risk is Risk.HIGH]
        self.high_risk_label: QLabel | None = None
        if high_risk:
            self.high_risk_label = plain_label(
                self.tr("High-risk settings still open: %1").replace("%1", "; ".join(i.title for i in high_risk)),
                self, role="warning")
            column.addWidget(self.high_risk_label)
        self.finish_button = button(self.tr("F&inish review") if flow.is_open else self.tr("Back to &dashboard"),
                                    self, kind="primary")
        self.finish_button.clicked.connect(self.finish_requested)
        self.report_button = button(self.tr("E&xport report\u2026"), self)
        self.report_button.setToolTip(self.tr("A PDF for your records, or a file for your office. "
                                              "Your notes are not included."))
        self.report_button.clicked.connect(self.report_requested)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.finish_button)
        actions.addWidget(self.report_button)
        actions.addStretch(1)
        column.addLayout(actions)

        self.item_links: list[QWidget] = []
        if open_items:
            column.addWidget(plain_label(self.tr("Still open, highest risk first"), self, role="heading"))
            for item in open_items[:MAX_LINKS]:
                state = flow.states[item.id]
                label = f"{item.title}  \u2014  {status_words.answer_text(state)}"
                link = button(label.replace("&", "&&"), self, kind="link",
                              accessible_name=self.tr("Go to %1").replace("%1", item.title))
                link.clicked.connect(lambda _=False, i=position[item.id]: self.item_requested.emit(i))
                self.item_links.append(link)
                column.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
            if len(open_items) > MAX_LINKS:
                column.addWidget(plain_label(self.tr("and %1 more").replace("%1", str(len(open_items) - MAX_LINKS)),
                                             self, role="small"))

        column.addStretch(1)

    def _due_text(self, open_count: int) -> str:
        flow = self.flow
        state = flow.state
        interval = state.interval_days(flow.checklist)
        today = state.today()
        first_window = state.rules.first_review_days
        if flow.is_open:
            if open_count:
                due = today + dt.timedelta(days=min(interval, first_window))
                return self.tr("If you finish now, %1 stay open: they show on your dashboard and are due again by "
                               "%2. The full review is next due %3 (every %4 days).").replace(
                    "%1", status_words.settings_count(open_count)).replace("%2", format_date(due)).replace(
                    "%3", format_date(today + dt.timedelta(days=interval))).replace("%4", str(interval))
            return self.tr("When you finish this review, the next one is due on %1 (every %2 days).").replace(
                "%1", format_date(today + dt.timedelta(days=interval))).replace("%2", str(interval))
        status = state.status(flow.checklist)
        if status.next_due is None:
            return ""
        if status.counts.open:
            return self.tr("%1 still open, due by %2.").replace("%1", status_words.settings_count(
                status.counts.open)).replace("%2", format_date(status.next_due))
        return self.tr("Next review due on %1 (every %2 days).").replace("%1", format_date(status.next_due)).replace(
            "%2", str(interval))

    def first_focus(self) -> QWidget:
        return self.heading_label

    def focus_chain(self) -> list[QWidget]:
        return [self.heading_label, self.finish_button, self.report_button, *self.item_links]
