"""A whole checkup by a person, run as real processes: what the no-network test traces end to end.

    python tests/offline_checkup.py SUMMARY.json [NOTE]

The GUI starts on a fresh home (first run), the person's choices and answers are saved through the store,
a note goes into the vault (the real OS keyring when there is one), the GUI starts again (dashboard), and
every command an office or script uses runs: status, reports in each format, a backup export and import,
validate, checklists and the self-test. Writes SUMMARY.json: each step, its exit code and stderr's last line.
Exit 0 when every step did what it should.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from privacy_checkup.core.errors import NotesLockedError
from privacy_checkup.core.loader import checklist_files, load_checklist
from privacy_checkup.core.model import Persona
from privacy_checkup.storage import paths
from privacy_checkup.storage.keystore import OsKeyStore
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from privacy_checkup.storage.vault import NotesVault

DEFAULT_NOTE = "Checked with the office on Tuesday; recovery codes are in the safe."


def app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_checkup", *args], capture_output=True, text=True,
                          timeout=180, check=False)


def answer_everything(now: dt.datetime, note: str) -> str:
    """The person's first checkup: persona, platforms, every item of two platforms, a note. Returns how the
    note went (saved, or locked with the vault's reason)."""
    bundled = [load_checklist(path) for path in checklist_files(paths.bundled_checklists_dir())][:3]
    with ProgressStore.open(paths.store_path()) as store:
        store.set_persona(Persona.HIGH_PROFILE)
        store.set_platforms([checklist.id for checklist in bundled], now)
        store.set_onboarded()
        states = [AnswerState.DONE, AnswerState.SKIPPED, AnswerState.NOT_APPLICABLE]
        for number, checklist in enumerate(bundled[:2]):
            review = store.start_review(checklist.id, checklist.version, now)
            for index, item in enumerate(checklist.items):
                store.record_answer(review.id, item.id, item.revision, states[index % 3], now)
            if number == 0:
                store.complete_review(review.id, now)
        vault = NotesVault(store, OsKeyStore())
        try:
            vault.write_note(bundled[0].id, bundled[0].items[0].id, note, now)
            vault.write_note(bundled[1].id, bundled[1].items[1].id, f"second note: {note}", now)
        except NotesLockedError as exc:
            return f"locked: {exc.reason}"
        assert vault.read_note(bundled[0].id, bundled[0].items[0].id) == note
        return "saved"


def main(summary_path: Path, note: str) -> int:
    reports = paths.data_dir().parent / "reports"
    steps: list[dict[str, object]] = []
    ok = True

    def step(name: str, result: subprocess.CompletedProcess[str], allowed: tuple[int, ...] = (0,)) -> None:
        nonlocal ok
        passed = result.returncode in allowed
        ok = ok and passed
        tail = result.stderr.strip().splitlines()[-1:] if result.stderr.strip() else []
        steps.append({"step": name, "exit": result.returncode, "ok": passed, "stderr": tail})

    step("gui first run", app("--quit-after-show"))
    noted = answer_everything(dt.datetime.now(dt.UTC), note)
    steps.append({"step": "answers and a note", "exit": 0, "ok": True, "note": noted})
    step("gui dashboard", app("--quit-after-show"))
    step("status", app("status", "--json"), allowed=(0, 1))
    reports.mkdir(exist_ok=True)
    for fmt in ("pdf", "json", "csv"):
        step(f"report {fmt}", app("report", "--format", fmt, "--output", str(reports / f"checkup.{fmt}")))
    backup = reports / "progress.pcbackup"
    step("backup export", app("backup", "export", str(backup)))
    step("backup import", app("backup", "import", str(backup)))
    step("validate", app("validate"), allowed=(0, 1))
    step("checklists", app("checklists", "--json"), allowed=(0, 1))
    step("self-test", app("--self-test"), allowed=(0, 1))  # 1 where no keyring is reachable
    summary_path.write_text(json.dumps({"ok": ok, "note": noted, "steps": steps}, indent=2), "utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else DEFAULT_NOTE))
