"""Notifications through the desktop's own notification service (freedesktop.org's Desktop Notifications,
on the session D-Bus), for desktops without a system tray, such as GNOME's default.

It talks D-Bus with jeepney, which keyring already brings on Linux, rather than QtDBus: PySide6 cannot
mark a Python number as the unsigned 32-bit integer the service's Notify method requires, and the
service refuses the call without it. Nothing leaves the machine: the session bus is a local socket.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_S = 2.0
SHOW_FOR_MS = 15_000


class Notifier(NamedTuple):
    """Whether this desktop has a notification service, and why not when it has none."""

    available: bool
    reason: str = ""


def _connection() -> Any:
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus="SESSION")


def _within(seconds: float, work: Callable[[], T]) -> T:
    """`work()` on a thread of its own, given up (TimeoutError) after `seconds`: jeepney waits for the bus's
    answer to its greeting without a time limit, and a bus that never answers must not freeze the app."""
    result: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # handed to the caller's thread, which raises it
            failure.append(exc)

    worker = threading.Thread(target=run, name="desktop-notifications", daemon=True)
    worker.start()
    worker.join(seconds)
    if failure:
        raise failure[0]
    if not result:
        raise TimeoutError(f"the session bus did not answer within {seconds} s")
    return result[0]


def probe() -> Notifier:
    """Whether a notification service is on the session bus now, or can be started by it."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return Notifier(False, "desktop notifications here come from the tray icon")
    try:
        return _within(2 * TIMEOUT_S, _probe)
    except TimeoutError as exc:
        return Notifier(False, f"no desktop session bus ({exc})")


def _probe() -> Notifier:
    try:
        from jeepney import DBusAddress, DBusErrorResponse, new_method_call
        from jeepney.wrappers import unwrap_msg

        bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                          interface="org.freedesktop.DBus")
        with _connection() as connection:
            owned = unwrap_msg(connection.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s", (SERVICE,)),
                                                             timeout=TIMEOUT_S))[0]
            if owned:
                return Notifier(True)
            startable = unwrap_msg(connection.send_and_get_reply(new_method_call(bus, "ListActivatableNames"),
                                                                 timeout=TIMEOUT_S))[0]
    except (OSError, KeyError, ValueError, TimeoutError, ImportError, DBusErrorResponse) as exc:
        # No session bus (or none reachable): no notifications, and the menu says so.
        return Notifier(False, f"no desktop session bus ({type(exc).__name__})")
    if SERVICE in startable:
        return Notifier(True)
    return Notifier(False, "this desktop has no notification service")


def notify(app_name: str, title: str, body: str) -> int:
    """Show a notification; returns its id from the service. Raises OSError when it cannot be shown."""
    from jeepney import DBusAddress, DBusErrorResponse, new_method_call
    from jeepney.wrappers import unwrap_msg

    address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
    message = new_method_call(address, "Notify", "susssasa{sv}i",
                              (app_name, 0, "privacy-checkup", title, body, [], {}, SHOW_FOR_MS))
    def send() -> Any:
        with _connection() as connection:
            return unwrap_msg(connection.send_and_get_reply(message, timeout=TIMEOUT_S))

    try:
        body = _within(2 * TIMEOUT_S, send)
    except (KeyError, ValueError, TimeoutError) as exc:
        raise OSError(f"no desktop session bus: {exc}") from exc
    except DBusErrorResponse as exc:
        raise OSError(f"the notification service refused: {exc.name}") from exc
    return int(body[0])
