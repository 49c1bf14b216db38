"""A fictitious household and visit for previews: the organisation settings show the
letterhead on a sample letter, and the tests and benchmark render the same sample.
Every person and address here is made up."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from renodesk.core.enums import (
    AdjustmentCategory,
    AdjustmentStatus,
    LetterKind,
    RosterRole,
    VisitKind,
)
from renodesk.letters.data import (
    Agreement,
    ContactPerson,
    Letterhead,
    LetterRequest,
    Person,
    Recipient,
    VisitInfo,
)

SAMPLE_LETTERHEAD = Letterhead(
    organisation="Woonstichting De Voorbeeldhof",
    address_lines=("Postbus 1234", "3500 AB Utrecht"),
    phone="030 123 45 67",
    email="info@voorbeeldhof.example",
    website="www.voorbeeldhof.example",
    signatory_name="Anna de Vries",
    signatory_role="Wooncoach",
    place="Utrecht",
)

SAMPLE_RECIPIENT = Recipient(
    name="Mevrouw G. Yılmaz",
    street="Kastanjelaan 12 A",
    postcode="3512 XY",
    city="Utrecht",
    salutation_name="mevrouw Yılmaz",
)

#: What was agreed (typed by the coach, so per language below), by whom, its status and
#: category; the labels come from the letter's template.
_AGREEMENTS = (("Anna de Vries", AdjustmentStatus.AGREED, AdjustmentCategory.TEMPORARY_HOUSING),
               ("Verhuisbedrijf Snel", AdjustmentStatus.IN_PROGRESS,
                AdjustmentCategory.MOVING_HELP),
               ("Anna de Vries", AdjustmentStatus.DONE, AdjustmentCategory.COMMUNICATION))
_ROSTER = (("Anna de Vries", RosterRole.TENANT_COACH, "06 12 34 56 78"),
           ("Łukasz Wiśniewski", RosterRole.SUPERVISOR, "06 98 76 54 32"),
           ("Nguyễn Văn An", RosterRole.CONTRACTOR_COACH, "06 11 22 33 44"))
_VISITORS = (("Anna de Vries", RosterRole.TENANT_COACH), ("Zoë Çelik", RosterRole.SUPERVISOR))


@dataclass(frozen=True)
class _Sample:
    purpose: str
    ready: tuple[str, ...]
    summary: tuple[str, ...]
    agreements: tuple[str, ...]  # what was agreed, in the order of _AGREEMENTS
    call_about: tuple[str, ...]  # what to call each person of _ROSTER about
    attendees: tuple[str, ...]
    salutation: str


_CONTENT = {
    "nl": _Sample(
        purpose="Wij vertellen u over de plannen voor uw woning. En wij horen graag "
        "wat u nodig heeft tijdens de werkzaamheden.",
        ready=("uw huurcontract", "een lijst met vragen, als u die heeft",
               "de namen van mensen die u helpen"),
        summary=("U woont hier al 30 jaar en wilt graag blijven.",
                 "U maakt zich zorgen over het lawaai. U slaapt overdag door uw werk."),
        agreements=("Een rustwoning tijdens de werkzaamheden",
                    "Hulp bij het inpakken van de keuken", "Een tolk bij het volgende gesprek"),
        call_about=("vragen over uw afspraken en de planning",
                    "vragen over de werkzaamheden in uw woning",
                    "de sleutel, de planning per dag en schade"),
        attendees=("uw zoon Emre",),
        salutation="mevrouw Yılmaz",
    ),
    "en": _Sample(
        purpose="We tell you about the plans for your home. And we would like to hear "
        "what you need during the works.",
        ready=("your tenancy agreement", "a list of questions, if you have one",
               "the names of people who help you"),
        summary=("You have lived here for 30 years and would like to stay.",
                 "You worry about the noise. You sleep during the day because of your work."),
        agreements=("A quiet flat to rest in during the works", "Help with packing the kitchen",
                    "An interpreter at the next talk"),
        call_about=("questions about your agreements and planning",
                    "questions about the works in your home",
                    "the key, the daily planning and damage"),
        attendees=("your son Emre",),
        salutation="Mrs Yılmaz",
    ),
}


def _content(language: str, templates: Path | None) -> _Sample:
    """The sample in ``language``. Other languages than Dutch and English take their
    sentences from the template file, and keep what a coach types in Dutch (the summary,
    the agreements), as a real letter does."""
    if language in _CONTENT:
        return _CONTENT[language]
    from renodesk.letters.templates import load_texts

    texts, _ = load_texts(language, templates)
    ready = (texts.text(f"visit_ready.kitchen_table_{n}") for n in (1, 2, 3))
    return replace(_CONTENT["nl"], purpose=texts.text("visit_purpose.kitchen_table"),
                   ready=tuple(item for item in ready if item),
                   salutation=f"{texts.text('salutation_titles.mevrouw')} Yılmaz")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def sample_request(
    kind: LetterKind,
    language: str = "nl",
    large_print: bool = False,
    letterhead: Letterhead = SAMPLE_LETTERHEAD,
    recipient: Recipient | None = None,
    templates: Path | None = None,
) -> LetterRequest:
    """A complete request for ``kind`` about the fictitious household; in a language that
    is printed with Dutch, with the Dutch letter as its twin. ``templates``: the
    organisation's own template folder (its own languages and wording)."""
    from renodesk.letters.templates import load_texts

    content = _content(language, templates)
    texts = load_texts(language, templates)[0]
    dutch = None
    if texts.bilingual:
        dutch = sample_request(kind, "nl", large_print, letterhead, recipient, templates)
    if recipient is None:
        recipient = replace(SAMPLE_RECIPIENT, salutation_name=content.salutation)
    visit = VisitInfo(
        when=datetime(2026, 11, 26, 10, 0),
        duration_minutes=60,
        kind_label=texts.label(VisitKind.KITCHEN_TABLE),
        visitors=tuple(f"{name} ({_lower_first(texts.label(role))})" for name, role in _VISITORS),
        purpose=content.purpose,
        to_have_ready=content.ready,
        attendees=content.attendees,
        summary=content.summary,
    )
    agreements = tuple(
        Agreement(what=what, who=who, when=date(2027, 1, 15 + i),
                  status_label=texts.label(status), category_label=texts.label(category))
        for i, (what, (who, status, category)) in enumerate(
            zip(content.agreements, _AGREEMENTS, strict=True))
    )
    roster = tuple(ContactPerson(name, texts.label(role), about, phone)
                   for (name, role, phone), about in zip(_ROSTER, content.call_about, strict=True))
    return LetterRequest(
        kind=kind,
        letterhead=letterhead,
        recipient=recipient,
        letter_date=date(2026, 11, 20),
        contact=Person("Anna de Vries", "06 12 34 56 78"),
        language=language,
        large_print=large_print,
        visit=visit,
        agreements=agreements,
        contact_persons=roster,
        dutch=dutch,
    )
