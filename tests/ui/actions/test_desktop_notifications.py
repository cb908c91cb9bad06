"""Without a tray, an overdue reminder reaches a real notification daemon (dunst) on the test's own D-Bus session."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path

from privacy_checkup.storage.progress import AnswerState, ProgressStore
from tests.desktop import private_desktop

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    from privacy_checkup.session.app_catalog import load_app_catalog
    from privacy_checkup.storage.keystore import MemoryKeyStore
    from privacy_checkup.ui.actions.reminders import TrayReminders
    from privacy_checkup.ui.app import application, open_state
    from privacy_checkup.ui.main_window import MainWindow

    app = application()
    window = MainWindow(open_state(load_app_catalog(), MemoryKeyStore()))
    reminders = TrayReminders(window, app)
    print("tray", reminders.tray_available, "service", reminders.desktop.available)
    print("notified", reminders.notify_if_due())
    print("again", reminders.notify_if_due())  # at most one a day
""")


def test_without_a_tray_the_overdue_reminder_reaches_the_desktops_notification_service(tmp_path: Path) -> None:
    home = tmp_path / "home"
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=200)
    with ProgressStore.open(home / "data" / "progress.sqlite3") as store:
        store.set_platforms(["tiktok"], long_ago)
        store.set_onboarded()
        review = store.start_review("tiktok", 1, long_ago)
        store.record_answer(review.id, "private-account", 1, AnswerState.DONE, long_ago)
        store.complete_review(review.id, long_ago)
    with private_desktop(tmp_path, notifications=True) as desktop:
        desktop.env.update(PRIVACY_CHECKUP_HOME=str(home), QT_QPA_PLATFORM="offscreen")  # offscreen: no tray
        result = desktop.run(sys.executable, "-c", CHILD)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ["tray False service True", "notified True", "again False"]
        received = desktop.notifications()
    assert received == [{"appname": "Privacy Checkup", "summary": "1 privacy review(s) overdue",
                         "body": "Time to look again at: TikTok"}]


def test_with_no_notification_service_the_reminder_says_it_cannot_notify(tmp_path: Path) -> None:
    with private_desktop(tmp_path, services=False) as desktop:  # a bus with no notification service
        desktop.env.update(PRIVACY_CHECKUP_HOME=str(tmp_path / "home"))
        result = desktop.run(sys.executable, "-c", "from privacy_checkup.ui.actions import desktop_notifications as d\n"
                                                   "print(d.probe())")
    assert result.stdout.strip() == "Notifier(available=False, reason='this desktop has no notification service')"


DEAF_BUS = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*"/><allow own="*"/></policy></busconfig>
"""


def test_a_bus_that_never_answers_does_not_freeze_the_app(tmp_path: Path) -> None:
    import subprocess

    from tests.desktop import need

    need("dbus-daemon")
    (tmp_path / "deaf.conf").write_text(DEAF_BUS)  # lets messages in, and lets no answer out
    with subprocess.Popen(["dbus-daemon", f"--config-file={tmp_path / 'deaf.conf'}", "--nofork", "--print-address=1"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as bus:
        try:
            assert bus.stdout is not None
            address = bus.stdout.readline().strip()
            # Without the app's own limit the probe waits for ever, and the 60 s timeout fails the test.
            probe = "from privacy_checkup.ui.actions import desktop_notifications as d\nprint(d.probe().available)"
            result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                                    env={"DBUS_SESSION_BUS_ADDRESS": address, "PATH": "/usr/bin:/bin"}, check=False)
        finally:
            bus.terminate()
            bus.wait(timeout=10)
            if bus.stdout is not None:
                bus.stdout.close()
    assert result.stdout.strip() == "False", result.stderr
