"""Promise 1 for the real app, outside the test process: it never loads network code and, run end to end
in a network namespace under strace, never tries to reach an IPv4 or IPv6 address.

(tests/conftest.py blocks internet sockets inside the test process; these tests cover the app's own
processes, which that guard cannot see.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.syscall_trace import child_env, internet_calls, offline_prefix, require_strace, socket_families

DRIVER = Path(__file__).with_name("offline_checkup.py")

# Modules whose job is talking to the network. `socket` itself is not one: keyring's D-Bus transport
# (jeepney) imports it for its Unix socket, and the strace test below proves what it is used for.
NETWORK_MODULES = {
    "urllib.request", "http.client", "http.server", "http.cookiejar", "ssl", "ftplib", "smtplib", "imaplib",
    "poplib", "nntplib", "telnetlib", "xmlrpc.client", "xmlrpc.server", "socketserver", "asyncio.streams",
    "webbrowser", "urllib3", "requests", "httpx", "aiohttp", "websocket", "websockets", "grpc", "paramiko",
    "PySide6.QtNetwork", "PySide6.QtNetworkAuth", "PySide6.QtWebSockets", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebView", "PySide6.QtHttpServer", "PySide6.QtRemoteObjects",
    "PySide6.QtWebChannel",
}
# Third-party modules allowed to import one of them, and why. Each entry is a known, reviewed import that
# does not make the app talk to the network.
ALLOWED_IMPORTERS = {
    # keyring -> jaraco.context, whose tarball() download helper keyring never calls; urllib.request brings
    # http.client and ssl with it. Nothing connects: the strace test below would see it.
    "jaraco.context": "imports urllib.request at module level for a helper keyring does not use",
}

# Runs in the child: records who imported each module, starts the real GUI (first paint, then quit),
# then reports every module and shared library loaded.
PROBE = r"""
import importlib.abc, json, sys

importers = {}


class Recorder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name not in importers:
            frame = sys._getframe(1)
            while frame is not None and frame.f_globals.get("__name__", "").startswith(
                    ("importlib", "_frozen_importlib")):
                frame = frame.f_back
            importers[name] = frame.f_globals.get("__name__") if frame is not None else None
        return None


sys.meta_path.insert(0, Recorder())
EXTRA
from privacy_checkup import cli

code = cli.main(["--quit-after-show"])
with open("/proc/self/maps") as maps:
    libraries = sorted({line.split()[-1] for line in maps if ".so" in line})
