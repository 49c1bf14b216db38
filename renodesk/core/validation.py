"""Field rules of the domain: normalise good input, name what is wrong in bad input.

Each rule takes the raw value and returns the normalised one or raises
``Invalid(message_key, **params)``. Rules know nothing of storage or Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from renodesk.core import enums
from renodesk.core.errors import Problems, ValidationError

MAX_SHORT = 200
MAX_TEXT = 20_000  # about eight printed pages; longer is a paste gone wrong


class Invalid(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


Rule = Callable[[Any], Any]

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def postcode(value: Any) -> str:
    """Dutch postcode, normalised to ``1234 AB``. SA, SD and SS are never issued."""
    match = _POSTCODE.match(str(value or ""))
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        raise Invalid("validation.postcode", value=str(value or ""))
    return f"{match.group(1)} {match.group(2).upper()}"


def phone(value: Any) -> str:
    """Dutch or international phone number, kept readable; empty is allowed."""
    text = str(value or "").strip()
    if not text:
        return ""
    digits = re.sub(r"[\s\-().]", "", text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("+31"):
        national = "0" + digits[3:]
    elif digits.startswith("+"):
        if not re.fullmatch(r"\+[1-9][0-9]{7,14}", digits):
            raise Invalid("validation.phone", value=text)
        return digits
    else:
        national = digits
    if not re.fullmatch(r"0[1-9][0-9]{8}", national):
        raise Invalid("validation.phone", value=text)
    if national.startswith("06"):
        return f"{national[:2]}-{national[2:]}"
    return f"{national[:3]}-{national[3:]}"


def email(value: Any) -> str:
    text = str(value or "").strip()
    if text and not _EMAIL.match(text):
        raise Invalid("validation.email", value=text)
    return text.lower()


def text(limit: int = MAX_SHORT, required: bool = False) -> Rule:
    def rule(value: Any) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise Invalid("validation.text")
        cleaned = _CONTROL.sub("", value).strip() if limit <= MAX_SHORT else _CONTROL.sub("", value)
        if required and not cleaned.strip():
            raise Invalid("validation.required")
        if len(cleaned) > limit:
            raise Invalid("validation.too_long", limit=limit, length=len(cleaned))
        return cleaned

    return rule


def long_text(value: Any) -> str:
    return text(MAX_TEXT)(value)


def choice(vocabulary: type[StrEnum]) -> Rule:
    codes = {member.value for member in vocabulary}

    def rule(value: Any) -> str:
        code = getattr(value, "value", value)
        if code not in codes:
            raise Invalid("validation.choice", value=str(code))
        return str(code)

    return rule


def choices(vocabulary: type[StrEnum]) -> Rule:
    """A comma-separated set of codes (stored as text, sorted and unique)."""
    single = choice(vocabulary)

    def rule(value: Any) -> str:
        items: Iterable[Any] = value.split(",") if isinstance(value, str) else (value or [])
        return ",".join(sorted({single(item.strip() if isinstance(item, str) else item)
                                for item in items if str(item).strip()}))

    return rule


def optional_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        pass
    match = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*", str(value))
    if match:  # Dutch order: 26-11-2026
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            pass
    raise Invalid("validation.date", value=str(value))


def required_date(value: Any) -> date:
    result = optional_date(value)
    if result is None:
        raise Invalid("validation.required")
    return result


def moment(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    try:
        return datetime.fromisoformat(str(value).strip()).replace(tzinfo=None)
    except ValueError as exc:
        raise Invalid("validation.datetime", value=str(value)) from exc


def optional_moment(value: Any) -> datetime | None:
    return None if value in (None, "") else moment(value)


def integer(low: int, high: int, optional: bool = False) -> Rule:
    def rule(value: Any) -> int | None:
        if value in (None, "") and optional:
            return None
        try:
            number = int(value)
        except (TypeError, ValueError) as exc:
            raise Invalid("validation.number", value=str(value)) from exc
        if not low <= number <= high:
            raise Invalid("validation.range", low=low, high=high)
        return number

    return rule


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in {"1", "true", "ja", "yes", "j", "y"}:
        return True
    if str(value).strip().lower() in {"0", "false", "nee", "no", "n", ""}:
        return False
    raise Invalid("validation.flag", value=str(value))


def reference(value: Any) -> str | None:
    if value in (None, ""):
        return None
    text_value = str(value)
    if not re.fullmatch(r"[0-9a-f]{32}", text_value):
        raise Invalid("validation.reference", value=text_value)
    return text_value


def required_reference(value: Any) -> str:
    result = reference(value)
    if result is None:
        raise Invalid("validation.required")
    return result


def binary(value: Any) -> bytes | None:
    if value is None or isinstance(value, bytes):
        return value
    raise Invalid("validation.binary")


def language(value: Any) -> str:
    code = str(value or "nl").strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}|other", code):
        raise Invalid("validation.language", value=code)
    return code


# Required fields per entity, and the rule of every field a use case may set.
REQUIRED: dict[str, tuple[str, ...]] = {
    "organisation": ("name",),
    "team_member": ("name", "role"),
    "project": ("name", "code"),
    "roster_entry": ("project_id", "member_id", "role"),
    "partner": ("name", "kind"),
    "project_partner": ("project_id", "partner_id"),
    "dwelling": ("project_id", "street", "number", "postcode", "city"),
    "household": ("dwelling_id", "name"),
    "vulnerability": ("household_id", "category"),
    "involvement": ("household_id", "partner_id"),
    "contact_moment": ("household_id", "at", "channel", "outcome"),
    "visit": ("household_id", "planned_at", "kind"),
    "adjustment": ("household_id", "project_id", "category", "description"),
    "action": ("description",),
    "letter": ("household_id", "kind", "created_at", "pdf"),
    "audit_entry": ("at", "actor", "device_id", "action", "entity", "row_id"),
    "guidance_entry": ("theme_kind", "theme", "content_json"),
    "legal_figure": ("key", "value", "valid_from", "source"),
}

SHORT = text()
REQUIRED_SHORT = text(required=True)

RULES: dict[str, dict[str, Rule]] = {
    "organisation": {
        "name": REQUIRED_SHORT, "street": SHORT, "postcode": lambda v: postcode(v) if v else "",
        "city": SHORT, "phone": phone, "email": email, "website": SHORT, "logo": binary,
        "signatory_name": SHORT, "signatory_role": SHORT, "letter_language": language,
        "retention_sensitive_months": integer(0, 240), "retention_contact_months": integer(0, 240),
    },
    "team_member": {
        "name": REQUIRED_SHORT, "role": choice(enums.RosterRole), "organisation": SHORT,
        "phone": phone, "email": email, "is_coach": flag,
    },
    "project": {
        "name": REQUIRED_SHORT, "code": text(40, required=True), "complex_name": SHORT,
        "phase": choice(enums.ProjectPhase), "start_date": optional_date,
        "end_date": optional_date, "aftercare_end_date": optional_date, "inhabited": flag,
        "rent_change": SHORT, "social_plan_ref": SHORT, "consent_deadline": optional_date,
        "description": long_text,
    },
    "roster_entry": {
        "project_id": required_reference, "member_id": required_reference,
        "role": choice(enums.RosterRole), "responsibilities": long_text, "tenant_facing": flag,
    },
    "partner": {
        "name": REQUIRED_SHORT, "kind": choice(enums.PartnerKind), "contact_name": SHORT,
        "phone": phone, "email": email,
    },
    "project_partner": {
        "project_id": required_reference, "partner_id": required_reference, "role": SHORT,
    },
    "dwelling": {
        "project_id": required_reference, "street": REQUIRED_SHORT,
        "number": integer(1, 99999), "addition": text(10), "postcode": postcode,
        "city": REQUIRED_SHORT, "access_notes": long_text,
    },
    "household": {
        "dwelling_id": required_reference, "name": REQUIRED_SHORT, "salutation": SHORT,
        "birth_year": integer(1900, 2030, optional=True), "phone": phone, "email": email,
        "language": language, "interpreter_needed": flag, "reads_with_difficulty": flag,
        "large_print": flag, "preferred_channel": choice(enums.Channel),
        "contact_person_name": SHORT, "contact_person_relation": text(100),
        "contact_person_phone": phone, "contact_person_street": SHORT,
        "contact_person_postcode": lambda v: postcode(v) if v else "",
        "contact_person_city": text(100), "consent_basis": choice(enums.ConsentBasis),
        "consent_date": optional_date, "consent_scope": long_text,
        "consent_withdrawn_date": optional_date, "stance": choice(enums.Stance),
        "stance_signed_date": optional_date, "resistance_kind": choice(enums.ResistanceKind),
        "resistance_causes": choices(enums.ResistanceCause), "resistance_approach": long_text,
        "safety_note": long_text, "notes": long_text, "status": choice(enums.HouseholdStatus),
        "tenancy_end_date": optional_date,
    },
    "vulnerability": {
        "household_id": required_reference, "category": choice(enums.VulnerabilityCategory),
        "weight": integer(1, 3), "implications": long_text,
    },
    "involvement": {
        "household_id": required_reference, "partner_id": required_reference, "role": SHORT,
        "consent_to_share": flag,
    },
    "contact_moment": {
        "household_id": required_reference, "at": moment, "channel": choice(enums.Channel),
        "by_member_id": reference, "outcome": choice(enums.ContactOutcome),
        "summary": long_text,
    },
    "visit": {
        "household_id": required_reference, "planned_at": moment,
        "duration_minutes": integer(5, 600), "status": choice(enums.VisitStatus),
        "kind": choice(enums.VisitKind), "visitors": text(400), "attendees": text(400),
        "notes": long_text, "wishes": long_text, "worries": long_text,
        "finalised_at": optional_moment, "addenda": long_text,
    },
    "adjustment": {
        "household_id": required_reference, "project_id": required_reference,
        "visit_id": reference, "category": choice(enums.AdjustmentCategory),
        "description": text(MAX_TEXT, required=True), "responsible_member_id": reference,
        "responsible_partner_id": reference, "due_date": optional_date,
        "status": choice(enums.AdjustmentStatus),
        "cost_cents": integer(0, 100_000_000, optional=True), "agreed_date": optional_date,
    },
    "action": {
        "household_id": reference, "project_id": reference, "visit_id": reference,
        "description": text(MAX_TEXT, required=True), "for_whom": SHORT,
        "assignee_member_id": reference, "due_date": optional_date, "done_date": optional_date,
    },
    "letter": {
        "household_id": required_reference, "visit_id": reference,
        "kind": choice(enums.LetterKind), "language": language, "large_print": flag,
        "created_by": SHORT, "created_at": moment, "pdf": binary,
        "delivery": choice(enums.Delivery), "addressed_to": SHORT,
    },
    "audit_entry": {
        "at": moment, "actor": REQUIRED_SHORT, "device_id": REQUIRED_SHORT,
        "action": choice(enums.AuditAction), "entity": REQUIRED_SHORT,
        "row_id": REQUIRED_SHORT, "household_id": reference, "detail": text(400),
    },
    "guidance_entry": {
        "language": language, "theme_kind": choice(enums.GuidanceThemeKind),
        "theme": REQUIRED_SHORT, "content_json": text(MAX_TEXT * 5, required=True),
    },
    "legal_figure": {
        "key": REQUIRED_SHORT, "value": REQUIRED_SHORT, "valid_from": required_date,
        "source": text(400, required=True),
    },
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean(entity: str, values: dict[str, Any], creating: bool) -> dict[str, Any]:
    """Normalise ``values`` for ``entity``; raises ValidationError listing every problem."""
    rules = RULES[entity]
    problems: Problems = {}
    cleaned: dict[str, Any] = {}
    for field, value in values.items():
        rule = rules.get(field)
        if rule is None:
            problems[field] = ("validation.unknown_field", {"field": field})
            continue
        try:
            cleaned[field] = rule(value)
        except Invalid as exc:
            problems[field] = (exc.key, exc.params)
    required = REQUIRED.get(entity, ())
    for field in required:
        missing = (creating and field not in values) or (
            field in cleaned and cleaned[field] in (None, "")
        )
        # A required field left empty is "required", not '"" is not a number'.
        left_empty = field in problems and _blank(values.get(field))
        if (missing and field not in problems) or left_empty:
            problems[field] = ("validation.required", {})
    if problems:
        raise ValidationError(problems)
    return cleaned


def problems_of(entity: str, values: dict[str, Any], creating: bool,
                prefix: str = "") -> Problems:
    """The problems of ``values`` (none: an empty dict), keyed by ``prefix + field``: for a
    use case that checks several records first and reports every problem at once."""
    try:
        clean(entity, values, creating=creating)
    except ValidationError as exc:
        return exc.under(prefix)
    return {}
