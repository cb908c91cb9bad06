""""Start at login": a .desktop file on Linux, the Run key on Windows, a LaunchAgent on macOS.

With PRIVACY_CHECKUP_HOME set (portable installs, tests) the entry goes to HOME/autostart,
so nothing outside that folder is touched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from privacy_checkup.storage import paths, xdg
from privacy_checkup.storage.atomic import atomic_write

APP_ID = "org.privacycheckup.PrivacyCheckup"
RUN_VALUE_NAME = "Privacy Checkup"
BACKGROUND_FLAG = "--background"


def launch_command() -> list[str]:
    """How to start this copy of the app in the background at login."""
    if getattr(sys, "frozen", False):
        return [sys.executable, BACKGROUND_FLAG]
    return [sys.executable, "-m", "privacy_checkup", BACKGROUND_FLAG]


def desktop_exec(command: Sequence[str]) -> str:
    """An Exec= value as the Desktop Entry spec quotes it."""
    def quote(arg: str) -> str:
        if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
            return arg
        escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        return f'"{escaped}"'
    return " ".join(quote(a) for a in command).replace("%", "%%")


def desktop_string(value: str) -> str:
    """A value of the Desktop Entry spec's string type, with its escapes."""
    for raw, escaped in (("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r")):
        value = value.replace(raw, escaped)
    return value


def desktop_entry(command: Sequence[str]) -> str:
    # TryExec: once the app is uninstalled (or the copy it names is moved), the session skips the
    # entry instead of failing to start a program that is not there at every login.
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Privacy Checkup\n"
        "Comment=Reminds you when a privacy review is due\n"
        f"TryExec={desktop_string(command[0])}\n"
        f"Exec={desktop_exec(command)}\n"
        "Icon=privacy-checkup\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: Sequence[str]) -> bytes:
    import plistlib  # only macOS needs it; importing it costs start-up an XML parser

    return plistlib.dumps({"Label": APP_ID, "ProgramArguments": list(command), "RunAtLoad": True,
                           "ProcessType": "Interactive"})


def windows_run_value(command: Sequence[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(list(command))


def _entry_path() -> Path:
    home = os.environ.get(paths.HOME_ENV)
    if home:
        return Path(home) / "autostart" / f"{APP_ID}.desktop"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    return xdg.config_home() / "autostart" / f"{APP_ID}.desktop"


def _uses_registry() -> bool:
    return sys.platform == "win32" and not os.environ.get(paths.HOME_ENV)


_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

if sys.platform == "win32":
    import winreg

    def _registry_has() -> bool:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
                winreg.QueryValueEx(key, RUN_VALUE_NAME)
        except FileNotFoundError:
            return False
        return True

    def _registry_set(value: str) -> None:
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
            winreg.SetValueEx(key, RUN_VALUE_NAME, 0, winreg.REG_SZ, value)

    def _registry_delete() -> None:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            try:
                winreg.DeleteValue(key, RUN_VALUE_NAME)
            except FileNotFoundError:
                return
else:
    def _registry_has() -> bool:
        raise OSError("the Windows registry exists only on Windows")

    def _registry_set(value: str) -> None:
        raise OSError("the Windows registry exists only on Windows")

    def _registry_delete() -> None:
        raise OSError("the Windows registry exists only on Windows")


def is_enabled() -> bool:
    if _uses_registry():
        return _registry_has()
    return _entry_path().exists()


def enable(command: Sequence[str] | None = None) -> Path | None:
    """Start the app at login; returns the file written (None for the Windows registry)."""
    command = list(command or launch_command())
    if _uses_registry():
        _registry_set(windows_run_value(command))
        return None
    path = _entry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = launch_agent(command) if path.suffix == ".plist" else desktop_entry(command).encode("utf-8")
    atomic_write(path, data, mode=0o644)
    return path


def disable() -> None:
    """Stop starting at login. Removes only the entry this app wrote."""
    if _uses_registry():
        _registry_delete()
        return
    _entry_path().unlink(missing_ok=True)
