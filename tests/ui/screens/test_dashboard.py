"""The dashboard reflects the store: status, order, changes, stale content, platforms, bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from privacy_checkup.core.catalog import Layer, LayerSource, build_catalog
from privacy_checkup.core.model import Persona
from privacy_checkup.core.schedule import DueState
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage import paths
from privacy_checkup.storage.known_copies import KnownCopies
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui.dialogs.profile import ProfileDialog
from privacy_checkup.ui.main_window import MainWindow
from privacy_checkup.ui.screens.dashboard import FIRST_SCREEN_CARDS
from privacy_checkup.ui.widgets.platform_card import PlatformCard
from tests.ui.conftest import Clock, catalog_from
from tests.ui.helpers import card_for, checkup_of, click, onboard, press


def _complete_review(state: AppState, checklist_id: str, clock: Clock) -> None:
    checklist = state.catalog.get(checklist_id)
    assert checklist is not None
    review = state.store.start_review(checklist_id, checklist.version, clock())
    for item in checklist.items_for(state.store.profile().persona):
        state.store.record_answer(review.id, item.id, item.revision, AnswerState.DONE, clock())
    state.store.complete_review(review.id, clock())


def test_overdue_is_first_and_impossible_to_miss(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state, ("instagram", "tiktok"))
    _complete_review(state, "tiktok", clock)
    clock.advance(days=120)  # the TikTok interval is 90 days
    window = make_window(state)
    dashboard = window.dashboard
    assert dashboard is not None
    # Instagram was chosen 120 days ago and never started: overdue too, and first in the person's order.
    never, first = dashboard.cards[0], dashboard.cards[1]
    assert (never.checklist.id, first.checklist.id) == ("instagram", "tiktok")
    assert never.status.state is DueState.OVERDUE
    assert never.badge.text() == "Not started, overdue"
    assert never.action_button.text() == "Start checkup"
    assert first.status.state is DueState.OVERDUE
    assert first.property("status") == "overdue"  # the red border
    assert first.badge.property("badge") == "overdue"  # the red badge
    assert first.badge.text() == "Overdue by 30 days"  # the words
    assert "2 overdue" in dashboard.summary_label.text()
    banner_texts = [w.accessibleName() for w in dashboard.findChildren(QWidget, "Banner")]
    # Nothing of Instagram was ever looked at: no "since you last looked" for it.
    assert banner_texts == ["TikTok is overdue for a review: its settings may have changed since you last looked. "
                            "Instagram has not had its first checkup yet, and it was due."]
    assert first.action_button.text() == "Review again"
    assert first.due_label.text() != ""
    assert first.last_label.text() != "Not yet"


def test_a_first_review_begun_but_not_finished_in_time_is_unfinished_not_not_started(
        qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state, ("instagram", "tiktok"))
    for checklist_id in ("instagram",):
        checklist = state.catalog.get(checklist_id)
        assert checklist is not None
        review = state.store.start_review(checklist_id, checklist.version, clock())
        first = checklist.items_for(state.store.profile().persona)[0]
        state.store.record_answer(review.id, first.id, first.revision, AnswerState.DONE, clock())
    clock.advance(days=10)
    card = card_for(make_window(state), "instagram")
    assert (card.status.state, card.due_caption.text()) == (DueState.IN_PROGRESS, "Finish by")
    clock.advance(days=20)
    window = make_window(state)
    card = card_for(window, "instagram")
    assert card.status.state is DueState.OVERDUE
    assert card.badge.text() == "Unfinished, overdue"  # one setting answered: started, and not "Not started"
    assert card.due_caption.text() == "Finish by"
    assert card.action_button.text() == "Resume"
    assert card_for(window, "tiktok").badge.text() == "Not started, overdue"
    dashboard = window.dashboard
    assert dashboard is not None
    banner_texts = [w.accessibleName() for w in dashboard.findChildren(QWidget, "Banner")]
    assert banner_texts == ["Instagram and TikTok have not had their first checkup yet, and it was due."]


def test_a_platform_never_started_is_due_within_two_weeks_of_being_chosen(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state, ("tiktok",))
    clock.advance(days=13)
    card = card_for(make_window(state), "tiktok")
    assert (card.status.state, card.badge.text()) == (DueState.NEVER_REVIEWED, "Not started")
    assert card.due_label.text() == "8 Dec 2026"  # chosen 24 Nov: start by 8 Dec
    clock.advance(days=2)
    card = card_for(make_window(state), "tiktok")
    assert card.status.state is DueState.OVERDUE


def test_changed_items_are_counted_and_reopened_alone(qtbot, make_window, make_state, clock, data_dir, tmp_path):
    state = make_state()
    onboard(state, ("tiktok",))
    _complete_review(state, "tiktok", clock)
    state.store.close()
    newer = tmp_path / "newer"
    newer.mkdir()
    document = json.loads((data_dir / "checklists" / "gui" / "tiktok.json").read_text(encoding="utf-8"))
    document["version"] += 1
    changed = document["sections"][0]["items"][1]
    changed["revision"] += 1
    (newer / "tiktok.json").write_text(json.dumps(document), encoding="utf-8")
    clock.advance(days=1)

    window = make_window(make_state(catalog_from(newer)))
    card = card_for(window, "tiktok")
    assert card.changed_label is not None
    assert card.changed_label.text() == "1 setting changed since your last review"
    assert card.changes_button is not None
    click(qtbot, card.changes_button)
    checkup = checkup_of(window)
    assert [checkup.flow.item(i).id for i in range(len(checkup.flow))] == [changed["id"]]
    page = checkup.item_page
    assert page is not None
    assert page.changed_label is not None  # says why it is being asked again


def test_content_past_its_age_is_flagged_as_possibly_out_of_date(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state, ("tiktok",))
    clock.advance(days=800)
    window = make_window(state)
    card = card_for(window, "tiktok")
    assert card.status.stale
    assert card.stale_label is not None
    assert "may be out of date" in card.stale_label.text()


def test_platforms_are_added_and_removed_later_without_losing_progress(
        qtbot, make_window, make_state, dialogs, clock):
    state = make_state()
    onboard(state, ("tiktok",))
    _complete_review(state, "tiktok", clock)

    def choose_instagram_only(dialog: QDialog) -> int:
        assert isinstance(dialog, ProfileDialog)
        dialog.platform_choice.boxes["tiktok"].setChecked(False)
        dialog.platform_choice.boxes["instagram"].setChecked(True)
        return int(QDialog.DialogCode.Accepted)

    dialogs.respond = choose_instagram_only
    window = make_window(state)
    window.edit_profile()
    assert [c.checklist.id for c in window.dashboard.cards] == ["instagram"]
    assert state.store.last_completed_review("tiktok") is not None  # kept, only hidden

    def cancel(dialog: QDialog) -> int:
        dialog.findChild(QAbstractButton)
        return int(QDialog.DialogCode.Rejected)

    dialogs.respond = cancel
    window.edit_profile()
    assert state.store.profile().platforms == ("instagram",)


def test_persona_change_reorders_and_filters_items(qtbot, make_window, make_state):
    state = make_state()
    onboard(state, ("tiktok",), Persona.EVERYONE)
    everyone = [i.id for i in state.catalog.get("tiktok").items_for(Persona.EVERYONE)]
    state.store.set_persona(Persona.HIGH_PROFILE)
    window = make_window(state)
    window.open_checkup("tiktok")
    flow = checkup_of(window).flow
    high = [flow.item(i).id for i in range(len(flow))]
    assert high == [i.id for i in state.catalog.get("tiktok").items_for(Persona.HIGH_PROFILE)]
    assert high != everyone


def test_a_bad_checklist_file_is_named_with_its_position_and_the_rest_still_works(
        qtbot, make_window, make_state, data_dir, tmp_path, dialogs):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "tiktok.json").write_bytes((data_dir / "checklists" / "gui" / "tiktok.json").read_bytes())
    (folder / "broken.json").write_text('{\n  "id": "broken",\n  "title": 5\n}\n', encoding="utf-8")
    catalog = catalog_from(folder)
    assert catalog.errors
    state = make_state(catalog)
    onboard(state, ("tiktok",))
    window = make_window(state)
    assert [c.checklist.id for c in window.dashboard.cards] == ["tiktok"]
    banners = window.dashboard.findChildren(QWidget, "InfoBanner")
    assert len(banners) == 1
    assert f"{folder / 'broken.json'}:" in banners[0].accessibleName()
    assert window.problems_action.isVisible()
    window.show_checklist_problems()
    box = dialogs.shown[-1]
    assert str(folder / "broken.json") in box.text()
    assert "broken.json:1:1" in box.detailedText() or "broken.json:" in box.detailedText()


def test_a_checklist_file_that_turns_bad_keeps_its_card_from_the_last_good_copy_and_says_so(
        qtbot, make_window, make_state, data_dir, tmp_path, dialogs):
    folder = tmp_path / "lists"
    folder.mkdir()
    tiktok = folder / "tiktok.json"
    tiktok.write_bytes((data_dir / "checklists" / "gui" / "tiktok.json").read_bytes())
    known = KnownCopies(tmp_path / "copies", clock=lambda: dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC))
    layers = [LayerSource(Layer.BUNDLED, folder)]
    assert not build_catalog(layers, known=known).errors
    tiktok.write_text(tiktok.read_text(encoding="utf-8").replace('"id": "tiktok"', '"id": "TikTok!"', 1),
                      encoding="utf-8")
    catalog = build_catalog(layers, known=known)
    state = make_state(catalog)
    onboard(state, ("tiktok",))
    window = make_window(state)
    assert [c.checklist.id for c in window.dashboard.cards] == ["tiktok"]  # still there
    (banner,) = window.dashboard.findChildren(QWidget, "InfoBanner")
    assert f"{tiktok}:" in banner.accessibleName()
    assert "its last good copy (checked on 20 Nov 2026) stays in use" in banner.accessibleName()
    window.show_checklist_problems()
    assert "Until tiktok.json is fixed, its last good copy" in dialogs.shown[-1].text()


def test_window_size_and_position_are_remembered(qtbot, make_window, make_state):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.resize(720, 520)  # inside the offscreen screen (800x600)
    window.close()
    assert (paths.config_dir() / "window.ini").is_file()
    again = make_window(state)
    assert again.size() == QSize(720, 520)


def test_cards_stack_in_one_column_when_narrow(qtbot, make_window, make_state):
    state = make_state()
    onboard(state, ("tiktok", "instagram"))
    window = make_window(state)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.dashboard.grid.getItemPosition(window.dashboard.grid.indexOf(
        window.dashboard.cards[1]))[1] == 1)
    window.resize(640, 400)  # what 1280x800 looks like at 200% scaling
    qtbot.waitUntil(lambda: window.dashboard.grid.getItemPosition(window.dashboard.grid.indexOf(
        window.dashboard.cards[1]))[0] == 1)


INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QCheckBox, QProgressBar)


def _unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()}" for w in root.findChildren(QWidget)
            if isinstance(w, INTERACTIVE) and not w.accessibleName() and w.isVisibleTo(root)
            and not type(w).__name__.startswith("QScrollBar")]


def test_every_control_on_every_screen_has_an_accessible_name(qtbot, make_window, make_state, clock):
    state = make_state()
    window = make_window(state)
    first_run = window.first_run
    assert first_run is not None
    for _ in range(3):
        assert _unnamed(window) == []
        if first_run.current_step() == first_run.PLATFORMS:
            first_run.platform_choice.boxes["tiktok"].setChecked(True)
        first_run.go_next()
    assert _unnamed(window) == []
    first_run.go_next()
    assert _unnamed(window) == []  # dashboard
    window.open_checkup("tiktok")
    assert _unnamed(window) == []  # an item page
    checkup_of(window).show_index(len(checkup_of(window).flow))
    assert _unnamed(window) == []  # the summary
    dialog = ProfileDialog(state, window)
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []


def test_missing_checklist_keeps_the_platform_chosen(qtbot, make_window, make_state, dialogs):
    state = make_state()
    onboard(state, ("tiktok", "gone-platform"))
    dialogs.respond = lambda dialog: int(QDialog.DialogCode.Accepted)
    window = make_window(state)
    assert state.missing_platforms() == ["gone-platform"]
    window.edit_profile()
    assert "gone-platform" in state.store.profile().platforms


def test_quit_mid_checkup_and_relaunch_shows_everything_where_it_was(qtbot, make_window, make_state, clock,
                                                                    tmp_path: Path):
    state = make_state()
    onboard(state, ("tiktok", "instagram"))
    window = make_window(state)
    window.open_checkup("instagram")
    click(qtbot, checkup_of(window).answer_buttons[AnswerState.SKIPPED])
    window.close()
    again = make_window(make_state())
    card = card_for(again, "instagram")
    assert card.status.state is DueState.IN_PROGRESS
    assert card.progress_label.text().startswith("0 done \u00b7 1 skipped \u00b7 ")  # skipped is not checked
    assert card.progress.value() == 0


def test_platforms_the_office_requires_are_ticked_and_cannot_be_unticked(qtbot, make_window, make_state):
    from privacy_checkup.core.policy import Policy, PolicyResult

    state = make_state()
    state.policy_result = PolicyResult(Policy(organisation="The Office", required_checklists=("instagram",)))
    window = make_window(state)
    assert window.first_run is not None
    box = window.first_run.platform_choice.boxes["instagram"]
    assert box.isChecked()
    assert not box.isEnabled()
    assert box.toolTip() == "Required by The Office"
    assert window.first_run.platform_choice.chosen() == ["instagram"]


def test_the_tray_reminder_follows_the_dashboard(qtbot, make_window, make_state, clock):
    from PySide6.QtWidgets import QApplication

    from privacy_checkup.ui.actions.reminders import TrayReminders

    state = make_state()
    onboard(state, ("tiktok",))
    _complete_review(state, "tiktok", clock)
    clock.advance(days=120)
    window = make_window(state)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    reminders = TrayReminders(window, app)
    assert list(reminders.tray.overdue) == ["TikTok"]
    _complete_review(state, "tiktok", clock)
    window.show_dashboard()
    assert not reminders.tray.overdue
    reminders.tray.open_requested.emit()
    assert window.isVisible()


def test_a_normal_start_adds_the_tray_and_reminders_menu_right_after_the_first_paint(
        qtbot, make_state, dialogs):
    from PySide6.QtWidgets import QApplication

    from privacy_checkup.ui.actions.reminders import TrayReminders
    from privacy_checkup.ui.app import start_reminders_after_paint

    state = make_state()
    onboard(state, ("tiktok",))
    window = MainWindow(state)
    qtbot.addWidget(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    start_reminders_after_paint(window, app)
    assert window.findChild(TrayReminders) is None  # nothing before the window is on screen
    window.show()
    qtbot.waitUntil(lambda: window.findChild(TrayReminders) is not None)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Reminders") == titles.index("&Help") - 1


def test_pages_scroll_only_when_they_do_not_fit(qtbot, make_window, make_state):
    from PySide6.QtWidgets import QScrollArea

    state = make_state()
    window = make_window(state)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.height() == 800)
    welcome = [a for a in window.findChildren(QScrollArea) if a.isVisible()]
    assert welcome
    assert welcome[0].verticalScrollBar().maximum() == 0  # it fits: no stray scroll bar
    onboard(state)
    window.show_dashboard()
    window.open_checkup("tiktok")
    window.resize(700, 450)
    qtbot.wait(10)
    page = [a for a in window.findChildren(QScrollArea) if a.isVisible()]
    assert page[0].verticalScrollBar().maximum() > 0  # a long page still scrolls


def test_an_open_dashboard_notices_when_a_review_becomes_overdue(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state, ("tiktok",))
    _complete_review(state, "tiktok", clock)
    window = make_window(state)
    assert card_for(window, "tiktok").status.state is DueState.UP_TO_DATE
    seen: list[tuple[str, ...]] = []
    window.overdue_changed.connect(seen.append)
    first_card = card_for(window, "tiktok")
    window.refresh_timer.timeout.emit()
    assert card_for(window, "tiktok") is first_card  # nothing changed: not rebuilt, focus stays put
    clock.advance(days=91)
    window.refresh_timer.timeout.emit()
    assert card_for(window, "tiktok").status.state is DueState.OVERDUE
    assert seen == [("TikTok",)]


def _grid_cell(grid: QGridLayout, widget: QWidget) -> tuple[int, int]:
    position: Any = grid.getItemPosition(grid.indexOf(widget))  # (row, column, row span, column span)
    return int(position[0]), int(position[1])


def test_cards_past_the_first_screen_follow_right_after_it_in_the_same_order(qtbot, make_state, dialogs):
    catalog = catalog_from(paths.bundled_checklists_dir())
    ids = tuple(c.id for c in catalog.checklists)
    assert len(ids) > FIRST_SCREEN_CARDS
    state = make_state(catalog)
    onboard(state, ids)
    window = MainWindow(state)
    qtbot.addWidget(window)
    dashboard = window.dashboard
    assert dashboard is not None
    assert len(dashboard.cards) == FIRST_SCREEN_CARDS  # all the first paint needs
    window.show()
    qtbot.waitUntil(lambda: dashboard.all_cards_built)
    assert [c.checklist.id for c in dashboard.cards] == [c.id for c, _ in state.chosen_checklists()]
    positions = [_grid_cell(dashboard.grid, c) for c in dashboard.cards]
    assert positions == [(i // 2, i % 2) for i in range(len(ids))]


def test_a_refresh_before_the_rest_of_the_cards_are_built_never_doubles_them(qtbot, make_state, dialogs):
    catalog = catalog_from(paths.bundled_checklists_dir())
    state = make_state(catalog)
    onboard(state, tuple(c.id for c in catalog.checklists))
    window = MainWindow(state)
    qtbot.addWidget(window)
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.refresh()  # the first refresh's remaining cards are now obsolete
    window.show()
    qtbot.waitUntil(lambda: dashboard.all_cards_built)
    qtbot.wait(20)  # let every pending build and deletion run
    assert len(dashboard.findChildren(PlatformCard)) == len(catalog.checklists)
    assert len({c.checklist.id for c in dashboard.cards}) == len(catalog.checklists)


@pytest.mark.parametrize("platforms", [2, 13])
def test_tab_reads_the_dashboard_in_order_banner_first_then_card_by_card(
        qtbot, make_window, make_state, clock, platforms):
    catalog = catalog_from(paths.bundled_checklists_dir())
    state = make_state(catalog)
    others = [c.id for c in catalog.checklists if c.id != "tiktok"]
    onboard(state, ("tiktok", *others[:platforms - 1]))
    _complete_review(state, "tiktok", clock)
    clock.advance(days=120)  # TikTok overdue: the banner has a "Review now" button
    window = make_window(state)
    dashboard = window.dashboard
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.all_cards_built)
    dashboard.emergency_button.setFocus()
    visited = []
    for _ in range(3 + len(dashboard.cards)):
        focused = QApplication.focusWidget()
        assert focused is not None
        press(qtbot, focused, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    (review_now,) = dashboard.findChildren(QWidget, "Banner")[0].findChildren(QPushButton)
    assert visited[0] is dashboard.manage_button
    assert visited[1] is review_now
    assert visited[2] is dashboard.plan_button  # "Start here" comes before the cards
    assert visited[3:len(dashboard.cards) + 3] == [c.action_button for c in dashboard.cards]


def test_side_by_side_cards_share_the_width_equally_whatever_their_titles(qtbot, make_window, make_state):
    catalog = catalog_from(paths.bundled_checklists_dir())
    state = make_state(catalog)
    onboard(state, ("account-security", "bluesky", "youtube", "x"))
    window = make_window(state)
    window.resize(1280, 800)
    dashboard = window.dashboard
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.all_cards_built and dashboard.cards[0].width() > 400)
    assert dashboard.cards[0].y() == dashboard.cards[1].y()  # side by side
    widths = {card.checklist.id: card.width() for card in dashboard.cards}
    assert max(widths.values()) - min(widths.values()) <= 1, widths
    youtube = next(c for c in dashboard.cards if c.checklist.id == "youtube")
    assert youtube.title_label.wordWrap()  # its long title wraps rather than widening its column
