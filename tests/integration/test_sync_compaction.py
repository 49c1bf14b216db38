"""Every sync through the service finishes an erasure that arrived: the database file is
compacted at once, so the other laptop's erased values do not linger in free pages."""

from __future__ import annotations

from pathlib import Path

from erasure_kit import everything_on_disk, holds, two_laptops
from fixtures.privacy_world import SENSITIVE, plant_household

from renodesk.core import erasure
from renodesk.sync import service


def test_a_sync_compacts_the_database_after_an_erasure_arrived(tmp_path: Path) -> None:
    _folder, sanne, ahmet = two_laptops(tmp_path)
    planted = plant_household(sanne.ws)
    for laptop in (sanne, ahmet):
        assert service.sync_now(laptop.ws, laptop.store).ok
    quiet = service.sync_now(ahmet.ws, ahmet.store)
    assert quiet.ok and not quiet.compacted  # nothing due: no rewrite

    erasure.erase_household(sanne.ws, planted.household_id)
    assert service.sync_now(sanne.ws, sanne.store).ok
    outcome = service.sync_now(ahmet.ws, ahmet.store)

    assert outcome.ok and outcome.compacted
    assert ahmet.ws.meta(erasure.COMPACTION_DUE) is None
    on_disk = everything_on_disk(ahmet.paths)
    assert [name for name, value in SENSITIVE.items()
            if name != "conflict" and holds(on_disk, value)] == []
