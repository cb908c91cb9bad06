"""The rows and exit code that `privacy-checkup status` will print."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.schedule import ChecklistStatus, DueState, checklist_status
from privacy_checkup.core.status_report import needs_attention, status_rows
from tests.core.recorded_answers import answer_everything, load_test_checklist


def status_with_state(state: DueState, checklist_id: str = "news") -> ChecklistStatus:
    return ChecklistStatus(checklist_id=checklist_id, state=state, last_reviewed=None, next_due=None,
                           days_until_due=None, answered=0, total=0, changed_items=(), stale=False, stale_items=())


@pytest.fixture
def news_v2() -> Checklist:
    return load_test_checklist("versions/news-v2.json")


def test_rows_carry_every_field_in_json_types(news_v2):
    answers = answer_everything(load_test_checklist("versions/news-v1.json"), Persona.EVERYONE)
    status = checklist_status(news_v2, Persona.EVERYONE, datetime(2026, 6, 1, 10, tzinfo=UTC), None, answers,
                              datetime(2026, 11, 24, 13, tzinfo=UTC), UTC, max_content_age_days=400)

    rows = status_rows([(news_v2, status)])

    assert rows == [{
        "id": "news",
        "title": "News Network",
        "state": "overdue",
        "last_reviewed": "2026-06-01",
        "next_due": "2026-08-30",
        "days_until_due": -86,
        "answered": 1,
        "total": 3,
        "changed_items": 1,
        "stale": False,
    }]
    assert json.loads(json.dumps(rows)) == rows


def test_a_never_reviewed_checklist_has_null_dates(news_v2):
    status = checklist_status(news_v2, Persona.EVERYONE, None, None, {}, datetime(2027, 12, 1, tzinfo=UTC), UTC)

    (row,) = status_rows([(news_v2, status)])

    assert (row["state"], row["last_reviewed"], row["next_due"], row["days_until_due"]) == (
        "never_reviewed", None, None, None)
    assert row["stale"] is True  # verified 2026-11-01, more than 365 days before 2027-12-01


def test_rows_keep_the_order_given(news_v2):
    example = load_test_checklist("valid/example.json")
    statuses = [(example, status_with_state(DueState.OVERDUE, "example")),
                (news_v2, status_with_state(DueState.UP_TO_DATE, "news"))]

    assert [row["id"] for row in status_rows(statuses)] == ["example", "news"]
    assert [row["id"] for row in status_rows(reversed(statuses))] == ["news", "example"]


def test_a_status_paired_with_the_wrong_checklist_is_refused(news_v2):
    with pytest.raises(ValueError, match="paired"):
        status_rows([(news_v2, status_with_state(DueState.UP_TO_DATE, "example"))])


@pytest.mark.parametrize(("states", "expected"), [
    pytest.param([], False, id="no-checklists"),
    pytest.param([DueState.UP_TO_DATE, DueState.DUE_SOON, DueState.NEVER_REVIEWED, DueState.IN_PROGRESS],
                 False, id="nothing-overdue"),
    pytest.param([DueState.UP_TO_DATE, DueState.OVERDUE], True, id="one-overdue"),
    pytest.param([DueState.OVERDUE, DueState.OVERDUE], True, id="all-overdue"),
])
def test_attention_says_whether_anything_is_overdue(states, expected):
    assert needs_attention(status_with_state(state) for state in states) is expected
