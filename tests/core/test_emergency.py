"""The emergency guide file: its format and its model."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_checkup.core.emergency import EmergencyGuideError, load_guide

DATA = Path(__file__).resolve().parents[1] / "data" / "emergency"


def test_the_guide_loads_its_actions_in_order_and_its_contacts() -> None:
    guide = load_guide(DATA / "valid.json")
    situation = guide.situation("account-taken-over")
    assert situation is not None
    assert [a.id for a in situation.actions] == ["secure-email-first", "keep-evidence"]
    contact = situation.contacts[0]
    assert (contact.audience, contact.url) == ("uk", "https://fraud.example.org/report")
    assert guide.situation("nothing-like-it") is None


@pytest.mark.parametrize(("name", "line", "column", "words"), [
    ("bad-audience.json", 21, 22, "must be one of everyone, uk, uk_parliament; found 'mars'"),
    # Only https: and mailto: links open; a telephone number is text.
    ("tel-link.json", 20, 70, "must be an https:// link or a mailto: address"),
])
def test_a_bad_guide_is_rejected_at_the_mistake(name: str, line: int, column: int, words: str) -> None:
    with pytest.raises(EmergencyGuideError) as caught:
        load_guide(DATA / name)
    first = caught.value.diagnostics[0]
    assert (first.line, first.column) == (line, column)
    assert words in first.message
