"""Running the app under strace (and in a network namespace) and reading back what it asked the kernel to do.

Used by the promise tests: no internet connection is ever attempted (promise 1), and a disk fault injected
at any write step of a save, backup or report loses nothing (promise 2).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

import privacy_checkup

# The CI marker (tests/run-all.sh sets it): there, a missing tool fails these tests instead of skipping them.
REQUIRE_ENV = "PRIVACY_CHECKUP_REQUIRE_KEYRING"
SOURCE_ROOT = Path(privacy_checkup.__file__).resolve().parents[1]  # this tree's src/, not an installed copy


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process running this tree's code, without writing .pyc files."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SOURCE_ROOT)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def skip_or_fail(reason: str) -> NoReturn:
    """Skip on a developer machine without the tool; fail in CI, where the tool is installed on purpose."""
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{reason} ({REQUIRE_ENV} is set, so this must run; see packaging/apt-test.txt)")
    pytest.skip(reason)


def require_strace() -> str:
    strace = shutil.which("strace")
    if strace is None:
        skip_or_fail("strace is not installed")
    probe = subprocess.run([strace, "-f", "-o", os.devnull, "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        skip_or_fail(f"strace cannot trace here: {probe.stderr.strip()}")
    return strace


def _namespace(flag: str) -> tuple[list[str], list[str]]:
    """(prefix, back_to_user): `prefix` runs a command as root in a new namespace of kind `flag`;
    `back_to_user` put before a command inside it runs that command as the current user again."""
    unshare = shutil.which("unshare")
    if unshare is None:
        skip_or_fail("unshare is not installed")
    uid, gid = os.getuid(), os.getgid()
    drop = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--init-groups"]
    candidates = [([unshare, flag], [])] if os.geteuid() == 0 else [
        ([unshare, "--map-root-user", flag], []),  # a user namespace, where the kernel allows one
        # Where unprivileged user namespaces are off (Ubuntu 24.04's AppArmor default): passwordless sudo
        # makes the namespace, and setpriv drops back to this user inside it.
        (["sudo", "-n", "--preserve-env", unshare, flag, "--"], drop),
    ]
    problems = []
    for prefix, back_to_user in candidates:
        probe = subprocess.run([*prefix, *back_to_user, "true"], capture_output=True, text=True, check=False)
        if probe.returncode == 0:
            return prefix, back_to_user
        problems.append(f"{' '.join(prefix[:3])}: {probe.stderr.strip()}")
    skip_or_fail(f"cannot create a {flag.strip('-')} namespace here ({'; '.join(problems)})")


def offline_prefix() -> list[str]:
    """A command prefix that runs its command, as the current user, in a new network namespace: no interface
    but a loopback that is down."""
    prefix, back_to_user = _namespace("--net")
    return [*prefix, *back_to_user]


def private_mount_prefix() -> tuple[list[str], list[str]]:
    """(prefix, back_to_user) for a private mount namespace: mounts made there vanish with it."""
    return _namespace("--mount")


# connect(), sendto(), sendmsg() and sendmmsg() name their destination; strace prints its address family.
_NETWORK_CALL = re.compile(r"^\s*(?P<pid>\d+)\s+(?P<call>connect|sendto|sendmsg|sendmmsg|bind)\((?P<args>.*)$")
_INTERNET = re.compile(r"sa_family=AF_INET6?\b")


@dataclass(frozen=True)
class SyscallLine:
    pid: int
    call: str
    text: str


def internet_calls(trace: str) -> list[SyscallLine]:
    """Every connect/send/bind in `trace` (strace -f output) addressed to an IPv4 or IPv6 address."""
    found = []
    for line in trace.splitlines():
        match = _NETWORK_CALL.match(line)
        if match and _INTERNET.search(match.group("args")):
            found.append(SyscallLine(int(match.group("pid")), match.group("call"), line))
    return found


def socket_families(trace: str) -> set[str]:
    """The address families of every socket() the traced processes created."""
    return set(re.findall(r"\bsocket\((AF_[A-Z0-9]+)", trace))


# ---- fault injection -------------------------------------------------------------------------------

# What a disk can do to each kind of write step. ENOSPC: the disk is full; EIO: the disk failed.
FAULTS: dict[str, tuple[str, ...]] = {
    "write": ("ENOSPC", "EIO"),
    "pwrite64": ("ENOSPC", "EIO"),
    "writev": ("ENOSPC", "EIO"),
    "pwritev": ("ENOSPC", "EIO"),
    "fsync": ("EIO",),
    "fdatasync": ("EIO",),
    "ftruncate": ("EIO",),
    "rename": ("ENOSPC", "EIO"),
    "renameat": ("ENOSPC", "EIO"),
    "renameat2": ("ENOSPC", "EIO"),
    "link": ("ENOSPC",),
    "linkat": ("ENOSPC",),
    "mkdir": ("ENOSPC",),
    "openat": ("ENOSPC",),  # only opens that create a file (O_CREAT) are write steps
}

_CALL = re.compile(r"^(?P<pid>\d+)\s+(?P<call>[a-z0-9_]+)\((?P<args>.*)$")
_QUOTED_PATH = re.compile(r'"(/[^"]*)"')


@dataclass(frozen=True)
class WriteStep:
    """The `ordinal`-th call of `call` made by the traced process: one place to inject a fault."""

    call: str
    ordinal: int
    text: str


def write_steps(trace: str, under: Path, existing: set[Path]) -> list[WriteStep]:
    """The write steps the first traced process made on files under `under` (strace -y output).

    `existing` are the files there before the run: opening one of them cannot run out of space, so only
    opens that really create a file count as write steps.
    """
    counts: dict[str, int] = {}
    present = {str(path) for path in existing}
    steps = []
    main_pid: int | None = None
    for line in trace.splitlines():
        match = _CALL.match(line)
        if match is None:
            continue
        pid = int(match.group("pid"))
        main_pid = pid if main_pid is None else main_pid
        if pid != main_pid:
            continue
        call, args = match.group("call"), match.group("args")
        counts[call] = counts.get(call, 0) + 1
        paths = _QUOTED_PATH.findall(args)
        succeeded = not re.search(r"\) += -1 ", args)
        if call in ("unlink", "unlinkat") and paths and succeeded:
            present.discard(paths[-1])
        if call not in FAULTS or str(under) not in args:
            continue
        if call == "openat":
            if "O_CREAT" not in args or not paths or paths[0] in present:
                continue
            present.add(paths[0])
        if call.startswith("rename") and len(paths) == 2 and succeeded:
            present.discard(paths[0])
            present.add(paths[1])
        if call.startswith("link") and paths and succeeded:
            present.add(paths[-1])
        steps.append(WriteStep(call, counts[call], line))
    return steps


def traced_calls() -> str:
    return ",".join([*FAULTS, "unlink", "unlinkat"])


def injected(trace: str) -> list[str]:
    """The lines of `trace` where strace made a call fail on purpose."""
    return [line for line in trace.splitlines() if "(INJECTED)" in line]
