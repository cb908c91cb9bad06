"""`status` and `report` through the real command line, on a real store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from privacy_checkup.core.attestation import json_schema
from privacy_checkup.core.model import Persona
from privacy_checkup.session.app_catalog import load_catalog
from privacy_checkup.storage import paths
from privacy_checkup.storage.keystore import MemoryKeyStore
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from privacy_checkup.storage.vault import NotesVault

CANARY = "CANARY-report-3b9d1e"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_checkup", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120, check=False)


def answer_all(store: ProgressStore, checklist_id: str, when: dt.datetime, complete: bool = True) -> None:
    checklist = load_catalog().get(checklist_id)
    assert checklist is not None
    review = store.start_review(checklist_id, checklist.version, when)
    for item in checklist.items:
        store.record_answer(review.id, item.id, item.revision, AnswerState.DONE, when)
    if complete:
        store.complete_review(review.id, when)


@pytest.fixture
def known_store(app_home: Path) -> Path:
    now = dt.datetime.now(dt.UTC)
    with ProgressStore.open(paths.store_path()) as store:
        store.set_persona(Persona.EVERYONE)
        store.set_platforms(["tiktok", "whatsapp", "bluesky"], now - dt.timedelta(hours=1))  # bluesky: just chosen
        answer_all(store, "tiktok", now - dt.timedelta(days=400))      # overdue
        answer_all(store, "whatsapp", now - dt.timedelta(days=2))      # up to date
        vault = NotesVault(store, MemoryKeyStore())
        assert vault.write_note("tiktok", "private-account", CANARY, now) is not None
    return paths.store_path()


def test_status_exits_zero_without_any_progress() -> None:
    result = run("status")
    assert result.returncode == 0
    assert "No platforms chosen yet" in result.stdout


def test_status_exits_one_when_something_is_overdue(known_store: Path) -> None:
    result = run("status", "--json")
    assert result.returncode == 1, result.stderr
    states = {row["id"]: row["state"] for row in json.loads(result.stdout)["checklists"]}
    assert states == {"tiktok": "overdue", "whatsapp": "up_to_date", "bluesky": "never_reviewed"}
    text = run("status")
    assert text.returncode == 1
    assert "TikTok" in text.stdout
    assert "OVERDUE" in text.stdout


def test_status_tells_a_first_review_never_started_from_one_begun_and_not_finished(app_home: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    with ProgressStore.open(paths.store_path()) as store:
        store.set_platforms(["tiktok", "whatsapp"], now - dt.timedelta(days=30))  # first reviews were due by now
        checklist = load_catalog().get("tiktok")
        assert checklist is not None
        review = store.start_review("tiktok", checklist.version, now - dt.timedelta(days=20))
        store.record_answer(review.id, checklist.items[0].id, checklist.items[0].revision, AnswerState.DONE, now)
    result = run("status")
    assert result.returncode == 1
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.split()}
    assert "OVERDUE (first review not finished): 1 done" in lines["TikTok"]
    assert "OVERDUE (never started): 0 done" in lines["WhatsApp"]


def test_status_exits_zero_when_nothing_is_overdue(app_home: Path) -> None:
    with ProgressStore.open(paths.store_path()) as store:
        store.set_platforms(["whatsapp"], dt.datetime.now(dt.UTC))
        answer_all(store, "whatsapp", dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    assert run("status").returncode == 0


def test_status_exits_two_on_a_corrupt_store(app_home: Path) -> None:
    paths.ensure_private_dir(paths.data_dir())
    paths.store_path().write_bytes(b"this is not a database" * 100)
    result = run("status")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_json_attestation_validates_and_holds_every_answer(known_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "attestation.json"
    assert run("report", "--format", "json", "--output", str(out)).returncode == 0
    document = json.loads(out.read_text())
    jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker()).validate(document)
    tiktok = [r for r in document["records"] if r["checklist_id"] == "tiktok"]
    assert len(tiktok) == len(load_catalog().get("tiktok").items)  # type: ignore[union-attr]
    assert {r["state"] for r in tiktok} == {"done"}
    assert {r["state"] for r in document["records"] if r["checklist_id"] == "bluesky"} == {"unanswered"}
    assert out.stat().st_mode & 0o777 == 0o600


def test_csv_attestation_parses(known_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "attestation.csv"
    assert run("report", "--format", "csv", "--output", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text().split("\n", 1)[1])))
    whatsapp = [r for r in rows if r["checklist_id"] == "whatsapp"]
    assert whatsapp
    assert all(r["state"] == "done" and r["answered_at"] for r in whatsapp)


def test_pdf_report_text_names_platforms_states_and_pages(known_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run("report", "--format", "pdf", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ["Privacy Checkup report", "TikTok", "WhatsApp", "Bluesky", "Overdue by", "Up to date",
                     "Not started", "Make your account private", "Page 1 of"]:
        assert expected in text, expected


def test_no_report_format_contains_a_note(known_store: Path, tmp_path: Path) -> None:
    for fmt in ("json", "csv", "pdf"):
        out = tmp_path / f"report.{fmt}"
        assert run("report", "--format", fmt, "--output", str(out)).returncode == 0
        data = out.read_bytes()
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert CANARY.encode(encoding) not in data, (fmt, encoding)
        if fmt == "pdf":
            text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
            assert CANARY not in text


def test_the_command_line_has_no_way_to_include_notes(tmp_path: Path) -> None:
    result = run("report", "--format", "json", "--output", str(tmp_path / "r.json"), "--include-notes")
    assert result.returncode == 2
    assert "unrecognized arguments: --include-notes" in result.stderr
    assert not (tmp_path / "r.json").exists()


def test_status_json_follows_its_schema_and_a_review_finished_with_high_risk_open_needs_attention(
        app_home: Path) -> None:
    from privacy_checkup.core.status_report import json_schema as status_schema

    checklist = load_catalog().get("tiktok")
    assert checklist is not None
    high_risk = next(item for item in checklist.items if item.risk.value == "high")
    now = dt.datetime.now(dt.UTC)
    with ProgressStore.open(paths.store_path()) as store:
        store.set_platforms(["tiktok"], now - dt.timedelta(days=1))
        review = store.start_review("tiktok", checklist.version, now - dt.timedelta(hours=1))
        for item in checklist.items:
            state = AnswerState.SKIPPED if item.id == high_risk.id else AnswerState.DONE
            store.record_answer(review.id, item.id, item.revision, state, now - dt.timedelta(minutes=30))
        store.complete_review(review.id, now - dt.timedelta(minutes=10))
    result = run("status", "--json")
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(status_schema(), format_checker=jsonschema.FormatChecker()).validate(document)
    (row,) = document["checklists"]
    assert (row["state"], row["open"], row["open_high_risk_items"]) == ("incomplete", 1, [high_risk.id])
    assert row["counts"]["skipped"] == 1
    assert (result.returncode, document["exit_code"], document["needs_attention"]) == (1, 1, True)
    text = run("status")
    assert text.returncode == 1
    assert "1 setting still open, 1 high risk" in text.stdout
    assert "1 skipped" in text.stdout
    attestation = app_home / "attestation.json"
    assert run("report", "--format", "json", "--output", str(attestation)).returncode == 0
    (listed,) = json.loads(attestation.read_text())["checklists"]
    assert listed["state"] == "incomplete"  # the office sees what the dashboard says
