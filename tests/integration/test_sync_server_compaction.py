"""Server-side compaction: a laptop puts its snapshot on the server, which then deletes
the changesets it covers that every active laptop has pulled; a new laptop starts from
the snapshot; after an erasure no stored changeset holds the erased household."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fixtures.privacy_world import SENSITIVE, plant_household
from sqlalchemy import select, update
from sync_service_kit import (
    Laptop,
    away_since,
    join_server_only,
    live,
    new_laptop,
    quick_client,
    server_team,
    sync,
)
from synckit import make_household, state

from renodesk.core import erasure
from renodesk.server.db import Database
from renodesk.server.models import Changeset, Device, Snapshot, SnapshotPart, Team
from renodesk.sync import server_client, server_compaction, server_sync, snapshot
from renodesk.sync.changeset import decode_changeset
from renodesk.sync.team import current_team


def _compact(laptop: Laptop) -> int:
    return server_sync.compact_server(laptop.ws, laptop.store, client_factory=quick_client).pruned


def _stream(db: Database, team: str) -> tuple[list[int], int, list[int]]:
    """The team's stored positions, its pruned floor, and its active devices' cursors."""
    with db.read() as session:
        row = session.execute(select(Team.id, Team.pruned_to).where(Team.name == team)).one()
        positions = list(session.scalars(select(Changeset.position).where(
            Changeset.team_id == row.id).order_by(Changeset.position)))
        pulled = list(session.scalars(select(Device.pulled_to).where(
            Device.team_id == row.id, Device.revoked_at.is_(None))))
    return positions, row.pruned_to, pulled


def test_pruning_waits_for_every_laptop_and_a_new_one_starts_from_the_snapshot(
        server_db: Database, tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet, joke = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet", "joke"))
    with live(server_db) as url:
        join_server_only(sanne, team, url, "Sanne Bakker")
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
        first = make_household(sanne, notes="Eerste kennismaking.")
        assert sync(sanne).ok and sync(ahmet).ok
        ahmet.ws.update("household", first, {"notes": "Wil een rustige kamer."})
        assert sync(ahmet).ok and sync(sanne).ok
        # Ahmet has not pulled since his own push was applied: nothing of his may go yet
        # beyond what he has pulled (he pulled from 0 and from position 1 only).
        before, _, pulled = _stream(server_db, team.name)
        _compact(sanne)
        positions, floor, pulled = _stream(server_db, team.name)
        assert floor == min(pulled) and positions == [p for p in before if p > floor]
        assert sync(ahmet).ok and sync(sanne).ok
        assert _compact(sanne) > 0
        positions, floor, pulled = _stream(server_db, team.name)
        assert floor == min(pulled) > 0 and all(p > floor for p in positions)
        assert len(positions) < len(before)
        # A new laptop starts from the snapshot and reads on from its position.
        join_server_only(joke, team, url, "Joke de Wit")
        outcome = sync(joke)
        assert outcome.ok and outcome.report.bootstrapped
        second = make_household(sanne, notes="Tweede bezoek.")
        for laptop in (sanne, ahmet, joke):
            assert sync(laptop).ok
        assert {first, second} <= set(joke.rows("household"))
        assert state(sanne) == state(ahmet) == state(joke)
        # Joke had pulled nothing before he synced, so he held pruning back until now.
        _compact(ahmet)
        _positions, floor_after, pulled = _stream(server_db, team.name)
        assert floor_after == min(pulled) >= floor


def test_after_an_erasure_and_compaction_no_stored_changeset_holds_the_household(
        server_db: Database, tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet"))
    with live(server_db) as url:
        join_server_only(sanne, team, url, "Sanne Bakker")
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
        planted = plant_household(sanne.ws)
        assert sync(sanne).ok and sync(ahmet).ok
        erasure.erase_household(sanne.ws, planted.household_id)
        for laptop in (sanne, ahmet, ahmet, sanne):
            assert sync(laptop).ok
        key = current_team(sanne.ws, sanne.store).key  # type: ignore[union-attr]
        assert "notes" in _held(server_db, team.name, key)  # the stream still carries it
        assert _compact(sanne) > 0
    assert _held(server_db, team.name, key) == []
    _header, payload = snapshot.decode(key, _team_snapshot(server_db, team.name), team.name)
    assert [name for name, value in SENSITIVE.items() if value in str(payload["rows"])] == []


def _team_snapshot(db: Database, team: str) -> bytes:
    """The team's snapshot as the server keeps it: its parts, in order."""
    with db.read() as session:
        kept = session.scalars(select(Snapshot).join(Team).where(Team.name == team)).one()
        return b"".join(session.scalars(select(SnapshotPart.blob).where(
            SnapshotPart.team_id == kept.team_id, SnapshotPart.upload == kept.upload)
            .order_by(SnapshotPart.number)))


def _held(db: Database, team: str, key: bytes) -> list[str]:
    """Which planted values the team's stored changesets hold, decrypted."""
    with db.read() as session:
        blobs = list(session.scalars(select(Changeset.blob).join(Team).where(Team.name == team)))
    plain = "".join(str([op.to_json() for op in decode_changeset(key, blob, team)[1]])
                    for blob in blobs)
    return [name for name, value in SENSITIVE.items() if value in plain]


