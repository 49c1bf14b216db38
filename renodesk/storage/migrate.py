"""Bringing a workspace database to the current schema, with a backup first."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from renodesk.paths import migrations_dir

HEAD_FILE = "head"


def script_location() -> Path:
    return migrations_dir("local")


def _config(connection: object) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location()))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(script_location()))
    return str(script.get_current_head())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)


def backup(database: Path, backups: Path, label: str) -> Path | None:
    """Copy the (encrypted) database file and its WAL before a migration touches them."""
    if not database.exists():
        return None
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{database.stem}-{stamp}-before-{label}.db"
    shutil.copy2(database, target)
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def upgrade(engine: Engine, database: Path, backups: Path, known_head: str | None = None) -> bool:
    """Upgrade to head if needed; returns True when a migration ran.

    ``known_head`` lets start-up skip importing Alembic when the stored revision is current.
    """
    current = current_revision(engine)
    if known_head is not None and current == known_head:
        return False
    head = head_revision()
    if current == head:
        return False
    if current is not None:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        backup(database, backups, head)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_config(conn), "head")  # type: ignore[arg-type]
    return True
