"""Export and import: lossless, through the use cases, all or nothing."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from renodesk import app
from renodesk.core.errors import RenoDeskError
from renodesk.paths import Paths
from renodesk.reports.transfer import export_data, export_json, import_data, read_export
from renodesk.storage.models import SyncOperation, table


def _without_audit(data: dict) -> dict:
    return {k: v for k, v in data["entities"].items() if k != "audit_entry"}


def test_export_import_export_gives_the_same_data(small_demo, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    count = export_json(small_demo, out)
    first = read_export(out)
    assert count == sum(len(rows) for rows in first["entities"].values())
    names = {h["name"] for h in first["entities"]["household"]}
    assert len(names) >= 15

    other = app.init_workspace(Paths.resolve(tmp_path / "other"), "Woonstichting De Linde",
                               "Sanne Bakker")
    result = import_data(other, first)
    assert result.created > 300 and result.updated == 0
    second = export_data(other)
    assert _without_audit(second) == _without_audit(first)
    # the first workspace's audit trail came along; the import added its own entries
    second_audit = {e["id"] for e in second["entities"]["audit_entry"]}
    assert {e["id"] for e in first["entities"]["audit_entry"]} <= second_audit
    # imported records are ordinary changes: they will sync
    with other.engine.connect() as conn:
        ops = conn.execute(select(func.count()).select_from(table(SyncOperation))).scalar()
    assert ops and ops > result.created
    # importing the same file again changes nothing
    again = import_data(other, first)
    assert (again.created, again.updated) == (0, 0)
    other.engine.dispose()


def test_a_bad_record_imports_nothing(small_demo, workspace_paths, tmp_path: Path) -> None:
    data = export_data(small_demo)
    data["entities"]["dwelling"][3]["postcode"] = "ABCD"
    other = app.init_workspace(Paths.resolve(tmp_path / "other"), "WS", "Coach")
    with pytest.raises(RenoDeskError) as info:
        import_data(other, data)
    assert "dwelling" in info.value.message()
    with other.engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from household").scalar() == 0
    other.engine.dispose()


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "other"}', b"\xff\xfe"])
def test_unreadable_files_give_a_clear_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(RenoDeskError) as info:
        read_export(path)
    assert info.value.key == "error.file_unreadable"
    assert str(path) in info.value.message("en")


def test_the_export_is_audited(workspace, tmp_path: Path) -> None:
    export_json(workspace, tmp_path / "x.json")
    with workspace.engine.connect() as conn:
        actions = [r[0] for r in conn.exec_driver_sql("select action from audit_entry")]
    assert "export" in actions
    assert json.loads((tmp_path / "x.json").read_text("utf-8"))["format"] == "renodesk-export"
