"""Driving the real app in a real X window as a person would: keys through xdotool, screenshots through
ImageMagick, and what the person then sees through the app's own commands."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.desktop import Desktop, need

WINDOW_NAME = "Privacy Checkup"


@dataclass
class Person:
    desktop: Desktop
    home: Path
    shots: Path
    app: subprocess.Popen[bytes] | None = None
    window: str = ""

    def open_app(self) -> None:
        need("xdotool", "import")
        self.desktop.env["PRIVACY_CHECKUP_HOME"] = str(self.home)
        self.app = self.desktop.start(sys.executable, "-m", "privacy_checkup")
        found = self.desktop.run("xdotool", "search", "--sync", "--onlyvisible", "--name", f"^{WINDOW_NAME}$",
                                 timeout=60)
        assert found.returncode == 0, found.stderr
        self.window = found.stdout.split()[0]
        self.desktop.run("xdotool", "windowactivate", "--sync", self.window)
        self.settle(1.0)  # the first paint, then what follows it (the tray, the D-Bus name)

    def keys(self, *keys: str, pause: float = 0.25) -> None:
        """Press `keys` one after the other (xdotool names: Return, Tab, ctrl+1, alt+n, Escape)."""
        for key in keys:
            # To whichever window has the focus, as a keyboard does (the app's, activated when it opened).
            result = self.desktop.run("xdotool", "key", "--clearmodifiers", key)
            assert result.returncode == 0, result.stderr
            time.sleep(pause)

    def settle(self, seconds: float = 0.4) -> None:
        time.sleep(seconds)

    def screenshot(self, name: str) -> Path:
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.png"
        result = self.desktop.run("import", "-window", "root", str(path))
        assert result.returncode == 0, result.stderr
        return path

    def quit_app(self) -> None:
        assert self.app is not None
        self.keys("ctrl+q", pause=0.5)
        try:
            self.app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.app.terminate()
            raise
        assert self.app.returncode == 0
        self.app = None

    def command(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        self.desktop.env["PRIVACY_CHECKUP_HOME"] = str(self.home)
        return self.desktop.run(sys.executable, "-m", "privacy_checkup", *arguments)

    def status(self) -> tuple[int, dict[str, Any]]:
        result = self.command("status", "--json")
        return result.returncode, json.loads(result.stdout)
