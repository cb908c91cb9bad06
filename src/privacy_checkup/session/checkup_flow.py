"""One run through a checklist: which settings, in which order, what each one's answer is now. No Qt.

A run is one of three kinds:
- a review (the default): resumes the open review, or starts a new one with the first answer; finishing
  it starts the interval until the next one. Answers from before it show as "last time", and the
  settings they were for are to be looked at again.
- the open settings of the last finished review ("Do the 5 open settings"), and
- the settings that changed since the last review ("Review 2 changes"): both top up that review, so a
  platform becomes up to date when its last open setting is settled, without starting over.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from privacy_checkup.core.model import Checklist, Item, Section
from privacy_checkup.core.review import Counts, ItemState, count, item_states
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage.progress import Answer, AnswerState, Review


class RunKind(StrEnum):
    REVIEW = "review"
    OPEN_SETTINGS = "open_settings"
    CHANGES = "changes"


class CheckupFlow:
    """Reads and writes through the store; a review starts with the first answer given."""

    def __init__(self, state: AppState, checklist: Checklist, only_items: Sequence[str] | None = None,
                 kind: RunKind = RunKind.REVIEW) -> None:
        self.state = state
        self.checklist = checklist
        store = state.store
        persona = store.profile().persona
        items = checklist.items_for(persona)
        if only_items is not None:
            wanted = list(only_items)
            by_id = {item.id: item for item in items}
            items = tuple(by_id[item_id] for item_id in wanted if item_id in by_id)  # in the order asked
        self.items: tuple[Item, ...] = items
        self.persona = persona
        self._sections = {item.id: section for section in checklist.sections for item in section.items}
        last = store.last_completed_review(checklist.id)
        self.review: Review | None = store.open_review(checklist.id)
        if kind is not RunKind.REVIEW and self.review is None and last is not None:
            self.review = last  # a top-up: answers join the last finished review
        self.kind = kind if self.review is last and last is not None else RunKind.REVIEW
        # The answers that count are those given in this run's review (none before a first one).
        self.from_review = self.review.id if self.review is not None else None
        self._reload()

    def _reload(self) -> None:
        self.latest: dict[str, Answer] = self.state.store.latest_answers(self.checklist.id)
        states = item_states(self.checklist, self.persona, self.latest, self.from_review)
        self.states: dict[str, ItemState] = {item.id: states[item.id] for item in self.items}

    def section_of(self, item: Item) -> Section:
        return self._sections[item.id]

    def first_unanswered(self) -> int:
        """Where to resume: the first setting not answered in this review (a top-up: the first not settled), or
        len(items), the summary."""
        wanted = ((ItemState.UNANSWERED, ItemState.CHANGED) if self.kind is RunKind.REVIEW
                  else (ItemState.UNANSWERED, ItemState.CHANGED, ItemState.SKIPPED))
        for index, item in enumerate(self.items):
            if self.states[item.id] in wanted:
                return index
        return len(self.items)

    def current_answer(self, item: Item) -> Answer | None:
        """The answer that counts now, shown on the page in words; None when the setting is not answered."""
        if self.states[item.id] in (ItemState.UNANSWERED, ItemState.CHANGED):
            return None
        return self.latest.get(item.id)

    def previous_answer(self, item: Item) -> Answer | None:
        """An answer from before this run, shown as "last time" (it no longer counts)."""
        if self.current_answer(item) is not None:
            return None
        return self.latest.get(item.id)

    def _review_for_writing(self) -> Review:
        if self.review is None:
            self.review = self.state.store.start_review(self.checklist.id, self.checklist.version, self.state.now())
            self.from_review = self.review.id
        return self.review

    def answer(self, item: Item, answer: AnswerState) -> None:
        review = self._review_for_writing()
        self.state.store.record_answer(review.id, item.id, item.revision, answer, self.state.now())
        self._reload()

    def clear(self, item: Item) -> None:
        """Take the answer back: the setting is not answered again (the history keeps what was said)."""
        if self.current_answer(item) is None:
            return
        self.state.store.clear_answer(self._review_for_writing().id, item.id, self.state.now())
        self._reload()

    def counts(self) -> Counts:
        return count(self.states)

    def open_items(self) -> list[Item]:
        """The settings of this run still open, highest risk first."""
        return sorted((item for item in self.items if not self.states[item.id].settled),
                      key=lambda item: item.risk.rank)

    @property
    def is_open(self) -> bool:
        """Whether finishing means something: a review is under way (a top-up is part of a finished one)."""
        return self.kind is RunKind.REVIEW and (self.review is None or self.review.completed_at is None)

    def finish(self) -> None:
        """Finish the review: the interval until the next one starts now. A top-up has nothing to finish."""
        if not self.is_open:
            return
        review = self._review_for_writing()
        self.review = self.state.store.complete_review(review.id, self.state.now())
