"""Helpers for the folder-sync tests: laptops with real workspaces and one team folder."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from renodesk.app import init_workspace
from renodesk.core.workspace import Workspace
from renodesk.paths import Paths
from renodesk.security.keys import SecretStore, WorkspaceFile
from renodesk.sync.engine import SyncReport, sync
from renodesk.sync.team import Team, create_team, join_team, load_team

TEAM_PASSPHRASE = "keukentafel-overleg-7"


@dataclass
class Laptop:
    """One coach's laptop: a workspace and its place in the team."""

    paths: Paths
    ws: Workspace
    store: SecretStore

    @property
    def team(self) -> Team:
        return load_team(self.ws, self.store)

    def sync(self, **options: Any) -> SyncReport:
        return sync(self.ws, self.team, **options)

    def rows(self, entity: str) -> dict[str, dict[str, Any]]:
        from sqlalchemy import select

        from renodesk.core.workspace import table_of

        table = table_of(entity)
        with self.ws.engine.connect() as conn:
            return {r["id"]: dict(r) for r in conn.execute(select(table)).mappings()}


def new_laptop(root: Path, coach: str) -> Laptop:
    paths = Paths.resolve(root)
    ws = init_workspace(paths, "Woonstichting De Linde", coach)
    store = SecretStore(WorkspaceFile.read(paths.workspace_file).workspace_id)
    return Laptop(paths, ws, store)


def team_of(tmp: Path, count: int, folder: Path | None = None) -> tuple[Path, list[Laptop]]:
    """``count`` laptops in one team; the first created it."""
    folder = folder or tmp / "share"
    folder.mkdir(parents=True, exist_ok=True)
    laptops = [new_laptop(tmp / f"laptop{i}", f"Coach {i}") for i in range(count)]
    create_team(laptops[0].ws, laptops[0].store, folder, "Team Noord", TEAM_PASSPHRASE)
    for laptop in laptops[1:]:
        join_team(laptop.ws, laptop.store, folder, TEAM_PASSPHRASE)
    return folder, laptops


def make_household(laptop: Laptop, name: str = "Fam. Jansen-de Vries",
                   notes: str = "", code: str | None = None) -> str:
    """A project, dwelling and household made on one laptop; returns the household id."""
    with laptop.ws.write() as uow:
        project = uow.create("project", {"name": "Renovatie Lindenhof",
                                         "code": code or f"LH-{uuid.uuid4().hex[:12]}"})
        dwelling = uow.create("dwelling", {"project_id": project, "street": "Lindelaan",
                                           "number": 12, "postcode": "1234 AB",
                                           "city": "Utrecht"})
        household = uow.create("household", {
            "dwelling_id": dwelling, "name": name, "consent_basis": "explicit_consent",
            "notes": notes})
    return household


def state(laptop: Laptop) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced record of a laptop, by table and id."""
    from renodesk.storage.models import SYNCED_MODELS

    return {entity: laptop.rows(entity) for entity in SYNCED_MODELS}


def share_bytes(folder: Path) -> bytes:
    """Every byte of every file in the shared folder."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def tombstones(laptop: Laptop) -> int:
    with laptop.ws.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM sync_tombstone").scalar() or 0)


class HalfAYearLater(datetime):
    """A laptop's clock for tidying, 200 days on (past the 180-day horizon): patched in
    as a module's ``datetime``."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> HalfAYearLater:
        moment = datetime.now(tz) + timedelta(days=200)
        return cls.fromtimestamp(moment.timestamp(), tz)
