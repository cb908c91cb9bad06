"""Review dates: pure functions of the review history, with `now` as an argument (core/review.py uses them).

Due dates are local calendar dates in the user's time zone: the last review's
local date plus the interval in days. Counting whole dates rather than adding
hours to an instant means neither a time-zone difference nor a daylight-saving
change can move a due date by a day.
"""

from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple

# Where a moment's local date is read: a time zone, or None for the machine's own local time, as its
# C library gives it for each moment (TZ, /etc/localtime, Windows' zone setting), daylight saving
# included. The app uses None: it asks for no zone database, and follows the system's setting.
Zone = tzinfo | None

DEFAULT_DUE_SOON_DAYS = 14
DEFAULT_MAX_CONTENT_AGE_DAYS = 365


class DueState(StrEnum):
    """Where a platform stands (core/review.py decides which); the values are what `status --json` prints."""

    NEVER_REVIEWED = "never_reviewed"  # chosen, and no review finished yet
    IN_PROGRESS = "in_progress"
    INCOMPLETE = "incomplete"          # the last review was finished with settings still open
    UP_TO_DATE = "up_to_date"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


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
