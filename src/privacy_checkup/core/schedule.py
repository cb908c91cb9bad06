"""When each checklist is due for another look: pure functions of the review history, with `now` as an argument.

Due dates are local calendar dates in the user's time zone: the last review's
local date plus the interval in days. Counting whole dates rather than adding
hours to an instant means neither a time-zone difference nor a daylight-saving
change can move a due date by a day.
"""

from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple

from privacy_checkup.core.changes import AnsweredItem, review_progress
from privacy_checkup.core.changes import items_to_reopen as items_to_reopen
from privacy_checkup.core.model import Checklist, Persona

# Where a moment's local date is read: a time zone, or None for the machine's own local time, as its
# C library gives it for each moment (TZ, /etc/localtime, Windows' zone setting), daylight saving
# included. The app uses None: it asks for no zone database, and follows the system's setting.
Zone = tzinfo | None

__all__ = [
    "DEFAULT_DUE_SOON_DAYS",
    "DEFAULT_MAX_CONTENT_AGE_DAYS",
    "AnsweredItem",
    "ChecklistStatus",
    "DueState",
    "Zone",
    "checklist_status",
    "due_date",
    "due_soon_window",
    "due_state",
    "is_stale",
    "items_to_reopen",
    "local_date",
]

DEFAULT_DUE_SOON_DAYS = 14
DEFAULT_MAX_CONTENT_AGE_DAYS = 365


class DueState(StrEnum):
    """Where a checklist stands; the values are what `status --json` prints."""

    NEVER_REVIEWED = "never_reviewed"
    IN_PROGRESS = "in_progress"
    UP_TO_DATE = "up_to_date"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


class ChecklistStatus(NamedTuple):
    """Everything the dashboard and `privacy-checkup status` show for one checklist."""

    checklist_id: str
    state: DueState
    last_reviewed: date | None       # local calendar date of the last completed review
    next_due: date | None            # local calendar date; None when never reviewed
    days_until_due: int | None       # negative when overdue
    answered: int                    # items answered at their current revision (applicable to persona)
    total: int                       # items applicable to the persona
    changed_items: tuple[str, ...]   # item ids answered at an older revision: "changed since your last review"
    stale: bool                      # checklist last_verified older than max content age
    stale_items: tuple[str, ...]


def local_date(moment: datetime, tz: Zone) -> date:
    """The calendar date `moment` falls on in `tz` (None: the machine's local time).

    Naive datetimes are refused: `astimezone` would take them as the machine's
    local time, so the answer would depend on where the code runs.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone; the schedule needs timezone-aware datetimes")
    return moment.astimezone(tz).date()


def _require_positive_interval(interval_days: int) -> None:
    if interval_days < 1:
        raise ValueError(f"a review interval must be at least one day, not {interval_days}")


def due_date(last_completed: datetime, interval_days: int, tz: Zone) -> date:
    """The local date a review completed at `last_completed` is next due."""
    _require_positive_interval(interval_days)
    return local_date(last_completed, tz) + timedelta(days=interval_days)


def due_soon_window(interval_days: int, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> int:
    """How many days before the due date a checklist counts as due soon.

    The window never exceeds half the interval: otherwise a weekly checklist
    with the default 14-day window would read "due soon" the moment it was done.
    """
    _require_positive_interval(interval_days)
    if due_soon_days < 0:
        raise ValueError(f"the due-soon window cannot be negative ({due_soon_days} days)")
    return min(due_soon_days, interval_days // 2)


class _Timing(NamedTuple):
    last_reviewed: date
    next_due: date
    days_until_due: int


def _timing(last_completed: datetime, interval_days: int, now: datetime, tz: Zone) -> _Timing:
    today = local_date(now, tz)
    # A clock set backwards must not leave a review "in the future": count it as done today,
    # which caps days_until_due at the interval and keeps every age non-negative.
    last_reviewed = min(local_date(last_completed, tz), today)
    next_due = last_reviewed + timedelta(days=interval_days)
    return _Timing(last_reviewed, next_due, (next_due - today).days)


def _state_for(days_until_due: int, interval_days: int, due_soon_days: int) -> DueState:
    if days_until_due < 0:
        return DueState.OVERDUE
    if days_until_due <= due_soon_window(interval_days, due_soon_days):
        return DueState.DUE_SOON  # the due day itself is still "due", not yet overdue
    return DueState.UP_TO_DATE


def due_state(last_completed: datetime, interval_days: int, now: datetime, tz: Zone,
              due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> DueState:
    """UP_TO_DATE, DUE_SOON or OVERDUE for a checklist last completed at `last_completed`."""
    _require_positive_interval(interval_days)
    timing = _timing(last_completed, interval_days, now, tz)
    return _state_for(timing.days_until_due, interval_days, due_soon_days)


def is_stale(last_verified: date, today: date, max_content_age_days: int = DEFAULT_MAX_CONTENT_AGE_DAYS) -> bool:
    """True when content was last verified more than `max_content_age_days` before `today`."""
    if max_content_age_days < 0:
        raise ValueError(f"the maximum content age cannot be negative ({max_content_age_days} days)")
    return (today - last_verified).days > max_content_age_days


def checklist_status(checklist: Checklist, persona: Persona, last_completed: datetime | None,
                     open_review_started: datetime | None, answers: Mapping[str, AnsweredItem],
                     now: datetime, tz: Zone, interval_days: int | None = None,
                     max_content_age_days: int = DEFAULT_MAX_CONTENT_AGE_DAYS,
                     due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> ChecklistStatus:
    """The status of `checklist` for this user at `now`.

    `interval_days` is the office policy's override; without one the
    checklist's own review interval applies. An open review shows as
    IN_PROGRESS unless the last completed review is already overdue: overdue
    must be impossible to miss.
    """
    interval = checklist.review_interval_days if interval_days is None else interval_days
    due_soon_window(interval, due_soon_days)  # refuses a bad interval or window even before a first review
    today = local_date(now, tz)

    timing = None if last_completed is None else _timing(last_completed, interval, now, tz)
    if timing is None:
        state = DueState.NEVER_REVIEWED if open_review_started is None else DueState.IN_PROGRESS
    else:
        state = _state_for(timing.days_until_due, interval, due_soon_days)
        if open_review_started is not None and state is not DueState.OVERDUE:
            state = DueState.IN_PROGRESS

    progress = review_progress(checklist, persona, answers)
    return ChecklistStatus(
        checklist_id=checklist.id,
        state=state,
        last_reviewed=None if timing is None else timing.last_reviewed,
        next_due=None if timing is None else timing.next_due,
        days_until_due=None if timing is None else timing.days_until_due,
        answered=len(progress.answered),
        total=progress.total,
        changed_items=progress.changed,
        stale=is_stale(checklist.last_verified, today, max_content_age_days),
        stale_items=tuple(item.id for item in checklist.items_for(persona)
                          if is_stale(item.last_verified, today, max_content_age_days)),
    )
