"""The "Start here" plan: the essentials across the person's platforms, in order, with honest times."""

from __future__ import annotations

import datetime as dt

from privacy_checkup.core.model import Persona, Priority
from privacy_checkup.session.app_catalog import load_catalog
from privacy_checkup.session.overview import overview
from privacy_checkup.session.plan import build_plan, estimate, plan_document
from privacy_checkup.storage import paths
from privacy_checkup.storage.progress import AnswerState, ProgressStore

NOW = dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC)
FIVE = ["tiktok", "instagram", "whatsapp", "x", "account-security"]


def test_a_high_profile_persons_essentials_come_highest_risk_first_and_account_security_first() -> None:
    catalog = load_catalog()
    plan = estimate([c for c in catalog.checklists if c.id in FIVE], Persona.HIGH_PROFILE)
    ranks = [entry.item.risk.rank for entry in plan.entries]
    assert ranks == sorted(ranks)
    assert all(entry.item.priority is Priority.ESSENTIAL for entry in plan.entries)
    assert plan.entries[0].checklist.id == "account-security"  # securing the main email protects the rest
    assert plan.minutes <= 30  # the target for these five platforms
    assert plan.all_minutes > plan.minutes
    assert not plan.estimated  # every bundled item gives its own minutes


def test_answers_settle_the_plan_and_its_time_left_follows(app_home) -> None:
    catalog = load_catalog()
    with ProgressStore.open(paths.store_path()) as store:
        store.set_persona(Persona.HIGH_PROFILE)
        store.set_platforms(FIVE, NOW)
        before = build_plan(overview(store, catalog, NOW, dt.UTC))
        first = before.entries[0]
        review = store.start_review(first.checklist.id, first.checklist.version, NOW)
        store.record_answer(review.id, first.item.id, first.item.revision, AnswerState.DONE, NOW)
        second = before.entries[1]
        review = store.start_review(second.checklist.id, second.checklist.version, NOW)
        store.record_answer(review.id, second.item.id, second.item.revision, AnswerState.SKIPPED, NOW)
        view = overview(store, catalog, NOW, dt.UTC)
    after = build_plan(view)
    assert after.settled == 1  # done counts; skipped does not
    assert after.minutes_left == before.minutes - first.item.minutes
    document = plan_document(after, view)
    assert document["essentials"] == {"settings": len(after.entries), "minutes": before.minutes, "settled": 1,
                                      "minutes_left": after.minutes_left, "estimated": False}
    assert [s["state"] for s in document["steps"][:2]] == ["done", "skipped"]
    assert {p["id"] for p in document["platforms"]} == set(FIVE)
