"""A project at a glance for the project leader: the figures behind the dashboard and report.

Reuses the records' read side (the consent tally, the household filters of the
contact ladder) and adds what only an overview needs: counts per category and the
households behind each bar, so a click on a bar can list them.

Vulnerabilities are counted only for households whose consent stands (the same rule
as the profile): a withdrawn consent takes a household out of every sensitive count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from renodesk.core import enums
from renodesk.core.errors import NotFoundError
from renodesk.core.queries.households import HouseholdFilter, household_ids
from renodesk.core.queries.projects import ConsentTally, consent_tally

#: The contact ladder: this many tries in a row without reaching the tenant.
NOT_REACHED_TRIES = 3

#: A household counts as visited after at least one visit with this status.
VISITED = "done"

_BASIS = "h.consent_basis != 'none' AND h.consent_withdrawn_date IS NULL"


@dataclass(frozen=True)
class Bucket:
    """What one bar of a chart stands for: ``kind`` and a vocabulary ``code``.

    Kinds: ``visited`` (code 'yes'/'no'), ``stance``, ``vulnerability``, ``adjustment``
    (a status), ``overdue_actions`` and ``not_reached`` (code '').
    """

    kind: str
    code: str = ""


@dataclass
class ProjectDashboard:
    project_id: str
    name: str
    code: str
    phase: str
    today: date
    households: int
    visited: int
    tally: ConsentTally
    vulnerable: int
    by_vulnerability: dict[str, int] = field(default_factory=dict)
    by_adjustment_status: dict[str, int] = field(default_factory=dict)
    overdue_actions: int = 0
    open_actions: int = 0
    not_reached: int = 0

    @property
    def not_visited(self) -> int:
        return self.households - self.visited

    @property
    def percent_visited(self) -> float:
        return 100.0 * self.visited / self.households if self.households else 0.0

    @property
    def undecided(self) -> int:
        """Households that have not said yes or no yet (undecided or not asked)."""
        return self.tally.undecided + self.tally.unknown


def project_dashboard(conn: Connection, project_id: str,
                      today: date | None = None) -> ProjectDashboard:
    """Every figure of one project's dashboard, on ``today``."""
    today = today or date.today()
    project = conn.execute(text("SELECT name, code, phase FROM project WHERE id = :p"),
                           {"p": project_id}).first()
    if project is None:
        raise NotFoundError("project", project_id)
    p = {"p": project_id}
    households = _count(conn, "SELECT count(*) FROM household h JOIN dwelling d ON "
                              "d.id = h.dwelling_id WHERE d.project_id = :p AND "
                              "h.status = 'active'", p)
    visited = _count(conn, f"SELECT count(*) FROM ({_VISITED_IDS})", p)
    by_vulnerability = {r[0]: int(r[1]) for r in conn.execute(text(
        "SELECT v.category, count(DISTINCT h.id) FROM vulnerability v "
        "JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id "
        f"WHERE d.project_id = :p AND h.status = 'active' AND {_BASIS} "
        "GROUP BY v.category"), p)}
    vulnerable = _count(conn, (
        "SELECT count(DISTINCT h.id) FROM vulnerability v "
        "JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id "
        f"WHERE d.project_id = :p AND h.status = 'active' AND {_BASIS}"), p)
    by_status = {r[0]: int(r[1]) for r in conn.execute(text(
        "SELECT status, count(*) FROM adjustment WHERE project_id = :p GROUP BY status"), p)}
    open_actions = _count(conn, f"SELECT count(*) FROM ({_ACTIONS}) a "
                                "WHERE a.done_date IS NULL", p)
    overdue = _count(conn, f"SELECT count(*) FROM ({_ACTIONS}) a WHERE a.done_date IS NULL "
                           "AND a.due_date < :today", {**p, "today": today})
    not_reached = len(household_ids(conn, HouseholdFilter(project_id=project_id,
                                                          not_reached=NOT_REACHED_TRIES)))
    return ProjectDashboard(
        project_id, project.name, project.code, project.phase, today, households, visited,
        consent_tally(conn, project_id, today), vulnerable,
        _ordered(by_vulnerability, enums.VulnerabilityCategory),
        _ordered(by_status, enums.AdjustmentStatus), overdue, open_actions, not_reached)


# Households of the project with at least one visit done.
_VISITED_IDS = f"""
    SELECT DISTINCT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id
    JOIN visit v ON v.household_id = h.id
    WHERE d.project_id = :p AND h.status = 'active' AND v.status = '{VISITED}'
"""

# Actions of the project: tied to it directly or through one of its households.
_ACTIONS = """
    SELECT a.id, a.household_id, a.due_date, a.done_date FROM action a
    WHERE a.project_id = :p OR a.household_id IN (
        SELECT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id
        WHERE d.project_id = :p)
"""


