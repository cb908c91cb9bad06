"""The checklist file format, versions 1 and 2, as one declarative description per version.

Version 2 adds what a short plan and honest dates need: each item's priority, minutes and how its
steps were checked; which sources are the platform's own and which devices they cover; the
platform's help pages for emergencies; and where reports of a wrong step go. Version 1 files keep
loading (the loader fills the new fields as docs/checklists.md says).
"""

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
    Bool,
    ByVersion,
    Const,
    Field,
    Int,
    JsonPath,
    Obj,
    OneOf,
    Problem,
    Str,
)

SCHEMA_VERSIONS = (1, 2)
SCHEMA_VERSION = SCHEMA_VERSIONS[-1]  # what new files are written in
SCHEMA_FILE_NAME = "checklist.schema.json"
SCHEMA_ID = "https://privacy-checkup.invalid/schema/checklist.json"

SURFACES = ("ios", "android", "web")
PERSONAS_V1 = ("everyone", "high_profile", "office_staff")
PERSONAS = (*PERSONAS_V1, "manager")
RISKS = ("high", "medium", "low")
PRIORITIES = ("essential", "recommended", "extra")
VERIFICATIONS = ("help_centre", "device", "guides")
HELP_LINK_KINDS = ("hacked", "report_abuse", "impersonation", "threats", "security_checkup",
                   "public_figure_programme")
MAX_MINUTES = 120
CONTACT_PATTERN = r"^(https://[^\s/?#]+\.[^\s/?#]+([/?#][^\s]*)?|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$"


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


URL = Str(max_len=2000, pattern=HTTPS_PATTERN, pattern_message="must be an https:// link",
          description="An https:// link to the source.")


def _source(version: int) -> Obj:
    fields = {
        "title": Field(_text(MAX_TITLE, "What the source is, e.g. 'TikTok Help Center: Account privacy'.")),
        "url": Field(URL),
    }
    if version >= 2:
        fields["official"] = Field(Bool(description="True when the page is published by whoever runs the setting "
                                                    "or service: the platform itself, Apple or Google for phone "
                                                    "settings, the organisation that runs a register."),
                                   required=False)
        fields["surfaces"] = Field(Array(OneOf(SURFACES), min_items=1, max_items=3, unique=True,
                                         description="The devices whose steps this page covers; without it, "
                                                     "every device."), required=False)
    return Obj(fields, description="Where the advice comes from.")


def _sources(version: int) -> Array:
    return Array(_source(version), min_items=1, max_items=20,
                 description="At least one source; prefer the platform's own help.")


STEP_LIST = Array(Str(max_len=1000, description="One step, as the platform names its menus today."),
                  min_items=1, max_items=30)

STEPS = Obj({surface: Field(STEP_LIST, required=False) for surface in SURFACES}, min_properties=1,
            description="Steps per surface: ios (iPhone/iPad app), android (Android app), web (web or desktop).")


