"""The one place the command line turns an error into words (the app's is ui/messages.py)."""

from __future__ import annotations

from privacy_checkup.core.errors import InvalidFileError, PrivacyCheckupError
from privacy_checkup.core.review import ChecklistStatus, Counts
from privacy_checkup.core.schedule import DueState
from privacy_checkup.session.plan import Plan


def error_lines(exc: PrivacyCheckupError) -> list[str]:
    """What to print on stderr when a command fails: the file problems in the compiler's form, one a line,
    or one line saying what went wrong."""
    from privacy_checkup.storage.instance_lock import AlreadyRunningError

    if isinstance(exc, InvalidFileError):
        return [str(diagnostic) for diagnostic in exc.diagnostics]
    if isinstance(exc, AlreadyRunningError):
        return [f"privacy-checkup: the app is open for {exc.folder}; close it first, then run this again"]
    return [f"privacy-checkup: {exc}"]


INTERRUPTED = "privacy-checkup: interrupted"


def duration(minutes: int) -> str:
    """"about 25 minutes", "about 1 hour 35 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'' if hours == 1 else 's'}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minute{'' if rest == 1 else 's'}")
    return "about " + " ".join(parts)


def plan_lines(plan: Plan) -> list[str]:
    if not plan.entries:
        return ["No essential settings: choose your platforms in Privacy Checkup first."]
    lines = ["Start here: your essentials",
             f"  {_settings(len(plan.entries))}, {duration(plan.minutes)}"
             + (f" ({plan.settled} done, {duration(plan.minutes_left)} left)" if plan.settled else "")]
    for number, entry in enumerate(plan.entries, start=1):
        mark = "done " if entry.state.settled else "     "
        lines.append(f"  {mark}{number:>2}. {entry.checklist.title}: {entry.item.title} "
                     f"({entry.item.risk.value} risk, {duration(entry.item.minutes)})")
    lines.append(f"Everything for your platforms: {_settings(plan.all_settings)}, {duration(plan.all_minutes)}.")
    if plan.estimated:
        lines.append("Some times are estimates from the number of steps.")
    return lines


def _settings(number: int) -> str:
    return f"{number} setting{'' if number == 1 else 's'}"


def counts_text(counts: Counts) -> str:
    """"12 done · 2 not applicable · 5 skipped · 6 to do": skipped is never counted as checked."""
    parts = [f"{counts.done} done"]
    if counts.not_applicable:
        parts.append(f"{counts.not_applicable} not applicable")
    if counts.skipped:
        parts.append(f"{counts.skipped} skipped")
    if counts.changed:
        parts.append(f"{counts.changed} changed since answered")
    if counts.unanswered:
        parts.append(f"{counts.unanswered} to do")
    return " \u00b7 ".join(parts)


def state_text(status: ChecklistStatus) -> str:
    state = status.state
    if state is DueState.OVERDUE:
        if status.first_review:
            return "OVERDUE (first review not finished)" if status.started else "OVERDUE (never started)"
        return (
            f"OVERDUE ({_settings(status.counts.open)} still open)" if status.counts.open else "OVERDUE")
    if state is DueState.INCOMPLETE:
        high = len(status.open_high_risk)
        return f"{_settings(status.counts.open)} still open" + (f", {high} high risk" if high else "")
    return {DueState.NEVER_REVIEWED: "not started", DueState.IN_PROGRESS: "in progress",
            DueState.UP_TO_DATE: "up to date", DueState.DUE_SOON: "due soon"}[state]


def due_text(status: ChecklistStatus) -> str:
    if status.next_due is None:
        return "no due date"
    day = status.next_due.isoformat()
    if status.state is DueState.OVERDUE:
        return f"was due {day}"
    if status.first_review:
        return f"first review due {day}"  # started or not: the review is finished by then
    return f"open settings due {day}" if status.state is DueState.INCOMPLETE else f"next due {day}"


def status_line(title: str, status: ChecklistStatus) -> str:
    extras = []
    if status.stale:
        extras.append("may be out of date")
    extra = f" ({'; '.join(extras)})" if extras else ""
    return f"{title:<28} {state_text(status)}: {counts_text(status.counts)}; {due_text(status)}{extra}"
