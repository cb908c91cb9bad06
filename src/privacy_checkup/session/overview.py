"""Each chosen platform's status and the report data, read from the store and the catalog."""

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.review import ChecklistStatus, ReviewHistory, ReviewRules, review_status
from privacy_checkup.core.schedule import Zone
from privacy_checkup.storage.progress import Answer, ChecklistSummary, ProgressStore

if TYPE_CHECKING:
    from privacy_checkup.core.report_data import ReportData

__all__ = ["Overview", "ReviewRules", "history_of", "overview", "report_data"]


class Overview(NamedTuple):
    persona: Persona
    entries: tuple[tuple[Checklist, ChecklistStatus], ...]
    answers: Mapping[str, Mapping[str, Answer]]
    missing: tuple[str, ...]  # chosen platforms whose checklist is no longer in the catalog


def history_of(summary: ChecklistSummary | None, chosen_at: datetime | None) -> ReviewHistory:
    last = summary.last_completed if summary else None
    open_review = summary.open_review if summary else None
    return ReviewHistory(
        chosen_at=chosen_at,
        last_completed=None if last is None else last.completed_at,
        last_version=None if last is None else last.checklist_version,
        open_review_started=None if open_review is None else open_review.started_at,
        current_review=open_review.id if open_review is not None else None if last is None else last.id)


def overview(store: ProgressStore, catalog: Catalog, now: datetime, tz: Zone,
             rules: ReviewRules | None = None) -> Overview:
    """The status of every platform the person chose, in their order."""
    rules = rules or ReviewRules()
    profile = store.profile()
    summaries = store.summaries()
    entries = []
    answers: dict[str, Mapping[str, Answer]] = {}
    missing = []
    for checklist_id in profile.platforms:
        checklist = catalog.get(checklist_id)
        if checklist is None:
            missing.append(checklist_id)
            continue
        given = store.latest_answers(checklist_id)
        answers[checklist_id] = given
        history = history_of(summaries.get(checklist_id), profile.chosen_at.get(checklist_id))
        entries.append((checklist, review_status(checklist, profile.persona, history, given, now, tz, rules)))
    return Overview(profile.persona, tuple(entries), answers, tuple(missing))


def report_data(view: Overview, generated_at: datetime, app_version: str,
                notes: Mapping[tuple[str, str], str] | None = None) -> "ReportData":
    from privacy_checkup.core.report_data import build_report  # reports only: not on the dashboard's path

    return build_report(view.entries, view.persona, view.answers, generated_at, app_version, notes)
