"""The strace readers behind the promise tests: what they count, what they ignore, and when they skip."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _pytest.outcomes import Failed, Skipped

from tests import syscall_trace
from tests.syscall_trace import internet_calls, socket_families, write_steps

NETWORK_TRACE = """\
101 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 6
101 connect(6, {sa_family=AF_UNIX, sun_path="/tmp/dbus-x"}, 23) = 0
101 sendmsg(6, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="AUTH"}]}, MSG_NOSIGNAL) = 4
102 sendto(7, "x", 1, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 1
103 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 8
103 connect(8, {sa_family=AF_INET6, sin6_port=htons(53), sin6_addr=inet_pton(AF_INET6, "::1")}, 28 <unfinished ...>
103 <... connect resumed>) = -1 ENETUNREACH (Network is unreachable)
104 sendto(9, "q", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("192.0.2.1")}, 16) = 1
"""


def test_internet_calls_are_found_and_unix_or_netlink_ones_are_not():
    calls = internet_calls(NETWORK_TRACE)
    assert [(call.pid, call.call) for call in calls] == [(103, "connect"), (104, "sendto")]
    assert socket_families(NETWORK_TRACE) == {"AF_UNIX", "AF_INET6"}


def test_write_steps_are_numbered_per_call_and_skip_opens_of_existing_files():
    trace = """\
7 openat(AT_FDCWD, "/usr/lib/x.so", O_RDONLY|O_CLOEXEC) = 3
7 openat(AT_FDCWD, "/w/data/store", O_RDWR|O_CREAT|O_CLOEXEC, 0644) = 4
7 openat(AT_FDCWD, "/w/data/store-wal", O_RDWR|O_CREAT|O_CLOEXEC, 0644) = 5
7 write(1</dev/pts/0>, "hello", 5) = 5
7 pwrite64(5</w/data/store-wal>, "x", 1, 0) = 1
7 unlink("/w/data/store-wal") = 0
7 openat(AT_FDCWD, "/w/data/store-wal", O_RDWR|O_CREAT|O_CLOEXEC, 0644) = 5
7 write(5</w/data/store-wal>, "y", 1) = 1
8 write(5</w/data/other>, "z", 1) = 1
7 rename("/w/data/.tmp", "/w/data/report") = 0
"""
    steps = write_steps(trace, Path("/w/data"), existing={Path("/w/data/store")})
    assert [(step.call, step.ordinal) for step in steps] == [
        ("openat", 3),  # the -wal is created; the store already existed, so opening it cannot fill the disk
        ("pwrite64", 1),
        ("openat", 4),  # created again after its unlink
        ("write", 2),  # the first write went to the terminal, not to the app's files
        ("rename", 1),
    ]  # and nothing from process 8: only the process the fault is injected into counts


@pytest.mark.parametrize("required", [False, True])
def test_missing_strace_skips_unless_required_then_fails(monkeypatch, required):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    if required:
        monkeypatch.setenv(syscall_trace.REQUIRE_ENV, "1")
    else:
        monkeypatch.delenv(syscall_trace.REQUIRE_ENV, raising=False)
    with pytest.raises(Failed if required else Skipped, match="strace is not installed"):
        syscall_trace.require_strace()
    with pytest.raises(Failed if required else Skipped, match="unshare is not installed"):
        syscall_trace.offline_prefix()
