"""Composition root: opens (or creates) a workspace and builds the services once.

Opening a workspace to write takes its folder's lock (``storage.workspace_lock``) and
holds it until ``workspace.engine.dispose()``: one writer per workspace, across processes.
"""

from __future__ import annotations

import importlib
import logging
import uuid
import weakref
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renodesk.core.errors import WorkspaceError
from renodesk.paths import Paths
from renodesk.security import keys
from renodesk.storage import workspace_lock
from renodesk.storage.workspace_lock import WorkspaceLock, WorkspaceLocked

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from renodesk.core.workspace import Workspace

log = logging.getLogger(__name__)

#: Bumped with every new Alembic revision; lets a normal start skip importing Alembic.
SCHEMA_HEAD = "0003"

#: The organisation is one record per workspace, with the same id everywhere.
ORGANISATION_ID = "0" * 31 + "1"

#: Legal figures seeded into a new workspace (data with sources, never constants in code).
LEGAL_FIGURES = [
    ("consent_threshold_percent", "70", date(2003, 8, 1),
     "art. 7:220 lid 3 BW: voorstel redelijk vermoed bij instemming van 70% of meer"),
    ("consent_min_dwellings", "10", date(2003, 8, 1),
     "art. 7:220 lid 3 BW: tien of meer woningen die een bouwkundige eenheid vormen"),
    ("consent_objection_weeks", "8", date(2003, 8, 1),
     "art. 7:220 lid 3 BW: huurder die niet instemde kan binnen 8 weken na schriftelijke "
     "kennisgeving de rechter vragen"),
    ("moving_allowance_eur", "7156", date(2023, 3, 1),
     "art. 7:220 lid 5 BW; Staatscourant 2023 (minimumbedrag verhuis- en inrichtingskosten)"),
    ("moving_allowance_eur", "7428", date(2024, 2, 29),
     "art. 7:220 lid 5 BW; Staatscourant 2024 (minimumbedrag verhuis- en inrichtingskosten)"),
]


def _open(paths: Paths, key: bytes) -> Workspace:
    from renodesk.core.workspace import Workspace
    from renodesk.storage import migrate
    from renodesk.storage.engine import open_engine

    engine = open_engine(paths.database, key)
    # The backup before an upgrade, and the upgrade, run under the caller's lock.
    migrate.upgrade(engine, paths.database, paths.backups, known_head=SCHEMA_HEAD)
    return Workspace.attach(engine)


def _release_on_close(workspace: Workspace, lock: WorkspaceLock) -> Workspace:
    """Hold ``lock`` until the workspace closes (its engine disposed, or dropped)."""
    from sqlalchemy import event

    event.listen(workspace.engine, "engine_disposed", lambda _engine: lock.release())
    weakref.finalize(workspace.engine, lock.release)
    return workspace


def exists(paths: Paths) -> bool:
    return paths.workspace_file.exists() and paths.database.exists()


def open_workspace(paths: Paths, passphrase: keys.PassphraseProvider | None = None, *,
                   program: str = workspace_lock.ANY_PROGRAM,
                   read_only: bool = False) -> Workspace:
    """Open an existing workspace. A wrong passphrase or missing key changes nothing.

    ``program`` (``workspace_lock.WINDOW`` or a command's label) is named to whoever tries
    to open the workspace while this one holds it: they get WorkspaceLocked. ``read_only``
    opens beside such a holder (``renodesk info``); see ``_open_read_only``.
    """
    if not exists(paths):
        raise WorkspaceError("error.no_workspace", path=str(paths.root))
    if read_only:
        return _open_read_only(paths, passphrase, program)
    lock = workspace_lock.acquire(paths.root, program)
    try:
        workspace = _open(paths, _key_while_importing(paths, passphrase))
    except BaseException:
        lock.release()
        raise
    return _release_on_close(workspace, lock)


#: What opening a workspace imports: a third of a second of Python work.
_DATA_LAYER = ("renodesk.core.workspace", "renodesk.storage.engine", "renodesk.storage.migrate")


