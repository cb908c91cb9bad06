"""Application bootstrap: the QApplication, the theme, the catalog, the store, and the main window."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.session.app_catalog import AppCatalog, load_app_catalog
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage import paths
from privacy_checkup.storage.instance_lock import AlreadyRunningError, InstanceLock
from privacy_checkup.storage.keystore import KeyStore, OsKeyStore
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.ui.look import icons, theme
from privacy_checkup.ui.main_window import MainWindow
from privacy_checkup.ui.startup.first_paint import after_first_paint

if TYPE_CHECKING:
    from privacy_checkup.ui.actions.reminders import TrayReminders


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *theme.QT_STYLE_ARGUMENTS])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("privacy-checkup")  # Wayland and the desktop's task bars take the icon from it
    theme.apply_at_start(app)
    theme.follow_system(app)
    return app


def load_catalog(checklists_dir: Path | None = None) -> AppCatalog:
    """The office policy and the merged checklist layers, exactly as `privacy-checkup status` sees them."""
    return load_app_catalog(checklists_dir)


def open_state(loaded: AppCatalog, keys: KeyStore | None = None) -> AppState:
    """Open the progress store at its usual place; raises PrivacyCheckupError with what went wrong. Its
    integrity check runs beside the window's start-up; `settle` waits for its verdict."""
    store = ProgressStore.open(paths.store_path(), check_beside=True)
    key_store = keys if keys is not None else OsKeyStore()
    pack = loaded.built.verified_pack
    return AppState(loaded.catalog, store, key_store,
                    policy_result=loaded.policy_result,
                    verified_by=pack.manifest.organisation if pack is not None else None)


def quit_reporting_paint(app: QApplication) -> None:
    """--quit-after-show: print when the first paint finished, on the system-wide monotonic clock (the
    start-up benchmark reads it against the moment it started the process), and quit."""
    print(f"first-paint-monotonic {time.monotonic():.6f}", flush=True)
    app.quit()


def refuse(app: QApplication, exc: PrivacyCheckupError, window: MainWindow | None, show: bool) -> None:
    """The app cannot go on (the store cannot be opened, or is damaged): say why, on screen (`show`)
    and on stderr."""
    if show:
        from privacy_checkup.ui import messages  # errors only: not on the way to the first paint

        app.setWindowIcon(icons.app_icon())
        messages.show_error(window, exc)
    print(f"privacy-checkup: {exc}", file=sys.stderr)


def store_intact(window: MainWindow, app: QApplication, show_errors: bool = True) -> bool:
    """The verdict of the store's integrity check, which ran beside start-up: when the store is damaged,
    the app says so and ends with exit code 2, nothing written to it, as if it had failed to open."""
    try:
        window.state.store.confirm_intact()
    except PrivacyCheckupError as exc:
        refuse(app, exc, window, show_errors)
        app.exit(2)
        return False
    return True


def settle(window: MainWindow, app: QApplication, painted: Callable[[], None]) -> bool:
    """Once the window is on screen (or, in the background, at once): the store's integrity confirmed,
    `painted` told (start-up's pause of the garbage collector ends), the window icon, and the system's
    light or dark setting read; start-up went by Qt's palette for it (theme.apply_at_start). False when
    the app is ending instead."""
    if not store_intact(window, app):
        return False
    painted()
    from privacy_checkup.ui import instance  # QtDBus: after the first paint

    instance.serve(window, paths.data_dir())
    app.setWindowIcon(icons.app_icon())
    if theme.match_system(app):
        window.redraw_for_theme()
    return True


def start_reminders(window: MainWindow, app: QApplication) -> TrayReminders:
    from privacy_checkup.ui.actions.reminders import TrayReminders  # the tray, notifications and login switch

    return TrayReminders(window, app)


def start_reminders_after_paint(window: MainWindow, app: QApplication,
                                ready: Callable[[], bool] = lambda: True) -> None:
    """The window comes first: its tray icon, the Reminders menu and a due notification follow its
    first paint, one turn of the event loop later, once `ready` (run first) says the app goes on."""
    def start() -> None:
        if ready():
            start_reminders(window, app).notify_if_due()

    after_first_paint(window, start)


def already_running(app: QApplication, quietly: bool) -> int:
    """A second launch on the same data folder: bring the first window forward, or say it is open."""
    from privacy_checkup.ui import instance

    if instance.activate_running(paths.data_dir()):
        print("privacy-checkup: already open; its window was brought forward", file=sys.stderr)
        return 0
    print("privacy-checkup: already open (close the other window first)", file=sys.stderr)
    if not quietly:
        from privacy_checkup.storage.instance_lock import AlreadyRunningError
        from privacy_checkup.ui import messages

        app.setWindowIcon(icons.app_icon())
        messages.show_error(None, AlreadyRunningError(paths.data_dir()))
    return 0


def run_gui(checklists_dir: Path | None = None, quit_after_show: bool = False, background: bool = False,
            painted: Callable[[], None] = lambda: None) -> int:
    """The app. `background` (the login entry): remind from the tray, or with a desktop notification, opening
    no window unless something is overdue and there is no other way to say so. `painted` is called once the
    window is on screen (ui/startup/collector.py). One app per data folder: a second launch brings the first
    window forward."""
    app = application()
    lock = InstanceLock(paths.data_dir())
    try:
        lock.acquire()
    except AlreadyRunningError:
        return already_running(app, quietly=quit_after_show or background)
    try:
        return _run_window(app, checklists_dir, quit_after_show, background, painted)
    finally:
        lock.release()


def _run_window(app: QApplication, checklists_dir: Path | None, quit_after_show: bool, background: bool,
                painted: Callable[[], None]) -> int:
    catalog = load_catalog(checklists_dir)
    try:
        state = open_state(catalog)
    except PrivacyCheckupError as exc:
        refuse(app, exc, None, show=not quit_after_show)
        return 2
    try:
        try:
            window = MainWindow(state)
        except PrivacyCheckupError as exc:  # a store too damaged to read, found before its check ended
            refuse(app, exc, None, show=not quit_after_show)
            return 2
        if quit_after_show:
            def report_paint() -> None:
                if store_intact(window, app, show_errors=False):
                    painted()
                    quit_reporting_paint(app)

            after_first_paint(window, report_paint)
            window.show_laid_out()
        elif background:
            if not settle(window, app, painted):  # there may be no window to paint
                return 2
            if not window.overdue_titles():
                return 0  # nothing is due: at login, stay out of the way
            reminders = start_reminders(window, app)
            if reminders.tray.icon.isVisible():
                app.setQuitOnLastWindowClosed(False)  # lives in the tray until Quit
                reminders.notify_if_due()
            elif reminders.notify_if_due():
                return 0  # said by the desktop's notification service; nothing else to do at login
            else:
                window.show_laid_out()
        else:
            start_reminders_after_paint(window, app, ready=lambda: settle(window, app, painted))
            window.show_laid_out()
        return app.exec()
    finally:
        state.store.close()
