"""A folder team that syncs the way the app does (``sync_now``) tidies its shared folder:
every laptop's "seen" marker is there, so old tombstones go once the whole team has seen
them, and compaction removes a laptop's own old changesets."""

from __future__ import annotations

from pathlib import Path

import pytest
from rotationkit import folder_team, sync
from synckit import HalfAYearLater, make_household, state, tombstones

from renodesk.sync import retention
from renodesk.sync.engine import SyncRun
from renodesk.sync.folder import MARKER_NAME
from renodesk.sync.team import load_team


def test_every_laptop_leaves_its_marker_in_the_shared_folder(tmp_path: Path) -> None:
    folder, laptops = folder_team(tmp_path, "anna", "bram")
    for laptop in laptops:
        assert sync(laptop).ok
    devices = next((folder / "renodesk").glob("*/devices"))
    for laptop in laptops:
        assert (devices / laptop.ws.device_id / MARKER_NAME).is_file()


def test_an_old_tombstone_goes_once_every_laptop_has_synced_past_the_delete(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retention, "datetime", HalfAYearLater)
    _folder, (anna, bram, cas) = folder_team(tmp_path, "anna", "bram", "cas")
    gone = make_household(anna, name="Fam. Vertrokken")
    for laptop in (anna, bram, cas):
        assert sync(laptop).ok
    anna.ws.delete("household", gone)
    assert sync(anna).ok and sync(bram).ok
    assert sync(anna).ok
    assert tombstones(anna) == 1  # Cas has not read the delete yet
    assert sync(cas).ok and gone not in cas.rows("household")
    outcome = sync(anna)
    assert outcome.ok and outcome.report.tombstones_removed == 1
    assert tombstones(anna) == 0


def test_compaction_after_sync_now_removes_own_files_every_laptop_has_read(
        tmp_path: Path) -> None:
    folder, (anna, bram) = folder_team(tmp_path, "anna", "bram")
    make_household(anna, name="Fam. Eerst")
    for laptop in (anna, bram, anna):
        assert sync(laptop).ok
    own = next((folder / "renodesk").glob("*/devices")) / anna.ws.device_id
    assert sorted(p.name for p in own.glob("*.rdc")) == ["000000000001.rdc"]

    # What ``renodesk sync --compact`` does after the sync.
    assert SyncRun(anna.ws, load_team(anna.ws, anna.store)).compact() == 1

    assert list(own.glob("*.rdc")) == []
    make_household(anna, name="Fam. Daarna")
    for laptop in (anna, bram):
        assert sync(laptop).ok
    assert state(anna) == state(bram)
