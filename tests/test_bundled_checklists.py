"""Content invariants for every checklist the app ships."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from privacy_checkup.core import emergency, glossary
from privacy_checkup.core.loader import checklist_files, load_files
from privacy_checkup.core.model import Checklist, Item, Verification

BUNDLED = Path(__file__).resolve().parents[1] / "checklists"
EXPECTED_IDS = {
    "tiktok", "instagram", "facebook", "x", "linkedin", "youtube", "snapchat", "whatsapp", "telegram",
    "threads", "bluesky", "signal", "phone-permissions", "phone-security", "account-security",
    "impersonation-and-threats", "public-footprint",
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



GLOSSARY = glossary.load_glossary(BUNDLED / glossary.FILE_NAME)
GUIDE = emergency.load_guide(BUNDLED / emergency.FILE_NAME)


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_every_bundled_checklist_says_each_items_priority_time_and_how_it_was_checked(checklist: Checklist) -> None:
    # Version 2 makes priority, minutes and verified_by required, and verified_on for a device check.
    assert checklist.schema_version == 2
    for item in checklist.items:
        assert item.minutes_given, f"{checklist.id}/{item.id}"
        assert item.verified_by is not Verification.UNKNOWN, f"{checklist.id}/{item.id}"


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_every_item_cites_the_official_page_or_says_why_there_is_none(checklist: Checklist) -> None:
    lacking = [item.id for item in checklist.items
               if not any(s.official for s in item.sources) and not item.no_official_page.strip()]
    assert lacking == []


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_each_devices_steps_have_a_source_that_covers_that_device(checklist: Checklist) -> None:
    uncovered = [f"{item.id} ({surface.value})" for item in checklist.items for surface in item.steps
                 if not any(source.covers(surface) for source in item.sources)]
    assert uncovered == []


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_help_centre_checks_rest_on_an_official_source(checklist: Checklist) -> None:
    # "From TikTok's help centre" must be true: such an item cites one of the platform's own pages.
    wrong = [item.id for item in checklist.items
             if item.verified_by is Verification.HELP_CENTRE and not any(s.official for s in item.sources)]
    assert wrong == []


# Quoted text is a platform's own label ("Two-factor authentication"), which advice may name as it is.
QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|(?<![\w])\'[^\']*\'(?![\w])')


def advice_texts(checklist: Checklist) -> list[tuple[str, str]]:
    """(where, text) of everything a person reads as advice; steps are left out: they name menus as the
    platform does."""
    texts = [("description", checklist.description)]
    texts += [(f"section {s.id}", f"{s.title} {s.description}") for s in checklist.sections]
    for item in checklist.items:
        texts += [(item.id, item.title), (f"{item.id}.why", item.why), (f"{item.id}.recommended", item.recommended)]
        texts += [(f"{item.id}.persona_notes.{p.value}", note) for p, note in item.persona_notes.items()]
    return texts


def aliases_used(text: str) -> list[str]:
    unquoted = QUOTED.sub(" ", text)
    return [f"{written!r} (say {term.term!r})" for written, term in GLOSSARY.names_in(unquoted)
            if term.is_alias(written)]


def test_the_alias_check_finds_an_alias_and_spares_a_quoted_label() -> None:
    assert aliases_used("Turn on two-factor authentication now") == [
        "'two-factor authentication' (say '2-step verification')"]
    assert aliases_used('Turn on 2-step verification ("Two-factor authentication")') == []


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_advice_uses_one_name_per_concept(checklist: Checklist) -> None:
    found = [f"{where}: {alias}" for where, text in advice_texts(checklist) for alias in aliases_used(text)]
    assert found == []


# Words a person who is not technical may not know. Each one the checklists use must be explained in the
# glossary (F1 on a setting page looks them up there).
JARGON = re.compile(r"(?<![\w-])(2FA|two-factor|2-step verification|authenticator|passkeys?|security keys?|"
                    r"SIM swap\w*|contact sync\w*|sync contacts|phishing|metadata|end-to-end|"
                    r"VPN|IP address|sessions?|keyring|recovery codes?|backup codes?|"
                    r"data brokers?|Lockdown Mode|Advanced Protection|deepfakes?|registration lock|"
                    r"safety numbers?|linked devices?|personali[sz]ed ads|eSIM|PUK|PAC|STAC|WHOIS|DNS)(?![\w-])",
                    re.IGNORECASE)


def test_the_glossary_explains_every_term_the_checklists_use() -> None:
    unexplained = set()
    for checklist in CHECKLISTS:
        for _, text in advice_texts(checklist):
            for match in JARGON.finditer(text):
                word = match.group(0)
                if not GLOSSARY.term_named(word) and not GLOSSARY.names_in(text[max(0, match.start() - 30):
                                                                                 match.end() + 30]):
                    unexplained.add(word.casefold())
    assert sorted(unexplained) == []


def test_the_glossary_and_emergency_guide_are_current_and_sourced() -> None:
    today = dt.date.today()
    assert today - GLOSSARY.last_verified <= MAX_CONTENT_AGE
    assert today - GUIDE.last_verified <= MAX_CONTENT_AGE
    assert all(term.sources for term in GLOSSARY.terms)
    assert {s.id for s in GUIDE.situations} >= {"account-taken-over", "targeted-now"}
    for situation in GUIDE.situations:
        assert situation.actions, situation.id
        assert all(action.sources for action in situation.actions), situation.id
        assert all(contact.sources for contact in situation.contacts), situation.id


def _essential_minutes(ids: set[str], persona: str) -> int:
    from privacy_checkup.core.model import Persona, Priority

    items: list[Item] = [item for c in CHECKLISTS if c.id in ids for item in c.items_for(Persona(persona))
                         if item.priority is Priority.ESSENTIAL]
    return sum(item.minutes for item in items)


def test_a_high_profile_persons_essentials_fit_in_half_an_hour() -> None:
    # Issue 20's target: TikTok, Instagram, WhatsApp, X and account security, essentials only.
    assert _essential_minutes({"tiktok", "instagram", "whatsapp", "x", "account-security"}, "high_profile") <= 30
