"""One platform on the dashboard: icon, status, progress, dates, and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from privacy_checkup.core.model import Checklist
from privacy_checkup.core.review import ChecklistStatus
from privacy_checkup.core.schedule import DueState
from privacy_checkup.session.plan import minutes_left
from privacy_checkup.ui import status_words
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.widgets.dates import format_date
from privacy_checkup.ui.widgets.enum_properties import set_enum_property
from privacy_checkup.ui.widgets.layout import button
from privacy_checkup.ui.widgets.safe_text import icon_label, plain_label

MIN_WIDTH = 400  # logical pixels: two fit side by side from the dashboard's two-column width up


class PlatformCard(QFrame):
    """Signals carry the checklist id; the dashboard decides what to open."""

    start_requested = Signal(str)
    changes_requested = Signal(str)
    open_settings_requested = Signal(str)

    def __init__(self, checklist: Checklist, status: ChecklistStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.status = status
        self.setObjectName("PlatformCard")
        # Side by side, cards share the width equally, whatever their titles: long ones wrap.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(MIN_WIDTH)
        self.setProperty("card", True)
        self.setProperty("status", status.state.value)
        state_text = status_words.state_text(status)
        self.setAccessibleName(self.tr("%1: %2").replace("%1", checklist.title).replace("%2", state_text))
        ratio = self.devicePixelRatioF()

        icon = icon_label(icons.monogram(checklist.id, checklist.title, 48, ratio),
                          self.tr("%1 icon").replace("%1", checklist.title), self)
        self.title_label = plain_label(checklist.title, self, role="cardtitle")

        badge_row = QHBoxLayout()
        badge_row.setSpacing(6)
        glyph = icon_label(icons.status_glyph(status.state.value, 18, ratio), state_text, self)
        self.badge = plain_label(state_text, self, wrap=False)
        self.badge.setProperty("badge", status.state.value)
        badge_row.addWidget(glyph)
        badge_row.addWidget(self.badge)

        header = QHBoxLayout()
        header.setSpacing(14)
        set_enum_property(icon, "alignment", "AlignLeft|AlignTop")  # the label is as tall as the header
        header.addWidget(icon)
        title_column = QVBoxLayout()
        title_column.setSpacing(2)
        title_column.addWidget(self.title_label)
        if checklist.description:
            description = plain_label(checklist.description, self, role="small")
            title_column.addWidget(description)
        title_column.addStretch(1)  # any spare height goes below the text
        header.addLayout(title_column, 1)
        badge_column = QVBoxLayout()  # the badge keeps its own height, at the top
        badge_column.addLayout(badge_row)
        badge_column.addStretch(1)
        header.addLayout(badge_column)

        counts = status.counts
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(counts.total, 1))
        self.progress.setValue(counts.settled)  # only settled settings fill the bar: skipped is not checked
        self.progress.setProperty("status", status.state.value)
        self.progress.setTextVisible(False)
        progress_text = status_words.counts_text(counts)
        self.progress.setAccessibleName(self.tr("%1 of %2 settings settled").replace(
            "%1", str(counts.settled)).replace("%2", str(counts.total)))
        self.progress.setAccessibleDescription(progress_text)
        self.progress_label = plain_label(progress_text, self, role="small")

        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(2)
        last = format_date(status.last_reviewed) if status.last_reviewed else self.tr("Not yet")
        self.last_label = plain_label(last, self, wrap=False)
        self.due_label = plain_label(status_words.due_text(status), self,
                                     role="danger" if status.state is DueState.OVERDUE else "", wrap=False)
        facts.addWidget(plain_label(self.tr("Last reviewed"), self, role="small", wrap=False), 0, 0)
        self.due_caption = plain_label(status_words.due_label(status), self, role="small", wrap=False)
        facts.addWidget(self.due_caption, 0, 1)
        facts.addWidget(self.last_label, 1, 0)
        facts.addWidget(self.due_label, 1, 1)
        self.time_label: QLabel | None = None
        if counts.open:
            self.time_label = plain_label(status_words.duration(minutes_left(checklist, status)), self, wrap=False)
            facts.addWidget(plain_label(self.tr("Time left"), self, role="small", wrap=False), 0, 2)
            facts.addWidget(self.time_label, 1, 2)
        facts.setColumnStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        bar_row = QHBoxLayout()
        bar_row.setSpacing(12)
        bar_row.addWidget(self.progress, 1)
        bar_row.addWidget(self.progress_label)
        layout.addLayout(bar_row)
        layout.addLayout(facts)

        self.changed_label: QLabel | None = None
        self.stale_label: QLabel | None = None
        notes = QHBoxLayout()
        notes.setSpacing(8)
        changed = len(status.changed_items)
        if changed:
            text = (self.tr("1 setting changed since your last review") if changed == 1
                    else self.tr("%1 settings changed since your last review").replace("%1", str(changed)))
            self.changed_label = plain_label(text, self, role="warning", wrap=False)
            notes.addWidget(self.changed_label)
        if status.stale:
            self.stale_label = plain_label(self.tr("\u26a0 This checklist may be out of date"), self, wrap=False)
            self.stale_label.setProperty("badge", "stale")
            self.stale_label.setToolTip(self.tr("Its content was last checked on %1. Platforms change their "
                                                "settings often; some steps may have moved.").replace(
                "%1", format_date(checklist.last_verified)))
            notes.addWidget(self.stale_label)
        notes.addStretch(1)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addLayout(notes, 1)
        self.changes_button = None
        self.action_button = button(self._action_text(), self, kind="primary")
        self.action_button.setAccessibleName(f"{self.action_button.text().replace('&', '')} {checklist.title}")
        action = self.action
        wanted = {"open_settings": self.open_settings_requested, "changes": self.changes_requested}.get(
            action, self.start_requested)
        self.action_button.clicked.connect(lambda: wanted.emit(checklist.id))
        if action == "changes":
            self.changes_button = self.action_button
        actions.addWidget(self.action_button)
        layout.addLayout(actions)

    @property
    def action(self) -> str:
        """What the card's button does: resume, start, do the open settings a finished review left, review
        what changed since, or review again."""
        status = self.status
        if status.review_open:
            return "resume"
        if status.first_review:
            return "start"
        if status.interval_passed:
            return "review"
        if status.counts.skipped + status.counts.unanswered:
            return "open_settings"
        if status.counts.changed:
            return "changes"
        return "review"

    def _action_text(self) -> str:
        status = self.status
        return {
            "resume": self.tr("Resume"),
            "start": self.tr("Start checkup"),
            "open_settings": status_words.open_settings_action(status.counts.open),
            "changes": (self.tr("Review 1 &change") if status.counts.changed == 1
                        else self.tr("Review %1 &changes").replace("%1", str(status.counts.changed))),
            "review": self.tr("Review again"),
        }[self.action]
