"""The household list (search as you type, filters) and the profile of one household.

Sensitive data (vulnerabilities, resistance, notes) is left out of a profile when the
tenant withdrew consent or no basis was ever recorded; ``open_profile`` audits a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from renodesk.core.errors import NotFoundError
from renodesk.core.privacy import redact, visible_sensitive
from renodesk.core.queries.common import address, as_datetime, by_id, chunks
from renodesk.core.queries.timeline import Timeline, household_timeline
from renodesk.core.workspace import Workspace
from renodesk.storage.models import Dwelling, Household, Project, table
from renodesk.storage.search import search_terms

_household = table(Household)
_dwelling = table(Dwelling)
_project = table(Project)

#: A search returns at most this many households; a coach narrows the query instead.
SEARCH_LIMIT = 500


# --- households ---------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdFilter:
    """What the household list shows. Empty fields do not filter."""

    query: str = ""
    project_id: str | None = None
    vulnerability: str | None = None
    stance: str | None = None
    open_actions: bool = False
    #: Not reached: at least this many contact moments, and none of the last ones 'reached'.
    #: 0 switches the filter off.
    not_reached: int = 0
    include_inactive: bool = False


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    name: str
    address: str
    postcode: str
    city: str
    project_code: str
    stance: str
    status: str
    open_actions: int
    last_contact: datetime | None


def household_ids(conn: Connection, flt: HouseholdFilter) -> list[str]:
    """Ids of the households matching ``flt``, in address order (postcode, number)."""
    where: list[str] = []
    params: dict[str, Any] = {}
    terms = search_terms(flt.query)
    if terms:
        match_sql, match_params = _match_sql(terms)
        # The trigram index narrows first; the join then only orders the matches.
        where.append(f"h.id IN ({match_sql} LIMIT {SEARCH_LIMIT})")
        params.update(match_params)
    if not flt.include_inactive:
        where.append("h.status = 'active'")
    if flt.project_id:
        where.append("d.project_id = :project_id")
        params["project_id"] = flt.project_id
    if flt.stance:
        where.append("h.stance = :stance")
        params["stance"] = flt.stance
    if flt.vulnerability:
        where.append("h.consent_basis != 'none' AND h.consent_withdrawn_date IS NULL AND "
                     "EXISTS (SELECT 1 FROM vulnerability v WHERE v.household_id = h.id "
                     "AND v.category = :vulnerability)")
        params["vulnerability"] = flt.vulnerability
    if flt.open_actions:
        where.append("EXISTS (SELECT 1 FROM action a WHERE a.household_id = h.id "
                     "AND a.done_date IS NULL)")
    if flt.not_reached > 0:
        where.append(f"h.id IN ({_NOT_REACHED})")
        params["tries"] = flt.not_reached
    sql = ("SELECT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY d.postcode, d.number, d.addition, h.name")
    return [str(r[0]) for r in conn.execute(text(sql), params)]


def _match_sql(terms: list[str]) -> tuple[str, dict[str, str]]:
    """One pass over the search index: terms of three letters or more through the trigram
    index (all in one MATCH), shorter ones ("12", "b") as LIKE on just those matches."""
    params: dict[str, str] = {}
    long_terms = [t for t in terms if len(t) >= 3]
    where: list[str] = []
    if long_terms:
        params["match"] = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        where.append("household_search MATCH :match")
    for i, term in enumerate(t for t in terms if len(t) < 3):
        params[f"s{i}"] = "%" + term.replace("%", "").replace("_", "") + "%"
        where.append(f"body LIKE :s{i}")
    return "SELECT hid FROM household_search WHERE " + " AND ".join(where), params


# The last :tries contact moments of each household, none of them 'reached'.
_NOT_REACHED = """
    SELECT household_id FROM (
        SELECT household_id, outcome,
               row_number() OVER (PARTITION BY household_id ORDER BY at DESC) AS rn
        FROM contact_moment)
    WHERE rn <= :tries
    GROUP BY household_id
    HAVING count(*) >= :tries AND sum(outcome = 'reached') = 0
