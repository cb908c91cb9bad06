"""The checklist loader: every rejection names the file, line, column and JSON path."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from privacy_checkup.core import checklist_format as fmt
from privacy_checkup.core.errors import ChecklistError
from privacy_checkup.core.loader import checklist_files, load_checklist, load_files, parse_checklist
from privacy_checkup.core.model import Persona, Priority, Risk, Surface, Verification

DATA = Path(__file__).resolve().parents[1] / "data" / "checklists"
VALID = DATA / "valid" / "example.json"

# file -> (line, column, words in the message, JSON path)
REJECTIONS = {
    "duplicate-key.json": (21, 11, "duplicate field 'revision' (first at line 20, column 11)",
                           "$.sections[0].items[0].revision"),
    "nan.json": (7, 14, "NaN is not allowed", "$.version"),
    "infinity.json": (9, 27, "Infinity is not allowed", "$.review_interval_days"),
    "duplicate-item-id.json": (35, 17, "item id 'private-account' is already used by sections[0].items[0]",
                               "$.sections[0].items[1].id"),
    "unknown-field.json": (29, 11, "unknown field 'colour'", "$.sections[0].items[0].colour"),
    "wrong-type.json": (20, 23, "expected a whole number, found a string", "$.sections[0].items[0].revision"),
    "bad-date.json": (44, 28, "'2026-02-30' is not a real calendar date", "$.sections[0].items[1].last_verified"),
    "bad-date-format.json": (8, 20, "must be a date written YYYY-MM-DD", "$.last_verified"),
    "http-link.json": (43, 66, "must be an https:// link", "$.sections[0].items[1].sources[0].url"),
    "javascript-link.json": (31, 74, "must be an https:// link", "$.sections[0].items[0].sources[0].url"),
    "missing-why.json": (34, 9, "missing required field 'why'", "$.sections[0].items[1]"),
    "truncated.json": (15, 1, "the file looks truncated", "$.sections[0]"),
    "trailing-comma.json": (26, 76, "trailing comma before ']'", "$.sections[0].items[0].steps.web"),
    "empty-steps.json": (40, 20, "needs at least 1 of: ios, android, web", "$.sections[0].items[1].steps"),
    "bad-slug.json": (35, 17, "must be a slug", "$.sections[0].items[1].id"),
    "unknown-persona.json": (42, 40, "found 'journalist'", "$.sections[0].items[1].personas[1]"),
    "schema-version-3.json": (3, 21, "must be 1 or 2; this app reads version 1 or 2 files", "$.schema_version"),
    # Version 2's fields: each rejection points at the value (or, for a missing field, at its object).
    "v2-missing-priority.json": (23, 9, "missing required field 'priority'", "$.sections[0].items[0]"),
    "v2-bad-priority.json": (57, 23, "must be one of essential, recommended, extra; found 'urgent'",
                             "$.sections[0].items[1].priority"),
    "v2-minutes-zero.json": (43, 22, "must be between 1 and 120, found 0", "$.sections[0].items[0].minutes"),
    "v2-minutes-too-many.json": (58, 22, "must be between 1 and 120, found 121", "$.sections[0].items[1].minutes"),
    "v2-minutes-fraction.json": (43, 22, "expected a whole number, found a decimal number",
                                 "$.sections[0].items[0].minutes"),
    "v2-bad-verified-by.json": (44, 26, "must be one of help_centre, device, guides; found 'hearsay'",
                                "$.sections[0].items[0].verified_by"),
    "v2-device-without-version.json": (46, 9, "missing required field 'verified_on'", "$.sections[0].items[1]"),
    "v2-bad-contact.json": (10, 25, "must be a mailto: address or an https:// link", "$.maintainer_contact"),
    "v2-bad-help-kind.json": (16, 14, "found 'fan-mail'", "$.help_links[1].kind"),
    "v2-bad-source-surface.json": (39, 34, "must be one of ios, android, web; found 'watch'",
                                   "$.sections[0].items[0].sources[0].surfaces[1]"),
    "v2-official-not-boolean.json": (38, 112, "expected true or false, found a string",
                                     "$.sections[0].items[0].sources[0].official"),
    # A version 1 file stays version 1: the new fields and persona are not silently accepted in it.
    "v1-with-v2-field.json": (29, 11, "unknown field 'priority'", "$.sections[0].items[0].priority"),
    "v1-manager-persona.json": (42, 40, "found 'manager'", "$.sections[0].items[1].personas[1]"),
    "invalid-utf8.json": (16, 25, "invalid UTF-8 (byte 0xff)", "$"),
    "empty.json": (1, 1, "the file is empty", "$"),
    "not-an-object.json": (1, 1, "expected an object, found a list", "$"),
    "deep.json": (1, 29, "nested deeper than 16 levels", "$.sections[0]"),
}


def test_every_invalid_fixture_has_an_expected_rejection() -> None:
    on_disk = {p.name for p in (DATA / "invalid").glob("*.json")}
    assert on_disk == set(REJECTIONS)


@pytest.mark.parametrize("name", sorted(REJECTIONS))
def test_rejection_names_file_line_column_and_json_path(name: str) -> None:
    line, column, words, json_path = REJECTIONS[name]
    path = DATA / "invalid" / name
    with pytest.raises(ChecklistError) as caught:
        load_checklist(path)
    first = caught.value.diagnostics[0]
    assert (first.path, first.line, first.column) == (str(path), line, column)
    assert words in first.message
    assert first.json_path.startswith(json_path)
    assert str(first) == f"{path}:{line}:{column}: {first.message} (at {first.json_path})"


def test_valid_file_loads_into_the_frozen_model() -> None:
    checklist = load_checklist(VALID)
    assert (checklist.id, checklist.version, checklist.review_interval_days) == ("example", 3, 90)
    assert checklist.last_verified == dt.date(2026, 11, 1)
    first, second = checklist.items
    assert first.id == "private-account"
    assert first.revision == 2
    assert first.risk is Risk.HIGH
    assert first.steps[Surface.IOS][-1] == "Turn on Private account"
    assert first.persona_notes[Persona.HIGH_PROFILE].startswith("Keep a separate")
    assert second.maintainer_note
    assert second.personas == {Persona.HIGH_PROFILE, Persona.OFFICE_STAFF}
    with pytest.raises(AttributeError):
        checklist.title = "changed"  # type: ignore[misc]


def test_version_2_file_loads_its_plan_dates_and_sources() -> None:
    checklist = load_checklist(DATA / "valid" / "example-v2.json")
    assert checklist.schema_version == 2
    assert checklist.maintainer_contact == "mailto:checklists@example.org"
    assert [link.kind for link in checklist.help_links] == ["hacked", "impersonation"]
    first, second = checklist.items
    assert (first.priority, first.minutes, first.verified_by) == (Priority.ESSENTIAL, 2, Verification.HELP_CENTRE)
    assert first.minutes_given
    assert first.sources[0].official
    assert first.sources[0].surfaces == {Surface.IOS, Surface.WEB}
    assert first.sources[0].covers(Surface.IOS)
    assert not first.sources[0].covers(Surface.ANDROID)
    assert (second.verified_by, second.verified_on) == (Verification.DEVICE, "Example 12.1 on Android 15")
    assert second.no_official_page.startswith("Example's help centre has no page")
    assert not second.sources[0].official
    assert second.sources[0].covers(Surface.ANDROID)
    assert first.persona_notes[Persona.MANAGER].startswith("For the account you manage")


def test_version_1_file_gets_priorities_from_risk_and_minutes_from_its_steps() -> None:
    first, second = load_checklist(VALID).items
    assert (first.risk, first.priority) == (Risk.HIGH, Priority.ESSENTIAL)
    assert (second.risk, second.priority) == (Risk.MEDIUM, Priority.RECOMMENDED)
    # Three steps on its longest device: about two minutes, and said to be estimated.
    assert (first.minutes, first.minutes_given) == (2, False)
    assert first.verified_by is Verification.UNKNOWN
    assert not first.sources[0].official
    assert first.sources[0].covers(Surface.ANDROID)


def test_a_manager_sees_the_items_for_high_profile_people_and_office_staff() -> None:
    checklist = load_checklist(DATA / "valid" / "example-v2.json")
    everyone, both = checklist.items
    assert [i.id for i in checklist.items_for(Persona.MANAGER)] == ["private-account", "contact-sync"]
    assert [i.id for i in checklist.items_for(Persona.EVERYONE)] == ["private-account"]
    v1_both = load_checklist(VALID).items[1]  # for high_profile and office_staff, not naming manager
    assert v1_both.applies_to(Persona.MANAGER)
    assert not v1_both.applies_to(Persona.EVERYONE)
    # A manager reads the note written for them; without one, the high-profile person's, said to be theirs.
    assert everyone.persona_note(Persona.MANAGER) == (Persona.MANAGER, everyone.persona_notes[Persona.MANAGER])
    assert load_checklist(VALID).items[0].persona_note(Persona.MANAGER)[0] is Persona.HIGH_PROFILE  # type: ignore[index]
    assert both.persona_note(Persona.EVERYONE) is None


def test_every_problem_in_a_file_is_reported_in_file_order(tmp_path: Path) -> None:
    text = VALID.read_text().replace('"risk": "high"', '"risk": 3').replace('"version": 3', '"version": 0')
    bad = tmp_path / "two.json"
    bad.write_text(text)
    with pytest.raises(ChecklistError) as caught:
        load_checklist(bad)
    found = [(d.line, d.json_path) for d in caught.value.diagnostics]
    assert found == [(7, "$.version"), (28, "$.sections[0].items[0].risk")]


def test_file_over_the_size_limit_is_rejected_without_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (fmt.MAX_FILE_BYTES + 1))
    with pytest.raises(ChecklistError, match="larger than the 1024 KiB limit"):
        load_checklist(big)


def test_overlong_string_is_rejected_with_its_length(tmp_path: Path) -> None:
    data = json.loads(VALID.read_text())
    data["sections"][0]["items"][0]["why"] = "x" * (fmt.MAX_TEXT + 1)
    with pytest.raises(ChecklistError, match=f"is {fmt.MAX_TEXT + 1} characters long; the limit is {fmt.MAX_TEXT}"):
        parse_checklist(json.dumps(data).encode(), "long.json")


def test_too_many_items_is_rejected(tmp_path: Path) -> None:
    data = json.loads(VALID.read_text())
    template = data["sections"][0]["items"][0]
    data["sections"] = [
        {"id": f"s{s}", "title": "S", "items": [dict(template, id=f"i{s}-{i}") for i in range(100)]}
        for s in range(6)
    ]
    with pytest.raises(ChecklistError, match=f"has 600 items; the limit is {fmt.MAX_ITEMS}"):
        parse_checklist(json.dumps(data).encode(), "many.json")


def test_byte_order_mark_is_accepted() -> None:
    checklist = parse_checklist(b"\xef\xbb\xbf" + VALID.read_bytes(), "bom.json")
    assert checklist.id == "example"


def test_unpaired_surrogate_escape_is_rejected() -> None:
    text = VALID.read_text().replace("Who can see you", "Who can \\ud800 see you")
    with pytest.raises(ChecklistError, match="unpaired surrogate"):
        parse_checklist(text.encode(), "surrogate.json")


def test_nesting_beyond_the_c_parser_limit_is_a_project_error() -> None:
    deep = b'{"sections": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(ChecklistError, match="nested deeper than 16 levels"):
        parse_checklist(deep, "deep.json")


def test_one_bad_file_never_stops_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(VALID.read_bytes())
    files = [DATA / "invalid" / "nan.json", good, DATA / "invalid" / "truncated.json"]
    result = load_files(files)
    assert [c.id for _, c in result.checklists] == ["example"]
    assert [e.path.name for e in result.errors] == ["nan.json", "truncated.json"]


def test_unreadable_path_is_reported_as_a_diagnostic(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError, match="cannot read the file"):
        load_checklist(tmp_path / "missing.json")


def test_number_too_long_for_int_is_refused_at_its_position() -> None:
    text = VALID.read_text().replace('"version": 3', '"version": ' + "9" * 5000)
    with pytest.raises(ChecklistError, match="the number has too many digits") as caught:
        parse_checklist(text.encode(), "long-number.json")
    assert (caught.value.diagnostics[0].line, caught.value.diagnostics[0].column) == (7, 14)


def test_values_many_items_share_are_loaded_once() -> None:
    """10,000 files of 30 items stay linear to load because repeated values are shared, not copied."""
    checklists = [c for _, c in load_files(checklist_files(DATA.parents[2] / "checklists")).checklists]
    assert len(checklists) >= 13
    steps = [s for c in checklists for item in c.items for surface in item.steps.values() for s in surface]
    assert len(steps) > 2 * len({id(s) for s in steps}) > 0  # "Tap Settings" is one string, however often
    items = [item for c in checklists for item in c.items]
    assert len({id(item.personas) for item in items}) <= 7  # one frozenset per combination of personas
    assert len({id(item.last_verified) for item in items}) == len({item.last_verified for item in items})
    bare = next(item for item in items if not item.persona_notes)
    with pytest.raises(TypeError):
        bare.persona_notes[Persona.EVERYONE] = "shared, so it must be read-only"  # type: ignore[index]
