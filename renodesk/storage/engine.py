"""Opening the encrypted workspace database (SQLCipher through sqlcipher3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from renodesk.core.errors import WorkspaceError

KEY_BYTES = 32
#: A 64 MB page cache keeps the decrypted pages of a 20,000-household workspace in memory,
#: so search-as-you-type does not decrypt the whole file on every keystroke.
CACHE_KIB = 65536


def _connect(path: Path, key: bytes) -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    # A wrong key is reported to the person as a WorkspaceError; keep SQLCipher's own
    # diagnostics off stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    # Wiping and locking every freed buffer made each commit ~5x slower here (about 10 ms
    # for one visit). The file at rest stays fully encrypted; a running, unlocked process
    # holds decrypted data in memory either way, and the app lock hides the window.
    conn.execute("PRAGMA cipher_memory_security = OFF")
    # A raw key skips SQLCipher's own PBKDF2 (~150 ms); the key is already random or
    # derived once by security.keys.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise WorkspaceError("error.wrong_key") from exc
    from renodesk.storage.search import fold

    conn.create_function("rd_fold", 1, fold, deterministic=True)
    conn.execute("PRAGMA temp_store = MEMORY")  # temp files would hold plaintext
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def open_engine(path: Path, key: bytes) -> Engine:
    """An engine on the encrypted file; raises WorkspaceError('error.wrong_key') on a bad key."""
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    _connect(path, key).close()  # fail early and clearly on a wrong key
    engine = create_engine(
        "sqlite://",  # the pysqlite dialect over sqlcipher3 connections (see creator)
        creator=lambda: _connect(path, key),
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # The DB-API connection runs in autocommit mode (isolation_level=None) so that
        # SQLAlchemy, not the driver, decides where a transaction starts and ends.
        conn.exec_driver_sql("BEGIN")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
