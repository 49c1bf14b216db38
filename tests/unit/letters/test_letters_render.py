"""Letters as the tenant receives them: readable names, dates in their language, every
kind in Dutch and English, large print, a broken logo that does not stop the letter."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, datetime

import pytest
from letters_pdf_helpers import page_count, page_runs, pdf_text
from PIL import Image

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.letters.data import Agreement, ContactPerson, LetterRequest, Recipient
from renodesk.letters.fonts import REGULAR, register_fonts
from renodesk.letters.layout import (
    CARD_BODY_TOP_MM,
    FIRST_BODY_TOP_MM,
    LATER_BODY_TOP_MM,
    MARGIN_BOTTOM_MM,
    PAGE_HEIGHT_MM,
)
from renodesk.letters.preview import SAMPLE_LETTERHEAD, sample_request
from renodesk.letters.render import Cancelled, render_batch, render_letter
from renodesk.letters.templates import load_texts

NAMES = ("Gülşen Yılmaz", "Łukasz Wiśniewski", "Nguyễn Văn An", "Zoë Çelik")


def with_agreements(request: LetterRequest, count: int) -> LetterRequest:
    rows = tuple(
        Agreement(what=f"Afspraak nummer {n:02d}: hulp bij het inpakken van kamer {n}",
                  who="Łukasz Wiśniewski", when=date(2027, 1 + n % 12, 1 + n % 28),
                  status_label="Afgesproken")
        for n in range(1, count + 1)
    )
    return dataclasses.replace(request, agreements=rows)


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_renders_in_both_languages(
    kind: LetterKind, language: str, large_print: bool
) -> None:
    result = render_letter(sample_request(kind, language, large_print))

    assert result.pdf.startswith(b"%PDF")
    assert result.warnings == ()
    text = pdf_text(result.pdf)
    texts, _ = load_texts(language)
    card = kind == LetterKind.NOT_HOME_CARD
    headline = "not_home_card.title" if card else f"{kind.value}.subject"
    expected = texts.text(headline, date=texts.date(datetime(2026, 11, 26)))
    assert " ".join(expected.split()) in text
    assert "Anna de Vries" in text and "06 12 34 56 78" in text
    assert result.page_count == page_count(result.pdf)


def test_names_with_diacritics_print_with_glyphs_from_the_embedded_font() -> None:
    recipient = Recipient(name="Mevrouw Gülşen Yılmaz", street="Kastanjelaan 12 A",
                          postcode="3512 XY", city="Utrecht", salutation_name="mevrouw Yılmaz")
    request = sample_request(LetterKind.CONTACT_PERSONS)
    zoe = ContactPerson("Zoë Çelik", "Opzichter", "de planning", "06 55 44 33 22")
    request = dataclasses.replace(request, recipient=recipient,
                                  contact_persons=(*request.contact_persons, zoe))

    result = render_letter(request)

    text = pdf_text(result.pdf)
    for name in NAMES:
        assert name in text
    assert b"DejaVuSans" in result.pdf  # the font travels inside the PDF
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    missing = {ch for name in NAMES for ch in name if ord(ch) not in face.charToGlyph}
    assert missing == set()


def test_dates_are_written_out_in_the_letters_language() -> None:
    dutch = pdf_text(render_letter(sample_request(LetterKind.INVITATION, "nl")).pdf)
    english = pdf_text(render_letter(sample_request(LetterKind.INVITATION, "en")).pdf)

    assert "Utrecht, 20 november 2026" in dutch
    assert "donderdag 26 november 2026" in dutch
    assert "van 10.00 tot 11.00 uur" in dutch
    assert "Utrecht, 20 November 2026" in english
    assert "Thursday 26 November 2026" in english
    assert "from 10:00 to 11:00" in english


def test_visit_report_lists_the_agreements_with_who_and_when() -> None:
    text = pdf_text(render_letter(sample_request(LetterKind.VISIT_REPORT, "nl")).pdf)

    assert "Een rustwoning tijdens de werkzaamheden" in text
    assert "Verhuisbedrijf Snel" in text
    assert "15 januari 2027" in text
    assert "Handtekening bewoner" in text and "Handtekening wooncoach" in text


def test_large_print_body_text_is_at_least_16_points() -> None:
    for kind in LetterKind:
        result = render_letter(sample_request(kind, "nl", large_print=True))
        body = []
        for number, runs in enumerate(page_runs(result.pdf)):
            if kind == LetterKind.NOT_HOME_CARD:
                top = CARD_BODY_TOP_MM
            else:
                top = FIRST_BODY_TOP_MM if number == 0 else LATER_BODY_TOP_MM
            body += [r for r in runs
                     if top <= r.baseline_mm <= PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM]
        assert body, kind
        assert min(r.size for r in body) >= 16, (kind, min(body, key=lambda r: r.size))


def test_normal_print_is_smaller_than_large_print() -> None:
    runs = page_runs(render_letter(sample_request(LetterKind.AGREEMENTS, "nl")).pdf)[0]
    assert min(r.size for r in runs if r.baseline_mm > FIRST_BODY_TOP_MM) < 16


def test_forty_agreements_flow_onto_a_second_page_without_overlap() -> None:
    request = with_agreements(sample_request(LetterKind.AGREEMENTS, "nl"), 40)

    result = render_letter(request)

    assert result.page_count >= 2
    text = pdf_text(result.pdf)
    for n in range(1, 41):
        assert text.count(f"Afspraak nummer {n:02d}:") == 1
    assert "Pagina 2 van" in text
    pages = page_runs(result.pdf)
    assert sum("Wie regelt het" in r.text for r in pages[1]) == 1  # header repeated
    for number, runs in enumerate(pages):
        top = FIRST_BODY_TOP_MM if number == 0 else LATER_BODY_TOP_MM
        body = [r for r in runs if r.baseline_mm >= top]
        footer_top = PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM
        content = [r for r in body if r.baseline_mm <= footer_top]
        assert all(r.bottom_mm <= footer_top for r in content)
        for i, a in enumerate(body):
            for b in body[i + 1:]:
                apart_vertically = a.bottom_mm <= b.top_mm + 0.3 or b.bottom_mm <= a.top_mm + 0.3
                apart_horizontally = a.right_mm <= b.left_mm or b.right_mm <= a.left_mm
                assert apart_vertically or apart_horizontally, (a, b)


def test_each_letter_of_a_batch_counts_its_own_pages() -> None:
    long_one = with_agreements(sample_request(LetterKind.AGREEMENTS, "nl"), 40)
    requests = [sample_request(LetterKind.INVITATION, "nl"), long_one,
                sample_request(LetterKind.NOT_HOME_CARD, "en"),
                sample_request(LetterKind.CONTACT_PERSONS, "en")]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    result = render_batch(requests, progress)

    text = pdf_text(result.pdf)
    assert text.count("Pagina 1 van 1") == 1
    long_pages = render_letter(long_one).page_count
    assert long_pages > 1
    assert f"Pagina 1 van {long_pages}" in text
    assert f"Pagina {long_pages} van {long_pages}" in text
    assert "Page 1 of 1" in text
    assert result.page_count == 1 + long_pages + 1 + 1
    assert calls == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_every_letter_of_a_batch_starts_with_letterhead_and_address() -> None:
    one_page = sample_request(LetterKind.AGREEMENTS)
    two_pages = with_agreements(one_page, 40)

    result = render_batch([one_page, one_page, two_pages, one_page])

    pages = page_runs(result.pdf)
    first_pages = [i for i, runs in enumerate(pages)
                   if any(r.text == "Kastanjelaan 12 A" for r in runs)]
    long_pages = render_batch([two_pages]).page_count
    assert first_pages == [0, 1, 2, 2 + long_pages]
    for i in first_pages:
        assert any(r.text == "Overzicht van uw afspraken" for r in pages[i])


def test_cancelling_a_batch_raises_cancelled() -> None:
    requests = [sample_request(LetterKind.AGREEMENTS)] * 5

    with pytest.raises(Cancelled):
        render_batch(requests, lambda done, total: done < 2)


def test_an_empty_batch_is_a_clear_error() -> None:
    with pytest.raises(RenoDeskError) as error:
        render_batch([])
    assert error.value.key == "letters.error.nothing_to_print"


def test_an_invitation_without_a_visit_is_refused() -> None:
    request = dataclasses.replace(sample_request(LetterKind.INVITATION), visit=None)
    with pytest.raises(RenoDeskError) as error:
        render_letter(request)
    assert error.value.key == "letters.error.visit_required"


def _png(width: int = 300, height: int = 120) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 80, 140)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("logo", [b"this is not an image", _png()[:200]],
                         ids=["garbage", "truncated"])
def test_a_broken_logo_still_gives_a_letter_and_a_warning(logo: bytes) -> None:
    letterhead = dataclasses.replace(SAMPLE_LETTERHEAD, logo=logo)
    request = dataclasses.replace(sample_request(LetterKind.INVITATION), letterhead=letterhead)

    result = render_letter(request)

    assert [w.key for w in result.warnings] == ["letters.warning.logo_unreadable"]
    assert "logo" in result.warnings[0].message("nl")
    assert "Wij komen graag bij u langs" in pdf_text(result.pdf)


def test_a_good_logo_is_drawn_without_warning() -> None:
    letterhead = dataclasses.replace(SAMPLE_LETTERHEAD, logo=_png())
    request = dataclasses.replace(sample_request(LetterKind.AGREEMENTS), letterhead=letterhead)

    result = render_letter(request)

    assert result.warnings == ()
    assert b"/Subtype /Image" in result.pdf


def test_a_batch_reports_a_broken_logo_once() -> None:
    letterhead = dataclasses.replace(SAMPLE_LETTERHEAD, logo=b"broken")
    request = dataclasses.replace(sample_request(LetterKind.AGREEMENTS), letterhead=letterhead)

    result = render_batch([request, request, request])

    assert [w.key for w in result.warnings] == ["letters.warning.logo_unreadable"]


def test_an_unknown_language_falls_back_to_dutch_with_a_warning() -> None:
    result = render_letter(sample_request(LetterKind.AGREEMENTS, language="vi"))

    assert "Overzicht van uw afspraken" in pdf_text(result.pdf)
    assert [(w.key, w.params) for w in result.warnings] == [
        ("letters.warning.language_fallback", {"language": "vi"})
    ]
