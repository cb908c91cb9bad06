"""`privacy-checkup plan`: the same plan the dashboard starts with."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

from privacy_checkup.core.model import Persona
from privacy_checkup.storage import paths
from privacy_checkup.storage.progress import ProgressStore


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_checkup", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120, check=False)


def test_plan_lists_a_high_profile_persons_essentials_with_their_total_time(app_home) -> None:
    with ProgressStore.open(paths.store_path()) as store:
        store.set_persona(Persona.HIGH_PROFILE)
        store.set_platforms(["tiktok", "instagram", "whatsapp", "x", "account-security"], dt.datetime.now(dt.UTC))
        store.set_onboarded()
    result = run("plan", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    essentials = document["essentials"]
    assert 0 < essentials["minutes"] <= 30
    assert essentials["settings"] == len(document["steps"])
    assert sum(step["minutes"] for step in document["steps"]) == essentials["minutes"]
    assert document["everything"]["minutes"] > essentials["minutes"]
    text = run("plan")
    assert text.returncode == 0
    assert f"{essentials['settings']} settings, about {essentials['minutes']} minutes" in text.stdout
    assert "Everything for your platforms:" in text.stdout


def test_plan_without_platforms_says_what_to_do(app_home) -> None:
    result = run("plan")
    assert result.returncode == 0
    assert "choose your platforms" in result.stdout
