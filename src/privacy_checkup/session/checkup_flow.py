"""One run through a checklist: which items, in which order, what is answered. No Qt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from privacy_checkup.core.model import Checklist, Item, Section
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage.progress import Answer, AnswerState, Review


@dataclass(frozen=True)
class Counts:
    done: int
    skipped: int
    not_applicable: int
    left: int


class CheckupFlow:
    """Reads and writes through the store; the review starts with the first answer given."""

    def __init__(self, state: AppState, checklist: Checklist, only_items: Sequence[str] | None = None) -> None:
        self.state = state
        self.checklist = checklist
        persona = state.store.profile().persona
        items = checklist.items_for(persona)
        if only_items is not None:
            wanted = set(only_items)
            items = tuple(item for item in items if item.id in wanted)
        self.items: tuple[Item, ...] = items
        self.persona = persona
        self._sections = {item.id: section for section in checklist.sections for item in section.items}
        self.review: Review | None = state.store.open_review(checklist.id)
        self.previous: dict[str, Answer] = state.store.latest_answers(checklist.id)
        self.answers: dict[str, AnswerState] = {}
        if self.review is not None:
            for item in self.items:
                answer = self.previous.get(item.id)
                if (answer is not None and answer.item_revision == item.revision
                        and answer.answered_at >= self.review.started_at):
                    self.answers[item.id] = answer.state

    def section_of(self, item: Item) -> Section:
        return self._sections[item.id]

    def first_unanswered(self) -> int:
        """Where to resume: the first item without an answer in this review, or len(items) (the summary)."""
        for index, item in enumerate(self.items):
            if item.id not in self.answers:
                return index
        return len(self.items)

    def previous_answer(self, item: Item) -> Answer | None:
        """The answer from an earlier review, shown as "last time"."""
        if item.id in self.answers:
            return None
        return self.previous.get(item.id)

    def answer(self, item: Item, answer: AnswerState) -> None:
        store = self.state.store
        if self.review is None:
            self.review = store.start_review(self.checklist.id, self.checklist.version, self.state.now())
        store.record_answer(self.review.id, item.id, item.revision, answer, self.state.now())
        self.answers[item.id] = answer

    def counts(self) -> Counts:
        values = list(self.answers.values())
        return Counts(
            done=values.count(AnswerState.DONE), skipped=values.count(AnswerState.SKIPPED),
            not_applicable=values.count(AnswerState.NOT_APPLICABLE), left=len(self.items) - len(values))

    @property
    def is_open(self) -> bool:
        return self.review is not None and self.review.completed_at is None

    def finish(self) -> None:
        """Complete the review: the interval until the next one starts now."""
        if self.review is None:
            self.review = self.state.store.start_review(self.checklist.id, self.checklist.version, self.state.now())
        self.review = self.state.store.complete_review(self.review.id, self.state.now())
