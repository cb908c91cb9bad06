"""A caseworker's first checkup, keyboard only, in a real window: first run, half a checklist, finishing
early, relaunching; then what `status` and the office's attestation say about it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.desktop import private_desktop
from tests.journey import Person

pytestmark = pytest.mark.gui


def test_finishing_half_a_checklist_early_is_never_up_to_date(tmp_path: Path) -> None:
    shots = Path(os.environ.get("PRIVACY_CHECKUP_SHOTS", tmp_path / "shots"))
    with private_desktop(tmp_path, window_manager=True) as desktop:
        person = Person(desktop, tmp_path / "home", shots)
        person.open_app()
        person.screenshot("journey-1-welcome")
        person.keys("Return")                     # Get started
        person.keys("alt+e")                      # A high-profile p&erson
        person.keys("Return")                     # Continue
        person.keys("space", "Return")            # the first platform, ticked with the keyboard; Continue
        person.keys("Return")                     # Go to my dashboard
        person.settle()
        person.screenshot("journey-2-dashboard")
        code, before = person.status()
        (platform,) = before["checklists"]
        assert (code, platform["state"], platform["first_review"]) == (0, "never_reviewed", True)
        total = platform["total"]

        person.keys("Return")                     # the first card's "Start checkup" has the focus
        person.settle()
        half = total // 2
        for _ in range(half):
            person.keys("ctrl+1")                 # Done, then the next setting
        person.keys("Return", "Return")           # Enter alone answers nothing and moves nowhere
        person.screenshot("journey-3-setting")
        code, during = person.status()
        assert during["checklists"][0]["state"] == "in_progress"
        assert during["checklists"][0]["counts"]["done"] == half
        for _ in range(total - half):
            person.keys("alt+n" if _ < total - half - 1 else "alt+m", pause=0.45)  # Next / Summary without answering
        person.screenshot("journey-4-summary")
        person.keys("alt+i", pause=0.6)           # F&inish review
        person.screenshot("journey-5-dashboard-after")
        person.quit_app()

        person.open_app()                         # relaunching shows the same
        person.screenshot("journey-6-relaunched")
        person.quit_app()

        code, after = person.status()
        report = tmp_path / "attestation.json"
        written = person.command("report", "--format", "json", "--output", str(report))
    (row,) = after["checklists"]
    assert row["state"] == "incomplete"           # finished early: never "up to date"
    assert row["counts"]["done"] == half
    assert row["counts"]["unanswered"] == total - half
    assert row["last_reviewed"] is not None
    assert row["next_due"] is not None
    assert row["next_due"] < _plus_days(row["last_reviewed"], 15)
    assert code == (1 if row["open_high_risk"] else 0)
    assert written.returncode == 0, written.stderr
    attestation = json.loads(report.read_text())
    assert attestation["checklists"][0]["state"] == "incomplete"  # the office sees what the dashboard says
    done = [r for r in attestation["records"] if r["state"] == "done"]
    assert len(done) == half


def _plus_days(day: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
