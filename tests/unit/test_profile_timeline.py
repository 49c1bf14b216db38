"""A household's timeline: what happened newest first, apart from what is coming."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from fixtures.records_world import World, build_world

from renodesk.core.queries.households import household_profile
from renodesk.core.queries.timeline import Timeline, household_timeline
from renodesk.core.workspace import Workspace

TODAY = date(2026, 6, 15)
NOON = datetime(2026, 6, 15, 12, 0)


def days(n: int) -> datetime:
    return NOON + timedelta(days=n)


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


def visser_year(world: World) -> str:
    """Henk Visser's half year: held, missed, cancelled and coming visits, agreements made
    at a visit and on their own, actions done and open, a call and a letter."""
    household = world.households["Henk Visser"]
    project = world.vogelbuurt
    with world.ws.write() as uow:
        def visit(kind: str, at: datetime, status: str) -> str:
            return uow.create("visit", {"household_id": household, "planned_at": at,
                                        "kind": kind, "status": status})

        talk = visit("kitchen_table", days(-30), "done")
        visit("introduction", days(-60), "not_home")
        visit("aftercare", days(-10), "cancelled")
        visit("technical_survey", days(7), "planned")
        visit("proposal", days(14), "cancelled")
        visit("social_survey", days(-2), "planned")  # day passed, no report yet

        def agreement(description: str, status: str, due: int | None,
                      agreed: int | None = None, at_visit: str | None = None) -> None:
            uow.create("adjustment", {
                "household_id": household, "project_id": project, "visit_id": at_visit,
                "category": "planning", "description": description, "status": status,
                "due_date": days(due).date() if due is not None else None,
                "agreed_date": days(agreed).date() if agreed is not None else None})

        agreement("Rustwoning", "agreed", due=20, agreed=-20)
        agreement("Verhuishulp", "in_progress", due=-3, at_visit=talk)
        agreement("Opslagbox", "done", due=-5, agreed=-40)
        agreement("Extra bezoek", "proposed", due=None, at_visit=talk)

        def action(description: str, due: int | None, done: int | None = None) -> None:
            uow.create("action", {
                "household_id": household, "project_id": project, "description": description,
                "due_date": days(due).date() if due is not None else None,
                "done_date": days(done).date() if done is not None else None})

        action("Tolk regelen", due=-1)
        action("Folder brengen", due=-8, done=-9)
        action("Sleutel ophalen", due=3)
        action("Buren informeren", due=None)
        uow.create("contact_moment", {"household_id": household, "at": days(-1),
                                      "channel": "phone", "outcome": "reached",
                                      "summary": "Afspraak bevestigd"})
    return household


def timeline_of(world: World, household: str) -> Timeline:
    with world.ws.engine.connect() as conn:
        return household_timeline(conn, household, TODAY)


def test_history_is_what_happened_newest_first(world: World) -> None:
    timeline = timeline_of(world, visser_year(world))
    assert [(item.entity, item.text or item.status) for item in timeline.history] == [
        ("contact_moment", "Afspraak bevestigd"),          # yesterday
        ("action", "Folder brengen"),                      # done 9 days ago
        ("visit", "cancelled"),                            # 10 days ago, called off
        ("adjustment", "Rustwoning"),                      # agreed 20 days ago
        ("visit", "done"),                                 # the kitchen-table talk, 30 days ago
        ("adjustment", "Verhuishulp"),                     # made at that talk
        ("adjustment", "Extra bezoek"),                    # proposed at that talk
        ("adjustment", "Opslagbox"),                       # agreed 40 days ago
        ("visit", "not_home"),                             # 60 days ago
    ]
    assert all(item.at is not None and item.at <= NOON for item in timeline.history)
    assert not any(item.overdue for item in timeline.history)


def test_planned_part_is_soonest_first_with_overdue_at_the_top(world: World) -> None:
    timeline = timeline_of(world, visser_year(world))
    assert [(item.entity, item.text or item.what, item.overdue) for item in timeline.planned] == [
        ("adjustment", "Verhuishulp", True),               # due 3 days ago
        ("visit", "social_survey", True),                  # 2 days ago, not recorded
        ("action", "Tolk regelen", True),                  # due yesterday
        ("action", "Sleutel ophalen", False),              # in 3 days
        ("visit", "technical_survey", False),              # in a week
        ("visit", "proposal", False),               # in two weeks, but cancelled
        ("adjustment", "Rustwoning", False),               # due in 20 days
        ("adjustment", "Extra bezoek", False),             # open, no date: last
        ("action", "Buren informeren", False),
    ]
    assert [item.at for item in timeline.planned[-2:]] == [None, None]
    assert timeline.overdue == 3


def test_a_done_or_dropped_agreement_is_no_longer_planned(world: World) -> None:
    timeline = timeline_of(world, visser_year(world))
    planned = {item.text for item in timeline.planned if item.entity == "adjustment"}
    assert "Opslagbox" not in planned
    assert {"Rustwoning", "Verhuishulp", "Extra bezoek"} == planned


def test_profile_carries_both_parts_and_hides_a_summary_without_consent(world: World) -> None:
    with world.ws.engine.connect() as conn:
        yilmaz = household_profile(conn, world.households["Gülşen Yılmaz"])
    assert [item.entity for item in yilmaz.timeline.history] == ["visit", "adjustment"]
    assert [item.entity for item in yilmaz.timeline.planned] == ["adjustment", "action"]
    santos = world.households["Maria Santos"]  # withdrew consent
    with world.ws.write() as uow:
        uow.create("contact_moment", {"household_id": santos, "at": days(-1),
                                      "channel": "phone", "outcome": "reached",
                                      "summary": "Wil niet praten"})
    with world.ws.engine.connect() as conn:
        profile = household_profile(conn, santos, TODAY)
    assert [item.text for item in profile.timeline.history] == [""]


def test_a_letter_in_the_history_names_its_language(world: World) -> None:
    household = world.households["Henk Visser"]
    with world.ws.write() as uow:
        uow.create("letter", {"household_id": household, "kind": "invitation",
                              "language": "tr", "created_at": days(-1), "pdf": b"%PDF-1.4"})
    letter = timeline_of(world, household).history[0]
    assert (letter.entity, letter.text) == ("letter", "tr")
    assert (letter.detail("nl"), letter.what_label("en")) == ("Turks", "Home visit invitation")
