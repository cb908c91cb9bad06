"""The attestation: one record per item, valid against its published schema, notes only when opted in."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from privacy_checkup.core.attestation import CSV_COLUMNS, json_schema, to_csv, to_json
from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.report_data import ReportData, build_report
from privacy_checkup.core.review import ReviewHistory, review_status
from tests.core.recorded_answers import RecordedAnswer, load_test_checklist

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "resources" / "schemas" / "attestation.schema.json"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
CANARY = "CANARY-7f3e-note-text"


def make_report(notes: dict[tuple[str, str], str] | None = None) -> tuple[Checklist, ReportData]:
    v1 = load_test_checklist("versions/news-v1.json")
    v2 = load_test_checklist("versions/news-v2.json")
    answers = {item.id: RecordedAnswer(item.revision, "done") for item in v1.items}
    answers[v1.items[0].id] = RecordedAnswer(v1.items[0].revision, "skipped")
    history = ReviewHistory(last_completed=NOW, last_version=1, current_review=1)
    status = review_status(v2, Persona.EVERYONE, history, answers, NOW, ZoneInfo("Europe/London"))
    return v2, build_report([(v2, status)], Persona.EVERYONE, {v2.id: answers}, NOW, "9.9.9", notes)


def test_published_attestation_schema_matches_the_code() -> None:
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()


def test_json_attestation_validates_and_has_one_record_per_item() -> None:
    checklist, report = make_report()
    document = json.loads(to_json(report))
    jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker()).validate(document)
    assert [r["item_id"] for r in document["records"]] == [i.id for i in checklist.items_for(Persona.EVERYONE)]
    assert (document["app_version"], document["generated_at"]) == ("9.9.9", NOW.isoformat())
    by_id = {r["item_id"]: r for r in document["records"]}
    assert by_id["login-alerts"]["state"] == "unanswered"
    assert by_id["login-alerts"]["changed_since_answer"] is True
    assert by_id["ad-personalisation"]["state"] == "unanswered"
    assert by_id["ad-personalisation"]["answered_at"] is None
    assert "location-tagging" not in by_id  # removed in v2: drops out of the attestation


def test_csv_attestation_parses_with_a_header_line() -> None:
    checklist, report = make_report()
    text = to_csv(report)
    header, body = text.split("\n", 1)
    assert header.startswith("# privacy-checkup-attestation v1; app 9.9.9; generated 2026-11-24T12:00:00+00:00")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(checklist.items_for(Persona.EVERYONE))
    assert {r["checklist_version"] for r in rows} == {str(checklist.version)}


def test_notes_never_appear_unless_opted_in() -> None:
    checklist, _ = make_report()
    note_key = (checklist.id, checklist.items[1].id)
    _, without = make_report(notes=None)
    assert CANARY not in to_json(without) + to_csv(without)
    _, with_notes = make_report(notes={note_key: CANARY})
    assert CANARY in to_json(with_notes)
    assert CANARY in to_csv(with_notes)


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"])
def test_csv_cells_cannot_become_spreadsheet_formulas(dangerous: str) -> None:
    checklist, _ = make_report()
    _, report = make_report(notes={(checklist.id, checklist.items[1].id): dangerous})
    rows = list(csv.DictReader(io.StringIO(to_csv(report).split("\n", 1)[1])))
    assert f"'{dangerous}" in [r["note"] for r in rows]
