"""Where a person stands on a platform, following from what they answered.

Each setting that applies to the person is settled (done, or not applicable to them) or open
(skipped, not answered, or changed since it was answered). Only answers given during the current
review count: the open one, else the last finished one (which a run through its open settings tops up);
an answer from an earlier review shows as "last time" and leaves the setting to be looked at again. A
platform is "up to date" only when every such setting is settled and its last review is within its
interval: skipped and unanswered settings are never counted as checked.

The dates, in the person's local calendar (core/schedule.py):
- A chosen platform with no finished review is due within the first-review window after it was
  chosen (14 days unless the office policy says otherwise), then overdue like any other.
- A review finished with settings still open is due again within the first-review window of
  finishing, or at its usual date if that comes first: open settings do not wait a whole interval.
  Settings reopened later by a checklist update (changed, or added since) keep the usual date.
- A review finished with every setting settled is next due one interval after it.
"""

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple, Protocol

from privacy_checkup.core.model import Checklist, Persona, Risk
from privacy_checkup.core.schedule import (
    DEFAULT_DUE_SOON_DAYS,
    DEFAULT_MAX_CONTENT_AGE_DAYS,
    DueState,
    Zone,
    due_soon_window,
    is_stale,
    local_date,
)

DEFAULT_FIRST_REVIEW_DAYS = 14


class AnsweredItem(Protocol):
    """The little the review needs from a stored answer; `storage.progress.Answer` fits."""

    @property
    def item_revision(self) -> int: ...

    @property
    def state(self) -> str: ...

    @property
    def answered_at(self) -> datetime: ...

    @property
    def review_id(self) -> int: ...


class ItemState(StrEnum):
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    SKIPPED = "skipped"
    UNANSWERED = "unanswered"
    CHANGED = "changed"  # answered, but the advice has changed since (another revision)

    @property
    def settled(self) -> bool:
        return self in (ItemState.DONE, ItemState.NOT_APPLICABLE)


class Counts(NamedTuple):
    done: int = 0
    not_applicable: int = 0
    skipped: int = 0
    unanswered: int = 0
    changed: int = 0

    @property
    def total(self) -> int:
        return sum(self)

    @property
    def settled(self) -> int:
        return self.done + self.not_applicable

    @property
    def open(self) -> int:
        return self.skipped + self.unanswered + self.changed


class ReviewRules(NamedTuple):
    """What an office policy can change about reviews (the defaults when there is none)."""

    interval_overrides: Mapping[str, int] = MappingProxyType({})
    max_content_age_days: int = DEFAULT_MAX_CONTENT_AGE_DAYS
    first_review_days: int = DEFAULT_FIRST_REVIEW_DAYS
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS


class ReviewHistory(NamedTuple):
    """What the store knows of a platform's reviews."""

    chosen_at: datetime | None = None           # when the person chose the platform
    last_completed: datetime | None = None      # when the last review was finished
    last_version: int | None = None             # the checklist version that review was made against
    open_review_started: datetime | None = None
    current_review: int | None = None           # the open review's id, else the last finished one's

    @property
    def answers_from(self) -> int | None:
        """Answers given in a review before this one belong to an earlier review and no longer count."""
        return self.current_review


class ChecklistStatus(NamedTuple):
    """Everything the dashboard, `status`, the reports and the attestation say about one platform."""

    checklist_id: str
    state: DueState
    last_reviewed: date | None        # local date of the last finished review
    next_due: date | None             # local date by which the next look is due
    days_until_due: int | None        # negative when overdue
    counts: Counts                    # of the settings that apply to the person
    open_items: tuple[str, ...]       # open settings, highest risk first, then in wizard order
    open_high_risk: tuple[str, ...]   # the high-risk ones among them
    changed_items: tuple[str, ...]    # answered at another revision: "changed since your last review"
    stale: bool                       # the checklist was last verified longer ago than allowed
    stale_items: tuple[str, ...]
    chosen_on: date | None = None
    first_review: bool = False        # next_due is the first-review deadline: never finished a review
    item_states: Mapping[str, ItemState] = MappingProxyType({})  # every applicable setting, in wizard order
    review_open: bool = False         # a review is under way (it may still be overdue)
    interval_due: date | None = None  # when a whole new review is due (last finished + interval)
    interval_passed: bool = False     # that day has passed: what is due is a new review, not a top-up

    @property
    def total(self) -> int:
        return self.counts.total

    @property
    def started(self) -> bool:
        """Some setting of the review under way has an answer (never started: none has)."""
        return self.counts.unanswered < self.counts.total

    @property
    def needs_attention(self) -> bool:
        """What makes `status` exit 1: overdue (never started in time included), or a finished review that
        left a high-risk setting open."""
        return self.state is DueState.OVERDUE or (self.state is DueState.INCOMPLETE and bool(self.open_high_risk))


