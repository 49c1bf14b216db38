"""Visits, adjustments (maatwerkafspraken) and actions: lists with status and overdue flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text

from renodesk.core.queries.common import (
    CLOSED_ADJUSTMENT,
    address,
    as_date,
    as_datetime,
    by_id,
    chunks,
    is_overdue,
)


@dataclass(frozen=True)
class WorkFilter:
    """Filter shared by the visit, adjustment and action lists. Empty fields do not filter."""

    project_id: str | None = None
    household_id: str | None = None
    status: str | None = None
    #: Adjustments and actions: only those still open (not done / dropped).
    open_only: bool = False
    overdue_only: bool = False
    date_from: date | None = None
    date_to: date | None = None


def _work_where(flt: WorkFilter, alias: str, project_col: str) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if flt.project_id:
        where.append(f"{project_col} = :project_id")
        params["project_id"] = flt.project_id
    if flt.household_id:
        where.append(f"{alias}.household_id = :household_id")
        params["household_id"] = flt.household_id
    return where, params


@dataclass(frozen=True)
class VisitRow:
    id: str
    household_id: str
    household_name: str
    address: str
    planned_at: datetime
    kind: str
    status: str
    visitors: str
    finalised: bool


def visit_ids(conn: Connection, flt: WorkFilter) -> list[str]:
    """Ids of matching visits, the latest planned first."""
    where, params = _work_where(flt, "v", "d.project_id")
    join = ""
    if flt.project_id:
        join = " JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id"
    if flt.status:
        where.append("v.status = :status")
        params["status"] = flt.status
    if flt.date_from:
        where.append("v.planned_at >= :date_from")
        params["date_from"] = datetime.combine(flt.date_from, datetime.min.time())
    if flt.date_to:
        where.append("v.planned_at < :date_to")
        params["date_to"] = datetime.combine(flt.date_to, datetime.max.time())
    sql = (f"SELECT v.id FROM visit v{join}"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY v.planned_at DESC")
    return [str(r[0]) for r in conn.execute(text(sql), params)]


_VISIT_ROWS = text("""
    SELECT v.id, v.household_id, v.planned_at, v.kind, v.status, v.visitors, v.finalised_at,
           h.name, d.street, d.number, d.addition
    FROM visit v JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id
    WHERE v.id IN :ids
""").bindparams(bindparam("ids", expanding=True))


def visit_rows(conn: Connection, ids: Sequence[str]) -> list[VisitRow]:
    rows: list[Any] = []
    for part in chunks(ids):
        rows.extend(conn.execute(_VISIT_ROWS, {"ids": list(part)}))
    return [
        VisitRow(r.id, r.household_id, r.name, address(r.street, r.number, r.addition),
                 as_datetime(r.planned_at) or datetime.min, r.kind, r.status, r.visitors,
                 r.finalised_at is not None)
        for r in by_id(rows, ids)
    ]


@dataclass(frozen=True)
class AdjustmentRow:
    id: str
    household_id: str
    household_name: str
    address: str
    category: str
    description: str
    responsible: str
    due_date: date | None
    status: str
    overdue: bool


def adjustment_ids(conn: Connection, flt: WorkFilter, today: date | None = None) -> list[str]:
    """Ids of matching adjustments: the earliest due first, those without a date last."""
    today = today or date.today()
    where, params = _work_where(flt, "a", "a.project_id")
    closed = "('" + "','".join(CLOSED_ADJUSTMENT) + "')"
    if flt.status:
        where.append("a.status = :status")
        params["status"] = flt.status
    if flt.open_only or flt.overdue_only:
        where.append(f"a.status NOT IN {closed}")
    if flt.overdue_only:
        where.append("a.due_date < :today")
        params["today"] = today
    sql = ("SELECT a.id FROM adjustment a"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY a.due_date IS NULL, a.due_date, a.id")
    return [str(r[0]) for r in conn.execute(text(sql), params)]


_ADJUSTMENT_ROWS = text("""
    SELECT a.id, a.household_id, a.category, a.description, a.due_date, a.status,
           h.name, d.street, d.number, d.addition, m.name AS member, p.name AS partner
    FROM adjustment a JOIN household h ON h.id = a.household_id
         JOIN dwelling d ON d.id = h.dwelling_id
         LEFT JOIN team_member m ON m.id = a.responsible_member_id
         LEFT JOIN partner p ON p.id = a.responsible_partner_id
    WHERE a.id IN :ids
""").bindparams(bindparam("ids", expanding=True))


def adjustment_rows(conn: Connection, ids: Sequence[str],
                    today: date | None = None) -> list[AdjustmentRow]:
    today = today or date.today()
    rows: list[Any] = []
    for part in chunks(ids):
        rows.extend(conn.execute(_ADJUSTMENT_ROWS, {"ids": list(part)}))
    result = []
    for r in by_id(rows, ids):
        due = as_date(r.due_date)
        responsible = " / ".join(name for name in (r.member, r.partner) if name)
        result.append(AdjustmentRow(
            r.id, r.household_id, r.name, address(r.street, r.number, r.addition), r.category,
            r.description, responsible, due, r.status,
            is_overdue(due, r.status not in CLOSED_ADJUSTMENT, today)))
    return result


@dataclass(frozen=True)
class ActionRow:
    id: str
    household_id: str | None
    household_name: str
    description: str
    for_whom: str
    assignee: str
    due_date: date | None
    done_date: date | None
    overdue: bool


def action_ids(conn: Connection, flt: WorkFilter, today: date | None = None) -> list[str]:
    """Ids of matching actions: the earliest due first, those without a date last."""
    today = today or date.today()
    where, params = _work_where(flt, "a", "a.project_id")
    if flt.open_only or flt.overdue_only:
        where.append("a.done_date IS NULL")
    if flt.overdue_only:
        where.append("a.due_date < :today")
        params["today"] = today
    sql = ("SELECT a.id FROM action a"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY a.done_date IS NOT NULL, a.due_date IS NULL, a.due_date, a.id")
    return [str(r[0]) for r in conn.execute(text(sql), params)]


_ACTION_ROWS = text("""
    SELECT a.id, a.household_id, a.description, a.for_whom, a.due_date, a.done_date,
           h.name, m.name AS assignee
    FROM action a LEFT JOIN household h ON h.id = a.household_id
         LEFT JOIN team_member m ON m.id = a.assignee_member_id
    WHERE a.id IN :ids
""").bindparams(bindparam("ids", expanding=True))


def action_rows(conn: Connection, ids: Sequence[str],
                today: date | None = None) -> list[ActionRow]:
    today = today or date.today()
    rows: list[Any] = []
    for part in chunks(ids):
        rows.extend(conn.execute(_ACTION_ROWS, {"ids": list(part)}))
    result = []
    for r in by_id(rows, ids):
        due, done = as_date(r.due_date), as_date(r.done_date)
        result.append(ActionRow(r.id, r.household_id, r.name or "", r.description, r.for_whom,
                                r.assignee or "", due, done, is_overdue(due, done is None, today)))
    return result
