"""Promise 2 under disk faults: a full or failing disk at any write step of a save, a backup or a report loses
nothing, is reported as one of the app's storage errors with a clear message, and never crashes the app.

The faults are real: strace makes the kernel call fail (ENOSPC, EIO) for the Nth write, fsync, rename,
file creation... of the app's own process, for every N that touches the app's files (a dry run lists them).
Nothing of ours is mocked. A read-only folder and another user's store are real too (chmod, setpriv).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from privacy_checkup.storage.backup import export_backup, validate_backup
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from tests.storage.fault_child import NEW_ITEM, REFUSED
from tests.syscall_trace import (
    FAULTS,
    WriteStep,
    child_env,
    injected,
    private_mount_prefix,
    require_strace,
    skip_or_fail,
    traced_calls,
    write_steps,
)

FAULT_CHILD = Path(__file__).with_name("fault_child.py")
FULL_DISK_CHILD = Path(__file__).with_name("full_disk_child.py")
NOW = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)
STORAGE_ERRORS = ("StorageError", "DiskFullError", "ReadOnlyStoreError", "BackupError")
WORKERS = 2  # this machine and CI runners have two cores
CLEAR_MESSAGES = ("is full", "disk reported an error", "cannot be written", "disk is neither full nor failing")


def make_store(path: Path, prefix: str, count: int = 12) -> None:
    with ProgressStore.open(path) as store:
        store.set_platforms(["facebook", "tiktok"], NOW)
        review = store.start_review("facebook", 1, NOW)
        for number in range(count):
            store.record_answer(review.id, f"{prefix}-{number}", 1, AnswerState.DONE, NOW)


def answers_in(path: Path) -> set[str]:
    with ProgressStore.open(path) as store:
        return set(store.latest_answers("facebook"))


def integrity(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def debris(folder: Path) -> list[str]:
    """Staging files a failed operation left behind (it must clean up after itself)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@dataclass
class Outcome:
    step: str
    fault: str
    returncode: int
    stderr: str
    injected: list[str]

    def __str__(self) -> str:
        tail = self.stderr.strip().splitlines()[-3:] if self.stderr.strip() else []
        return f"{self.fault} at {self.step}: exit {self.returncode}: {' / '.join(tail)}"


@dataclass
class Scenario:
    """One operation, the folder it works in, and what must hold after it, whatever fault hit it."""

    name: str
    prepare: Callable[[Path], None]  # build the starting state in a fresh folder
    command: Callable[[Path], list[str]]
    env: Callable[[Path], dict[str, str]]
    check: Callable[[Path, Outcome], list[str]]  # problems found; [] when the promise held
    refused_code: int = REFUSED


def run_traced(strace: str, scenario: Scenario, work: Path, trace: Path, inject: str | None) -> Outcome:
    args = [strace, "-f", "-y", "-e", f"trace={traced_calls()}", "-o", str(trace)]
    if inject:
        args += ["-e", f"inject={inject}"]
    result = subprocess.run([*args, *scenario.command(work)], env=scenario.env(work), capture_output=True,
                            text=True, timeout=120, check=False)
    return Outcome("", inject or "none", result.returncode, result.stderr, injected(trace.read_text()))


def fresh(template: Path, work: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work)


