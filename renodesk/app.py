"""Composition root: opens (or creates) a workspace and builds the services once."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from pathlib import Path

from renodesk.core.errors import WorkspaceError
from renodesk.core.workspace import Workspace, write_meta
from renodesk.paths import Paths
from renodesk.security import keys

log = logging.getLogger(__name__)

#: Bumped with every new Alembic revision; lets a normal start skip importing Alembic.
SCHEMA_HEAD = "0002"

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
    from renodesk.storage import migrate
    from renodesk.storage.engine import open_engine

    engine = open_engine(paths.database, key)
    migrate.upgrade(engine, paths.database, paths.backups, known_head=SCHEMA_HEAD)
    return Workspace.attach(engine)


def exists(paths: Paths) -> bool:
    return paths.workspace_file.exists() and paths.database.exists()


def open_workspace(paths: Paths, passphrase: keys.PassphraseProvider | None = None) -> Workspace:
    """Open an existing workspace. A wrong passphrase or missing key changes nothing."""
    if not exists(paths):
        raise WorkspaceError("error.no_workspace", path=str(paths.root))
    key = keys.load_key(paths.workspace_file, passphrase)
    return _open(paths, key)


def init_workspace(
    paths: Paths,
    organisation: str,
    coach: str,
    passphrase: keys.PassphraseProvider | None = None,
    demo: bool = False,
) -> Workspace:
    """Create a new, empty workspace with its key, schema, organisation and legal figures."""
    if paths.workspace_file.exists() or paths.database.exists():
        raise WorkspaceError("error.workspace_exists", path=str(paths.root))
    if not organisation.strip() or not coach.strip():
        raise WorkspaceError("error.init_names")
    paths.ensure()
    try:
        key = keys.create_key(paths.workspace_file, passphrase, demo=demo)
        workspace = _open(paths, key)
    except BaseException:
        # Leave no half-made workspace behind.
        for leftover in (paths.workspace_file, paths.database,
                         Path(str(paths.database) + "-wal"), Path(str(paths.database) + "-shm")):
            leftover.unlink(missing_ok=True)
        raise
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
