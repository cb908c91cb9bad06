"""A second launch brings the first window forward instead of opening a second one.

The running app holds the data folder's lock (storage/instance_lock.py) and, on Linux and the BSDs,
answers `Activate` on the session D-Bus under a name made from its data folder, so two data folders
(two portable installs, two people) never reach each other's window. Where there is no D-Bus, a
second launch says the app is already open.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import ClassInfo, QObject, Slot

from privacy_checkup.ui.main_window import MainWindow

INTERFACE = "org.privacycheckup.PrivacyCheckup1"
OBJECT_PATH = "/org/privacycheckup/PrivacyCheckup"


def service_name(data_folder: Path) -> str:
    digest = hashlib.sha256(str(data_folder.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"org.privacycheckup.PrivacyCheckup.i{digest}"


# PySide6's stubs type ClassInfo as taking keyword arguments only; a name with a space needs the dict form.
@ClassInfo({"D-Bus Interface": INTERFACE})  # type: ignore[call-arg]
class InstanceService(QObject):  # type: ignore[operator]
    """What the running app answers on the session bus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @Slot()
    def Activate(self) -> None:
        self.window.bring_to_front()


def serve(window: MainWindow, data_folder: Path) -> bool:
    """Answer a second launch's `Activate`; False when there is no session bus to answer on."""
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    service = InstanceService(window)
    window.instance_service = service  # kept alive as long as the window
    registered = bus.registerObject(OBJECT_PATH, service, QDBusConnection.RegisterOption.ExportAllSlots)
    return bool(registered and bus.registerService(service_name(data_folder)))


def activate_running(data_folder: Path) -> bool:
    """Ask the app already running on `data_folder` to bring its window forward; whether it did."""
    from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    running = QDBusInterface(service_name(data_folder), OBJECT_PATH, INTERFACE, bus)
    if not running.isValid():
        return False
    return running.call("Activate").type() is QDBusMessage.MessageType.ReplyMessage
