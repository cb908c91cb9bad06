"""A stand-in for the progress store's answers, and helpers to load the test checklists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from privacy_checkup.core.loader import load_checklist
from privacy_checkup.core.model import Checklist, Persona

CHECKLIST_DATA = Path(__file__).resolve().parent.parent / "data" / "checklists"
ANSWERED_AT = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class RecordedAnswer:
    """Shaped like `storage.progress.Answer` as far as the schedule cares."""

    item_revision: int
    state: str = "done"
    answered_at: datetime = ANSWERED_AT
    review_id: int = 1


def load_test_checklist(relative_path: str) -> Checklist:
    return load_checklist(CHECKLIST_DATA / relative_path)


def answer_everything(checklist: Checklist, persona: Persona, state: str = "done") -> dict[str, RecordedAnswer]:
    """Answers for every item that applies to `persona`, each at its current revision."""
    return {item.id: RecordedAnswer(item.revision, state) for item in checklist.items_for(persona)}
