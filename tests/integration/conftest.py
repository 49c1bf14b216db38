"""Fixtures shared by the integration tests that need a sync server: a real PostgreSQL
cluster and an SQLite file.

Every behavioural server test runs against both (``server_db`` is parametrised). The
PostgreSQL cluster is started once per test session (per xdist worker) and removed at
the end. In CI (``CI=true``) missing PostgreSQL binaries fail the run instead of
skipping it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "server"))

from pgcluster import PgCluster, find_bindir

from renodesk.server.db import Database, make_engine, upgrade


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL cluster for the whole session."""
    bindir = find_bindir()
    if bindir is None:
        message = ("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                   "install the 'postgresql' package (bash dev.sh test does)")
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    cluster = PgCluster.start(bindir)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def server_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[Database]:
    """A migrated server database, shared by the session's tests (each uses its own
    teams, so they do not see one another)."""
    if request.param == "postgres":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_database()
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('server')}/server.sqlite"
    engine = make_engine(url)
    upgrade(engine)
    db = Database(engine)
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with small costs: the same code path, a fraction of the time."""
    from argon2 import PasswordHasher

    from renodesk.server import security

    monkeypatch.setattr(security, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
