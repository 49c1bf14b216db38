"""Plain data a letter is rendered from. No database objects and no Qt: a command or a
view gathers these values and hands them to :func:`renodesk.letters.render_letter`.

Labels (a visit kind, an agreement's status, a role) arrive already translated into
the letter's language; the engine only writes out dates and times itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from renodesk.core.enums import LetterKind
from renodesk.core.i18n import t


@dataclass(frozen=True)
class Letterhead:
    """The corporation as it appears at the top of the letter and signs it."""

    organisation: str
    address_lines: tuple[str, ...]
    phone: str
    email: str
    website: str
    signatory_name: str
    signatory_role: str
    place: str  # written before the date: "Utrecht, 26 november 2026"
    logo: bytes | None = None  # PNG or JPEG; a broken logo gives a warning, not a failure


@dataclass(frozen=True)
class Recipient:
    """The household the letter goes to, as its address is written on the envelope."""

    name: str  # "Mevrouw G. Yılmaz" or "De bewoners van"
    street: str  # street and number with addition: "Kerkstraat 12 A"
    postcode: str  # "1234 AB"
    city: str
    salutation_name: str = ""  # "mevrouw Yılmaz"; empty gives "Beste bewoner,"


@dataclass(frozen=True)
class Person:
    """Someone to call: a name and a phone number (the B1 rule: always both)."""

    name: str
    phone: str


@dataclass(frozen=True)
class VisitInfo:
    """A home visit: planned (invitation, card) or held (report)."""

    when: datetime
    duration_minutes: int
    kind_label: str  # "Keukentafelgesprek"
    visitors: tuple[str, ...]  # "Anna de Vries (wooncoach)"
    purpose: str  # one or two short sentences, written by the coach
    to_have_ready: tuple[str, ...] = ()  # invitation: "uw huurcontract"
    attendees: tuple[str, ...] = ()  # report: who else was there (family, interpreter)
    summary: tuple[str, ...] = ()  # report: one paragraph per message


@dataclass(frozen=True)
class Agreement:
    """One agreed adjustment (maatwerkafspraak) as the tenant reads it."""

    what: str
    who: str
    when: date | None
    status_label: str
    category_label: str = ""  # "Verhuis- en inpakhulp"; shown above what was agreed


@dataclass(frozen=True)
class ContactPerson:
    """One line of the roster as a tenant needs it."""

    name: str
    role: str
    call_about: str
    phone: str


@dataclass(frozen=True)
class OnBehalfOf:
    """A letter to the household's contact person instead of the tenant: about whom,
    which home, and why the contact person gets it (the tenant died or moved out, or
    asked for post through them)."""

    tenant: str  # as the letter names the tenant: "mevrouw Yılmaz"
    address: str  # the tenant's home: "Kastanjelaan 12 A"
    reason: str  # "deceased", "moved" or "channel"


@dataclass(frozen=True)
class LetterRequest:
    """Everything one letter needs. ``language`` is the household's choice; a language
    without a template file falls back to Dutch with a warning."""

    kind: LetterKind
    letterhead: Letterhead
    recipient: Recipient
    letter_date: date
    contact: Person  # whom the tenant calls with questions or to move the appointment
    language: str = "nl"
    large_print: bool = False
    visit: VisitInfo | None = None  # needed for invitation, visit report and card
    agreements: tuple[Agreement, ...] = ()
    contact_persons: tuple[ContactPerson, ...] = ()
    # Set for a letter to the contact person: the recipient is that person then.
    on_behalf_of: OnBehalfOf | None = None
    # For a language printed together with Dutch (its template says "bilingual"): the
    # same letter gathered in Dutch. Without it the Dutch part repeats this request's
    # data (texts the coach wrote, labels) as they are.
    dutch: LetterRequest | None = None


@dataclass(frozen=True)
class LetterWarning:
    """Something the coach should know about a letter that was still produced."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class LetterResult:
    """A rendered PDF (one letter or a whole batch) and what went less than perfectly."""

    pdf: bytes
    warnings: tuple[LetterWarning, ...]
    page_count: int
