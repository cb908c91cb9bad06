"""The glossary: the one name the checklists use for each concept, its other names, and a plain explanation.

It lives beside the bundled checklists as `glossary.json`, in a format of its own
(`glossary.schema.json`). The app looks terms up in a setting's text (F1, Help > Glossary); a test
keeps the checklists to one name per concept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from privacy_checkup.core.checklist_format import MAX_TITLE, URL
from privacy_checkup.core.errors import InvalidFileError
from privacy_checkup.core.spec import (
    DATE_PATTERN,
    SLUG_PATTERN,
    Array,
    Bool,
    Const,
    Field,
    JsonPath,
    Obj,
    Problem,
    Str,
)

FILE_NAME = "glossary.json"
SCHEMA_FILE_NAME = "glossary.schema.json"
SCHEMA_ID = "https://privacy-checkup.invalid/schema/glossary-v1.json"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 8
MAX_TERMS = 500


class GlossaryError(InvalidFileError):
    """The glossary file cannot be used (the app then explains no terms; nothing else changes)."""


_SOURCE = Obj({
    "title": Field(Str(max_len=MAX_TITLE, description="What the source is.")),
    "url": Field(URL),
    "official": Field(Bool(description="True when the page is published by whoever runs the service."),
                      required=False),
}, description="Where the explanation comes from.")

TERM = Obj({
    "id": Field(Str(max_len=64, pattern=SLUG_PATTERN, pattern_message="must be a slug, like 'passkey'",
                    description="Stable id of the concept.")),
    "term": Field(Str(max_len=80, description="The one name the checklists use for it, e.g. '2-step verification'.")),
    "aliases": Field(Array(Str(max_len=80), min_items=0, max_items=30, unique=True,
                           description="Every other name people or platforms use for it, e.g. '2FA'. Checklist "
                                       "advice uses the term instead, except in quotation marks.")),
    "forms": Field(Array(Str(max_len=80), min_items=1, max_items=10, unique=True,
                         description="Other forms of the term itself, which advice may use, e.g. 'end-to-end "
                                     "encrypted' for 'end-to-end encryption'."), required=False),
    "explanation": Field(Str(max_len=600, description="One or two plain sentences, for someone who is not "
                                                      "technical.")),
    "sources": Field(Array(_SOURCE, min_items=1, max_items=5)),
}, description="One concept.")

def _one_concept_per_name(value: dict[str, Any], path: JsonPath, problems: list[Problem]) -> None:
    """A name may belong to one concept only; otherwise a look-up could not say which is meant."""
    terms = value.get("terms")
    if type(terms) is not list:
        return
    names: dict[str, str] = {}
    ids: set[str] = set()
    for index, term in enumerate(terms):
        if type(term) is not dict or type(term.get("id")) is not str:
            continue
        term_id = term["id"]
        if term_id in ids:
            problems.append(((*path, "terms", index, "id"), f"the term id {term_id!r} is used twice", False))
        ids.add(term_id)
        aliases: list[Any] = term["aliases"] if type(term.get("aliases")) is list else []
        forms: list[Any] = term["forms"] if type(term.get("forms")) is list else []
        named: list[tuple[JsonPath, Any]] = [(("term",), term.get("term"))]
        named += [(("forms", i), form) for i, form in enumerate(forms)]
        named += [(("aliases", i), alias) for i, alias in enumerate(aliases)]
        for where, name in named:
            if type(name) is not str:
                continue
            owner = names.setdefault(name.casefold(), term_id)
            if owner != term_id:
                problems.append(((*path, "terms", index, *where),
                                 f"the name {name!r} already belongs to the term {owner!r}", False))


GLOSSARY = Obj({
    "$schema": Field(Str(max_len=500, description="Where editors find this schema."), required=False),
    "schema_version": Field(Const(SCHEMA_VERSION, description="The glossary format version.")),
    "last_verified": Field(Str(max_len=10, min_len=10, pattern=DATE_PATTERN, is_date=True,
                               pattern_message="must be a date written YYYY-MM-DD",
                               description="When the explanations were last checked.")),
    "terms": Field(Array(TERM, min_items=1, max_items=MAX_TERMS)),
}, description="The Privacy Checkup glossary (format version 1).", extra_check=_one_concept_per_name)


def json_schema() -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Privacy Checkup glossary", **GLOSSARY.schema()}


class Term(NamedTuple):
    id: str
    term: str
    aliases: tuple[str, ...]
    explanation: str
    sources: tuple[tuple[str, str], ...]  # (title, url)
    forms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.forms, *self.aliases)

    def is_alias(self, written: str) -> bool:
        """Whether `written` (as found in a text, perhaps a plural) is one of the other names, not the term."""
        folded = written.casefold()
        own = {name.casefold() for name in (self.term, *self.forms)}
        return not any(candidate in own for candidate in (folded, folded.removesuffix("s"), folded.removesuffix("es")))


def _name_pattern(name: str) -> str:
    # Whole words only: "SIM" must not match inside "similar"; a plural ("data brokers") is the same
    # concept. Names may start or end with a digit or a symbol ("2FA", "Wi-Fi"), so the boundaries are
    # "not a letter, digit or hyphen" rather than \b.
    return rf"(?<![\w-]){re.escape(name)}(?:s|es)?(?![\w-])"


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    last_verified: dt.date

    @cached_property
    def _matcher(self) -> re.Pattern[str] | None:
        names = sorted({name for term in self.terms for name in term.names}, key=len, reverse=True)
        if not names:
            return None
        return re.compile("|".join(_name_pattern(name) for name in names), re.IGNORECASE)

    @cached_property
    def _by_name(self) -> dict[str, Term]:
        return {name.casefold(): term for term in self.terms for name in term.names}

    def term_named(self, name: str) -> Term | None:
        """The term `name` (or its plural) names, whichever of its names it is."""
        folded = name.casefold()
        for candidate in (folded, folded.removesuffix("s"), folded.removesuffix("es")):
            if candidate in self._by_name:
                return self._by_name[candidate]
        return None

    def names_in(self, text: str) -> list[tuple[str, Term]]:
        """Every glossary name in `text` as written there, with its term, in order."""
        matcher = self._matcher
        if matcher is None:
            return []
        found = []
        for match in matcher.finditer(text):
            term = self.term_named(match.group(0))
            if term is not None:
                found.append((match.group(0), term))
        return found

    def terms_in(self, texts: Iterable[str]) -> list[Term]:
        """The terms `texts` use, under any of their names, in the order they first appear."""
        found: dict[str, Term] = {}
        for text in texts:
            for _, term in self.names_in(text):
                found.setdefault(term.id, term)
        return list(found.values())

    def search(self, query: str) -> list[Term]:
        """Terms whose names or explanation contain `query` (case-insensitive), names first."""
        wanted = query.strip().casefold()
        if not wanted:
            return sorted(self.terms, key=lambda t: t.term.casefold())
        by_name = [t for t in self.terms if any(wanted in n.casefold() for n in t.names)]
        by_text = [t for t in self.terms if t not in by_name and wanted in t.explanation.casefold()]
        return sorted(by_name, key=lambda t: t.term.casefold()) + by_text


EMPTY = Glossary((), dt.date(1970, 1, 1))


def build_glossary(raw: dict[str, Any]) -> Glossary:
    return Glossary(
        tuple(Term(t["id"], t["term"], tuple(t["aliases"]), t["explanation"],
                   tuple((s["title"], s["url"]) for s in t["sources"]), tuple(t.get("forms", ())))
              for t in raw["terms"]),
        dt.date.fromisoformat(raw["last_verified"]))


def load_glossary(path: Path) -> Glossary:
    """The glossary at `path`; raises GlossaryError naming every problem with its position."""
    from privacy_checkup.core.documents import read_json_document

    return build_glossary(read_json_document(path, GLOSSARY, MAX_FILE_BYTES, MAX_DEPTH, GlossaryError))
