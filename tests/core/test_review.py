"""Where a person stands follows from what they answered: each mix of answers, across dates and personas."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.review import (
    ItemState,
    ReviewHistory,
    ReviewRules,
    item_states,
    review_status,
)
from privacy_checkup.core.schedule import DueState
from tests.core.recorded_answers import RecordedAnswer, load_test_checklist

NEWS = load_test_checklist("versions/news-v2.json")  # version 2, every 90 days; items below
# two-factor (high, everyone), login-alerts (medium, everyone, revision 2), contact-sync (medium, high_profile and
# office_staff), ad-personalisation (low, everyone)
FINISHED = datetime(2026, 1, 1, 10, tzinfo=UTC)  # a review finished on 1 January: next due 1 April
REVISION = {item.id: item.revision for item in NEWS.items}


def answers(*, skip: tuple[str, ...] = (), na: tuple[str, ...] = (), missing: tuple[str, ...] = (),
            changed: tuple[str, ...] = (), review_id: int = 2) -> dict[str, RecordedAnswer]:
    out = {}
    for item_id, revision in REVISION.items():
        if item_id in missing:
            continue
        state = "skipped" if item_id in skip else "not_applicable" if item_id in na else "done"
        out[item_id] = RecordedAnswer(revision - 1 if item_id in changed else revision, state, FINISHED, review_id)
    return out


def finished_review(version: int = 2) -> ReviewHistory:
    return ReviewHistory(chosen_at=datetime(2025, 12, 1, tzinfo=UTC), last_completed=FINISHED, last_version=version,
                         current_review=2)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


@pytest.mark.parametrize(("given_answers", "history", "today", "state", "next_due", "open_items", "attention"), [
    pytest.param(answers(), finished_review(), date(2026, 1, 5), DueState.UP_TO_DATE, date(2026, 4, 1), (), False,
                 id="all-done"),
    pytest.param(answers(na=("ad-personalisation",)), finished_review(), date(2026, 1, 5), DueState.UP_TO_DATE,
                 date(2026, 4, 1), (), False, id="done-and-not-applicable-are-settled"),
    pytest.param(answers(skip=("two-factor",)), finished_review(), date(2026, 1, 5), DueState.INCOMPLETE,
                 date(2026, 1, 15), ("two-factor",), True, id="high-risk-skipped-needs-attention"),
    pytest.param(answers(skip=("ad-personalisation",)), finished_review(), date(2026, 1, 5), DueState.INCOMPLETE,
                 date(2026, 1, 15), ("ad-personalisation",), False, id="low-risk-skipped-is-open-not-urgent"),
    pytest.param(answers(missing=("login-alerts",)), finished_review(), date(2026, 1, 5), DueState.INCOMPLETE,
                 date(2026, 1, 15), ("login-alerts",), False, id="finished-early-leaves-it-open"),
    pytest.param(answers(changed=("login-alerts",)), finished_review(), date(2026, 1, 5), DueState.INCOMPLETE,
                 date(2026, 4, 1), ("login-alerts",), False, id="changed-since-keeps-the-usual-date"),
    pytest.param(answers(missing=("ad-personalisation",)), finished_review(version=1), date(2026, 1, 5),
                 DueState.INCOMPLETE, date(2026, 4, 1), ("ad-personalisation",), False,
                 id="new-in-a-newer-version-keeps-the-usual-date"),
    pytest.param(answers(skip=("login-alerts",)), finished_review(), date(2026, 1, 16), DueState.OVERDUE,
                 date(2026, 1, 15), ("login-alerts",), True, id="open-settings-past-their-window"),
    pytest.param(answers(), finished_review(), date(2026, 3, 25), DueState.DUE_SOON, date(2026, 4, 1), (), False,
                 id="all-done-due-soon"),
    pytest.param(answers(), finished_review(), date(2026, 4, 2), DueState.OVERDUE, date(2026, 4, 1), (), True,
                 id="all-done-but-the-interval-passed"),
    pytest.param(answers(review_id=1), finished_review(), date(2026, 1, 5), DueState.INCOMPLETE, date(2026, 1, 15),
                 ("two-factor", "login-alerts", "contact-sync", "ad-personalisation"), True,
                 id="answers-of-an-earlier-review-no-longer-count"),
])
def test_the_state_follows_from_the_answers(given_answers, history, today, state, next_due, open_items, attention):
    status = review_status(NEWS, Persona.HIGH_PROFILE, history, given_answers, at(today), UTC)

    assert (status.state, status.next_due, status.open_items, status.needs_attention) == (
        state, next_due, open_items, attention)


@pytest.mark.parametrize(("history", "today", "state", "days"), [
    pytest.param(ReviewHistory(chosen_at=datetime(2026, 1, 1, 9, tzinfo=UTC)), date(2026, 1, 10),
                 DueState.NEVER_REVIEWED, 5, id="chosen-and-not-started"),
    pytest.param(ReviewHistory(chosen_at=datetime(2026, 1, 1, 9, tzinfo=UTC)), date(2026, 1, 15),
                 DueState.NEVER_REVIEWED, 0, id="the-last-day-of-the-window"),
    pytest.param(ReviewHistory(chosen_at=datetime(2026, 1, 1, 9, tzinfo=UTC)), date(2026, 1, 16),
                 DueState.OVERDUE, -1, id="never-started-becomes-overdue"),
    pytest.param(ReviewHistory(chosen_at=datetime(2026, 1, 1, 9, tzinfo=UTC),
                               open_review_started=datetime(2026, 1, 3, tzinfo=UTC), current_review=1),
                 date(2026, 1, 10), DueState.IN_PROGRESS, 5, id="started-within-the-window"),
    pytest.param(ReviewHistory(chosen_at=datetime(2026, 1, 1, 9, tzinfo=UTC),
                               open_review_started=datetime(2026, 1, 3, tzinfo=UTC), current_review=1),
                 date(2026, 1, 20), DueState.OVERDUE, -5, id="started-but-never-finished-in-time"),
])
def test_a_chosen_platform_with_no_finished_review_is_due_within_the_first_review_window(history, today, state, days):
    status = review_status(NEWS, Persona.EVERYONE, history, {}, at(today), UTC)

    assert (status.state, status.days_until_due, status.first_review) == (state, days, True)
    assert status.needs_attention is (state is DueState.OVERDUE)


def test_the_office_policy_sets_the_first_review_window():
    history = ReviewHistory(chosen_at=datetime(2026, 1, 1, 9, tzinfo=UTC))
    status = review_status(NEWS, Persona.EVERYONE, history, {}, at(date(2026, 1, 10)), UTC,
                           ReviewRules(first_review_days=7))

    assert (status.state, status.next_due) == (DueState.OVERDUE, date(2026, 1, 8))


@pytest.mark.parametrize(("persona", "total", "state"), [
    # contact-sync is skipped, but it is for high-profile people and office staff only.
    (Persona.EVERYONE, 3, DueState.UP_TO_DATE),
    (Persona.HIGH_PROFILE, 4, DueState.INCOMPLETE),
    (Persona.OFFICE_STAFF, 4, DueState.INCOMPLETE),
    (Persona.MANAGER, 4, DueState.INCOMPLETE),  # runs a high-profile person's accounts: sees both personas' items
])
def test_only_settings_that_apply_to_the_person_count(persona, total, state):
    status = review_status(NEWS, persona, finished_review(), answers(skip=("contact-sync",)), at(date(2026, 1, 5)), UTC)

    assert (status.counts.total, status.state) == (total, state)


def test_counts_say_exactly_what_each_setting_is():
    given_answers = answers(skip=("two-factor",), na=("ad-personalisation",), changed=("login-alerts",),
                            missing=("contact-sync",))
    status = review_status(NEWS, Persona.HIGH_PROFILE, finished_review(), given_answers, at(date(2026, 1, 5)), UTC)

    assert status.counts._asdict() == {"done": 0, "not_applicable": 1, "skipped": 1, "unanswered": 1, "changed": 1}
    assert (status.counts.settled, status.counts.open) == (1, 3)
    # Highest risk first, then in the order the wizard shows them.
    assert status.open_items == ("two-factor", "login-alerts", "contact-sync")
    assert status.open_high_risk == ("two-factor",)


answer_strategy = st.fixed_dictionaries({}, optional={
    item_id: st.builds(RecordedAnswer, st.sampled_from([revision, revision + 1]),
                       st.sampled_from(["done", "skipped", "not_applicable"]), st.just(FINISHED),
                       st.sampled_from([1, 2]))
    for item_id, revision in REVISION.items()})
history_strategy = st.builds(
    ReviewHistory,
    chosen_at=st.none() | st.just(datetime(2025, 12, 1, tzinfo=UTC)),
    last_completed=st.none() | st.just(FINISHED),
    last_version=st.sampled_from([None, 1, 2]),
    open_review_started=st.none() | st.just(datetime(2026, 1, 2, tzinfo=UTC)),
    current_review=st.sampled_from([None, 1, 2]))


@given(answer_strategy, history_strategy, st.sampled_from(list(Persona)),
       st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)))
def test_up_to_date_means_no_open_setting_that_applies(given_answers, history, persona, today):
    checklist: Checklist = NEWS
    status = review_status(checklist, persona, history, given_answers, at(today), UTC)
    states = item_states(checklist, persona, given_answers, history.current_review)

    assert status.counts.total == len(checklist.items_for(persona))
    assert status.counts.open == len(status.open_items)
    if status.state is DueState.UP_TO_DATE:
        assert all(state.settled for state in states.values())
        assert status.last_reviewed is not None
    if any(state in (ItemState.SKIPPED, ItemState.UNANSWERED, ItemState.CHANGED) for state in states.values()):
        assert status.state not in (DueState.UP_TO_DATE, DueState.DUE_SOON)
