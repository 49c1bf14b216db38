"""Recording what a vulnerable household needs: vulnerabilities with what they mean for
the works, and the partners involved with their role and the tenant's consent to share."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from renodesk.core import needs
from renodesk.core.errors import NotFoundError, ValidationError
from renodesk.core.queries.households import household_profile
from renodesk.core.workspace import Workspace


def _household(ws: Workspace, basis: str = "explicit_consent") -> str:
    with ws.write() as uow:
        project = uow.create("project", {"name": "Vogelbuurt", "code": "VB-01"})
        dwelling = uow.create("dwelling", {"project_id": project, "street": "Merelstraat",
                                           "number": 12, "postcode": "1234 AB",
                                           "city": "Utrecht"})
        return uow.create("household", {"dwelling_id": dwelling, "name": "Łukasz Wiśniewski",
                                        "consent_basis": basis})


def _partner(ws: Workspace, name: str = "Wijkteam Noord") -> str:
    with ws.write() as uow:
        return uow.create("partner", {"name": name, "kind": "neighbourhood_team"})


def _count(ws: Workspace, entity: str) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {entity}")).scalar() or 0)


@pytest.fixture
def household(workspace: Workspace) -> str:
    return _household(workspace)


def test_a_recorded_vulnerability_shows_on_the_profile_most_weighty_first(
        workspace: Workspace, household: str) -> None:
    needs.record_vulnerability(workspace, household, {
        "category": "pets", "weight": 1, "implications": "Kat moet binnen blijven"})
    saved = needs.record_vulnerability(workspace, household, {
        "category": "mobility", "weight": 3,
        "implications": "Rolstoel: tijdelijke drempelhulp tijdens de werkzaamheden"})
    assert [(c.entity, c.kind, c.household_id) for c in saved.changes] == [
        ("vulnerability", "create", household)]
    with workspace.engine.connect() as conn:
        found = needs.household_needs(conn, household)
        profile = household_profile(conn, household)
    assert [(v.category, v.weight) for v in found.vulnerabilities] == [("mobility", 3),
                                                                      ("pets", 1)]
    assert found.vulnerabilities == profile.vulnerabilities
    assert found.vulnerabilities[0].id == saved.id


def test_a_vulnerability_needs_a_basis_for_sensitive_data(workspace: Workspace) -> None:
    household = _household(workspace, basis="none")
    with pytest.raises(ValidationError) as caught:
        needs.record_vulnerability(workspace, household, {"category": "dementia", "weight": 2})
    assert caught.value.problems["category"][0] == "validation.no_basis"
    assert _count(workspace, "vulnerability") == 0


def test_withdrawn_consent_refuses_a_change_and_hides_what_was_recorded(
        workspace: Workspace, household: str) -> None:
    saved = needs.record_vulnerability(workspace, household, {"category": "dementia"})
    workspace.update("household", household, {"consent_withdrawn_date": date(2026, 3, 1)})
    with pytest.raises(ValidationError) as caught:
        needs.change_vulnerability(workspace, saved.id, {"implications": "Vaste contactpersoon"})
    assert caught.value.problems["implications"][0] == "validation.no_basis"
    with workspace.engine.connect() as conn:
        found = needs.household_needs(conn, household)
    assert not found.sensitive_shown and found.vulnerabilities == []


def test_wrong_fields_are_all_named_and_nothing_is_saved(workspace: Workspace,
                                                         household: str) -> None:
    with pytest.raises(ValidationError) as caught:
        needs.record_vulnerability(workspace, household, {"category": "flu", "weight": 7})
    assert set(caught.value.problems) == {"category", "weight"}
    assert _count(workspace, "vulnerability") == 0


def test_a_category_is_recorded_once_per_household(workspace: Workspace,
                                                   household: str) -> None:
    first = needs.record_vulnerability(workspace, household, {"category": "mobility"})
    other = needs.record_vulnerability(workspace, household, {"category": "pets"})
    with pytest.raises(ValidationError) as caught:
        needs.record_vulnerability(workspace, household, {"category": "mobility"})
    assert caught.value.problems["category"][0] == "needs.category_recorded"
    with pytest.raises(ValidationError):
        needs.change_vulnerability(workspace, other.id, {"category": "mobility"})
    # Keeping its own category is no clash.
    needs.change_vulnerability(workspace, first.id, {"category": "mobility", "weight": 3})
    assert workspace.get("vulnerability", first.id)["weight"] == 3


def test_change_and_remove_a_vulnerability(workspace: Workspace, household: str) -> None:
    saved = needs.record_vulnerability(workspace, household, {"category": "hoarding"})
    changed = needs.change_vulnerability(workspace, saved.id, {
        "weight": 3, "implications": "Extra opruimhulp voor de werkzaamheden"})
    assert changed.changes[0].fields == ("implications", "weight")
    removed = needs.remove_vulnerability(workspace, saved.id)
    assert [(c.entity, c.kind, c.household_id) for c in removed.changes] == [
        ("vulnerability", "delete", household)]
    with pytest.raises(NotFoundError):
        workspace.get("vulnerability", saved.id)


def test_involve_a_known_partner_with_role_and_consent_to_share(workspace: Workspace,
                                                                household: str) -> None:
    partner = _partner(workspace)
    saved = needs.involve_partner(workspace, household, partner, "Vaste contactpersoon",
                                  consent_to_share=True)
    with workspace.engine.connect() as conn:
        (item,) = needs.household_needs(conn, household).involvements
    assert (item.id, item.partner_name, item.role, item.consent_to_share) == (
        saved.id, "Wijkteam Noord", "Vaste contactpersoon", True)
    with pytest.raises(ValidationError) as caught:
        needs.involve_partner(workspace, household, partner, "Nog eens")
    assert caught.value.problems["partner_id"][0] == "needs.partner_involved"
    with pytest.raises(ValidationError) as caught:
        needs.involve_partner(workspace, household, None, "Iemand")
    assert caught.value.problems["partner_id"][0] == "needs.choose_partner"
    assert _count(workspace, "involvement") == 1


def test_a_new_partner_organisation_is_added_in_the_same_go(workspace: Workspace,
                                                            household: str) -> None:
    saved = needs.involve_partner(workspace, household, None, "Budgetcoach", new_partner={
        "name": "Schuldhulp Utrecht", "kind": "debt_counselling", "phone": "030-1234567"})
    assert {c.entity for c in saved.changes} == {"partner", "involvement"}
    assert [p.name for p in needs.partners_to_choose(workspace)] == ["Schuldhulp Utrecht"]
    with pytest.raises(ValidationError) as caught:
        needs.involve_partner(workspace, household, None, "", new_partner={
            "name": "", "kind": "debt_counselling", "phone": "12"})
    assert set(caught.value.problems) == {"partner_name", "partner_phone"}
    assert _count(workspace, "partner") == 1


def test_without_a_basis_a_role_is_refused_and_the_new_partner_not_half_saved(
        workspace: Workspace) -> None:
    household = _household(workspace, basis="none")
    with pytest.raises(ValidationError) as caught:
        needs.involve_partner(workspace, household, None, "Schuldhulpmaatje",
                              new_partner={"name": "Geldfit", "kind": "debt_counselling"})
    assert caught.value.problems["role"][0] == "validation.no_basis"
    assert _count(workspace, "partner") == 0 and _count(workspace, "involvement") == 0
    # Without a role (sensitive), naming who is involved needs no basis.
    needs.involve_partner(workspace, household, _partner(workspace), "", True)
    assert _count(workspace, "involvement") == 1


def test_change_and_end_an_involvement(workspace: Workspace, household: str) -> None:
    saved = needs.involve_partner(workspace, household, _partner(workspace), "Meedenken")
    needs.change_involvement(workspace, saved.id, "Gaat mee naar de wisselwoning", True)
    row = workspace.get("involvement", saved.id)
    assert (row["role"], row["consent_to_share"]) == ("Gaat mee naar de wisselwoning", True)
    # A hidden role (no basis any more) is left alone when only the consent changes.
    workspace.update("household", household, {"consent_withdrawn_date": date(2026, 3, 1)})
    needs.change_involvement(workspace, saved.id, None, False)
    row = workspace.get("involvement", saved.id)
    assert (row["role"], row["consent_to_share"]) == ("Gaat mee naar de wisselwoning", False)
    ended = needs.end_involvement(workspace, saved.id)
    assert [c.kind for c in ended.changes] == ["delete"]
    assert _count(workspace, "involvement") == 0 and _count(workspace, "partner") == 1
