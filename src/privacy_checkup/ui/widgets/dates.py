"""Dates as a person reads them, in their own locale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def format_date(value: dt.date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def relative_days(days: int) -> str:
    """"in 3 days", "tomorrow", "today", "yesterday", "12 days ago"."""
    tr = QCoreApplication.translate
    if days == 0:
        return tr("dates", "today")
    if days == 1:
        return tr("dates", "tomorrow")
    if days == -1:
        return tr("dates", "yesterday")
    if days > 0:
        return tr("dates", "in %1 days").replace("%1", str(days))
    return tr("dates", "%1 days ago").replace("%1", str(-days))