def test_a_laptop_back_after_half_a_year_keeps_what_it_typed_and_starts_from_the_snapshot(
        server_db: Database, tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet, joke = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet", "joke"))
    with live(server_db) as url:
        for laptop, coach in ((sanne, "Sanne Bakker"), (ahmet, "Ahmet Yilmaz"),
                              (joke, "Joke de Wit")):
            join_server_only(laptop, team, url, coach)
        shared = make_household(sanne, notes="Eerste kennismaking.")
        gone = make_household(sanne, name="Fam. Öztürk", notes="Verhuist naar Zwolle.")
        for laptop in (sanne, ahmet, joke):
            assert sync(laptop).ok
        # Joke's laptop stays in a drawer, offline, with work on it that was never sent.
        typed = make_household(joke, name="Fam. Nguyễn", notes="Tolk nodig bij bezoek.")
        joke.ws.update("household", shared, {"interpreter_needed": True})
        # Meanwhile the team goes on: an edit, a delete, and many more changesets.
        ahmet.ws.update("household", shared, {"notes": "Wil een rustige kamer."})
        ahmet.ws.delete("household", gone)
        for laptop in (ahmet, sanne, ahmet):
            assert sync(laptop).ok
        away_since(server_db, team.name, joke, 200)
        assert _compact(sanne) > 0
        _positions, floor, _pulled = _stream(server_db, team.name)
        joke_cursor = int(joke.ws.meta("server_cursor") or 0)
        assert floor > joke_cursor  # nobody waited for Joke
        # Joke comes back: pushes what she typed, then starts again from the snapshot.
        outcome = sync(joke)
        assert outcome.ok and outcome.report.bootstrapped and outcome.pushed > 0
        assert typed in joke.rows("household") and gone not in joke.rows("household")
        assert joke.rows("household")[shared]["interpreter_needed"]
        assert joke.rows("household")[shared]["notes"] == "Wil een rustige kamer."
        for laptop in (sanne, ahmet, joke):
            assert sync(laptop).ok
        assert typed in sanne.rows("household")
        assert sanne.rows("household")[shared]["interpreter_needed"]
        assert state(sanne) == state(ahmet) == state(joke)


def _days_ago(db: Database, team: str, laptop: Laptop, snapshot_days: int,
              checked_days: int) -> None:
    """The team's snapshot arrived, and ``laptop`` last asked about it, days ago."""
    now = datetime.now(UTC)
    with db.write() as session:
        team_id = session.scalar(select(Team.id).where(Team.name == team))
        session.execute(update(Snapshot).where(Snapshot.team_id == team_id)
                        .values(received_at=now - timedelta(days=snapshot_days)))
    laptop.ws.set_meta(server_compaction.META_COMPACT_CHECKED,
                       (now - timedelta(days=checked_days)).isoformat(timespec="seconds"))


def test_the_snapshot_is_renewed_automatically_when_due_and_travels_in_parts(
        server_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_compaction, "AUTO_COMPACT_CHANGESETS", 3)
    monkeypatch.setattr(server_client, "SNAPSHOT_PART_BYTES", 2048)  # several parts
    team = server_team(server_db)
    sanne, ahmet, joke = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet", "joke"))
    with live(server_db) as url:
        join_server_only(sanne, team, url, "Sanne Bakker")
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
        households = [make_household(sanne, notes=f"Bezoek {n}.") for n in range(3)]
        for laptop in (sanne, ahmet):  # two changesets: not worth a snapshot yet
            make_household(laptop, notes="Nog een bezoek.")
            assert sync(laptop).server_compaction is None
        make_household(sanne, notes="Derde bezoek.")
        outcome = sync(sanne)  # the third: the team's first snapshot is due
        assert outcome.ok and outcome.server_compaction is not None
        assert outcome.server_compaction.position == 3
        with server_db.read() as session:
            parts = session.scalar(select(Snapshot.parts).join(Team).where(
                Team.name == team.name))
        assert parts is not None and parts > 1
        make_household(sanne, notes="Vierde bezoek.")
        assert sync(sanne).server_compaction is None  # at most one question a day
        assert sync(ahmet).server_compaction is None  # the snapshot is fresh
        for _ in range(3):  # enough new changesets, but the snapshot is two days old
            make_household(ahmet, notes="Weer een bezoek.")
            assert sync(ahmet).ok
        _days_ago(server_db, team.name, sanne, snapshot_days=2, checked_days=2)
        assert sync(sanne).server_compaction is None
        _days_ago(server_db, team.name, sanne, snapshot_days=8, checked_days=2)
        renewed = sync(sanne).server_compaction  # a week old: renewed
        assert renewed is not None and renewed.position > 3
        assert renewed.pruned > 0  # Ahmet had pulled meanwhile
        join_server_only(joke, team, url, "Joke de Wit")
        outcome = sync(joke)
        assert outcome.ok and outcome.report.bootstrapped
        assert set(households) <= set(joke.rows("household"))
        for laptop in (sanne, joke):
            assert sync(laptop).ok
        assert state(joke) == state(sanne)


def test_the_command_line_says_whom_the_server_waits_for(
        capsys: pytest.CaptureFixture[str]) -> None:
    from renodesk.commands.server_sync import report_server_compaction

    seen = datetime(2026, 3, 12, 9, 15, tzinfo=UTC)
    report_server_compaction(server_client.Compaction(
        position=40, pruned=0, pruned_to=12,
        waiting=[server_client.WaitingDevice("a1", "LT-0413", "Ahmet Yilmaz", seen),
                 server_client.WaitingDevice("b2", "LT-0388", "Joke de Wit", None)]))
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Momentopname op de server gezet; 0 oude wijzigingsbestanden daar verwijderd."
    assert "180 dagen" in out[1]
    assert out[2].startswith("  LT-0413 (Ahmet Yilmaz), laatst gezien ")
    assert out[2].endswith(seen.astimezone().strftime("%d-%m-%Y %H:%M"))
    assert out[3] == "  LT-0388 (Joke de Wit), laatst gezien nooit"
