"""The three questions about the person: who they are, which platforms, which device on each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from privacy_checkup.core.model import Checklist, Persona, Surface
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.widgets.layout import clear_layout
from privacy_checkup.ui.widgets.safe_text import icon_label, plain_label


def persona_texts(widget: QWidget) -> dict[Persona, tuple[str, str]]:
    return {
        Persona.EVERYONE: (widget.tr("&Just me"),
                           widget.tr("The settings that matter for anyone with a social-media account.")),
        Persona.HIGH_PROFILE: (widget.tr("A high-profile p&erson"),
                               widget.tr("An MP, journalist, campaigner or their family. Adds extra protection "
                                         "and puts the riskiest settings first.")),
        Persona.OFFICE_STAFF: (widget.tr("&Office staff"),
                               widget.tr("You work for an MP or an organisation and handle its contacts, "
                                         "casework or shared accounts.")),
        Persona.MANAGER: (widget.tr("I &run a high-profile person's accounts"),
                          widget.tr("A caseworker or staff member who runs an MP's or public figure's accounts. "
                                    "Covers both your own accounts and the ones you manage.")),
    }


def persona_note_text(widget: QWidget, persona: Persona, note_for: Persona, note: str) -> str:
    """A persona's note as the page shows it, saying whom it is about: someone who runs a high-profile
    person's accounts reads that person's note as being about the account they manage."""
    if persona is Persona.MANAGER and note_for is Persona.HIGH_PROFILE:
        return widget.tr("For the account you manage: ") + note
    if note_for is Persona.MANAGER:
        return widget.tr("For the account you manage: ") + note
    who = persona_texts(widget)[note_for][0].replace("&", "")
    return widget.tr("For %1: ").replace("%1", who.lower()) + note


def surface_label(widget: QWidget, surface: Surface) -> str:
    return {Surface.IOS: widget.tr("iPhone / iPad"), Surface.ANDROID: widget.tr("Android"),
            Surface.WEB: widget.tr("Web / computer")}[surface]


class PersonaChoice(QWidget):
    changed = Signal()

    def __init__(self, persona: Persona = Persona.EVERYONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.group = QButtonGroup(self)
        self.buttons: dict[Persona, QRadioButton] = {}
        for value, (title, description) in persona_texts(self).items():
            frame = QFrame(self)
            frame.setProperty("choice", True)
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(16, 10, 16, 12)
            inner.setSpacing(2)
            button = QRadioButton(title, frame)
            button.setAccessibleName(title.replace("&", ""))
            button.setAccessibleDescription(description)
            detail = plain_label(description, frame, role="muted")
            detail.setContentsMargins(30, 0, 0, 0)
            inner.addWidget(button)
            inner.addWidget(detail)
            layout.addWidget(frame)
            self.group.addButton(button)
            self.buttons[value] = button
            button.toggled.connect(self.changed)
        self.buttons[persona].setChecked(True)

    def persona(self) -> Persona:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return Persona.EVERYONE


class PlatformChoice(QWidget):
    """A checkbox with a monogram per checklist in the catalog."""

    changed = Signal()

    def __init__(self, checklists: Sequence[Checklist], chosen: Sequence[str] = (),
                 parent: QWidget | None = None, required: Sequence[str] = (), organisation: str | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(10)
        self.boxes: dict[str, QCheckBox] = {}
        ratio = self.devicePixelRatioF()
        columns = 2
        for index, checklist in enumerate(checklists):
            frame = QFrame(self)
            frame.setProperty("choice", True)
            row = QHBoxLayout(frame)
            row.setContentsMargins(14, 10, 14, 10)
            row.setSpacing(12)
            box = QCheckBox(frame)
            box.setAccessibleName(checklist.title)
            box.setChecked(checklist.id in chosen or checklist.id in required)
            if checklist.id in required:  # the office's policy requires it: shown ticked, cannot be unticked
                box.setEnabled(False)
                why = (self.tr("Required by %1").replace("%1", organisation) if organisation
                       else self.tr("Required by your office"))
                box.setToolTip(why)
                box.setAccessibleDescription(why)
            box.toggled.connect(self.changed)
            icon = icon_label(icons.monogram(checklist.id, checklist.title, 32, ratio),
                              self.tr("%1 icon").replace("%1", checklist.title), frame)
            name = plain_label(checklist.title, frame, role="cardtitle")
            name.setBuddy(box)
            row.addWidget(box)
            row.addWidget(icon)
            row.addWidget(name, 1)
            layout.addWidget(frame, index // columns, index % columns)
            self.boxes[checklist.id] = box
        if not checklists:
            layout.addWidget(plain_label(self.tr(
                "No checklists were found, so there is nothing to check yet. Ask whoever installed Privacy "
                "Checkup, or see Help > Checklist problems."), self, role="error"), 0, 0)
        self._order = [c.id for c in checklists]
        self._initial = [cid for cid in chosen if cid in self.boxes]

    def chosen(self) -> list[str]:
        """Ids ticked, keeping the person's earlier order first, then the catalog's."""
        ticked = {cid for cid, box in self.boxes.items() if box.isChecked()}
        kept = [cid for cid in self._initial if cid in ticked]
        return kept + [cid for cid in self._order if cid in ticked and cid not in kept]


class DeviceChoice(QWidget):
    """For each chosen platform, the device the person uses it on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(12)
        self.combos: dict[str, QComboBox] = {}

    def set_platforms(self, checklists: Sequence[Checklist], surfaces: dict[str, Surface]) -> None:
        previous = self.surfaces()
        clear_layout(self.grid)
        self.combos = {}
        ratio = self.devicePixelRatioF()
        for row, checklist in enumerate(checklists):
            icon = icon_label(icons.monogram(checklist.id, checklist.title, 28, ratio),
                              self.tr("%1 icon").replace("%1", checklist.title), self)
            name = plain_label(checklist.title, self, role="cardtitle", wrap=False)
            combo = QComboBox(self)
            offered = [s for s in Surface if any(s in item.steps for item in checklist.items)] or list(Surface)
            for surface in offered:
                combo.addItem(surface_label(self, surface), surface.value)
            wanted = previous.get(checklist.id) or surfaces.get(checklist.id) or offered[0]
            index = combo.findData(wanted.value)
            combo.setCurrentIndex(max(index, 0))
            combo.setAccessibleName(self.tr("Device for %1").replace("%1", checklist.title))
            name.setBuddy(combo)
            self.grid.addWidget(icon, row, 0)
            self.grid.addWidget(name, row, 1)
            self.grid.addWidget(combo, row, 2)
            self.combos[checklist.id] = combo
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnMinimumWidth(2, 220)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)

    def surfaces(self) -> dict[str, Surface]:
        return {cid: Surface(combo.currentData()) for cid, combo in self.combos.items()}
