"""The main window: first run, then the dashboard; a checkup opens in place of the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from privacy_checkup import APP_NAME
from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.core.schedule import DueState
from privacy_checkup.session.app_state import AppState
from privacy_checkup.session.checkup_flow import RunKind
from privacy_checkup.ui import window_state
from privacy_checkup.ui.dialogs import modal
from privacy_checkup.ui.screens.dashboard import DashboardView
from privacy_checkup.ui.startup.first_paint import after_first_paint
from privacy_checkup.ui.widgets.layout import settle_layouts

if TYPE_CHECKING:  # the wizard, first run, dialogs and exports are imported when first used: faster start-up
    from privacy_checkup.ui.screens.checkup.view import CheckupView
    from privacy_checkup.ui.screens.first_run import FirstRunView

REFRESH_EVERY_MS = 30 * 60 * 1000


class MainWindow(QMainWindow):
    overdue_changed = Signal(tuple)  # titles of the overdue platforms, for the tray

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setMinimumSize(640, 400)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.first_run: FirstRunView | None = None
        self.dashboard: DashboardView | None = None
        self.checkup: CheckupView | None = None
        self.instance_service: QObject | None = None  # answers a second launch (ui/instance.py)
        self._build_menus()
        window_state.restore_geometry(self)
        # Status glyphs are drawn in the palette's colours: redraw the screen when light/dark changes.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.redraw_for_theme)
        # Left open for days, the dashboard and the tray still move from "due soon" to "overdue".
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_EVERY_MS)
        self.refresh_timer.timeout.connect(self.refresh_dashboard)
        self.refresh_timer.start()
        if state.store.profile().onboarded:
            self.show_dashboard()
        else:
            self.show_first_run()

    # Screens
    def show_first_run(self) -> None:
        from privacy_checkup.ui.screens.first_run import FirstRunView

        self.first_run = FirstRunView(self.state, self.stack)
        self.first_run.finished.connect(self.show_dashboard)
        self._replace(self.first_run)
        self._set_menus_enabled(False)

    def show_dashboard(self) -> None:
        self.checkup = None
        self.dashboard = DashboardView(self.state, self.stack)
        self.dashboard.start_requested.connect(self.open_checkup)
        self.dashboard.changes_requested.connect(self.open_changes)
        self.dashboard.open_settings_requested.connect(self.open_open_settings)
        self.dashboard.manage_requested.connect(lambda: self.edit_profile("platforms"))
        self.dashboard.problems_requested.connect(self.show_checklist_problems)
        self._replace(self.dashboard)
        self._set_menus_enabled(True)
        self.overdue_changed.emit(self.overdue_titles())
        if self.dashboard.cards:
            self.dashboard.cards[0].action_button.setFocus()

    def overdue_titles(self) -> tuple[str, ...]:
        if not self.state.store.profile().onboarded:
            return ()
        # The dashboard on screen has just computed every status: reuse it rather than reading the
        # whole store again (start-up asked for these three times).
        showing = self.dashboard is not None and self.stack.currentWidget() is self.dashboard
        rows = self.dashboard.rows if showing and self.dashboard is not None else self.state.chosen_checklists()
        return tuple(c.title for c, s in rows if s.state is DueState.OVERDUE)

    def show_laid_out(self) -> None:
        """Show the window, its first frame already laid out (layout_parts.settle_layouts)."""
        self.show()
        settle_layouts()

    def bring_to_front(self) -> None:
        self.showNormal()
        settle_layouts()
        self.raise_()
        self.activateWindow()

    def open_checkup(self, checklist_id: str, only_items: tuple[str, ...] | None = None,
                     kind: RunKind = RunKind.REVIEW) -> None:
        checklist = self.state.catalog.get(checklist_id)
        if checklist is None:
            return
        self._guard(lambda: self._open_checkup(checklist_id, only_items, kind))

    def _open_checkup(self, checklist_id: str, only_items: tuple[str, ...] | None, kind: RunKind) -> None:
        checklist = self.state.catalog.get(checklist_id)
        assert checklist is not None
        from privacy_checkup.ui.screens.checkup.view import CheckupView

        self.checkup = CheckupView(self.state, checklist, only_items, self.stack, kind=kind)
        self.checkup.closed.connect(self.show_dashboard)
        self._replace(self.checkup)
        self.checkup.focus_page()

    def open_changes(self, checklist_id: str) -> None:
        checklist = self.state.catalog.get(checklist_id)
        if checklist is not None:
            self.open_checkup(checklist_id, self.state.status(checklist).changed_items, RunKind.CHANGES)

    def open_open_settings(self, checklist_id: str) -> None:
        """ "Do the 5 open settings": the ones a finished review left open, highest risk first."""
        checklist = self.state.catalog.get(checklist_id)
        if checklist is not None:
            self.open_checkup(checklist_id, self.state.status(checklist).open_items, RunKind.OPEN_SETTINGS)

    def _replace(self, widget: QWidget) -> None:
        """Show `widget` (made with the stack as its parent: reparenting a built screen would restyle it
        all again) in place of the current screen."""
        old = self.stack.currentWidget()
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def redraw_for_theme(self, _scheme: object = None) -> None:
        if self.dashboard is not None and self.stack.currentWidget() is self.dashboard:
            self.dashboard.refresh()

    def refresh_dashboard(self) -> None:
        if (self.dashboard is not None and self.stack.currentWidget() is self.dashboard
                and self.dashboard.refresh_if_changed()):
            self.overdue_changed.emit(self.overdue_titles())

    # Menus
    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        """An action in this window. Made as QAction(parent), then given its text: with the text as an
        argument, PySide6 builds QIcon's Python enums while it weighs the overloads (1 ms of start-up)."""
        action = QAction(self)
        action.setText(text)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.report_action = self._action(self.tr("Export &report\u2026"), self.export_report)
        file_menu.addAction(self.report_action)
        file_menu.addSeparator()
        self.backup_actions: list[QAction] = [self._action(self.tr("&Export backup\u2026"), self.export_backup),
                                              self._action(self.tr("&Import backup\u2026"), self.import_backup)]
        for action in self.backup_actions:
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), self.close)
        file_menu.addAction(self.quit_action)
        after_first_paint(self, self._add_quit_keys)

        platforms_menu = self.menuBar().addMenu(self.tr("&Platforms"))
        self.manage_action = self._action(self.tr("&Add or remove platforms\u2026"),
                                          lambda: self.edit_profile("platforms"))
        self.devices_action = self._action(self.tr("Change &devices\u2026"), lambda: self.edit_profile("devices"))
        self.persona_action = self._action(self.tr("Change &who this is for\u2026"),
                                           lambda: self.edit_profile("persona"))
        for action in (self.manage_action, self.devices_action, self.persona_action):
            platforms_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        self.problems_action = self._action(self.tr("&Checklist problems\u2026"), self.show_checklist_problems)
        self.problems_action.setVisible(bool(self.state.problems()))
        help_menu.addAction(self.problems_action)
        help_menu.addAction(self._action(self.tr("&About Privacy Checkup"), self.show_about))

    def _add_quit_keys(self) -> None:
        """Every key the platform uses to quit, once the window is on screen: QKeySequence's Python enums
        take 0.6 ms, and no key can reach a window before it is shown."""
        from PySide6.QtGui import QKeySequence

        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)

    def export_report(self) -> None:
        from privacy_checkup.ui.actions import report as report_actions

        report_actions.export_report(self, self.state)

    def export_backup(self) -> None:
        from privacy_checkup.ui.actions import backup as backup_actions

        backup_actions.export_to_file(self, self.state)

    def import_backup(self) -> None:
        if self.checkup is not None and not self.checkup.save_note():
            return
        from privacy_checkup.ui.actions import backup as backup_actions

        if backup_actions.import_from_file(self, self.state):
            if self.state.store.profile().onboarded:
                self.show_dashboard()
            else:
                self.show_first_run()

    def _set_menus_enabled(self, enabled: bool) -> None:
        # Backups stay available during the first run: restoring one is how a new computer starts.
        for action in (self.manage_action, self.devices_action, self.persona_action, self.report_action):
            action.setEnabled(enabled)

    def edit_profile(self, tab: str = "platforms") -> None:
        """The profile dialog at `tab`: "platforms", "devices" or "persona"."""
        from privacy_checkup.ui.dialogs.profile import ProfileDialog

        dialog = ProfileDialog(self.state, self, tab)
        if modal.run(dialog):
            self._guard(dialog.save)
            if self.checkup is None:
                self.show_dashboard()

    def show_about(self) -> None:
        from privacy_checkup.ui.dialogs.about import AboutDialog

        modal.run(AboutDialog(self))

    def show_checklist_problems(self) -> None:
        if self.state.problems():
            from PySide6.QtWidgets import QMessageBox

            from privacy_checkup.ui import messages

            box = messages.message_box(self, messages.checklist_problems(self.state.problems()),
                                       QMessageBox.Icon.Information)
            modal.run(box)

    def _guard(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (PrivacyCheckupError, OSError) as exc:
            from privacy_checkup.ui import messages  # errors only: not on the way to the first paint

            messages.show_error(self, exc)

    # Window life
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.checkup is not None and not self.checkup.save_note():
            event.ignore()  # the note could not be saved; the error said why. Closing would lose it.
            return
        window_state.save_geometry(self)
        super().closeEvent(event)
