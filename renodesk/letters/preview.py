"""A fictitious household and visit for previews: the organisation settings show the
letterhead on a sample letter, and the tests and benchmark render the same sample.
Every person and address here is made up."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from renodesk.core.enums import LetterKind
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

@dataclass(frozen=True)
class _Sample:
    kind: str
    purpose: str
    ready: tuple[str, ...]
    summary: tuple[str, ...]
    agreements: tuple[tuple[str, str, str], ...]  # what, who, status label
    roster: tuple[tuple[str, str, str, str], ...]  # name, role, call about, phone
    visitors: tuple[str, ...]
    attendees: tuple[str, ...]
    salutation: str


_CONTENT = {
    "nl": _Sample(
        kind="Keukentafelgesprek",
        purpose="Wij vertellen u over de plannen voor uw woning. En wij horen graag "
        "wat u nodig heeft tijdens de werkzaamheden.",
        ready=("uw huurcontract", "een lijst met vragen, als u die heeft",
               "de namen van mensen die u helpen"),
        summary=("U woont hier al 30 jaar en wilt graag blijven.",
                 "U maakt zich zorgen over het lawaai. U slaapt overdag door uw werk."),
        agreements=(("Een rustwoning tijdens de werkzaamheden", "Anna de Vries", "Afgesproken"),
                    ("Hulp bij het inpakken van de keuken", "Verhuisbedrijf Snel",
                     "In uitvoering"),
                    ("Een tolk bij het volgende gesprek", "Anna de Vries", "Klaar")),
        roster=(("Anna de Vries", "Wooncoach", "vragen over uw afspraken en de planning",
                 "06 12 34 56 78"),
                ("Łukasz Wiśniewski", "Opzichter", "vragen over de werkzaamheden in uw woning",
                 "06 98 76 54 32"),
                ("Nguyễn Văn An", "Bewonersbegeleider aannemer",
                 "de sleutel, de planning per dag en schade", "06 11 22 33 44")),
        visitors=("Anna de Vries (wooncoach)", "Zoë Çelik (opzichter)"),
        attendees=("uw zoon Emre",),
        salutation="mevrouw Yılmaz",
    ),
    "en": _Sample(
        kind="Kitchen-table talk",
        purpose="We tell you about the plans for your home. And we would like to hear "
        "what you need during the works.",
        ready=("your tenancy agreement", "a list of questions, if you have one",
               "the names of people who help you"),
        summary=("You have lived here for 30 years and would like to stay.",
                 "You worry about the noise. You sleep during the day because of your work."),
        agreements=(("A quiet flat to rest in during the works", "Anna de Vries", "Agreed"),
                    ("Help with packing the kitchen", "Verhuisbedrijf Snel", "In progress"),
                    ("An interpreter at the next talk", "Anna de Vries", "Done")),
        roster=(("Anna de Vries", "Tenant coach", "questions about your agreements and planning",
                 "06 12 34 56 78"),
                ("Łukasz Wiśniewski", "Site supervisor",
                 "questions about the works in your home", "06 98 76 54 32"),
                ("Nguyễn Văn An", "Contractor's tenant liaison",
                 "the key, the daily planning and damage", "06 11 22 33 44")),
        visitors=("Anna de Vries (tenant coach)", "Zoë Çelik (site supervisor)"),
        attendees=("your son Emre",),
        salutation="Mrs Yılmaz",
    ),
}


def _content(language: str) -> _Sample:
    """The sample in ``language``. Other languages than Dutch and English take their
    sentences from the template file, and keep what a coach types in Dutch (the summary,
    the agreements), as a real letter does."""
    if language in _CONTENT:
        return _CONTENT[language]
    from renodesk.letters.templates import load_texts

    texts, _ = load_texts(language)
    ready = (texts.text(f"visit_ready.kitchen_table_{n}") for n in (1, 2, 3))
    return replace(_CONTENT["nl"], purpose=texts.text("visit_purpose.kitchen_table"),
                   ready=tuple(item for item in ready if item),
                   salutation=f"{texts.text('salutation_titles.mevrouw')} Yılmaz")


def sample_request(
    kind: LetterKind,
    language: str = "nl",
    large_print: bool = False,
    letterhead: Letterhead = SAMPLE_LETTERHEAD,
    recipient: Recipient | None = None,
) -> LetterRequest:
    """A complete request for ``kind`` about the fictitious household; in a language that
    is printed with Dutch, with the Dutch letter as its twin."""
    from renodesk.letters.templates import load_texts

    content = _content(language)
    dutch = None
    if load_texts(language)[0].bilingual:
        dutch = sample_request(kind, "nl", large_print, letterhead, recipient)
    if recipient is None:
        recipient = replace(SAMPLE_RECIPIENT, salutation_name=content.salutation)
    visit = VisitInfo(
        when=datetime(2026, 11, 26, 10, 0),
        duration_minutes=60,
        kind_label=content.kind,
        visitors=content.visitors,
        purpose=content.purpose,
        to_have_ready=content.ready,
        attendees=content.attendees,
        summary=content.summary,
    )
    agreements = tuple(
        Agreement(what=what, who=who, when=date(2027, 1, 15 + i), status_label=status)
        for i, (what, who, status) in enumerate(content.agreements)
    )
    roster = tuple(ContactPerson(*row) for row in content.roster)
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
