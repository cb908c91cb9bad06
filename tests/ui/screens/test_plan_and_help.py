"""Start here, the glossary and F1, the emergency path and the Quick exit: against the real widgets and store."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from privacy_checkup.core.model import Persona
from privacy_checkup.core.policy import Policy, PolicyResult
from privacy_checkup.core.schedule import DueState
from privacy_checkup.session.app_state import AppState
from privacy_checkup.storage import paths
from privacy_checkup.storage.progress import AnswerState
from privacy_checkup.ui.dialogs.help import GlossaryDialog, HelpDialog, help_topics
from privacy_checkup.ui.screens.checkup.summary_page import SummaryPage
from privacy_checkup.ui.screens.emergency import EmergencyView
from tests.ui.conftest import catalog_from
from tests.ui.helpers import card_for, checkup_of, click, onboard, page_of, press

FIVE = ("tiktok", "instagram", "whatsapp", "x", "account-security")


def bundled_state(make_state: Callable[..., AppState]) -> AppState:
    return make_state(catalog_from(paths.bundled_checklists_dir()))


def test_start_here_runs_the_essentials_across_platforms_and_saves_each_to_its_platform(
        qtbot, make_window, make_state, clock):
    state = bundled_state(make_state)
    onboard(state, FIVE, persona=Persona.HIGH_PROFILE)
    window = make_window(state)
    dashboard = window.dashboard
    assert dashboard is not None
    plan = dashboard.plan
    expected = f"Your essentials: {len(plan.entries)} settings, about {plan.minutes} minutes"
    assert dashboard.start_heading.text() == expected
    assert dashboard.plan_button is not None
    assert dashboard.plan_button.text() == "&Start with the essentials"
    card = card_for(window, "tiktok")
    assert card.time_label is not None
    assert card.time_label.text().startswith("about ")
    click(qtbot, dashboard.plan_button)
    run = checkup_of(window)
    assert len(run.flow) == len(plan.entries)
    platforms = [run.flow.checklist(i).id for i in range(len(run.flow))]
    assert platforms[0] == "account-security"  # securing the main email comes first
    assert len(set(platforms)) > 1  # one run across platforms
    assert page_of(window).section_label.text().startswith("ACCOUNT SECURITY BASICS \u00b7 ")  # says whose it is
    for _ in range(len(run.flow)):
        clock.advance(seconds=10)
        click(qtbot, run.answer_buttons[AnswerState.DONE])
    summary = run.page
    assert isinstance(summary, SummaryPage)
    assert summary.heading_label.text() == "Your essentials are done."
    assert summary.finish_button.text() == "Back to &dashboard"
    for checklist_id in FIVE:  # each answer went to its own platform, as usual
        answered = state.store.latest_answers(checklist_id)
        wanted = {e.item.id for e in plan.entries if e.checklist.id == checklist_id}
        assert wanted <= set(answered)
    click(qtbot, summary.finish_button)
    dashboard = window.dashboard
    assert dashboard is not None
    assert dashboard.start_heading.text() == f"Your essentials are done: {len(plan.entries)} settings."
    assert dashboard.plan_button is None
    assert card_for(window, "tiktok").status.state is DueState.IN_PROGRESS  # the rest of TikTok goes on from here


def test_f1_on_a_setting_explains_the_terms_it_uses(qtbot, make_window, make_state, dialogs):
    state = bundled_state(make_state)
    onboard(state, ("account-security",), persona=Persona.HIGH_PROFILE)
    window = make_window(state)
    window.show()
    window.open_checkup("account-security")
    checkup = checkup_of(window)
    # The first setting with glossary terms in its text.
    while not page_of(window).terms:
        click(qtbot, checkup.next_button)
    page = page_of(window)
    assert page.term_buttons
    window.show_context_help()  # what F1 does on a setting's page
    (dialog,) = [d for d in dialogs.shown if isinstance(d, GlossaryDialog)]
    shown = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert shown == [term.term for term in page.terms]
    assert dialog.windowTitle() == "Terms on this page"
    assert page.terms[0].explanation in dialog.reader.toPlainText()
    click(qtbot, page.term_buttons[-1])  # a term on the page, looked up from the page
    looked_up = [d for d in dialogs.shown if isinstance(d, GlossaryDialog)][-1]
    assert looked_up.list.currentItem().text() == page.terms[min(5, len(page.terms) - 1)].term


def test_the_glossary_is_searchable_by_any_name_of_a_term(qtbot, make_state):
    state = bundled_state(make_state)
    dialog = GlossaryDialog(state.glossary())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "2FA")
    assert dialog.list.item(0).text() == "2-step verification"
    assert "2FA" in dialog.reader.toPlainText()  # "Also called: ..."
    dialog.search.setText("zzzz-no-such-term")
    assert dialog.list.count() == 0
    assert "No term matches" in dialog.reader.toPlainText()


def test_help_says_how_the_app_works_offline(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    titles = [title for title, _ in dialog.topics]
    assert "Your answers" in titles
    assert "When to look again" in titles
    assert dialog.reader.toPlainText().startswith(titles[0])
    assert help_topics("## One\nfirst\n## Two\nsecond") == [("One", "first"), ("Two", "second")]


def test_the_emergency_path_puts_the_office_first_and_orders_the_actions(qtbot, make_window, make_state, opened_urls):
    state = bundled_state(make_state)
    state.policy_result = PolicyResult(Policy(organisation="Example Office", help_contact="it-help@office.example"))
    onboard(state, ("tiktok",))
    window = make_window(state)
    window.show()
    dashboard = window.dashboard
    assert dashboard is not None
    click(qtbot, dashboard.emergency_button)
    view = window.stack.currentWidget()
    assert isinstance(view, EmergencyView)
    assert set(view.situation_buttons) == {"account-taken-over", "targeted-now"}
    click(qtbot, view.situation_buttons["account-taken-over"])
    guide = state.emergency_guide().situation("account-taken-over")
    assert guide is not None
    assert [label.text() for label in view.action_labels] == [f"{n}. {a.title}" for n, a in
                                                             enumerate(guide.actions, start=1)]
    office = next(b for b in view.link_buttons if "it-help@office.example" in b.text())
    fraud = next(b for b in view.link_buttons if "reportfraud" in b.text())
    assert view.link_buttons.index(office) < view.link_buttons.index(fraud)  # the office's contact comes first
    assert any(b.text().startswith("TikTok: ") for b in view.link_buttons)  # the platform's own hacked page
    click(qtbot, office)
    assert opened_urls[-1] == "mailto:it-help@office.example"
    press(qtbot, view, Qt.Key.Key_Escape)  # back to the two situations, then to the dashboard
    press(qtbot, view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.dashboard


def test_quick_exit_hides_the_window_at_once_and_loses_nothing(qtbot, make_window, make_state, clock):
    state = make_state()
    onboard(state)
    window = make_window(state)
    window.show()
    qtbot.waitExposed(window)
    window.open_checkup("tiktok")
    click(qtbot, checkup_of(window).answer_buttons[AnswerState.DONE])
    qtbot.waitUntil(lambda: hasattr(window, "quick_exit_key"))  # the keys come right after the first paint
    press(qtbot, QApplication.focusWidget() or window, Qt.Key.Key_X,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.isVisible()
    assert len(state.store.latest_answers("tiktok")) == 1
    window.bring_to_front()  # what a second launch does (ui/instance.py)
    assert window.isVisible()


def test_the_first_run_is_honest_about_what_comes_and_takes_clicks_on_whole_cards(qtbot, make_window, make_state):
    state = bundled_state(make_state)
    window = make_window(state)
    window.show()
    first_run = window.first_run
    assert first_run is not None
    click(qtbot, first_run.next_button)
    manager = first_run.persona_choice.buttons[Persona.MANAGER]
    frame = manager.parentWidget()
    qtbot.mouseClick(frame, Qt.MouseButton.LeftButton, pos=QPoint(frame.width() - 20, frame.height() // 2))
    assert first_run.persona_choice.persona() is Persona.MANAGER  # a click on the card, far from its circle
    click(qtbot, first_run.next_button)
    assert not first_run.next_button.isEnabled()
    assert first_run.step_label.text() == "Choose at least one platform to continue"
    box = first_run.platform_choice.boxes["tiktok"]
    card = box.parentWidget()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(card.width() - 10, card.height() // 2))
    assert box.isChecked()
    click(qtbot, first_run.next_button)
    text = first_run.estimate_label.text()
    assert text.startswith("Next: your essentials, ")
    assert "Everything for them takes about" in text
    assert first_run.emergency_button is not None


def test_a_manager_reads_the_advice_as_about_the_account_they_manage(qtbot, make_window, make_state):
    state = bundled_state(make_state)
    onboard(state, ("tiktok",), persona=Persona.MANAGER)
    window = make_window(state)
    window.open_checkup("tiktok")
    checkup = checkup_of(window)
    for index in range(len(checkup.flow)):
        checkup.show_index(index)
        label = page_of(window).persona_note_label
        if label is not None:
            assert label.text().startswith("For the account you manage: ")
            return
    raise AssertionError("no TikTok setting has a note for high-profile people or managers")
