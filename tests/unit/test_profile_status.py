"""A household that moved out or died: open work closed on request, out of the tally and
the lists, back to active after a mistake."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fixtures.records_world import TODAY, World, build_world
from sqlalchemy import text

from renodesk.core.errors import ValidationError
from renodesk.core.household_status import OpenWork, end_tenancy, open_work, reactivate
from renodesk.core.queries.households import HouseholdFilter, household_ids
from renodesk.core.queries.projects import consent_tally
from renodesk.core.workspace import Workspace


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


def work_of(world: World, household: str) -> OpenWork:
    with world.ws.engine.connect() as conn:
        return open_work(conn, household)


def test_open_work_counts_planned_visits_open_agreements_and_actions(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    with world.ws.write() as uow:
        uow.create("visit", {"household_id": yilmaz, "kind": "aftercare", "status": "planned",
                             "planned_at": TODAY + timedelta(days=5)})
    assert work_of(world, yilmaz) == OpenWork(planned_visits=1, open_adjustments=1,
                                              open_actions=1)
    assert work_of(world, world.households["Henk Visser"]).total == 0


def test_a_death_closes_the_open_work_when_asked(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    on = TODAY - timedelta(days=1)
    changed = end_tenancy(world.ws, yilmaz, "deceased", on, close_open_work=True)
    assert changed.closed == OpenWork(0, 1, 1)
    household = world.ws.get("household", yilmaz)
    assert (household["status"], household["tenancy_end_date"]) == ("deceased", on)
    assert world.ws.get("adjustment", world.adjustment_overdue)["status"] == "dropped"
    assert world.ws.get("action", world.action_overdue)["done_date"] == on
    assert work_of(world, yilmaz).total == 0
    # The change reaches the other laptops: every field written has an operation.
    entities = {c.entity for c in changed.changes}
    assert entities == {"household", "adjustment", "action"}


def test_a_move_leaves_open_work_alone_unless_asked(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    changed = end_tenancy(world.ws, yilmaz, "moved", "01-11-2026", today=date(2026, 11, 26))
    assert changed.closed.total == 0
    assert work_of(world, yilmaz).open_actions == 1


def test_who_left_no_longer_counts_in_the_tally_but_the_dwelling_does(world: World) -> None:
    with world.ws.engine.connect() as conn:
        before = consent_tally(conn, world.vogelbuurt)
    end_tenancy(world.ws, world.households["Gülşen Yılmaz"], "moved", TODAY)
    with world.ws.engine.connect() as conn:
        after = consent_tally(conn, world.vogelbuurt)
        listed = household_ids(conn, HouseholdFilter())
        everyone = household_ids(conn, HouseholdFilter(include_inactive=True))
    assert (after.yes, after.total, after.dwellings) == (before.yes - 1, before.total - 1,
                                                         before.dwellings)
    assert world.households["Gülşen Yılmaz"] not in listed
    assert world.households["Gülşen Yılmaz"] in everyone


@pytest.mark.parametrize(("status", "on", "field", "key"), [
    ("moved", None, "tenancy_end_date", "validation.required"),
    ("moved", "31-02-2026", "tenancy_end_date", "validation.date"),
    ("deceased", TODAY + timedelta(days=1), "tenancy_end_date", "household.status.future_date"),
    ("active", TODAY, "status", "validation.choice"),
])
def test_a_wrong_status_or_date_changes_nothing(world: World, status: str, on: object,
                                                field: str, key: str) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    with pytest.raises(ValidationError) as caught:
        end_tenancy(world.ws, yilmaz, status, on, close_open_work=True)  # type: ignore[arg-type]
    assert caught.value.problems[field][0] == key
    assert world.ws.get("household", yilmaz)["status"] == "active"
    assert work_of(world, yilmaz).total == 2


def test_a_mistake_is_undone_with_weer_actief(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    end_tenancy(world.ws, yilmaz, "deceased", TODAY)
    changed = reactivate(world.ws, yilmaz)
    household = world.ws.get("household", yilmaz)
    assert (household["status"], household["tenancy_end_date"]) == ("active", None)
    assert changed.status == "active" and changed.changes


def test_back_to_active_is_refused_when_someone_else_lives_there_now(world: World) -> None:
    # Bram Vorig moved out of the dwelling where Tom de Graaf lives now.
    with pytest.raises(ValidationError) as caught:
        reactivate(world.ws, world.moved_out)
    assert caught.value.problems["status"][0] == "household.status.address_taken"
    assert world.ws.get("household", world.moved_out)["status"] == "moved"
    with world.ws.engine.connect() as conn:
        active = conn.execute(text("SELECT count(*) FROM household WHERE status = 'active'"))
        assert active.scalar() == 15


@pytest.mark.parametrize(("status", "said"), [("deceased", "is overleden"),
                                              ("moved", "is verhuisd")])
def test_no_letter_goes_to_a_household_that_left(world: World, status: str, said: str) -> None:
    from renodesk.core.enums import LetterKind
    from renodesk.core.errors import RenoDeskError
    from renodesk.core.letter_requests import LetterChoice
    from renodesk.core.letters import make_letter

    yilmaz = world.households["Gülşen Yılmaz"]
    end_tenancy(world.ws, yilmaz, status, TODAY)
    with pytest.raises(RenoDeskError) as caught:
        make_letter(world.ws, LetterChoice(LetterKind.CONTACT_PERSONS, yilmaz))
    assert said in caught.value.message("nl")
    with world.ws.engine.connect() as conn:
        kept = conn.execute(text("SELECT count(*) FROM letter WHERE household_id = :h"),
                            {"h": yilmaz}).scalar()
    assert kept == 0
