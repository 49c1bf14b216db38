"""Erasure: the household is gone from every file on this laptop, and from the other
laptop after a sync, leaving tombstones without personal data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from erasure_kit import everything_on_disk, holds, two_laptops
from fixtures.privacy_world import ALL, PLAIN, SENSITIVE, plant_household
from sqlalchemy import text

from renodesk.core import erasure
from renodesk.core.workspace import Workspace
from renodesk.paths import Paths
from renodesk.storage import migrate
from renodesk.sync import snapshot
from renodesk.sync.engine import SyncRun


def _rows(ws: Workspace, sql: str) -> list[tuple[object, ...]]:
    with ws.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_erasing_a_household_leaves_no_trace_in_database_wal_or_backups(
        workspace: Workspace, workspace_paths: Paths) -> None:
    planted = plant_household(workspace)
    migrate.backup(workspace_paths.database, workspace_paths.backups, "9999")
    on_disk = everything_on_disk(workspace_paths)
    assert all(holds(on_disk, value) for value in ALL.values())  # the scan sees plaintext

    result = erasure.erase_household(workspace, planted.household_id)

    on_disk = everything_on_disk(workspace_paths)
    assert [name for name, value in ALL.items() if holds(on_disk, value)] == []
    assert holds(on_disk, "Buren-blijven-staan")  # the neighbours are untouched
    assert result.backups_removed >= 1 and result.records == 8
    assert not list(workspace_paths.backups.glob("*.db*"))
    # What is left of the household: tombstones and delete operations (ids and clocks).
    assert ("household", planted.household_id) in _rows(
        workspace, "SELECT entity, row_id FROM sync_tombstone")
    left = _rows(workspace, "SELECT field, value_json FROM sync_operation WHERE row_id IN "
                 "(SELECT row_id FROM sync_tombstone)")
    assert left and {field for field, _value in left} == {"__deleted__"}
    assert _rows(workspace, "SELECT count(*) FROM draft") == [(0,)]
    assert _rows(workspace, "SELECT count(*) FROM sync_conflict") == [(0,)]
    assert _rows(workspace, "SELECT count(*) FROM letter") == [(0,)]
    erased = _rows(workspace, "SELECT actor, detail FROM audit_entry WHERE action = 'erase'")
    assert erased == [("Sanne Bakker", "household")]


def test_erasing_only_sensitive_data_keeps_the_tenant_and_forgets_the_rest(
        workspace: Workspace, workspace_paths: Paths) -> None:
    planted = plant_household(workspace)
    erasure.erase_household(workspace, planted.household_id, sensitive_only=True)
    on_disk = everything_on_disk(workspace_paths)
    assert [name for name, value in SENSITIVE.items() if holds(on_disk, value)] == []
    assert holds(on_disk, PLAIN["name"]) and holds(on_disk, PLAIN["adjustment"])
    household = workspace.get("household", planted.household_id)
    assert (household["notes"], household["safety_note"], household["resistance_kind"]) == (
        "", "", "none")
    # Even the finalised visit report lost its notes; its other text stays.
    visit = workspace.get("visit", planted.visit_id)
    assert visit["notes"] == "" and visit["wishes"] == PLAIN["visit_wishes"]
    assert _rows(workspace, "SELECT count(*) FROM vulnerability") == [(0,)]


def test_erasure_reaches_the_other_laptop_through_the_shared_folder(tmp_path: Path) -> None:
    folder, sanne, ahmet = two_laptops(tmp_path)
    planted = plant_household(sanne.ws)
    sanne.sync()
    ahmet.sync()
    # Ahmet types on the profile too: his laptop holds its own history of the household.
    ahmet.ws.update("household", planted.household_id, {"notes": "Ahmet-Extra-Roerdomp"})
    ahmet.sync()
    sanne.sync()
    assert holds(everything_on_disk(ahmet.paths), SENSITIVE["visit_notes"])

    erasure.erase_household(sanne.ws, planted.household_id)
    sanne.sync()
    report = ahmet.sync()

    assert report.stopped is None and report.deleted >= 1
    assert planted.household_id not in {r[0] for r in _rows(ahmet.ws, "SELECT id FROM household")}
    assert erasure.compact_if_due(ahmet.ws) is True
    assert erasure.compact_if_due(ahmet.ws) is False  # done once
    on_disk = everything_on_disk(ahmet.paths)
    leftovers = {**ALL, "ahmet": "Ahmet-Extra-Roerdomp"}
    assert [name for name, value in leftovers.items() if holds(on_disk, value)] == []
    assert holds(on_disk, "Buren-blijven-staan")
    # The shared folder only ever held ciphertext; a fresh snapshot holds none of it.
    run = SyncRun(sanne.ws, sanne.team)
    run.compact()
    blob = b"".join(
        p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())
    assert [name for name, value in ALL.items() if holds(blob, value)] == []
    _header, payload = snapshot.decode(sanne.team.key,
                                       run.folder.snapshot_path(sanne.ws.device_id).read_bytes(),
                                       sanne.team.team_id)
    dumped = json.dumps(payload, ensure_ascii=False)
    assert [name for name, value in ALL.items() if value in dumped] == []
    assert planted.household_id in dumped  # as a tombstone only


def test_a_sensitive_only_erasure_reaches_the_other_laptop(tmp_path: Path) -> None:
    _folder, sanne, ahmet = two_laptops(tmp_path)
    planted = plant_household(sanne.ws)
    sanne.sync()
    ahmet.sync()
    erasure.erase_household(sanne.ws, planted.household_id, sensitive_only=True)
    sanne.sync()
    ahmet.sync()
    assert erasure.compact_if_due(ahmet.ws)
    on_disk = everything_on_disk(ahmet.paths)
    assert [name for name, value in SENSITIVE.items()
            if name != "conflict" and holds(on_disk, value)] == []
    assert holds(on_disk, PLAIN["name"])
    assert ahmet.ws.get("household", planted.household_id)["notes"] == ""


def test_edits_made_offline_after_an_erasure_are_dropped_with_their_history(
        tmp_path: Path) -> None:
    _folder, sanne, ahmet = two_laptops(tmp_path)
    planted = plant_household(sanne.ws)
    sanne.sync()
    ahmet.sync()
    erasure.erase_household(sanne.ws, planted.household_id)
    sanne.sync()
    # Ahmet was offline and typed on the profile before he heard of the erasure.
    ahmet.ws.update("household", planted.household_id, {"phone": "06-24681357"})
    ahmet.sync()
    sanne.sync()
    assert _rows(sanne.ws, "SELECT count(*) FROM sync_operation WHERE field = 'phone' "
                 f"AND row_id = '{planted.household_id}'") == [(0,)]
    assert planted.household_id not in {r[0] for r in _rows(ahmet.ws, "SELECT id FROM household")}


def test_a_changeset_half_written_before_a_crash_is_left_as_the_sync_expects(
        workspace: Workspace) -> None:
    planted = plant_household(workspace)
    with workspace.engine.begin() as conn:  # as the sync engine leaves it after a crash
        conn.execute(text("UPDATE sync_operation SET sent_in = 7 WHERE row_id = :h "
                          "AND field = '__create__'"), {"h": planted.household_id})
    workspace.set_meta("sync_pending_seq", "7")
    erasure.erase_household(workspace, planted.household_id)
    kept = _rows(workspace, "SELECT field, sent_in FROM sync_operation WHERE row_id IN "
                 "(SELECT row_id FROM sync_tombstone) AND field != '__deleted__'")
    assert kept == [("__create__", 7)]  # the rest of the history is gone all the same


def test_an_erasure_interrupted_before_its_history_was_purged_is_finished_later(
        workspace: Workspace, workspace_paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    planted = plant_household(workspace)
    monkeypatch.setattr(erasure, "finish_pending_purge", lambda ws, deleted=(): 0)
    erasure.erase_household(workspace, planted.household_id, compact=False)  # "crash"
    assert holds(everything_on_disk(workspace_paths), SENSITIVE["notes"])
    monkeypatch.undo()
    assert erasure.compact_if_due(workspace) is True  # at the next start of the page
    on_disk = everything_on_disk(workspace_paths)
    assert [name for name, value in ALL.items() if holds(on_disk, value)] == []
