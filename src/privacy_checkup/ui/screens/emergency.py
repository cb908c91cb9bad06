"""The emergency path: an account taken over, or someone targeting the person right now. Short ordered actions
and who to contact (the office first, then the services in the guide, then the person's platforms' own pages),
from checklists/emergency.json and the checklists' help_links. A Quick exit hides the window at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from privacy_checkup.core.emergency import Contact, Situation
from privacy_checkup.session.app_state import AppState
from privacy_checkup.ui.widgets.layout import bar, button, card, clear_layout, scroll_page, settle_layouts
from privacy_checkup.ui.widgets.link_buttons import link_button
from privacy_checkup.ui.widgets.safe_text import plain_label

QUICK_EXIT_KEYS = "Ctrl+Shift+X"
# Which of a platform's own pages help in which situation.
HELP_KINDS = {"account-taken-over": ("hacked", "security_checkup"),
              "targeted-now": ("threats", "report_abuse", "impersonation", "public_figure_programme")}
AUDIENCE_ORDER = {"everyone": 0, "uk": 1, "uk_parliament": 2}


class EmergencyView(QWidget):
    closed = Signal()
    quick_exit_requested = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.state = state
        self.guide = state.emergency_guide()
        top, top_row = bar(self, "TopBar")
        self.back_button = button(self.tr("\u2190 Back"), top, accessible_name=self.tr("Back (Esc)"))
        self.back_button.clicked.connect(self.go_back)
        self.quick_exit_button = button(self.tr("Quick exit  %1").replace("%1", QUICK_EXIT_KEYS), top, kind="danger",
                                        accessible_name=self.tr("Quick exit: hide the window at once (%1)").replace(
                                            "%1", QUICK_EXIT_KEYS))
        self.quick_exit_button.setToolTip(self.tr("Hides the window at once. Your answers are saved; open Privacy "
                                                  "Checkup again to come back."))
        self.quick_exit_button.clicked.connect(self.quick_exit_requested)
        top_row.addWidget(self.back_button)
        top_row.addWidget(plain_label(self.tr("Emergency help"), top, role="cardtitle", wrap=False), 1)
        top_row.addWidget(self.quick_exit_button)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addLayout(self.body, 1)
        self.situation: Situation | None = None
        self.page = QWidget(self)  # the page on screen: the choices, or one situation
        self.page.hide()
        self.situation_buttons: dict[str, QPushButton] = {}
        self.link_buttons: list[QPushButton] = []
        self.show_choices()

    def _new_page(self) -> QVBoxLayout:
        self.page.hide()
        self.page.deleteLater()
        clear_layout(self.body)
        self.page = QWidget(self)
        self.page.setObjectName("Page")
        _, column = scroll_page(self.page, 760)
        self.body.addWidget(self.page)
        self.link_buttons = []
        return column

    def show_choices(self) -> None:
        self.situation = None
        column = self._new_page()
        column.addWidget(plain_label(self.tr("EMERGENCY HELP"), self.page, role="eyebrow"))
        self.heading = plain_label(self.tr("What is happening?"), self.page, role="title", selectable=True)
        column.addWidget(self.heading)
        column.addWidget(plain_label(self.tr(
            "If you or anyone else is in danger now, call 999 (in the UK) or your local emergency number first."),
            self.page, role="error"))
        self.situation_buttons = {}
        for situation in self.guide.situations:
            choice = button(situation.title.replace("&", "&&"), self.page, kind="choice")
            choice.setAccessibleDescription(situation.summary)
            choice.clicked.connect(lambda _=False, s=situation: self.show_situation(s))
            self.situation_buttons[situation.id] = choice
            column.addWidget(choice)
            column.addWidget(plain_label(situation.summary, self.page, role="muted"))
        if not self.guide.situations:
            column.addWidget(plain_label(self.tr("The emergency guide could not be read; see Help > Checklist "
                                                 "problems. The contacts below still work."), self.page,
                                         role="warning"))
            self._contacts(column, None)
        column.addStretch(1)
        self.page.show()  # made after the view may be on screen: shown by hand
        settle_layouts()

    def show_situation(self, situation: Situation) -> None:
        self.situation = situation
        column = self._new_page()
        column.addWidget(plain_label(self.tr("EMERGENCY HELP"), self.page, role="eyebrow"))
        self.heading = plain_label(situation.title, self.page, role="title", selectable=True)
        column.addWidget(self.heading)
        column.addWidget(plain_label(situation.summary, self.page, role="lead", selectable=True))
        column.addWidget(plain_label(self.tr("Do these in order"), self.page, role="heading"))
        self.action_labels = []
        for number, action in enumerate(situation.actions, start=1):
            step = card(self.page)
            inner = QVBoxLayout(step)
            inner.setContentsMargins(16, 12, 16, 12)
            inner.setSpacing(4)
            title = plain_label(f"{number}. {action.title}", step, role="heading", selectable=True)
            inner.addWidget(title)
            inner.addWidget(plain_label(action.text, step, role="body", selectable=True))
            for source_title, url in action.sources[:2]:
                link = link_button(self.tr("Source: %1").replace("%1", source_title), url, step)
                self.link_buttons.append(link)
                inner.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
            self.action_labels.append(title)
            column.addWidget(step)
        self._contacts(column, situation)
        column.addStretch(1)
        self.page.show()
        settle_layouts()  # the cards' heights are known before the first paint, and before a click
        self.focus_first()

    def _contacts(self, column: QVBoxLayout, situation: Situation | None) -> None:
        column.addWidget(plain_label(self.tr("Who to contact"), self.page, role="heading"))
        policy = self.state.policy
        if policy.help_link:
            office = policy.organisation or self.tr("your office")
            self._contact_card(column, self.tr("Your office: %1").replace("%1", office),
                               self.tr("Tell them first: they can help, and may need to act for others too."),
                               "", policy.help_link)
        contacts: list[Contact] = sorted(situation.contacts if situation else (),
                                         key=lambda c: AUDIENCE_ORDER.get(c.audience, 9))
        for contact in contacts:
            audience = {"uk": self.tr("In the UK"), "uk_parliament": self.tr("For MPs and their staff")}.get(
                contact.audience, "")
            self._contact_card(column, contact.name, contact.when, contact.how, contact.url, audience)
        kinds = HELP_KINDS.get(situation.id, ()) if situation else ("hacked", "threats", "report_abuse")
        pages = [(checklist.title, link) for checklist, _ in self.state.chosen_checklists()
                 for link in checklist.help_links if link.kind in kinds]
        if pages:
            column.addWidget(plain_label(self.tr("Your platforms' own help pages"), self.page, role="heading"))
            for platform, link in pages:
                help_link = link_button(f"{platform}: {link.title}", link.url, self.page)
                self.link_buttons.append(help_link)
                column.addWidget(help_link, 0, Qt.AlignmentFlag.AlignLeft)

    def _contact_card(self, column: QVBoxLayout, name: str, when: str, how: str, url: str,
                      audience: str = "") -> None:
        box = card(self.page)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.setSpacing(4)
        head = QHBoxLayout()
        head.addWidget(plain_label(name, box, role="heading", selectable=True), 1)
        if audience:
            head.addWidget(plain_label(audience, box, role="small", wrap=False))
        inner.addLayout(head)
        inner.addWidget(plain_label(when, box, role="body", selectable=True))
        if how:
            inner.addWidget(plain_label(how, box, role="body", selectable=True))
        if url:
            link = link_button(url.removeprefix("mailto:").removeprefix("https://"), url, box)
            self.link_buttons.append(link)
            inner.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(box)

    def focus_first(self) -> None:
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        if self.situation is not None:
            self.show_choices()
            self.focus_first()
        else:
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.go_back()
            return
        super().keyPressEvent(event)
