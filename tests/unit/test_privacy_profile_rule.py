"""Privacy rules wired into the rest of the app: one rule for what a profile may show,
and an erasure that reaches a finalised visit report through the unit of work."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures.privacy_world import SENSITIVE, plant_household
from sqlalchemy import text

from renodesk.core import privacy
from renodesk.core.errors import ConflictError
from renodesk.core.queries.households import household_profile
from renodesk.core.workspace import Workspace


def _profile(ws: Workspace, household_id: str):  # type: ignore[no-untyped-def]
    with ws.engine.connect() as conn:
        return household_profile(conn, household_id)


def test_the_profile_shows_sensitive_data_exactly_when_the_privacy_rule_says_so(
        workspace: Workspace) -> None:
    planted = plant_household(workspace)
    shown = _profile(workspace, planted.household_id)
    assert shown.sensitive_shown and privacy.visible_sensitive(shown.household)
    assert shown.household["notes"] == SENSITIVE["notes"] and shown.vulnerabilities

    privacy.withdraw_consent(workspace, planted.household_id, date(2025, 6, 1))
    hidden = _profile(workspace, planted.household_id)
    assert not hidden.sensitive_shown
    assert hidden.household == privacy.redact("household", hidden.household, False)
    assert (hidden.household["notes"], hidden.household["resistance_kind"]) == ("", "none")
    assert hidden.vulnerabilities == [] and {i.role for i in hidden.involvements} == {""}
    assert hidden.household["name"]  # plain data stays


def test_erase_fields_blanks_a_finalised_report_and_records_an_erase(
        workspace: Workspace) -> None:
    planted = plant_household(workspace)
    with pytest.raises(ConflictError):  # an ordinary edit cannot touch the final report
        workspace.update("visit", planted.visit_id, {"notes": ""})
    privacy.withdraw_consent(workspace, planted.household_id)  # no basis needed to erase
    with workspace.write() as uow:
        change = uow.erase_fields("visit", planted.visit_id, {"notes": ""})
        assert uow.erase_fields("visit", planted.visit_id, {"notes": ""}) is None
    assert change is not None and change.fields == ("notes",)
    assert change.household_id == planted.household_id
    assert workspace.get("visit", planted.visit_id)["notes"] == ""
    with workspace.engine.connect() as conn:
        audit = conn.execute(text(
            "SELECT action, detail FROM audit_entry WHERE row_id = :v AND action = 'erase'"),
            {"v": planted.visit_id}).all()
        ops = conn.execute(text(
            "SELECT value_json FROM sync_operation WHERE row_id = :v AND field = 'notes'"),
            {"v": planted.visit_id}).scalars().all()
    assert [tuple(r) for r in audit] == [("erase", "notes")]
    assert ops == ['""']  # the blanking syncs like any edit
