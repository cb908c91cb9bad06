"""The command line, run as a real process the way scripts and offices run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_checkup import __version__

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "checklists"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_checkup", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, check=False)


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"privacy-checkup {__version__}")


def test_validate_bundled_checklists_exits_zero() -> None:
    result = run("validate", str(REPO / "checklists"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_validate_with_no_path_checks_every_layer(tmp_path: Path) -> None:
    office = tmp_path / "office-checklists"
    office.mkdir()
    (office / "broken.json").write_text('{"id": NaN}')
    result = run("--checklists-dir", str(office), "validate")
    assert result.returncode == 1
    assert result.stdout == f"{office / 'broken.json'}:1:8: NaN is not allowed; JSON numbers must be finite (at $.id)\n"


def test_validate_prints_one_error_per_line_and_never_a_traceback() -> None:
    result = run("validate", str(DATA / "invalid"), str(DATA / "valid"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) >= len(list((DATA / "invalid").glob("*.json")))
    assert all(line.startswith(str(DATA / "invalid")) and ": " in line for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_a_missing_path_fails(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path / "nope.json")).returncode == 1


@pytest.mark.parametrize("name", ["valid/example.json"])
def test_validate_valid_file_exits_zero(name: str) -> None:
    assert run("validate", str(DATA / name)).returncode == 0


def test_checklists_json_lists_the_merged_catalog_with_layers(tmp_path: Path) -> None:
    office = tmp_path / "office-checklists"
    office.mkdir()
    (office / "example.json").write_bytes((DATA / "valid" / "example.json").read_bytes())
    result = run("--checklists-dir", str(office), "checklists", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)["checklists"]}
    assert {"tiktok", "instagram"} <= set(rows)
    assert rows["tiktok"]["layer"] == "bundled"
    assert rows["tiktok"]["items"] >= 10
    assert rows["example"] == {
        "id": "example", "title": "Example Network", "layer": "office", "version": 3,
        "last_verified": "2026-11-01", "review_interval_days": 90, "items": 2,
        "path": str(office / "example.json"), "overrides": []}


def test_home_variable_relocates_the_users_own_checklists(tmp_path: Path) -> None:
    home = tmp_path / "portable"
    (home / "config" / "checklists").mkdir(parents=True)
    (home / "config" / "checklists" / "mine.json").write_bytes((DATA / "valid" / "example.json").read_bytes())
    result = run("checklists", "--json", env={"PRIVACY_CHECKUP_HOME": str(home)})
    rows = {row["id"]: row for row in json.loads(result.stdout)["checklists"]}
    assert rows["example"]["layer"] == "user"