def _count(conn: Connection, sql: str, params: dict[str, Any]) -> int:
    return int(conn.execute(text(sql), params).scalar() or 0)


def _ordered(counts: dict[str, int], vocabulary: type[enums.Labelled]) -> dict[str, int]:
    """Counts in the vocabulary's order, every code present (0 where none)."""
    return {member.value: counts.get(member.value, 0) for member in vocabulary}


def bucket_household_ids(conn: Connection, project_id: str, bucket: Bucket,
                         today: date | None = None) -> list[str]:
    """The households behind one bar, in address order (what a click on it lists)."""
    today = today or date.today()
    if bucket.kind == "stance":
        return household_ids(conn, HouseholdFilter(project_id=project_id, stance=bucket.code))
    if bucket.kind == "vulnerability":
        return household_ids(conn, HouseholdFilter(project_id=project_id,
                                                   vulnerability=bucket.code))
    if bucket.kind == "not_reached":
        return household_ids(conn, HouseholdFilter(project_id=project_id,
                                                   not_reached=NOT_REACHED_TRIES))
    params: dict[str, Any] = {"p": project_id}
    if bucket.kind == "visited":
        inside = "IN" if bucket.code == "yes" else "NOT IN"
        where = f"h.id {inside} ({_VISITED_IDS})"
    elif bucket.kind == "adjustment":
        where = ("h.id IN (SELECT household_id FROM adjustment WHERE project_id = :p "
                 "AND status = :code)")
        params["code"] = bucket.code
    elif bucket.kind == "overdue_actions":
        where = (f"h.id IN (SELECT a.household_id FROM ({_ACTIONS}) a WHERE "
                 "a.done_date IS NULL AND a.due_date < :today)")
        params["today"] = today
    else:
        raise ValueError(f"unknown bucket {bucket.kind!r}")
    sql = ("SELECT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id "
           f"WHERE d.project_id = :p AND h.status = 'active' AND {where} "
           "ORDER BY d.postcode, d.number, d.addition, h.name")
    return [str(r[0]) for r in conn.execute(text(sql), params)]


@dataclass(frozen=True)
class DwellingLine:
    """One dwelling in the project leader's spreadsheet: counts and statuses only."""

    street: str
    number: int
    addition: str
    postcode: str
    city: str
    occupied: bool
    stance: str
    visits_done: int
    last_visit: date | None
    contact_attempts: int
    not_reached: bool
    adjustments: dict[str, int]
    open_actions: int
    overdue_actions: int


def dwelling_lines(conn: Connection, project_id: str,
                   today: date | None = None) -> list[DwellingLine]:
    """Per dwelling of the project: stance, visits, contact attempts, adjustments, actions.

    No names, no contact details, nothing sensitive: the sheet can travel by e-mail."""
    today = today or date.today()
    p = {"p": project_id}
    not_reached = set(household_ids(conn, HouseholdFilter(project_id=project_id,
                                                          not_reached=NOT_REACHED_TRIES)))
    adjustments: dict[str, dict[str, int]] = {}
    for r in conn.execute(text("SELECT household_id, status, count(*) FROM adjustment "
                               "WHERE project_id = :p GROUP BY household_id, status"), p):
        adjustments.setdefault(r[0], {})[r[1]] = int(r[2])
    rows = conn.execute(text("""
        SELECT d.street, d.number, d.addition, d.postcode, d.city, h.id AS hid, h.stance,
          (SELECT count(*) FROM visit v WHERE v.household_id = h.id AND v.status = 'done')
              AS visits_done,
          (SELECT max(v.planned_at) FROM visit v WHERE v.household_id = h.id
              AND v.status = 'done') AS last_visit,
          (SELECT count(*) FROM contact_moment c WHERE c.household_id = h.id) AS attempts,
          (SELECT count(*) FROM action a WHERE a.household_id = h.id AND a.done_date IS NULL)
              AS open_actions,
          (SELECT count(*) FROM action a WHERE a.household_id = h.id AND a.done_date IS NULL
              AND a.due_date < :today) AS overdue
        FROM dwelling d LEFT JOIN household h ON h.dwelling_id = d.id AND h.status = 'active'
        WHERE d.project_id = :p ORDER BY d.postcode, d.number, d.addition"""),
        {**p, "today": today})
    lines = []
    for r in rows:
        last = r.last_visit
        lines.append(DwellingLine(
            r.street, int(r.number), r.addition, r.postcode, r.city, r.hid is not None,
            r.stance or "", int(r.visits_done or 0),
            date.fromisoformat(str(last)[:10]) if last else None, int(r.attempts or 0),
            r.hid in not_reached,
            _ordered(adjustments.get(r.hid, {}), enums.AdjustmentStatus) if r.hid else {},
            int(r.open_actions or 0), int(r.overdue or 0)))
    return lines
