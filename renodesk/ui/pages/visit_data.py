"""What the visits page reads and writes, run off the UI thread: the list, a visit
opened for editing (with its draft), and a saved report. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from renodesk.core.drafts import Draft, DraftStore, draft_key
from renodesk.core.privacy import redact, visible_sensitive
from renodesk.core.queries.common import address
from renodesk.core.queries.work import VisitRow, WorkFilter, visit_ids, visit_rows
from renodesk.core.visits import Outcome, VisitReport, record_visit
from renodesk.ui.models.base import BLOCK

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace


@dataclass(frozen=True)
class VisitList:
    """The visits that pass a filter: every id, and the first block of rows to show."""

    ids: list[str]
    first_rows: list[VisitRow]


@dataclass(frozen=True)
class OpenVisit:
    """A visit as the editor needs it, with a draft left behind if there is one."""

    visit: dict[str, Any]
    household_name: str
    address: str
    draft: Draft | None
    #: Agreements and actions already recorded at this visit.
    agreements: int = 0
    actions: int = 0
    #: False when consent is missing or withdrawn: the notes are blanked.
    sensitive_shown: bool = True


def list_visits(ws: Workspace, flt: WorkFilter) -> VisitList:
    """The visits that pass ``flt``: the latest first, or the next first from today on."""
    with ws.engine.connect() as conn:
        ids = visit_ids(conn, flt)  # the latest first: what happened most recently
        if flt.date_from:
            ids.reverse()  # "from today on": the next visit first
        return VisitList(ids, visit_rows(conn, ids[:BLOCK]))


def read_visit(ws: Workspace, visit_id: str) -> OpenVisit:
    """Read a visit for the editor (recorded as a view), sensitive text blanked without a
    basis, with the draft left behind if there is one."""
    household = ws.get("household", ws.get("visit", visit_id)["household_id"])
    # The same rule, and the same blanking, as the household's profile.
    shown = visible_sensitive(household)
    visit = redact("visit", ws.get("visit", visit_id), shown)
    draft = DraftStore(ws.engine).load(draft_key("visit", visit_id))
    if draft is not None and not shown:
        draft = replace(draft, content=redact("visit", draft.content, shown))
    dwelling = ws.get("dwelling", household["dwelling_id"])
    ws.record_access("view", "visit", visit_id, household["id"])
    with ws.engine.connect() as conn:
        agreements, actions = conn.execute(text(
            "SELECT (SELECT count(*) FROM adjustment WHERE visit_id = :v), "
            "(SELECT count(*) FROM action WHERE visit_id = :v)"), {"v": visit_id}).one()
    return OpenVisit(visit, household["name"],
                     address(dwelling["street"], dwelling["number"], dwelling["addition"]),
                     draft, int(agreements), int(actions), shown)


def household_label(ws: Workspace, household_id: str) -> str:
    """"Name, address" of a household, as the plan form's heading."""
    household = ws.get("household", household_id)
    dwelling = ws.get("dwelling", household["dwelling_id"])
    return (f"{household['name']}, "
            f"{address(dwelling['street'], dwelling['number'], dwelling['addition'])}")


def save_report(ws: Workspace, visit_id: str, report: VisitReport) -> Outcome:
    """Record the report and drop its draft; notes hidden for want of a basis stay as stored."""
    visit = ws.get("visit", visit_id)
    if not visible_sensitive(ws.get("household", visit["household_id"])):
        # The notes were hidden, not emptied by the coach: they stay as stored (erasing
        # them is the privacy officer's deliberate step).
        report = replace(report, notes=visit["notes"])
    outcome = record_visit(ws, visit_id, report)
    DraftStore(ws.engine).discard(draft_key("visit", visit_id))
    return outcome
