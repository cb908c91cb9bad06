"""When a checklist is due: interval edges, the due-soon window, time zones, DST, backwards clocks and policy."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.review import ChecklistStatus, ReviewHistory, ReviewRules, review_status
from privacy_checkup.core.schedule import (
    DEFAULT_DUE_SOON_DAYS,
    DueState,
    due_date,
    due_soon_window,
    due_state,
    is_stale,
)
from tests.core.recorded_answers import RecordedAnswer, answer_everything, load_test_checklist

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
AUCKLAND = ZoneInfo("Pacific/Auckland")
UTC_ZONE = ZoneInfo("UTC")


def example_checklist(review_interval_days: int = 90) -> Checklist:
    """tests/data/checklists/valid/example.json: verified 2026-11-01; items verified 2026-11-01 and 2026-10-15."""
    return load_test_checklist("valid/example.json")._replace(review_interval_days=review_interval_days)


def status_at(now: datetime, last_completed: datetime | None, *, tz: ZoneInfo | None = UTC_ZONE,
              open_review_started: datetime | None = None, checklist: Checklist | None = None,
              persona: Persona = Persona.HIGH_PROFILE, answers: dict[str, RecordedAnswer] | None = None,
              interval_days: int | None = None, max_content_age_days: int = 365,
              due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> ChecklistStatus:
    """The status after a review finished at `last_completed`, every setting done in it (unless `answers`
    say otherwise): these tests are about dates; tests/core/test_review.py is about answers."""
    checklist = checklist or example_checklist()
    if answers is None:
        answers = answer_everything(checklist, persona) if last_completed is not None else {}
    history = ReviewHistory(last_completed=last_completed, last_version=checklist.version,
                            open_review_started=open_review_started, current_review=1)
    rules = ReviewRules({checklist.id: interval_days} if interval_days is not None else {}, max_content_age_days,
                        due_soon_days=due_soon_days)
    return review_status(checklist, persona, history, answers, now, tz, rules)


# --- interval boundaries and the due-soon window ----------------------------------------------------

REVIEWED_10_JAN = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)  # 90-day interval: due on 10 April 2026


@pytest.mark.parametrize(("now", "expected_state", "expected_days_until_due"), [
    pytest.param(datetime(2026, 1, 10, 12, 1, tzinfo=UTC), DueState.UP_TO_DATE, 90, id="just-reviewed"),
    pytest.param(datetime(2026, 3, 26, 23, 59, tzinfo=UTC), DueState.UP_TO_DATE, 15, id="day-before-window"),
    pytest.param(datetime(2026, 3, 27, 0, 0, tzinfo=UTC), DueState.DUE_SOON, 14, id="window-opens"),
    pytest.param(datetime(2026, 4, 9, 23, 59, tzinfo=UTC), DueState.DUE_SOON, 1, id="day-before-due"),
    pytest.param(datetime(2026, 4, 10, 0, 0, tzinfo=UTC), DueState.DUE_SOON, 0, id="due-day-starts"),
    pytest.param(datetime(2026, 4, 10, 23, 59, tzinfo=UTC), DueState.DUE_SOON, 0, id="due-day-ends"),
    pytest.param(datetime(2026, 4, 11, 0, 0, tzinfo=UTC), DueState.OVERDUE, -1, id="day-after-due"),
    pytest.param(datetime(2027, 4, 10, 12, 0, tzinfo=UTC), DueState.OVERDUE, -365, id="a-year-late"),
])
def test_state_across_the_interval_boundaries(now, expected_state, expected_days_until_due):
    status = status_at(now, REVIEWED_10_JAN)

    assert status.state is expected_state
    assert status.days_until_due == expected_days_until_due
    assert status.last_reviewed == date(2026, 1, 10)
    assert status.next_due == date(2026, 4, 10)


@pytest.mark.parametrize(("interval_days", "due_soon_days", "days_before_due", "expected_state"), [
    pytest.param(90, 30, 31, DueState.UP_TO_DATE, id="custom-window-day-before"),
    pytest.param(90, 30, 30, DueState.DUE_SOON, id="custom-window-first-day"),
    pytest.param(90, 0, 1, DueState.UP_TO_DATE, id="no-window-day-before-due"),
    pytest.param(90, 0, 0, DueState.DUE_SOON, id="no-window-due-day"),
    # The window is capped at half the interval, so a weekly checklist is not "due soon" as soon as it is done.
    pytest.param(7, 14, 7, DueState.UP_TO_DATE, id="weekly-just-done"),
    pytest.param(7, 14, 4, DueState.UP_TO_DATE, id="weekly-before-capped-window"),
    pytest.param(7, 14, 3, DueState.DUE_SOON, id="weekly-capped-window-opens"),
    pytest.param(28, 14, 14, DueState.DUE_SOON, id="four-weekly-full-window"),
    pytest.param(28, 14, 15, DueState.UP_TO_DATE, id="four-weekly-before-window"),
])
def test_due_soon_window_edges(interval_days, due_soon_days, days_before_due, expected_state):
    last_completed = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
    now = datetime.combine(date(2026, 2, 1) + timedelta(days=interval_days - days_before_due),
                           datetime.min.time(), tzinfo=UTC) + timedelta(hours=18)

    status = status_at(now, last_completed, interval_days=interval_days, due_soon_days=due_soon_days)

    assert status.state is expected_state
    assert status.days_until_due == days_before_due
    assert due_state(last_completed, interval_days, now, UTC_ZONE, due_soon_days) is expected_state


@pytest.mark.parametrize(("interval_days", "due_soon_days", "expected_window"), [
    (90, 14, 14), (28, 14, 14), (27, 14, 13), (7, 14, 3), (1, 14, 0), (90, 0, 0), (365, 30, 30),
])
def test_due_soon_window_is_capped_at_half_the_interval(interval_days, due_soon_days, expected_window):
    assert due_soon_window(interval_days, due_soon_days) == expected_window


def test_default_window_is_fourteen_days():
    assert DEFAULT_DUE_SOON_DAYS == 14
    assert due_soon_window(90) == 14


# --- time zones and daylight saving -----------------------------------------------------------------

@pytest.mark.parametrize(("tz", "last_completed_local", "expected_last_reviewed"), [
    # 09:00 in Auckland is still the previous day in UTC: the user's own date counts.
    pytest.param(AUCKLAND, datetime(2026, 6, 1, 9, 0), date(2026, 6, 1), id="auckland-ahead-of-utc"),
    # 22:00 in New York is already the next day in UTC.
    pytest.param(NEW_YORK, datetime(2026, 1, 15, 22, 0), date(2026, 1, 15), id="new-york-behind-utc"),
    # 00:30 British Summer Time is 23:30 UTC the day before.
    pytest.param(LONDON, datetime(2026, 7, 1, 0, 30), date(2026, 7, 1), id="london-summer-time"),
    pytest.param(UTC_ZONE, datetime(2026, 7, 1, 23, 59), date(2026, 7, 1), id="utc"),
])
def test_due_date_counts_from_the_local_date_of_the_review(tz, last_completed_local, expected_last_reviewed):
    # Stored as UTC, as the progress store keeps it; the user's zone decides the date.
    last_completed = last_completed_local.replace(tzinfo=tz).astimezone(UTC)
    interval_days = 7
    due = expected_last_reviewed + timedelta(days=interval_days)
    last_minute_of_due_day = datetime.combine(due, datetime.max.time(), tzinfo=tz).astimezone(UTC)
    first_minute_after = datetime.combine(due + timedelta(days=1), datetime.min.time(), tzinfo=tz).astimezone(UTC)

    assert due_date(last_completed, interval_days, tz) == due
    on_due_day = status_at(last_minute_of_due_day, last_completed, tz=tz, interval_days=interval_days)
    assert (on_due_day.last_reviewed, on_due_day.next_due) == (expected_last_reviewed, due)
    assert (on_due_day.state, on_due_day.days_until_due) == (DueState.DUE_SOON, 0)
    day_after = status_at(first_minute_after, last_completed, tz=tz, interval_days=interval_days)
    assert (day_after.state, day_after.days_until_due) == (DueState.OVERDUE, -1)


def test_the_same_instant_falls_on_different_dates_in_different_zones():
    instant = datetime(2026, 6, 1, 11, 30, tzinfo=UTC)  # 23:30 in Auckland, 07:30 in New York

    assert due_date(instant, 30, AUCKLAND) == date(2026, 7, 1)
    assert due_date(instant, 30, NEW_YORK) == date(2026, 7, 1)
    late_instant = datetime(2026, 6, 1, 12, 30, tzinfo=UTC)  # 00:30 on 2 June in Auckland
    assert due_date(late_instant, 30, AUCKLAND) == date(2026, 7, 2)
    assert due_date(late_instant, 30, LONDON) == date(2026, 7, 1)


# Each review is ten minutes before the midnight that starts a daylight-saving change.
DST_CASES = [
    pytest.param(LONDON, datetime(2026, 3, 28, 23, 50), date(2026, 4, 4), id="london-spring-forward"),
    pytest.param(LONDON, datetime(2026, 10, 24, 23, 50), date(2026, 10, 31), id="london-fall-back"),
    pytest.param(NEW_YORK, datetime(2026, 3, 7, 23, 50), date(2026, 3, 14), id="new-york-spring-forward"),
    pytest.param(NEW_YORK, datetime(2026, 10, 31, 23, 50), date(2026, 11, 7), id="new-york-fall-back"),
    pytest.param(AUCKLAND, datetime(2026, 9, 26, 23, 50), date(2026, 10, 3), id="auckland-spring-forward"),
    pytest.param(AUCKLAND, datetime(2026, 4, 4, 23, 50), date(2026, 4, 11), id="auckland-fall-back"),
    # The repeated hour itself (fold=1 is the second 01:30) is still 25 October.
    pytest.param(LONDON, datetime(2026, 10, 25, 1, 30, fold=1), date(2026, 11, 1), id="london-repeated-hour"),
]


@pytest.mark.parametrize(("tz", "last_completed_local", "expected_due"), DST_CASES)
def test_daylight_saving_changes_never_move_the_due_date(tz, last_completed_local, expected_due):
    last_completed = last_completed_local.replace(tzinfo=tz).astimezone(UTC)
    one_minute_before_midnight = datetime.combine(expected_due, datetime.max.time(), tzinfo=tz)
    one_minute_after_midnight = datetime.combine(expected_due + timedelta(days=1), datetime.min.time(),
                                                 tzinfo=tz) + timedelta(minutes=1)

    assert due_date(last_completed, 7, tz) == expected_due
    on_due_day = status_at(one_minute_before_midnight.astimezone(UTC), last_completed, tz=tz, interval_days=7)
    assert (on_due_day.next_due, on_due_day.state, on_due_day.days_until_due) == (expected_due, DueState.DUE_SOON, 0)
    overdue = status_at(one_minute_after_midnight.astimezone(UTC), last_completed, tz=tz, interval_days=7)
    assert (overdue.state, overdue.days_until_due) == (DueState.OVERDUE, -1)


@pytest.fixture
def machine_zone(monkeypatch):
    """Sets the process's TZ (what the C library's local time follows), and puts it back afterwards."""
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("tz", "last_completed_local", "expected_due"), DST_CASES)
def test_the_machines_local_time_gives_the_zones_dates_across_daylight_saving(machine_zone, tz, last_completed_local,
                                                                              expected_due):
    """The app passes no zone (None): dates then follow the machine's own setting, which the C library
    reads. Set to the same zone, it gives the same dates as the zone database on every change."""
    machine_zone(str(tz))
    last_completed = last_completed_local.replace(tzinfo=tz).astimezone(UTC)
    one_minute_after_midnight = datetime.combine(expected_due + timedelta(days=1), datetime.min.time(),
                                                 tzinfo=tz) + timedelta(minutes=1)

    assert due_date(last_completed, 7, None) == expected_due
    overdue = status_at(one_minute_after_midnight.astimezone(UTC), last_completed, tz=None, interval_days=7)
    assert (overdue.next_due, overdue.state, overdue.days_until_due) == (expected_due, DueState.OVERDUE, -1)


def test_the_machines_local_time_follows_a_posix_rule_no_zone_database_names(machine_zone):
    machine_zone("GMT0BST,M3.5.0/1,M10.5.0")  # the UK's rule written out, as some systems set TZ
    summer_evening = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 on 1 July, British Summer Time
    winter_evening = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)  # 23:30 on 15 January, GMT

    assert due_date(summer_evening, 7, None) == date(2026, 7, 8)
    assert due_date(winter_evening, 7, None) == date(2026, 1, 22)
    machine_zone("UTC")  # the twin: the same moments under another rule fall on other dates
    assert due_date(summer_evening, 7, None) == date(2026, 7, 7)


def test_naive_datetimes_are_refused_because_their_date_depends_on_the_machine():
    with pytest.raises(ValueError, match="time zone"):
        due_date(datetime(2026, 1, 1, 12, 0), 7, LONDON)
    with pytest.raises(ValueError, match="time zone"):
        status_at(datetime(2026, 1, 1, 12, 0), None)


# --- a clock that jumps backwards ---------------------------------------------------------------------

@pytest.mark.parametrize("review_ahead_of_clock", [
    timedelta(minutes=1), timedelta(hours=3), timedelta(days=2), timedelta(days=400),
], ids=["a-minute", "three-hours", "two-days", "over-a-year"])
@pytest.mark.parametrize("tz", [LONDON, NEW_YORK, AUCKLAND, UTC_ZONE], ids=str)
def test_backwards_clock_treats_a_future_review_as_done_today(review_ahead_of_clock, tz):
    now = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)
    today = now.astimezone(tz).date()

    status = status_at(now, now + review_ahead_of_clock, tz=tz, interval_days=30)

    assert status.state is DueState.UP_TO_DATE
    assert status.last_reviewed == today
    assert status.next_due == today + timedelta(days=30)
    assert status.days_until_due == 30
    assert due_state(now + review_ahead_of_clock, 30, now, tz) is DueState.UP_TO_DATE


def test_backwards_clock_with_an_open_review_is_in_progress_not_an_error():
    now = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)

    status = status_at(now, now + timedelta(days=10), open_review_started=now + timedelta(days=11))

    assert status.state is DueState.IN_PROGRESS
    assert status.days_until_due == 90


# --- office policy overrides --------------------------------------------------------------------------

@pytest.mark.parametrize(("override_days", "now", "expected_state", "expected_next_due"), [
    pytest.param(None, datetime(2026, 2, 1, 12, tzinfo=UTC), DueState.UP_TO_DATE, date(2026, 4, 1),
                 id="checklist-interval-applies"),
    pytest.param(30, datetime(2026, 2, 1, 12, tzinfo=UTC), DueState.OVERDUE, date(2026, 1, 31),
                 id="stricter-policy-makes-it-overdue"),
    pytest.param(30, datetime(2026, 1, 31, 12, tzinfo=UTC), DueState.DUE_SOON, date(2026, 1, 31),
                 id="stricter-policy-due-day"),
    pytest.param(None, datetime(2026, 4, 15, 12, tzinfo=UTC), DueState.OVERDUE, date(2026, 4, 1),
                 id="checklist-interval-overdue"),
    pytest.param(180, datetime(2026, 4, 15, 12, tzinfo=UTC), DueState.UP_TO_DATE, date(2026, 6, 30),
                 id="looser-policy-keeps-it-up-to-date"),
])
def test_policy_interval_overrides_the_checklist_interval(override_days, now, expected_state, expected_next_due):
    last_completed = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
    options = {} if override_days is None else {"interval_days": override_days}

    status = status_at(now, last_completed, checklist=example_checklist(review_interval_days=90), **options)

    assert status.state is expected_state
    assert status.next_due == expected_next_due


@pytest.mark.parametrize("bad_interval", [0, -7])
def test_an_interval_under_one_day_is_refused(bad_interval):
    with pytest.raises(ValueError, match="at least one day"):
        status_at(datetime(2026, 1, 1, tzinfo=UTC), None, interval_days=bad_interval)
    with pytest.raises(ValueError, match="at least one day"):
        due_date(datetime(2026, 1, 1, tzinfo=UTC), bad_interval, UTC_ZONE)


def test_a_negative_due_soon_window_is_refused_even_before_a_first_review():
    with pytest.raises(ValueError, match="negative"):
        status_at(datetime(2026, 1, 1, tzinfo=UTC), None, due_soon_days=-1)


# --- open reviews ---------------------------------------------------------------------------------------

LAST_COMPLETED = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)  # 90-day interval: due 1 April 2026


@pytest.mark.parametrize(("last_completed", "now", "expected_state"), [
    pytest.param(None, datetime(2026, 1, 2, tzinfo=UTC), DueState.IN_PROGRESS, id="first-review-open"),
    pytest.param(LAST_COMPLETED, datetime(2026, 2, 1, tzinfo=UTC), DueState.IN_PROGRESS, id="up-to-date-and-open"),
    pytest.param(LAST_COMPLETED, datetime(2026, 3, 30, tzinfo=UTC), DueState.IN_PROGRESS, id="due-soon-and-open"),
    pytest.param(LAST_COMPLETED, datetime(2026, 4, 1, tzinfo=UTC), DueState.IN_PROGRESS, id="due-day-and-open"),
    pytest.param(LAST_COMPLETED, datetime(2026, 4, 2, tzinfo=UTC), DueState.OVERDUE, id="overdue-wins-over-open"),
])
def test_an_open_review_is_in_progress_unless_overdue(last_completed, now, expected_state):
    status = status_at(now, last_completed, open_review_started=now - timedelta(hours=1))

    assert status.state is expected_state


def test_in_progress_still_reports_when_the_last_review_is_due():
    status = status_at(datetime(2026, 2, 1, tzinfo=UTC), LAST_COMPLETED,
                       open_review_started=datetime(2026, 1, 31, tzinfo=UTC))

    assert (status.last_reviewed, status.next_due, status.days_until_due) == (date(2026, 1, 1), date(2026, 4, 1), 59)


def test_never_reviewed_has_no_dates_and_counts_every_applicable_item():
    status = status_at(datetime(2026, 1, 2, tzinfo=UTC), None, persona=Persona.HIGH_PROFILE)

    assert status.state is DueState.NEVER_REVIEWED
    assert (status.last_reviewed, status.next_due, status.days_until_due) == (None, None, None)
    assert (status.counts.settled, status.total, status.changed_items) == (0, 2, ())


# --- progress ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("persona", "expected_total"), [
    (Persona.EVERYONE, 1), (Persona.HIGH_PROFILE, 2), (Persona.OFFICE_STAFF, 2),
])
def test_progress_counts_only_items_that_apply_to_the_persona(persona, expected_total):
    checklist = example_checklist()
    # An answer for contact-sync (high_profile / office_staff only) must not count for "everyone".
    answers = answer_everything(checklist, Persona.HIGH_PROFILE)

    status = status_at(datetime(2026, 2, 1, tzinfo=UTC), LAST_COMPLETED, checklist=checklist, persona=persona,
                       answers=answers)

    assert (status.counts.settled, status.total) == (expected_total, expected_total)


def test_an_answer_at_an_old_revision_is_not_progress_but_a_change():
    answers = {"private-account": RecordedAnswer(item_revision=1), "contact-sync": RecordedAnswer(item_revision=1)}

    status = status_at(datetime(2026, 2, 1, tzinfo=UTC), LAST_COMPLETED, answers=answers)

    assert (status.counts.settled, status.total) == (1, 2)
    assert status.changed_items == ("private-account",)


# --- stale content ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("last_verified", "today", "max_age", "expected"), [
    pytest.param(date(2025, 11, 24), date(2026, 11, 24), 365, False, id="exactly-a-year"),
    pytest.param(date(2025, 11, 23), date(2026, 11, 24), 365, True, id="a-year-and-a-day"),
    pytest.param(date(2026, 11, 24), date(2026, 11, 24), 365, False, id="verified-today"),
    pytest.param(date(2027, 1, 1), date(2026, 11, 24), 365, False, id="verified-in-the-future"),
    pytest.param(date(2026, 10, 25), date(2026, 11, 24), 30, False, id="policy-age-edge"),
    pytest.param(date(2026, 10, 24), date(2026, 11, 24), 30, True, id="policy-age-exceeded"),
    pytest.param(date(2026, 11, 23), date(2026, 11, 24), 0, True, id="zero-age-allows-only-today"),
])
def test_is_stale(last_verified, today, max_age, expected):
    assert is_stale(last_verified, today, max_age) is expected


def test_is_stale_refuses_a_negative_age():
    with pytest.raises(ValueError, match="negative"):
        is_stale(date(2026, 1, 1), date(2026, 1, 2), -1)


@pytest.mark.parametrize(("persona", "now", "max_age", "expected_stale", "expected_stale_items"), [
    # The checklist and private-account were verified on 1 Nov 2026, contact-sync on 15 Oct 2026.
    pytest.param(Persona.HIGH_PROFILE, datetime(2026, 11, 10, tzinfo=UTC), 20, False, ("contact-sync",),
                 id="one-item-stale"),
    pytest.param(Persona.EVERYONE, datetime(2026, 11, 10, tzinfo=UTC), 20, False, (),
                 id="stale-item-not-for-this-persona"),
    pytest.param(Persona.HIGH_PROFILE, datetime(2027, 11, 1, 12, tzinfo=UTC), 365, False, ("contact-sync",),
                 id="default-age-edge"),
    pytest.param(Persona.HIGH_PROFILE, datetime(2027, 11, 2, 12, tzinfo=UTC), 365, True,
                 ("private-account", "contact-sync"), id="default-age-exceeded"),
])
def test_status_flags_stale_content(persona, now, max_age, expected_stale, expected_stale_items):
    status = status_at(now, None, persona=persona, max_content_age_days=max_age)

    assert status.stale is expected_stale
    assert status.stale_items == expected_stale_items


# --- properties -------------------------------------------------------------------------------------------

ZONES = [LONDON, NEW_YORK, AUCKLAND, UTC_ZONE, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("America/Santiago"),
         ZoneInfo("America/Sao_Paulo"), ZoneInfo("Asia/Kolkata")]
STATE_ORDER = [DueState.UP_TO_DATE, DueState.DUE_SOON, DueState.OVERDUE]
review_moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2200, 1, 1),
                              timezones=st.sampled_from(ZONES))


@given(last_completed=review_moments,
       advances=st.lists(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=1500)), min_size=2),
       interval_days=st.integers(min_value=1, max_value=730),
       due_soon_days=st.integers(min_value=0, max_value=60),
       tz=st.sampled_from(ZONES))
def test_state_only_moves_forwards_as_time_passes(last_completed, advances, interval_days, due_soon_days, tz):
    nows = [last_completed + advance for advance in sorted(advances)]

    states = [due_state(last_completed, interval_days, now, tz, due_soon_days) for now in nows]

    ranks = [STATE_ORDER.index(state) for state in states]
    assert ranks == sorted(ranks), states


@given(last_completed=review_moments,
       clock_behind_by=st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(days=3000)),
       interval_days=st.integers(min_value=1, max_value=730),
       tz=st.sampled_from(ZONES))
def test_a_backwards_clock_never_yields_negative_ages_or_overdue(last_completed, clock_behind_by, interval_days, tz):
    now = last_completed - clock_behind_by
    today = now.astimezone(tz).date()

    status = status_at(now, last_completed, tz=tz, interval_days=interval_days)

    assert status.state is not DueState.OVERDUE
    assert status.last_reviewed is not None
    assert status.days_until_due is not None
    assert status.last_reviewed <= today
    assert 0 <= status.days_until_due <= interval_days
    if last_completed.astimezone(tz).date() >= today:  # the review's own date is not in the past
        assert (status.state, status.last_reviewed, status.days_until_due) == (
            DueState.UP_TO_DATE, today, interval_days)
