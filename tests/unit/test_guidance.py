"""The practical guidance (handvatten): shipped content, schema, loader, search, overrides."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from renodesk.core.enums import (
    AdjustmentCategory,
    GuidanceThemeKind,
    NeighbouringField,
    PartnerKind,
    ResistanceCause,
    VulnerabilityCategory,
)
from renodesk.core.guidance import (
    THEME_VOCABULARIES,
    GuidanceEntry,
    for_profile,
    for_theme,
    load_guidance,
    load_shipped_entries,
    related,
    search,
)
from renodesk.core.guidance_schema import GuidanceError, load_schema, validate_entry
from renodesk.core.i18n import LANGUAGES
from renodesk.paths import resources_dir

RESOURCES = resources_dir()
GUIDANCE = RESOURCES / "guidance"
SHIPPED_FILES = sorted(GUIDANCE.glob("*/*/*.json"))
ALL_THEMES = [
    (kind, member.value) for kind, vocab in THEME_VOCABULARIES.items() for member in vocab
]


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def shipped_dict(lang: str, kind: str, code: str) -> dict[str, Any]:
    return read(GUIDANCE / lang / kind / f"{code}.json")


@pytest.fixture(scope="module")
def dutch() -> list[GuidanceEntry]:
    return load_guidance(RESOURCES, "nl")


@pytest.fixture(scope="module")
def english() -> list[GuidanceEntry]:
    return load_guidance(RESOURCES, "en")


@pytest.fixture
def tmp_resources(tmp_path: Path) -> Path:
    """A resources folder with the real schema and no entries yet."""
    (tmp_path / "guidance").mkdir()
    shutil.copy(GUIDANCE / "schema.json", tmp_path / "guidance" / "schema.json")
    return tmp_path


def put(resources: Path, data: Any, lang: str = "nl", name: str = "dementia.json") -> Path:
    path = resources / "guidance" / lang / "vulnerability" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


# --- shipped content -----------------------------------------------------------------


def test_there_are_shipped_files_in_both_languages() -> None:
    langs = {path.relative_to(GUIDANCE).parts[0] for path in SHIPPED_FILES}
    assert langs == set(LANGUAGES)
    assert len(SHIPPED_FILES) == len(ALL_THEMES) * len(LANGUAGES)


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.relative_to(GUIDANCE).as_posix())
def test_every_shipped_file_validates_against_the_schema(path: Path) -> None:
    validate_entry(read(path), load_schema(RESOURCES), path.name)


def test_the_schema_uses_exactly_the_domain_vocabularies() -> None:
    schema = load_schema(RESOURCES)
    props, defs = schema["properties"], schema["$defs"]
    assert props["lang"]["enum"] == list(LANGUAGES)
    assert props["theme_kind"]["enum"] == [kind.value for kind in GuidanceThemeKind]
    assert defs["adjustment_category"]["enum"] == [c.value for c in AdjustmentCategory]
    assert defs["partner_kind"]["enum"] == [p.value for p in PartnerKind]
    codes_by_kind = {
        rule["if"]["properties"]["theme_kind"]["const"]: rule["then"]["properties"]["theme_code"][
            "enum"
        ]
        for rule in schema["allOf"]
    }
    assert codes_by_kind == {
        "vulnerability": [v.value for v in VulnerabilityCategory],
        "resistance": [r.value for r in ResistanceCause],
        "neighbouring_field": [n.value for n in NeighbouringField],
    }


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("kind", "code"), ALL_THEMES, ids=lambda v: str(v))
def test_every_theme_has_its_own_entry_in_each_language(
    lang: str, kind: GuidanceThemeKind, code: str, dutch: list[GuidanceEntry],
    english: list[GuidanceEntry],
) -> None:  # fmt: skip
    entries = dutch if lang == "nl" else english
    found = for_theme(entries, kind, code)
    assert len(found) == 1
    assert found[0].lang == lang  # its own translation, not the Dutch fallback
    assert found[0].id == f"{kind.value}.{code}"
    assert found[0].theme.value == code


def test_neighbouring_fields_cover_the_four_lessons(dutch: list[GuidanceEntry]) -> None:
    fields = {e.theme_code for e in dutch if e.theme_kind is GuidanceThemeKind.NEIGHBOURING_FIELD}
    assert fields == {"rent_arrears", "groningen", "nuisance_cases", "corona"}


@pytest.mark.parametrize(("kind", "code"), ALL_THEMES, ids=lambda v: str(v))
def test_dutch_and_english_entries_say_the_same_things(kind: GuidanceThemeKind, code: str) -> None:
    nl, en = (shipped_dict(lang, kind.value, code) for lang in ("nl", "en"))
    assert nl["id"] == en["id"]
    for key in ("signals", "approach", "suggested_actions"):
        assert len(nl[key]) == len(en[key]), key
    categories = [[a["category"] for a in d["suggested_adjustments"]] for d in (nl, en)]
    assert categories[0] == categories[1]
    assert nl["partners"] == en["partners"]
    assert nl["sources"] == en["sources"]
    assert nl["see_also"] == en["see_also"]
    assert nl["title"] != en["title"]  # actually translated


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.relative_to(GUIDANCE).as_posix())
def test_shipped_entries_have_substance_and_valid_codes(path: Path) -> None:
    data = read(path)
    assert 4 <= len(data["signals"]) <= 7
    assert 4 <= len(data["approach"]) <= 8
    assert data["suggested_adjustments"]
    assert data["suggested_actions"]
    assert data["partners"]
    assert {a["category"] for a in data["suggested_adjustments"]} <= set(AdjustmentCategory)
    assert set(data["partners"]) <= set(PartnerKind)


FACT_MARKERS = ("7:220", "70%", "wmo", "huurcommissie", "verhuiskostenvergoeding",
                "moving allowance", "huurachterstand", "rent arrears")  # fmt: skip


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.relative_to(GUIDANCE).as_posix())
def test_entries_that_state_legal_facts_cite_sources_and_no_amounts(path: Path) -> None:
    data = read(path)
    text = json.dumps({k: v for k, v in data.items() if k != "sources"}, ensure_ascii=False)
    if any(marker in text.lower() for marker in FACT_MARKERS):
        assert data["sources"], "states a legal fact without a source"
    # Amounts change every year; they live in the dated legal-figures table, not here.
    assert "€" not in text and "EUR" not in text


def test_see_also_points_to_other_shipped_entries(dutch: list[GuidanceEntry]) -> None:
    known = {entry.id for entry in dutch}
    for entry in dutch:
        assert set(entry.see_also) <= known - {entry.id}, entry.id


def test_every_neighbouring_field_lesson_is_reachable_from_a_profile_theme(
    dutch: list[GuidanceEntry],
) -> None:
    profile_themes = [e for e in dutch if e.theme_kind is not GuidanceThemeKind.NEIGHBOURING_FIELD]
    reachable = {ref for entry in profile_themes for ref in entry.see_also}
    for field in NeighbouringField:
        assert f"neighbouring_field.{field.value}" in reachable


def test_a_profile_shows_the_guidance_for_what_was_recorded(dutch: list[GuidanceEntry]) -> None:
    shown = for_profile(
        dutch,
        vulnerabilities=[VulnerabilityCategory.MONEY_PROBLEMS, "dementia"],
        resistance_causes=[ResistanceCause.DISTRUST],
    )
    assert ids(shown) == [
        "vulnerability.dementia",
        "vulnerability.money_problems",
        "resistance.distrust",
    ]
    assert for_profile(dutch) == []
    lessons = related(dutch, shown[1])
    assert "neighbouring_field.rent_arrears" in ids(lessons)


def test_related_skips_ids_that_no_longer_exist(dutch: list[GuidanceEntry]) -> None:
    own = shipped_dict("nl", "vulnerability", "pets")
    own["id"] = "org.pets"
    own["see_also"] = ["org.deleted-entry", "vulnerability.young_children"]
    entry = GuidanceEntry.from_dict(own, from_organisation=True)
    assert ids(related(dutch, entry)) == ["vulnerability.young_children"]


# --- search ----------------------------------------------------------------------------


def ids(entries: list[GuidanceEntry]) -> list[str]:
    return [entry.id for entry in entries]


def test_search_finds_memory_problems_by_plain_words(dutch: list[GuidanceEntry]) -> None:
    assert "vulnerability.dementia" in ids(search(dutch, "geheugen"))
    assert ids(search(dutch, "DEMENTIE"))[0] == "vulnerability.dementia"


def test_search_finds_debts(dutch: list[GuidanceEntry]) -> None:
    found = ids(search(dutch, "schuld"))
    assert "vulnerability.money_problems" in found
    assert "neighbouring_field.rent_arrears" in found
    assert "vulnerability.pets" not in found


def test_search_ignores_accents_both_ways(dutch: list[GuidanceEntry]) -> None:
    plain = ids(search(dutch, "hygiene"))
    assert "neighbouring_field.corona" in plain
    assert ids(search(dutch, "Hygiëne")) == plain
    assert "vulnerability.language_barrier" in ids(search(dutch, "taalbarriere"))


def test_search_needs_every_word_and_empty_search_returns_all(
    dutch: list[GuidanceEntry],
) -> None:
    both = ids(search(dutch, "stof kou"))
    assert "vulnerability.chronic_illness" in both
    dust, cold = set(ids(search(dutch, "stof"))), set(ids(search(dutch, "kou")))
    assert set(both) == dust & cold != dust
    assert search(dutch, "geheugen zuurstof") == []
    assert search(dutch, "  ") == dutch


def test_search_works_in_english(english: list[GuidanceEntry]) -> None:
    assert ids(search(english, "memory"))[0] == "vulnerability.dementia"
    assert "vulnerability.money_problems" in ids(search(english, "debt"))


def test_shipped_files_are_read_once_and_again_when_they_change(tmp_resources: Path) -> None:
    data = shipped_dict("nl", "vulnerability", "dementia")
    path = put(tmp_resources, data)
    first = load_guidance(tmp_resources, "nl")
    assert load_guidance(tmp_resources, "nl")[0] is first[0]  # not read and checked again
    data["title"] = "Een andere titel, iets langer"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_guidance(tmp_resources, "nl")[0].title == "Een andere titel, iets langer"


# --- validation errors -----------------------------------------------------------------


def test_an_invalid_file_names_the_file_and_the_field(tmp_resources: Path) -> None:
    data = shipped_dict("nl", "vulnerability", "dementia")
    data["signals"] = "vergeet afspraken"
    put(tmp_resources, data)
    with pytest.raises(GuidanceError) as caught:
        load_guidance(tmp_resources, "nl")
    error = caught.value
    assert error.source == "nl/vulnerability/dementia.json"
    assert error.field == "signals"
    assert "nl/vulnerability/dementia.json" in str(error)
    assert "signals: moet een lijst zijn" in error.message("nl")
    assert "signals: must be a list" in error.message("en")


def test_every_problem_in_an_entry_is_reported(tmp_resources: Path) -> None:
    data = shipped_dict("nl", "vulnerability", "dementia")
    del data["title"]
    data["theme_code"] = "grumpy"
    data["partners"] = ["wijkteam"]
    data["suggested_adjustments"][1]["category"] = "money"
    data["suggested_adjustments"][0]["category"] = "cash"
    data["sources"] = [{"title": "Iets zonder vindplaats"}]
    data["colour"] = "blue"
    put(tmp_resources, data)
    with pytest.raises(GuidanceError) as caught:
        load_guidance(tmp_resources, "nl")
    fields = {problem.field: problem.key for problem in caught.value.problems}
    assert fields == {
        "title": "guidance.problem.missing",
        "theme_code": "guidance.problem.enum",
        "partners[0]": "guidance.problem.enum",
        "suggested_adjustments[0].category": "guidance.problem.enum",
        "sources[0]": "guidance.problem.one_of",
        "colour": "guidance.problem.unknown_field",
    }
    text = caught.value.message("en")
    assert '"grumpy" is not allowed' in text
    assert "url, reference" in text


def test_blank_texts_and_empty_lists_are_refused(tmp_resources: Path) -> None:
    data = shipped_dict("nl", "vulnerability", "dementia")
    data["approach"] = []
    data["signals"][0] = "      "
    put(tmp_resources, data)
    with pytest.raises(GuidanceError) as caught:
        load_guidance(tmp_resources, "nl")
    assert {p.field for p in caught.value.problems} == {"approach", "signals[0]"}


def test_a_file_that_is_not_json_is_named(tmp_resources: Path) -> None:
    put(tmp_resources, '{"id": "vulnerability.dementia",')
    with pytest.raises(GuidanceError, match=r"nl/vulnerability/dementia\.json"):
        load_guidance(tmp_resources, "nl")


def test_a_file_in_the_wrong_language_folder_is_refused(tmp_resources: Path) -> None:
    put(tmp_resources, shipped_dict("en", "vulnerability", "dementia"), lang="nl")
    with pytest.raises(GuidanceError) as caught:
        load_guidance(tmp_resources, "nl")
    assert caught.value.field == "lang"


def test_two_files_with_the_same_id_are_refused(tmp_resources: Path) -> None:
    data = shipped_dict("nl", "vulnerability", "dementia")
    put(tmp_resources, data)
    put(tmp_resources, data, name="dementia-copy.json")
    with pytest.raises(GuidanceError) as caught:
        load_guidance(tmp_resources, "nl")
    assert caught.value.field == "id"
    assert "dementia.json" in caught.value.message("nl")


def test_the_validator_refuses_schema_keywords_it_does_not_understand() -> None:
    schema = {"type": "string", "format": "email"}
    with pytest.raises(ValueError, match="format"):
        validate_entry("coach@example.org", schema, "test")


# --- organisation entries and languages ------------------------------------------------


def test_an_organisation_entry_replaces_the_shipped_one_with_the_same_id(
    dutch: list[GuidanceEntry],
) -> None:
    own = shipped_dict("nl", "vulnerability", "dementia")
    own["title"] = "Dementie: onze eigen aanpak"
    own["approach"] = ["Bel altijd eerst de casemanager van Woonstichting De Linde."]
    for lang in LANGUAGES:
        entries = load_guidance(RESOURCES, lang, organisation_entries=[own])
        assert len(entries) == len(dutch)
        (entry,) = for_theme(entries, GuidanceThemeKind.VULNERABILITY, "dementia")
        assert entry.from_organisation
        assert entry.title == "Dementie: onze eigen aanpak"
    untouched = for_theme(load_guidance(RESOURCES, "nl", [own]), "vulnerability", "mobility")
    assert untouched == for_theme(dutch, "vulnerability", "mobility")


def test_an_organisation_can_add_its_own_entry_to_a_theme(dutch: list[GuidanceEntry]) -> None:
    own = shipped_dict("nl", "vulnerability", "pets")
    own["id"] = "org.pets-kennel-deal"
    del own["see_also"]  # optional for an organisation's own entries
    own["title"] = "Afspraak met dierenpension De Blaffende Kat"
    entries = load_guidance(RESOURCES, "nl", organisation_entries=[own])
    assert len(entries) == len(dutch) + 1
    pets = for_theme(entries, GuidanceThemeKind.VULNERABILITY, "pets")
    assert [e.from_organisation for e in pets] == [False, True]


def test_an_invalid_organisation_entry_is_named_by_its_id() -> None:
    own = shipped_dict("nl", "vulnerability", "pets")
    own["id"] = "org.broken"
    own["partners"] = ["dierenarts"]
    with pytest.raises(GuidanceError) as caught:
        load_guidance(RESOURCES, "nl", organisation_entries=[own])
    assert caught.value.source == "eigen handvat org.broken"
    assert caught.value.field == "partners[0]"


def test_a_missing_translation_falls_back_to_dutch(tmp_resources: Path) -> None:
    put(tmp_resources, shipped_dict("nl", "vulnerability", "dementia"))
    (entry,) = load_guidance(tmp_resources, "en")
    assert entry.lang == "nl"


def test_an_unsupported_language_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="fr"):
        load_guidance(RESOURCES, "fr")


def test_entries_come_in_theme_order(dutch: list[GuidanceEntry]) -> None:
    kinds = [entry.theme_kind for entry in dutch]
    assert kinds == sorted(kinds, key=list(GuidanceThemeKind).index)
    assert [e.theme_code for e in dutch[:3]] == ["old_age", "mobility", "dementia"]


def test_an_entry_survives_a_round_trip_through_a_dict() -> None:
    schema = load_schema(RESOURCES)
    for entry in load_shipped_entries(RESOURCES, schema):
        data = entry.to_dict()
        validate_entry(data, schema, entry.id)
        assert GuidanceEntry.from_dict(data) == entry
    own = GuidanceEntry.from_dict(
        shipped_dict("en", "resistance", "distrust"), from_organisation=True
    )
    assert own.to_dict() == shipped_dict("en", "resistance", "distrust")
    assert own.theme is ResistanceCause.DISTRUST
    assert own.theme.label("en") == "Distrust of the corporation"
