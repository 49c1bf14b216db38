"""Coaches' laptops syncing through a real renodesk-server (SQLite and PostgreSQL),
alone or together with a shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_service_kit import (
    TEAM_PASSPHRASE,
    enrol,
    join_server_only,
    live,
    move_server,
    new_laptop,
    server_team,
    sync,
)
from synckit import make_household, state

from renodesk.server.db import Database
from renodesk.sync import folder_sync, server_sync, service
from renodesk.sync.conflicts import open_conflicts
from renodesk.sync.server_client import ServerRefused, ServerUnreachable
from renodesk.sync.team import current_team


def test_three_laptops_of_a_server_only_team_converge(server_db: Database,
                                                      tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet, joke = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet", "joke"))
    with live(server_db) as url:
        first = enrol(sanne, team, url, "Sanne Bakker")
        assert first.needs_team_passphrase and first.new_team
        server_sync.connect_server_team(sanne.ws, sanne.store, TEAM_PASSPHRASE,
                                    client_factory=_quick())
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
        join_server_only(joke, team, url, "Joke de Wit")
        household = make_household(sanne, notes="Eerste kennismaking.")
        assert sync(sanne).ok
        for laptop in (ahmet, joke):
            outcome = sync(laptop)
            assert outcome.ok and household in laptop.rows("household")
        # Offline on two laptops: the same notes edited, both versions kept.
        ahmet.ws.update("household", household, {"notes": "Wil een rustige kamer."})
        joke.ws.update("household", household, {"notes": "Dochter helpt met inpakken."})
        for laptop in (ahmet, joke, sanne, ahmet, joke):
            assert sync(laptop).ok
        assert state(sanne) == state(ahmet) == state(joke)
        (conflict,) = open_conflicts(sanne.ws)
        assert {conflict.kept, conflict.other} == {"Wil een rustige kamer.",
                                                   "Dochter helpt met inpakken."}
        assert sanne.ws.meta("last_sync_at")
        # Nothing readable reached the server: it keeps ciphertext only.
        with server_db.read() as session:
            from sqlalchemy import text

            blobs = b"".join(r[0] for r in session.execute(text("SELECT blob FROM changesets")))
        assert b"rustige kamer" not in blobs and b"Jansen" not in blobs


def _quick():  # type: ignore[no-untyped-def]
    from sync_service_kit import quick_client

    return quick_client


def test_a_wrong_team_passphrase_keeps_nothing(server_db: Database, tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet = new_laptop(tmp_path / "s", "Sanne"), new_laptop(tmp_path / "a", "Ahmet")
    with live(server_db) as url:
        enrol(sanne, team, url, "Sanne Bakker")
        server_sync.connect_server_team(sanne.ws, sanne.store, TEAM_PASSPHRASE,
                                    client_factory=_quick())
        enrol(ahmet, team, url, "Ahmet Yilmaz")
        with pytest.raises(Exception, match="teamwachtwoord klopt niet"):
            server_sync.connect_server_team(ahmet.ws, ahmet.store, "verkeerd-wachtwoord",
                                        client_factory=_quick())
        assert current_team(ahmet.ws, ahmet.store) is None


def test_a_revoked_laptop_is_refused_in_plain_words(server_db: Database, tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet = new_laptop(tmp_path / "s", "Sanne"), new_laptop(tmp_path / "a", "Ahmet")
    with live(server_db) as url:
        enrol(sanne, team, url, "Sanne Bakker")
        server_sync.connect_server_team(sanne.ws, sanne.store, TEAM_PASSPHRASE,
                                    client_factory=_quick())
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
        team.revoke(ahmet.ws.device_id)
        make_household(ahmet)
        outcome = sync(ahmet)
        (problem,) = outcome.problems
        assert isinstance(problem, ServerRefused) and problem.code == "device_revoked"
        assert "ingetrokken" in problem.message()
        assert service.unsynced(ahmet.ws) > 0  # still waiting on the laptop
        assert sync(sanne).ok and sanne.rows("household") == {}


def test_an_unreachable_server_loses_nothing_and_syncs_later(server_db: Database,
                                                             tmp_path: Path) -> None:
    team = server_team(server_db)
    sanne, ahmet = new_laptop(tmp_path / "s", "Sanne"), new_laptop(tmp_path / "a", "Ahmet")
    with live(server_db) as url:
        enrol(sanne, team, url, "Sanne Bakker")
        server_sync.connect_server_team(sanne.ws, sanne.store, TEAM_PASSPHRASE,
                                    client_factory=_quick())
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
    household = make_household(sanne, notes="Gemaakt terwijl de server uit stond.")
    outcome = sync(sanne)
    (problem,) = outcome.problems
    assert isinstance(problem, ServerUnreachable)
    assert "niet bereikbaar" in problem.message() and "niets verloren" in problem.message()
    assert service.unsynced(sanne.ws) > 0
    with live(server_db) as url:
        for laptop in (sanne, ahmet):
            move_server(laptop, url)
            assert sync(laptop).ok
        assert sync(sanne).ok
    assert ahmet.rows("household")[household]["notes"] == "Gemaakt terwijl de server uit stond."
    assert state(sanne) == state(ahmet)
    assert service.unsynced(sanne.ws) == 0


def test_folder_and_server_together_and_a_colleague_on_the_server_only(
        server_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    sanne, ahmet, joke = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet", "joke"))
    made = folder_sync.create_folder_team(sanne.ws, sanne.store, folder, "Team Noord",
                                      TEAM_PASSPHRASE)
    folder_sync.join_folder_team(ahmet.ws, ahmet.store, folder, TEAM_PASSPHRASE)
    # The administrator names the server team after the folder team's id.
    team = server_team(server_db, made.team_id)
    with live(server_db) as url:
        assert not enrol(sanne, team, url, "Sanne Bakker").needs_team_passphrase
        assert not enrol(ahmet, team, url, "Ahmet Yilmaz").needs_team_passphrase
        join_server_only(joke, team, url, "Joke de Wit")  # the key came from Sanne's laptop
        household = make_household(sanne)
        assert sync(sanne).ok
        outcome = sync(ahmet)
        assert outcome.ok and outcome.report.received_files == 1  # once, not twice
        # The share is gone for a while: the server carries the edit.
        folder.rename(tmp_path / "share-offline")
        ahmet.ws.update("household", household, {"phone": "0612345678"})
        outcome = sync(ahmet)
        assert [p.key for p in outcome.problems] == ["sync.error.folder_missing"]
        assert outcome.pushed == 1
        assert sync(joke).problems == []
        assert joke.rows("household")[household]["phone"] == "06-12345678"
        sync(sanne)
        (tmp_path / "share-offline").rename(folder)
        for laptop in (sanne, ahmet, joke):
            sync(laptop)
        assert state(sanne) == state(ahmet) == state(joke)
