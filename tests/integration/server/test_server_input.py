"""Bad input gets a clear 4xx in JSON: oversize, malformed, damaged; never a trace."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from serverkit import PASSWORD, Laptop, TeamSetup

from renodesk.server import schemas
from renodesk.server.app import ServerConfig, create_app
from renodesk.server.db import Database


@pytest.fixture
def api(server_db: Database, server_config: ServerConfig) -> TestClient:
    return TestClient(create_app(server_db, server_config), raise_server_exceptions=False)


@pytest.fixture
def token(api: TestClient, team: TeamSetup) -> str:
    reply = api.post("/v1/enrol", json={"code": team.code(), "password": PASSWORD,
                                        "device_id": "input-laptop"})
    return str(reply.json()["token"])


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_clear_error(reply: object, status: int) -> None:
    assert reply.status_code == status, reply.text  # type: ignore[attr-defined]
    error = reply.json()["error"]  # type: ignore[attr-defined]
    assert error["code"] and error["message"]
    assert "Traceback" not in reply.text  # type: ignore[attr-defined]


def test_health_needs_no_token(api: TestClient) -> None:
    reply = api.get("/v1/health")
    assert reply.status_code == 200 and reply.json()["status"] == "ok"


def test_a_body_above_the_limit_is_refused_with_413(api: TestClient, token: str) -> None:
    huge = "A" * (9 * 1024 * 1024)
    reply = api.post("/v1/changesets", content=huge, headers=auth(token) | {
        "Content-Type": "application/json"})
    assert_clear_error(reply, 413)


def test_a_streamed_body_above_the_limit_is_refused_with_413(
    server_db: Database, token: str
) -> None:
    small = TestClient(create_app(server_db, ServerConfig(max_request_bytes=1000)))

    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"x" * 500

    reply = small.post("/v1/changesets", content=chunks(), headers=auth(token))
    assert_clear_error(reply, 413)


def test_a_single_changeset_above_its_limit_is_refused(api: TestClient, token: str) -> None:
    blob = base64.b64encode(os.urandom(schemas.MAX_CHANGESET_BYTES + 1)).decode()
    reply = api.post("/v1/changesets", json={"changesets": [blob]}, headers=auth(token))
    assert_clear_error(reply, 413)


def test_too_many_changesets_in_one_push_are_refused(api: TestClient, token: str) -> None:
    body = {"changesets": ["AAAA"] * (schemas.MAX_BATCH + 1)}
    assert_clear_error(api.post("/v1/changesets", json=body, headers=auth(token)), 422)


@pytest.mark.parametrize(
    ("content", "status"),
    [
        (b"{not json", 422),
        (b'{"changesets": "RDC1"}', 422),
        (b'{"changesets": []}', 422),
        (b'{"changesets": ["***"]}', 400),
        (b'{"changesets": ["UkRDMQ=="]}', 400),
        (b'{"changesets": ["' + base64.b64encode(b"RDC1\x00\x00\x00\x02{}" + bytes(40))
         + b'"]}', 400),
    ],
    ids=["not-json", "not-a-list", "empty", "not-base64", "truncated", "bad-header"],
)
def test_malformed_pushes_are_refused(api: TestClient, token: str, content: bytes,
                                      status: int) -> None:
    reply = api.post("/v1/changesets", content=content,
                     headers=auth(token) | {"Content-Type": "application/json"})
    assert_clear_error(reply, status)


def test_a_tampered_blob_is_not_the_servers_business_but_a_forged_header_is(
    api: TestClient, token: str, team: TeamSetup
) -> None:
    laptop = Laptop(team.name, "input-laptop", os.urandom(32))
    blob = laptop.edit(("visit", "v1", "notes", "Gesprek met dochter erbij"))
    forged = blob.replace(b'"seq":1', b'"seq":"1"')
    reply = api.post("/v1/changesets", json={"changesets": [base64.b64encode(forged).decode()]},
                     headers=auth(token))
    assert_clear_error(reply, 400)


@pytest.mark.parametrize("query", ["after=-1", "after=abc", "limit=0", "limit=100000"])
def test_bad_pull_parameters_are_refused(api: TestClient, token: str, query: str) -> None:
    assert_clear_error(api.get(f"/v1/changesets?{query}", headers=auth(token)), 422)


def test_unknown_paths_and_methods_get_json_errors(api: TestClient) -> None:
    assert_clear_error(api.get("/v1/nothing-here"), 404)
    assert_clear_error(api.delete("/v1/health"), 405)


def test_errors_speak_english_when_asked(api: TestClient) -> None:
    reply = api.get("/v1/changesets", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "token" in reply.json()["error"]["message"]
    dutch = api.get("/v1/changesets")
    assert "apparaatsleutel" in dutch.json()["error"]["message"]


def test_a_crash_inside_gives_a_plain_500_without_details(server_db: Database,
                                                          server_config: ServerConfig) -> None:
    app = create_app(server_db, server_config)

    @app.get("/v1/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /etc/renodesk")

    reply = TestClient(app, raise_server_exceptions=False).get("/v1/boom")
    assert_clear_error(reply, 500)
    assert "secret" not in reply.text


def test_health_reports_a_missing_database(tmp_path: object) -> None:
    from renodesk.server.db import make_engine

    broken = Database(make_engine("postgresql+psycopg://nobody@/none?host=/nonexistent"))
    reply = TestClient(create_app(broken)).get("/v1/health")
    assert_clear_error(reply, 503)


def test_no_generated_request_makes_the_server_fail(server_db: Database, team: TeamSetup
                                                    ) -> None:
    """Schemathesis explores every operation of the OpenAPI schema, with a valid
    device token, and no answer may be a 5xx."""

    async def no_wait(_seconds: float) -> None:
        return None

    app = create_app(server_db, ServerConfig(sleep=no_wait))
    client = TestClient(app)
    token = client.post("/v1/enrol", json={"code": team.code(), "password": PASSWORD,
                                           "device_id": "fuzzed"}).json()["token"]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()
                  if isinstance(result, Ok)]
    assert {op.path for op in operations} == {
        "/v1/health", "/v1/enrol", "/v1/whoami", "/v1/changesets", "/v1/team-key",
        "/v1/seen-by-all",
        "/v1/snapshot", "/v1/snapshot/{upload}/parts/{number}", "/v1/snapshot/uploads/{upload}",
        "/v1/snapshot/uploads/{upload}/parts/{number}", "/v1/snapshot/uploads/{upload}/commit"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def explore(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"},
                                   checks=[not_a_server_error])

        explore()
