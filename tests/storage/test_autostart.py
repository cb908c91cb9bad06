"""Start at login: the Linux autostart file is written and removed; the other platforms' entries are right."""

from __future__ import annotations

import configparser
import plistlib
import shlex
from pathlib import Path

from privacy_checkup.storage import autostart


def test_enable_writes_a_desktop_entry_that_launches_this_app_in_the_background(app_home: Path) -> None:
    command = ["/opt/Privacy Checkup/privacy-checkup", "--background"]
    path = autostart.enable(command)
    assert path == app_home / "autostart" / "org.privacycheckup.PrivacyCheckup.desktop"
    assert autostart.is_enabled()
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(path)
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert shlex.split(section["Exec"]) == command
    # Once that program is gone (uninstalled, moved), the session skips the entry instead of failing.
    assert section["TryExec"] == command[0]
    assert path.stat().st_mode & 0o777 == 0o644


def test_disable_removes_the_entry_and_is_harmless_twice(app_home: Path) -> None:
    autostart.enable(["privacy-checkup", "--background"])
    autostart.disable()
    autostart.disable()
    assert not autostart.is_enabled()
    assert not (app_home / "autostart" / "org.privacycheckup.PrivacyCheckup.desktop").exists()


def test_default_command_starts_in_the_background() -> None:
    assert autostart.launch_command()[-1] == "--background"


def test_desktop_exec_quotes_special_characters() -> None:
    assert autostart.desktop_exec(["/a b/c", "--x=$HOME", "100%"]) == '"/a b/c" "--x=\\$HOME" 100%%'


def test_desktop_strings_escape_what_the_spec_escapes() -> None:
    assert autostart.desktop_string("C:\\odd\tname\n") == "C:\\\\odd\\tname\\n"
    assert autostart.desktop_string("/opt/Privacy Checkup/x") == "/opt/Privacy Checkup/x"


def test_macos_launch_agent_runs_the_command_at_load() -> None:
    agent = plistlib.loads(autostart.launch_agent(["/Applications/Privacy Checkup.app/Contents/MacOS/x", "-b"]))
    assert agent["Label"] == "org.privacycheckup.PrivacyCheckup"
    assert agent["RunAtLoad"] is True
    assert agent["ProgramArguments"] == ["/Applications/Privacy Checkup.app/Contents/MacOS/x", "-b"]


def test_windows_run_value_quotes_paths_with_spaces() -> None:
    value = autostart.windows_run_value([r"C:\Program Files\Privacy Checkup\privacy-checkup.exe", "--background"])
    assert value == r'"C:\Program Files\Privacy Checkup\privacy-checkup.exe" --background'