def _persona_notes(personas: tuple[str, ...]) -> Obj:
    return Obj({persona: Field(_text(MAX_TEXT, f"Advice that differs for the {persona} persona."), required=False)
                for persona in personas},
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


def _device_check_names_the_device(value: dict[str, Any], path: JsonPath, problems: list[Problem]) -> None:
    # The published schema says the same with if/then (the item's extra_schema).
    if value.get("verified_by") == "device" and "verified_on" not in value:
        problems.append((path, "missing required field 'verified_on': say which app version and device the "
                               "steps were followed on", False))


def _item(version: int) -> Obj:
    fields = {
        "id": Field(_slug("item")),
        "revision": Field(Int(1, 1_000_000, description="Raise it whenever the advice or steps change; "
                                                        "people who answered the item are asked to look again.")),
        "title": Field(_text(MAX_TITLE, "What to do, as an instruction: 'Make your account private'.")),
        "why": Field(_text(MAX_TEXT, "The risk, in one or two plain sentences.")),
        "recommended": Field(_text(MAX_TITLE * 2, "The recommended value of the setting.")),
        "steps": Field(STEPS),
        "risk": Field(OneOf(RISKS, description="How much harm leaving this undone can do.")),
        "personas": Field(Array(OneOf(PERSONAS if version >= 2 else PERSONAS_V1), min_items=1, max_items=4,
                                unique=True, description="Who the item is for; 'everyone' includes all personas.")),
        "persona_notes": Field(_persona_notes(PERSONAS if version >= 2 else PERSONAS_V1), required=False),
        "sources": Field(_sources(version)),
        "last_verified": Field(_date("When a maintainer last checked the steps.")),
        "maintainer_note": Field(_text(MAX_TEXT, "For maintainers: what could not be confirmed, disagreements "
                                                 "between sources. Not shown as advice."), required=False),
    }
    if version < 2:
        return Obj(fields, description="One thing to check or change.")
    fields |= {
        "priority": Field(OneOf(PRIORITIES, description="essential: what a person does first; recommended: part "
                                                        "of a full checkup; extra: worth doing when there is time.")),
        "minutes": Field(Int(1, MAX_MINUTES, description="An honest estimate of the minutes it takes on the device, "
                                                         "for someone doing it for the first time.")),
        "verified_by": Field(OneOf(VERIFICATIONS, description="How the steps were checked: help_centre (against the "
                                                              "platform's own help pages), device (followed on a "
                                                              "device: say which in verified_on), guides "
                                                              "(third-party guides only).")),
        "verified_on": Field(_text(MAX_TITLE, "The app version and device the steps were followed on, e.g. "
                                              "'TikTok 37.4 on iPhone, iOS 18.5'."), required=False),
        "no_official_page": Field(_text(MAX_TEXT, "Why no source is the platform's own page: what was searched, "
                                                  "and when."), required=False),
    }
    return Obj(fields, description="One thing to check or change.", extra_check=_device_check_names_the_device,
               extra_schema={"if": {"properties": {"verified_by": {"const": "device"}}, "required": ["verified_by"]},
                             "then": {"required": ["verified_on"]}})


def _section(version: int) -> Obj:
    return Obj({
        "id": Field(_slug("section")),
        "title": Field(_text(MAX_TITLE, "The section heading.")),
        "description": Field(_text(MAX_TEXT, "An optional introduction to the section."), required=False),
        "items": Field(Array(_item(version), min_items=1, max_items=MAX_ITEMS)),
    }, description="A group of related items.")


HELP_LINK = Obj({
    "kind": Field(OneOf(HELP_LINK_KINDS, description="hacked: recovering a hacked account; report_abuse: "
                                                     "reporting a post or account; impersonation: reporting a fake "
                                                     "account of you; threats: threats and harassment; "
                                                     "security_checkup: the platform's own security checkup; "
                                                     "public_figure_programme: protection for public figures.")),
    "title": Field(_text(MAX_TITLE, "What the page is, e.g. 'TikTok: My account has been hacked'.")),
    "url": Field(URL),
}, description="One of the platform's own help pages for when something goes wrong.")


def _checklist(version: int) -> Obj:
    fields = {
        "$schema": Field(Str(max_len=500, description="Where editors find this schema."), required=False),
        "schema_version": Field(Const(version, description="The file format version.")),
        "id": Field(_slug("checklist")),
        "title": Field(_text(MAX_TITLE, "The platform or topic, e.g. 'TikTok'.")),
        "description": Field(_text(MAX_TEXT, "One or two sentences shown on the dashboard."), required=False),
        "version": Field(Int(1, 1_000_000_000, description="Content version; raise it on every published change.")),
        "last_verified": Field(_date("When the whole checklist was last checked.")),
        "review_interval_days": Field(Int(7, 730, description="How often people should review this platform.")),
        "sources": Field(_sources(version)),
        "maintainer_note": Field(_text(MAX_TEXT, "For maintainers only."), required=False),
        "sections": Field(Array(_section(version), min_items=1, max_items=100)),
    }
    if version >= 2:
        fields["maintainer_contact"] = Field(Str(
            max_len=500, pattern=CONTACT_PATTERN, pattern_message="must be a mailto: address or an https:// link",
            description="Where people send 'This step is wrong' reports: a mailto: address or an https:// page."),
            required=False)
        fields["help_links"] = Field(Array(HELP_LINK, min_items=1, max_items=20,
                                           description="The platform's own pages for a hacked account, reports, "
                                                       "impersonation and threats."), required=False)
    return Obj(fields, description=f"A Privacy Checkup checklist (format version {version}).",
               extra_check=_item_count_check)


CHECKLIST_V1 = _checklist(1)
CHECKLIST_V2 = _checklist(2)
CHECKLIST = ByVersion("schema_version", {1: CHECKLIST_V1, 2: CHECKLIST_V2})
# The newest version's parts, which are a superset of the older ones'.
ITEM = _item(SCHEMA_VERSION)
SECTION = _section(SCHEMA_VERSION)
SOURCE = _source(SCHEMA_VERSION)


def json_schema() -> dict[str, Any]:
    """The JSON Schema published as checklists/checklist.schema.json."""
    schema = CHECKLIST.schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Privacy Checkup checklist", **schema}