def inject_everywhere(scenario: Scenario, root: Path) -> tuple[int, list[str]]:
    """Run `scenario` once per (write step, fault); return how many faults landed and every broken promise."""
    strace = require_strace()
    template = root / "template"
    template.mkdir()
    scenario.prepare(template)
    dry = root / "dry"
    fresh(template, dry)
    baseline = run_traced(strace, scenario, dry, root / "dry.trace", None)
    assert baseline.returncode == 0, f"the operation fails even without a fault: {baseline.stderr}"
    existing = {dry / path.relative_to(template) for path in template.rglob("*")}
    steps = write_steps((root / "dry.trace").read_text(), dry, existing)
    assert steps, "the dry run made no write step on the app's files: the trace is not being read right"
    jobs = [(step, fault) for step in steps for fault in FAULTS[step.call]]

    folders: queue.Queue[Path] = queue.Queue()
    for number in range(WORKERS):
        (root / f"w{number}").mkdir()
        folders.put(root / f"w{number}")

    def one(number: int) -> tuple[Outcome, list[str]]:
        step, fault = jobs[number]
        own = folders.get()  # each worker has its own copy of the starting state
        try:
            work = own / "dry"
            fresh(template, work)
            fault_spec = f"{step.call}:error={fault}:when={step.ordinal}"
            outcome = run_traced(strace, scenario, work, own / "trace", fault_spec)
            return check(work, step, fault, outcome)
        finally:
            folders.put(own)

    def check(work: Path, step: WriteStep, fault: str, outcome: Outcome) -> tuple[Outcome, list[str]]:
        outcome.step = f"{step.text.split(None, 1)[1][:110]} (call #{step.ordinal})"
        outcome.fault = fault
        problems = [] if outcome.injected else [f"{outcome}: the fault was not injected (trace not repeatable?)"]
        return outcome, problems + scenario.check(work, outcome)

    landed = 0
    broken: list[str] = []
    said_full = 0
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for outcome, problems in pool.map(one, range(len(jobs))):
            landed += bool(outcome.injected)
            said_full += outcome.fault == "ENOSPC" and "is full" in outcome.stderr
            broken.extend(problems)
    if not said_full:
        broken.append("no full disk was ever reported as full (DiskFullError)")
    return landed, broken


def refusal_problems(outcome: Outcome, work: Path, refused_code: int) -> list[str]:
    """The app may refuse, but only with one of its storage errors and a message that names the file."""
    if outcome.returncode == 0:
        return []
    if outcome.returncode != refused_code or "Traceback" in outcome.stderr:
        return [f"{outcome}: crashed instead of reporting a storage error"]
    message = outcome.stderr.strip()
    problems = []
    if str(work) not in message:
        problems.append(f"{outcome}: the message does not name the file")
    if not any(words in message for words in CLEAR_MESSAGES):
        problems.append(f"{outcome}: the message does not say what happened")
    if refused_code == REFUSED and not message.startswith(STORAGE_ERRORS):
        problems.append(f"{outcome}: not one of the app's storage errors")
    return problems


# ---- the scenarios ---------------------------------------------------------------------------------

def store_in(work: Path) -> Path:
    return work / "home" / "data" / "progress.sqlite3"


def child(operation: str, *paths: Callable[[Path], Path]) -> Callable[[Path], list[str]]:
    return lambda work: [sys.executable, str(FAULT_CHILD), operation, *(str(p(work)) for p in paths)]


def env_for(work: Path) -> dict[str, str]:
    return child_env(PRIVACY_CHECKUP_HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen",
                     TMPDIR=str(work / "tmp"))


def prepare_store(work: Path) -> None:
    (work / "tmp").mkdir(parents=True)
    make_store(store_in(work), "before")


def check_save(work: Path, outcome: Outcome) -> list[str]:
    problems = refusal_problems(outcome, work, REFUSED)
    store = store_in(work)
    if integrity(store) != [("ok",)]:
        return [*problems, f"{outcome}: the store is damaged: {integrity(store)}"]
    saved = answers_in(store)
    if not {f"before-{n}" for n in range(12)} <= saved:
        problems.append(f"{outcome}: answers saved before the fault are gone")
    if outcome.returncode == 0 and NEW_ITEM not in saved:
        problems.append(f"{outcome}: the answer was reported saved but is not in the store")
    return problems


SAVE = Scenario("save", prepare_store, child("save", store_in), env_for, check_save)


def backup_in(work: Path) -> Path:
    return work / "backups" / "progress.pcbackup"


def prepare_export(work: Path) -> None:
    prepare_store(work)
    backup_in(work).parent.mkdir()
    export_backup(store_in(work), backup_in(work))  # last week's backup, which a failed export must not touch
    shutil.copyfile(backup_in(work), work / "previous-backup.bytes")
    make_store(store_in(work), "after")


