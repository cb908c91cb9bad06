"""How the app says where a person stands: the one place for the words of review states, counts and
answers (the card, the checkup, the summary, the PDF and the tray all use these; errors are ui/messages.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from privacy_checkup.core.review import ChecklistStatus, Counts, ItemState
from privacy_checkup.core.schedule import DueState
from privacy_checkup.ui.widgets.dates import format_date, relative_days


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("status_words", text, "", n)


def settings_count(number: int) -> str:
    return _tr("1 setting") if number == 1 else _tr("%1 settings").replace("%1", str(number))


def duration(minutes: int) -> str:
    """"about 25 minutes", "about 1 hour 35 minutes"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _tr("about 1 minute") if rest == 1 else _tr("about %1 minutes").replace("%1", str(rest))
    hour_text = _tr("1 hour") if hours == 1 else _tr("%1 hours").replace("%1", str(hours))
    if not rest:
        return _tr("about %1").replace("%1", hour_text)
    minute_text = _tr("1 minute") if rest == 1 else _tr("%1 minutes").replace("%1", str(rest))
    return _tr("about %1 %2").replace("%1", hour_text).replace("%2", minute_text)


def state_text(status: ChecklistStatus) -> str:
    """The badge: short, and never green-sounding for what is not settled."""
    days = status.days_until_due
    state = status.state
    if state is DueState.OVERDUE and days is not None:
        if status.first_review:
            return _tr("Unfinished, overdue") if status.started else _tr("Not started, overdue")
        return (_tr("Overdue by %1 days").replace("%1", str(-days)) if days < -1
                else _tr("Overdue by 1 day") if days == -1 else _tr("Due today"))
    if state is DueState.INCOMPLETE:
        return _tr("%1 still open").replace("%1", settings_count(status.counts.open))
    if state is DueState.NEVER_REVIEWED:
        return _tr("Not started")
    if state is DueState.DUE_SOON:
        return _tr("Due %1").replace("%1", relative_days(days or 0))
    return {DueState.IN_PROGRESS: _tr("In progress"), DueState.UP_TO_DATE: _tr("Up to date"),
            DueState.OVERDUE: _tr("Overdue")}[state]


def counts_text(counts: Counts) -> str:
    """"12 done · 2 not applicable · 5 skipped · 6 to do": each part counts what it says."""
    parts = [_tr("%1 done").replace("%1", str(counts.done))]
    if counts.not_applicable:
        parts.append(_tr("%1 not applicable").replace("%1", str(counts.not_applicable)))
    if counts.skipped:
        parts.append(_tr("%1 skipped").replace("%1", str(counts.skipped)))
    if counts.changed:
        parts.append(_tr("%1 changed").replace("%1", str(counts.changed)))
    if counts.unanswered:
        parts.append(_tr("%1 to do").replace("%1", str(counts.unanswered)))
    return " \u00b7 ".join(parts)


def due_label(status: ChecklistStatus) -> str:
    """What the date under "Next review due" means."""
    if status.first_review:
        return _tr("Finish by") if status.started else _tr("Start by")
    if status.state is DueState.INCOMPLETE or (status.state is DueState.OVERDUE and status.counts.open):
        return _tr("Open settings due")
    return _tr("Next review due")


def due_text(status: ChecklistStatus) -> str:
    return format_date(status.next_due) if status.next_due else _tr("After your first review")


def names_list(names: list[str]) -> str:
    """"TikTok", "TikTok and X", "TikTok, X and Threads"."""
    if len(names) < 2:
        return "".join(names)
    return _tr("%1 and %2").replace("%1", ", ".join(names[:-1])).replace("%2", names[-1])


def overdue_sentence(reviews: list[str], first_reviews: list[str]) -> str:
    """The dashboard's overdue banner: a platform looked at before is due for another look; one never
    finished is overdue for its first review, and nothing has been "looked at since"."""
    parts = []
    if reviews:
        parts.append(_tr("%1 is overdue for a review: its settings may have changed since you last looked.").replace(
            "%1", reviews[0]) if len(reviews) == 1 else _tr(
            "%1 are overdue for a review: their settings may have changed since you last looked.").replace(
            "%1", names_list(reviews)))
    if first_reviews:
        parts.append(_tr("%1 has not had its first checkup yet, and it was due.").replace(
            "%1", first_reviews[0]) if len(first_reviews) == 1 else _tr(
            "%1 have not had their first checkup yet, and it was due.").replace("%1", names_list(first_reviews)))
    return " ".join(parts)


def answer_text(state: ItemState | str) -> str:
    return {ItemState.DONE: _tr("Done"), ItemState.SKIPPED: _tr("Skipped for now"),
            ItemState.NOT_APPLICABLE: _tr("Not applicable to me"), ItemState.UNANSWERED: _tr("Not answered"),
            ItemState.CHANGED: _tr("Changed since you answered")}[ItemState(state)]


def open_settings_action(number: int) -> str:
    return _tr("Do the open setting") if number == 1 else _tr("Do the %1 open settings").replace("%1", str(number))
