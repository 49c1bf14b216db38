"""Test helpers for the sync server: simulated laptops and a live uvicorn server."""

from __future__ import annotations

import socket
import threading
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import uvicorn
from fastapi import FastAPI

from renodesk.server import store
from renodesk.server.db import Database
from renodesk.sync.changeset import blob_hash, decode_changeset, encode_changeset
from renodesk.sync.clock import Hlc, HybridClock
from renodesk.sync.operation import Operation

PASSWORD = "keukentafel-2024"


@dataclass
class FakeTime:
    """A clock and an async sleep that only pretend: tests never wait."""

    now: float = 1000.0
    slept: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@dataclass(frozen=True)
class TeamSetup:
    """A team with coaches on the server, and how to get them enrolment codes."""

    db: Database
    name: str
    users: tuple[str, ...]

    def code(self, user: str | None = None, hours: int = 72) -> str:
        with self.db.write() as session:
            code, _ = store.issue_enrolment_code(
                session, self.name, user or self.users[0], timedelta(hours=hours)
            )
        return code


def new_team(db: Database, users: tuple[str, ...] = ("Fatima Amrani",)) -> TeamSetup:
    name = f"team-{uuid.uuid4().hex[:10]}"
    with db.write() as session:
        store.create_team(session, name)
        for user in users:
            store.add_user(session, name, user, PASSWORD)
    return TeamSetup(db, name, users)


FieldKey = tuple[str, str, str]


@dataclass
class Laptop:
    """A coach's laptop as far as sync goes: it edits fields, writes changesets with
    the team key, and merges what it pulls (last writer wins by HLC)."""

    team: str
    device_id: str
    key: bytes
    clock: HybridClock = field(init=False)
    seq: int = 0
    op_seq: int = 0
    prev: str = ""
    cursor: int = 0
    outbox: list[bytes] = field(default_factory=list)
    state: dict[FieldKey, tuple[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.clock = HybridClock(self.device_id)

    def edit(self, *changes: tuple[str, str, str, Any]) -> bytes:
        """Record (entity, row, field, value) edits as one changeset in the outbox."""
        ops = []
        for entity, row_id, field_name, value in changes:
            self.op_seq += 1
            ops.append(Operation(op_id=uuid.uuid4().hex, device_id=self.device_id,
                                 device_seq=self.op_seq, hlc=self.clock.now().pack(),
                                 entity=entity, row_id=row_id, field=field_name, value=value))
        self.seq += 1
        blob = encode_changeset(self.key, self.team, self.device_id, self.seq, self.prev, ops)
        self.prev = blob_hash(blob)
        self.outbox.append(blob)
        self._merge(ops)
        return blob

    def apply(self, blob: bytes) -> None:
        _header, ops = decode_changeset(self.key, blob, self.team)
        for op in ops:
            self.clock.observe(Hlc.unpack(op.hlc))
        self._merge(ops)

    def _merge(self, ops: list[Operation]) -> None:
        for op in ops:
            key = (op.entity, op.row_id, op.field)
            if key not in self.state or self.state[key][0] < op.hlc:
                self.state[key] = (op.hlc, op.value)


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class LiveServer:
    """uvicorn serving ``app`` on a free loopback port in a background thread."""

    def __init__(self, app: FastAPI) -> None:
        self._sock = free_socket()
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        for _ in range(500):
            if self._server.started:
                return self
            self._thread.join(0.01)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *_exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._sock.close()
