"""The conflicts inbox: free text edited on two laptops at once, both versions kept.

Settling a conflict is an ordinary local edit (an operation that syncs), so every
laptop ends with the text the coach chose. The conflict is marked settled here, and an
audit entry (``change``, detail ``settled:<field>:<clock>:<clock>``) tells the other
laptops which two versions the coach saw and settled: only that conflict is settled
there too.

Only an explicit settle does that. A colleague who simply types on top of the kept
text has not seen the other version (it may not even have reached her laptop), so
the conflict stays in every inbox until a coach settles it: nothing typed is lost,
and nothing is hidden without someone having looked at both versions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

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
            value = codec.decode(table_of(entity), fld, value)
            change = uow.update(entity, row_id, {fld: value})  # None: kept as it is
        mark_settled(uow.conn, entity, row_id, fld, row["kept_hlc"], row["other_hlc"])
        record = uow.conn.execute(select(table_of(entity)).where(
            table_of(entity).c.id == row_id)).mappings().first()
        household = row_id if entity == "household" else (
            record.get("household_id") if record is not None else None)
        uow.audit("change", entity, row_id, household,
                  f"{SETTLED}:{fld}:{row['kept_hlc']}:{row['other_hlc']}")
    return change


#: Detail prefix of the audit entry that carries a settle to the other laptops.
SETTLED = "settled"


def mark_settled(conn: Connection, entity: str, row_id: str, fld: str, *clocks: str) -> int:
    """Mark settled the open conflicts on this field whose set-aside version is one of
    the versions (by clock) the coach had in front of her; the kept side is the text the
    field held, so nothing leaves the coach's view. Returns how many."""
    return conn.execute(update(_conflicts).where(
        _conflicts.c.entity == entity, _conflicts.c.row_id == row_id,
        _conflicts.c.field == fld, _conflicts.c.resolved_at.is_(None),
        _conflicts.c.other_hlc.in_(clocks),
    ).values(resolved_at=datetime.now().replace(microsecond=0))).rowcount or 0


def settled_elsewhere(conn: Connection, audit: dict[str, Any]) -> int:
    """A settle made on another laptop (its audit entry arrived): settle the same
    conflict here. Returns how many conflicts it settled."""
    parts = str(audit.get("detail") or "").split(":")
    if audit.get("action") != "change" or len(parts) != 4 or parts[0] != SETTLED:
        return 0
    return mark_settled(conn, str(audit.get("entity")), str(audit.get("row_id")), parts[1],
                        parts[2], parts[3])
