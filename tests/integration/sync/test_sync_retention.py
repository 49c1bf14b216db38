"""Tombstones and old changesets go only when the whole team has seen them; a laptop
away past the horizon starts again from a snapshot and brings nothing deleted back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from synckit import Laptop, make_household, state, team_of, tombstones

from renodesk.sync import retention
from renodesk.sync.engine import SyncRun
from renodesk.sync.folder import TeamFolder

LATER = datetime.now(UTC) + timedelta(days=200)


def acknowledge(laptop: Laptop, now: datetime) -> int:
    """Write the laptop's marker as if it synced at ``now``; tombstones it removes."""
    team = laptop.team
    return retention.acknowledge_and_tidy(laptop.ws, TeamFolder(team.folder, team.slug),
                                          team.key, team.team_id, now=now)


def own_files(laptop: Laptop) -> list[str]:
    folder = laptop.team.root / "devices" / laptop.ws.device_id
    return sorted(p.name for p in folder.glob("*.rdc"))


def test_a_tombstone_stays_until_every_laptop_has_seen_it_and_half_a_year_passed(
        tmp_path: Path) -> None:
    _folder, (anna, bram, cas) = team_of(tmp_path, 3)
    household = make_household(anna, name="Fam. Oud")
    for laptop in (anna, bram, cas, anna):
        laptop.sync()
    anna.ws.delete("household", household)
    anna.sync()
    bram.sync()
    assert tombstones(anna) == 1

    # Everyone has seen it, but it is only days old: kept.
    cas.sync()
    assert acknowledge(anna, datetime.now(UTC) + timedelta(days=10)) == 0
    assert tombstones(anna) == 1

    # Half a year later Cas's laptop is still on an old state (it synced before the
    # delete reached it): Anna keeps the tombstone.
    _folder2, (dirk, eva, fenna) = team_of(tmp_path / "second", 3)
    household = make_household(dirk, name="Fam. Later")
    for laptop in (dirk, eva, fenna, dirk):
        laptop.sync()
    dirk.ws.delete("household", household)
    dirk.sync()
    eva.sync()
    acknowledge(eva, LATER)
    acknowledge(fenna, LATER)  # alive, but it has not read the delete
    assert acknowledge(dirk, LATER) == 0
    assert tombstones(dirk) == 1

    fenna.sync()
    acknowledge(fenna, LATER)
    assert acknowledge(dirk, LATER) == 1
    assert tombstones(dirk) == 0
    assert "Fam. Later" not in {r["name"] for r in dirk.rows("household").values()}


def test_a_laptop_without_marker_holds_every_tombstone_back(tmp_path: Path) -> None:
    _folder, (anna, bram) = team_of(tmp_path, 2)
    household = make_household(anna)
    make_household(bram)
    anna.sync()
    bram.sync()
    anna.ws.delete("household", household)
    anna.sync()
    bram.sync()
    # Bram's laptop runs a RenoDesk from before the markers: his folder has none.
    (bram.team.root / "devices" / bram.ws.device_id / "seen.rda").unlink()
    assert acknowledge(anna, LATER) == 0
    assert tombstones(anna) == 1


def test_compaction_removes_only_own_files_that_every_laptop_has_read(tmp_path: Path) -> None:
    _folder, (anna, bram) = team_of(tmp_path, 2)
    make_household(anna, name="Fam. Eerst")
    make_household(bram, name="Fam. Bram")
    anna.sync()
    bram.sync()
    make_household(anna, name="Fam. Daarna")  # changeset 2: Bram has not read it yet
    anna.sync()
    before_bram = own_files(bram)
    assert own_files(anna) == ["000000000001.rdc", "000000000002.rdc"]

    removed = SyncRun(anna.ws, anna.team).compact()

    assert removed == 1
    assert own_files(anna) == ["000000000002.rdc"]
    assert own_files(bram) == before_bram  # never another laptop's files
    # Bram reads on where he was; a new laptop starts from the snapshot.
    assert bram.sync().stopped is None
    newcomer = join(tmp_path, anna)
    report = newcomer.sync()
    assert report.stopped is None and report.bootstrapped
    assert {r["name"] for r in newcomer.rows("household").values()} == {
        "Fam. Eerst", "Fam. Bram", "Fam. Daarna"}
    for laptop in (anna, bram, newcomer, anna, bram):
        laptop.sync()
    assert state(bram) == state(anna) == state(newcomer)


def test_a_laptop_away_past_the_horizon_starts_again_and_brings_nothing_back(
        tmp_path: Path) -> None:
    _folder, (anna, bram, zoe) = team_of(tmp_path, 3)
    gone = make_household(anna, name="Fam. Verhuisd")
    for laptop in (anna, bram, zoe, anna):
        laptop.sync()
    # Zoë goes away; while offline she edits the household and makes a new one.
    zoe.ws.update("household", gone, {"phone": "06-12345678"})
    kept = make_household(zoe, name="Fam. Nieuw", notes="Gesprek over de keuken.")
    anna.ws.delete("household", gone)
    anna.sync()
    bram.sync()
    # Half a year later: Zoë no longer holds the team back.
    acknowledge(bram, LATER)
    assert acknowledge(anna, LATER) == 1
    # Anna compacts: today Zoë holds back what she has not read, half a year later not.
    written = len(own_files(anna))
    assert SyncRun(anna.ws, anna.team).compact() == 1  # the one Zoë read before she left
    team = anna.team
    assert retention.remove_covered_changesets(
        anna.ws, TeamFolder(team.folder, team.slug), team.key, team.team_id,
        covered=written, now=LATER) == written - 1
    assert own_files(anna) == []

    report = zoe.sync()

    assert report.stopped is None and report.bootstrapped
    assert gone not in zoe.rows("household")  # not resurrected
    assert zoe.rows("household")[kept]["notes"] == "Gesprek over de keuken."
    for laptop in (anna, bram, zoe, anna, bram):
        laptop.sync()
    assert gone not in anna.rows("household")
    assert state(anna) == state(bram) == state(zoe)


def join(tmp: Path, member: Laptop) -> Laptop:
    from synckit import TEAM_PASSPHRASE, new_laptop

    from renodesk.sync.team import join_team

    laptop = new_laptop(tmp / "newcomer", "Coach Nieuw")
    join_team(laptop.ws, laptop.store, member.team.folder, TEAM_PASSPHRASE)
    return laptop


def test_a_household_erased_while_a_laptop_was_away_leaves_no_history_there(
        tmp_path: Path) -> None:
    from renodesk.core.erasure import erase_household

    _folder, (anna, zoe) = team_of(tmp_path, 2)
    erased = make_household(anna, name="Fam. Weg")
    for laptop in (anna, zoe, anna):
        laptop.sync()
    zoe.ws.update("household", erased, {"notes": "Zoë schreef dit onderweg."})
    erase_household(anna.ws, erased)
    anna.sync()
    acknowledge(anna, LATER)
    SyncRun(anna.ws, anna.team).compact()
    team = anna.team
    retention.remove_covered_changesets(anna.ws, TeamFolder(team.folder, team.slug),
                                        team.key, team.team_id,
                                        covered=len(own_files(anna)) + 1, now=LATER)

    assert zoe.sync().bootstrapped

    assert erased not in zoe.rows("household")
    with zoe.ws.engine.connect() as conn:
        values = conn.exec_driver_sql(
            "SELECT value_json FROM sync_operation WHERE row_id = ?", (erased,)).scalars().all()
    assert not any("onderweg" in value for value in values)
