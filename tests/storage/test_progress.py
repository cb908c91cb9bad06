"""The progress store: profile, reviews, the append-only answer history, summaries and settings."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
import threading

import pytest

from privacy_checkup.core.errors import UnknownReviewError
from privacy_checkup.core.model import Persona, Surface
from privacy_checkup.storage import paths
from privacy_checkup.storage.progress import AnswerState, ProgressStore

LATER = dt.timedelta(minutes=5)


def test_store_lives_under_the_relocated_home_with_private_permissions(home, store):
    assert store.path == home / "data" / "progress.sqlite3"
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.set_setting("touch", "so the -wal and -shm files exist")
    for side in ("-wal", "-shm"):
        assert stat.S_IMODE(store.path.with_name(store.path.name + side).stat().st_mode) == 0o600


def test_store_runs_in_wal_mode_with_full_sync_and_foreign_keys(store):
    conn = store.database.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_new_profile_has_the_documented_defaults(store):
    profile = store.profile()
    assert (profile.persona, profile.platforms, profile.surfaces, profile.onboarded) == (
        Persona.EVERYONE, (), {}, False)


def test_profile_choices_survive_reopening(store_path):
    with ProgressStore.open(store_path) as store:
        store.set_persona(Persona.HIGH_PROFILE)
        store.set_platforms(["tiktok", "facebook", "x"], dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        store.set_platforms(["facebook", "tiktok"], dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
        store.set_surface("facebook", Surface.IOS)
        store.set_surface("facebook", Surface.ANDROID)
        store.set_onboarded()
    with ProgressStore.open(store_path) as store:
        profile = store.profile()
    assert profile.persona is Persona.HIGH_PROFILE
    assert profile.platforms == ("facebook", "tiktok")
    assert profile.surfaces == {"facebook": Surface.ANDROID}
    assert profile.onboarded


def test_platform_listed_twice_is_refused(store):
    with pytest.raises(ValueError, match="twice"):
        store.set_platforms(["facebook", "facebook"], dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    assert store.profile().platforms == ()


def test_starting_a_review_twice_resumes_the_open_one(store, now):
    first = store.start_review("facebook", 3, now)
    again = store.start_review("facebook", 4, now + LATER)
    assert again == first
    assert first.completed_at is None
    assert first.started_at == now
    assert store.open_review("facebook") == first
    assert store.open_review("instagram") is None


def test_completing_a_review_closes_it_and_the_next_start_opens_a_new_one(store, now):
    first = store.start_review("facebook", 3, now)
    done = store.complete_review(first.id, now + LATER)
    assert done.completed_at == now + LATER
    assert store.complete_review(first.id, now + 2 * LATER).completed_at == now + LATER
    assert store.open_review("facebook") is None
    assert store.last_completed_review("facebook") == done
    second = store.start_review("facebook", 4, now + 3 * LATER)
    assert second.id != first.id
    assert second.checklist_version == 4


def test_unknown_review_is_reported_not_invented(store, now):
    with pytest.raises(UnknownReviewError):
        store.complete_review(999, now)
    with pytest.raises(UnknownReviewError):
        store.record_answer(999, "two-factor", 1, AnswerState.DONE, now)


def test_answers_are_appended_and_the_newest_wins(store, now):
    review = store.start_review("facebook", 1, now)
    store.record_answer(review.id, "two-factor", 1, AnswerState.SKIPPED, now)
    saved = store.record_answer(review.id, "two-factor", 2, AnswerState.DONE, now + LATER)
    assert saved.answered_at == now + LATER
    assert saved.checklist_id == "facebook"
    assert store.latest_answers("facebook") == {"two-factor": saved}
    assert [(a.state, a.item_revision) for a in store.answer_history("facebook", "two-factor")] == [
        (AnswerState.SKIPPED, 1), (AnswerState.DONE, 2)]


def test_latest_answers_span_reviews(store, now):
    first = store.start_review("facebook", 1, now)
    store.record_answer(first.id, "two-factor", 1, AnswerState.DONE, now)
    store.complete_review(first.id, now)
    second = store.start_review("facebook", 2, now + LATER)
    store.record_answer(second.id, "login-alerts", 1, AnswerState.NOT_APPLICABLE, now + LATER)
    assert set(store.latest_answers("facebook")) == {"two-factor", "login-alerts"}
    assert store.latest_answers("instagram") == {}


def test_clearing_an_answer_appends_an_unanswered_row_and_keeps_history(store, now):
    review = store.start_review("facebook", 1, now)
    store.record_answer(review.id, "two-factor", 3, AnswerState.DONE, now)
    store.clear_answer(review.id, "two-factor", now + LATER)
    assert store.latest_answers("facebook") == {}
    events = store.answer_events("facebook", "two-factor")
    assert [(e.state, e.item_revision, e.at) for e in events] == [
        (AnswerState.DONE, 3, now), (None, 3, now + LATER)]
    assert len(store.answer_history("facebook", "two-factor")) == 1


def test_answer_history_cannot_be_rewritten_even_with_raw_sql(store, now):
    review = store.start_review("facebook", 1, now)
    store.record_answer(review.id, "two-factor", 1, AnswerState.DONE, now)
    conn = store.database.connection
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE answers SET state = 'skipped'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM answers")
    assert store.latest_answers("facebook")["two-factor"].state is AnswerState.DONE


def test_times_must_carry_a_time_zone_and_are_stored_as_utc(store, now):
    with pytest.raises(ValueError, match="time zone"):
        store.start_review("facebook", 1, dt.datetime(2026, 1, 5, 10, 0))
    paris = dt.timezone(dt.timedelta(hours=1))
    review = store.start_review("facebook", 1, dt.datetime(2026, 1, 5, 11, 0, tzinfo=paris))
    assert review.started_at == now
    assert review.started_at.tzinfo is dt.UTC
    stored = store.database.connection.execute("SELECT started_at FROM reviews").fetchone()[0]
    assert stored == "2026-01-05T10:00:00.000000Z"


def test_summaries_show_each_checklist_once_with_counts(store, now):
    store.set_platforms(["instagram", "facebook"], dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    old = store.start_review("facebook", 1, now - dt.timedelta(days=200))
    store.record_answer(old.id, "two-factor", 1, AnswerState.DONE, now - dt.timedelta(days=200))
    store.record_answer(old.id, "login-alerts", 1, AnswerState.SKIPPED, now - dt.timedelta(days=200))
    store.complete_review(old.id, now - dt.timedelta(days=199))
    current = store.start_review("facebook", 2, now)
    store.record_answer(current.id, "two-factor", 2, AnswerState.DONE, now)
    store.record_answer(current.id, "privacy", 1, AnswerState.DONE, now)
    store.clear_answer(current.id, "privacy", now)
    x = store.start_review("x", 1, now)
    store.complete_review(x.id, now)

    summaries = store.summaries()
    assert list(summaries) == ["instagram", "facebook", "x"]  # chosen platforms first, in the user's order
    facebook = summaries["facebook"]
    assert facebook.last_completed is not None
    assert facebook.last_completed.id == old.id
    assert facebook.open_review == current
    assert (facebook.answered_items, facebook.answered_in_open_review) == (2, 1)
    assert summaries["instagram"].open_review is None
    assert summaries["instagram"].answered_items == 0
    assert summaries["x"].last_completed is not None
    assert summaries["x"].open_review is None


def test_last_completed_review_is_the_latest_completion(store, now):
    for week in range(3):
        review = store.start_review("facebook", 1, now + dt.timedelta(weeks=week))
        store.complete_review(review.id, now + dt.timedelta(weeks=week, hours=1))
    last = store.last_completed_review("facebook")
    assert last is not None
    assert last.completed_at == now + dt.timedelta(weeks=2, hours=1)
    assert store.summaries()["facebook"].last_completed == last


def test_settings_round_trip_and_default(store):
    assert store.get_setting("theme") is None
    assert store.get_setting("theme", "light") == "light"
    store.set_setting("theme", "dark")
    store.set_setting("theme", "high-contrast")
    assert store.get_setting("theme") == "high-contrast"


def test_answer_is_on_disk_before_record_answer_returns(store, now):
    review = store.start_review("facebook", 1, now)
    store.record_answer(review.id, "two-factor", 1, AnswerState.DONE, now)
    # A second, independent connection sees it at once: it was committed, not buffered.
    other = sqlite3.connect(paths.store_path())
    try:
        assert other.execute("SELECT item_id, state FROM answers").fetchall() == [("two-factor", "done")]
    finally:
        other.close()


def test_store_can_be_used_from_a_worker_thread(store, now):
    review = store.start_review("facebook", 1, now)
    failures: list[BaseException] = []

    def answer(item: str) -> None:
        try:
            for number in range(20):
                store.record_answer(review.id, f"{item}-{number}", 1, AnswerState.DONE, now)
        except BaseException as exc:  # handed to the main thread, which fails the test with it
            failures.append(exc)

    workers = [threading.Thread(target=answer, args=(name,)) for name in ("a", "b", "c")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    assert len(store.latest_answers("facebook")) == 60
