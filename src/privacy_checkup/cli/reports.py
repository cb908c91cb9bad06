"""The `status` and `report` commands: what scripts and offices read."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from privacy_checkup import __version__
from privacy_checkup.cli.exit_codes import ExitCode
from privacy_checkup.core.attestation import to_csv, to_json
from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.model import Persona
from privacy_checkup.core.status_report import needs_attention, status_rows
from privacy_checkup.session.overview import Overview, ReviewRules, overview, report_data
from privacy_checkup.storage import paths
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.storage.sqlite_errors import translated

STATE_WORDS = {"never_reviewed": "never reviewed", "in_progress": "in progress", "up_to_date": "up to date",
               "due_soon": "due soon", "overdue": "OVERDUE"}


def _overview(catalog: Catalog, now: dt.datetime, rules: ReviewRules | None = None) -> Overview | None:
    """None when the person has never opened the app (status must not create a store)."""
    store_path = paths.store_path()
    if not store_path.exists():
        return None
    with ProgressStore.open(store_path) as store:
        return overview(store, catalog, now, None, rules)  # None: the machine's local time


def cmd_status(catalog: Catalog, as_json: bool, now: dt.datetime | None = None,
               rules: ReviewRules | None = None) -> int:
    now = now or dt.datetime.now(dt.UTC)
    view = _overview(catalog, now, rules)
    entries = view.entries if view else ()
    rows = status_rows(entries)
    code = ExitCode.ATTENTION if needs_attention(status for _, status in entries) else ExitCode.OK
    if as_json:
        print(json.dumps({"generated_at": now.isoformat(), "overdue": code == ExitCode.ATTENTION, "checklists": rows,
                          "missing_checklists": list(view.missing) if view else []}, indent=2))
        return code
    if not rows:
        print("No platforms chosen yet: open Privacy Checkup to start your checkup.")
    for row in rows:
        due = "not reviewed yet" if not row["next_due"] else (
            f"was due {row['next_due']}" if row["state"] == "overdue" else f"next due {row['next_due']}")
        extras = []
        if row["changed_items"]:
            extras.append(f"{row['changed_items']} changed since your last review")
        if row["stale"]:
            extras.append("may be out of date")
        extra = f" ({'; '.join(extras)})" if extras else ""
        print(f"{row['title']:<32} {STATE_WORDS[row['state']]:<15} {row['answered']}/{row['total']} answered, "
              f"{due}{extra}")
    for missing in view.missing if view else ():
        print(f"{missing}: this checklist is no longer installed", file=sys.stderr)
    return code


def cmd_report(catalog: Catalog, output_format: str, output: Path, now: dt.datetime | None = None,
               rules: ReviewRules | None = None) -> int:
    """Write the report. There is deliberately no option to include notes: only the app can, after asking."""
    now = now or dt.datetime.now(dt.UTC)
    view = _overview(catalog, now, rules)
    if view is None:
        view = Overview(persona=Persona.EVERYONE, entries=(), answers={}, missing=())
    data = report_data(view, now.astimezone(), __version__)
    if output_format == "json":
        payload = to_json(data).encode("utf-8")
    elif output_format == "csv":
        payload = to_csv(data).encode("utf-8")
    else:
        from privacy_checkup.ui.actions.report_pdf import render_pdf_headless  # Qt only for the PDF

        payload = render_pdf_headless(data)
    output = output.expanduser().absolute()
    with translated(output):  # a full or failing disk is a message, and the previous report stays as it was
        atomic_write(output, payload, mode=0o600)
    print(f"Wrote the {output_format.upper()} report to {output}", file=sys.stderr)
    return ExitCode.OK
