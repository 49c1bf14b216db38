"""The team's wrapped key on the server: kept once, given only to the team's laptops."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serverkit import TeamSetup, new_team
from test_server_access import bearer, enrol, error_code

from renodesk.server import store
from renodesk.server.app import ServerConfig, create_app
from renodesk.server.db import Database

TEAM_JSON = '{"format": 1, "team_id": "x", "key": {"wrapped": "00ff"}}'


@pytest.fixture
def api(server_db: Database, server_config: ServerConfig) -> TestClient:
    return TestClient(create_app(server_db, server_config))


def test_a_team_without_a_key_says_so_plainly(api: TestClient, team: TeamSetup) -> None:
    token = enrol(api, team, "laptop-k1")
    reply = api.get("/v1/team-key", headers=bearer(token))
    assert reply.status_code == 404 and error_code(reply) == "no_team_key"
    assert "teamwachtwoord" in reply.json()["error"]["message"]


def test_the_first_laptop_keeps_the_key_and_a_colleague_reads_it(
        api: TestClient, team: TeamSetup) -> None:
    first = enrol(api, team, "laptop-k2")
    second = enrol(api, team, "laptop-k3", team.users[1])
    assert api.put("/v1/team-key", json={"team_json": TEAM_JSON},
                   headers=bearer(first)).status_code == 200
    # The same content again is harmless; another key cannot replace it.
    assert api.put("/v1/team-key", json={"team_json": TEAM_JSON},
                   headers=bearer(second)).status_code == 200
    other = api.put("/v1/team-key", json={"team_json": TEAM_JSON.replace("00ff", "abcd")},
                    headers=bearer(second))
    assert other.status_code == 409 and error_code(other) == "team_key_exists"
    assert api.get("/v1/team-key", headers=bearer(second)).json() == {"team_json": TEAM_JSON}


def test_only_the_teams_enrolled_laptops_get_the_key(server_db: Database, api: TestClient,
                                                     team: TeamSetup) -> None:
    token = enrol(api, team, "laptop-k4")
    api.put("/v1/team-key", json={"team_json": TEAM_JSON}, headers=bearer(token))
    assert api.get("/v1/team-key").status_code == 401
    assert api.get("/v1/team-key", headers=bearer("guessed")).status_code == 401
    stranger_team = new_team(server_db)
    stranger = enrol(api, stranger_team, "laptop-k5")
    assert api.get("/v1/team-key", headers=bearer(stranger)).status_code == 404
    with server_db.write() as session:
        (device,) = [d for d in store.list_devices(session, team.name)
                     if d.device_id == "laptop-k4"]
        store.revoke_device(session, device.id)
    refused = api.get("/v1/team-key", headers=bearer(token))
    assert refused.status_code == 403 and error_code(refused) == "device_revoked"


def test_an_oversize_or_empty_key_is_refused(api: TestClient, team: TeamSetup) -> None:
    token = enrol(api, team, "laptop-k6")
    for body in ({"team_json": "x" * 5000}, {"team_json": ""}, {}):
        assert api.put("/v1/team-key", json=body, headers=bearer(token)).status_code == 422
