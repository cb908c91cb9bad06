"""The checklist model: immutable values built only by the loader.

They are NamedTuples rather than dataclasses: a frozen dataclass costs ~0.7 ms to define (it compiles
its methods at import), and these are defined on every start-up (bench/startup.py)."""

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple


class Surface(StrEnum):
    """Where a person changes a setting."""

    IOS = "ios"
    ANDROID = "android"
    WEB = "web"

    @property
    def label(self) -> str:
        return {"ios": "iPhone / iPad app", "android": "Android app", "web": "Web / desktop"}[self.value]


class Persona(StrEnum):
    EVERYONE = "everyone"
    HIGH_PROFILE = "high_profile"
    OFFICE_STAFF = "office_staff"


class Risk(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 0, "medium": 1, "low": 2}[self.value]


class Source(NamedTuple):
    title: str
    url: str


class Item(NamedTuple):
    id: str
    revision: int
    title: str
    why: str
    recommended: str
    steps: dict[Surface, tuple[str, ...]]
    risk: Risk
    personas: frozenset[Persona]
    sources: tuple[Source, ...]
    last_verified: dt.date
    persona_notes: Mapping[Persona, str] = MappingProxyType({})
    maintainer_note: str = ""

    def __hash__(self) -> int:
        return hash((self.id, self.revision))

    def applies_to(self, persona: Persona) -> bool:
        return Persona.EVERYONE in self.personas or persona in self.personas

    def steps_for(self, surface: Surface) -> tuple[str, ...]:
        """The steps for `surface`, or for the first surface the item has."""
        if surface in self.steps:
            return self.steps[surface]
        return next(iter(self.steps.values()))


class Section(NamedTuple):
    id: str
    title: str
    items: tuple[Item, ...]
    description: str = ""


class Checklist(NamedTuple):
    id: str
    title: str
    version: int
    last_verified: dt.date
    review_interval_days: int
    sources: tuple[Source, ...]
    sections: tuple[Section, ...]
    description: str = ""
    maintainer_note: str = ""
    schema_version: int = 1

    def __hash__(self) -> int:
        return hash((self.id, self.version))

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item | None:
        for section in self.sections:
            for item in section.items:
                if item.id == item_id:
                    return item
        return None

    def items_for(self, persona: Persona) -> tuple[Item, ...]:
        """Items that apply to `persona`; high-profile people see the riskiest first."""
        chosen = [item for item in self.items if item.applies_to(persona)]
        if persona is Persona.HIGH_PROFILE:
            chosen.sort(key=lambda item: item.risk.rank)  # stable: keeps section order within a risk level
        return tuple(chosen)
