"""What `privacy-checkup status --json` prints: a versioned document with a published JSON Schema
(resources/schemas/status.schema.json), the same facts the dashboard shows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from privacy_checkup.core.model import Checklist
from privacy_checkup.core.review import ChecklistStatus
from privacy_checkup.core.schedule import DueState

STATUS_FORMAT = "privacy-checkup-status"
STATUS_VERSION = 1
COUNT_NAMES = ("done", "not_applicable", "skipped", "unanswered", "changed")


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def status_row(checklist: Checklist, status: ChecklistStatus) -> dict[str, Any]:
    """One platform's status in plain JSON types (dates as ISO `YYYY-MM-DD` strings)."""
    if status.checklist_id != checklist.id:
        raise ValueError(f"the status of {status.checklist_id!r} was paired with checklist {checklist.id!r}")
    return {
        "id": checklist.id,
        "title": checklist.title,
        "state": status.state.value,
        "needs_attention": status.needs_attention,
        "chosen_on": _day(status.chosen_on),
        "last_reviewed": _day(status.last_reviewed),
        "next_due": _day(status.next_due),
        "days_until_due": status.days_until_due,
        "first_review": status.first_review,
        "counts": dict(zip(COUNT_NAMES, status.counts, strict=True)),
        "total": status.counts.total,
        "open": status.counts.open,
        "open_high_risk": len(status.open_high_risk),
        "open_high_risk_items": list(status.open_high_risk),
        "changed_items": len(status.changed_items),
        "stale": status.stale,
    }


def status_rows(entries: Iterable[tuple[Checklist, ChecklistStatus]]) -> list[dict[str, Any]]:
    """One row per (checklist, its status), in the order given (the caller chooses the person's order)."""
    return [status_row(checklist, status) for checklist, status in entries]


def needs_attention(statuses: Iterable[ChecklistStatus]) -> bool:
    """True when a platform is overdue (a chosen one never reviewed in its first-review window included), or
    a review was finished with a high-risk setting open."""
    return any(status.needs_attention for status in statuses)


def status_document(entries: Iterable[tuple[Checklist, ChecklistStatus]], generated_at: datetime,
                    app_version: str, missing: Iterable[str] = ()) -> dict[str, Any]:
    listed = list(entries)
    rows = status_rows(listed)
    attention = needs_attention(status for _, status in listed)
    return {
        "format": STATUS_FORMAT,
        "format_version": STATUS_VERSION,
        "app_version": app_version,
        "generated_at": generated_at.isoformat(),
        "needs_attention": attention,
        "exit_code": 1 if attention else 0,
        "summary": {
            "chosen": len(rows),
            **{state.value: sum(1 for row in rows if row["state"] == state.value) for state in DueState},
            "open_high_risk": sum(row["open_high_risk"] for row in rows),
        },
        "checklists": rows,
        "missing_checklists": list(missing),
    }


def json_schema() -> dict[str, Any]:
    """The published schema of `status --json` (a test keeps it and the document in step)."""
    day = {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    count = {"type": "integer", "minimum": 0}
    row = {
        "type": "object", "additionalProperties": False,
        "required": ["id", "title", "state", "needs_attention", "chosen_on", "last_reviewed", "next_due",
                     "days_until_due", "first_review", "counts", "total", "open", "open_high_risk",
                     "open_high_risk_items", "changed_items", "stale"],
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "title": {"type": "string"},
            "state": {"enum": [state.value for state in DueState],
                      "description": "never_reviewed: chosen, no review finished; in_progress; incomplete: the last "
                                     "review was finished with settings open; up_to_date; due_soon; overdue"},
            "needs_attention": {"type": "boolean", "description": "overdue, or finished with high-risk settings "
                                                                  "open: what makes status exit 1"},
            "chosen_on": day, "last_reviewed": day,
            "next_due": {**day, "description": "the first-review deadline while first_review is true"},
            "days_until_due": {"type": ["integer", "null"], "description": "negative when overdue"},
            "first_review": {"type": "boolean"},
            "counts": {"type": "object", "additionalProperties": False, "required": list(COUNT_NAMES),
                       "properties": {name: count for name in COUNT_NAMES},
                       "description": "the settings that apply to the person, by their state in the current review"},
            "total": count, "open": count, "open_high_risk": count,
            "open_high_risk_items": {"type": "array", "items": {"type": "string"}},
            "changed_items": count,
            "stale": {"type": "boolean", "description": "the checklist was last verified longer ago than allowed"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://privacy-checkup.invalid/schema/status-v1.json",
        "title": "privacy-checkup status --json",
        "type": "object", "additionalProperties": False,
        "required": ["format", "format_version", "app_version", "generated_at", "needs_attention", "exit_code",
                     "summary", "checklists", "missing_checklists"],
        "properties": {
            "format": {"const": STATUS_FORMAT},
            "format_version": {"const": STATUS_VERSION},
            "app_version": {"type": "string"},
            "generated_at": {"type": "string", "format": "date-time"},
            "needs_attention": {"type": "boolean"},
            "exit_code": {"enum": [0, 1]},
            "summary": {"type": "object", "additionalProperties": False,
                        "required": ["chosen", *(state.value for state in DueState), "open_high_risk"],
                        "properties": {"chosen": count, **{state.value: count for state in DueState},
                                       "open_high_risk": count}},
            "checklists": {"type": "array", "items": row},
            "missing_checklists": {"type": "array", "items": {"type": "string"},
                                   "description": "chosen platforms whose checklist is not installed now"},
        },
    }
