"""The person's "Start here" plan: the essential settings across their platforms, highest risk first, with
honest times; and what is left on each platform. No Qt: the dashboard, the plan run and `privacy-checkup
plan` all read it from here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from privacy_checkup.core.model import Checklist, Item, Persona, Priority
from privacy_checkup.core.review import ChecklistStatus, ItemState
from privacy_checkup.session.overview import Overview


class PlanEntry(NamedTuple):
    checklist: Checklist
    item: Item
    state: ItemState


class Plan(NamedTuple):
    entries: tuple[PlanEntry, ...]  # the essentials, highest risk first; within a risk, the person's order
    all_settings: int               # every setting of the person's platforms that applies to them
    all_minutes: int

    @property
    def open_entries(self) -> tuple[PlanEntry, ...]:
        return tuple(entry for entry in self.entries if not entry.state.settled)

    @property
    def minutes(self) -> int:
        return sum(entry.item.minutes for entry in self.entries)

    @property
    def minutes_left(self) -> int:
        return sum(entry.item.minutes for entry in self.open_entries)

    @property
    def settled(self) -> int:
        return len(self.entries) - len(self.open_entries)

    @property
    def estimated(self) -> bool:
        """Some times are estimates from the number of steps (an item of a version 1 checklist)."""
        return any(not entry.item.minutes_given for entry in self.entries)


def minutes_left(checklist: Checklist, status: ChecklistStatus) -> int:
    """The minutes the open settings of a platform take, by their own estimates."""
    return sum(item.minutes for item in checklist.items if item.id in status.item_states
               and not status.item_states[item.id].settled)


# Checklists about the person's security as a whole come first within a risk level: securing the main email
# account is what protects every other account, and the platforms' 2-step verification steps assume the
# authenticator app that account security sets up.
FOUNDATIONS = ("account-security", "phone-security")


def build_plan(view: Overview) -> Plan:
    entries = []
    all_settings = all_minutes = 0
    for checklist, status in view.entries:
        for item in checklist.items_for(view.persona):
            all_settings += 1
            all_minutes += item.minutes
            if item.priority is Priority.ESSENTIAL:
                entries.append(PlanEntry(checklist, item, status.item_states.get(item.id, ItemState.UNANSWERED)))
    # Stable: within a risk and a kind of checklist, the person's order of platforms and the wizard's of settings.
    entries.sort(key=lambda entry: (entry.item.risk.rank, entry.checklist.id not in FOUNDATIONS))
    return Plan(tuple(entries), all_settings, all_minutes)


def estimate(checklists: Sequence[Checklist], persona: Persona) -> Plan:
    """The plan the person would start with, for platforms not chosen yet (the end of the first run)."""
    view = Overview(persona, tuple((checklist, _nothing_answered(checklist)) for checklist in checklists), {}, ())
    return build_plan(view)


def _nothing_answered(checklist: Checklist) -> ChecklistStatus:
    from privacy_checkup.core.review import Counts
    from privacy_checkup.core.schedule import DueState

    return ChecklistStatus(checklist.id, DueState.NEVER_REVIEWED, None, None, None, Counts(), (), (), (), False, ())


def plan_document(plan: Plan, view: Overview) -> dict[str, Any]:
    """What `privacy-checkup plan --json` prints."""
    return {
        "format": "privacy-checkup-plan",
        "format_version": 1,
        "persona": view.persona.value,
        "essentials": {"settings": len(plan.entries), "minutes": plan.minutes, "settled": plan.settled,
                       "minutes_left": plan.minutes_left, "estimated": plan.estimated},
        "everything": {"settings": plan.all_settings, "minutes": plan.all_minutes},
        "steps": [{"checklist_id": e.checklist.id, "checklist": e.checklist.title, "item_id": e.item.id,
                   "title": e.item.title, "risk": e.item.risk.value, "minutes": e.item.minutes,
                   "state": e.state.value} for e in plan.entries],
        "platforms": [{"id": checklist.id, "title": checklist.title, "settings_left": status.counts.open,
                       "minutes_left": minutes_left(checklist, status)} for checklist, status in view.entries],
    }
