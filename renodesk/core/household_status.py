"""A household that moved out or died, and back to active when that was a mistake.

The record stays: its history, letters and agreements remain for the team and for the
'what works' figures. What changes with the status follows the rules already in the
queries: only active households count in a project's consent tally (the 70% rule of
art. 7:220 lid 3 BW counts the tenants living there now; the dwelling itself still
counts), only active households get batch letters, and the household list hides the
others unless asked. Open work (planned visits, open agreements and actions) can be
closed in the same step, so it no longer shows up on anyone's list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text

from renodesk.core import enums
from renodesk.core.errors import ValidationError
from renodesk.core.queries.common import CLOSED_ADJUSTMENT
from renodesk.core.validation import Invalid, required_date
from renodesk.core.workspace import Change, UnitOfWork, Workspace

#: The statuses that end a tenancy (every status but 'active').
ENDED = (enums.HouseholdStatus.MOVED.value, enums.HouseholdStatus.DECEASED.value)

_CLOSED = "('" + "','".join(CLOSED_ADJUSTMENT) + "')"
_PLANNED_VISITS = "SELECT id FROM visit WHERE household_id = :h AND status = 'planned'"
_OPEN_ADJUSTMENTS = f"SELECT id FROM adjustment WHERE household_id = :h AND status NOT IN {_CLOSED}"
_OPEN_ACTIONS = "SELECT id FROM action WHERE household_id = :h AND done_date IS NULL"


@dataclass(frozen=True)
class OpenWork:
    """What is still planned or open for a household."""

    planned_visits: int = 0
    open_adjustments: int = 0
    open_actions: int = 0

    @property
    def total(self) -> int:
        return self.planned_visits + self.open_adjustments + self.open_actions


@dataclass(frozen=True)
class StatusChanged:
    """The household whose status changed, what was closed with it, and every change."""

    household_id: str
    status: str
    closed: OpenWork
    changes: tuple[Change, ...]


def _ids(conn: Connection, sql: str, household_id: str) -> list[str]:
    return [str(r[0]) for r in conn.execute(text(sql), {"h": household_id})]


def open_work(conn: Connection, household_id: str) -> OpenWork:
    """How many visits are planned and how many agreements and actions are open."""
    return OpenWork(*(len(_ids(conn, sql, household_id))
                      for sql in (_PLANNED_VISITS, _OPEN_ADJUSTMENTS, _OPEN_ACTIONS)))


def _close_open_work(uow: UnitOfWork, household_id: str, on: date) -> OpenWork:
    """Cancel planned visits, drop open agreements and close open actions (on ``on``)."""
    visits = _ids(uow.conn, _PLANNED_VISITS, household_id)
    adjustments = _ids(uow.conn, _OPEN_ADJUSTMENTS, household_id)
    actions = _ids(uow.conn, _OPEN_ACTIONS, household_id)
    for visit_id in visits:
        uow.update("visit", visit_id, {"status": "cancelled"})
    for adjustment_id in adjustments:
        uow.update("adjustment", adjustment_id, {"status": "dropped"})
    for action_id in actions:
        uow.update("action", action_id, {"done_date": on})
    return OpenWork(len(visits), len(adjustments), len(actions))


def end_tenancy(ws: Workspace, household_id: str, status: str, on: date | str | None,
                close_open_work: bool = False, today: date | None = None) -> StatusChanged:
    """The household moved out or died on ``on`` (required, not in the future).

    The date is kept as the end of the tenancy (retention periods count from it).
    With ``close_open_work`` planned visits are cancelled, open agreements dropped and
    open actions closed, all in the same transaction.
    """
    if status not in ENDED:
        raise ValidationError({"status": ("validation.choice", {"value": status})})
    ended = _end_date(on, today or date.today())
    with ws.write() as uow:
        uow.get("household", household_id)
        uow.update("household", household_id, {"status": status, "tenancy_end_date": ended})
        closed = _close_open_work(uow, household_id, ended) if close_open_work else OpenWork()
    return StatusChanged(household_id, status, closed, tuple(uow.changes))


def _end_date(on: date | str | None, today: date) -> date:
    """The end date as a date; a missing, unreadable or future date names the field."""
    try:
        ended = required_date(on)
    except Invalid as exc:
        raise ValidationError({"tenancy_end_date": (exc.key, exc.params)}) from exc
    if ended > today:
        raise ValidationError({"tenancy_end_date": ("household.status.future_date", {})})
    return ended


def reactivate(ws: Workspace, household_id: str) -> StatusChanged:
    """Undo a move or death recorded by mistake: active again, no end of tenancy.

    Refused when another household now lives at the address (it would count twice in
    the consent tally). Visits, agreements and actions closed before stay closed.
    """
    with ws.write() as uow:
        household = uow.get("household", household_id)
        living = uow.conn.execute(text(
            "SELECT 1 FROM household WHERE dwelling_id = :d AND status = 'active' AND id != :h"),
            {"d": household["dwelling_id"], "h": household_id}).first()
        if living is not None:
            raise ValidationError({"status": ("household.status.address_taken", {})})
        uow.update("household", household_id, {"status": "active", "tenancy_end_date": None})
    return StatusChanged(household_id, "active", OpenWork(), tuple(uow.changes))
