"""After a checklist update: which answers still count, which items reopen, and what the status shows."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest

from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.review import ItemState, ReviewHistory, item_states, review_status
from privacy_checkup.core.schedule import DueState
from tests.core.recorded_answers import RecordedAnswer, answer_everything, load_test_checklist


def of(states: dict[str, ItemState], wanted: ItemState) -> tuple[str, ...]:
    return tuple(item_id for item_id, state in states.items() if state is wanted)


def reopened(checklist: Checklist, answers: dict[str, RecordedAnswer], persona: Persona = Persona.HIGH_PROFILE):
    return of(item_states(checklist, persona, answers), ItemState.CHANGED)


@pytest.fixture
def news_v1() -> Checklist:
    return load_test_checklist("versions/news-v1.json")


@pytest.fixture
def news_v2() -> Checklist:
    return load_test_checklist("versions/news-v2.json")


def revisions(checklist: Checklist) -> dict[str, int]:
    return {item.id: item.revision for item in checklist.items}


def rename_item(checklist: Checklist, old_id: str, new_id: str) -> Checklist:
    sections = tuple(
        section._replace(items=tuple(
            item._replace(id=new_id) if item.id == old_id else item for item in section.items))
        for section in checklist.sections)
    return checklist._replace(sections=sections)


def test_the_fixtures_differ_by_one_changed_one_added_and_one_removed_item(news_v1, news_v2):
    # Pins the fixtures down, so the tests below cannot pass against files that drifted.
    old, new = revisions(news_v1), revisions(news_v2)

    assert (news_v1.id, news_v1.version, news_v2.id, news_v2.version) == ("news", 1, "news", 2)
    assert set(old) - set(new) == {"location-tagging"}
    assert set(new) - set(old) == {"ad-personalisation"}
    assert {item_id for item_id in set(old) & set(new) if old[item_id] != new[item_id]} == {"login-alerts"}
    assert new["login-alerts"] > old["login-alerts"]


def test_updating_a_checklist_reopens_exactly_the_changed_item(news_v1, news_v2):
    answers = answer_everything(news_v1, Persona.HIGH_PROFILE)
    answers_before = copy.deepcopy(answers)

    states = item_states(news_v2, Persona.HIGH_PROFILE, answers)

    assert of(states, ItemState.CHANGED) == ("login-alerts",)
    assert set(of(states, ItemState.DONE)) == {"two-factor", "contact-sync"}
    assert of(states, ItemState.UNANSWERED) == ("ad-personalisation",)  # added: simply unanswered
    assert len(states) == 4  # location-tagging, removed, no longer counts
    assert answers == answers_before  # the removed item's answer is ignored, never deleted


def test_the_same_answers_against_the_version_they_were_given_for_reopen_nothing(news_v1):
    answers = answer_everything(news_v1, Persona.HIGH_PROFILE)

    assert item_states(news_v1, Persona.HIGH_PROFILE, answers) == {
        "two-factor": ItemState.DONE, "location-tagging": ItemState.DONE, "login-alerts": ItemState.DONE,
        "contact-sync": ItemState.DONE}


def test_an_in_progress_review_of_an_updated_checklist(news_v1, news_v2):
    # Reviewed v1 in full in June, started again in November; v2 arrived in between.
    answers = answer_everything(news_v1, Persona.HIGH_PROFILE)
    completed = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)
    started = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    now = datetime(2026, 11, 24, 13, 0, tzinfo=UTC)

    history = ReviewHistory(last_completed=completed, last_version=1, open_review_started=started, current_review=2)
    status = review_status(news_v2, Persona.HIGH_PROFILE, history, answers, now, UTC)

    assert status.state is DueState.IN_PROGRESS
    assert (status.last_reviewed, status.next_due, status.days_until_due) == (date(2026, 9, 1), date(2026, 11, 30), 6)
    # Answers from the review of September belong to an earlier review: in this one, nothing is answered yet.
    assert (status.counts.settled, status.counts.changed, status.total) == (0, 1, 4)
    assert status.changed_items == ("login-alerts",)


def test_an_overdue_updated_checklist_stays_overdue_while_in_progress_and_lists_its_changes(news_v1, news_v2):
    answers = answer_everything(news_v1, Persona.HIGH_PROFILE)
    completed = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)  # due 30 August 2026

    history = ReviewHistory(last_completed=completed, last_version=1,
                            open_review_started=datetime(2026, 11, 20, tzinfo=UTC), current_review=2)
    status = review_status(news_v2, Persona.HIGH_PROFILE, history, answers, datetime(2026, 11, 24, tzinfo=UTC), UTC)

    assert status.state is DueState.OVERDUE
    assert status.days_until_due == -86
    assert status.changed_items == ("login-alerts",)


@pytest.mark.parametrize(("persona", "expected_answered", "expected_unanswered"), [
    (Persona.EVERYONE, {"two-factor"}, ("ad-personalisation",)),
    (Persona.HIGH_PROFILE, {"two-factor", "contact-sync"}, ("ad-personalisation",)),
    (Persona.OFFICE_STAFF, {"two-factor", "contact-sync"}, ("ad-personalisation",)),
])
def test_progress_after_an_update_follows_the_persona(news_v1, news_v2, persona, expected_answered,
                                                      expected_unanswered):
    answers = answer_everything(news_v1, persona)

    states = item_states(news_v2, persona, answers)

    assert set(of(states, ItemState.DONE)) == expected_answered
    assert of(states, ItemState.CHANGED) == ("login-alerts",)
    assert of(states, ItemState.UNANSWERED) == expected_unanswered


def test_reopening_can_be_limited_to_the_persona(news_v2):
    # contact-sync answered at a revision the checklist no longer has, but it is not for "everyone".
    answers = {"contact-sync": RecordedAnswer(item_revision=0), "two-factor": RecordedAnswer(item_revision=0)}

    assert reopened(news_v2, answers) == ("two-factor", "contact-sync")
    assert reopened(news_v2, answers, Persona.EVERYONE) == ("two-factor",)


def test_a_renamed_id_is_a_removal_plus_an_addition(news_v1):
    answers = answer_everything(news_v1, Persona.EVERYONE)
    renamed = rename_item(news_v1, "two-factor", "two-step-verification")

    states = item_states(renamed, Persona.EVERYONE, answers)

    assert "two-factor" not in states
    assert of(states, ItemState.UNANSWERED) == ("two-step-verification",)
    assert of(states, ItemState.CHANGED) == ()
    assert "two-factor" in answers


def test_an_answer_at_a_newer_revision_than_the_checklist_reopens_too(news_v1):
    # e.g. an office pins an older copy of a checklist the user already reviewed at a later revision.
    answers = {"login-alerts": RecordedAnswer(item_revision=2)}

    assert reopened(news_v1, answers) == ("login-alerts",)


@pytest.mark.parametrize("state", ["done", "skipped", "not_applicable"])
def test_every_answer_keeps_its_own_state_at_its_revision(news_v2, state):
    answers = answer_everything(news_v2, Persona.EVERYONE, state=state)

    assert set(item_states(news_v2, Persona.EVERYONE, answers).values()) == {ItemState(state)}


def test_no_answers_means_everything_unanswered_in_wizard_order(news_v2):
    states = item_states(news_v2, Persona.HIGH_PROFILE, {})

    # High-profile people see the riskiest first: two-factor (high), then medium, then low.
    assert list(states) == ["two-factor", "login-alerts", "contact-sync", "ad-personalisation"]
    assert set(states.values()) == {ItemState.UNANSWERED}