def item_states(checklist: Checklist, persona: Persona, answers: Mapping[str, AnsweredItem],
                from_review: int | None = None) -> dict[str, ItemState]:
    """The state of every setting that applies to `persona`, in the order the wizard shows them. An answer
    given in a review before `from_review` (an earlier review: review ids only grow) leaves its setting
    unanswered. Answers for ids the checklist no longer has are ignored, never deleted."""
    states = {}
    for item in checklist.items_for(persona):
        answer = answers.get(item.id)
        if answer is None:
            states[item.id] = ItemState.UNANSWERED
        elif answer.item_revision != item.revision:  # "differs": a rolled-back checklist asks again too
            states[item.id] = ItemState.CHANGED
        elif from_review is not None and answer.review_id < from_review:
            states[item.id] = ItemState.UNANSWERED
        else:
            states[item.id] = ItemState(str(answer.state))
    return states


def count(states: Mapping[str, ItemState]) -> Counts:
    values = list(states.values())
    return Counts(*(values.count(state) for state in ItemState))


def open_in_risk_order(checklist: Checklist, states: Mapping[str, ItemState]) -> tuple[str, ...]:
    """The open settings, highest risk first; within a risk, in the wizard's order."""
    rank = {item.id: item.risk.rank for item in checklist.items}
    ordered = [item_id for item_id, state in states.items() if not state.settled]
    return tuple(sorted(ordered, key=lambda item_id: rank[item_id]))  # stable


def _left_open_when_finished(checklist: Checklist, states: Mapping[str, ItemState],
                             history: ReviewHistory) -> bool:
    """Whether the last review was finished with settings open: skipped ones, or unanswered ones when the
    checklist has not changed since (an unanswered setting of a newer version may be new)."""
    if any(state is ItemState.SKIPPED for state in states.values()):
        return True
    same_version = history.last_version == checklist.version
    return same_version and any(state is ItemState.UNANSWERED for state in states.values())


def review_status(checklist: Checklist, persona: Persona, history: ReviewHistory,
                  answers: Mapping[str, AnsweredItem], now: datetime, tz: Zone,
                  rules: ReviewRules | None = None) -> ChecklistStatus:
    """Where the person stands on `checklist` at `now`."""
    rules = rules or ReviewRules()
    interval = rules.interval_overrides.get(checklist.id, checklist.review_interval_days)
    due_soon_window(interval, rules.due_soon_days)  # refuses a bad interval or window
    if rules.first_review_days < 1:
        raise ValueError(f"the first-review window must be at least one day, not {rules.first_review_days}")
    today = local_date(now, tz)
    states = item_states(checklist, persona, answers, history.answers_from)
    counts = count(states)
    open_items = open_in_risk_order(checklist, states)
    high_risk = {item.id for item in checklist.items if item.risk is Risk.HIGH}
    # A clock set backwards must not leave anything "in the future": such dates count as today.
    chosen_on = None if history.chosen_at is None else min(local_date(history.chosen_at, tz), today)
    last_reviewed = None if history.last_completed is None else min(local_date(history.last_completed, tz), today)
    first_review = last_reviewed is None

    interval_due = None if last_reviewed is None else last_reviewed + timedelta(days=interval)
    if last_reviewed is None:
        next_due = None if chosen_on is None else chosen_on + timedelta(days=rules.first_review_days)
    else:
        next_due = last_reviewed + timedelta(days=interval)
        if open_items and _left_open_when_finished(checklist, states, history):
            next_due = min(next_due, last_reviewed + timedelta(days=rules.first_review_days))
    days = None if next_due is None else (next_due - today).days

    if days is not None and days < 0:
        state = DueState.OVERDUE  # overdue must be impossible to miss: it wins over everything
    elif history.open_review_started is not None:
        state = DueState.IN_PROGRESS
    elif first_review:
        state = DueState.NEVER_REVIEWED
    elif open_items:
        state = DueState.INCOMPLETE
    elif days is not None and days <= due_soon_window(interval, rules.due_soon_days):
        state = DueState.DUE_SOON
    else:
        state = DueState.UP_TO_DATE

    return ChecklistStatus(
        checklist_id=checklist.id, state=state, last_reviewed=last_reviewed, next_due=next_due,
        days_until_due=days, counts=counts, open_items=open_items,
        open_high_risk=tuple(i for i in open_items if i in high_risk),
        changed_items=tuple(i for i, s in states.items() if s is ItemState.CHANGED),
        stale=is_stale(checklist.last_verified, today, rules.max_content_age_days),
        stale_items=tuple(item.id for item in checklist.items_for(persona)
                          if is_stale(item.last_verified, today, rules.max_content_age_days)),
        chosen_on=chosen_on, first_review=first_review, item_states=MappingProxyType(states),
        review_open=history.open_review_started is not None, interval_due=interval_due,
        interval_passed=interval_due is not None and interval_due < today)
