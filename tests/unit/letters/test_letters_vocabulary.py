"""Roles, visit kinds, agreement statuses and categories are written in the letter's own
language; an organisation's own language file that lacks them borrows the Dutch words
and the letter says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from letters_pdf_helpers import pdf_text

from renodesk.core.enums import AdjustmentStatus, LetterKind, RosterRole, VisitKind
from renodesk.letters.preview import sample_request
from renodesk.letters.render import render_letter
from renodesk.letters.templates import (
    VOCABULARIES,
    available_languages,
    builtin_template_dir,
    load_texts,
    vocabulary_keys,
)


def builtin(language: str) -> dict:
    return json.loads((builtin_template_dir() / f"{language}.json").read_text("utf-8"))


def test_the_vocabulary_keys_follow_the_enums() -> None:
    keys = vocabulary_keys()
    assert "roles.tenant_coach" in keys and "visit_kinds.kitchen_table" in keys
    assert len(keys) == sum(len(vocabulary) for vocabulary in VOCABULARIES.values())


@pytest.mark.parametrize("language", available_languages())
def test_every_template_language_has_a_label_for_every_code(language: str) -> None:
    raw = builtin(language)
    for key in vocabulary_keys():
        section, code = key.split(".")
        assert raw.get(section, {}).get(code, "").strip(), f"{language}.json lacks {key}"
    texts, warnings = load_texts(language)
    assert warnings == () and texts.in_dutch == ()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_dutch_and_english_letters_use_the_words_of_the_screens(language: str) -> None:
    texts, _ = load_texts(language)
    for section, vocabulary in VOCABULARIES.items():
        for code in vocabulary:
            assert texts.label(code) == code.label(language), f"{section}.{code.value}"


@pytest.mark.parametrize("language", ["tr", "ar", "pl"])
def test_translations_do_not_fall_back_to_the_dutch_words(language: str) -> None:
    texts, _ = load_texts(language)
    dutch, _ = load_texts("nl")
    same = [key for key in vocabulary_keys() if texts.entries[key] == dutch.entries[key]]
    assert same == []


def test_a_turkish_letter_names_status_role_and_kind_in_turkish() -> None:
    texts, _ = load_texts("tr")
    assert texts.label(AdjustmentStatus.AGREED) == "Anlaşıldı"
    assert texts.label(RosterRole.TENANT_COACH) == "Kiracı danışmanı"
    assert texts.label(VisitKind.TECHNICAL_SURVEY) == "Teknik inceleme"
    text = " ".join(pdf_text(render_letter(sample_request(LetterKind.AGREEMENTS, "tr"))
                             .pdf).split())
    assert "Anlaşıldı" in text and "Geçici konut" in text
    assert "Tijdelijke woonruimte" in text  # the Dutch part keeps its own words
    assert "Afgesproken" in text


def test_an_organisation_language_without_labels_borrows_the_dutch_words(
        tmp_path: Path) -> None:
    somali = builtin("en")  # a language RenoDesk does not ship, written before the labels
    for section in (*VOCABULARIES, "contact_letter"):
        del somali[section]
    somali["agreements"]["subject"] = "Heshiisyadaada oo dhan"
    (tmp_path / "so.json").write_text(json.dumps(somali), "utf-8")

    texts, warnings = load_texts("so", tmp_path)
    assert texts.label(AdjustmentStatus.AGREED) == "Afgesproken"
    (warning,) = warnings
    assert warning.key == "letters.warning.texts_in_dutch"
    assert "so.json" in warning.message("nl") and "adjustment_statuses.agreed" in \
        warning.message("nl")

    result = render_letter(sample_request(LetterKind.AGREEMENTS, "so"), tmp_path)
    assert "Heshiisyadaada oo dhan" in pdf_text(result.pdf)
    assert [w.key for w in result.warnings] == ["letters.warning.texts_in_dutch"]


def test_an_organisation_file_with_its_own_word_for_a_role_is_used(tmp_path: Path) -> None:
    (tmp_path / "nl.json").write_text(json.dumps({"roles": {"tenant_coach": "Bewonersconsulent"}}),
                                      "utf-8")
    texts, warnings = load_texts("nl", tmp_path)
    assert texts.label(RosterRole.TENANT_COACH) == "Bewonersconsulent" and warnings == ()
