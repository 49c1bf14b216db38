"""A corporation corrects wording or adds a language with a template file; a broken
file is refused with a message that names the file and the problem."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from letters_pdf_helpers import pdf_text

from renodesk.core.enums import LetterKind
from renodesk.letters.preview import sample_request
from renodesk.letters.render import render_letter
from renodesk.letters.templates import (
    TemplateError,
    available_languages,
    builtin_template_dir,
    load_texts,
)

SENTENCE = re.compile(r"[^.?!]+[.?!]?")


def builtin(language: str) -> dict:
    return json.loads((builtin_template_dir() / f"{language}.json").read_text("utf-8"))


def test_dutch_and_english_are_built_in_and_complete() -> None:
    assert {"nl", "en"} <= set(available_languages())
    for language in ("nl", "en"):
        texts, warnings = load_texts(language)
        assert warnings == ()
        assert texts.language == language


def test_built_in_sentences_stay_short_for_b1_readers() -> None:
    for language in ("nl", "en"):
        for section, entries in builtin(language).items():
            if not isinstance(entries, dict):
                continue
            for key, text in entries.items():
                for sentence in SENTENCE.findall(text):
                    words = len(sentence.split())
                    assert words <= 16, f"{language}: {section}.{key}: {sentence!r}"


def test_dates_and_times_are_written_out() -> None:
    dutch, _ = load_texts("nl")
    english, _ = load_texts("en")
    moment = datetime(2026, 11, 26, 9, 5)

    assert dutch.date(date(2026, 11, 26)) == "26 november 2026"
    assert english.date(date(2026, 11, 26)) == "26 November 2026"
    assert dutch.date_time(moment) == "donderdag 26 november 2026 om 9.05 uur"
    assert english.date_time(moment) == "Thursday 26 November 2026 at 9:05"
    assert dutch.join(["Anna", "Bram", "Chris"]) == "Anna, Bram en Chris"


def test_a_corporation_can_correct_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "nl.json").write_text(
        json.dumps({"agreements": {"subject": "Uw afspraken met De Voorbeeldhof"}}), "utf-8"
    )

    text = pdf_text(render_letter(sample_request(LetterKind.AGREEMENTS), tmp_path).pdf)

    assert "Uw afspraken met De Voorbeeldhof" in text
    assert "Beste mevrouw Yılmaz" in text  # the rest still comes from the built-in file


def test_a_corporation_can_add_a_language(tmp_path: Path) -> None:
    somali = builtin("en")  # a language RenoDesk does not ship
    somali["agreements"]["subject"] = "Heshiisyadaada oo dhan"
    somali["months"][10] = "Nofeembar"
    (tmp_path / "so.json").write_text(json.dumps(somali), "utf-8")

    result = render_letter(sample_request(LetterKind.AGREEMENTS, "so"), tmp_path)

    assert result.warnings == ()  # the corporation's own file: checked by itself
    assert "Heshiisyadaada oo dhan" in pdf_text(result.pdf)
    assert "20 Nofeembar 2026" in pdf_text(result.pdf)
    assert "so" in available_languages(tmp_path)


def test_an_incomplete_new_language_names_the_missing_texts(tmp_path: Path) -> None:
    partial = builtin("en")
    del partial["invitation"]["subject"]
    (tmp_path / "so.json").write_text(json.dumps(partial), "utf-8")

    with pytest.raises(TemplateError) as error:
        load_texts("so", tmp_path)

    assert error.value.key == "letters.error.template_missing_keys"
    assert "invitation.subject" in error.value.message("nl")
    assert "so.json" in error.value.message("en")


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("{ not json", "letters.error.template_unreadable"),
        (json.dumps({"agreements": {"subjetc": "typo"}}), "letters.error.template_unknown_keys"),
        (json.dumps({"common": {"questions": "Bel {naam}"}}),
         "letters.error.template_bad_placeholder"),
        (json.dumps({"common": {"questions": "Bel {name"}}),
         "letters.error.template_bad_placeholder"),
        (json.dumps({"months": ["jan"]}), "letters.error.template_bad_list"),
        (json.dumps({"common": {"closing": 3}}), "letters.error.template_not_text"),
    ],
    ids=["syntax", "unknown-key", "unknown-placeholder", "broken-brace", "months", "number"],
)
def test_a_broken_template_is_refused_clearly(tmp_path: Path, content: str, key: str) -> None:
    (tmp_path / "nl.json").write_text(content, "utf-8")

    with pytest.raises(TemplateError) as error:
        load_texts("nl", tmp_path)

    assert error.value.key == key
    assert "nl.json" in error.value.message("nl")
