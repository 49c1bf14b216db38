"""Only a team's enrolled, unrevoked laptops get at its stream; guessing is slowed."""

from __future__ import annotations

import base64
import os

import pytest
from fastapi.testclient import TestClient
from serverkit import PASSWORD, FakeTime, Laptop, TeamSetup, new_team

from renodesk.server import store
from renodesk.server.app import ServerConfig, create_app
from renodesk.server.db import Database
from renodesk.server.security import LoginThrottle


@pytest.fixture
def api(server_db: Database, server_config: ServerConfig) -> TestClient:
    return TestClient(create_app(server_db, server_config))


def enrol(api: TestClient, team: TeamSetup, device_id: str, user: str | None = None) -> str:
    reply = api.post("/v1/enrol", json={"code": team.code(user), "password": PASSWORD,
                                        "device_id": device_id, "device_name": "Laptop"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["team"] == team.name and body["device_id"] == device_id
    return str(body["token"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def push(api: TestClient, token: str, *blobs: bytes) -> int:
    body = {"changesets": [base64.b64encode(b).decode() for b in blobs]}
    return api.post("/v1/changesets", json=body, headers=bearer(token)).status_code


def error_code(reply: object) -> str:
    return str(reply.json()["error"]["code"])  # type: ignore[attr-defined]


def test_an_enrolled_laptop_is_known_by_its_token(api: TestClient, team: TeamSetup) -> None:
    token = enrol(api, team, "laptop-1")
    reply = api.get("/v1/whoami", headers=bearer(token))
    assert reply.json() == {"team": team.name, "device_id": "laptop-1"}


def test_the_token_is_stored_only_as_a_hash(server_db: Database, api: TestClient,
                                            team: TeamSetup) -> None:
    token = enrol(api, team, "laptop-hash")
    with server_db.read() as session:
        listed = store.list_devices(session, team.name)
        from renodesk.server.models import Device
        stored = {d.token_hash for d in session.query(Device).filter_by(device_id="laptop-hash")}
    assert [d.device_id for d in listed] == ["laptop-hash"]
    assert token not in stored and len(stored.pop()) == 64


def test_wrong_password_is_refused(api: TestClient, team: TeamSetup) -> None:
    reply = api.post("/v1/enrol", json={"code": team.code(), "password": "niet-het-goede",
                                        "device_id": "laptop-x"})
    assert reply.status_code == 401
    assert error_code(reply) == "enrolment_refused"
    assert "wachtwoord" in reply.json()["error"]["message"]


def test_a_code_works_only_once(api: TestClient, team: TeamSetup) -> None:
    code = team.code()
    body = {"code": code, "password": PASSWORD, "device_id": "laptop-a"}
    assert api.post("/v1/enrol", json=body).status_code == 200
    again = api.post("/v1/enrol", json=body | {"device_id": "laptop-b"})
    assert again.status_code == 401


def test_an_expired_code_is_refused(api: TestClient, team: TeamSetup) -> None:
    reply = api.post("/v1/enrol", json={"code": team.code(hours=-1), "password": PASSWORD,
                                        "device_id": "laptop-late"})
    assert reply.status_code == 401


def test_codes_are_accepted_as_typed_in_lower_case_without_dashes(
    api: TestClient, team: TeamSetup
) -> None:
    typed = team.code().replace("-", " ").lower()
    reply = api.post("/v1/enrol", json={"code": typed, "password": PASSWORD,
                                        "device_id": "laptop-typed"})
    assert reply.status_code == 200


def test_unknown_or_missing_tokens_are_refused(api: TestClient, team: TeamSetup) -> None:
    assert api.get("/v1/changesets", headers=bearer("made-up-token")).status_code == 401
    missing = api.get("/v1/changesets")
    assert missing.status_code == 401 and error_code(missing) == "missing_token"
    basic = api.get("/v1/changesets", headers={"Authorization": "Basic Zm9vOmJhcg=="})
    assert basic.status_code == 401


def test_a_revoked_laptop_is_refused(server_db: Database, api: TestClient,
                                     team: TeamSetup) -> None:
    token = enrol(api, team, "lost-laptop")
    laptop = Laptop(team.name, "lost-laptop", os.urandom(32))
    assert push(api, token, laptop.edit(("visit", "v1", "notes", "x"))) == 200
    with server_db.write() as session:
        device_pk = store.list_devices(session, team.name)[0].id
        store.revoke_device(session, device_pk)

    pull = api.get("/v1/changesets", headers=bearer(token))
    assert pull.status_code == 403 and error_code(pull) == "device_revoked"
    assert push(api, token, laptop.edit(("visit", "v1", "notes", "y"))) == 403
    # Re-enrolling the same laptop id does not undo the revocation.
    again = api.post("/v1/enrol", json={"code": team.code(), "password": PASSWORD,
                                        "device_id": "lost-laptop"})
    assert again.status_code == 403


def test_another_teams_stream_stays_closed(server_db: Database, api: TestClient,
                                           team: TeamSetup) -> None:
    other = new_team(server_db, ("Bram Visser",))
    ours = enrol(api, team, "ours")
    theirs = enrol(api, other, "theirs")
    their_laptop = Laptop(other.name, "theirs", os.urandom(32))
    assert push(api, theirs, their_laptop.edit(("household", "h1", "phone", "06-1"))) == 200

    assert api.get("/v1/changesets", headers=bearer(ours)).json()["changesets"] == []
    # Nor can our laptop slip a changeset into their stream, or post as another device.
    forged = Laptop(other.name, "ours", os.urandom(32)).edit(("household", "h1", "x", 1))
    assert push(api, ours, forged) == 403
    impostor = Laptop(team.name, "someone-else", os.urandom(32)).edit(("visit", "v", "x", 1))
    assert push(api, ours, impostor) == 403


def test_a_laptop_id_of_another_coach_cannot_be_taken_over(api: TestClient,
                                                            team: TeamSetup) -> None:
    enrol(api, team, "shared-id", "Fatima Amrani")
    reply = api.post("/v1/enrol", json={"code": team.code("Joris de Vries"),
                                        "password": PASSWORD, "device_id": "shared-id"})
    assert reply.status_code == 409


def test_reenrolling_a_laptop_replaces_its_token(api: TestClient, team: TeamSetup) -> None:
    old = enrol(api, team, "reinstalled")
    new = enrol(api, team, "reinstalled")
    assert api.get("/v1/whoami", headers=bearer(old)).status_code == 401
    assert api.get("/v1/whoami", headers=bearer(new)).status_code == 200


def test_failed_enrolments_are_slowed_then_locked_out(
    api: TestClient, team: TeamSetup, fake_time: FakeTime, server_config: ServerConfig
) -> None:
    limit = server_config.throttle.lock_after
    code = team.code()
    wrong = {"code": code, "password": "raden-raden", "device_id": "guess"}
    for _ in range(limit):
        assert api.post("/v1/enrol", json=wrong).status_code == 401
    assert fake_time.slept == sorted(fake_time.slept) and fake_time.slept[0] == 0.5
    assert max(fake_time.slept) == server_config.throttle.max_delay

    locked = api.post("/v1/enrol", json=wrong | {"password": PASSWORD})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    assert error_code(locked) == "too_many_attempts"

    fake_time.now += server_config.throttle.lock_seconds + 1
    assert api.post("/v1/enrol", json=wrong | {"password": PASSWORD}).status_code == 200


def test_the_throttle_counts_per_user_across_addresses() -> None:
    now = [0.0]
    throttle = LoginThrottle(clock=lambda: now[0], lock_after=3)
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        throttle.failed([f"ip:{address}", "user:7"])
    assert throttle.locked_for(["ip:10.0.0.9", "user:7"]) > 0
    assert throttle.locked_for(["ip:10.0.0.9", "user:8"]) == 0
    now[0] += throttle.forget_seconds + 1
    assert throttle.delay_for(["user:7"]) == 0


def test_a_success_clears_the_slow_down(api: TestClient, team: TeamSetup,
                                         fake_time: FakeTime) -> None:
    code = team.code()
    api.post("/v1/enrol", json={"code": code, "password": "fout-fout-fout", "device_id": "d"})
    api.post("/v1/enrol", json={"code": code, "password": PASSWORD, "device_id": "d"})
    fake_time.slept.clear()
    enrol(api, team, "d2")
    assert fake_time.slept == []


def test_default_password_hashing_is_argon2id() -> None:
    from argon2 import PasswordHasher, Type

    assert PasswordHasher().type is Type.ID
    from renodesk.server.security import hash_password, verify_password

    hashed = hash_password("lange-zin-als-wachtwoord")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "lange-zin-als-wachtwoord")
    assert not verify_password(hashed, "iets-anders-dan-dat")
    assert not verify_password(None, "lange-zin-als-wachtwoord")
