"""Promise 1 inside the test process: internet sockets are blocked, Unix sockets are not."""

from __future__ import annotations

import socket

import pytest


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_internet_sockets_cannot_be_opened_in_tests(family: int) -> None:
    with pytest.raises(OSError, match="network access attempted"):
        socket.socket(family, socket.SOCK_STREAM)


def test_name_lookups_are_blocked() -> None:
    with pytest.raises(OSError, match="network access attempted"):
        socket.getaddrinfo("example.org", 443)


def test_unix_sockets_still_work_for_dbus() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"
