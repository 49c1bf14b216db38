"""The screens' read side, checked against answers counted by hand (see records_world)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from fixtures.records_world import TODAY, World, build_world
from sqlalchemy import text

from renodesk.core.errors import NotFoundError
from renodesk.core.queries.households import (
    HouseholdFilter,
    household_ids,
    household_profile,
    household_rows,
    open_profile,
)
from renodesk.core.queries.projects import consent_tally, legal_figure, project_detail, project_rows
from renodesk.core.queries.work import (
    WorkFilter,
    action_ids,
    action_rows,
    adjustment_ids,
    adjustment_rows,
    visit_ids,
    visit_rows,
)
from renodesk.core.workspace import Workspace


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


def names(world: World, flt: HouseholdFilter) -> list[str]:
    with world.ws.engine.connect() as conn:
        return [row.name for row in household_rows(conn, household_ids(conn, flt))]


def test_search_finds_a_tenant_by_name_without_accents(world: World) -> None:
    assert names(world, HouseholdFilter(query="yilmaz")) == ["Gülşen Yılmaz"]
    assert names(world, HouseholdFilter(query="wisniewski")) == ["Łukasz Wiśniewski"]


def test_search_by_street_number_and_postcode(world: World) -> None:
    assert names(world, HouseholdFilter(query="merelstraat 16")) == ["Nguyễn Văn An"]
    assert names(world, HouseholdFilter(query="1234AB")) == [
        "Gülşen Yılmaz", "Łukasz Wiśniewski", "Nguyễn Văn An", "Jan de Vries"]
    assert names(world, HouseholdFilter(query="hofje 4")) == ["Bewoner Hofje 4"]


def test_list_is_in_address_order_and_leaves_out_who_moved(world: World) -> None:
    everyone = names(world, HouseholdFilter())
    assert len(everyone) == 15
    assert "Bram Vorig" not in everyone
    assert everyone[:2] == ["Gülşen Yılmaz", "Łukasz Wiśniewski"]
    assert "Bram Vorig" in names(world, HouseholdFilter(include_inactive=True))


def test_filters(world: World) -> None:
    vb = world.vogelbuurt
    assert len(names(world, HouseholdFilter(project_id=vb))) == 12
    assert names(world, HouseholdFilter(stance="no")) == ["Jan de Vries"]
    assert names(world, HouseholdFilter(stance="undecided", project_id=vb)) == ["Fatima El Amrani"]
    # Santos withdrew consent: her vulnerability no longer counts.
    assert names(world, HouseholdFilter(vulnerability="mobility")) == ["Gülşen Yılmaz"]
    assert names(world, HouseholdFilter(open_actions=True)) == ["Gülşen Yılmaz"]
    assert names(world, HouseholdFilter(not_reached=3)) == ["Łukasz Wiśniewski", "Jan de Vries"]
    assert set(names(world, HouseholdFilter(not_reached=2))) == {
        "Łukasz Wiśniewski", "Jan de Vries", "Fatima El Amrani"}
    assert names(world, HouseholdFilter(query="merel", not_reached=3)) == [
        "Łukasz Wiśniewski", "Jan de Vries"]


def test_household_rows_show_open_actions_and_last_contact(world: World) -> None:
    with world.ws.engine.connect() as conn:
        ids = [world.households["Jan de Vries"], world.households["Gülşen Yılmaz"]]
        vries, yilmaz = household_rows(conn, ids)
    assert (vries.name, vries.address, vries.project_code) == ("Jan de Vries", "Merelstraat 18",
                                                               "VB-01")
    assert vries.last_contact is not None and yilmaz.last_contact is None
    assert (yilmaz.open_actions, vries.open_actions) == (1, 0)


def test_profile_holds_everything_about_a_household(world: World) -> None:
    with world.ws.engine.connect() as conn:
        profile = household_profile(conn, world.households["Gülşen Yılmaz"])
    assert profile.address == "Merelstraat 12"
    assert profile.project["code"] == "VB-01"
    assert profile.household["contact_person_name"] == "Emre Yılmaz"
    assert profile.household["safety_note"] == "Hond in de tuin"
    assert [(v.category, v.implications) for v in profile.vulnerabilities] == [
        ("mobility", "Traplift nodig"), ("language_barrier", "Tolk Turks")]
    assert [(i.partner_name, i.consent_to_share) for i in profile.involvements] == [
        ("Wijkteam Noord", True)]
    history, planned = profile.timeline.history, profile.timeline.planned
    assert [item.entity for item in history] == ["visit", "adjustment"]
    assert [(item.entity, item.overdue) for item in planned] == [("adjustment", True),
                                                                 ("action", True)]
    visit = history[0]
    assert (visit.what_label("nl"), visit.status_label("en")) == ("Keukentafelgesprek", "Done")


def test_profile_hides_sensitive_data_after_consent_is_withdrawn(world: World) -> None:
    with world.ws.engine.connect() as conn:
        profile = household_profile(conn, world.households["Maria Santos"])
    assert not profile.sensitive_shown
    assert profile.vulnerabilities == []


def test_opening_a_profile_is_audited(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    open_profile(world.ws, yilmaz)
    with world.ws.engine.connect() as conn:
        views = conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'view' "
                                  "AND household_id = :h"), {"h": yilmaz}).scalar()
        with pytest.raises(NotFoundError):
            household_profile(conn, "0" * 32)
    assert views == 1


def test_consent_tally_against_the_seventy_percent_rule(world: World) -> None:
    with world.ws.engine.connect() as conn:
        tally = consent_tally(conn, world.vogelbuurt, TODAY)
        small = consent_tally(conn, world.kleine_hof, TODAY)
        assert legal_figure(conn, "consent_threshold_percent") == Decimal("70")
    assert (tally.yes, tally.no, tally.undecided, tally.unknown) == (8, 1, 1, 2)
    assert tally.total == 12 and tally.dwellings == 12
    assert round(tally.percent_yes, 1) == 66.7
    assert tally.rule_applies
    assert (tally.yes_needed, tally.yes_short, tally.reached) == (9, 1, False)
    assert (tally.days_to_deadline, tally.threshold_percent) == (30, Decimal("70"))
    assert (small.yes, small.total, small.rule_applies, small.reached) == (3, 3, False, True)
    assert small.deadline is None and small.days_to_deadline is None


def test_threshold_comes_from_the_legal_figure_table(world: World) -> None:
    with world.ws.write() as uow:
        uow.create("legal_figure", {"key": "consent_threshold_percent", "value": "60",
                                    "valid_from": TODAY, "source": "fictitious test change"})
    with world.ws.engine.connect() as conn:
        tally = consent_tally(conn, world.vogelbuurt, TODAY)
    assert (tally.threshold_percent, tally.yes_needed, tally.reached) == (Decimal("60"), 8, True)


def test_project_overview_and_detail(world: World) -> None:
    with world.ws.engine.connect() as conn:
        rows = {row.code: row for row in project_rows(conn)}
        detail = project_detail(conn, world.vogelbuurt, TODAY)
    assert (rows["VB-01"].dwellings, rows["VB-01"].households) == (12, 12)
    assert (rows["KH-02"].dwellings, rows["KH-02"].households) == (3, 3)
    assert [(r.member_name, r.role) for r in detail.roster] == [
        ("Ruud Kok", "project_leader"), ("Sanne Bakker", "tenant_coach")]
    assert [(p.name, p.role) for p in detail.partners] == [("Wijkteam Noord", "Zorgvragen")]
    assert len(detail.dwellings) == 12
    assert detail.project["consent_deadline"] == TODAY + timedelta(days=30)
    assert detail.dwellings[-1].household_name == "Tom de Graaf"
    assert detail.tally.yes == 8


def test_adjustments_list_flags_overdue_and_names_who_is_responsible(world: World) -> None:
    with world.ws.engine.connect() as conn:
        everything = adjustment_rows(conn, adjustment_ids(conn, WorkFilter()), TODAY)
        still_open = adjustment_ids(conn, WorkFilter(open_only=True), TODAY)
        overdue = adjustment_ids(conn, WorkFilter(overdue_only=True), TODAY)
    by_id = {row.id: row for row in everything}
    late, done = by_id[world.adjustment_overdue], by_id[world.adjustment_done]
    assert (late.overdue, late.responsible, late.household_name) == (
        True, "Wijkteam Noord", "Gülşen Yılmaz")
    assert (done.overdue, done.responsible) == (False, "Sanne Bakker")
    assert still_open == overdue == [world.adjustment_overdue]


def test_actions_and_visits_lists(world: World) -> None:
    with world.ws.engine.connect() as conn:
        actions = action_rows(conn, action_ids(conn, WorkFilter()), TODAY)
        open_ids = action_ids(conn, WorkFilter(open_only=True), TODAY)
        visits = visit_rows(conn, visit_ids(conn, WorkFilter(project_id=world.vogelbuurt)))
        none_planned = visit_ids(conn, WorkFilter(status="planned"))
    assert [(a.description, a.overdue, a.assignee) for a in actions] == [
        ("Tolk regelen", True, "Sanne Bakker"), ("Folder brengen", False, "")]
    assert open_ids == [world.action_overdue]
    assert [(v.household_name, v.address, v.status) for v in visits] == [
        ("Gülşen Yılmaz", "Merelstraat 12", "done")]
    assert none_planned == []
