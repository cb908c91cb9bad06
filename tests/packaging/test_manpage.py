"""The manual page is written from the command line's parser: every command in it, and it renders cleanly."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_checkup.cli import build_parser
from tests.packaging.scripts import PACKAGING, load

manpage = load("linux/manpage.py")
PROGRAM = str(Path(sys.executable).with_name("privacy-checkup"))  # the console script of this environment


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, _, sub in manpage.subcommands(parser):
        paths.append((*prefix, name))
        paths += command_paths(sub, (*prefix, name))
    return paths


def rendered(page: Path) -> tuple[str, str]:
    result = subprocess.run(["man", "--warnings", "-l", str(page)], capture_output=True, text=True, check=True,
                            env={**os.environ, "LC_ALL": "C.UTF-8", "MANWIDTH": "200"})
    return result.stdout, result.stderr


def test_every_subcommand_of_the_parser_has_a_section() -> None:
    parser = build_parser()
    text = manpage.manual(parser, "9.9.9", dt.date(2026, 1, 2))
    commands = command_paths(parser)
    assert ("backup", "export") in commands
    assert ("pack", "verify") in commands
    for path in commands:
        assert '.SS "privacy\\-checkup ' + " ".join(path).replace("-", "\\-") + '"' in text, path


def test_a_new_subcommand_appears_without_editing_the_generator() -> None:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.add_parser("frobnicate", help="a command added after the generator was written")
    text = manpage.manual(parser, "9.9.9", dt.date(2026, 1, 2))
    assert '.SS "privacy\\-checkup frobnicate"' in text
    assert "A command added after the generator was written." in text


def test_hidden_options_stay_out_of_the_manual() -> None:
    text = manpage.manual(build_parser(), "9.9.9", dt.date(2026, 1, 2))
    assert "quit\\-after\\-show" not in text
    assert "\\-\\-self\\-test" in text


@pytest.mark.skipif(shutil.which("man") is None, reason="man-db is not installed (packaging/apt-test.txt has it)")
def test_the_generated_page_renders_without_warnings(tmp_path: Path) -> None:
    page = tmp_path / "privacy-checkup.1"
    subprocess.run([sys.executable, str(PACKAGING / "linux" / "manpage.py"), str(page)], check=True,
                   env={**os.environ, "SOURCE_DATE_EPOCH": "1764000000"})
    out, warnings = rendered(page)
    assert warnings == ""
    assert "privacy-checkup pack sign" in out
    assert "2025-11-24" in out  # the date comes from SOURCE_DATE_EPOCH, so builds agree
    subprocess.run([str(PACKAGING / "linux" / "check-manpage.sh"), str(page), PROGRAM], check=True,
                   capture_output=True)


@pytest.mark.skipif(shutil.which("man") is None, reason="man-db is not installed (packaging/apt-test.txt has it)")
def test_the_page_check_fails_on_a_page_missing_a_command(tmp_path: Path) -> None:
    page = tmp_path / "privacy-checkup.1"
    text = manpage.manual(build_parser(), "9.9.9", dt.date(2026, 1, 2))
    page.write_text(text.replace("privacy\\-checkup status", "privacy\\-checkup stat"), encoding="utf-8")
    result = subprocess.run([str(PACKAGING / "linux" / "check-manpage.sh"), str(page), PROGRAM], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 1
    assert "does not describe 'status'" in result.stderr


def test_roff_escapes_what_would_become_requests() -> None:
    assert manpage.roff(".starts a request\n'this too") == "\\&.starts a request\n\\&'this too"
    assert manpage.roff("a\\b-c") == "a\\eb\\-c"
