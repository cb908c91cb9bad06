"""The glossary file: its format, one concept per name, and finding terms in a setting's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_checkup.core.glossary import GlossaryError, load_glossary

DATA = Path(__file__).resolve().parents[1] / "data" / "glossary"
GLOSSARY = load_glossary(DATA / "valid.json")


@pytest.mark.parametrize(("name", "line", "column", "words", "json_path"), [
    ("alias-twice.json", 16, 36, "the name '2FA' already belongs to the term 'two-step-verification'",
     "$.terms[1].aliases[1]"),
    ("no-sources.json", 18, 18, "needs at least 1 entry", "$.terms[1].sources"),
])
def test_a_bad_glossary_is_rejected_at_the_mistake(name: str, line: int, column: int, words: str,
                                                   json_path: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        load_glossary(DATA / name)
    first = caught.value.diagnostics[0]
    assert (first.line, first.column, first.json_path) == (line, column, json_path)
    assert words in first.message


def test_terms_are_found_under_any_of_their_names_as_whole_words() -> None:
    found = GLOSSARY.terms_in(["Turn on 2FA before a SIM swap can happen.", "Use Two-Factor Authentication too."])
    assert [t.id for t in found] == ["two-step-verification", "sim-swap"]
    # Not inside other words: "similar" holds "sim", "2FAx" is not "2FA".
    assert GLOSSARY.terms_in(["A similar 2FAx setting", "pre-SIM swap-free"]) == []


def test_search_finds_names_first_then_explanations() -> None:
    assert [t.id for t in GLOSSARY.search("sim")] == ["sim-swap"]
    assert [t.id for t in GLOSSARY.search("phone")] == ["two-step-verification", "sim-swap"]
    assert [t.term for t in GLOSSARY.search("  ")] == ["2-step verification", "SIM swap"]
    assert GLOSSARY.term_named("2fa") is GLOSSARY.terms[0]


def test_a_plural_names_the_same_concept() -> None:
    assert [(written, t.id) for written, t in GLOSSARY.names_in("Two SIM swaps and 2FAs")] == [
        ("SIM swaps", "sim-swap"), ("2FAs", "two-step-verification")]
