"""A private desktop for tests that need a real one: an X server (Xvfb), a D-Bus session bus and, when asked,
a real notification daemon (dunst) and a window manager (openbox). Nothing is shared with the developer's
own desktop. CI installs the programs (packaging/apt-test.txt); with PRIVACY_CHECKUP_REQUIRE_DESKTOP set,
a missing one fails the test instead of skipping it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REQUIRE_ENV = "PRIVACY_CHECKUP_REQUIRE_DESKTOP"


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{', '.join(missing)} not installed (see packaging/apt-test.txt)")
        pytest.skip(f"{', '.join(missing)} not installed")


@dataclass
class Desktop:
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def run(self, *command: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=timeout, check=False)

    def start(self, *command: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.processes.append(process)
        return process

    def notifications(self) -> list[dict[str, str]]:
        """Every notification dunst was given, newest first (closing them moves them to its history)."""
        self.run("dunstctl", "close-all")
        time.sleep(0.2)
        history = json.loads(self.run("dunstctl", "history").stdout or '{"data": [[]]}')
        return [{key: entry[key]["data"] for key in ("appname", "summary", "body")} for entry in history["data"][0]]


def _wait_for(check: Callable[[], bool], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


# A session bus that can start no service by itself: what a desktop without a notification daemon has.
BARE_BUS = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/>
</policy></busconfig>
"""


@contextlib.contextmanager
def private_desktop(tmp_path: Path, *, notifications: bool = False, window_manager: bool = False,
                    size: str = "1280x800", services: bool = True) -> Iterator[Desktop]:
    """`services=False`: the bus starts no service on demand (no notification daemon can appear)."""
    need("Xvfb", "dbus-daemon", *(["dunst", "dunstctl"] if notifications else []),
         *(["openbox"] if window_manager else []))
    display = f":{100 + os.getpid() % 800}"
    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, XDG_RUNTIME_DIR=str(_private_dir(tmp_path / "runtime")))
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if services:
        bus_config = ["--session"]
    else:
        (tmp_path / "bus.conf").write_text(BARE_BUS)
        bus_config = [f"--config-file={tmp_path / 'bus.conf'}"]
    bus = subprocess.Popen(["dbus-daemon", *bus_config, "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, env=env)
    desktop = Desktop(env)
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        if not _wait_for(lambda: Path(f"/tmp/.X11-unix/X{display[1:]}").exists()):
            pytest.fail("Xvfb did not start")
        if window_manager:
            desktop.start("openbox")
        if notifications:
            desktop.start("dunst")
            if not _wait_for(lambda: desktop.run("dunstctl", "count").returncode == 0):
                pytest.fail("dunst did not start")
        yield desktop
    finally:
        started: list[subprocess.Popen[bytes] | subprocess.Popen[str]] = [*desktop.processes, bus, xvfb]
        for process in started:
            process.terminate()
        for process in started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        if bus.stdout is not None:
            bus.stdout.close()


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path
