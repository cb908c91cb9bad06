"""The `status` and `report` commands: what scripts and offices read."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from privacy_checkup import __version__
from privacy_checkup.cli import words
from privacy_checkup.cli.exit_codes import ExitCode
from privacy_checkup.core.attestation import to_csv, to_json
from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.model import Persona
from privacy_checkup.core.status_report import status_document
from privacy_checkup.session.overview import Overview, ReviewRules, overview, report_data
from privacy_checkup.storage import paths
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.storage.sqlite_errors import translated


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
    document = status_document(entries, now, __version__, view.missing if view else ())
    code = ExitCode.ATTENTION if document["needs_attention"] else ExitCode.OK
    if as_json:
        print(json.dumps(document, indent=2))
        return code
    if not entries:
        print("No platforms chosen yet: open Privacy Checkup to start your checkup.")
    for checklist, status in entries:
        print(words.status_line(checklist.title, status))
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
