"""Every published JSON Schema is what the code renders, and a valid JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from privacy_checkup.core.published_schemas import published, render

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("relative", sorted(published()))
def test_published_schema_matches_the_code(relative: str) -> None:
    text = (REPO / relative).read_text(encoding="utf-8")
    assert text == render(published()[relative]()), \
        f"regenerate {relative}: python -m privacy_checkup.core.published_schemas"
    jsonschema.Draft202012Validator.check_schema(json.loads(text))


@pytest.mark.parametrize(("schema", "fixture"), [
    ("checklists/glossary.schema.json", "tests/data/glossary/valid.json"),
    ("checklists/emergency.schema.json", "tests/data/emergency/valid.json"),
    ("checklists/checklist.schema.json", "tests/data/checklists/valid/example-v2.json"),
])
def test_valid_fixtures_satisfy_their_published_schema(schema: str, fixture: str) -> None:
    validator = jsonschema.Draft202012Validator(json.loads((REPO / schema).read_text()))
    validator.validate(json.loads((REPO / fixture).read_text()))