def check_export(work: Path, outcome: Outcome) -> list[str]:
    problems = refusal_problems(outcome, work, REFUSED)
    backup = backup_in(work)
    if debris(backup.parent):
        problems.append(f"{outcome}: left {debris(backup.parent)} behind")
    unchanged = backup.read_bytes() == (work / "previous-backup.bytes").read_bytes()
    if outcome.returncode == 0 or not unchanged:
        # A fault after the new file was in place (syncing its folder) may leave the new backup: it must be whole.
        try:
            validate_backup(backup)
            if answers_in(backup) != {f"{when}-{n}" for when in ("before", "after") for n in range(12)}:
                problems.append(f"{outcome}: the backup file is neither the previous one nor a complete new one")
        except Exception as exc:
            problems.append(f"{outcome}: the backup file is neither the previous one nor usable: {exc}")
    if integrity(store_in(work)) != [("ok",)] or len(answers_in(store_in(work))) != 24:
        problems.append(f"{outcome}: exporting damaged the store")
    return problems


EXPORT = Scenario("export", prepare_export, child("export", store_in, backup_in), env_for, check_export)


def incoming(work: Path) -> Path:
    return work / "incoming.pcbackup"


def prepare_import(work: Path) -> None:
    (work / "tmp").mkdir(parents=True)
    make_store(work / "other" / "progress.sqlite3", "imported")
    export_backup(work / "other" / "progress.sqlite3", incoming(work))
    shutil.rmtree(work / "other")
    make_store(store_in(work), "before")


def check_import(work: Path, outcome: Outcome) -> list[str]:
    problems = refusal_problems(outcome, work, REFUSED)
    store = store_in(work)
    if debris(store.parent):
        problems.append(f"{outcome}: left {debris(store.parent)} behind")
    if integrity(store) != [("ok",)]:
        return [*problems, f"{outcome}: the store is damaged"]
    now_in_store = answers_in(store)
    before = {f"before-{n}" for n in range(12)}
    imported = {f"imported-{n}" for n in range(12)}
    if outcome.returncode == 0 and now_in_store != imported:
        problems.append(f"{outcome}: reported imported but the store holds {sorted(now_in_store)[:3]}…")
    if now_in_store not in (before, imported):
        problems.append(f"{outcome}: the store holds a mix of old and imported answers")
    if now_in_store == imported:
        kept = [p for p in store.parent.glob("*.bak") if answers_in(p) == before]
        if not kept:
            problems.append(f"{outcome}: the store was replaced but the previous one was not kept as .bak")
    return problems


IMPORT = Scenario("import", prepare_import, child("import", incoming, store_in), env_for, check_import)


def report_in(work: Path, fmt: str) -> Path:
    return work / "reports" / f"checkup.{fmt}"


def complete_report(fmt: str, data: bytes) -> bool:
    if fmt == "pdf":
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    try:
        return len(json.loads(data)["checklists"]) == 2
    except (ValueError, KeyError, TypeError):
        return False


def report_scenario(fmt: str) -> Scenario:
    def prepare(work: Path) -> None:
        prepare_store(work)
        report_in(work, fmt).parent.mkdir()
        report_in(work, fmt).write_bytes(b"last month's report")

    def command(work: Path) -> list[str]:
        return [sys.executable, "-m", "privacy_checkup", "report", "--format", fmt,
                "--output", str(report_in(work, fmt))]

    def complete(data: bytes) -> bool:
        return complete_report(fmt, data)

    def check(work: Path, outcome: Outcome) -> list[str]:
        problems = refusal_problems(outcome, work, 2)
        report = report_in(work, fmt)
        if not outcome.stderr.startswith("privacy-checkup: ") and outcome.returncode != 0:
            problems.append(f"{outcome}: the error is not the command line's one-line message")
        if debris(report.parent):
            problems.append(f"{outcome}: left {debris(report.parent)} behind")
        data = report.read_bytes()
        if (outcome.returncode == 0 or data != b"last month's report") and not complete(data):
            # A fault after the new file was in place (syncing its folder) may leave the new report: it must be whole.
            problems.append(f"{outcome}: the report file is neither the previous one nor a complete new one")
        if integrity(store_in(work)) != [("ok",)] or len(answers_in(store_in(work))) != 12:
            problems.append(f"{outcome}: writing a report damaged the store")
        return problems

    return Scenario(f"report-{fmt}", prepare, command, env_for, check, refused_code=2)


