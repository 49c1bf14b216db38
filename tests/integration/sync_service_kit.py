"""Helpers for the sync-service tests: a real renodesk-server and coaches' laptops."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE / "server"), str(HERE / "sync")]

from serverkit import LiveServer  # noqa: E402
from sqlalchemy import select, update  # noqa: E402
from synckit import Laptop, new_laptop  # noqa: E402

from renodesk.server import store  # noqa: E402
from renodesk.server.app import create_app  # noqa: E402
from renodesk.server.db import Database  # noqa: E402
from renodesk.server.models import Device, Team  # noqa: E402
from renodesk.sync import server_sync, service  # noqa: E402
from renodesk.sync.outcome import SyncOutcome  # noqa: E402
from renodesk.sync.server_client import ServerClient  # noqa: E402
from renodesk.sync.server_transport import META_URL  # noqa: E402

PASSWORD = "keukentafel-2024"
TEAM_PASSPHRASE = "keukentafel-overleg-7"


def quick_client(url: str, token: str | None) -> ServerClient:
    """A client that does not wait between retries (an unreachable server fails at once)."""
    return ServerClient(url, token, retries=1, backoff=0.0, timeout=5.0,
                        sleep=lambda _s: None)


@dataclass
class ServerTeam:
    db: Database
    name: str

    def add_coach(self, name: str) -> None:
        with self.db.write() as session:
            store.add_user(session, self.name, name, PASSWORD)

    def code(self, coach: str) -> str:
        with self.db.write() as session:
            code, _ = store.issue_enrolment_code(session, self.name, coach, timedelta(hours=1))
        return code

    def revoke(self, device_id: str) -> None:
        with self.db.write() as session:
            (device,) = [d for d in store.list_devices(session, self.name)
                         if d.device_id == device_id]
            store.revoke_device(session, device.id)


def server_team(db: Database, name: str | None = None) -> ServerTeam:
    name = name or f"team-{uuid.uuid4().hex[:10]}"
    with db.write() as session:
        store.create_team(session, name)
    return ServerTeam(db, name)


@contextmanager
def live(db: Database) -> Iterator[str]:
    with LiveServer(create_app(db)) as server:
        yield server.url


def enrol(laptop: Laptop, team: ServerTeam, url: str, coach: str) -> server_sync.EnrolResult:
    team.add_coach(coach)
    return server_sync.enrol(laptop.ws, laptop.store, url, team.code(coach), PASSWORD,
                         client_factory=quick_client)


def join_server_only(laptop: Laptop, team: ServerTeam, url: str, coach: str) -> None:
    """Enrol a laptop on a team without a shared folder and take the team key."""
    result = enrol(laptop, team, url, coach)
    assert result.needs_team_passphrase
    server_sync.connect_server_team(laptop.ws, laptop.store, TEAM_PASSPHRASE,
                                client_factory=quick_client)


def sync(laptop: Laptop) -> SyncOutcome:
    return service.sync_now(laptop.ws, laptop.store, client_factory=quick_client)


def away_since(db: Database, team: str, laptop: Laptop, days: int) -> None:
    """The server last saw ``laptop`` ``days`` ago (it was away that long)."""
    with db.write() as session:
        team_id = session.scalar(select(Team.id).where(Team.name == team))
        session.execute(update(Device).where(Device.team_id == team_id,
                                             Device.device_id == laptop.ws.device_id)
                        .values(last_seen_at=datetime.now(UTC) - timedelta(days=days)))


def move_server(laptop: Laptop, url: str) -> None:
    """The server came back on another port (what a test's free port gives)."""
    laptop.ws.set_meta(META_URL, url)


__all__ = ["Laptop", "new_laptop"]
