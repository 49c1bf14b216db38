"""Privacy by design: the basis for sensitive data, what a screen may show, identifiers
typed into free text, and the retention review (AVG/GDPR).

Erasing data lives in :mod:`renodesk.core.erasure`; the subject-access export in
:mod:`renodesk.reports.inzage`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from renodesk.core import enums
from renodesk.core.errors import Problems, ValidationError
from renodesk.core.workspace import Change, Workspace, sensitive_fields, table_of

#: The empty value a sensitive field holds when nothing is recorded (or after erasure).
BLANK: dict[str, Any] = {"resistance_kind": "none"}


# --- the basis for sensitive data ------------------------------------------------


def visible_sensitive(household: Mapping[str, Any]) -> bool:
    """True when the household's sensitive data may be shown: a basis is recorded and
    consent was not withdrawn. Every screen and report that shows sensitive fields asks this."""
    return household.get("consent_basis", "none") != "none" and not household.get(
        "consent_withdrawn_date")


def blank_value(entity: str, field: str) -> Any:
    """The value a sensitive field holds when it is empty."""
    if entity == "household":
        return BLANK.get(field, "")
    return ""


def redact(entity: str, row: Mapping[str, Any], shown: bool) -> dict[str, Any]:
    """A copy of ``row`` with its sensitive fields blanked unless ``shown``."""
    copy = dict(row)
    if not shown:
        for name in sensitive_fields(entity):
            if name in copy:
                copy[name] = blank_value(entity, name)
    return copy


def set_consent(ws: Workspace, household_id: str, basis: str, consent_date: date | None,
                scope: str) -> Change | None:
    """Record the basis for sensitive data: explicit consent needs its date and scope,
    another basis needs a note saying which (kept in ``consent_scope``). A new basis
    ends an earlier withdrawal."""
    problems: Problems = {}
    if basis == enums.ConsentBasis.EXPLICIT_CONSENT and consent_date is None:
        problems["consent_date"] = ("privacy.consent.date_needed", {})
    if basis != enums.ConsentBasis.NONE and not scope.strip():
        problems["consent_scope"] = ("privacy.consent.scope_needed", {})
    if problems:
        raise ValidationError(problems)
    return ws.update("household", household_id, {
        "consent_basis": basis, "consent_date": consent_date, "consent_scope": scope.strip(),
        "consent_withdrawn_date": None})


@dataclass(frozen=True)
class SensitiveHoldings:
    """How much sensitive data is still stored about a household (no values)."""

    household_fields: tuple[str, ...]
    vulnerabilities: int
    involvement_roles: int
    visit_notes: int

    @property
    def total(self) -> int:
        return (len(self.household_fields) + self.vulnerabilities + self.involvement_roles
                + self.visit_notes)


def sensitive_holdings(conn: Connection, household_id: str) -> SensitiveHoldings:
    """What sensitive data the workspace holds about one household, counted."""
    households = table_of("household")
    row = conn.execute(select(households).where(households.c.id == household_id)).mappings().one()
    filled = tuple(sorted(name for name in sensitive_fields("household")
                          if row[name] not in (None, "", blank_value("household", name))))

    def count(entity: str, extra: Any = None) -> int:
        target = table_of(entity)
        query = select(func.count()).select_from(target).where(
            target.c.household_id == household_id)
        if extra is not None:
            query = query.where(extra(target))
        return int(conn.execute(query).scalar() or 0)

    return SensitiveHoldings(filled, count("vulnerability"),
                             count("involvement", lambda t: t.c.role != ""),
                             count("visit", lambda t: t.c.notes != ""))


@dataclass(frozen=True)
class Withdrawal:
    """Consent withdrawn: the change, and the sensitive data now proposed for erasure."""

    change: Change | None
    holdings: SensitiveHoldings


def withdraw_consent(ws: Workspace, household_id: str, on: date | None = None) -> Withdrawal:
    """The tenant withdrew consent: from now on every screen hides the sensitive fields and
    nothing sensitive can be added. The data itself is proposed for erasure (the caller
    offers :func:`renodesk.core.erasure.erase_household` with ``sensitive_only``)."""
    change = ws.update("household", household_id,
                       {"consent_withdrawn_date": on or date.today()})
    with ws.engine.connect() as conn:
        holdings = sensitive_holdings(conn, household_id)
    return Withdrawal(change, holdings)


# --- identifiers typed into free text (data minimisation) ------------------------

_BSN = re.compile(r"(?<![\w.-])(\d{4}[ .-]?\d{2}[ .-]?\d{3}|\d{3}[ .-]?\d{3}[ .-]?\d{3})"
                  r"(?![\w-]|\.\d)")
_IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30})(?![A-Za-z0-9])")
#: IBAN lengths of the countries a Dutch tenant's account is most likely in.
IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "LU": 20, "GB": 22, "ES": 24,
                "PL": 28, "TR": 26, "IT": 27, "PT": 25, "AT": 20}


def bsn_valid(number: str) -> bool:
    """The eleven-test (elfproef) of a Dutch citizen service number (BSN), 9 digits."""
    digits = re.sub(r"\D", "", number)
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def iban_valid(text: str) -> bool:
    """ISO 13616 check: known length for its country and mod-97 remainder 1."""
    iban = re.sub(r"\s", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    if IBAN_LENGTHS.get(iban[:2], len(iban)) != len(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


@dataclass(frozen=True)
class TextWarning:
    """Something in a free-text field that looks like a BSN or an IBAN (never an error)."""

    field: str
    kind: str  # "bsn" or "iban"
    start: int
    end: int

    @property
    def key(self) -> str:
        return f"privacy.warning.{self.kind}"


def find_identifiers(text: str, field: str = "") -> list[TextWarning]:
    """Valid BSNs (eleven-test) and IBANs (mod-97) in ``text``; positions, no values."""
    found: list[TextWarning] = []
    for match in _IBAN.finditer(text):
        candidate = match.group(1)
        # The account part may run into the next word; try the longest valid prefix.
        compact = re.sub(r"\s", "", candidate)
        length = IBAN_LENGTHS.get(compact[:2].upper())
        if length and len(compact) >= length:
            compact = compact[:length]
        if iban_valid(compact):
            found.append(TextWarning(field, "iban", match.start(1), match.end(1)))
    for match in _BSN.finditer(text):
        if bsn_valid(match.group(1)) and not any(
                w.start <= match.start(1) < w.end for w in found):
            found.append(TextWarning(field, "bsn", match.start(1), match.end(1)))
    return sorted(found, key=lambda w: w.start)


def check_free_text(entity: str, values: Mapping[str, Any]) -> list[TextWarning]:
    """Warnings for the text fields of ``values`` that hold a BSN or an IBAN.

    Warnings, not errors: the coach is asked to remove the number (RenoDesk has no
    place for a BSN or an account number), but saving is not blocked."""
    target = table_of(entity)
    warnings: list[TextWarning] = []
    for name, value in values.items():
        if isinstance(value, str) and name in target.c and name != "id" and value:
            warnings.extend(find_identifiers(value, name))
    return warnings


# --- retention ---------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True)
class RetentionItem:
    """A household whose data is due for erasure under the organisation's policy."""

    household_id: str
    name: str
    project_code: str
    #: "sensitive": sensitive data after the project's aftercare ended;
    #: "household": the whole record after the tenancy ended.
    scope: str
    due_since: date
    reference_date: date


