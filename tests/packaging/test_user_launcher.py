"""bootstrap.sh app leaves a menu entry and a privacy-checkup command that start this checkout's app."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING, ROOT

LAUNCHER = PACKAGING / "linux" / "install-user-launcher.sh"


def a_program(folder: Path) -> Path:
    program = folder / "bin" / "privacy-checkup"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\necho started \"$@\"\n", encoding="utf-8")
    program.chmod(0o755)
    return program


@pytest.mark.parametrize("checkout", ["plain", "with space & more"])
def test_the_entry_and_the_command_start_the_program(tmp_path: Path, checkout: str) -> None:
    home = tmp_path / "home"
    program = a_program(tmp_path / checkout)
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    subprocess.run(["sh", str(LAUNCHER), str(program)], check=True, capture_output=True, env=env)
    entry = home / ".local" / "share" / "applications" / "org.privacycheckup.PrivacyCheckup.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f"TryExec={program}\n" in text
    assert text.count("TryExec=") == 1
    assert text.count("\nExec=") == 1
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == (f'Exec="{program}"' if " " in checkout else f"Exec={program}")
    link = home / ".local" / "bin" / "privacy-checkup"
    assert link.resolve() == program.resolve()
    assert subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True).stdout == \
        "started --version\n"
    assert (home / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "privacy-checkup.svg").exists()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout
        assert "error" not in result.stdout


def test_a_missing_program_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(["sh", str(LAUNCHER), str(tmp_path / "nothing")], capture_output=True, text=True,
                            env={**os.environ, "HOME": str(tmp_path)}, check=False)
    assert result.returncode == 1
    assert "is not a program" in result.stderr
    assert not (tmp_path / ".local").exists()


def test_bootstrap_test_mode_still_ends_in_the_whole_suite() -> None:
    script = (ROOT / "bootstrap.sh").read_text(encoding="utf-8")
    assert "sh packaging/install-system-packages.sh \"$what\"" in script
    assert script.rstrip().endswith("exec sh tests/run-all.sh")
    assert ".venv/bin/python -m pip install -q -e '.[test]'" in script


def test_package_installs_wait_for_the_apt_lock() -> None:
    script = (PACKAGING / "install-system-packages.sh").read_text(encoding="utf-8")
    assert "DPkg::Lock::Timeout=" in script
    assert script.count("$wait_lock") >= 3  # update, the packages, and Node.js
