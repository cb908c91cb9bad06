"""Changing the first-run answers later: who this is for, which platforms, which devices."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from privacy_checkup.session.app_state import AppState
from privacy_checkup.ui.widgets.layout import button, scroll_page
from privacy_checkup.ui.widgets.profile_choices import DeviceChoice, PersonaChoice, PlatformChoice
from privacy_checkup.ui.widgets.safe_text import plain_label


class ProfileDialog(QDialog):
    """Removing a platform only hides it: its progress is kept and comes back if it is added again."""

    TABS = ("platforms", "devices", "persona")

    def __init__(self, state: AppState, parent: QWidget | None = None, tab: str = "platforms") -> None:
        super().__init__(parent)
        self.state = state
        profile = state.store.profile()
        self.setWindowTitle(self.tr("Your platforms and profile"))
        self.setAccessibleName(self.windowTitle())
        self.resize(860, 620)
        self.persona_choice = PersonaChoice(profile.persona)
        self.platform_choice = PlatformChoice(state.catalog.checklists, profile.platforms,
                                              required=state.policy.required_checklists,
                                              organisation=state.policy.organisation)
        self.device_choice = DeviceChoice()
        self._refresh_devices()
        self.platform_choice.changed.connect(self._refresh_devices)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Sections"))
        for widget, title, note in (
            (self.platform_choice, self.tr("&Platforms"),
             self.tr("Removing a platform keeps your progress; add it back any time.")),
            (self.device_choice, self.tr("De&vices"), self.tr("The checkup shows the steps for this device.")),
            (self.persona_choice, self.tr("&Who it is for"),
             self.tr("This changes which settings are recommended and their order.")),
        ):
            page = QWidget()
            _, column = scroll_page(page, 680)
            column.addWidget(plain_label(note, page, role="muted"))
            widget.setParent(page)
            column.addWidget(widget)
            column.addStretch(1)
            self.tabs.addTab(page, title)
        self.tabs.setCurrentIndex(self.TABS.index(tab))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(self.tr("&Cancel"), self, auto_default=False)
        self.save_button = button(self.tr("&Save"), self, kind="primary", auto_default=False)
        self.save_button.setDefault(True)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.accept)

    def _refresh_devices(self) -> None:
        chosen = [c for c in (self.state.catalog.get(cid) for cid in self.platform_choice.chosen()) if c]
        self.device_choice.set_platforms(chosen, self.state.store.profile().surfaces)

    def save(self) -> None:
        store = self.state.store
        store.set_persona(self.persona_choice.persona())
        # Platforms whose checklist is missing right now (e.g. a broken file) stay chosen.
        store.set_platforms([*self.platform_choice.chosen(), *self.state.missing_platforms()], self.state.now())
        for checklist_id, surface in self.device_choice.surfaces().items():
            store.set_surface(checklist_id, surface)
