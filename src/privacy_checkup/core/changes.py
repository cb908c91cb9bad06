"""What changed in a checklist since the user answered it: which answers still count and which items reopen."""

from collections.abc import Mapping
from datetime import datetime
from typing import NamedTuple, Protocol

from privacy_checkup.core.model import Checklist, Item, Persona


class AnsweredItem(Protocol):
    """The little the schedule needs from a stored answer; `storage.progress.Answer` fits."""

    @property
    def item_revision(self) -> int: ...

    @property
    def state(self) -> str: ...

    @property
    def answered_at(self) -> datetime: ...


class ReviewProgress(NamedTuple):
    """Where the user stands on the items of one checklist that apply to them, in wizard order."""

    answered: tuple[str, ...]    # answered at the item's current revision: these count as progress
    changed: tuple[str, ...]     # answered at another revision: reopened, "changed since your last review"
    unanswered: tuple[str, ...]  # never answered, including items added since the last review

    @property
    def total(self) -> int:
        return len(self.answered) + len(self.changed) + len(self.unanswered)


def _answered_at_another_revision(item: Item, answers: Mapping[str, AnsweredItem]) -> bool:
    answer = answers.get(item.id)
    # "Differs", not "is older": a rolled-back checklist also asks the user to look again.
    return answer is not None and answer.item_revision != item.revision


def review_progress(checklist: Checklist, persona: Persona, answers: Mapping[str, AnsweredItem]) -> ReviewProgress:
    """Sort the items that apply to `persona` into answered, changed and unanswered.

    Answers for ids the checklist no longer has (removed or renamed items) are
    ignored, never deleted: they are simply not looked at.
    """
    answered: list[str] = []
    changed: list[str] = []
    unanswered: list[str] = []
    for item in checklist.items_for(persona):
        if item.id not in answers:
            unanswered.append(item.id)
        elif _answered_at_another_revision(item, answers):
            changed.append(item.id)
        else:
            answered.append(item.id)
    return ReviewProgress(tuple(answered), tuple(changed), tuple(unanswered))


def items_to_reopen(checklist: Checklist, answers: Mapping[str, AnsweredItem],
                    persona: Persona | None = None) -> tuple[str, ...]:
    """Ids of items answered at a revision other than their current one, in checklist order.

    With `persona`, only items that apply to that persona (in the order the
    wizard shows them); without it, every item of the checklist.
    """
    items = checklist.items if persona is None else checklist.items_for(persona)
    return tuple(item.id for item in items if _answered_at_another_revision(item, answers))
