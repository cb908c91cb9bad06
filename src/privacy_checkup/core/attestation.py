"""The JSON and CSV attestation: one record per item, for an office's security team."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from privacy_checkup.core.report_data import ReportData
from privacy_checkup.core.schedule import DueState

ATTESTATION_FORMAT = "privacy-checkup-attestation"
ATTESTATION_VERSION = 1
CSV_COLUMNS = ["checklist_id", "checklist_version", "item_id", "item_revision", "state", "answered_at",
               "changed_since_answer", "content_stale"]




def records(report: ReportData) -> list[dict[str, Any]]:
    out = []
    for checklist in report.checklists:
        for item in checklist.items:
            row: dict[str, Any] = {
                "checklist_id": checklist.checklist_id,
                "checklist_version": checklist.version,
                "item_id": item.item_id,
                "item_revision": item.item_revision,
                "state": item.state,
                "answered_at": None if item.answered_at is None else item.answered_at.isoformat(),
                "changed_since_answer": item.changed,
                "content_stale": item.stale,
            }
            if report.includes_notes:
                row["note"] = item.note
            out.append(row)
    return out


def to_json(report: ReportData) -> str:
    document = {
        "format": ATTESTATION_FORMAT,
        "format_version": ATTESTATION_VERSION,
        "app_version": report.app_version,
        "generated_at": report.generated_at.isoformat(),
        "persona": report.persona.value,
        "includes_notes": report.includes_notes,
        "checklists": [{
            "checklist_id": c.checklist_id, "title": c.title, "version": c.version,
            "last_verified": c.last_verified, "state": c.status.state.value,
            "last_reviewed": None if c.status.last_reviewed is None else c.status.last_reviewed.isoformat(),
            "next_due": None if c.status.next_due is None else c.status.next_due.isoformat(),
        } for c in report.checklists],
        "records": records(report),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_csv(report: ReportData) -> str:
    """CSV with a commented header naming the app version and generation time."""
    buffer = io.StringIO()
    buffer.write(f"# {ATTESTATION_FORMAT} v{ATTESTATION_VERSION}; app {report.app_version}; "
                 f"generated {report.generated_at.isoformat()}; persona {report.persona.value}\n")
    columns = [*CSV_COLUMNS, "note"] if report.includes_notes else CSV_COLUMNS
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in records(report):
        writer.writerow({key: _csv_cell(row.get(key)) for key in columns})
    return buffer.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A cell starting with = + - @ is run as a formula by spreadsheets; quote it as text.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def json_schema() -> dict[str, Any]:
    nullable_date = {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    record = {
        "type": "object",
        "additionalProperties": False,
        "required": ["checklist_id", "checklist_version", "item_id", "item_revision", "state", "answered_at",
                     "changed_since_answer", "content_stale"],
        "properties": {
            "checklist_id": {"type": "string", "minLength": 1},
            "checklist_version": {"type": "integer", "minimum": 1},
            "item_id": {"type": "string", "minLength": 1},
            "item_revision": {"type": "integer", "minimum": 1},
            "state": {"enum": ["done", "skipped", "not_applicable", "unanswered"]},
            "answered_at": {"type": ["string", "null"], "format": "date-time"},
            "changed_since_answer": {"type": "boolean"},
            "content_stale": {"type": "boolean"},
            "note": {"type": ["string", "null"]},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://privacy-checkup.invalid/schema/attestation-v1.json",
        "title": "Privacy Checkup attestation",
        "description": "What a person did in their privacy checkup, item by item. Notes appear only when the "
                       "person chose to include them.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "format_version", "app_version", "generated_at", "persona", "includes_notes",
                     "checklists", "records"],
        "properties": {
            "format": {"const": ATTESTATION_FORMAT},
            "format_version": {"const": ATTESTATION_VERSION},
            "app_version": {"type": "string"},
            "generated_at": {"type": "string", "format": "date-time"},
            "persona": {"enum": ["everyone", "high_profile", "office_staff"]},
            "includes_notes": {"type": "boolean"},
            "checklists": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["checklist_id", "title", "version", "last_verified", "state", "last_reviewed",
                             "next_due"],
                "properties": {
                    "checklist_id": {"type": "string"}, "title": {"type": "string"},
                    "version": {"type": "integer", "minimum": 1}, "last_verified": {"type": "string"},
                    "state": {"enum": [state.value for state in DueState]},
                    "last_reviewed": nullable_date, "next_due": nullable_date,
                }}},
            "records": {"type": "array", "items": record},
        },
    }
