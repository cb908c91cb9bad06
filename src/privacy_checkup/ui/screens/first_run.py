"""First run: what the app does and promises, who the person is, their platforms and devices."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from privacy_checkup.session.app_state import AppState
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.widgets.layout import bar, button, card, scroll_page
from privacy_checkup.ui.widgets.profile_choices import DeviceChoice, PersonaChoice, PlatformChoice
from privacy_checkup.ui.widgets.safe_text import icon_label, plain_label


class FirstRunView(QWidget):
    """Four short steps; nothing is saved until the person finishes, so leaving early changes nothing."""

    finished = Signal()

    WELCOME, PERSONA, PLATFORMS, DEVICES = range(4)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.state = state
        profile = state.store.profile()
        checklists = state.catalog.checklists
        self.steps = QStackedWidget(self)
        self.persona_choice = PersonaChoice(profile.persona)
        self.platform_choice = PlatformChoice(checklists, profile.platforms, required=state.policy.required_checklists,
                                              organisation=state.policy.organisation)
        self.device_choice = DeviceChoice()
        self.steps.addWidget(self._welcome_step())
        self.steps.addWidget(self._step(
            self.tr("Step 1 of 3"), self.tr("Who is this checkup for?"),
            self.tr("This decides which settings are recommended and in which order. You can change it later."),
            self.persona_choice))
        platforms_step = self._step(
            self.tr("Step 2 of 3"), self.tr("Which platforms do you use?"),
            self.tr("Pick every account you want to check. You can add or remove platforms later."),
            self.platform_choice)
        self.steps.addWidget(platforms_step)
        self.steps.addWidget(self._step(
            self.tr("Step 3 of 3"), self.tr("Which device do you use for each?"),
            self.tr("The checkup shows the steps for that device. You can switch on any step."),
            self.device_choice))

        footer, row = bar(self, "BottomBar")
        self.back_button = button(self.tr("&Back"), self)
        self.next_button = button(self.tr("&Continue"), self, kind="primary")
        self.next_button.setDefault(True)
        self.step_label = plain_label("", self, role="small", wrap=False)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.step_label)
        row.addSpacing(12)
        row.addWidget(self.next_button)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.platform_choice.changed.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.steps, 1)
        layout.addWidget(footer)
        self._update_buttons()

    def _welcome_step(self) -> QWidget:
        page = QWidget(self)
        _, column = scroll_page(page, 720)
        column.addSpacing(24)
        logo = icon_label(icons.app_icon().pixmap(64, 64), self.tr("Privacy Checkup logo"), page)
        column.addWidget(logo)
        column.addSpacing(6)
        column.addWidget(plain_label(self.tr("Welcome to Privacy Checkup"), page, role="eyebrow"))
        column.addWidget(plain_label(self.tr("Check the privacy of your social-media accounts, "
                                             "one setting at a time."), page, role="display"))
        column.addWidget(plain_label(self.tr(
            "For each platform you use, Privacy Checkup shows what to change, why it matters and exactly where "
            "the setting is on your phone or computer. It remembers what you did and tells you when to look "
            "again."), page, role="lead"))
        column.addSpacing(10)
        promises = card(page)
        promise_layout = QVBoxLayout(promises)
        promise_layout.setContentsMargins(22, 18, 22, 18)
        promise_layout.setSpacing(14)
        for title, text in (
            (self.tr("Works offline"), self.tr("Nothing you do here is sent anywhere. Links open in your browser "
                                               "only when you click them.")),
            (self.tr("No account, no tracking"), self.tr("There is nothing to sign up for. Your progress is "
                                                         "kept on this computer only.")),
            (self.tr("Your notes are encrypted"), self.tr("Private notes are locked with a key kept in your "
                                                          "computer's secure keyring.")),
        ):
            row = QHBoxLayout()
            row.setSpacing(14)
            tick = icon_label(icons.status_glyph("up_to_date", 20, self.devicePixelRatioF()), self.tr("Promise"),
                              promises)
            text_column = QVBoxLayout()
            text_column.setSpacing(2)
            text_column.addWidget(plain_label(title, promises, role="heading"))
            text_column.addWidget(plain_label(text, promises, role="muted"))
            row.addWidget(tick, 0, Qt.AlignmentFlag.AlignTop)
            row.addLayout(text_column, 1)
            promise_layout.addLayout(row)
        column.addWidget(promises)
        column.addWidget(plain_label(self.tr("It takes about two minutes to set up."), page, role="small"))
        column.addStretch(1)
        return page

    def _step(self, eyebrow: str, title: str, lead: str, body: QWidget) -> QWidget:
        page = QWidget(self)
        _, column = scroll_page(page, 720)
        column.addSpacing(16)
        column.addWidget(plain_label(eyebrow, page, role="eyebrow"))
        column.addWidget(plain_label(title, page, role="title"))
        column.addWidget(plain_label(lead, page, role="lead"))
        column.addSpacing(8)
        body.setParent(page)
        column.addWidget(body)
        column.addStretch(1)
        return page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves on (when the step allows it), Esc steps back; neither ever saves or discards anything.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next_button.isEnabled():
            self.go_next()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.go_back()
            return
        super().keyPressEvent(event)

    def current_step(self) -> int:
        return self.steps.currentIndex()

    def go_next(self) -> None:
        step = self.steps.currentIndex()
        if step == self.PLATFORMS:
            chosen = [c for c in (self.state.catalog.get(cid) for cid in self.platform_choice.chosen()) if c]
            self.device_choice.set_platforms(chosen, self.state.store.profile().surfaces)
        if step == self.DEVICES:
            self._save()
            return
        if step == self.PLATFORMS and not self.platform_choice.chosen():
            return
        self.steps.setCurrentIndex(step + 1)
        self._update_buttons()
        self._focus_first()

    def go_back(self) -> None:
        if self.steps.currentIndex() > 0:
            self.steps.setCurrentIndex(self.steps.currentIndex() - 1)
            self._update_buttons()
            self._focus_first()

    def _focus_first(self) -> None:
        step = self.steps.currentIndex()
        target: QWidget | None = None
        if step == self.PERSONA:
            target = self.persona_choice.buttons[self.persona_choice.persona()]
        elif step == self.PLATFORMS and self.platform_choice.boxes:
            target = next(iter(self.platform_choice.boxes.values()))
        elif step == self.DEVICES and self.device_choice.combos:
            target = next(iter(self.device_choice.combos.values()))
        (target or self.next_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        step = self.steps.currentIndex()
        self.back_button.setVisible(step > self.WELCOME)
        texts = {self.WELCOME: self.tr("&Get started"), self.DEVICES: self.tr("&Go to my dashboard")}
        self.next_button.setText(texts.get(step, self.tr("&Continue")))
        self.next_button.setAccessibleName(self.next_button.text().replace("&", ""))
        self.next_button.setEnabled(step != self.PLATFORMS or bool(self.platform_choice.chosen()))
        self.step_label.setText("" if step == self.WELCOME else self.tr("%1 of 3").replace("%1", str(step)))

    def _save(self) -> None:
        store = self.state.store
        store.set_persona(self.persona_choice.persona())
        store.set_platforms(self.platform_choice.chosen(), self.state.now())
        for checklist_id, surface in self.device_choice.surfaces().items():
            store.set_surface(checklist_id, surface)
        store.set_onboarded()
        self.finished.emit()

