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


class Persona(StrEnum):
    EVERYONE = "everyone"
    HIGH_PROFILE = "high_profile"
    OFFICE_STAFF = "office_staff"
    MANAGER = "manager"  # runs a high-profile person's accounts: both office staff and for a high-profile person

    @property
    def covers(self) -> frozenset["Persona"]:
        """The personas whose items this one sees (besides everyone's)."""
        return _COVERS[self]

    @property
    def riskiest_first(self) -> bool:
        return self in (Persona.HIGH_PROFILE, Persona.MANAGER)


class Risk(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 0, "medium": 1, "low": 2}[self.value]


_COVERS = {persona: frozenset({persona}) for persona in Persona} | {
    Persona.MANAGER: frozenset({Persona.MANAGER, Persona.HIGH_PROFILE, Persona.OFFICE_STAFF})}


class Priority(StrEnum):
    """How soon a person should do an item: the plan ("Start here") is made of the essential ones."""

    ESSENTIAL = "essential"
    RECOMMENDED = "recommended"
    EXTRA = "extra"

    @property
    def rank(self) -> int:
        return {"essential": 0, "recommended": 1, "extra": 2}[self.value]


class Verification(StrEnum):
    """How an item's steps were checked."""

    HELP_CENTRE = "help_centre"  # against the platform's own help pages
    DEVICE = "device"            # followed on a device (Item.verified_on says which)
    GUIDES = "guides"            # third-party guides only
    UNKNOWN = "unknown"          # a version 1 file, which does not say


class Source(NamedTuple):
    title: str
    url: str
    official: bool = False
    surfaces: frozenset[Surface] = frozenset()  # the devices the page covers; empty: every device

    def covers(self, surface: Surface) -> bool:
        return not self.surfaces or surface in self.surfaces


class HelpLink(NamedTuple):
    """One of the platform's own pages for when something goes wrong (format v2's help_links)."""

    kind: str  # hacked, report_abuse, impersonation, threats, security_checkup, public_figure_programme
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
    priority: Priority = Priority.RECOMMENDED
    minutes: int = 2
    verified_by: Verification = Verification.UNKNOWN
    verified_on: str = ""
    no_official_page: str = ""
    minutes_given: bool = True  # False: a version 1 file gave none, and `minutes` was estimated from the steps

    def __hash__(self) -> int:
        return hash((self.id, self.revision))

    def applies_to(self, persona: Persona) -> bool:
        return Persona.EVERYONE in self.personas or not self.personas.isdisjoint(persona.covers)

    def persona_note(self, persona: Persona) -> tuple[Persona, str] | None:
        """The note for `persona`, or for a manager the high-profile person's note (about the account they
        manage); with the persona whose note it is."""
        for candidate in (persona, *((Persona.HIGH_PROFILE, Persona.OFFICE_STAFF) if persona is Persona.MANAGER
                                     else ())):
            if candidate in self.persona_notes:
                return candidate, self.persona_notes[candidate]
        return None

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
    maintainer_contact: str = ""
    help_links: tuple[HelpLink, ...] = ()

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
        if persona.riskiest_first:
            chosen.sort(key=lambda item: item.risk.rank)  # stable: keeps section order within a risk level
        return tuple(chosen)
