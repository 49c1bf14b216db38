"""A team that syncs through a server only removes old tombstones too: the server says
how far every active laptop has pulled, where a shared folder has the laptops' markers.
Half a year on, a delete every active laptop has applied leaves no tombstone behind."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parents[1] / "sync")]

from sync_service_kit import (  # noqa: E402
    Laptop,
    away_since,
    join_server_only,
    live,
    new_laptop,
    server_team,
    sync,
)
from synckit import HalfAYearLater, make_household, state, tombstones  # noqa: E402

from renodesk.server.db import Database  # noqa: E402
from renodesk.sync import server_retention  # noqa: E402
from renodesk.sync.server_client import ServerClient  # noqa: E402
from renodesk.sync.server_transport import load_account  # noqa: E402


@pytest.fixture(autouse=True)
def half_a_year_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tombstones made now count as older than the horizon; ask the server every sync."""
    monkeypatch.setattr(server_retention, "datetime", HalfAYearLater)
    monkeypatch.setattr(server_retention, "CHECK_EVERY", timedelta(0))


def _twice(*laptops: Laptop) -> None:
    """Each laptop syncs twice: the second pull tells the server the first was applied."""
    for laptop in (*laptops, *laptops):
        assert sync(laptop).ok


def test_a_tombstone_goes_once_every_active_laptop_has_pulled_the_delete(
        server_db: Database, tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet, joke = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet", "joke"))
    with live(server_db) as url:
        for laptop, coach in ((sanne, "Sanne Bakker"), (ahmet, "Ahmet Yilmaz"),
                              (joke, "Joke de Wit")):
            join_server_only(laptop, team, url, coach)
        moved = make_household(sanne, name="Fam. Verhuisd")
        left = make_household(sanne, name="Fam. Vertrokken")
        _twice(sanne, ahmet, joke)
        sanne.ws.delete("household", moved)
        _twice(sanne, ahmet)
        assert tombstones(sanne) == 1  # Joke has not pulled the delete yet
        assert tombstones(ahmet) == 1
        _twice(joke)
        assert sync(sanne).report.tombstones_removed == 1
        assert sync(ahmet).report.tombstones_removed == 1
        assert tombstones(sanne) == tombstones(ahmet) == 0
        assert moved not in joke.rows("household")

        # A laptop the server has not seen for half a year no longer holds back.
        ahmet.ws.delete("household", left)
        _twice(ahmet, sanne)
        assert tombstones(ahmet) == 1
        away_since(server_db, team.name, joke, 200)
        assert sync(ahmet).report.tombstones_removed == 1
        assert tombstones(ahmet) == 0
        # Joke comes back and starts again from where the team is; nothing returns.
        away_since(server_db, team.name, joke, 0)
        _twice(sanne, ahmet, joke)
        assert left not in joke.rows("household")
        assert state(sanne) == state(ahmet) == state(joke)


def test_a_delete_not_yet_on_the_server_keeps_its_tombstone(server_db: Database,
                                                            tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet"))
    with live(server_db) as url:
        join_server_only(sanne, team, url, "Sanne Bakker")
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
        gone = make_household(sanne, name="Fam. Weg")
        _twice(sanne, ahmet)
        assert sync(sanne).ok  # now the server knows both have pulled to its head
        sanne.ws.delete("household", gone)  # typed after the sync, not pushed
        account = load_account(sanne.ws, sanne.store)
        assert account is not None
        with ServerClient(url, account.token, retries=0, allow_http=True) as client:
            seen = client.seen_by_all()
            assert seen is not None and seen.before is None  # all pulled, to the head
            assert server_retention.purge_seen_tombstones(sanne.ws, client) == 0
        assert tombstones(sanne) == 1
