"""The team's snapshot on the server: in parts of any size, all or nothing, and pruning
that no longer waits for a laptop gone for longer than the retention window."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from serverkit import PASSWORD, Laptop, LiveServer, TeamSetup
from sqlalchemy import func, select, update

from renodesk.core.messages import CATALOG
from renodesk.server import compaction, store
from renodesk.server.app import ServerConfig, create_app
from renodesk.server.db import Database
from renodesk.server.models import Device, SnapshotPart, Team
from renodesk.server.store import utcnow
from renodesk.sync import retention
from renodesk.sync.server_client import SNAPSHOT_PART_BYTES, ServerClient, ServerRefused

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def live_url(server_db: Database) -> Iterator[str]:
    with LiveServer(create_app(server_db, ServerConfig())) as server:
        yield server.url


def no_sleep(_seconds: float) -> None:
    return None


def enrolled(url: str, team: TeamSetup, device: str, user: str | None = None,
             **options: object) -> ServerClient:
    client = ServerClient(url, sleep=no_sleep, **options)  # type: ignore[arg-type]
    client.enrol(team.code(user), PASSWORD, device, f"Laptop {device}")
    return client


def pushed(client: ServerClient, team: TeamSetup, device: str, count: int) -> Laptop:
    laptop = Laptop(team.name, device, os.urandom(32))
    client.push([laptop.edit(("visit", f"v{n}", "notes", "Koffie gedronken."))
                 for n in range(count)])
    return laptop


def stored_parts(db: Database, team: str) -> list[int]:
    """The sizes of every snapshot part the team has on the server."""
    with db.read() as session:
        return list(session.scalars(
            select(func.length(SnapshotPart.blob)).join(Team, Team.id == SnapshotPart.team_id)
            .where(Team.name == team).order_by(SnapshotPart.upload, SnapshotPart.number)))


def test_a_20_mib_snapshot_goes_up_and_comes_back_in_parts(
        live_url: str, team: TeamSetup, server_db: Database) -> None:
    big = os.urandom(20 * MIB + 12345)  # random, so no compression could shrink it
    with enrolled(live_url, team, "laptop-groot") as client:
        pushed(client, team, "laptop-groot", 3)
        done = client.put_snapshot(big, 3)
        assert (done.position, done.pruned, done.pruned_to) == (3, 3, 3)
        assert client.snapshot() == (big, 3)
        info = client.snapshot_info()
    assert info is not None and info.size == len(big) and info.parts == 6
    assert info.upload == hashlib.sha256(big).hexdigest()
    sizes = stored_parts(server_db, team.name)
    assert sum(sizes) == len(big) and max(sizes) <= compaction.MAX_PART_BYTES


def test_a_newer_snapshot_replaces_the_old_one_and_its_parts(
        live_url: str, team: TeamSetup, server_db: Database) -> None:
    with enrolled(live_url, team, "laptop-a") as client, \
            enrolled(live_url, team, "laptop-a2", team.users[1]):  # pulls nothing: no pruning
        pushed(client, team, "laptop-a", 2)
        client.put_snapshot(os.urandom(SNAPSHOT_PART_BYTES + 10), 1)
        assert len(stored_parts(server_db, team.name)) == 2
        newer = os.urandom(1000)
        client.put_snapshot(newer, 2)
        assert client.snapshot() == (newer, 2)
        # An older snapshot arriving late does not replace the newer one.
        late = client.put_snapshot(os.urandom(500), 1)
        assert (late.position, late.pruned_to) == (2, 0)
        assert client.snapshot() == (newer, 2)
    assert stored_parts(server_db, team.name) == [1000]


class Flaky(httpx.BaseTransport):
    """Loses the connection on the chosen requests (counted from 1), once each."""

    def __init__(self, fail_on: set[int]) -> None:
        self.inner = httpx.HTTPTransport()
        self.fail_on = fail_on
        self.requests: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url.path))
        if len(self.requests) in self.fail_on:
            raise httpx.ReadError("connection lost", request=request)
        return self.inner.handle_request(request)


def test_a_broken_upload_resumes_with_only_the_missing_parts(
        live_url: str, team: TeamSetup) -> None:
    blob = os.urandom(3 * SNAPSHOT_PART_BYTES)  # three parts
    # Requests: enrol, push, upload state, part 0, part 1 (lost), then the next round.
    flaky = Flaky(fail_on={5})
    with enrolled(live_url, team, "laptop-trein", retries=0, transport=flaky) as client:
        pushed(client, team, "laptop-trein", 1)
        done = client.put_snapshot(blob, 1)
        assert client.snapshot() == (blob, 1)
    parts = [path.rsplit("/", 1)[-1] for method, path in flaky.requests if method == "PUT"]
    assert parts == ["0", "1", "1", "2"]  # part 0 was not sent twice
    assert done.pruned == 1


def test_a_snapshot_counts_only_when_every_part_is_there_and_intact(
        live_url: str, team: TeamSetup) -> None:
    with enrolled(live_url, team, "laptop-b") as client:
        pushed(client, team, "laptop-b", 2)
        old = os.urandom(100)
        client.put_snapshot(old, 1)
        blob = os.urandom(300)
        upload = hashlib.sha256(blob).hexdigest()
        base = f"/v1/snapshot/uploads/{upload}"
        octets = {"Content-Type": "application/octet-stream"}
        commit = {"position": 2, "parts": 3, "size": 300}
        client._call("PUT", f"{base}/parts/0", content=blob[:100], headers=octets)
        client._call("PUT", f"{base}/parts/2", content=blob[200:], headers=octets)
        with pytest.raises(ServerRefused) as missing:
            client._call("POST", f"{base}/commit", json=commit)
        assert missing.value.code == "snapshot_incomplete"
        client._call("PUT", f"{base}/parts/1", content=blob[200:], headers=octets)  # wrong
        with pytest.raises(ServerRefused) as damaged:
            client._call("POST", f"{base}/commit", json=commit)
        assert damaged.value.code == "snapshot_damaged"
        assert client.snapshot() == (old, 1)  # the team's snapshot did not change
        client._call("PUT", f"{base}/parts/1", content=blob[100:200], headers=octets)
        assert client._call("GET", base)["received"] == [0, 1, 2]
        client._call("POST", f"{base}/commit", json=commit)
        # The reply got lost and the laptop commits again: the same answer, no harm.
        again = client._call("POST", f"{base}/commit", json=commit)
        assert again["position"] == 2
        assert client.snapshot() == (blob, 2)


def test_parts_that_do_not_fit_are_refused(live_url: str, team: TeamSetup) -> None:
    with enrolled(live_url, team, "laptop-c") as client:
        pushed(client, team, "laptop-c", 1)
        base = f"/v1/snapshot/uploads/{'a' * 64}/parts"
        octets = {"Content-Type": "application/octet-stream"}
        with pytest.raises(ServerRefused) as too_large:
            client._call("PUT", f"{base}/0", content=os.urandom(compaction.MAX_PART_BYTES + 1),
                         headers=octets)
        assert too_large.value.code == "snapshot_part_too_large"
        with pytest.raises(ServerRefused) as bad_id:
            client._call("PUT", "/v1/snapshot/uploads/nope/parts/0", content=b"x",
                         headers=octets)
        assert bad_id.value.code == "bad_snapshot_id"
        with pytest.raises(ServerRefused) as empty:
            client._call("PUT", f"{base}/0", content=b"", headers=octets)
        assert empty.value.code == "bad_snapshot_part"


def _last_seen(db: Database, team: str, device: str, days_ago: int) -> None:
    with db.write() as session:
        team_id = session.scalar(select(Team.id).where(Team.name == team))
        session.execute(update(Device).where(Device.team_id == team_id,
                                             Device.device_id == device)
                        .values(last_seen_at=utcnow() - timedelta(days=days_ago)))


def test_a_laptop_away_past_the_retention_window_no_longer_holds_pruning_back(
        live_url: str, team: TeamSetup, server_db: Database) -> None:
    fatima = enrolled(live_url, team, "laptop-fatima", team.users[0])
    joris = enrolled(live_url, team, "laptop-joris", team.users[1])
    anouk = enrolled(live_url, team, "laptop-anouk", team.users[2])
    with fatima, joris, anouk:
        pushed(fatima, team, "laptop-fatima", 4)
        for client in (joris, anouk):
            client.pull(0)
            client.pull(2)  # applied up to 2
        # Anouk's laptop was seen 200 days ago, Joris's 179 days ago.
        _last_seen(server_db, team.name, "laptop-anouk", 200)
        _last_seen(server_db, team.name, "laptop-joris", 179)
        done = fatima.put_snapshot(os.urandom(64), 4)
        assert (done.pruned, done.pruned_to) == (2, 2)
        assert [(w.device_id, w.name, w.user) for w in done.waiting] == [
            ("laptop-joris", "Laptop laptop-joris", "Joris de Vries")]
        assert done.waiting[0].last_seen_at is not None
        # Joris goes quiet too: nothing waits for either of them any more.
        _last_seen(server_db, team.name, "laptop-joris", 181)
        done = fatima.put_snapshot(os.urandom(64), 4)
        assert (done.pruned, done.pruned_to, done.waiting) == (2, 4, [])
        # Anouk comes back: her pull lies below the pruned part, so she starts from the
        # snapshot; from then on she counts again.
        with pytest.raises(ServerRefused) as behind:
            anouk.pull(2)
        assert behind.value.code == "snapshot_required"
        assert anouk.snapshot()[1] == 4
        assert anouk.pull(4).changesets == []


def test_the_server_and_the_shared_folder_use_the_same_retention_window() -> None:
    assert ServerConfig().retention == compaction.RETENTION == retention.HORIZON


def test_a_revoked_laptops_unfinished_upload_goes_with_the_next_snapshot(
        live_url: str, team: TeamSetup, server_db: Database) -> None:
    with enrolled(live_url, team, "laptop-kwijt", team.users[1]) as lost, \
            enrolled(live_url, team, "laptop-d") as client:
        pushed(client, team, "laptop-d", 1)
        blob = os.urandom(200)
        lost._call("PUT", f"/v1/snapshot/uploads/{hashlib.sha256(blob).hexdigest()}/parts/0",
                   content=blob[:100], headers={"Content-Type": "application/octet-stream"})
        with server_db.write() as session:
            (device,) = [d for d in store.list_devices(session, team.name)
                         if d.device_id == "laptop-kwijt"]
            store.revoke_device(session, device.id)
        assert sorted(stored_parts(server_db, team.name)) == [100]
        client.put_snapshot(os.urandom(300), 1)
    assert stored_parts(server_db, team.name) == [300]


def test_every_refusal_of_the_server_has_a_dutch_and_an_english_message() -> None:
    source = "".join(path.read_text("utf-8")
                     for path in Path(compaction.__file__).parent.glob("*.py"))
    codes = set(re.findall(r'ApiError\(\s*\d+,\s*"([a-z_]+)"', source))
    assert {"snapshot_incomplete", "snapshot_damaged", "snapshot_replaced"} <= codes
    missing = [code for code in sorted(codes)
               if set(CATALOG.get(f"server.error.{code}", {})) < {"nl", "en"}]
    assert missing == []
