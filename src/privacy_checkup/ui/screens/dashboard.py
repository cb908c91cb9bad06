"""The dashboard: one card per chosen platform, most urgent first, overdue impossible to miss."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from privacy_checkup.core.errors import ChecklistError
from privacy_checkup.core.model import Checklist
from privacy_checkup.core.review import ChecklistStatus
from privacy_checkup.core.schedule import DueState
from privacy_checkup.session.app_state import AppState, urgent_first
from privacy_checkup.session.plan import Plan, build_plan
from privacy_checkup.ui import status_words
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.startup.first_paint import after_first_paint
from privacy_checkup.ui.widgets.layout import button, card, clear_layout, edge_column, scroll_page
from privacy_checkup.ui.widgets.platform_card import PlatformCard
from privacy_checkup.ui.widgets.safe_text import icon_label, plain_label

TWO_COLUMNS_FROM = 980  # logical pixels: below this (e.g. at 200% scaling) cards stack in one column
# Cards built before the first paint: three rows of two fill a 1280x800 window. The rest are built
# right after it (the next turn of the event loop), before anyone can scroll to them.
FIRST_SCREEN_CARDS = 6


class DashboardView(QWidget):
    start_requested = Signal(str)
    changes_requested = Signal(str)
    open_settings_requested = Signal(str)
    manage_requested = Signal()
    problems_requested = Signal()
    plan_requested = Signal()
    emergency_requested = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.state = state
        self.cards: list[PlatformCard] = []
        self.rows: list[tuple[Checklist, ChecklistStatus]] = []
        self._columns = 2
        self.scroll_area, self.column = scroll_page(self, 1120)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(4)
        titles.addWidget(plain_label(self.tr("Your privacy checkup"), self, role="title"))
        self.summary_label = plain_label("", self, role="lead")
        titles.addWidget(self.summary_label)
        header.addLayout(titles, 1)
        button_box, button_column = edge_column(self)  # the buttons at the bottom, beside the summary
        self.emergency_button = button(self.tr("&Emergency help"), button_box, kind="danger",
                                       accessible_name=self.tr("Emergency help: an account taken over, or being "
                                                               "targeted now"))
        self.emergency_button.clicked.connect(self.emergency_requested)
        self.manage_button = button(self.tr("&Add or remove platforms"), button_box)
        self.manage_button.clicked.connect(self.manage_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.emergency_button)
        buttons.addWidget(self.manage_button)
        button_column.addStretch(1)
        button_column.addLayout(buttons)
        header.addWidget(button_box)
        self.column.addLayout(header)

        self.banner_holder = QVBoxLayout()
        self.banner_holder.setSpacing(10)
        self.column.addLayout(self.banner_holder)
        self.start_holder = QVBoxLayout()
        self.column.addLayout(self.start_holder)
        self.plan_button: QPushButton | None = None
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(16)
        self.column.addLayout(self.grid)
        self.column.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the store: what is shown is always what is saved."""
        for holder in (self.banner_holder, self.start_holder, self.grid):
            clear_layout(holder)
        view = self.state.overview()
        rows = urgent_first(view)
        self.rows = rows
        self.plan = build_plan(view)
        self.plan_button = None
        if self.plan.entries:
            self.start_holder.addWidget(self._start_here(self.plan))
        self.cards = []
        self._add_cards(rows[:FIRST_SCREEN_CARDS])
        if len(rows) > FIRST_SCREEN_CARDS:
            # Not a plain zero timer: that would run before the window system asks for the first paint.
            after_first_paint(self.cards[0], self._add_remaining_cards)

        overdue = [(c.title, s) for c, s in rows if s.state is DueState.OVERDUE]
        incomplete = [c for c, s in rows if s.state is DueState.INCOMPLETE]
        due_soon = [c for c, s in rows if s.state is DueState.DUE_SOON]
        up_to_date = [c for c, s in rows if s.state is DueState.UP_TO_DATE]
        parts = []
        if overdue:
            parts.append(self.tr("%1 overdue").replace("%1", str(len(overdue))))
        if incomplete:
            parts.append(self.tr("%1 with settings still open").replace("%1", str(len(incomplete))))
        if due_soon:
            parts.append(self.tr("%1 due soon").replace("%1", str(len(due_soon))))
        parts.append(self.tr("%1 of %2 up to date").replace("%1", str(len(up_to_date))).replace(
            "%2", str(len(rows))))
        if self.state.verified_by:
            parts.append(self.tr("checklists verified by %1").replace("%1", self.state.verified_by))
        self.summary_label.setText(" \u00b7 ".join(parts) if rows else self.tr(
            "You have not chosen any platforms yet."))
        if overdue:
            self.banner_holder.addWidget(self._overdue_banner(overdue, rows[0][0].id))
        if self.state.problems():
            self.banner_holder.addWidget(self._problems_banner())
        missing = self.state.missing_platforms()
        if missing:
            self.banner_holder.addWidget(plain_label(self.tr(
                "Some of your platforms have no checklist at the moment: %1. Your progress for them is kept."
            ).replace("%1", ", ".join(missing)), self, role="warning"))
        if not rows:
            empty = plain_label(self.tr("Choose the platforms you use to start your first checkup."), self,
                                role="lead")
            self.grid.addWidget(empty, 0, 0)
        self._chain_focus()

    @property
    def all_cards_built(self) -> bool:
        return len(self.cards) == len(self.rows)

    def _add_cards(self, rows: list[tuple[Checklist, ChecklistStatus]]) -> None:
        first_new = len(self.cards)
        for checklist, status in rows:
            platform_card = PlatformCard(checklist, status, self)
            platform_card.start_requested.connect(self.start_requested)
            platform_card.changes_requested.connect(self.changes_requested)
            platform_card.open_settings_requested.connect(self.open_settings_requested)
            self.cards.append(platform_card)
        self._place_cards(first_new)

    def _add_remaining_cards(self) -> None:
        """Builds whatever the latest rows still lack, so a refresh in between never doubles a card."""
        self._add_cards(self.rows[len(self.cards):])
        self._chain_focus()

    def _chain_focus(self) -> None:
        """Tab goes through the screen in reading order: the header, the banners, the plan, then card by card
        (cards built after the first paint would otherwise come last)."""
        chain: list[QWidget] = [self.emergency_button, self.manage_button]
        for holder in (self.banner_holder, self.start_holder):
            for index in range(holder.count()):
                item = holder.itemAt(index)
                banner = item.widget() if item is not None else None
                if banner is not None:
                    chain += banner.findChildren(QPushButton)
        for platform_card in self.cards:
            chain += [b for b in (platform_card.changes_button, platform_card.action_button) if b is not None]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def refresh_if_changed(self) -> bool:
        """Rebuild only when a status changed (a rebuild moves keyboard focus)."""
        if self.state.chosen_checklists() == self.rows:
            return False
        self.refresh()
        return True

    def _place_cards(self, first: int = 0) -> None:
        for index, platform_card in enumerate(self.cards[first:], start=first):
            self.grid.addWidget(platform_card, index // self._columns, index % self._columns)
            if self.isVisible():  # otherwise it shows with the dashboard, styled once rather than twice
                platform_card.show()
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < self._columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        columns = 2 if event.size().width() >= TWO_COLUMNS_FROM else 1
        if columns != self._columns:
            self._columns = columns
            for platform_card in self.cards:
                self.grid.removeWidget(platform_card)
            self._place_cards()
        super().resizeEvent(event)

    def _start_here(self, plan: Plan) -> QWidget:
        """"Start here": the essentials across the person's platforms, with the time they take, as one run."""
        panel = card(self, "StartHere")
        row = QHBoxLayout(panel)
        row.setContentsMargins(20, 16, 20, 16)
        row.setSpacing(16)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(plain_label(self.tr("START HERE"), panel, role="eyebrow"))
        total = len(plan.entries)
        if plan.open_entries:
            heading = self.tr("Your essentials: %1, %2").replace("%1", status_words.settings_count(total)).replace(
                "%2", status_words.duration(plan.minutes))
            detail = self.tr("The settings that matter most for you, highest risk first, across your platforms. "
                             "You can stop at any time: each answer is saved at once.")
            if plan.settled:
                detail += " " + self.tr("%1 of %2 done, %3 left.").replace("%1", str(plan.settled)).replace(
                    "%2", str(total)).replace("%3", status_words.duration(plan.minutes_left))
        else:
            heading = self.tr("Your essentials are done: %1.").replace("%1", status_words.settings_count(total))
            detail = self.tr("Next, the rest of each platform below, when you have time: everything together takes "
                             "%1.").replace("%1", status_words.duration(plan.all_minutes))
        self.start_heading = plain_label(heading, panel, role="heading")
        texts.addWidget(self.start_heading)
        texts.addWidget(plain_label(detail, panel, role="muted"))
        row.addLayout(texts, 1)
        if plan.open_entries:
            self.plan_button = button(self.tr("&Continue the essentials") if plan.settled
                                      else self.tr("&Start with the essentials"), panel, kind="primary")
            self.plan_button.clicked.connect(self.plan_requested)
            row.addWidget(self.plan_button)
        panel.setAccessibleName(heading)
        return panel

    def _overdue_banner(self, overdue: list[tuple[str, ChecklistStatus]], first_id: str) -> QWidget:
        banner = card(self, "Banner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(12)
        glyph = icon_label(icons.status_glyph("overdue", 24, self.devicePixelRatioF()), self.tr("Overdue"), banner)
        text = status_words.overdue_sentence([title for title, status in overdue if not status.first_review],
                                             [title for title, status in overdue if status.first_review])
        label = plain_label(text, banner)
        label.setProperty("role", "heading")
        action = button(self.tr("&Review now"), banner, kind="primary")
        action.clicked.connect(lambda: self.start_requested.emit(first_id))
        row.addWidget(glyph)
        row.addWidget(label, 1)
        row.addWidget(action)
        banner.setAccessibleName(text)
        return banner

    def _problems_banner(self) -> QWidget:
        from privacy_checkup.ui import messages  # only when a checklist file has a problem

        banner = card(self, "InfoBanner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 10, 16, 10)
        problems = self.state.problems()
        first = messages.problem_location(problems[0])
        kept = [p for p in problems if isinstance(p, ChecklistError) and p.last_good_from is not None]
        if len(problems) == 1 and kept:
            text = self.tr("A checklist file has a mistake: %1.").replace("%1", first) + " " + \
                messages.last_good_note(kept[0])
        else:
            text = (self.tr("A checklist file could not be used: %1") if len(problems) == 1
                    else self.tr("%2 checklist files could not be used, first: %1")).replace(
                "%1", first).replace("%2", str(len(problems)))
        label = plain_label(text, banner)
        action = button(self.tr("Show &details"), banner)
        action.clicked.connect(self.problems_requested)
        row.addWidget(label, 1)
        row.addWidget(action)
        banner.setAccessibleName(text)
        return banner
