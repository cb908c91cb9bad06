"""The checkup wizard: one page per setting, answers saved the moment they are given.

It never moves on silently: the way forward from a setting is an answer (Done, Skip for now, Not
applicable), each saved at once; moving on without one is a button that says so, and the setting is
then counted as not answered. No button is Enter's default: Enter presses the focused button, and
anywhere else it says how to answer.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.core.model import Checklist, Item, Surface
from privacy_checkup.session.app_state import AppState
from privacy_checkup.session.checkup_flow import CheckupFlow, RunKind
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui import messages, status_words
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
                 parent: QWidget | None = None, kind: RunKind = RunKind.REVIEW) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.state = state
        self.checklist = checklist
        self.flow = CheckupFlow(state, checklist, only_items, kind)
        self.surface: Surface = state.surface_for(checklist)  # the saved device; the page may show another
        self.index = -1
        self.page: ItemPage | SummaryPage | None = None
        self.notes = ItemNotes(state, checklist.id, self)

        top, top_row = bar(self, "TopBar")
        self.close_button = button(self.tr("\u2190 Dashboard"), top,
                                   accessible_name=self.tr("Dashboard (Esc): back to the dashboard"))
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
        for answer, text in ((AnswerState.DONE, self.tr("&Done")),
                             (AnswerState.SKIPPED, self.tr("&Skip for now")),
                             (AnswerState.NOT_APPLICABLE, self.tr("Not &applicable to me"))):
            keys = QKeySequence(ANSWER_SHORTCUTS[answer]).toString(QKeySequence.SequenceFormat.NativeText)
            answer_button = button(f"{text}  {keys}", bottom, kind="answer",
                                   accessible_name=f"{text.replace('&', '')} ({keys})")
            answer_button.setProperty("primary", answer is AnswerState.DONE)
            answer_button.setProperty("label", text)
            answer_button.setProperty("keys", keys)
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
        self.hint_label = plain_label("", bottom, role="small")
        self.hint_label.hide()
        nav_row.addWidget(self.hint_label, 1)
        self.back_button = button(self.tr("&Back"), bottom)
        self.next_button = button(self.tr("&Next"), bottom)
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
        # One paint for the whole change: without this the progress bar repaints at once on its new value,
        # and the old page's removal and the new page's arrival paint separately.
        self.setUpdatesEnabled(False)
        try:
            self._show_index(index)
        finally:
            self.setUpdatesEnabled(True)
        if self.isVisible():
            self.focus_page()

    def _show_index(self, index: int) -> None:
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
            page = ItemPage(self.checklist, self.flow.section_of(item), item, index + 1, len(self.flow.items),
                            self.surface, self.flow.persona, self.state.today(), self.state.rules.max_content_age_days,
                            self.flow.previous_answer(item), self)
            page.remember_surface.connect(self.change_surface)
            page.report_requested.connect(self.report_problem)
            page.unlock_requested.connect(self.unlock_notes)
            page.clear_requested.connect(self.clear_answer)
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

    def focus_page(self) -> None:
        """Keyboard focus to the top of the new page (its title, or the summary's main button), so what the
        page is about is what is read first; never to an answer, which Enter would then give."""
        page = self.page
        target = page.first_focus() if page is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_controls(self) -> None:
        item = self.current_item
        counts = self.flow.counts()
        total = len(self.flow.items)
        self.progress.setValue(counts.settled)
        progress_text = status_words.counts_text(counts)
        self.progress_label.setText(progress_text)
        self.progress.setAccessibleName(self.tr("%1 of %2 settings settled").replace(
            "%1", str(counts.settled)).replace("%2", str(total)))
        self.progress.setAccessibleDescription(progress_text)
        current = self.flow.current_answer(item) if item is not None else None
        for answer, answer_button in self.answer_buttons.items():
            answer_button.setVisible(item is not None)
            chosen = current is not None and current.state is answer
            answer_button.setChecked(chosen)
            answer_button.setText(("\u2713 " if chosen else "") + f"{answer_button.property('label')}  "
                                  f"{answer_button.property('keys')}")
        item_page = self.item_page
        if item_page is not None and item is not None:
            item_page.show_answer(current)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setVisible(item is not None)
        last = self.index >= total - 1
        if current is None:
            self.next_button.setText(self.tr("Su&mmary without answering \u2192") if last
                                     else self.tr("&Next without answering \u2192"))
        else:
            self.next_button.setText(self.tr("Su&mmary \u2192") if last else self.tr("&Next \u2192"))
        self.next_button.setAccessibleName(self.next_button.text().replace("&", "").rstrip(" \u2192"))
        self.hint_label.hide()

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
            self._update_controls()  # the buttons show the answer that is really saved
            messages.show_error(self, exc)
            return
        self.show_index(self.index + 1)

    def clear_answer(self) -> None:
        item = self.current_item
        if item is None:
            return
        try:
            self.flow.clear(item)
        except (PrivacyCheckupError, OSError) as exc:
            messages.show_error(self, exc)
        self._update_controls()

    def finish(self) -> None:
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
            self.show_hint()
            return
        super().keyPressEvent(event)

    def show_hint(self) -> None:
        """Enter where no button has focus: say how to answer, and move on from nothing."""
        self.hint_label.setText(self.tr("To move on, answer: Done (Ctrl+1), Skip for now (Ctrl+2), Not applicable "
                                        "(Ctrl+3), or Next without answering (Alt+N)."))
        self.hint_label.show()

    def change_surface(self, surface: Surface) -> None:
        """The person chose to keep seeing another device's steps for this platform."""
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
        page = self.item_page
        if item is not None and page is not None:
            send_problem_report(self, build_report(self.checklist, item, page.surface), self.state.help_link)