def retention_review(conn: Connection, today: date | None = None) -> list[RetentionItem]:
    """What is due for erasure today, oldest first.

    Sensitive data is due ``retention_sensitive_months`` after the project's aftercare
    ended (only while some is still held); the whole household is due
    ``retention_contact_months`` after its tenancy ended. 0 months switches a rule off.
    """
    today = today or date.today()
    organisation = table_of("organisation")
    policy = conn.execute(select(organisation.c.retention_sensitive_months,
                                 organisation.c.retention_contact_months)).first()
    if policy is None:
        return []
    sensitive_months, contact_months = int(policy[0] or 0), int(policy[1] or 0)
    h, d, p = table_of("household"), table_of("dwelling"), table_of("project")
    rows = conn.execute(
        select(h.c.id, h.c.name, h.c.tenancy_end_date, p.c.code, p.c.aftercare_end_date)
        .join(d, d.c.id == h.c.dwelling_id).join(p, p.c.id == d.c.project_id)
        .where((h.c.tenancy_end_date.is_not(None)) | (p.c.aftercare_end_date.is_not(None)))
    ).all()
    items: list[RetentionItem] = []
    for row in rows:
        if contact_months and row.tenancy_end_date:
            due = add_months(row.tenancy_end_date, contact_months)
            if due <= today:
                items.append(RetentionItem(row.id, row.name, row.code, "household", due,
                                           row.tenancy_end_date))
                continue
        if sensitive_months and row.aftercare_end_date:
            due = add_months(row.aftercare_end_date, sensitive_months)
            if due <= today and sensitive_holdings(conn, row.id).total:
                items.append(RetentionItem(row.id, row.name, row.code, "sensitive", due,
                                           row.aftercare_end_date))
    return sorted(items, key=lambda item: (item.due_since, item.name))
