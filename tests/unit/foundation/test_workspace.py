"""Every change goes through one place: rows, an audit entry and sync operations together."""

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select, text

from renodesk.core.errors import ConflictError, ValidationError
from renodesk.core.workspace import Workspace
from renodesk.storage.models import AuditEntry, Household, SyncOperation, SyncTombstone, table
from renodesk.sync.clock import Hlc


def _count(ws: Workspace, model: type) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table(model))).scalar() or 0)


def _household(ws: Workspace, **extra: object) -> tuple[str, str, str]:
    project = ws.create("project", {"name": "Bloemenbuurt", "code": "BB-1"}).row_id
    dwelling = ws.create("dwelling", {"project_id": project, "street": "Tulpstraat",
                                      "number": 3, "postcode": "3521 AB",
                                      "city": "Utrecht"}).row_id
    household = ws.create("household", {"dwelling_id": dwelling, "name": "Gülşen Yılmaz",
                                        **extra}).row_id
    return project, dwelling, household


def test_a_change_writes_an_operation_and_an_audit_entry(workspace: Workspace) -> None:
    _, _, household = _household(workspace)
    ops_before, audit_before = _count(workspace, SyncOperation), _count(workspace, AuditEntry)
    change = workspace.update("household", household, {"phone": "0612345678", "name": "G. Yılmaz"})
    assert change is not None and change.kind == "change"
    assert change.fields == ("name", "phone")
    # two field operations, one audit entry, and the audit entry's own create operation
    assert _count(workspace, SyncOperation) == ops_before + 3
    assert _count(workspace, AuditEntry) == audit_before + 1
    with workspace.engine.connect() as conn:
        audit = conn.execute(select(table(AuditEntry)).order_by(
            table(AuditEntry).c.at.desc())).mappings().first()
        ops = conn.execute(select(table(SyncOperation)).where(
            table(SyncOperation).c.field == "phone")).mappings().all()
    assert audit is not None and audit["detail"] == "name,phone" and audit["action"] == "change"
    assert "0612345678" not in json.dumps(dict(audit), default=str)  # never the values
    assert json.loads(ops[0]["value_json"]) == "06-12345678"
    assert ops[0]["base_hlc"] is not None  # the clock of the value the edit replaced


def test_an_unchanged_update_writes_nothing(workspace: Workspace) -> None:
    _, _, household = _household(workspace)
    before = _count(workspace, SyncOperation)
    assert workspace.update("household", household, {"name": "Gülşen Yılmaz"}) is None
    assert _count(workspace, SyncOperation) == before


def test_bad_input_leaves_nothing_half_written(workspace: Workspace) -> None:
    project, _, _ = _household(workspace)
    ops = _count(workspace, SyncOperation)
    with pytest.raises(ValidationError), workspace.write() as uow:
        uow.create("dwelling", {"project_id": project, "street": "Irisstraat", "number": 1,
                                "postcode": "3521 AB", "city": "Utrecht"})
        uow.create("dwelling", {"project_id": project, "street": "Irisstraat", "number": 2,
                                "postcode": "nope", "city": "Utrecht"})
    assert _count(workspace, SyncOperation) == ops
    with workspace.engine.connect() as conn:
        assert conn.execute(text("select count(*) from dwelling where street='Irisstraat'")
                            ).scalar() == 0
    # the counters were restored: the next change continues without a gap
    seq = workspace.device_seq
    workspace.update("project", project, {"name": "Bloemenbuurt Noord"})
    assert workspace.device_seq == seq + 2


def test_sensitive_data_needs_a_basis_first(workspace: Workspace) -> None:
    _, _, household = _household(workspace)
    with pytest.raises(ValidationError) as info:
        workspace.create("vulnerability", {"household_id": household, "category": "dementia"})
    assert info.value.problems["category"][0] == "validation.no_basis"
    workspace.update("household", household, {"consent_basis": "explicit_consent",
                                              "consent_date": "2026-11-01"})
    workspace.create("vulnerability", {"household_id": household, "category": "dementia",
                                       "implications": "Dochter bellen een dag vooraf."})
    workspace.update("household", household, {"consent_withdrawn_date": "2026-11-20"})
    with pytest.raises(ValidationError):
        workspace.update("household", household, {"safety_note": "Kom met z'n tweeën."})


def test_a_finalised_visit_only_takes_addenda(workspace: Workspace) -> None:
    _, _, household = _household(workspace)
    visit = workspace.create("visit", {"household_id": household, "kind": "kitchen_table",
                                       "planned_at": datetime(2026, 11, 26, 10, 0)}).row_id
    workspace.update("visit", visit, {"wishes": "Verhoogd toilet", "status": "done",
                                      "finalised_at": datetime(2026, 11, 27, 9, 0)})
    with pytest.raises(ConflictError):
        workspace.update("visit", visit, {"wishes": "Iets anders"})
    assert workspace.update("visit", visit, {"addenda": "Belde na: ook een douchestoel."})


def test_delete_tombstones_children_and_cuts_optional_links(workspace: Workspace) -> None:
    project, dwelling, household = _household(workspace, consent_basis="explicit_consent")
    visit = workspace.create("visit", {"household_id": household, "kind": "introduction",
                                       "planned_at": "2026-11-26T10:00"}).row_id
    adjustment = workspace.create("adjustment", {"household_id": household, "project_id": project,
                                                 "visit_id": visit, "category": "storage",
                                                 "description": "Opslagcontainer"}).row_id
    changes = workspace.delete("visit", visit)
    assert [c.kind for c in changes] == ["change", "delete"]
    assert workspace.get("adjustment", adjustment)["visit_id"] is None
    changes = workspace.delete("dwelling", dwelling)
    deleted = {(c.entity, c.kind) for c in changes}
    assert ("household", "delete") in deleted and ("adjustment", "delete") in deleted
    assert _count(workspace, Household) == 0
    assert _count(workspace, SyncTombstone) == 4


def test_clock_is_monotonic_across_restarts(workspace: Workspace, workspace_paths) -> None:
    from renodesk.app import open_workspace

    _household(workspace)
    last = workspace.clock.last
    workspace.engine.dispose()
    again = open_workspace(workspace_paths)
    assert again.clock.last == last
    again.clock._wall = lambda: 0  # the wall clock jumped back to 1970
    change = again.create("partner", {"name": "Wijkteam Oost", "kind": "neighbourhood_team"})
    with again.engine.connect() as conn:
        hlc = conn.execute(select(table(SyncOperation).c.hlc).where(
            table(SyncOperation).c.row_id == change.row_id)).scalar()
    assert Hlc.unpack(str(hlc)) > last
    seqs = [r[0] for r in again.engine.connect().execute(
        text("select device_seq from sync_operation order by device_seq"))]
    assert seqs == list(range(1, len(seqs) + 1))  # no gaps, no repeats
    again.engine.dispose()
