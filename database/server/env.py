"""Alembic environment of the sync server's schema (not the desktop's).

Run through ``renodesk.server.db.upgrade`` (``renodesk-server serve`` does so at start),
which hands in an open connection; ``alembic -x url=...`` works for hand use too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from renodesk.server.db import make_engine
from renodesk.server.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give the database with: alembic -x url=postgresql+psycopg://...")
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported; run against a database")
run_online()
