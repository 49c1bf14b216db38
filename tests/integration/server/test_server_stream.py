"""Laptops of one team converge through the server; the stream never loses or
doubles a changeset, also when pushes commit out of order."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
from serverkit import PASSWORD, Laptop, LiveServer, TeamSetup, new_team
from sqlalchemy import select

from renodesk.server import store
from renodesk.server.app import ServerConfig, create_app
from renodesk.server.db import Database
from renodesk.server.errors import ApiError
from renodesk.server.models import Device, Team, User
from renodesk.server.security import token_hash
from renodesk.sync.server_client import ServerClient, ServerRefused


@pytest.fixture(scope="module")
def live_url(server_db: Database) -> Iterator[str]:
    with LiveServer(create_app(server_db, ServerConfig())) as server:
        yield server.url


def enrolled(url: str, team: TeamSetup, user: str, key: bytes, device_id: str
             ) -> tuple[Laptop, ServerClient]:
    client = ServerClient(url, sleep=lambda _s: None)
    enrolment = client.enrol(team.code(user), PASSWORD, device_id, f"Laptop {user}")
    assert enrolment.team == team.name
    return Laptop(team.name, device_id, key), client


def sync(laptop: Laptop, client: ServerClient) -> None:
    if laptop.outbox:
        client.push(laptop.outbox)
        laptop.outbox.clear()
    for page in client.pull_all(laptop.cursor):
        for item in page.changesets:
            if item.device_id != laptop.device_id:
                laptop.apply(item.blob)
        laptop.cursor = page.cursor


def test_visit_notes_from_two_laptops_reach_each_other(live_url: str, team: TeamSetup) -> None:
    key = os.urandom(32)
    fatima, fatima_client = enrolled(live_url, team, "Fatima Amrani", key, "laptop-fatima")
    joris, joris_client = enrolled(live_url, team, "Joris de Vries", key, "laptop-joris")

    fatima.edit(("visit", "v1", "notes", "Mevrouw wil een rustwoning tijdens de werkzaamheden"))
    joris.edit(("household", "h7", "phone", "06-00000001"), ("household", "h7", "stance", "yes"))
    sync(fatima, fatima_client)
    sync(joris, joris_client)
    sync(fatima, fatima_client)

    assert fatima.state == joris.state
    assert fatima.state[("household", "h7", "stance")][1] == "yes"
    assert joris.state[("visit", "v1", "notes")][1].startswith("Mevrouw")


def test_three_laptops_editing_the_same_fields_converge(live_url: str, team: TeamSetup) -> None:
    key = os.urandom(32)
    laptops = [enrolled(live_url, team, user, key, f"dev-{i}")
               for i, user in enumerate(team.users)]
    for round_no in range(3):
        for i, (laptop, _client) in enumerate(laptops):
            laptop.edit(("adjustment", "a1", "status", f"r{round_no}-d{i}"),
                        ("adjustment", f"a{i}", "cost", round_no * 100 + i))
        for laptop, client in laptops[round_no % 3:] + laptops[: round_no % 3]:
            sync(laptop, client)
    for laptop, client in laptops:
        sync(laptop, client)

    states = [laptop.state for laptop, _ in laptops]
    assert states[0] == states[1] == states[2]
    assert len(states[0]) == 4


def test_pushing_the_same_batch_twice_stores_it_once(live_url: str, team: TeamSetup) -> None:
    laptop, client = enrolled(live_url, team, "Anouk Jansen", os.urandom(32), "dev-twice")
    for n in range(5):
        laptop.edit(("action", f"t{n}", "done", True))
    first = client.push(laptop.outbox)
    again = client.push(laptop.outbox)

    assert [a.duplicate for a in first] == [False] * 5
    assert [a.duplicate for a in again] == [True] * 5
    assert [a.position for a in again] == [a.position for a in first]
    page = client.pull(0, limit=100)
    assert [c.seq for c in page.changesets] == [1, 2, 3, 4, 5]
    assert page.head == 5 and not page.more


def test_different_content_under_a_used_sequence_number_is_refused(
    live_url: str, team: TeamSetup
) -> None:
    key = os.urandom(32)
    laptop, client = enrolled(live_url, team, "Fatima Amrani", key, "dev-fork")
    client.push([laptop.edit(("visit", "v1", "status", "done"))])
    # The laptop is restored from an old backup and writes seq 1 again, differently.
    restored = Laptop(team.name, "dev-fork", key)
    with pytest.raises(ServerRefused) as refused:
        client.push([restored.edit(("visit", "v1", "status", "cancelled"))])
    assert refused.value.status == 409 and refused.value.code == "seq_conflict"
    assert len(client.pull(0).changesets) == 1


def test_a_changeset_that_does_not_follow_its_predecessor_is_refused(
    live_url: str, team: TeamSetup
) -> None:
    key = os.urandom(32)
    laptop, client = enrolled(live_url, team, "Fatima Amrani", key, "dev-chain")
    client.push([laptop.edit(("visit", "v1", "status", "done"))])
    laptop.prev = "0" * 64
    with pytest.raises(ServerRefused) as refused:
        client.push([laptop.edit(("visit", "v1", "status", "planned"))])
    assert refused.value.code == "prev_mismatch"


def test_pull_pages_by_limit_without_skipping(live_url: str, team: TeamSetup) -> None:
    laptop, client = enrolled(live_url, team, "Joris de Vries", os.urandom(32), "dev-pages")
    for n in range(23):
        laptop.edit(("contact", f"c{n}", "summary", "Niet thuis"))
    client.push(laptop.outbox)
    pages = list(client.pull_all(0, limit=5))
    assert [len(p.changesets) for p in pages] == [5, 5, 5, 5, 3]
    assert [c.seq for p in pages for c in p.changesets] == list(range(1, 24))


# --- the cursor under concurrent pushes (storage level, real transactions) -----------


def _caller(db: Database, team: TeamSetup, device_id: str) -> store.Caller:
    with db.write() as session:
        team_row = session.scalars(select(Team).where(Team.name == team.name)).one()
        user = session.scalars(select(User).where(User.team_id == team_row.id)).first()
        assert user is not None
        token = f"tok-{device_id}-{team.name}"
        session.add(Device(team_id=team_row.id, user_id=user.id, device_id=device_id,
                           name=device_id, token_hash=token_hash(token),
                           enrolled_at=store.utcnow()))
        session.flush()
        return store.authenticate(session, token)


def _read_all(db: Database, team_id: int, after: int) -> list[int]:
    with db.read() as session:
        rows, _head = store.changesets_after(session, team_id, after, 500, 10**9)
        return [row.position for row in rows]


def test_a_push_committing_late_is_never_skipped_by_a_reader(server_db: Database) -> None:
    team = new_team(server_db)
    key = os.urandom(32)
    slow, fast = _caller(server_db, team, "slow"), _caller(server_db, team, "fast")
    slow_laptop, fast_laptop = Laptop(team.name, "slow", key), Laptop(team.name, "fast", key)

    # The slow push takes its positions and holds its transaction open.
    slow_session_cm = server_db.write()
    slow_session = slow_session_cm.__enter__()
    store.append_changesets(slow_session, slow, [slow_laptop.edit(("visit", "v1", "x", 1))])

    # Meanwhile the fast push starts and tries to commit before the slow one.
    fast_done = threading.Event()

    def fast_push() -> None:
        with server_db.write() as session:
            store.append_changesets(session, fast, [fast_laptop.edit(("visit", "v2", "x", 2))])
        fast_done.set()

    worker = threading.Thread(target=fast_push)
    worker.start()
    assert not fast_done.wait(0.3), "the second push must wait for the first to commit"
    seen_early = _read_all(server_db, slow.team_id, 0)
    assert seen_early == []  # nothing is visible, so no cursor can move past anything

    slow_session_cm.__exit__(None, None, None)  # commit the slow push
    worker.join(10)
    assert fast_done.is_set()
    assert _read_all(server_db, slow.team_id, 0) == [1, 2]


def test_many_concurrent_pushes_and_an_eager_reader_lose_nothing(server_db: Database) -> None:
    team = new_team(server_db)
    key = os.urandom(32)
    writers = [(_caller(server_db, team, f"w{i}"), Laptop(team.name, f"w{i}", key))
               for i in range(4)]
    per_writer = 15
    stop = threading.Event()
    seen: list[int] = []

    def reader() -> None:
        cursor = 0
        while True:
            finished = stop.is_set()
            positions = _read_all(server_db, writers[0][0].team_id, cursor)
            seen.extend(positions)
            cursor = positions[-1] if positions else cursor
            if finished:
                return

    def writer(caller: store.Caller, laptop: Laptop) -> None:
        for n in range(per_writer):
            blob = laptop.edit(("household", f"h{n}", "phone", n))
            with server_db.write() as session:
                store.append_changesets(session, caller, [blob])

    reading = threading.Thread(target=reader)
    reading.start()
    threads = [threading.Thread(target=writer, args=pair) for pair in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    stop.set()
    reading.join(30)
    total = per_writer * len(writers)
    assert seen == list(range(1, total + 1))


def test_a_batch_with_a_bad_changeset_stores_nothing(server_db: Database) -> None:
    team = new_team(server_db)
    caller = _caller(server_db, team, "dev-a")
    laptop = Laptop(team.name, "dev-a", os.urandom(32))
    good = laptop.edit(("visit", "v1", "notes", "Koffie gedronken"))
    with pytest.raises(ApiError), server_db.write() as session:
        store.append_changesets(session, caller, [good, b"RDC1 not really"])
    assert _read_all(server_db, caller.team_id, 0) == []
