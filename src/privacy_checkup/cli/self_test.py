"""`privacy-checkup --self-test`: the installed or packaged app checks that it can work here."""

from __future__ import annotations

import datetime as dt
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from privacy_checkup import __version__
from privacy_checkup.core.loader import checklist_files, load_files
from privacy_checkup.storage import paths


def _checklists() -> str:
    folder = paths.bundled_checklists_dir()
    result = load_files(checklist_files(folder))
    if result.errors:
        raise RuntimeError("; ".join(str(e) for e in result.errors))
    if not result.checklists:
        raise RuntimeError(f"no checklists found in {folder}")
    return f"{len(result.checklists)} bundled checklists valid in {folder}"


def _office() -> str:
    from privacy_checkup.session.app_catalog import load_app_catalog

    app = load_app_catalog()
    problems = [str(e) for e in app.policy_result.errors] + [str(e) for e in app.catalog.rejected_packs]
    problems += [f"required checklist {cid!r} is in no layer" for cid in app.built.missing_required]
    problems += [f"the last good copy of a checklist cannot be saved: {why}" for why in app.copies.unwritable]
    if problems:
        raise RuntimeError("; ".join(problems))
    policy = app.policy
    if policy.organisation is None:
        return f"no office policy in {paths.office_dir()} (defaults apply)"
    office = [e for e in app.catalog.entries.values() if e.layer.value == "office"]
    signed = f", {office[0].signature}" if office and office[0].signature else ""
    return f"policy of {policy.organisation}: {len(office)} office checklist(s){signed}"


def _store() -> str:
    from privacy_checkup.storage.progress import AnswerState, ProgressStore

    with tempfile.TemporaryDirectory(prefix="privacy-checkup-self-test-") as home:
        path = Path(home) / "data" / "progress.sqlite3"
        now = dt.datetime.now(dt.UTC)
        with ProgressStore.open(path) as store:
            review = store.start_review("self-test", 1, now)
            store.record_answer(review.id, "item", 1, AnswerState.DONE, now)
        with ProgressStore.open(path) as store:
            if "item" not in store.latest_answers("self-test"):
                raise RuntimeError("an answer written to the store was not read back")
    return "progress store opens, saves and reads back in a temporary folder"


def _keyring() -> str:
    from privacy_checkup.storage.keystore import OsKeyStore

    keys = OsKeyStore(service="privacy-checkup-self-test")
    problem = keys.insecurity()
    if problem is not None:
        raise RuntimeError(f"{problem} (backend: {keys.backend_id})")
    entry = "self-test-" + secrets.token_hex(4)
    value = secrets.token_hex(16)
    keys.set_secret(entry, value)
    try:
        if keys.get_secret(entry) != value:
            raise RuntimeError(f"the keyring {keys.backend_id} did not return what was stored")
    finally:
        _delete(keys.service, entry)
    return f"secure keyring backend {keys.backend_id} stores and returns a secret"


def _delete(service: str, entry: str) -> None:
    import keyring

    keyring.delete_password(service, entry)


def _window() -> str:
    from privacy_checkup.ui.window_check import create_test_window

    return create_test_window()


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("checklists", _checklists), ("office", _office), ("store", _store), ("keyring", _keyring), ("window", _window),
]


def run_self_test() -> int:
    print(f"Privacy Checkup {__version__} self-test ({'packaged' if getattr(sys, 'frozen', False) else 'source'})")
    failures = 0
    for name, check in CHECKS:
        try:
            print(f"  ok    {name}: {check()}")
        except Exception as exc:  # a self-test reports every failure, whatever it is, and carries on
            failures += 1
            print(f"  FAIL  {name}: {type(exc).__name__}: {exc}")
    print("self-test passed" if not failures else f"self-test FAILED ({failures} of {len(CHECKS)} checks)")
    return 0 if not failures else 1
