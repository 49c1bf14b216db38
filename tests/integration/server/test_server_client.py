"""The desktop's server client against a live uvicorn server on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest
from serverkit import PASSWORD, Laptop, LiveServer, TeamSetup, free_socket

from renodesk.core.errors import RenoDeskError
from renodesk.server import store
from renodesk.server.app import ServerConfig, create_app
from renodesk.server.db import Database
from renodesk.sync.server_client import ServerClient
from renodesk.sync.server_http import (
    ServerRefused,
    ServerReplyError,
    ServerUnreachable,
    check_url,
)


@pytest.fixture(scope="module")
def live_url(server_db: Database) -> Iterator[str]:
    with LiveServer(create_app(server_db, ServerConfig())) as server:
        yield server.url


def no_sleep(_seconds: float) -> None:
    return None


def test_enrol_push_and_pull_over_http(live_url: str, team: TeamSetup) -> None:
    key = os.urandom(32)
    with ServerClient(live_url, sleep=no_sleep) as client:
        assert client.health()["status"] == "ok"
        enrolment = client.enrol(team.code(), PASSWORD, "laptop-http", "Laptop van Fatima")
        assert client.token == enrolment.token
        assert client.whoami() == (team.name, "laptop-http")
        laptop = Laptop(team.name, "laptop-http", key)
        acks = client.push([laptop.edit(("visit", "v1", "notes", "Ok")) for _ in range(3)])
        assert [a.seq for a in acks] == [1, 2, 3]
        page = client.pull(0)
        assert [c.blob for c in page.changesets] == laptop.outbox


def test_a_token_from_the_keyring_is_used_as_given(live_url: str, team: TeamSetup) -> None:
    with ServerClient(live_url, sleep=no_sleep) as first:
        token = first.enrol(team.code(), PASSWORD, "laptop-kept", "").token
    with ServerClient(live_url, token, sleep=no_sleep) as later:
        assert later.whoami()[1] == "laptop-kept"


def test_refusals_carry_the_servers_reason(live_url: str, team: TeamSetup,
                                           server_db: Database) -> None:
    with ServerClient(live_url, sleep=no_sleep) as client:
        with pytest.raises(ServerRefused) as wrong:
            client.enrol(team.code(), "verkeerd-wachtwoord", "laptop-r", "")
        assert wrong.value.status == 401 and wrong.value.code == "enrolment_refused"
        client.enrol(team.code(), PASSWORD, "laptop-r", "")
        with server_db.write() as session:
            device = next(d for d in store.list_devices(session, team.name)
                          if d.device_id == "laptop-r")
            store.revoke_device(session, device.id)
        with pytest.raises(ServerRefused) as revoked:
            client.pull(0)
        assert revoked.value.code == "device_revoked"
        assert "ingetrokken" in str(revoked.value)


def test_a_server_that_is_off_is_reported_plainly_after_retries() -> None:
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here now
    waits: list[float] = []
    client = ServerClient(f"http://127.0.0.1:{port}", "token", retries=3, backoff=1.0,
                          sleep=waits.append, timeout=2)
    with pytest.raises(ServerUnreachable) as unreachable:
        client.push([b"changeset"])
    assert len(waits) == 3
    assert all(lo / 2 <= w <= lo for w, lo in zip(waits, (1.0, 2.0, 4.0), strict=True))
    assert "niet bereikbaar" in str(unreachable.value) and "niets verloren" in str(
        unreachable.value)


def test_flaky_network_is_retried_then_succeeds() -> None:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            raise httpx.ConnectError("network down", request=request)
        if calls["n"] == 2:
            return httpx.Response(503, headers={"Retry-After": "3"},
                                  json={"error": {"code": "database_unavailable",
                                                  "message": "x"}})
        return httpx.Response(200, json={"changesets": [], "cursor": 5, "head": 5,
                                         "more": False})

    waits: list[float] = []
    client = ServerClient("https://sync.example.org", "t", sleep=waits.append,
                          transport=httpx.MockTransport(handler))
    assert client.pull(5).cursor == 5
    assert calls["n"] == 3 and waits[1] == 3.0


def test_an_enrolment_that_may_have_arrived_is_not_sent_twice() -> None:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        raise httpx.ReadTimeout("no answer", request=request)

    client = ServerClient("https://sync.example.org", sleep=no_sleep,
                          transport=httpx.MockTransport(handler))
    with pytest.raises(ServerUnreachable):
        client.enrol("ABCD-EFGH-JKLM-NPQR", PASSWORD, "laptop", "")
    assert calls["n"] == 1


def test_something_that_is_not_a_renodesk_server_is_named_as_such() -> None:
    client = ServerClient("https://intranet.example.org", "t", sleep=no_sleep,
                          transport=httpx.MockTransport(
                              lambda r: httpx.Response(404, text="<html>Not found</html>")))
    with pytest.raises(ServerReplyError):
        client.health()


@pytest.mark.parametrize("url", ["sync.example.org", "ftp://sync.example.org", "https://"])
def test_invalid_server_addresses_are_refused(url: str) -> None:
    with pytest.raises(RenoDeskError):
        check_url(url)


def test_plain_http_only_to_this_computer() -> None:
    with pytest.raises(RenoDeskError) as insecure:
        check_url("http://sync.example.org")
    assert insecure.value.key == "sync.server.insecure_url"
    assert check_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
