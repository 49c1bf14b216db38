"""The conflicts inbox: free text edited on two laptops at once, both versions kept.

Settling a conflict is an ordinary local edit (an operation that syncs), so every
laptop ends with the text the coach chose; the conflict is marked settled here and,
when that edit arrives, on the other laptops too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from renodesk.core.errors import NotFoundError
from renodesk.core.workspace import Change, Workspace, table_of
from renodesk.storage import codec, oplog
from renodesk.storage.models import SyncConflict
from renodesk.storage.models import table as table_for

_conflicts = table_for(SyncConflict)


@dataclass(frozen=True)
class Conflict:
    id: str
    entity: str
    row_id: str
    field: str
    kept: Any  # the value the field holds (the later edit)
    other: Any  # the concurrent version that was kept aside
    kept_hlc: str
    other_hlc: str
    created_at: datetime

    @property
    def is_record(self) -> bool:
        """A whole record set aside (two records with one unique key), not one field."""
        return self.field == oplog.CREATE_FIELD


def open_conflicts(ws: Workspace) -> list[Conflict]:
    with ws.engine.connect() as conn:
        rows = conn.execute(select(_conflicts).where(_conflicts.c.resolved_at.is_(None))
                            .order_by(_conflicts.c.created_at)).mappings().all()
    return [Conflict(r["id"], r["entity"], r["row_id"], r["field"],
                     json.loads(r["kept_value_json"]), json.loads(r["other_value_json"]),
                     r["kept_hlc"], r["other_hlc"], r["created_at"]) for r in rows]


def settle(ws: Workspace, conflict_id: str, value: Any = None) -> Change | None:
    """Settle a conflict with ``value`` (the kept text, the other, or a combination).

    A record conflict (``is_record``) is only marked settled; ``value`` is ignored.
    """
    with ws.write() as uow:
        row = uow.conn.execute(select(_conflicts).where(_conflicts.c.id == conflict_id)
                               ).mappings().first()
        if row is None:
            raise NotFoundError("sync_conflict", conflict_id)
        change = None
        entity, row_id, fld = row["entity"], row["row_id"], row["field"]
        if fld != oplog.CREATE_FIELD:
            current = uow.get(entity, row_id)[fld]
            value = codec.decode(table_of(entity), fld, value)
            change = uow.update(entity, row_id, {fld: value})
            if change is None and value == current:
                # Keeping the text as it is still has to reach the other laptops, so that
                # their copy of this conflict is settled too: write the value once more.
                change = uow.rewrite(entity, row_id, fld)
        now = datetime.now().replace(microsecond=0)
        uow.conn.execute(update(_conflicts).where(
            _conflicts.c.entity == entity, _conflicts.c.row_id == row_id,
            _conflicts.c.field == fld, _conflicts.c.resolved_at.is_(None)).values(resolved_at=now))
    return change
