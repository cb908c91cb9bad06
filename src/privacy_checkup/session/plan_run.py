"""The "Start here" run: the essential settings across the person's platforms, in the plan's order, as one
run through the wizard. Each answer goes to its own platform, as usual: into the platform's open review, or,
after a finished one, topping it up. Nothing is finished by the plan: each platform goes on from where it is.
"""

from __future__ import annotations

from privacy_checkup.core.model import Checklist, Item, Section
from privacy_checkup.core.review import Counts, ItemState, count
from privacy_checkup.session.app_state import AppState
from privacy_checkup.session.checkup_flow import CheckupFlow, RunKind
from privacy_checkup.session.plan import build_plan
from privacy_checkup.storage.progress import Answer, AnswerState


class PlanRun:
    """The plan's essentials, each backed by its platform's run (CheckupFlow)."""

    kind = RunKind.PLAN

    def __init__(self, state: AppState) -> None:
        self.state = state
        self.persona = state.store.profile().persona
        plan = build_plan(state.overview())
        wanted: dict[str, list[str]] = {}
        for entry in plan.entries:
            wanted.setdefault(entry.checklist.id, []).append(entry.item.id)
        self.flows: dict[str, CheckupFlow] = {}
        for checklist_id, item_ids in wanted.items():
            checklist = state.catalog.get(checklist_id)
            assert checklist is not None  # the plan is made of the catalog's checklists
            finished = state.store.last_completed_review(checklist_id) is not None
            kind = RunKind.OPEN_SETTINGS if finished else RunKind.REVIEW
            self.flows[checklist_id] = CheckupFlow(state, checklist, item_ids, kind)
        # (platform's run, position in it), in the plan's order
        self.entries: list[tuple[CheckupFlow, int]] = []
        for entry in plan.entries:
            flow = self.flows[entry.checklist.id]
            self.entries.append((flow, next(i for i, item in enumerate(flow.items) if item.id == entry.item.id)))

    title = "Start here: your essentials"  # the wizard shows its own words for it

    def __len__(self) -> int:
        return len(self.entries)

    def item(self, index: int) -> Item:
        flow, position = self.entries[index]
        return flow.item(position)

    def checklist(self, index: int) -> Checklist:
        flow, position = self.entries[index]
        return flow.checklist(position)

    def section(self, index: int) -> Section:
        flow, position = self.entries[index]
        return flow.section(position)

    def item_state(self, index: int) -> ItemState:
        flow, position = self.entries[index]
        return flow.item_state(position)

    def current_answer(self, index: int) -> Answer | None:
        flow, position = self.entries[index]
        return flow.current_answer(position)

    def previous_answer(self, index: int) -> Answer | None:
        flow, position = self.entries[index]
        return flow.previous_answer(position)

    def answer(self, index: int, answer: AnswerState) -> None:
        flow, position = self.entries[index]
        flow.answer(position, answer)

    def clear(self, index: int) -> None:
        flow, position = self.entries[index]
        flow.clear(position)

    def counts(self) -> Counts:
        return count({str(i): self.item_state(i) for i in range(len(self.entries))})

    def first_unanswered(self) -> int:
        """The first essential not settled: the plan is about getting each one done (or ruled out)."""
        return next((i for i in range(len(self.entries)) if not self.item_state(i).settled), len(self.entries))

    def open_indices(self) -> list[int]:
        return [i for i in range(len(self.entries)) if not self.item_state(i).settled]  # already in risk order

    @property
    def is_open(self) -> bool:
        return False  # each platform's review goes on as it is; the plan has nothing to finish

    def finish(self) -> None:
        """Nothing to finish: the answers are saved to their platforms."""