"""


def household_rows(conn: Connection, ids: Sequence[str]) -> list[HouseholdRow]:
    """Display rows of the given households, in the order of ``ids``."""
    rows: list[Any] = []
    for part in chunks(ids):
        rows.extend(conn.execute(_HOUSEHOLD_ROWS, {"ids": list(part)}))
    return [
        HouseholdRow(r.id, r.name, address(r.street, r.number, r.addition), r.postcode, r.city,
                     r.code, r.stance, r.status, int(r.open_actions or 0),
                     as_datetime(r.last_contact))
        for r in by_id(rows, ids)
    ]


_HOUSEHOLD_ROWS = text("""
    SELECT h.id, h.name, h.stance, h.status, d.street, d.number, d.addition, d.postcode,
           d.city, p.code,
           (SELECT count(*) FROM action a WHERE a.household_id = h.id AND a.done_date IS NULL)
               AS open_actions,
           (SELECT max(c.at) FROM contact_moment c WHERE c.household_id = h.id) AS last_contact
    FROM household h JOIN dwelling d ON d.id = h.dwelling_id JOIN project p ON p.id = d.project_id
    WHERE h.id IN :ids
""").bindparams(bindparam("ids", expanding=True))


# --- the profile of one household ----------------------------------------------------


@dataclass(frozen=True)
class VulnerabilityItem:
    id: str
    category: str
    weight: int
    implications: str


@dataclass(frozen=True)
class InvolvementItem:
    id: str
    partner_id: str
    partner_name: str
    partner_kind: str
    contact_name: str
    phone: str
    role: str
    consent_to_share: bool


@dataclass
class HouseholdProfile:
    """Everything a coach needs to know about one household (DESIGN.md §2)."""

    household: dict[str, Any]
    dwelling: dict[str, Any]
    project: dict[str, Any]
    #: False when consent is missing or withdrawn: sensitive fields are blanked.
    sensitive_shown: bool
    vulnerabilities: list[VulnerabilityItem] = field(default_factory=list)
    involvements: list[InvolvementItem] = field(default_factory=list)
    #: What happened and what is planned or open (see ``queries.timeline``).
    timeline: Timeline = field(default_factory=Timeline)

    @property
    def address(self) -> str:
        d = self.dwelling
        return address(d["street"], d["number"], d["addition"])


def household_profile(conn: Connection, household_id: str,
                      today: date | None = None) -> HouseholdProfile:
    """The profile of one household; raises NotFoundError when it does not exist."""
    today = today or date.today()
    # Table selects (not raw SQL) so dates come back as dates.
    row = conn.execute(select(_household).where(_household.c.id == household_id)).mappings().first()
    if row is None:
        raise NotFoundError("household", household_id)
    shown = visible_sensitive(dict(row))
    household = redact("household", dict(row), shown)
    d = _dwelling.c
    dwelling = dict(conn.execute(
        select(d.id, d.project_id, d.street, d.number, d.addition, d.postcode, d.city,
               d.access_notes).where(d.id == household["dwelling_id"])).mappings().one())
    p = _project.c
    project = dict(conn.execute(
        select(p.id, p.name, p.code, p.phase, p.consent_deadline)
        .where(p.id == dwelling["project_id"])).mappings().one())
    profile = HouseholdProfile(household, dwelling, project, shown)
    if shown:
        profile.vulnerabilities = vulnerability_items(conn, household_id)
    profile.involvements = involvement_items(conn, household_id, shown)
    profile.timeline = household_timeline(conn, household_id, today, shown)
    return profile


def vulnerability_items(conn: Connection, household_id: str) -> list[VulnerabilityItem]:
    """A household's vulnerabilities, most weighty first (sensitive: ask
    ``visible_sensitive`` before showing them)."""
    return [VulnerabilityItem(r.id, r.category, r.weight, r.implications)
            for r in conn.execute(text(
                "SELECT id, category, weight, implications FROM vulnerability "
                "WHERE household_id = :id ORDER BY weight DESC, category"), {"id": household_id})]


def involvement_items(conn: Connection, household_id: str,
                      sensitive_shown: bool) -> list[InvolvementItem]:
    """The partners involved with a household, by name; their role (sensitive) is blank
    unless ``sensitive_shown``."""
    return [InvolvementItem(r.id, r.partner_id, r.name, r.kind, r.contact_name, r.phone,
                            r.role if sensitive_shown else "", bool(r.consent_to_share))
            for r in conn.execute(text(
                "SELECT i.id, i.partner_id, i.role, i.consent_to_share, p.name, p.kind, "
                "p.contact_name, p.phone FROM involvement i "
                "JOIN partner p ON p.id = i.partner_id "
                "WHERE i.household_id = :id ORDER BY p.name"), {"id": household_id})]


def open_profile(ws: Workspace, household_id: str) -> HouseholdProfile:
    """Load a profile for the screen and audit the view when it shows sensitive data."""
    with ws.engine.connect() as conn:
        profile = household_profile(conn, household_id)
    if profile.sensitive_shown:
        ws.record_access("view", "household", household_id, household_id)
    return profile


