"""The emergency guide: short ordered actions and who to contact when an account is taken over or a
person is being targeted right now.

It lives beside the bundled checklists as `emergency.json`, in a format of its own
(`emergency.schema.json`), researched, sourced and dated like a checklist. The office's help contact
(from its policy) and each platform's own help pages (its checklist's `help_links`) are added by the
app when it shows a situation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

from privacy_checkup.core.checklist_format import CONTACT_PATTERN, MAX_TITLE, URL
from privacy_checkup.core.errors import InvalidFileError
from privacy_checkup.core.spec import DATE_PATTERN, SLUG_PATTERN, Array, Bool, Const, Field, Obj, OneOf, Str

FILE_NAME = "emergency.json"
SCHEMA_FILE_NAME = "emergency.schema.json"
SCHEMA_ID = "https://privacy-checkup.invalid/schema/emergency-v1.json"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 8
AUDIENCES = ("everyone", "uk", "uk_parliament")


class EmergencyGuideError(InvalidFileError):
    """The emergency guide cannot be used; the app then shows only the office's and platforms' contacts."""


def _slug(what: str) -> Str:
    return Str(max_len=64, pattern=SLUG_PATTERN, pattern_message="must be a slug, like 'secure-email-first'",
               description=f"Stable id of the {what}.")


_SOURCES = Array(Obj({
    "title": Field(Str(max_len=MAX_TITLE, description="What the source is.")),
    "url": Field(URL),
    "official": Field(Bool(description="True when the page is published by whoever runs the service."),
                      required=False),
}, description="Where the advice comes from."), min_items=1, max_items=10)

ACTION = Obj({
    "id": Field(_slug("action")),
    "title": Field(Str(max_len=MAX_TITLE, description="What to do, as an instruction.")),
    "text": Field(Str(max_len=1200, description="How, in a few plain sentences.")),
    "sources": Field(_SOURCES),
}, description="One action, in the order a person should take them.")

CONTACT = Obj({
    "id": Field(_slug("contact")),
    "name": Field(Str(max_len=MAX_TITLE, description="Who, e.g. 'Report Fraud'.")),
    "when": Field(Str(max_len=600, description="When to contact them.")),
    "how": Field(Str(max_len=600, description="How: a phone number and opening hours, as the official page "
                                              "gives them.")),
    "url": Field(Str(max_len=2000, pattern=CONTACT_PATTERN,
                     pattern_message="must be an https:// link or a mailto: address",
                     description="Their page or address."), required=False),
    "audience": Field(OneOf(AUDIENCES, description="everyone, people in the UK, or UK MPs and their staff.")),
    "sources": Field(_SOURCES),
}, description="Someone to contact.")

SITUATION = Obj({
    "id": Field(_slug("situation")),
    "title": Field(Str(max_len=MAX_TITLE, description="The situation, in the person's words.")),
    "summary": Field(Str(max_len=800, description="One or two sentences: what matters most now.")),
    "actions": Field(Array(ACTION, min_items=1, max_items=20)),
    "contacts": Field(Array(CONTACT, min_items=0, max_items=20)),
}, description="One emergency.")

GUIDE = Obj({
    "$schema": Field(Str(max_len=500, description="Where editors find this schema."), required=False),
    "schema_version": Field(Const(SCHEMA_VERSION, description="The emergency guide format version.")),
    "last_verified": Field(Str(max_len=10, min_len=10, pattern=DATE_PATTERN, is_date=True,
                               pattern_message="must be a date written YYYY-MM-DD",
                               description="When the actions and contacts were last checked.")),
    "situations": Field(Array(SITUATION, min_items=1, max_items=10)),
}, description="The Privacy Checkup emergency guide (format version 1).")


def json_schema() -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Privacy Checkup emergency guide", **GUIDE.schema()}


class Action(NamedTuple):
    id: str
    title: str
    text: str
    sources: tuple[tuple[str, str], ...]


class Contact(NamedTuple):
    id: str
    name: str
    when: str
    how: str
    url: str
    audience: str
    sources: tuple[tuple[str, str], ...] = ()


class Situation(NamedTuple):
    id: str
    title: str
    summary: str
    actions: tuple[Action, ...]
    contacts: tuple[Contact, ...]


class EmergencyGuide(NamedTuple):
    situations: tuple[Situation, ...]
    last_verified: dt.date

    def situation(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)


EMPTY = EmergencyGuide((), dt.date(1970, 1, 1))


def _sources(raw: list[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple((s["title"], s["url"]) for s in raw)


def build_guide(raw: dict[str, Any]) -> EmergencyGuide:
    return EmergencyGuide(tuple(
        Situation(s["id"], s["title"], s["summary"],
                  tuple(Action(a["id"], a["title"], a["text"], _sources(a["sources"])) for a in s["actions"]),
                  tuple(Contact(c["id"], c["name"], c["when"], c["how"], c.get("url", ""), c["audience"],
                                _sources(c["sources"])) for c in s["contacts"]))
        for s in raw["situations"]), dt.date.fromisoformat(raw["last_verified"]))


def load_guide(path: Path) -> EmergencyGuide:
    """The guide at `path`; raises EmergencyGuideError naming every problem with its position."""
    from privacy_checkup.core.documents import read_json_document

    return build_guide(read_json_document(path, GUIDE, MAX_FILE_BYTES, MAX_DEPTH, EmergencyGuideError))
