"""Each chosen checklist's status and the report data, read from the store and the catalog."""

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.schedule import DEFAULT_MAX_CONTENT_AGE_DAYS, ChecklistStatus, Zone, checklist_status
from privacy_checkup.storage.progress import Answer, ProgressStore

if TYPE_CHECKING:
    from privacy_checkup.core.report_data import ReportData


class ReviewRules(NamedTuple):
    """What an office policy can change about reviews (the defaults when there is none)."""

    interval_overrides: Mapping[str, int] = MappingProxyType({})
    max_content_age_days: int = DEFAULT_MAX_CONTENT_AGE_DAYS


class Overview(NamedTuple):
    persona: Persona
    entries: tuple[tuple[Checklist, ChecklistStatus], ...]
    answers: Mapping[str, Mapping[str, Answer]]
    missing: tuple[str, ...]  # chosen platforms whose checklist is no longer in the catalog


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
        summary = summaries.get(checklist_id)
        given = store.latest_answers(checklist_id)
        answers[checklist_id] = given
        last = summary.last_completed if summary else None
        open_review = summary.open_review if summary else None
        status = checklist_status(
            checklist, profile.persona,
            last_completed=None if last is None or last.completed_at is None else last.completed_at,
            open_review_started=None if open_review is None else open_review.started_at,
            answers=given, now=now, tz=tz, interval_days=rules.interval_overrides.get(checklist_id),
            max_content_age_days=rules.max_content_age_days)
        entries.append((checklist, status))
    return Overview(profile.persona, tuple(entries), answers, tuple(missing))


def report_data(view: Overview, generated_at: datetime, app_version: str,
                notes: Mapping[tuple[str, str], str] | None = None) -> "ReportData":
    from privacy_checkup.core.report_data import build_report  # reports only: not on the dashboard's path

    return build_report(view.entries, view.persona, view.answers, generated_at, app_version, notes)
