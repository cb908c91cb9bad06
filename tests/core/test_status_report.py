"""What `privacy-checkup status --json` prints: its rows, its document and its published schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.review import ChecklistStatus, Counts, ReviewHistory, ReviewRules, review_status
from privacy_checkup.core.schedule import DueState
from privacy_checkup.core.status_report import json_schema, needs_attention, status_document, status_rows
from tests.core.recorded_answers import answer_everything, load_test_checklist

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "resources" / "schemas" / "status.schema.json"


def status_with_state(state: DueState, checklist_id: str = "news", open_high_risk: tuple[str, ...] = ()
                      ) -> ChecklistStatus:
    return ChecklistStatus(checklist_id=checklist_id, state=state, last_reviewed=None, next_due=None,
                           days_until_due=None, counts=Counts(), open_items=open_high_risk,
                           open_high_risk=open_high_risk, changed_items=(), stale=False, stale_items=())


@pytest.fixture
def news_v2() -> Checklist:
    return load_test_checklist("versions/news-v2.json")


def test_rows_carry_every_field_in_json_types(news_v2):
    answers = answer_everything(load_test_checklist("versions/news-v1.json"), Persona.EVERYONE)
    history = ReviewHistory(chosen_at=datetime(2026, 5, 1, tzinfo=UTC),
                            last_completed=datetime(2026, 6, 1, 10, tzinfo=UTC), last_version=1, current_review=1)
    status = review_status(news_v2, Persona.EVERYONE, history, answers, datetime(2026, 11, 24, 13, tzinfo=UTC), UTC,
                           ReviewRules(max_content_age_days=400))

    rows = status_rows([(news_v2, status)])

    assert rows == [{
        "id": "news",
        "title": "News Network",
        "state": "overdue",
        "needs_attention": True,
        "chosen_on": "2026-05-01",
        "last_reviewed": "2026-06-01",
        "next_due": "2026-08-30",
        "days_until_due": -86,
        "first_review": False,
        "counts": {"done": 1, "not_applicable": 0, "skipped": 0, "unanswered": 1, "changed": 1},
        "total": 3,
        "open": 2,
        "open_high_risk": 0,
        "open_high_risk_items": [],
        "changed_items": 1,
        "stale": False,
    }]
    assert json.loads(json.dumps(rows)) == rows


def test_a_platform_never_started_is_due_from_the_day_it_was_chosen(news_v2):
    history = ReviewHistory(chosen_at=datetime(2027, 11, 20, tzinfo=UTC))
    status = review_status(news_v2, Persona.EVERYONE, history, {}, datetime(2027, 12, 1, tzinfo=UTC), UTC)

    (row,) = status_rows([(news_v2, status)])

    assert (row["state"], row["last_reviewed"], row["next_due"], row["days_until_due"], row["first_review"]) == (
        "never_reviewed", None, "2027-12-04", 3, True)
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


@pytest.mark.parametrize(("statuses", "expected"), [
    pytest.param([], False, id="no-checklists"),
    pytest.param([status_with_state(s) for s in (DueState.UP_TO_DATE, DueState.DUE_SOON, DueState.NEVER_REVIEWED,
                                                 DueState.IN_PROGRESS)], False, id="nothing-needs-attention"),
    pytest.param([status_with_state(DueState.UP_TO_DATE), status_with_state(DueState.OVERDUE)], True, id="one-overdue"),
    pytest.param([status_with_state(DueState.INCOMPLETE)], False, id="finished-with-only-lower-risk-open"),
    pytest.param([status_with_state(DueState.INCOMPLETE, open_high_risk=("two-factor",))], True,
                 id="finished-with-a-high-risk-setting-open"),
    pytest.param([status_with_state(DueState.IN_PROGRESS, open_high_risk=("two-factor",))], False,
                 id="still-in-progress"),
])
def test_attention_is_overdue_or_a_review_finished_with_high_risk_open(statuses, expected):
    assert needs_attention(statuses) is expected


def test_the_document_follows_its_published_schema(news_v2):
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()
    history = ReviewHistory(chosen_at=datetime(2026, 11, 1, tzinfo=UTC))
    status = review_status(news_v2, Persona.HIGH_PROFILE, history, {}, datetime(2026, 11, 24, tzinfo=UTC), UTC)
    document = status_document([(news_v2, status)], datetime(2026, 11, 24, tzinfo=UTC), "9.9.9", ["gone"])
    jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker()).validate(document)
    assert (document["format"], document["format_version"], document["exit_code"]) == (
        "privacy-checkup-status", 1, 1)  # chosen on 1 November, never started: overdue since the 15th
    assert document["summary"]["overdue"] == 1
    assert document["missing_checklists"] == ["gone"]