def _key_while_importing(paths: Paths, passphrase: keys.PassphraseProvider | None) -> bytes:
    """The workspace key. Deriving it from a passphrase (scrypt, ~0.1 s) releases the GIL,
    so the data layer is imported meanwhile; the prompt, if any, comes first."""
    compute = keys.key_source(paths.workspace_file, passphrase)
    with ThreadPoolExecutor(1, thread_name_prefix="renodesk-key") as pool:
        key = pool.submit(compute)
        for module in _DATA_LAYER:
            importlib.import_module(module)
        return key.result()


def _open_read_only(paths: Paths, passphrase: keys.PassphraseProvider | None,
                    program: str) -> Workspace:
    """A workspace that only reads, and can run while another program writes it.

    Its connections refuse writes (``PRAGMA query_only``). It takes the lock only for
    a moment, to upgrade the schema if a new version needs that; when another program
    holds the lock and the schema is not current, it gets that program's WorkspaceLocked.
    """
    from renodesk.storage import migrate
    from renodesk.storage.engine import open_engine

    lock: WorkspaceLock | None = None
    busy: WorkspaceLocked | None = None
    try:
        lock = workspace_lock.acquire(paths.root, program)
    except WorkspaceLocked as exc:
        busy = exc
    try:
        engine = open_engine(paths.database, keys.load_key(paths.workspace_file, passphrase))
        if lock is not None:
            migrate.upgrade(engine, paths.database, paths.backups, known_head=SCHEMA_HEAD)
    finally:
        if lock is not None:
            lock.release()
    if busy is not None and migrate.current_revision(engine) != SCHEMA_HEAD:
        engine.dispose()
        raise busy
    from renodesk.core.workspace import Workspace

    workspace = Workspace.attach(engine)
    _refuse_writes(engine)
    return workspace


def _refuse_writes(engine: Engine) -> None:
    from sqlalchemy import event

    def query_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    engine.dispose()  # the connections opened so far could still write
    event.listen(engine, "connect", query_only)


def _refuse_if_exists(paths: Paths) -> None:
    if paths.workspace_file.exists() or paths.database.exists():
        raise WorkspaceError("error.workspace_exists", path=str(paths.root))


def init_workspace(
    paths: Paths,
    organisation: str,
    coach: str,
    passphrase: keys.PassphraseProvider | None = None,
    demo: bool = False,
    program: str = workspace_lock.ANY_PROGRAM,
) -> Workspace:
    """Create a new, empty workspace with its key, schema, organisation and legal figures.
    It is open (and locked for ``program``) as ``open_workspace`` leaves it."""
    _refuse_if_exists(paths)
    if not organisation.strip() or not coach.strip():
        raise WorkspaceError("error.init_names")
    paths.ensure()
    lock = workspace_lock.acquire(paths.root, program)
    try:
        # Again under the lock: another program may have made one since the check above.
        _refuse_if_exists(paths)
    except WorkspaceError:
        lock.release()
        raise
    try:
        key = keys.create_key(paths.workspace_file, passphrase, demo=demo)
        workspace = _open(paths, key)
    except BaseException:
        # Leave no half-made workspace behind (before the lock lets anyone else in).
        for leftover in (paths.workspace_file, paths.database,
                         Path(str(paths.database) + "-wal"), Path(str(paths.database) + "-shm")):
            leftover.unlink(missing_ok=True)
        lock.release()
        raise
    _release_on_close(workspace, lock)
    from renodesk.core.workspace import write_meta

    workspace.actor = coach.strip()
    with workspace.write() as uow:
        write_meta(uow.conn, "coach_name", coach.strip())
        # Seeded records have fixed ids, so every workspace of a team holds the same ones
        # and sync or import updates them instead of doubling them.
        uow.create("organisation", {"name": organisation}, row_id=ORGANISATION_ID)
        for figure_key, value, valid_from, source in LEGAL_FIGURES:
            uow.create("legal_figure", {"key": figure_key, "value": value,
                                        "valid_from": valid_from, "source": source},
                       row_id=seed_id(f"legal_figure:{figure_key}:{valid_from.isoformat()}"))
    return workspace


def seed_id(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"renodesk:{name}").hex
