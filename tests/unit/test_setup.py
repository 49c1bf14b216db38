"""A team starts in an empty workspace: a project, its roster, partners and households."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from renodesk.core import setup
from renodesk.core.errors import ConflictError, NotFoundError, ValidationError
from renodesk.core.queries.projects import project_detail
from renodesk.core.workspace import Workspace


def count(ws: Workspace, sql: str) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


def new_project(ws: Workspace, code: str = "VB-01") -> str:
    return setup.create_project(ws, {"name": "Vogelbuurt", "code": code,
                                     "phase": "planning", "consent_deadline": "1-3-2027"}).id


def test_a_project_is_created_with_its_details_and_reported_as_changed(
        workspace: Workspace) -> None:
    saved = setup.create_project(workspace, {
        "name": "Vogelbuurt", "code": "VB-01", "complex_name": "Complex 412",
        "phase": "consent", "start_date": "2026-09-01", "end_date": "2027-06-30",
        "inhabited": False, "rent_change": "+ € 25 per maand", "social_plan_ref": "SP 2026-3",
        "consent_deadline": "15-11-2026", "description": "Isoleren en nieuwe kozijnen."})
    project = workspace.get("project", saved.id)
    assert project["consent_deadline"] == date(2026, 11, 15)
    assert project["phase"] == "consent" and project["inhabited"] is False
    assert [(c.entity, c.kind) for c in saved.changes] == [("project", "create")]


def test_a_taken_code_is_named_beside_the_code_field_and_nothing_is_saved(
        workspace: Workspace) -> None:
    new_project(workspace, "VB-01")
    with pytest.raises(ValidationError) as caught:
        setup.create_project(workspace, {"name": "", "code": "vb-01"})
    messages = caught.value.messages("nl")
    assert "al van een ander project" in messages["code"]
    assert messages["name"] == "Dit veld is verplicht."
    assert count(workspace, "SELECT count(*) FROM project") == 1


def test_a_project_keeps_its_own_code_when_edited_but_cannot_take_another(
        workspace: Workspace) -> None:
    first = new_project(workspace, "VB-01")
    new_project(workspace, "KH-02")
    setup.update_project(workspace, first, {"code": "VB-01", "phase": "execution"})
    assert workspace.get("project", first)["phase"] == "execution"
    with pytest.raises(ValidationError) as caught:
        setup.update_project(workspace, first, {"code": "KH-02"})
    assert set(caught.value.problems) == {"code"}


def test_dates_in_the_wrong_order_or_wrong_form_are_refused(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        setup.create_project(workspace, {"name": "X", "code": "X", "start_date": "2027-01-01",
                                         "end_date": "2026-01-01", "consent_deadline": "morgen"})
    assert caught.value.problems["end_date"][0] == "setup.end_before_start"
    assert caught.value.problems["consent_deadline"][0] == "validation.date"


def test_the_roster_takes_an_existing_member_or_a_new_one_in_one_go(
        workspace: Workspace) -> None:
    project_id = new_project(workspace)
    leader = setup.add_member(workspace, {"name": "Koen van Dam", "role": "project_leader",
                                          "phone": "0612345678"})
    setup.add_roster_entry(workspace, project_id, {
        "member_id": leader.id, "role": "project_leader",
        "responsibilities": "Planning en het renovatievoorstel"})
    saved = setup.add_roster_entry(
        workspace, project_id, {"role": "tenant_coach", "responsibilities": "Huisbezoeken"},
        new_member={"name": "Sanne Bakker", "email": "S.Bakker@delinde.example"})
    assert {(c.entity, c.kind) for c in saved.changes} == {
        ("team_member", "create"), ("roster_entry", "create")}
    with workspace.engine.connect() as conn:
        roster = project_detail(conn, project_id).roster
    assert [(r.member_name, r.role, r.phone) for r in roster] == [
        ("Koen van Dam", "project_leader", "06-12345678"),
        ("Sanne Bakker", "tenant_coach", "")]
    assert workspace.get("team_member", roster[1].member_id)["email"] == "s.bakker@delinde.example"


def test_a_roster_entry_with_wrong_details_saves_neither_member_nor_entry(
        workspace: Workspace) -> None:
    project_id = new_project(workspace)
    with pytest.raises(ValidationError) as caught:
        setup.add_roster_entry(workspace, project_id, {"role": "tenant_coach"},
                               new_member={"name": "Sanne Bakker", "phone": "12"})
    assert set(caught.value.problems) == {"member_phone"}
    assert count(workspace, "SELECT count(*) FROM team_member") == 0
    leader = setup.add_member(workspace, {"name": "Koen van Dam", "role": "project_leader"})
    setup.add_roster_entry(workspace, project_id, {"member_id": leader.id,
                                                   "role": "project_leader"})
    with pytest.raises(ValidationError) as twice:
        setup.add_roster_entry(workspace, project_id, {"member_id": leader.id,
                                                       "role": "project_leader"})
    assert twice.value.problems["member_id"][0] == "setup.already_on_roster"
    with pytest.raises(ValidationError) as unknown:
        setup.add_roster_entry(workspace, project_id, {"member_id": "f" * 32, "role": "other"})
    assert unknown.value.problems["member_id"][0] == "setup.no_member"


def test_a_roster_entry_is_edited_with_the_members_phone_and_removed(
        workspace: Workspace) -> None:
    project_id = new_project(workspace)
    entry = setup.add_roster_entry(workspace, project_id, {"role": "supervisor"},
                                   new_member={"name": "Ahmed Benali"})
    setup.update_roster_entry(workspace, entry.id, {"responsibilities": "Technische opname",
                                                    "tenant_facing": False},
                              member={"phone": "030-1234567"})
    member_id = workspace.get("roster_entry", entry.id)["member_id"]
    assert workspace.get("team_member", member_id)["phone"] == "030-1234567"
    with pytest.raises(ConflictError):
        setup.remove_member(workspace, member_id)  # still on the roster
    setup.remove_roster_entry(workspace, entry.id)
    setup.remove_member(workspace, member_id)
    assert count(workspace, "SELECT count(*) FROM team_member") == 0


def test_partners_are_added_and_involved_once_per_project(workspace: Workspace) -> None:
    project_id = new_project(workspace)
    wijkteam = setup.add_partner(workspace, {"name": "Wijkteam Noord",
                                             "kind": "neighbourhood_team",
                                             "contact_name": "Els de Boer",
                                             "phone": "0301234567"})
    link = setup.link_partner(workspace, project_id, wijkteam.id, "Vast aanspreekpunt")
    with pytest.raises(ValidationError) as twice:
        setup.link_partner(workspace, project_id, wijkteam.id)
    assert twice.value.problems["partner_id"][0] == "setup.partner_linked"
    setup.link_partner(workspace, project_id, None, "Schuldhulp bij achterstand",
                       new_partner={"name": "Kredietbank", "kind": "debt_counselling"})
    with workspace.engine.connect() as conn:
        partners = project_detail(conn, project_id).partners
    assert [(p.name, p.role) for p in partners] == [
        ("Kredietbank", "Schuldhulp bij achterstand"), ("Wijkteam Noord", "Vast aanspreekpunt")]
    setup.unlink_partner(workspace, link.id)
    assert count(workspace, "SELECT count(*) FROM project_partner") == 1
    assert count(workspace, "SELECT count(*) FROM partner") == 2


def test_a_dwelling_and_its_household_are_added_together_with_every_problem_named(
        workspace: Workspace) -> None:
    project_id = new_project(workspace)
    with pytest.raises(ValidationError) as caught:
        setup.add_household(workspace, project_id,
                            {"street": "Merelstraat", "number": "twaalf", "postcode": "1234 SA",
                             "city": "Utrecht"}, {"name": ""})
    assert set(caught.value.problems) == {"number", "postcode", "name"}
    assert count(workspace, "SELECT count(*) FROM dwelling") == 0
    saved = setup.add_household(
        workspace, project_id, {"street": "Merelstraat", "number": "12", "addition": "a",
                                "postcode": "1234ab", "city": "Utrecht"},
        {"name": "Gülşen Yılmaz", "phone": "06 1234 5678"})
    household = workspace.get("household", saved.id)
    dwelling = workspace.get("dwelling", household["dwelling_id"])
    assert (dwelling["postcode"], dwelling["number"], household["phone"]) == (
        "1234 AB", 12, "06-12345678")
    with workspace.engine.connect() as conn:
        assert project_detail(conn, project_id).tally.unknown == 1


def test_an_occupied_address_is_refused_and_a_vacated_one_takes_the_new_tenant(
        workspace: Workspace) -> None:
    project_id = new_project(workspace)
    address = {"street": "Merelstraat", "number": 14, "postcode": "1234 AB", "city": "Utrecht"}
    first = setup.add_household(workspace, project_id, address, {"name": "Jan de Vries"})
    with pytest.raises(ValidationError) as caught:
        setup.add_household(workspace, project_id, address, {"name": "Maria Santos"})
    assert caught.value.problems["number"][0] == "setup.address_taken"
    with pytest.raises(ValidationError):
        setup.move_out(workspace, first.id, None)
    setup.move_out(workspace, first.id, "2026-10-31")
    moved = workspace.get("household", first.id)
    assert (moved["status"], moved["tenancy_end_date"]) == ("moved", date(2026, 10, 31))
    second = setup.add_household(workspace, project_id, address, {"name": "Maria Santos"})
    assert workspace.get("household", second.id)["dwelling_id"] == moved["dwelling_id"]
    assert count(workspace, "SELECT count(*) FROM dwelling") == 1


def test_a_household_needs_an_existing_project(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        setup.add_household(workspace, "a" * 32, {"street": "Merelstraat", "number": 1,
                                                  "postcode": "1234 AB", "city": "Utrecht"},
                            {"name": "Kees Jansen"})


def test_every_set_up_change_is_in_the_outbox_for_the_team(workspace: Workspace) -> None:
    before = workspace.op_count()
    project_id = new_project(workspace)
    setup.add_roster_entry(workspace, project_id, {"role": "tenant_coach"},
                           new_member={"name": "Sanne Bakker"})
    assert workspace.op_count() > before
    assert count(workspace, "SELECT count(*) FROM sync_operation "
                 "WHERE entity IN ('project', 'team_member', 'roster_entry')") == 3