@pytest.fixture
def fault_root() -> Iterator[Path]:
    """A folder another user can walk into (pytest's tmp_path is private to the user running the tests)."""
    root = Path(tempfile.mkdtemp(prefix="pc-faults-"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.parametrize("scenario", [SAVE, EXPORT, IMPORT, report_scenario("json"), report_scenario("pdf")],
                         ids=lambda s: s.name)
def test_fault_at_every_write_step_keeps_the_previous_state_and_says_what_happened(scenario, fault_root):
    started = time.monotonic()
    landed, broken = inject_everywhere(scenario, fault_root)
    print(f"\nfaults: {scenario.name}: {landed} faults injected, {len(broken)} broken promises, "
          f"{time.monotonic() - started:.1f} s")
    assert not broken, "\n".join(broken)
    assert landed >= 5


NOBODY = 65534


def as_nobody() -> list[str]:
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        skip_or_fail("setpriv is not installed")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def save_as(prefix: list[str], work: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, *child("save", store_in)(work)], env=env_for(work), capture_output=True,
                          text=True, timeout=120, check=False)


def test_store_in_a_read_only_folder_is_refused_with_a_clear_message(fault_root):
    work = fault_root / "w"
    prepare_store(work)
    data = store_in(work).parent
    prefix: list[str] = []
    if os.geteuid() == 0:  # root ignores permissions: be an ordinary user who owns the store
        prefix = as_nobody()
        for path in [work, *work.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)
    data.chmod(0o500)
    try:
        result = save_as(prefix, work)
    finally:
        data.chmod(0o700)
    assert result.returncode == REFUSED, result.stderr
    assert result.stderr.startswith("ReadOnlyStoreError: ")
    assert str(store_in(work)) in result.stderr
    assert "cannot be written" in result.stderr
    assert "read-only" in result.stderr
    assert {f"before-{n}" for n in range(12)} <= answers_in(store_in(work))


def test_store_owned_by_another_user_is_refused_naming_the_owner(fault_root):
    if os.geteuid() != 0:
        pytest.skip("making a store that belongs to another user needs root")
    work = fault_root / "w"
    prepare_store(work)  # root's store, in root's private folders
    result = save_as(as_nobody(), work)
    assert result.returncode == REFUSED, result.stderr
    assert result.stderr.startswith("ReadOnlyStoreError: ")
    assert "belongs to another user account (root)" in result.stderr
    assert "Traceback" not in result.stderr
    assert {f"before-{n}" for n in range(12)} == answers_in(store_in(work))


def test_really_full_disk_keeps_everything_saved_and_says_the_disk_is_full(tmp_path):
    # Not an injected fault: a 1 MiB tmpfs, mounted in a private mount namespace, filled to the last byte.
    prefix, back_to_user = private_mount_prefix()
    disk = tmp_path / "disk"
    disk.mkdir()
    result_path = tmp_path / "result.json"
    script = 'mount -t tmpfs -o size=1m,mode=0777 tmpfs "$1" && shift && exec "$@"'
    run = subprocess.run([*prefix, "sh", "-c", script, "sh", str(disk), *back_to_user, sys.executable,
                          str(FULL_DISK_CHILD), str(disk), str(result_path)],
                         env=child_env(QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path)), capture_output=True,
                         text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    outcome = json.loads(result_path.read_text("utf-8"))
    assert outcome["save"].startswith("DiskFullError: ")
    assert "is full" in outcome["save"]
    for operation in ("open", "backup"):
        assert outcome[operation] == "ok" or outcome[operation].startswith(("DiskFullError: ", "BackupError: ")), \
            outcome[operation]
    assert outcome["backup"] == "ok" or "is full" in outcome["backup"]
    assert outcome["report"].startswith("exit 2: privacy-checkup: The disk holding"), outcome["report"]
    assert outcome["backup_unchanged"] or outcome["backup"] == "ok"
    assert outcome["report_unchanged"]
    assert outcome["leftovers"] == []
    assert outcome["before_kept"]
    assert outcome["acknowledged_kept"]
    assert outcome["integrity"] == "ok"
    assert outcome["saves_again"]
