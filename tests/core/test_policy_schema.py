"""The published policy schema and the policy loader accept and reject the same files."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from privacy_checkup.core import policy_format as fmt
from privacy_checkup.core.documents import parse_document
from privacy_checkup.core.errors import PolicyError
from tests.core.json_paths import json_paths

REPO = Path(__file__).resolve().parents[2]
SCHEMA_FILE = REPO / "checklists" / fmt.SCHEMA_FILE_NAME
VALID = REPO / "tests" / "data" / "policy" / "valid" / "policy.json"
VALIDATOR = jsonschema.Draft202012Validator(
    json.loads(SCHEMA_FILE.read_text()), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
BASE = json.loads(VALID.read_text())


def test_published_policy_schema_is_the_one_the_loader_uses() -> None:
    rendered = json.dumps(fmt.json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_FILE.read_text() == rendered, "regenerate checklists/policy.schema.json (see docs/offices.md)"


def test_published_policy_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))


def _verdicts(doc: Any) -> tuple[bool, bool]:
    try:
        parse_document(json.dumps(doc).encode(), "policy.json", fmt.POLICY, fmt.MAX_FILE_BYTES, fmt.MAX_DEPTH,
                       PolicyError)
        loader_ok = True
    except PolicyError:
        loader_ok = False
    return VALIDATOR.is_valid(doc), loader_ok


WRONG_VALUES = [True, False, None, 0, 1, 6, 7, 730, 731, 3650, 3651, -1, 1.0, 7.5, "1", "", [], {}, ["x"],
                {"id": "x"}, ["a", "a"], {"Bad Id": 30}, {"ok": 30}, "a@b.c", "https://x.example",
                "http://x.example", "mailto:a@b.c", "x" * 600, "jCmC37pZkmhAphdmnFCaNVaaTxX++QrhKXpb3cDymFQ",
                [{"name": "n", "public_key": "x"}]]


def test_the_valid_fixture_satisfies_both() -> None:
    assert _verdicts(BASE) == (True, True)


@pytest.mark.parametrize("path", json_paths(BASE)[1:], ids=lambda p: ".".join(map(str, p)))
def test_schema_and_loader_agree_on_every_wrong_value_and_removal_at_every_field(path: tuple[Any, ...]) -> None:
    disagreements = []
    for value in [*WRONG_VALUES, "<removed>"]:
        doc = copy.deepcopy(BASE)
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        if value == "<removed>":
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
        schema_ok, loader_ok = _verdicts(doc)
        if schema_ok != loader_ok:
            disagreements.append((str(value)[:20], schema_ok, loader_ok))
    assert not disagreements