print(json.dumps({"exit": code, "modules": sorted(sys.modules), "importers": importers, "libraries": libraries}))
"""


def probe_app(home: Path, extra: str = "") -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-c", PROBE.replace("EXTRA", extra)], capture_output=True, text=True,
                            env=child_env(PRIVACY_CHECKUP_HOME=str(home), QT_QPA_PLATFORM="offscreen"),
                            timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def is_network_module(name: str) -> bool:
    return any(name == network or name.startswith(f"{network}.") for network in NETWORK_MODULES)


def network_imports(report: dict[str, Any]) -> dict[str, str | None]:
    """Each network module loaded -> the first module outside the network set on its chain of importers."""
    importers: dict[str, str | None] = report["importers"]
    found = {}
    for name in report["modules"]:
        if not is_network_module(name):
            continue
        cause: str | None = name
        seen = set()
        while cause is not None and is_network_module(cause) and cause not in seen:
            seen.add(cause)
            cause = importers.get(cause)
        found[name] = cause
    return found


def unexplained(report: dict[str, Any]) -> dict[str, str | None]:
    return {name: cause for name, cause in network_imports(report).items() if cause not in ALLOWED_IMPORTERS}


def test_full_gui_start_loads_no_network_module_or_library(tmp_path):
    report = probe_app(tmp_path / "home")
    assert report["exit"] == 0
    assert "privacy_checkup.ui.app" in report["modules"]  # the real GUI started, not just the command line
    assert [name for name in report["modules"] if "QtNetwork" in name] == []
    assert [lib for lib in report["libraries"] if "Qt6Network" in lib or "Qt6WebEngine" in lib] == []
    assert unexplained(report) == {}


def test_network_import_check_names_our_own_module_when_it_imports_network_code(tmp_path):
    # The check above must be able to fail: here the app's own package pulls in http.client.
    report = probe_app(tmp_path / "home", extra="import privacy_checkup, sys\n"
                       "sys.modules['privacy_checkup.sneaky'] = type(sys)('privacy_checkup.sneaky')\n"
                       "exec('import http.client', {'__name__': 'privacy_checkup.sneaky'})")
    assert unexplained(report).get("http.client") == "privacy_checkup.sneaky"


def run_offline_traced(command: list[str], tmp_path: Path, env: dict[str, str]) -> tuple[int, str, str]:
    trace = tmp_path / "network.trace"
    result = subprocess.run([*offline_prefix(), require_strace(), "-f", "-e", "trace=network,execve", "-o",
                             str(trace), *command], capture_output=True, text=True, env=env, timeout=600,
                            check=False)
    return result.returncode, trace.read_text(), result.stderr


def test_whole_checkup_offline_makes_no_internet_connection(tmp_path):
    home = tmp_path / "home"
    temp = tmp_path / "tmp"
    temp.mkdir()
    summary = tmp_path / "summary.json"
    env = child_env(PRIVACY_CHECKUP_HOME=str(home), QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp))
    code, trace, stderr = run_offline_traced([sys.executable, str(DRIVER), str(summary)], tmp_path, env)
    steps: Any = json.loads(summary.read_text("utf-8")) if summary.exists() else {"steps": stderr}
    assert code == 0, json.dumps(steps, indent=1)
    started = [line for line in trace.splitlines() if "execve(" in line and "privacy_checkup" in line]
    processes = [s for s in steps["steps"] if s["step"] != "answers and a note"]
    assert len(processes) == 11
    assert len(started) >= len(processes), "every step of the checkup should have run as its own traced process"
    assert sorted((home / "reports").iterdir()) != []
    assert internet_calls(trace) == []
    assert socket_families(trace) <= {"AF_UNIX", "AF_NETLINK"}
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        assert steps["note"] == "saved"  # the real keyring was reached, over a Unix socket


def test_trace_reading_spots_an_internet_connection_attempt(tmp_path):
    # The assertion above must be able to fail: a process that does try the network is caught.
    attempt = ("import socket\n"
               "targets = ((socket.AF_INET, ('192.0.2.1', 443)), (socket.AF_INET6, ('2001:db8::1', 443)))\n"
               "for family, address in targets:\n"
               "    s = socket.socket(family, socket.SOCK_STREAM)\n"
               "    try: s.connect(address)\n"
               "    except OSError: pass\n"
               "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
               "try: u.sendto(b'x', ('192.0.2.1', 53))\n"
               "except OSError: pass\n")
    code, trace, stderr = run_offline_traced([sys.executable, "-c", attempt], tmp_path, child_env())
    assert code == 0, stderr
    calls = internet_calls(trace)
    assert [call.call for call in calls] == ["connect", "connect", "sendto"]
    assert {"AF_INET", "AF_INET6"} <= socket_families(trace)


@pytest.mark.parametrize("family", ["AF_INET", "AF_INET6"])
def test_network_namespace_has_no_route_out(tmp_path, family):
    check = (f"import socket\ns = socket.socket(socket.{family}, socket.SOCK_DGRAM)\n"
             f"try:\n    s.connect(('{'192.0.2.1' if family == 'AF_INET' else '2001:db8::1'}', 53))\n"
             "except OSError as exc:\n    print('unreachable', exc.errno)\nelse:\n    print('reachable')\n")
    result = subprocess.run([*offline_prefix(), sys.executable, "-c", check], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.stdout.startswith("unreachable"), result.stdout + result.stderr
