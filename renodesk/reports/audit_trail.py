"""The audit trail for the privacy officer: filter it, and export it to CSV.

Entries say who did what to which record, when and on which laptop; they never hold
the values themselves (see ``UnitOfWork.audit``), so an export is safe to hand over.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from renodesk.core.workspace import Workspace, table_of
from renodesk.reports.export_file import write_export

COLUMNS = ("at", "actor", "device_id", "action", "entity", "row_id", "household_id", "detail")
#: The screen shows at most this many entries; the export holds every match.
SCREEN_LIMIT = 5000


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show. Empty fields do not filter."""

    household_id: str = ""
    actor: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    device_id: str
    action: str
    entity: str
    row_id: str
    household_id: str | None
    detail: str


def _query(flt: AuditFilter) -> Any:
    audit = table_of("audit_entry")
    query = select(*(audit.c[name] for name in COLUMNS))
    if flt.household_id:
        # The screen shows the first characters of a household number; they are enough.
        query = query.where(audit.c.household_id.startswith(flt.household_id,
                                                            autoescape=True))
    if flt.actor:
        query = query.where(func.lower(audit.c.actor).contains(flt.actor.lower(),
                                                                autoescape=True))
    if flt.action:
        query = query.where(audit.c.action == flt.action)
    if flt.since:
        query = query.where(audit.c.at >= datetime.combine(flt.since, time.min))
    if flt.until:
        query = query.where(audit.c.at < datetime.combine(flt.until + timedelta(days=1),
                                                          time.min))
    return query.order_by(audit.c.at.desc(), audit.c.id)


def audit_rows(conn: Connection, flt: AuditFilter, limit: int | None = SCREEN_LIMIT
               ) -> list[AuditRow]:
    """Matching entries, newest first."""
    query = _query(flt)
    if limit:
        query = query.limit(limit)
    return [AuditRow(*row) for row in conn.execute(query)]


def export_csv(ws: Workspace, flt: AuditFilter, out: Path) -> int:
    """Write every matching entry to ``out`` (CSV, UTF-8 with BOM for Excel); the export
    is itself recorded in the audit trail. Returns the number of entries."""
    with ws.engine.connect() as conn:
        rows = audit_rows(conn, flt, limit=None)
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=";")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.at.isoformat(sep=" ", timespec="seconds"), row.actor,
                         row.device_id, row.action, row.entity, row.row_id,
                         row.household_id or "", row.detail])
    write_export(out, "\ufeff" + text.getvalue())  # the BOM: Excel reads it as UTF-8
    ws.record_access("export", "audit_entry", "0" * 32, flt.household_id or None,
                     f"csv:{len(rows)}")
    return len(rows)
