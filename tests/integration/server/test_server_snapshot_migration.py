"""Upgrading a server whose team already has a snapshot (kept whole, before parts)."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from renodesk.server import compaction
from renodesk.server.db import Database, make_engine, migrations_dir, upgrade


def _upgrade_to(engine: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@pytest.fixture(params=["sqlite", "postgres"])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_cluster").create_database()
    else:
        url = f"sqlite:///{tmp_path}/server.sqlite"
    return make_engine(url)


def test_a_snapshot_kept_whole_becomes_one_part_and_is_still_served(
        empty_engine: Engine) -> None:
    _upgrade_to(empty_engine, "0003_snapshots")
    blob = os.urandom(70_000)
    now = datetime.now(UTC)
    with empty_engine.begin() as conn:
        conn.execute(text("INSERT INTO teams (name, next_position, created_at, pruned_to) "
                          "VALUES ('team-oud', 9, :now, 5)"), {"now": now})
        team_id = conn.execute(text("SELECT id FROM teams WHERE name = 'team-oud'")).scalar()
        conn.execute(text("INSERT INTO snapshots (team_id, position, device_id, blob, "
                          "received_at) VALUES (:t, 5, 'laptop-oud', :b, :now)"),
                     {"t": team_id, "b": blob, "now": now})
    upgrade(empty_engine)
    db = Database(empty_engine)
    with db.read() as session:
        kept = compaction.team_snapshot(session, team_id)
        assert (kept.position, kept.size, kept.parts) == (5, len(blob), 1)
        assert kept.upload == hashlib.sha256(blob).hexdigest()
        assert compaction.snapshot_part(session, team_id, kept.upload, 0) == blob
    db.dispose()
