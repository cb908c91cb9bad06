"""First run to summary, resuming after a restart, and the keyboard: all against a real store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from privacy_checkup.core.model import Persona, Surface
from privacy_checkup.core.schedule import DueState
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui.screens.checkup.item_page import ItemPage
from privacy_checkup.ui.screens.checkup.summary_page import SummaryPage
from tests.ui.helpers import card_for, checkup_of, click, onboard, page_of, press

CTRL = Qt.KeyboardModifier.ControlModifier


def test_first_run_to_wizard_to_summary_saves_everything_in_the_store(qtbot, make_window, make_state, clock):
    state = make_state()
    window = make_window(state)
    first_run = window.first_run
    assert first_run is not None
    assert window.dashboard is None
    click(qtbot, first_run.next_button)  # welcome -> persona
    click(qtbot, first_run.persona_choice.buttons[Persona.HIGH_PROFILE])
    click(qtbot, first_run.next_button)  # -> platforms
    assert not first_run.next_button.isEnabled()  # nothing chosen yet
    first_run.platform_choice.boxes["tiktok"].setChecked(True)
    click(qtbot, first_run.next_button)  # -> devices
    combo = first_run.device_choice.combos["tiktok"]
    combo.setCurrentIndex(combo.findData(Surface.ANDROID.value))
    click(qtbot, first_run.next_button)  # -> dashboard

    profile = state.store.profile()
    assert profile.onboarded
    assert profile.persona is Persona.HIGH_PROFILE
    assert profile.platforms == ("tiktok",)
    assert profile.surfaces == {"tiktok": Surface.ANDROID}
    card = card_for(window, "tiktok")
    assert card.status.state is DueState.NEVER_REVIEWED
    click(qtbot, card.action_button)

    checkup = checkup_of(window)
    items = checkup.flow.items
    assert [i.id for i in items] == [i.id for i in state.catalog.get("tiktok").items_for(Persona.HIGH_PROFILE)]
    page = page_of(window)
    assert page.surface is Surface.ANDROID
    assert page.section_label.text() == checkup.flow.section_of(items[0]).title.upper()
    for index in range(len(items)):
        clock.advance(seconds=5)
        click(qtbot, checkup.answer_buttons[AnswerState.DONE if index % 3 else AnswerState.SKIPPED])
        answers = state.store.latest_answers("tiktok")
        assert items[index].id in answers  # saved the moment it was given
    summary = checkup.page
    assert isinstance(summary, SummaryPage)
    skipped = len(range(0, len(items), 3))
    assert summary.count_labels["done"].text() == str(len(items) - skipped)
    assert summary.count_labels["skipped"].text() == str(skipped)
    assert summary.count_labels["to_do"].text() == "0"
    # Skipped is never "checked": the heading and the due text say what stays open, and until when.
    assert summary.heading_label.text() == f"You answered every TikTok setting; {skipped} settings still open."
    assert f"{skipped} settings stay open" in summary.next_due_label.text()
    assert "8 Dec 2026" in summary.next_due_label.text()  # 24 Nov 2026 + the 14-day window
    assert "22 Feb 2027" in summary.next_due_label.text()  # the full review: 24 Nov 2026 + 90 days
    skipped_high_risk = [i.title for i in items[::3] if i.risk.value == "high"]
    if skipped_high_risk:
        assert summary.high_risk_label is not None
        assert all(title in summary.high_risk_label.text() for title in skipped_high_risk)
    click(qtbot, summary.finish_button)

    assert window.stack.currentWidget() is window.dashboard
    assert state.store.last_completed_review("tiktok") is not None
    card = card_for(window, "tiktok")
    assert card.status.state is DueState.INCOMPLETE  # never green with settings open
    assert card.badge.text() == f"{skipped} settings still open"
    assert card.action_button.text() == f"Do the {skipped} open settings"
    assert card.progress.value() == len(items) - skipped

    # The open settings are one click away, highest risk first; doing them makes the platform up to date.
    click(qtbot, card.action_button)
    open_run = checkup_of(window)
    assert [i.id for i in open_run.flow.items] == list(card.status.open_items)
    for _ in open_run.flow.items:
        clock.advance(seconds=5)
        click(qtbot, open_run.answer_buttons[AnswerState.DONE])
    assert isinstance(open_run.page, SummaryPage)
    assert open_run.page.finish_button.text() == "Back to &dashboard"  # part of the finished review
    click(qtbot, open_run.page.finish_button)
    card = card_for(window, "tiktok")
    assert card.status.state is DueState.UP_TO_DATE
    assert card.action_button.text() == "Review again"
    assert card.status.next_due is not None
    assert card.status.next_due.isoformat() == "2027-02-22"


def test_resume_after_restart_opens_where_the_person_left_off(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state, ("tiktok", "instagram"))
    window = make_window(state)
    click(qtbot, card_for(window, "instagram").action_button)
    checkup = checkup_of(window)
    for _ in range(3):
        clock.advance(seconds=1)
        click(qtbot, checkup.answer_buttons[AnswerState.DONE])
    page_of(window).note_edit.setPlainText("")  # nothing typed: nothing to save
    window.close()
    state.store.close()

    again = make_window(make_state())
    card = card_for(again, "instagram")
    assert card.status.state is DueState.IN_PROGRESS
    assert card.action_button.text() == "Resume"
    assert card.progress.value() == 3
    assert again.dashboard.cards[0].checklist.id == "instagram"  # in progress sorts before never reviewed
    click(qtbot, card.action_button)
    resumed = checkup_of(again)
    assert resumed.index == 3
    assert resumed.progress_label.text().startswith("3 done \u00b7 ")


def test_each_answer_shortcut_records_its_answer(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    items = checkup.flow.items
    for key, expected in ((Qt.Key.Key_1, AnswerState.DONE), (Qt.Key.Key_2, AnswerState.SKIPPED),
                          (Qt.Key.Key_3, AnswerState.NOT_APPLICABLE)):
        clock.advance(seconds=1)
        before = checkup.index
        press(qtbot, QApplication.focusWidget() or checkup, key, CTRL)
        assert checkup.index == before + 1
        assert state.store.latest_answers("tiktok")[items[before].id].state is expected
    assert "Ctrl+1" in checkup.answer_buttons[AnswerState.DONE].text()
    assert "Ctrl+2" in checkup.answer_buttons[AnswerState.SKIPPED].text()
    assert "Ctrl+3" in checkup.answer_buttons[AnswerState.NOT_APPLICABLE].text()


def test_enter_never_moves_on_silently_and_escape_goes_back_without_losing_answers(
        qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.show()
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page_of(window).title_label)  # focus: the setting's title
    click(qtbot, checkup.answer_buttons[AnswerState.DONE])
    assert checkup.index == 1
    assert QApplication.focusWidget() is page_of(window).title_label  # not an answer, which Enter would give
    press(qtbot, QApplication.focusWidget() or checkup, Qt.Key.Key_Return)
    assert checkup.index == 1  # Enter alone records nothing and moves nowhere...
    assert checkup.hint_label.isVisible()  # ...and says how to answer
    assert "Ctrl+1" in checkup.hint_label.text()
    assert len(state.store.latest_answers("tiktok")) == 1
    # Moving on without an answer is a button that says so; the setting then counts as not answered.
    assert checkup.next_button.text() == "&Next without answering \u2192"
    click(qtbot, checkup.next_button)
    assert checkup.index == 2
    assert checkup.flow.counts().unanswered == len(checkup.flow.items) - 1
    press(qtbot, checkup, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.dashboard
    assert len(state.store.latest_answers("tiktok")) == 1


def test_pressing_enter_through_a_checklist_never_makes_it_up_to_date(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.show()
    click(qtbot, card_for(window, "tiktok").action_button)
    checkup = checkup_of(window)
    total = len(checkup.flow.items)
    for _ in range(2 * total):  # Enter, Enter, Enter...: as someone who does each setting on their phone might
        press(qtbot, QApplication.focusWidget() or checkup, Qt.Key.Key_Return)
    assert checkup.index == 0
    assert state.store.latest_answers("tiktok") == {}
    for index in range(total):  # then moving on without answering, each time with the button that says so
        key = Qt.Key.Key_M if index == total - 1 else Qt.Key.Key_N  # the last one goes to the Su&mmary
        press(qtbot, QApplication.focusWidget() or checkup, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda i=index: checkup.index == i + 1)  # a mnemonic animates the press first
    assert isinstance(checkup.page, SummaryPage)
    assert checkup.page.count_labels["to_do"].text() == str(total)
    click(qtbot, checkup.page.finish_button)
    status = card_for(window, "tiktok").status
    assert status.state is DueState.INCOMPLETE
    assert (status.counts.done, status.counts.unanswered) == (0, total)


def test_the_answer_is_shown_in_words_and_can_be_cleared(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    first = checkup.flow.items[0]
    page = page_of(window)
    assert page.answer_label.text() == "Not answered yet"
    assert not page.clear_button.isVisibleTo(page)
    click(qtbot, checkup.answer_buttons[AnswerState.NOT_APPLICABLE])
    click(qtbot, checkup.back_button)
    page = page_of(window)
    assert page.answer_label.text() == "Your answer: Not applicable to me, 24 Nov 2026"
    assert checkup.answer_buttons[AnswerState.NOT_APPLICABLE].text().startswith("\u2713 ")  # the words, not a border
    assert checkup.next_button.text() == "&Next \u2192"
    click(qtbot, page.clear_button)
    assert page.answer_label.text() == "Not answered yet"
    assert not checkup.answer_buttons[AnswerState.NOT_APPLICABLE].isChecked()
    assert first.id not in state.store.latest_answers("tiktok")
    events = state.store.answer_events("tiktok", first.id)
    assert [e.state for e in events] == [AnswerState.NOT_APPLICABLE, None]  # the history keeps what was said


def test_back_shows_the_answer_already_given(qtbot, make_window, make_state):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    click(qtbot, checkup.answer_buttons[AnswerState.NOT_APPLICABLE])
    click(qtbot, checkup.back_button)
    assert checkup.answer_buttons[AnswerState.NOT_APPLICABLE].isChecked()
    assert not checkup.answer_buttons[AnswerState.DONE].isChecked()


def test_looking_at_another_devices_steps_is_not_choosing_it(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state, surface=Surface.IOS)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    page = checkup.item_page
    assert isinstance(page, ItemPage)
    click(qtbot, page.surface_buttons[Surface.ANDROID])
    expected = page.item.steps_for(Surface.ANDROID)
    assert [label.text() for label in page.step_labels] == list(expected)
    assert state.store.profile().surfaces["tiktok"] is Surface.IOS  # looking changed nothing
    click(qtbot, checkup.answer_buttons[AnswerState.DONE])
    assert page_of(window).surface is Surface.IOS  # the next setting shows the saved device again
    page = page_of(window)
    click(qtbot, page.surface_buttons[Surface.ANDROID])
    assert page.remember_button.text() == "Always show the steps for Android on TikTok"
    click(qtbot, page.remember_button)  # saying so is what saves it
    assert state.store.profile().surfaces["tiktok"] is Surface.ANDROID


def test_tab_goes_through_the_page_in_reading_order(qtbot, make_window, make_state):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    page = page_of(window)
    checkup.close_button.setFocus()
    seen = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        press(qtbot, focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is checkup.next_button:
            break
    assert seen[0] is page.title_label  # the setting's text first, then its controls
    assert seen.index(page.surface_buttons[Surface.IOS]) < seen.index(page.note_edit)
    assert seen.index(page.note_edit) < seen.index(checkup.answer_buttons[AnswerState.DONE])
    assert seen.index(checkup.answer_buttons[AnswerState.NOT_APPLICABLE]) < seen.index(checkup.next_button)


def _mnemonics(window) -> list[str]:
    letters = []
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    for text in texts:
        index = text.replace("&&", "").find("&")
        if index >= 0:
            letters.append(text.replace("&&", "")[index + 1].lower())
    return letters


def test_no_two_visible_controls_share_an_alt_key(qtbot, make_window, make_state):
    state = make_state()
    window = make_window(state)
    assert window.first_run is not None
    for _ in range(2):
        letters = _mnemonics(window)
        assert len(letters) == len(set(letters)), letters
        window.first_run.go_next()
    onboard(state)
    window.show_dashboard()
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    for index in (0, len(checkup.flow.items) - 1, len(checkup.flow.items)):
        checkup.show_index(index)
        letters = _mnemonics(window)
        assert len(letters) == len(set(letters)), letters


def test_first_run_works_from_the_keyboard_alone(qtbot, make_window, make_state):
    state = make_state()
    window = make_window(state)
    first_run = window.first_run
    assert first_run is not None

    def key(k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        focused = QApplication.focusWidget() or first_run
        press(qtbot, focused, k, modifier)

    key(Qt.Key.Key_Return)  # Get started
    assert first_run.current_step() == first_run.PERSONA
    key(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # A high-profile p&erson
    qtbot.waitUntil(lambda: first_run.persona_choice.persona() is Persona.HIGH_PROFILE)  # mnemonics animate
    key(Qt.Key.Key_Escape)
    assert first_run.current_step() == first_run.WELCOME
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return)
    assert first_run.current_step() == first_run.PLATFORMS
    key(Qt.Key.Key_Return)  # nothing chosen: stays
    assert first_run.current_step() == first_run.PLATFORMS
    box = first_run.platform_choice.boxes["tiktok"]
    box.setFocus()
    key(Qt.Key.Key_Space)
    assert box.isChecked()
    key(Qt.Key.Key_Return)
    assert first_run.current_step() == first_run.DEVICES
    key(Qt.Key.Key_Return)
    assert state.store.profile().onboarded
    assert state.store.profile().persona is Persona.HIGH_PROFILE


def test_a_failed_save_says_so_and_shows_the_answer_that_is_really_saved(
        qtbot, make_window, make_state, dialogs, monkeypatch):
    from privacy_checkup.core.errors import DiskFullError

    state = make_state()
    onboard(state)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)

    def full(*args, **kwargs):
        raise DiskFullError("database or disk is full")

    monkeypatch.setattr(state.store, "start_review", full)
    click(qtbot, checkup.answer_buttons[AnswerState.DONE])
    assert checkup.index == 0  # stays on the item
    assert not checkup.answer_buttons[AnswerState.DONE].isChecked()
    assert dialogs.shown[-1].windowTitle() == "Your disk is full"
    assert state.store.latest_answers("tiktok") == {}
