"""Projects at a glance: details, roster, partners, dwellings and the consent tally.

The 70% rule (art. 7:220 lid 3 BW) is read from the ``legal_figure`` table, never
from a constant: the threshold and the minimum number of dwellings valid on the day
asked about.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select, text

from renodesk.core.errors import NotFoundError
from renodesk.core.queries.common import address, as_date
from renodesk.storage.models import Project, table

_project = table(Project)


def legal_figure(conn: Connection, key: str, on: date | None = None) -> Decimal | None:
    """The value of a legal figure valid on ``on`` (today by default), or None if unknown."""
    value = conn.execute(text(
        "SELECT value FROM legal_figure WHERE key = :key AND valid_from <= :on "
        "ORDER BY valid_from DESC LIMIT 1"), {"key": key, "on": on or date.today()}).scalar()
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class ConsentTally:
    """Where a project stands against the 70% rule.

    Every active household in the project's dwellings counts once; the share of
    'yes' is taken over all of them, not just those who answered.
    """

    yes: int
    no: int
    undecided: int
    unknown: int
    dwellings: int
    threshold_percent: Decimal | None
    min_dwellings: int | None
    deadline: date | None
    days_to_deadline: int | None

    @property
    def total(self) -> int:
        return self.yes + self.no + self.undecided + self.unknown

    @property
    def percent_yes(self) -> float:
        return 100.0 * self.yes / self.total if self.total else 0.0

    @property
    def rule_applies(self) -> bool:
        """The 70% rule only holds for a complex of at least the minimum number of dwellings."""
        return self.min_dwellings is not None and self.dwellings >= self.min_dwellings

    @property
    def yes_needed(self) -> int | None:
        """How many 'yes' the threshold takes, or None when the threshold is unknown."""
        if self.threshold_percent is None:
            return None
        return math.ceil(self.threshold_percent * self.total / 100)

    @property
    def reached(self) -> bool:
        needed = self.yes_needed
        return needed is not None and self.total > 0 and self.yes >= needed

    @property
    def yes_short(self) -> int:
        """How many more 'yes' answers the threshold still needs (0 when reached)."""
        needed = self.yes_needed
        return max(0, needed - self.yes) if needed is not None else 0


def consent_tally(conn: Connection, project_id: str, today: date | None = None) -> ConsentTally:
    today = today or date.today()
    counts = {stance: int(n) for stance, n in conn.execute(text(
        "SELECT h.stance, count(*) FROM household h JOIN dwelling d ON d.id = h.dwelling_id "
        "WHERE d.project_id = :p AND h.status = 'active' GROUP BY h.stance"), {"p": project_id})}
    dwellings = int(conn.execute(text("SELECT count(*) FROM dwelling WHERE project_id = :p"),
                                 {"p": project_id}).scalar() or 0)
    deadline = as_date(conn.execute(text("SELECT consent_deadline FROM project WHERE id = :p"),
                                    {"p": project_id}).scalar())
    minimum = legal_figure(conn, "consent_min_dwellings", today)
    return ConsentTally(
        yes=counts.get("yes", 0), no=counts.get("no", 0), undecided=counts.get("undecided", 0),
        unknown=counts.get("unknown", 0), dwellings=dwellings,
        threshold_percent=legal_figure(conn, "consent_threshold_percent", today),
        min_dwellings=None if minimum is None else int(minimum),
        deadline=deadline,
        days_to_deadline=None if deadline is None else (deadline - today).days,
    )


@dataclass(frozen=True)
class ProjectRow:
    id: str
    name: str
    code: str
    phase: str
    dwellings: int
    households: int
    consent_deadline: date | None


def project_rows(conn: Connection) -> list[ProjectRow]:
    """Every project with its size, by name (a workspace holds tens, not thousands)."""
    rows = conn.execute(text("""
        SELECT p.id, p.name, p.code, p.phase, p.consent_deadline,
               (SELECT count(*) FROM dwelling d WHERE d.project_id = p.id) AS dwellings,
               (SELECT count(*) FROM household h JOIN dwelling d ON d.id = h.dwelling_id
                WHERE d.project_id = p.id AND h.status = 'active') AS households
        FROM project p ORDER BY p.name"""))
    return [ProjectRow(r.id, r.name, r.code, r.phase, int(r.dwellings), int(r.households),
                       as_date(r.consent_deadline)) for r in rows]


@dataclass(frozen=True)
class RosterItem:
    id: str
    member_id: str
    member_name: str
    role: str
    responsibilities: str
    phone: str
    email: str
    organisation: str


@dataclass(frozen=True)
class ProjectPartnerItem:
    id: str
    partner_id: str
    name: str
    kind: str
    role: str
    contact_name: str
    phone: str


@dataclass(frozen=True)
class DwellingItem:
    id: str
    address: str
    postcode: str
    city: str
    household_id: str | None
    household_name: str
    stance: str


@dataclass(frozen=True)
class ProjectDetail:
    project: dict[str, Any]
    roster: list[RosterItem]
    partners: list[ProjectPartnerItem]
    dwellings: list[DwellingItem]
    tally: ConsentTally


def project_detail(conn: Connection, project_id: str, today: date | None = None) -> ProjectDetail:
    """Details and phase, roster, partners, dwellings and the consent tally of one project."""
    # A table select (not raw SQL) so dates come back as dates.
    row = conn.execute(select(_project).where(_project.c.id == project_id)).mappings().first()
    if row is None:
        raise NotFoundError("project", project_id)
    params = {"p": project_id}
    roster = [
        RosterItem(r.id, r.member_id, r.name, r.role, r.responsibilities, r.phone, r.email,
                   r.organisation)
        for r in conn.execute(text(
            "SELECT r.id, r.member_id, r.role, r.responsibilities, m.name, m.phone, m.email, "
            "m.organisation FROM roster_entry r JOIN team_member m ON m.id = r.member_id "
            "WHERE r.project_id = :p ORDER BY r.role, m.name"), params)
    ]
    partners = [
        ProjectPartnerItem(r.id, r.partner_id, r.name, r.kind, r.role, r.contact_name, r.phone)
        for r in conn.execute(text(
            "SELECT pp.id, pp.partner_id, pp.role, p.name, p.kind, p.contact_name, p.phone "
            "FROM project_partner pp JOIN partner p ON p.id = pp.partner_id "
            "WHERE pp.project_id = :p ORDER BY p.name"), params)
    ]
    dwellings = [
        DwellingItem(r.id, address(r.street, r.number, r.addition), r.postcode, r.city,
                     r.hid, r.name or "", r.stance or "")
        for r in conn.execute(text(
            "SELECT d.id, d.street, d.number, d.addition, d.postcode, d.city, "
            "h.id AS hid, h.name, h.stance FROM dwelling d "
            "LEFT JOIN household h ON h.dwelling_id = d.id AND h.status = 'active' "
            "WHERE d.project_id = :p ORDER BY d.postcode, d.number, d.addition"), params)
    ]
    return ProjectDetail(dict(row), roster, partners, dwellings,
                         consent_tally(conn, project_id, today))
