"""Version 1 of the checklist file format, as one declarative description."""

from __future__ import annotations

from typing import Any

# The hard limits (a file over them is rejected before or during parsing) live apart, for loading
# that skips the validator; they are part of this format and re-exported here.
from privacy_checkup.core.checklist_limits import MAX_DEPTH as MAX_DEPTH
from privacy_checkup.core.checklist_limits import MAX_FILE_BYTES as MAX_FILE_BYTES
from privacy_checkup.core.checklist_limits import MAX_ITEMS as MAX_ITEMS
from privacy_checkup.core.checklist_limits import MAX_TEXT as MAX_TEXT
from privacy_checkup.core.checklist_limits import MAX_TITLE as MAX_TITLE
from privacy_checkup.core.spec import (
    DATE_PATTERN,
    HTTPS_PATTERN,
    SLUG_PATTERN,
    Array,
    Const,
    Field,
    Int,
    JsonPath,
    Obj,
    OneOf,
    Problem,
    Str,
)

SCHEMA_VERSION = 1
SCHEMA_FILE_NAME = "checklist.schema.json"
SCHEMA_ID = "https://privacy-checkup.invalid/schema/checklist-v1.json"


SURFACES = ("ios", "android", "web")
PERSONAS = ("everyone", "high_profile", "office_staff")
RISKS = ("high", "medium", "low")


def _slug(what: str) -> Str:
    return Str(max_len=64, pattern=SLUG_PATTERN,
               pattern_message="must be a slug: lower-case letters, digits and single hyphens, like 'private-account'",
               description=f"Stable {what} id chosen by the author. Never derive it from the title: "
                           "changing it is a removal plus an addition and reopens the item for everyone.")


def _date(what: str) -> Str:
    return Str(max_len=10, min_len=10, pattern=DATE_PATTERN, pattern_message="must be a date written YYYY-MM-DD",
               is_date=True, description=what)


def _text(max_len: int, what: str) -> Str:
    return Str(max_len=max_len, description=what)


SOURCE = Obj({
    "title": Field(_text(MAX_TITLE, "What the source is, e.g. 'TikTok Help Center: Account privacy'.")),
    "url": Field(Str(max_len=2000, pattern=HTTPS_PATTERN, pattern_message="must be an https:// link",
                     description="An https:// link to the source.")),
}, description="Where the advice comes from.")

SOURCES = Array(SOURCE, min_items=1, max_items=20, description="At least one source; prefer the platform's own help.")

STEP_LIST = Array(Str(max_len=1000, description="One step, as the platform names its menus today."),
                  min_items=1, max_items=30)

STEPS = Obj({surface: Field(STEP_LIST, required=False) for surface in SURFACES}, min_properties=1,
            description="Steps per surface: ios (iPhone/iPad app), android (Android app), web (web or desktop).")

PERSONA_NOTES = Obj({persona: Field(_text(MAX_TEXT, f"Advice that differs for the {persona} persona."),
                                    required=False) for persona in PERSONAS},
                    description="How the advice differs for a persona, e.g. an MP's public-facing account.")


def _item_count_check(value: dict[str, Any], path: JsonPath, problems: list[Problem]) -> None:
    sections = value.get("sections")
    if type(sections) is not list:
        return
    section_ids: dict[str, int] = {}
    item_ids: dict[str, tuple[int, int]] = {}
    count = 0
    for s_index, section in enumerate(sections):
        if type(section) is not dict:
            continue
        section_id = section.get("id")
        if type(section_id) is str:
            if section_id in section_ids:
                problems.append(((*path, "sections", s_index, "id"),
                                 f"section id {section_id!r} is already used by sections[{section_ids[section_id]}]",
                                 False))
            section_ids.setdefault(section_id, s_index)
        items = section.get("items")
        if type(items) is not list:
            continue
        for i_index, item in enumerate(items):
            count += 1
            item_id = item.get("id") if type(item) is dict else None
            if type(item_id) is not str:
                continue
            if item_id in item_ids:
                first = item_ids[item_id]
                problems.append(((*path, "sections", s_index, "items", i_index, "id"),
                                 f"item id {item_id!r} is already used by sections[{first[0]}].items[{first[1]}]",
                                 False))
            item_ids.setdefault(item_id, (s_index, i_index))
    if count > MAX_ITEMS:
        problems.append(((*path, "sections"), f"has {count} items; the limit is {MAX_ITEMS}", False))


ITEM = Obj({
    "id": Field(_slug("item")),
    "revision": Field(Int(1, 1_000_000, description="Raise it whenever the advice or steps change; "
                                                    "people who answered the item are asked to look again.")),
    "title": Field(_text(MAX_TITLE, "What to do, as an instruction: 'Make your account private'.")),
    "why": Field(_text(MAX_TEXT, "The risk, in one or two plain sentences.")),
    "recommended": Field(_text(MAX_TITLE * 2, "The recommended value of the setting.")),
    "steps": Field(STEPS),
    "risk": Field(OneOf(RISKS, description="How much harm leaving this undone can do.")),
    "personas": Field(Array(OneOf(PERSONAS), min_items=1, max_items=3, unique=True,
                            description="Who the item is for; 'everyone' includes all personas.")),
    "persona_notes": Field(PERSONA_NOTES, required=False),
    "sources": Field(SOURCES),
    "last_verified": Field(_date("When a maintainer last checked the steps against the platform.")),
    "maintainer_note": Field(_text(MAX_TEXT, "For maintainers: what could not be confirmed, disagreements "
                                             "between sources. Not shown as advice."), required=False),
}, description="One thing to check or change.")

SECTION = Obj({
    "id": Field(_slug("section")),
    "title": Field(_text(MAX_TITLE, "The section heading.")),
    "description": Field(_text(MAX_TEXT, "An optional introduction to the section."), required=False),
    "items": Field(Array(ITEM, min_items=1, max_items=MAX_ITEMS)),
}, description="A group of related items.")

CHECKLIST = Obj({
    "$schema": Field(Str(max_len=500, description="Where editors find this schema."), required=False),
    "schema_version": Field(Const(SCHEMA_VERSION, description="The file format version.")),
    "id": Field(_slug("checklist")),
    "title": Field(_text(MAX_TITLE, "The platform or topic, e.g. 'TikTok'.")),
    "description": Field(_text(MAX_TEXT, "One or two sentences shown on the dashboard."), required=False),
    "version": Field(Int(1, 1_000_000_000, description="Content version; raise it on every published change.")),
    "last_verified": Field(_date("When the whole checklist was last checked.")),
    "review_interval_days": Field(Int(7, 730, description="How often people should review this platform.")),
    "sources": Field(SOURCES),
    "maintainer_note": Field(_text(MAX_TEXT, "For maintainers only."), required=False),
    "sections": Field(Array(SECTION, min_items=1, max_items=100)),
}, description="A Privacy Checkup checklist (format version 1).", extra_check=_item_count_check)


def json_schema() -> dict[str, Any]:
    """The JSON Schema published as checklists/checklist.schema.json."""
    schema = CHECKLIST.schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Privacy Checkup checklist", **schema}
