"""Small steps the GUI tests share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from privacy_checkup.core.model import Persona, Surface
from privacy_checkup.session.app_state import AppState
from privacy_checkup.ui.main_window import MainWindow
from privacy_checkup.ui.screens.checkup.item_page import ItemPage
from privacy_checkup.ui.screens.checkup.view import CheckupView


def onboard(state: AppState, platforms: tuple[str, ...] = ("tiktok",), persona: Persona = Persona.EVERYONE,
            surface: Surface = Surface.IOS) -> None:
    store = state.store
    store.set_persona(persona)
    store.set_platforms(platforms, state.now())
    for checklist_id in platforms:
        store.set_surface(checklist_id, surface)
    store.set_onboarded()


def press(qtbot, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def checkup_of(window: MainWindow) -> CheckupView:
    assert window.checkup is not None
    return window.checkup


def page_of(window: MainWindow) -> ItemPage:
    page = checkup_of(window).item_page
    assert page is not None
    return page


def card_for(window: MainWindow, checklist_id: str):
    assert window.dashboard is not None
    return next(c for c in window.dashboard.cards if c.checklist.id == checklist_id)
