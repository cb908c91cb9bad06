"""The checkup wizard: one page per item, grouped by section, answers saved the moment they are given."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.core.model import Checklist, Item, Surface
from privacy_checkup.session.app_state import AppState
from privacy_checkup.session.checkup_flow import CheckupFlow
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui import messages
from privacy_checkup.ui.actions import report as report_actions
from privacy_checkup.ui.actions.problem_report import build_report, send_problem_report
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.screens.checkup.item_page import ItemPage
from privacy_checkup.ui.screens.checkup.notes import ItemNotes
from privacy_checkup.ui.screens.checkup.summary_page import SummaryPage
from privacy_checkup.ui.widgets.layout import bar, button
from privacy_checkup.ui.widgets.safe_text import icon_label, plain_label

NARROW_BELOW = 960  # logical pixels
ANSWER_SHORTCUTS = {AnswerState.DONE: "Ctrl+1", AnswerState.SKIPPED: "Ctrl+2", AnswerState.NOT_APPLICABLE: "Ctrl+3"}


class CheckupView(QWidget):
    closed = Signal()

    def __init__(self, state: AppState, checklist: Checklist, only_items: Sequence[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.state = state
        self.checklist = checklist
        self.flow = CheckupFlow(state, checklist, only_items)
        self.surface: Surface = state.surface_for(checklist)
        self.index = -1
        self.page: ItemPage | SummaryPage | None = None
        self.notes = ItemNotes(state, checklist.id, self)

        top, top_row = bar(self, "TopBar")
        self.close_button = button(self.tr("\u2190 Dashboard"), top,
                                   accessible_name=self.tr("Back to the dashboard (Esc)"))
        self.close_button.setToolTip(self.tr("Your answers are already saved (Esc)"))
        self.close_button.clicked.connect(self.close_checkup)
        icon = icon_label(icons.monogram(checklist.id, checklist.title, 28, self.devicePixelRatioF()),
                          self.tr("%1 icon").replace("%1", checklist.title), top)
        title = plain_label(checklist.title, top, role="cardtitle", wrap=False)
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # may be clipped when narrow
        title.setMinimumWidth(60)
        self.progress = QProgressBar(top)
        self.progress.setRange(0, max(len(self.flow.items), 1))
        self.progress.setTextVisible(False)
        self.progress.setMinimumWidth(60)
        self.progress.setMaximumWidth(220)
        self.progress_label = plain_label("", top, role="small", wrap=False)
        top_row.addWidget(self.close_button)
        top_row.addSpacing(12)
        top_row.addWidget(icon)
        top_row.addWidget(title, 1)
        top_row.addWidget(self.progress_label)
        top_row.addWidget(self.progress)

        bottom, self.bottom_layout = bar(self, "BottomBar")
        bottom_row = QHBoxLayout()
        bottom_row.setSpacing(10)
        self.answer_buttons: dict[AnswerState, QPushButton] = {}
        for answer, text in ((AnswerState.DONE, self.tr("\u2713 &Done")),
                             (AnswerState.SKIPPED, self.tr("&Skip for now")),
                             (AnswerState.NOT_APPLICABLE, self.tr("Not &applicable to me"))):
            keys = QKeySequence(ANSWER_SHORTCUTS[answer]).toString(QKeySequence.SequenceFormat.NativeText)
            answer_button = button(f"{text}  {keys}", bottom, kind="answer",
                                   accessible_name=f"{text.replace('&', '').lstrip(chr(0x2713)).strip()} ({keys})")
            answer_button.setCheckable(True)
            answer_button.setToolTip(self.tr("Saved straight away; shortcut %1").replace("%1", keys))
            answer_button.clicked.connect(lambda _=False, a=answer: self.give_answer(a))
            shortcut = QShortcut(QKeySequence(ANSWER_SHORTCUTS[answer]), self)  # window-wide while shown
            shortcut.activated.connect(lambda a=answer: self.give_answer(a))
            self.answer_buttons[answer] = answer_button
            bottom_row.addWidget(answer_button)
        bottom_row.addStretch(1)
        nav_row = QHBoxLayout()
        nav_row.setSpacing(10)
        nav_row.addStretch(1)
        self.back_button = button(self.tr("&Back"), bottom, accessible_name=self.tr("Previous setting"))
        self.next_button = button(self.tr("&Next"), bottom, kind="primary",
                                  accessible_name=self.tr("Next setting"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        nav_row.addWidget(self.back_button)
        nav_row.addWidget(self.next_button)
        self.bottom_layout.addLayout(bottom_row)
        self.bottom_layout.addLayout(nav_row)

        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addLayout(self.body, 1)
        layout.addWidget(bottom)
        self.show_index(self.flow.first_unanswered())

    # Navigation
    @property
    def item_page(self) -> ItemPage | None:
        return self.page if isinstance(self.page, ItemPage) else None

    @property
    def current_item(self) -> Item | None:
        return self.flow.items[self.index] if 0 <= self.index < len(self.flow.items) else None

    def show_index(self, index: int) -> None:
        if not self.save_note():
            return
        index = max(0, min(index, len(self.flow.items)))
        self.index = index
        if self.page is not None:
            self.body.removeWidget(self.page)
            self.page.hide()  # at once: deleteLater waits for the event loop
            self.page.deleteLater()
        item = self.current_item
        if item is None:
            summary = SummaryPage(self.flow, self)
            summary.finish_requested.connect(self.finish)
            summary.item_requested.connect(self.show_index)
            summary.report_requested.connect(lambda: report_actions.export_report(self, self.state))
            self.page = summary
        else:
            today = self.state.now().astimezone(self.state.tz).date()
            page = ItemPage(self.checklist, self.flow.section_of(item), item, index + 1, len(self.flow.items),
                            self.surface, self.flow.persona, today, self.state.rules.max_content_age_days,
                            self.flow.previous_answer(item), self)
            page.surface_changed.connect(self.change_surface)
            page.report_requested.connect(self.report_problem)
            page.unlock_requested.connect(self.unlock_notes)
            self.page = page
            self.notes.load(page)
        self.body.addWidget(self.page)
        self.page.show()
        # Tab follows reading order: back to the dashboard, the page, the answers, then Back / Next.
        chain: list[QWidget] = [self.close_button, *self.page.focus_chain(), *self.answer_buttons.values(),
                                self.back_button, self.next_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._update_controls()
        # Keyboard users land on the main action: Enter moves on, Ctrl+1/2/3 answer, Tab reaches the content.
        target = self.next_button if item is not None else getattr(self.page, "finish_button", None)
        if target is not None and self.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_controls(self) -> None:
        item = self.current_item
        answered = len(self.flow.answers)
        total = len(self.flow.items)
        self.progress.setValue(answered)
        progress_text = self.tr("%1 of %2 answered").replace("%1", str(answered)).replace("%2", str(total))
        self.progress_label.setText(progress_text)
        self.progress.setAccessibleName(progress_text)
        chosen = self.flow.answers.get(item.id) if item else None
        for answer, answer_button in self.answer_buttons.items():
            answer_button.setVisible(item is not None)
            answer_button.setChecked(answer is chosen)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setVisible(item is not None)
        self.next_button.setText(self.tr("&Next") if self.index < total - 1 else self.tr("Su&mmary"))

    def go_next(self) -> None:
        if self.index < len(self.flow.items):
            self.show_index(self.index + 1)

    def go_back(self) -> None:
        if self.index > 0:
            self.show_index(self.index - 1)

    def give_answer(self, answer: AnswerState) -> None:
        item = self.current_item
        if item is None:
            return
        try:
            self.flow.answer(item, answer)
        except (PrivacyCheckupError, OSError) as exc:
            self._update_controls()  # the button the person pressed shows the answer that is really saved
            messages.show_error(self, exc)
            return
        self.show_index(self.index + 1)

    def finish(self) -> None:
        if self.flow.is_open:
            try:
                self.flow.finish()
            except (PrivacyCheckupError, OSError) as exc:
                messages.show_error(self, exc)
                return
        self.closed.emit()

    def close_checkup(self) -> None:
        if self.save_note():
            self.closed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Narrow (a small window, or 200% scaling): the answers get a row of their own above Back/Next.
        narrow = event.size().width() < NARROW_BELOW
        self.bottom_layout.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                        else QBoxLayout.Direction.LeftToRight)
        self.progress_label.setVisible(not narrow)  # the bar stays, and says the same to screen readers
        margin = 12 if narrow else 24
        self.bottom_layout.setContentsMargins(margin, 10, margin, 10)
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_checkup()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_item is not None:
            self.go_next()
            return
        super().keyPressEvent(event)

    def change_surface(self, surface: Surface) -> None:
        self.surface = surface
        try:
            self.state.store.set_surface(self.checklist.id, surface)
        except (PrivacyCheckupError, OSError) as exc:
            messages.show_error(self, exc)

    # Notes
    def save_note(self) -> bool:
        """Save the open page's note if it changed; False when the person should stay on the page."""
        return self.notes.save(self.item_page)

    def unlock_notes(self) -> None:
        self.notes.unlock(self.item_page)

    # "This step is wrong"
    def report_problem(self) -> None:
        item = self.current_item
        if item is not None:
            send_problem_report(self, build_report(self.checklist, item, self.surface), self.state.help_link)
