"""A coach's visits, adjustments, actions and contact moments as use cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fixtures.records_world import NOW, TODAY, World, build_world
from sqlalchemy import text

from renodesk.core.errors import ConflictError, ValidationError
from renodesk.core.visits import (
    ContactStep,
    NewAction,
    NewAdjustment,
    VisitReport,
    agree_adjustment,
    complete_action,
    finalise_visit,
    log_contact,
    mark_not_home,
    next_contact_step,
    plan_visit,
    record_visit,
    reopen_action,
    set_adjustment_status,
)
from renodesk.core.workspace import Workspace


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


def count(world: World, sql: str, **params: object) -> int:
    with world.ws.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar() or 0)


def test_a_visit_is_planned_recorded_with_an_adjustment_and_an_action_then_finalised(
        world: World) -> None:
    household = world.households["Nguyễn Văn An"]
    when = NOW - timedelta(days=1)
    planned = plan_visit(world.ws, household, when, "kitchen_table", visitors="Sanne Bakker")
    assert [c.kind for c in planned.changes] == ["create"]
    report = VisitReport(
        attendees="Huurder, dochter", notes="Rustig gesprek", wishes="Eigen keuken houden",
        worries="Stof tijdens de werkzaamheden",
        adjustments=[NewAdjustment("planning", "Werk in de ochtend", status="agreed",
                                   due_date=TODAY + timedelta(days=14),
                                   responsible_member_id=world.coach_id)],
        actions=[NewAction("Stofschermen bestellen", for_whom="Huurder",
                           assignee_member_id=world.coach_id)])
    recorded = record_visit(world.ws, planned.row_id, report)
    entities = sorted(c.entity for c in recorded.changes)
    assert entities == ["action", "adjustment", "visit"]
    visit = world.ws.get("visit", planned.row_id)
    assert (visit["status"], visit["worries"]) == ("done", "Stof tijdens de werkzaamheden")
    adjustment = next(c for c in recorded.changes if c.entity == "adjustment")
    stored = world.ws.get("adjustment", adjustment.row_id)
    assert (stored["project_id"], stored["visit_id"], stored["agreed_date"]) == (
        world.vogelbuurt, planned.row_id, when.date())
    finalise_visit(world.ws, planned.row_id)
    with pytest.raises(ConflictError):
        record_visit(world.ws, planned.row_id, VisitReport(notes="later change"))
    with pytest.raises(ConflictError):
        finalise_visit(world.ws, planned.row_id)


def test_one_wrong_inline_adjustment_saves_nothing(world: World) -> None:
    household = world.households["Nguyễn Văn An"]
    visit_id = plan_visit(world.ws, household, NOW, "introduction").row_id
    before = count(world, "SELECT count(*) FROM sync_operation")
    report = VisitReport(notes="Alles goed", adjustments=[
        NewAdjustment("planning", "Goed"), NewAdjustment("nonsense", "")],
        actions=[NewAction("")])
    with pytest.raises(ValidationError) as caught:
        record_visit(world.ws, visit_id, report)
    assert set(caught.value.problems) == {"adjustments.1.category", "adjustments.1.description",
                                          "actions.0.description"}
    assert world.ws.get("visit", visit_id)["notes"] == ""
    assert count(world, "SELECT count(*) FROM adjustment WHERE visit_id = :v", v=visit_id) == 0
    assert count(world, "SELECT count(*) FROM sync_operation") == before


def test_a_report_waits_for_the_day_of_the_visit(world: World) -> None:
    household = world.households["Kees Jansen"]
    visit_id = plan_visit(world.ws, household, NOW + timedelta(days=1), "proposal").row_id
    before = count(world, "SELECT count(*) FROM sync_operation")
    with pytest.raises(ConflictError) as caught:
        record_visit(world.ws, visit_id, VisitReport(notes="Nog niet geweest"))
    assert caught.value.key == "error.visit_in_future"
    assert (NOW + timedelta(days=1)).strftime("%d-%m-%Y") in caught.value.message("nl")
    assert world.ws.get("visit", visit_id)["status"] == "planned"
    assert count(world, "SELECT count(*) FROM sync_operation") == before
    today = plan_visit(world.ws, household, NOW.replace(hour=23, minute=30), "proposal").row_id
    record_visit(world.ws, today, VisitReport(notes="Vandaag, later dan gepland geschreven"))


def test_a_planned_visit_cannot_be_finalised(world: World) -> None:
    visit_id = plan_visit(world.ws, world.households["Kees Jansen"], NOW, "proposal").row_id
    with pytest.raises(ConflictError) as caught:
        finalise_visit(world.ws, visit_id)
    assert caught.value.key == "error.visit_not_done"


def test_not_at_home_logs_a_contact_moment_and_climbs_the_ladder(world: World) -> None:
    # El Amrani was not home twice before; this is the third time: send a letter.
    household = world.households["Fatima El Amrani"]
    visit_id = plan_visit(world.ws, household, NOW, "kitchen_table").row_id
    outcome = mark_not_home(world.ws, visit_id, by_member_id=world.coach_id)
    assert world.ws.get("visit", visit_id)["status"] == "not_home"
    assert count(world, "SELECT count(*) FROM contact_moment WHERE household_id = :h "
                 "AND outcome = 'not_home'", h=household) == 3
    assert (outcome.attempts, outcome.next_step) == (3, ContactStep.LETTER)
    assert sorted(c.entity for c in outcome.changes) == ["contact_moment", "visit"]


def test_the_ladder_counts_only_since_the_tenant_was_last_reached(world: World) -> None:
    household = world.households["Nguyễn Văn An"]  # reached yesterday
    visit_id = plan_visit(world.ws, household, NOW, "kitchen_table").row_id
    outcome = mark_not_home(world.ws, visit_id)
    assert (outcome.attempts, outcome.next_step) == (1, ContactStep.DOOR_CARD)


def test_ladder_uses_the_contact_person_and_partner_before_escalating() -> None:
    assert next_contact_step(2, False, False) is ContactStep.PHONE
    assert next_contact_step(4, True, True) is ContactStep.CONTACT_PERSON
    assert next_contact_step(5, True, True) is ContactStep.PARTNER
    assert next_contact_step(4, False, True) is ContactStep.PARTNER
    assert next_contact_step(4, False, False) is ContactStep.ESCALATE
    assert next_contact_step(9, True, True) is ContactStep.ESCALATE


def test_log_contact(world: World) -> None:
    household = world.households["Łukasz Wiśniewski"]
    outcome = log_contact(world.ws, household, "phone", "reached", summary="Belt terug")
    assert world.ws.get("contact_moment", outcome.row_id)["summary"] == "Belt terug"
    with pytest.raises(ValidationError):
        log_contact(world.ws, household, "pigeon", "reached")


def test_adjustment_status_and_agreed_date(world: World) -> None:
    with world.ws.write() as uow:
        adjustment = uow.create("adjustment", {
            "household_id": world.households["Kees Jansen"], "project_id": world.vogelbuurt,
            "category": "moving_help", "description": "Hulp bij inpakken"})
    set_adjustment_status(world.ws, adjustment, "in_progress", on=date(2026, 1, 5))
    stored = world.ws.get("adjustment", adjustment)
    assert (stored["status"], stored["agreed_date"]) == ("in_progress", date(2026, 1, 5))
    agree_adjustment(world.ws, adjustment, on=date(2026, 2, 1))
    assert world.ws.get("adjustment", adjustment)["agreed_date"] == date(2026, 1, 5)
    with pytest.raises(ValidationError):
        set_adjustment_status(world.ws, adjustment, "maybe")


def test_complete_and_reopen_an_action(world: World) -> None:
    complete_action(world.ws, world.action_overdue, on=TODAY)
    assert world.ws.get("action", world.action_overdue)["done_date"] == TODAY
    reopen_action(world.ws, world.action_overdue)
    assert world.ws.get("action", world.action_overdue)["done_date"] is None


def test_a_profile_records_consent_and_a_safety_note_in_one_save(world: World) -> None:
    from renodesk.core.profiles import update_profile

    household = world.households["Kees Jansen"]
    world.ws.update("household", household, {"consent_basis": "none"})
    with pytest.raises(ValidationError) as caught:
        update_profile(world.ws, household, {"safety_note": "Hond", "phone": "0612345678"})
    assert caught.value.problems["safety_note"][0] == "validation.no_basis"
    assert world.ws.get("household", household)["phone"] == ""
    assert world.ws.get("household", household)["safety_note"] == ""
    changes = update_profile(world.ws, household, {"consent_basis": "explicit_consent",
                                                   "safety_note": "Hond"})
    assert world.ws.get("household", household)["safety_note"] == "Hond"
    assert [c.fields for c in changes] == [("consent_basis",), ("safety_note",)]
