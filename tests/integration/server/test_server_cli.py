"""IT sets up a team with ``renodesk-server``; the schema comes from the migrations."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from pgcluster import PgCluster
from serverkit import PASSWORD, free_socket

from renodesk.server.app import ServerConfig, create_app
from renodesk.server.cli import main
from renodesk.server.db import Database, make_engine, upgrade
from renodesk.server.models import Base


@pytest.fixture(params=["sqlite", "postgres"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        return cluster.create_database()
    return f"sqlite:///{tmp_path}/server.sqlite"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_migrations_build_exactly_the_mapped_schema(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    upgrade(engine)  # a second run is a no-op
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_it_sets_up_a_team_and_revokes_a_lost_laptop(
    fresh_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RENODESK_SERVER_PASSWORD", PASSWORD)
    assert run(capsys, "team", "create", "noord-oost", "--db", fresh_url)[0] == 0
    code, out, _ = run(capsys, "user", "add", "--team", "noord-oost", "--name",
                       "Fatima Amrani", "--db", fresh_url)
    assert code == 0 and "Fatima Amrani" in out
    code, out, _ = run(capsys, "enrol-code", "--team", "noord-oost", "--user",
                       "Fatima Amrani", "--db", fresh_url)
    match = re.search(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", out)
    assert code == 0 and match

    engine = make_engine(fresh_url)
    api = TestClient(create_app(Database(engine), ServerConfig()))
    token = api.post("/v1/enrol", json={"code": match.group(0), "password": PASSWORD,
                                        "device_id": "laptop-fatima",
                                        "device_name": "ThinkPad Fatima"}).json()["token"]
    code, out, _ = run(capsys, "devices", "list", "--team", "noord-oost", "--db", fresh_url)
    assert code == 0 and "laptop-fatima" in out and "actief" in out
    device_no = out.splitlines()[1].split()[0]

    assert run(capsys, "device", "revoke", device_no, "--db", fresh_url)[0] == 0
    _, out, _ = run(capsys, "devices", "list", "--team", "noord-oost", "--db", fresh_url)
    assert "ingetrokken" in out
    assert api.get("/v1/changesets", headers={"Authorization": f"Bearer {token}"}
                   ).status_code == 403
    engine.dispose()


def test_mistakes_get_a_message_and_exit_code_1(
    fresh_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RENODESK_SERVER_PASSWORD", "kort")
    run(capsys, "team", "create", "zuid", "--db", fresh_url)
    code, _, err = run(capsys, "team", "create", "zuid", "--db", fresh_url)
    assert code == 1 and "bestaat al" in err
    code, _, err = run(capsys, "user", "add", "--team", "zuid", "--name", "Bram",
                       "--db", fresh_url)
    assert code == 1 and "te kort" in err
    code, _, err = run(capsys, "enrol-code", "--team", "west", "--user", "Bram",
                       "--db", fresh_url)
    assert code == 1 and "bestaat niet" in err
    code, _, err = run(capsys, "team", "create", "met spaties", "--db", fresh_url)
    assert code == 1
    code, _, err = run(capsys, "serve", "--certfile", "cert.pem", "--db", fresh_url)
    assert code == 1 and "--keyfile" in err


def test_an_unreachable_database_is_reported(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    url = f"postgresql+psycopg://nobody@/none?host={tmp_path}"
    code, _, err = run(capsys, "team", "create", "noord", "--db", url)
    assert code == 1 and "niet bereikbaar" in err


def test_serve_upgrades_a_fresh_database_and_answers(pg_cluster: PgCluster) -> None:
    url = pg_cluster.create_database()
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "renodesk.server.cli", "serve", "--db", url,
         "--port", str(port), "--log-level", "warning"],
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.1)
        assert reply.status_code == 200
    finally:
        process.terminate()
        process.wait(10)
