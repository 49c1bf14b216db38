"""A tenant who reads little Dutch gets the letter in their own language first, then in
Dutch (which is leading); Arabic is printed right to left with joined letters."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from letters_pdf_helpers import page_runs, pdf_text

from renodesk.core.enums import LetterKind
from renodesk.letters.fonts import REGULAR, register_fonts
from renodesk.letters.layout import (
    ENVELOPE_WINDOW_MM,
    FIRST_BODY_TOP_MM,
    LATER_BODY_TOP_MM,
    MARGIN_BOTTOM_MM,
    PAGE_HEIGHT_MM,
)
from renodesk.letters.preview import sample_request
from renodesk.letters.render import render_letter
from renodesk.letters.rtl import one_line, shape, wrap
from renodesk.letters.templates import builtin_template_dir, load_texts

BILINGUAL = ("tr", "ar", "pl")
# Arabic letters as typed (not the joining stroke, tatweel) and as joined glyphs.
ARABIC_LETTERS = re.compile("[\u0621-\u063f\u0641-\u064a]")
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def words(text: str) -> str:
    return " ".join(text.split())


def flat_keys(language: str) -> set[str]:
    raw = json.loads((builtin_template_dir() / f"{language}.json").read_text("utf-8"))
    keys = set()
    for key, value in raw.items():
        keys |= {f"{key}.{name}" for name in value} if isinstance(value, dict) else {key}
    return keys


SETTINGS = {"bilingual", "direction", "reviewed"}


@pytest.mark.parametrize("language", BILINGUAL)
def test_a_translation_file_has_every_text_of_the_dutch_one(language: str) -> None:
    assert flat_keys(language) - SETTINGS == flat_keys("nl")
    texts, warnings = load_texts(language)
    assert warnings == () and texts.bilingual and not texts.reviewed
    assert all(texts.entries[key] for key in texts.entries if not key.startswith("visit_ready."))


@pytest.mark.parametrize("language", BILINGUAL)
@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_is_printed_in_the_tenants_language_and_in_dutch(
        kind: LetterKind, language: str) -> None:
    result = render_letter(sample_request(kind, language))

    text = pdf_text(result.pdf)
    own, _ = load_texts(language)
    dutch, _ = load_texts("nl")
    card = kind == LetterKind.NOT_HOME_CARD
    headline = "not_home_card.title" if card else f"{kind.value}.subject"
    for texts in (own, dutch):
        expected = texts.text(headline, date=texts.date(sample_request(kind).visit.when))
        if texts.rtl:  # pypdf gives Arabic back in reading order, as joined glyphs
            assert all(shape(word) in text for word in expected.split() if "\u2068" not in word)
        else:
            assert words(expected) in text
    assert "De Nederlandse tekst is leidend." in text
    assert "Anna de Vries" in text and "06 12 34 56 78" in text
    assert [w.key for w in result.warnings] == ["letters.warning.translation_not_reviewed"]


def test_the_dutch_text_follows_on_a_page_of_its_own_with_its_own_page_labels() -> None:
    result = render_letter(sample_request(LetterKind.AGREEMENTS, "tr"))

    pages = page_runs(result.pdf)
    first = " ".join(run.text for run in pages[0])
    last = " ".join(run.text for run in pages[-1])
    assert "Anlaşmalarınızın listesi" in first and "Overzicht van uw afspraken" not in first
    assert "Nederlandse tekst" in last and "Overzicht van uw afspraken" in last
    assert f"Sayfa 1 / {len(pages)}" in first
    assert f"Pagina {len(pages)} van {len(pages)}" in last


def test_a_visit_report_is_signed_once_under_the_dutch_text() -> None:
    text = pdf_text(render_letter(sample_request(LetterKind.VISIT_REPORT, "pl")).pdf)

    assert "Proszę podpisać się pod tekstem niderlandzkim." in text
    assert text.count("Handtekening bewoner") == 1 and "Podpis najemcy" not in text


def test_the_dutch_part_uses_the_dutch_letter_not_the_translation() -> None:
    text = pdf_text(render_letter(sample_request(LetterKind.INVITATION, "tr")).pdf)

    assert "Sayın Bayan Yılmaz," in text and "Beste mevrouw Yılmaz," in text
    assert "Wij vertellen u over de plannen voor uw woning." in text  # the visit's purpose
    assert "26 Kasım 2026 Perşembe" in text and "donderdag 26 november 2026" in text


def test_arabic_is_printed_with_joined_letters() -> None:
    text = pdf_text(render_letter(sample_request(LetterKind.INVITATION, "ar")).pdf)

    # Unshaped Arabic would come out as the letters typed; shaped, only as joined forms.
    assert ARABIC_LETTERS.search(text) is None
    assert len(PRESENTATION_FORMS.findall(text)) > 200
    # "نريد أن نزوركم" (we would like to visit you): initial, medial and final forms.
    assert shape("نزوركم") == "\ufee7\ufeb0\ufeed\ufead\ufedb\ufee2"
    assert shape("نزوركم") in text


def test_arabic_runs_right_to_left_and_keeps_names_and_numbers_in_order() -> None:
    register_fonts()
    texts, _ = load_texts("ar")
    sentence = texts.text("invitation.move", name="Anna de Vries", phone="06 12 34 56 78")

    lines = wrap(sentence, REGULAR, 11, 10_000)

    assert len(lines) == 1
    line = lines[0]
    # Drawn left to right: the sentence's end (".") is leftmost, its first word rightmost
    # with its glyphs reversed, while the name and the phone number inside it still read
    # left to right.
    assert line.startswith(".") and line.endswith(shape("هل")[::-1])
    assert "Anna de Vries" in line and "06 12 34 56 78" in line
    assert line.index("06 12 34 56 78") < line.index("Anna de Vries")
    assert "\u2068" not in line and "\u2069" not in line  # no invisible controls drawn
    assert one_line(texts.text("common.page", page=1, pages=3)) == \
        f"3 {shape('من')[::-1]} 1 {shape('صفحة')[::-1]}"


def test_a_phone_number_wrapped_over_two_lines_keeps_its_order() -> None:
    register_fonts()
    texts, _ = load_texts("ar")
    sentence = texts.text("common.questions", name="Anna de Vries",
                          phone="06 12 34 56 78 90 12 34 56 78")

    lines = wrap(sentence, REGULAR, 11, 180)

    numbers = [re.findall(r"\d\d", line) for line in lines]
    assert len([line for line in numbers if line]) == 2  # the number is wrapped
    assert [pair for line in numbers for pair in line] == [
        "06", "12", "34", "56", "78", "90", "12", "34", "56", "78"]


def test_arabic_paragraphs_are_aligned_right_and_latin_letterhead_stays_put() -> None:
    request = sample_request(LetterKind.AGREEMENTS, "ar")
    # Without the category line a table row never has a line in one cell only, so a
    # line starting at one place is a paragraph.
    request = replace(request, agreements=tuple(replace(a, category_label="")
                                                for a in request.agreements))
    result = render_letter(request)
    first = page_runs(result.pdf)[0]

    # pypdf hands an Arabic line back in pieces, each starting where the line starts.
    lines: dict[float, list] = {}
    for run in first:
        if FIRST_BODY_TOP_MM + 30 < run.baseline_mm < 200:
            lines.setdefault(round(run.baseline_mm, 1), []).append(run)
    paragraphs = [runs for runs in lines.values()
                  if len({round(r.left_mm, 1) for r in runs}) == 1]  # not table rows
    ends = [runs[0].left_mm + sum(r.right_mm - r.left_mm for r in runs) for runs in paragraphs]
    assert len(ends) >= 5
    assert all(189.5 <= end <= 190.5 for end in ends), ends  # the right margin
    address = [r for r in first if r.text == "Mevrouw G. Yılmaz" or r.text.startswith("3512 XY")]
    assert len(address) == 2
    for run in address:  # the envelope window does not move for another language
        assert ENVELOPE_WINDOW_MM["left"] <= run.left_mm
        assert run.right_mm <= ENVELOPE_WINDOW_MM["right"]
        assert ENVELOPE_WINDOW_MM["top"] <= run.top_mm
        assert run.bottom_mm <= ENVELOPE_WINDOW_MM["bottom"]


@pytest.mark.parametrize("language", ["ar", "tr"])
def test_large_print_stays_16_points_in_both_parts(language: str) -> None:
    result = render_letter(sample_request(LetterKind.VISIT_REPORT, language, large_print=True))

    body = []
    for number, runs in enumerate(page_runs(result.pdf)):
        top = FIRST_BODY_TOP_MM if number == 0 else LATER_BODY_TOP_MM
        body += [r for r in runs if top <= r.baseline_mm <= PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM]
    assert min(r.size for r in body) >= 16


def test_a_not_home_card_in_two_languages_takes_the_whole_sheet() -> None:
    result = render_letter(sample_request(LetterKind.NOT_HOME_CARD, "tr"))

    runs = page_runs(result.pdf)
    assert len(runs) == 1
    texts = [r.text for r in runs[0]]
    assert "Knip hier" not in texts and "Buradan kesin" not in texts  # no cut line
    assert "Wij waren bij u, maar u was niet thuis" in texts


def test_an_organisation_marks_a_translation_reviewed_in_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "ar.json").write_text(json.dumps({"reviewed": True}), "utf-8")

    result = render_letter(sample_request(LetterKind.AGREEMENTS, "ar"), tmp_path)

    assert result.warnings == ()
    assert "De Nederlandse tekst is leidend." in pdf_text(result.pdf)  # still bilingual


@pytest.mark.parametrize("content", [{"reviewed": "yes"}, {"direction": "up"},
                                     {"bilingual": 1}])
def test_a_wrong_setting_in_a_template_is_refused(tmp_path: Path, content: dict) -> None:
    from renodesk.letters.templates import TemplateError

    (tmp_path / "tr.json").write_text(json.dumps(content), "utf-8")

    with pytest.raises(TemplateError) as error:
        load_texts("tr", tmp_path)

    assert error.value.key == "letters.error.template_bad_setting"
    assert "tr.json" in error.value.message("nl")


def test_b1_sentences_stay_short_in_the_translations() -> None:
    for language in BILINGUAL:
        raw = json.loads((builtin_template_dir() / f"{language}.json").read_text("utf-8"))
        for section, entries in raw.items():
            if not isinstance(entries, dict):
                continue
            for key, text in entries.items():
                for sentence in re.findall(r"[^.?!؟]+[.?!؟]?", text):
                    assert len(sentence.split()) <= 16, f"{language}: {section}.{key}"
