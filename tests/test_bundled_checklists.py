"""Content invariants for every checklist the app ships."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from privacy_checkup.core.loader import checklist_files, load_files
from privacy_checkup.core.model import Checklist

BUNDLED = Path(__file__).resolve().parents[1] / "checklists"
EXPECTED_IDS = {
    "tiktok", "instagram", "facebook", "x", "linkedin", "youtube", "snapchat", "whatsapp", "telegram",
    "threads", "bluesky", "phone-permissions", "account-security",
}
MAX_CONTENT_AGE = dt.timedelta(days=365)
RESULT = load_files(checklist_files(BUNDLED))
CHECKLISTS: list[Checklist] = [checklist for _, checklist in RESULT.checklists]


def test_every_bundled_file_is_valid() -> None:
    assert [str(e) for e in RESULT.errors] == []


def test_every_platform_is_covered() -> None:
    assert {c.id for c in CHECKLISTS} == EXPECTED_IDS


def test_file_names_match_checklist_ids() -> None:
    assert all(path.stem == checklist.id for path, checklist in RESULT.checklists)


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_checklist_is_thorough_and_current(checklist: Checklist) -> None:
    today = dt.date.today()
    assert len(checklist.items) >= 10, "a checkup needs at least ten items"
    assert today - checklist.last_verified <= MAX_CONTENT_AGE
    assert checklist.last_verified <= today
    assert 30 <= checklist.review_interval_days <= 365


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_every_item_says_what_why_where_and_who_checked_it_when(checklist: Checklist) -> None:
    today = dt.date.today()
    for item in checklist.items:
        where = f"{checklist.id}/{item.id}"
        assert item.why.strip(), where
        assert item.recommended.strip(), where
        assert item.title.strip(), where
        assert item.steps, where
        assert all(len(steps) >= 1 for steps in item.steps.values()), where
        assert item.sources, where
        assert all(s.url.startswith("https://") for s in item.sources), where
        assert today - item.last_verified <= MAX_CONTENT_AGE, f"{where} is older than a year: verify it again"
        assert item.last_verified <= today, where
        assert item.revision >= 1, where


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_item_text_is_plain_prose_not_markup(checklist: Checklist) -> None:
    # The app shows checklist text as plain text, so markup would appear literally to people.
    markup = re.compile(r"</?[a-zA-Z][^>]*>|\[[^\]]+\]\([^)]+\)")
    for item in checklist.items:
        texts = [item.title, item.why, item.recommended, *(s for steps in item.steps.values() for s in steps)]
        assert not any(markup.search(t) for t in texts), f"{checklist.id}/{item.id}"


def test_item_ids_are_unique_across_each_checklist() -> None:
    for checklist in CHECKLISTS:
        ids = [item.id for item in checklist.items]
        assert len(ids) == len(set(ids)), checklist.id
