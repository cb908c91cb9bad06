"""A second launch on the same data folder opens no second window: it brings the first one forward."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from privacy_checkup.storage.progress import ProgressStore
from tests.desktop import private_desktop


def test_a_second_launch_brings_the_first_window_forward_and_opens_none(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with ProgressStore.open(home / "data" / "progress.sqlite3") as store:
        store.set_onboarded()
    with private_desktop(tmp_path) as desktop:
        desktop.env.update(PRIVACY_CHECKUP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        first = desktop.start(sys.executable, "-m", "privacy_checkup")
        # The first app answers on the session bus once its window is on screen.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            names = desktop.run("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                                "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames").stdout
            if "org.privacycheckup.PrivacyCheckup.i" in names:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the first app never answered on the session bus")
        second = desktop.run(sys.executable, "-m", "privacy_checkup")
        backup = desktop.run(sys.executable, "-m", "privacy_checkup", "backup", "import", str(tmp_path / "x"))
        assert first.poll() is None  # the first one is still open
        first.terminate()
        first.wait(timeout=30)
    assert second.returncode == 0
    assert "already open; its window was brought forward" in second.stderr
    assert backup.returncode == 2  # replacing the store under the open app would split the progress in two
    assert "the app is open" in backup.stderr
    assert "Traceback" not in second.stderr + backup.stderr


def test_another_data_folder_is_another_app(tmp_path: Path) -> None:
    from privacy_checkup.ui.instance import service_name

    assert service_name(tmp_path / "a") != service_name(tmp_path / "b")
    assert service_name(tmp_path / "a") == service_name(tmp_path / "a" / ".." / "a")
