"""Consent and basis, what screens may show, identifiers in free text, retention, audit."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures.privacy_world import SENSITIVE, plant_household
from sqlalchemy import text

from renodesk.app import ORGANISATION_ID
from renodesk.core import erasure, privacy
from renodesk.core.errors import ValidationError
from renodesk.core.queries.households import household_profile, open_profile
from renodesk.core.workspace import Workspace

# --- consent --------------------------------------------------------------------------


def test_withdrawing_consent_hides_sensitive_fields_and_proposes_erasure(
        workspace: Workspace) -> None:
    planted = plant_household(workspace)
    household = workspace.get("household", planted.household_id)
    assert privacy.visible_sensitive(household)

    withdrawal = privacy.withdraw_consent(workspace, planted.household_id, date(2025, 6, 1))

    household = workspace.get("household", planted.household_id)
    assert not privacy.visible_sensitive(household)
    shown = privacy.redact("household", household, privacy.visible_sensitive(household))
    assert (shown["notes"], shown["safety_note"], shown["resistance_kind"]) == ("", "", "none")
    assert shown["name"] == household["name"]
    with workspace.engine.connect() as conn:
        profile = household_profile(conn, planted.household_id)
    assert not profile.sensitive_shown and profile.vulnerabilities == []
    assert profile.household["notes"] == ""
    # The data is still there, so erasing it is proposed, counted without values.
    holdings = withdrawal.holdings
    assert holdings.household_fields == ("notes", "resistance_approach", "resistance_kind",
                                         "safety_note")
    assert (holdings.vulnerabilities, holdings.involvement_roles, holdings.visit_notes) == (
        1, 1, 1)
    # Nothing sensitive can be added while consent is withdrawn.
    with pytest.raises(ValidationError) as caught:
        workspace.update("household", planted.household_id, {"notes": "nieuw"})
    assert caught.value.key == "validation.no_basis"
    erasure.erase_household(workspace, planted.household_id, sensitive_only=True)
    with workspace.engine.connect() as conn:
        assert privacy.sensitive_holdings(conn, planted.household_id).total == 0


def test_a_basis_needs_its_date_or_note_and_ends_a_withdrawal(workspace: Workspace) -> None:
    planted = plant_household(workspace)
    privacy.withdraw_consent(workspace, planted.household_id)
    with pytest.raises(ValidationError) as caught:
        privacy.set_consent(workspace, planted.household_id, "explicit_consent", None, "")
    assert set(caught.value.problems) == {"consent_date", "consent_scope"}
    with pytest.raises(ValidationError) as caught:
        privacy.set_consent(workspace, planted.household_id, "vital_interest", None, "  ")
    assert set(caught.value.problems) == {"consent_scope"}
    privacy.set_consent(workspace, planted.household_id, "explicit_consent", date(2025, 7, 1),
                        "Woonwensen en zorgbehoefte tijdens de werken")
    household = workspace.get("household", planted.household_id)
    assert household["consent_withdrawn_date"] is None
    assert privacy.visible_sensitive(household)


def test_no_basis_means_nothing_sensitive_is_shown_or_recorded(workspace: Workspace) -> None:
    planted = plant_household(workspace)
    dwelling = workspace.get("household", planted.household_id)["dwelling_id"]
    change = workspace.create("household", {"dwelling_id": dwelling, "name": "Fam. Nieuw"})
    assert not privacy.visible_sensitive(workspace.get("household", change.row_id))
    with pytest.raises(ValidationError) as caught:
        workspace.update("household", change.row_id, {"safety_note": "hond"})
    assert caught.value.key == "validation.no_basis"


# --- identifiers in free text ----------------------------------------------------------


@pytest.mark.parametrize("number", ["111222333", "123456782", "1234.56.782", "123 456 782"])
def test_a_valid_bsn_in_free_text_gives_a_warning(number: str) -> None:
    warnings = privacy.find_identifiers(f"Mevrouw gaf haar BSN {number} door.", "notes")
    assert [(w.field, w.kind, w.key) for w in warnings] == [("notes", "bsn",
                                                             "privacy.warning.bsn")]


@pytest.mark.parametrize("text_", ["nummer 123456789", "bel 06-12345678 of 0612345678",
                                   "postcode 1234 AB, huisnummer 111", "000000000",
                                   "dossier 1234567820", "bedrag 1.234.567,82"])
def test_numbers_that_are_no_bsn_give_no_warning(text_: str) -> None:
    assert privacy.find_identifiers(text_) == []


@pytest.mark.parametrize("iban", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00",
                                  "nl91abna0417164300", "BE68539007547034"])
def test_a_valid_iban_in_free_text_gives_a_warning(iban: str) -> None:
    warnings = privacy.find_identifiers(f"Huur gaat van {iban} af.")
    assert [w.kind for w in warnings] == ["iban"]


@pytest.mark.parametrize("iban", ["NL91ABNA0417164301", "NL12ABNA0417164300",
                                  "XX91ABNA0417164300", "NL91ABNA04171643"])
def test_an_invalid_iban_gives_no_warning(iban: str) -> None:
    assert privacy.find_identifiers(f"Rekening {iban}.") == []


def test_check_free_text_names_the_fields_and_never_the_values() -> None:
    warnings = privacy.check_free_text("visit", {
        "notes": "BSN 111222333", "wishes": "IBAN NL91ABNA0417164300", "worries": "niets",
        "duration_minutes": 60})
    assert [(w.field, w.kind) for w in warnings] == [("notes", "bsn"), ("wishes", "iban")]
    assert all("111222333" not in repr(w) for w in warnings)


# --- retention -----------------------------------------------------------------------


def test_retention_review_lists_what_is_due_under_the_policy(workspace: Workspace) -> None:
    planted = plant_household(workspace)
    workspace.update("organisation", ORGANISATION_ID, {"retention_sensitive_months": 12,
                                                       "retention_contact_months": 24})
    workspace.update("household", planted.other_household_id,
                     {"tenancy_end_date": date(2023, 5, 31), "status": "moved"})
    with workspace.engine.connect() as conn:
        # Aftercare ended 31 January 2024: sensitive data is due on 31 January 2025.
        assert privacy.retention_review(conn, date(2025, 1, 30)) == []
        due = privacy.retention_review(conn, date(2025, 6, 1))
    assert [(i.household_id, i.scope, i.due_since) for i in due] == [
        (planted.household_id, "sensitive", date(2025, 1, 31)),
        (planted.other_household_id, "household", date(2025, 5, 31))]
    for item in due:
        erasure.erase_household(workspace, item.household_id,
                                sensitive_only=item.scope == "sensitive", compact=False)
    with workspace.engine.connect() as conn:
        assert privacy.retention_review(conn, date(2025, 6, 1)) == []


def test_a_rule_set_to_zero_months_never_falls_due(workspace: Workspace) -> None:
    planted = plant_household(workspace)
    workspace.update("organisation", ORGANISATION_ID, {"retention_sensitive_months": 0,
                                                       "retention_contact_months": 0})
    workspace.update("household", planted.household_id, {"tenancy_end_date": date(2020, 1, 1)})
    with workspace.engine.connect() as conn:
        assert privacy.retention_review(conn, date(2030, 1, 1)) == []
    assert privacy.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert privacy.add_months(date(2024, 11, 30), 14) == date(2026, 1, 30)


# --- the audit trail -----------------------------------------------------------------


def test_the_audit_trail_records_who_did_what_and_never_a_sensitive_value(
        workspace: Workspace) -> None:
    planted = plant_household(workspace)
    open_profile(workspace, planted.household_id)
    workspace.update("household", planted.household_id, {"notes": "Nieuwe-Geheime-Notitie-44"})
    privacy.withdraw_consent(workspace, planted.household_id)
    erasure.erase_household(workspace, planted.household_id, sensitive_only=True)
    with workspace.engine.connect() as conn:
        entries = [tuple(r) for r in conn.execute(text(
            "SELECT actor, device_id, action, entity, row_id, household_id, detail "
            "FROM audit_entry WHERE household_id = :h"), {"h": planted.household_id})]
        ops = [r[0] for r in conn.execute(text(
            "SELECT value_json FROM sync_operation WHERE entity = 'audit_entry'"))]
    actions = {entry[2] for entry in entries}
    assert {"create", "view", "change", "erase"} <= actions
    assert ("Sanne Bakker", workspace.device_id, "change", "household", planted.household_id,
            planted.household_id, "notes") in entries
    dumped = repr(entries) + "".join(ops)
    for value in [*SENSITIVE.values(), "Nieuwe-Geheime-Notitie-44"]:
        assert value not in dumped
