"""The published JSON Schema and the loader accept and reject the same files."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_checkup.core import checklist_format as fmt
from privacy_checkup.core.errors import ChecklistError
from privacy_checkup.core.loader import parse_checklist
from privacy_checkup.core.model import Checklist, Item, Section, Source
from tests.core.json_paths import json_paths

REPO = Path(__file__).resolve().parents[2]
SCHEMA_FILE = REPO / "checklists" / fmt.SCHEMA_FILE_NAME
VALID = REPO / "tests" / "data" / "checklists" / "valid" / "example.json"
VALID_V2 = REPO / "tests" / "data" / "checklists" / "valid" / "example-v2.json"
VALIDATOR = jsonschema.Draft202012Validator(
    json.loads(SCHEMA_FILE.read_text()), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_published_schema_is_the_one_the_loader_uses() -> None:
    rendered = json.dumps(fmt.json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_FILE.read_text() == rendered, "regenerate checklists/checklist.schema.json (see docs/checklists.md)"


def test_published_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))


@pytest.mark.parametrize(("spec", "model", "not_in_model", "derived"), [
    (fmt.CHECKLIST_V2, Checklist, {"$schema"}, set()),
    (fmt.SECTION, Section, set(), set()),
    (fmt.ITEM, Item, set(), {"minutes_given"}),  # False where a version 1 file gave no minutes
    (fmt.SOURCE, Source, set(), set()),
])
def test_every_format_field_reaches_the_model(spec: Any, model: Any, not_in_model: set[str], derived: set[str]) -> None:
    model_fields = set(model._fields)
    assert set(spec.fields) - not_in_model == model_fields - derived


def _duplicate_ids(doc: Any) -> bool:
    try:
        sections = doc["sections"]
        section_ids = [s["id"] for s in sections]
        item_ids = [i["id"] for s in sections for i in s["items"]]
    except (KeyError, TypeError):
        return False
    return len(set(section_ids)) != len(section_ids) or len(set(item_ids)) != len(item_ids)


def _verdicts(doc: Any) -> tuple[bool, bool]:
    schema_ok = VALIDATOR.is_valid(doc) and not _duplicate_ids(doc)  # unique ids are the loader's own rule
    try:
        parse_checklist(json.dumps(doc).encode(), "generated.json")
        loader_ok = True
    except ChecklistError:
        loader_ok = False
    return schema_ok, loader_ok


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2_000_000_000)
    | st.text(max_size=12).filter(lambda s: not s.endswith("\n"))
    | st.sampled_from(["2026-11-01", "2026-02-30", "https://example.org/x", "http://example.org", "high",
                       "everyone", "ios", "a-slug", "", 1.5]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "title", "why", "url", "ios", "items", "revision", "x"]), inner, max_size=3),
    max_leaves=6,
)


# Values that look like another type: the mistakes people really make in JSON.
TYPE_CONFUSION = st.sampled_from([True, False, None, 0, 1, -1, 1.0, 7.5, "1", "", [], {}, ["x"], {"id": "x"}])
BASE = json.loads(VALID.read_text())
BASE_V2 = json.loads(VALID_V2.read_text())
BASE_PATHS = json_paths(BASE)[1:]
BASE_V2_PATHS = json_paths(BASE_V2)[1:]


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    base, paths = draw(st.sampled_from([(BASE, BASE_PATHS), (BASE_V2, BASE_V2_PATHS)]))
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        parent = doc
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["replace", "delete", "add-field"]))
            if action == "replace":
                # A copy: sampled_from hands out the same [] and {} every time, and writing into a
                # shared one could nest it in itself (a cycle no JSON file can hold).
                parent[path[-1]] = copy.deepcopy(draw(TYPE_CONFUSION | json_values))
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.sampled_from(["extra", "id", "why", "risk", "priority", "minutes", "verified_on",
                                             "official", "schema_version"]))] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return doc


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_documents())
def test_schema_and_loader_agree_on_mutated_documents(doc: Any) -> None:
    schema_ok, loader_ok = _verdicts(doc)
    assert schema_ok == loader_ok, json.dumps(doc)[:2000]


def test_the_valid_fixtures_satisfy_both() -> None:
    assert _verdicts(BASE) == (True, True)
    assert _verdicts(BASE_V2) == (True, True)


def _replaced(path: tuple[Any, ...], value: Any, base: Any = BASE) -> Any:
    doc = copy.deepcopy(base)
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return doc


CONFUSION_VALUES = [True, False, None, 0, 1, -1, 1.0, 2, 7.5, 121, "1", "", [], {}, ["x"], {"id": "x"},
                    "2026-13-01", "http://example.org", "x" * 5000, "device", "manager", "essential"]


EVERY_FIELD = [*((BASE, p) for p in BASE_PATHS), *((BASE_V2, p) for p in BASE_V2_PATHS)]


@pytest.mark.parametrize(("base", "path"), EVERY_FIELD,
                         ids=lambda p: ".".join(map(str, p)) if isinstance(p, tuple) else f"v{p['schema_version']}")
def test_schema_and_loader_agree_on_every_wrong_value_at_every_field(base: Any, path: tuple[Any, ...]) -> None:
    disagreements = []
    for value in CONFUSION_VALUES:
        doc = _replaced(path, value, base)
        schema_ok, loader_ok = _verdicts(doc)
        if schema_ok != loader_ok:
            disagreements.append((value if not isinstance(value, str) else value[:20], schema_ok, loader_ok))
    assert not disagreements
