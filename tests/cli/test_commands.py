"""The command line, run as a real process the way scripts and offices run it."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from privacy_checkup import __version__
from privacy_checkup.storage import paths

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "checklists"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_checkup", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, check=False)


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"privacy-checkup {__version__}")


@pytest.mark.parametrize("args", [[], ["--background"], ["--quit-after-show"], ["--background", "--quit-after-show"],
                                  ["--quit-after-show", "--quit-after-show"]])
def test_opening_the_app_reads_the_options_as_argparse_does(args: list[str]) -> None:
    from privacy_checkup.cli import build_parser
    from privacy_checkup.cli.app_options import app_launch

    launch = app_launch(args)  # main() opens the app with these, without argparse
    parsed = build_parser().parse_args(args)
    assert launch is not None
    assert (parsed.command, parsed.checklists_dir) == (None, None)
    assert launch._asdict() == {"quit_after_show": parsed.quit_after_show, "background": parsed.background}


@pytest.mark.parametrize("args", [["--quit"], ["--background", "status"], ["--checklists-dir", "x"], ["--help"],
                                  ["--self-test"], ["-h"]])
def test_anything_else_goes_to_argparse(args: list[str]) -> None:
    from privacy_checkup.cli.app_options import app_launch

    assert app_launch(args) is None


def test_help_still_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "checklists", "status", "report", "backup", "pack"):
        assert command in result.stdout


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
        "path": str(office / "example.json"), "overrides": [], "signature": "unsigned", "required": False,
        "possibly_out_of_date": False, "last_good_copy_from": None}


def test_a_broken_office_file_is_reported_while_its_last_good_copy_is_listed_in_use(tmp_path: Path) -> None:
    office = tmp_path / "office-checklists"
    office.mkdir()
    example = office / "example.json"
    example.write_bytes((DATA / "valid" / "example.json").read_bytes())
    assert run("--checklists-dir", str(office), "checklists", "--json").returncode == 0  # seen good once
    example.write_text(example.read_text().replace('"version": 3', '"version": "3"'))
    result = run("--checklists-dir", str(office), "checklists", "--json")
    assert result.returncode == 1
    listing = json.loads(result.stdout)
    row = next(r for r in listing["checklists"] if r["id"] == "example")
    assert (row["layer"], row["version"]) == ("office", 3)
    assert dt.datetime.fromisoformat(row["last_good_copy_from"]).date() == dt.date.today()
    assert any(e.startswith(f"{example}:") and "(at $.version)" in e for e in listing["errors"])
    assert any("last good copy" in e for e in listing["errors"])
    # `validate` checks the file as it is: a copy never hides a mistake from the maintainer.
    checked = run("--checklists-dir", str(office), "validate")
    assert checked.returncode == 1
    assert checked.stdout.startswith(f"{example}:")


def test_home_variable_relocates_the_users_own_checklists(tmp_path: Path) -> None:
    home = tmp_path / "portable"
    (home / "config" / "checklists").mkdir(parents=True)
    (home / "config" / "checklists" / "mine.json").write_bytes((DATA / "valid" / "example.json").read_bytes())
    result = run("checklists", "--json", env={"PRIVACY_CHECKUP_HOME": str(home)})
    rows = {row["id"]: row for row in json.loads(result.stdout)["checklists"]}
    assert rows["example"]["layer"] == "user"


# --- offices: policy and signed packs ---------------------------------------------------------------

EXAMPLE_FILE = DATA / "valid" / "example.json"


def office_dir() -> Path:
    return Path(os.environ["PRIVACY_CHECKUP_OFFICE_DIR"])  # set per test by the conftest fixture


def write_policy(**fields: object) -> Path:
    path = office_dir() / "policy.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "organisation": "Example Office", **fields}, indent=2))
    return path


def keygen(folder: Path, name: str = "office") -> tuple[Path, Path]:
    private, public = folder / f"{name}.pem", folder / f"{name}.pub"
    result = run("pack", "keygen", "--private-key", str(private), "--public-key", str(public))
    assert result.returncode == 0, result.stderr
    return private, public


def signed_office(tmp_path: Path, version: int = 1, folder: Path | None = None) -> tuple[Path, Path]:
    """An office checklist folder holding example.json, signed; returns (folder, public key file)."""
    folder = folder or office_dir() / "checklists"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "example.json").write_bytes(EXAMPLE_FILE.read_bytes())
    private, public = (tmp_path / "office.pem", tmp_path / "office.pub")
    if not private.exists():
        keygen(tmp_path)
    result = run("pack", "sign", str(folder), "--key", str(private), "--organisation", "Example Office",
                 "--version", str(version))
    assert result.returncode == 0, result.stderr
    return folder, public


def catalog_json(*args: str) -> tuple[int, dict[str, Any], str]:
    result = run(*args, "checklists", "--json")
    return result.returncode, json.loads(result.stdout), result.stderr


def rows(listing: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in listing["checklists"]}


def test_keygen_writes_a_private_pem_only_the_owner_can_read_and_a_base64_public_key(tmp_path: Path) -> None:
    private, public = keygen(tmp_path)
    assert private.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    if os.name == "posix":
        assert private.stat().st_mode & 0o777 == 0o600
    assert len(public.read_text().strip()) == 44


def test_keygen_never_overwrites_an_existing_key(tmp_path: Path) -> None:
    private, _ = keygen(tmp_path)
    before = private.read_bytes()
    result = run("pack", "keygen", "--private-key", str(private), "--public-key", str(tmp_path / "new.pub"))
    assert result.returncode == 2
    assert f"{private} already exists" in result.stderr
    assert private.read_bytes() == before
    assert not (tmp_path / "new.pub").exists()


def test_sign_then_verify_with_the_public_key_exits_zero(tmp_path: Path) -> None:
    folder, public = signed_office(tmp_path, version=5)
    result = run("pack", "verify", str(folder), "--public-key", str(public))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("verified by Example Office: version 5 of Example Office's pack")


def test_verify_without_a_key_uses_the_policys_trusted_keys(tmp_path: Path) -> None:
    folder, public = signed_office(tmp_path)
    assert run("pack", "verify", str(folder)).returncode == 1
    write_policy(trusted_keys=[{"name": "Security team", "public_key": public.read_text().strip()}])
    result = run("pack", "verify", str(folder))
    assert result.returncode == 0, result.stderr
    assert "(Security team)" in result.stdout


def test_verify_rejects_a_tampered_file_naming_it(tmp_path: Path) -> None:
    folder, public = signed_office(tmp_path)
    (folder / "example.json").write_text((folder / "example.json").read_text().replace("private", "public"))
    result = run("pack", "verify", str(folder), "--public-key", str(public))
    assert result.returncode == 1
    assert result.stderr == f"rejected: {folder / 'example.json'} was changed after the pack was signed.\n"


def test_verify_rejects_a_pack_signed_with_another_key(tmp_path: Path) -> None:
    folder, _ = signed_office(tmp_path)
    _, other_public = keygen(tmp_path, "other")
    result = run("pack", "verify", str(folder), "--public-key", str(other_public))
    assert result.returncode == 1
    assert "which is not one of the trusted keys" in result.stderr


def test_verify_rejects_an_unsigned_folder(tmp_path: Path) -> None:
    _, public = keygen(tmp_path)
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "example.json").write_bytes(EXAMPLE_FILE.read_bytes())
    result = run("pack", "verify", str(folder), "--public-key", str(public))
    assert result.returncode == 1
    assert "are not signed (there is no pack.sig)" in result.stderr


def test_sign_refuses_an_older_version_than_the_pack_there(tmp_path: Path) -> None:
    folder, _ = signed_office(tmp_path, version=3)
    result = run("pack", "sign", str(folder), "--key", str(tmp_path / "office.pem"), "--organisation", "X",
                 "--version", "2")
    assert result.returncode == 2
    assert "version 2 is not higher than the pack already in" in result.stderr


def test_checklists_json_shows_verified_by_the_organisation(tmp_path: Path) -> None:
    _, public = signed_office(tmp_path, version=2)
    write_policy(require_signed_checklists=True,
                 trusted_keys=[{"name": "Security team", "public_key": public.read_text().strip()}])
    code, listing, stderr = catalog_json()
    assert code == 0, stderr
    assert rows(listing)["example"]["signature"] == "verified by Example Office"
    assert rows(listing)["example"]["layer"] == "office"
    assert rows(listing)["tiktok"]["signature"] == "unsigned"
    assert listing["office_pack"] == {"folder": str(office_dir() / "checklists"),
                                      "signature": "verified by Example Office", "version": 2}


def test_checklists_text_listing_shows_the_signature_and_the_office(tmp_path: Path) -> None:
    _, public = signed_office(tmp_path)
    write_policy(help_contact="security@example.org",
                 trusted_keys=[{"name": "Security team", "public_key": public.read_text().strip()}])
    result = run("checklists")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Office policy: Example Office (help: mailto:security@example.org)"
    assert any(line.startswith("example ") and line.endswith("verified by Example Office") for line in lines)


def test_a_rolled_back_pack_is_rejected_after_a_newer_one_was_used(tmp_path: Path) -> None:
    _, public = signed_office(tmp_path, version=2)
    write_policy(trusted_keys=[{"name": "Security team", "public_key": public.read_text().strip()}])
    assert catalog_json()[0] == 0  # the app used version 2 and remembers it
    old, _ = signed_office(tmp_path, version=1, folder=tmp_path / "old-copy")
    code, listing, _ = catalog_json("--checklists-dir", str(old))
    assert code == 1
    assert "example" not in rows(listing)
    assert "tiktok" in rows(listing)  # the bundled checklists still load
    message = (f"The checklists in {old} are version 1 of Example Office's pack, older than version 2 already "
               "used on this computer; an old copy may have been put back.")
    assert listing["office_pack"] == {"folder": str(old), "signature": f"rejected: {message}", "version": None}
    assert f"office checklists not loaded: {message}" in listing["errors"]


def test_bad_policy_is_reported_exactly_and_the_app_runs_with_safe_defaults(tmp_path: Path) -> None:
    policy = office_dir() / "policy.json"
    policy.parent.mkdir(parents=True)
    policy.write_text('{\n  "schema_version": 1,\n  "organisation": "Example Office",\n'
                      '  "allow_user_checklists": "no"\n}\n')
    home = Path(os.environ["PRIVACY_CHECKUP_HOME"])
    (home / "config" / "checklists").mkdir(parents=True)
    (home / "config" / "checklists" / "mine.json").write_bytes(EXAMPLE_FILE.read_bytes())
    code, listing, stderr = catalog_json()
    assert code == 1
    assert stderr.splitlines()[0] == (f"{policy}:4:28: expected true or false, found a string "
                                      "(at $.allow_user_checklists)")
    assert listing["policy"]["safe_defaults"] is True
    assert "example" not in rows(listing)
    assert "tiktok" in rows(listing)
    assert any("runs with safe defaults" in e for e in listing["errors"])
    result = run("checklists")
    assert result.returncode == 1
    assert f"{policy}:4:28: expected true or false" in result.stderr


def test_policy_fields_change_the_listing(tmp_path: Path) -> None:
    folder = office_dir() / "checklists"
    folder.mkdir(parents=True)
    old = json.loads(EXAMPLE_FILE.read_text())
    stale_date = (dt.date.today() - dt.timedelta(days=100)).isoformat()
    (folder / "example.json").write_text(json.dumps({**old, "last_verified": stale_date}))
    code, before, _ = catalog_json()
    assert code == 0
    assert rows(before)["example"]["possibly_out_of_date"] is False
    write_policy(required_checklists=["example"], review_interval_overrides={"example": 14},
                 max_content_age_days=30)
    code, listing, stderr = catalog_json()
    assert code == 0, stderr
    row = rows(listing)["example"]
    assert (row["required"], row["review_interval_days"], row["possibly_out_of_date"]) == (True, 14, True)
    assert rows(listing)["tiktok"]["required"] is False
    assert listing["policy"] == {"organisation": "Example Office", "help_link": None,
                                 "required_checklists": ["example"], "safe_defaults": False}


def test_a_required_checklist_nowhere_to_be_found_is_reported(tmp_path: Path) -> None:
    policy = write_policy(required_checklists=["mastodon"])
    code, listing, _ = catalog_json()
    assert code == 1
    assert listing["errors"] == [
        f"{policy}: the office policy requires checklist 'mastodon', which is not available"]


def test_user_checklists_are_ignored_when_the_policy_forbids_them(tmp_path: Path) -> None:
    write_policy(allow_user_checklists=False)
    mine = Path(os.environ["PRIVACY_CHECKUP_HOME"]) / "config" / "checklists" / "mine.json"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(EXAMPLE_FILE.read_bytes())
    code, listing, _ = catalog_json()
    assert code == 1
    assert "example" not in rows(listing)
    assert listing["errors"] == [
        f"{mine}:1:1: the office policy does not allow adding user checklists; 'example' is ignored (at $.id)"]


def test_unsigned_office_checklists_are_rejected_when_the_policy_requires_signing(tmp_path: Path) -> None:
    folder = office_dir() / "checklists"
    folder.mkdir(parents=True)
    (folder / "example.json").write_bytes(EXAMPLE_FILE.read_bytes())
    write_policy(require_signed_checklists=True)
    code, listing, _ = catalog_json()
    assert code == 1
    assert "example" not in rows(listing)
    assert listing["office_pack"]["signature"].startswith("rejected: The checklists in")


def test_validate_checks_a_file_named_policy_json_as_a_policy() -> None:
    policy = DATA.parent / "policy" / "valid" / "policy.json"
    result = run("validate", str(policy.parent), str(EXAMPLE_FILE))
    assert result.returncode == 0, result.stdout
    assert "1 of 1 policy file(s) valid" in result.stderr


def test_validate_with_no_path_checks_the_office_policy() -> None:
    policy = write_policy(max_content_age_days=0)
    result = run("validate")
    assert result.returncode == 1
    assert result.stdout == f"{policy}:4:27: must be between 1 and 3650, found 0 (at $.max_content_age_days)\n"


def test_sign_that_cannot_write_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    (folder / "example.json").write_bytes(EXAMPLE_FILE.read_bytes())
    (folder / "pack.json").mkdir()  # nothing, not even root, can replace a folder with a file
    private, _ = keygen(tmp_path)
    result = run("pack", "sign", str(folder), "--key", str(private), "--organisation", "X", "--version", "1")
    assert result.returncode == 2
    assert f"cannot write {folder / 'pack.json'}" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["example.json", "pack.json"]  # no temp file left


def test_status_flags_content_older_than_the_policys_maximum_age(app_home: Path) -> None:
    from privacy_checkup.core.model import Persona
    from privacy_checkup.storage.progress import ProgressStore

    folder = office_dir() / "checklists"
    folder.mkdir(parents=True)
    checked = (dt.date.today() - dt.timedelta(days=20)).isoformat()
    (folder / "example.json").write_text(json.dumps({**json.loads(EXAMPLE_FILE.read_text()),
                                                     "last_verified": checked}))
    with ProgressStore.open(paths.store_path()) as store:
        store.set_persona(Persona.EVERYONE)
        store.set_platforms(["example"], dt.datetime.now(dt.UTC))

    def stale() -> bool:
        result = run("status", "--json")
        (row,) = json.loads(result.stdout)["checklists"]
        return bool(row["stale"])

    assert not stale()
    write_policy(max_content_age_days=10)
    assert stale()
