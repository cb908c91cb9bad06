"""Removing the .deb removes the start-at-login entries its program wrote, and nothing else."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from privacy_checkup.storage import autostart
from tests.packaging.scripts import PACKAGING

POSTRM = PACKAGING / "debian" / "postrm"
ENTRY_NAME = f"{autostart.APP_ID}.desktop"


def fake_getent(tmp_path: Path, homes: list[Path]) -> dict[str, str]:
    """A PATH whose getent lists these homes as the current user's (postrm then checks them as itself)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lines = "".join(f"user{i}:x:{os.getuid()}:{os.getgid()}::{home}:/bin/sh\n" for i, home in enumerate(homes))
    (bin_dir / "passwd.txt").write_text(lines, encoding="utf-8")
    getent = bin_dir / "getent"
    getent.write_text(f'#!/bin/sh\n[ "$1" = passwd ] && cat "{bin_dir}/passwd.txt"\n', encoding="utf-8")
    getent.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}


def home_with_entry(root: Path, name: str, command: list[str]) -> Path:
    home = root / name
    entry = home / ".config" / "autostart" / ENTRY_NAME
    entry.parent.mkdir(parents=True)
    entry.write_text(autostart.desktop_entry(command), encoding="utf-8")
    data = home / ".local" / "share" / "privacy-checkup"
    data.mkdir(parents=True)
    (data / "progress.sqlite3").write_bytes(b"answers")
    return home


def run_postrm(argument: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(POSTRM), argument], capture_output=True, text=True, env=env, check=False)


def test_remove_deletes_the_entry_that_starts_the_packaged_program_and_keeps_the_data(tmp_path: Path) -> None:
    home = home_with_entry(tmp_path, "ada", ["/opt/privacy-checkup/privacy-checkup", autostart.BACKGROUND_FLAG])
    result = run_postrm("remove", fake_getent(tmp_path, [home]))
    assert result.returncode == 0, result.stderr
    assert not (home / ".config" / "autostart" / ENTRY_NAME).exists()
    assert (home / ".local" / "share" / "privacy-checkup" / "progress.sqlite3").read_bytes() == b"answers"
    assert "removed the start-at-login entry" in result.stdout


def test_an_entry_for_another_copy_of_the_app_stays(tmp_path: Path) -> None:
    home = home_with_entry(tmp_path, "dev", ["/home/dev/src/.venv/bin/python", "-m", "privacy_checkup",
                                             autostart.BACKGROUND_FLAG])
    assert run_postrm("purge", fake_getent(tmp_path, [home])).returncode == 0
    assert (home / ".config" / "autostart" / ENTRY_NAME).exists()


def test_upgrade_keeps_every_entry(tmp_path: Path) -> None:
    home = home_with_entry(tmp_path, "ada", ["/opt/privacy-checkup/privacy-checkup", autostart.BACKGROUND_FLAG])
    assert run_postrm("upgrade", fake_getent(tmp_path, [home])).returncode == 0
    assert (home / ".config" / "autostart" / ENTRY_NAME).exists()


def test_a_link_in_place_of_the_entry_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.desktop"
    target.write_text(autostart.desktop_entry(["/opt/privacy-checkup/privacy-checkup"]), encoding="utf-8")
    home = tmp_path / "eve"
    (home / ".config" / "autostart").mkdir(parents=True)
    (home / ".config" / "autostart" / ENTRY_NAME).symlink_to(target)
    assert run_postrm("remove", fake_getent(tmp_path, [home])).returncode == 0
    assert target.exists()
    assert (home / ".config" / "autostart" / ENTRY_NAME).is_symlink()


def test_a_home_without_an_autostart_folder_is_passed_over(tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    other = home_with_entry(tmp_path, "ada", ["/opt/privacy-checkup/privacy-checkup", autostart.BACKGROUND_FLAG])
    assert run_postrm("remove", fake_getent(tmp_path, [bare, tmp_path / "missing", other])).returncode == 0
    assert not (other / ".config" / "autostart" / ENTRY_NAME).exists()
    assert list(bare.iterdir()) == []


@pytest.mark.parametrize("argument", ["configure", ""])
def test_an_unknown_argument_fails(tmp_path: Path, argument: str) -> None:
    assert run_postrm(argument, fake_getent(tmp_path, [])).returncode == 1
