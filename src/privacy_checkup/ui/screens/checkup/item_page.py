"""One checklist item: what to change, why, the recommended value, the steps for a device, sources, a note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_checkup.core.model import Checklist, Item, Persona, Section, Surface
from privacy_checkup.storage.progress import Answer
from privacy_checkup.ui import status_words
from privacy_checkup.ui.widgets import links
from privacy_checkup.ui.widgets.dates import format_date
from privacy_checkup.ui.widgets.layout import button, card, clear_layout, scroll_page
from privacy_checkup.ui.widgets.profile_choices import persona_note_text, surface_label
from privacy_checkup.ui.widgets.safe_text import plain_label


class ItemPage(QWidget):
    remember_surface = Signal(object)  # Surface: keep showing this device's steps for the platform
    report_requested = Signal()
    unlock_requested = Signal()
    clear_requested = Signal()

    def __init__(self, checklist: Checklist, section: Section, item: Item, position: int, total: int,
                 surface: Surface, persona: Persona, today: dt.date, max_age_days: int,
                 previous: Answer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.checklist, self.section, self.item = checklist, section, item
        self.surface = surface        # the device whose steps are shown
        self.saved_surface = surface  # the device saved for this platform; looking at another changes nothing
        self._note_loaded = ""
        self.scroll_area, column = scroll_page(self, 760)

        self.section_label = plain_label(section.title.upper(), self, role="eyebrow", wrap=True,
                                         accessible_name=self.tr("Section: %1").replace("%1", section.title))
        self.position_label = plain_label(self.tr("Setting %1 of %2").replace("%1", str(position)).replace(
            "%2", str(total)), self, role="small", wrap=False)
        top = QHBoxLayout()
        top.addWidget(self.section_label, 1)
        top.addWidget(self.position_label)
        column.addLayout(top)
        self.title_label = plain_label(item.title, self, role="title", selectable=True)
        column.addWidget(self.title_label)

        risk_text = {"high": self.tr("High risk"), "medium": self.tr("Medium risk"),
                     "low": self.tr("Low risk")}[item.risk.value]
        meta = QHBoxLayout()
        meta.setSpacing(8)
        self.risk_label = plain_label(risk_text, self, wrap=False)
        self.risk_label.setProperty("badge", {"high": "overdue", "medium": "due_soon"}.get(item.risk.value,
                                                                                          "never_reviewed"))
        meta.addWidget(self.risk_label)
        if previous is not None:
            meta.addWidget(plain_label(self.tr("Last time: %1 on %2").replace(
                "%1", status_words.answer_text(previous.state)).replace(
                "%2", format_date(previous.answered_at.date())), self, role="small", wrap=False))
        meta.addStretch(1)
        column.addLayout(meta)
        answer_row = QHBoxLayout()
        answer_row.setSpacing(10)
        self.answer_label = plain_label("", self, role="answer", wrap=False)
        self.clear_button = button(self.tr("&Clear answer"), self, kind="link")
        self.clear_button.setToolTip(self.tr("Make this setting unanswered again; what you said before stays in "
                                             "your history."))
        self.clear_button.clicked.connect(self.clear_requested)
        answer_row.addWidget(self.answer_label)
        answer_row.addWidget(self.clear_button)
        answer_row.addStretch(1)
        column.addLayout(answer_row)
        self.show_answer(None)
        self.changed_label: QLabel | None = None
        if previous is not None and previous.item_revision < item.revision:
            self.changed_label = plain_label(self.tr(
                "This advice has changed since you last answered it. Please check the setting again."),
                self, role="warning")
            column.addWidget(self.changed_label)

        column.addWidget(plain_label(self.tr("Why it matters"), self, role="heading"))
        self.why_label = plain_label(item.why, self, role="body", selectable=True)
        column.addWidget(self.why_label)
        column.addWidget(plain_label(self.tr("Recommended setting"), self, role="heading"))
        self.recommended_label = plain_label(item.recommended, self, role="recommended", selectable=True)
        column.addWidget(self.recommended_label)
        self.persona_note_label: QLabel | None = None
        note = item.persona_note(persona)
        if note is not None:
            self.persona_note_label = plain_label(persona_note_text(self, persona, *note), self,
                                                  role="personanote", selectable=True)
            column.addWidget(self.persona_note_label)

        steps_header = QHBoxLayout()
        steps_header.addWidget(plain_label(self.tr("How to do it"), self, role="heading"), 1)
        self.surface_buttons = self._surface_switch(steps_header)
        column.addLayout(steps_header)
        self.remember_row = QHBoxLayout()
        self.remember_button = button("", self, kind="link")
        self.remember_button.clicked.connect(self._remember_surface)
        self.remember_button.hide()
        self.remember_row.addStretch(1)
        self.remember_row.addWidget(self.remember_button)
        column.addLayout(self.remember_row)
        self.steps_card = card(self)
        self.steps_layout = QVBoxLayout(self.steps_card)
        self.steps_layout.setContentsMargins(18, 14, 18, 14)
        self.steps_layout.setSpacing(8)
        column.addWidget(self.steps_card)
        self.step_labels: list[QLabel] = []
        self._show_steps()

        column.addWidget(plain_label(self.tr("Sources"), self, role="heading"))
        self.source_buttons: list[QPushButton] = []
        for source in item.sources:
            link = button(f"{source.title}  \u2197", self, kind="link",
                          accessible_name=self.tr("Open source: %1").replace("%1", source.title))
            link.setToolTip(self.tr("Opens %1 in your browser").replace("%1", source.url))
            link.setAccessibleDescription(links.display_host(source.url))
            link.setEnabled(links.is_openable(source.url))
            link.clicked.connect(lambda _=False, url=source.url: links.open_link(url))
            self.source_buttons.append(link)
            column.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        verified = QHBoxLayout()
        self.verified_label = plain_label(self.tr("Steps last checked on %1").replace(
            "%1", format_date(item.last_verified)), self, role="small", wrap=False)
        verified.addWidget(self.verified_label)
        if (today - item.last_verified).days > max_age_days:
            verified.addWidget(plain_label(self.tr("\u26a0 May be out of date"), self, role="warning", wrap=False))
        verified.addStretch(1)
        self.report_button = button(self.tr("This step is &wrong\u2026"), self, kind="link")
        self.report_button.setToolTip(self.tr("Copy a problem report for the checklist's maintainers "
                                              "(never includes your notes)"))
        self.report_button.clicked.connect(self.report_requested)
        verified.addWidget(self.report_button)
        column.addLayout(verified)

        column.addWidget(plain_label(self.tr("Your note (optional, encrypted)"), self, role="heading"))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setAccessibleName(self.tr("Your note for this setting"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 20)
        self.note_edit.setPlaceholderText(self.tr("For example: which account, or why you left it as it is."))
        column.addWidget(self.note_edit)
        note_row = QHBoxLayout()
        self.note_status = plain_label("", self, role="small")
        note_row.addWidget(self.note_status, 1)
        self.unlock_button = button(self.tr("&Unlock notes\u2026"), self)
        self.unlock_button.clicked.connect(self.unlock_requested)
        self.unlock_button.hide()
        note_row.addWidget(self.unlock_button)
        column.addLayout(note_row)
        column.addStretch(1)

    def _surface_switch(self, row: QHBoxLayout) -> dict[Surface, QPushButton]:
        frame = QFrame(self)
        switch = QHBoxLayout(frame)
        switch.setContentsMargins(0, 0, 0, 0)
        switch.setSpacing(0)
        group = QButtonGroup(frame)
        buttons: dict[Surface, QPushButton] = {}
        surfaces = list(Surface)
        for index, surface in enumerate(surfaces):
            text = surface_label(self, surface)
            segment = button(text, frame, kind="segment",
                             accessible_name=self.tr("Show steps for %1").replace("%1", text))
            segment.setCheckable(True)
            segment.setProperty("position", "first" if index == 0 else "last" if index == len(surfaces) - 1
                                else "middle")
            if surface not in self.item.steps:
                segment.setToolTip(self.tr("No steps for this device yet"))
            segment.setChecked(surface is self.surface)
            segment.clicked.connect(lambda _=False, s=surface: self.set_surface(s))
            group.addButton(segment)
            switch.addWidget(segment)
            buttons[surface] = segment
        frame.setAccessibleName(self.tr("Device"))
        row.addWidget(frame)
        return buttons

    def set_surface(self, surface: Surface) -> None:
        """Show `surface`'s steps. Looking is not choosing: the saved device stays unless the person asks."""
        self.surface = surface
        self.surface_buttons[surface].setChecked(True)
        self._show_steps()
        peeking = surface is not self.saved_surface
        self.remember_button.setText(self.tr("Always show the steps for %1 on %2").replace(
            "%1", surface_label(self, surface)).replace("%2", self.checklist.title) if peeking else "")
        self.remember_button.setVisible(peeking)

    def _remember_surface(self) -> None:
        self.saved_surface = self.surface
        self.remember_button.hide()
        self.remember_surface.emit(self.surface)

    def show_answer(self, answer: Answer | None) -> None:
        """The answer that counts now, in words ("Your answer: Not applicable to me, 4 Dec 2026")."""
        if answer is None:
            self.answer_label.setText(self.tr("Not answered yet"))
            self.answer_label.setProperty("answered", False)
        else:
            self.answer_label.setText(self.tr("Your answer: %1, %2").replace(
                "%1", status_words.answer_text(answer.state)).replace(
                "%2", format_date(answer.answered_at.astimezone().date())))
            self.answer_label.setProperty("answered", True)
        self.answer_label.setAccessibleName(self.answer_label.text())
        self.answer_label.style().unpolish(self.answer_label)
        self.answer_label.style().polish(self.answer_label)
        self.clear_button.setVisible(answer is not None)

    def first_focus(self) -> QWidget:
        """Where keyboard focus lands when the page opens: its title."""
        return self.title_label

    def _show_steps(self) -> None:
        clear_layout(self.steps_layout)
        self.step_labels = []
        if self.surface not in self.item.steps:
            shown = next(iter(self.item.steps))
            self.steps_layout.addWidget(plain_label(self.tr(
                "There are no steps for %1 yet. These are the steps for %2; the setting is usually in the "
                "same place.").replace("%1", surface_label(self, self.surface)).replace(
                "%2", surface_label(self, shown)), self.steps_card, role="warning"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        for number, step in enumerate(self.item.steps_for(self.surface), start=1):
            badge = plain_label(str(number), self.steps_card, role="stepnumber", wrap=False,
                                accessible_name=self.tr("Step %1").replace("%1", str(number)))
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = plain_label(step, self.steps_card, role="step", selectable=True)
            grid.addWidget(badge, number, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, number, 1)
            self.step_labels.append(label)
        grid.setColumnStretch(1, 1)
        self.steps_layout.addLayout(grid)

    def focus_chain(self) -> list[QWidget]:
        """The page's controls in reading order, for Tab."""
        texts = [w for w in (self.why_label, self.recommended_label, self.persona_note_label) if w is not None]
        return [self.title_label, self.clear_button, *texts, *self.surface_buttons.values(), self.remember_button,
                *self.step_labels, *self.source_buttons, self.report_button, self.note_edit, self.unlock_button]

    # The note box: the wizard decides what it can do; the page only shows it.
    def show_note(self, text: str) -> None:
        self._note_loaded = text
        self.note_edit.setEnabled(True)
        self.note_edit.setPlainText(text)
        self.note_status.setText(self.tr("Saved encrypted on this computer when you move on."))
        self.unlock_button.hide()

    def show_notes_locked(self, hint: str) -> None:
        self.note_edit.setPlainText("")
        self.note_edit.setEnabled(False)
        self.note_edit.setPlaceholderText("")
        self.note_status.setText(hint)
        self.note_status.setProperty("role", "warning")
        self.unlock_button.show()

    def note_changed(self) -> bool:
        return self.note_edit.isEnabled() and self.note_edit.toPlainText() != self._note_loaded

    def note_text(self) -> str:
        return self.note_edit.toPlainText()

    def mark_note_saved(self) -> None:
        self._note_loaded = self.note_edit.toPlainText()
        self.note_status.setText(self.tr("Note saved (encrypted)."))

