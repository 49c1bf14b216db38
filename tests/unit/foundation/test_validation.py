"""Domain rules: good input is normalised, bad input gets a clear message."""

from datetime import date

import pytest

from renodesk.core import validation as v
from renodesk.core.errors import ValidationError


@pytest.mark.parametrize("raw, expected", [
    ("1234ab", "1234 AB"), (" 1234 AB ", "1234 AB"), ("9999zz", "9999 ZZ"),
])
def test_postcodes_are_normalised(raw: str, expected: str) -> None:
    assert v.postcode(raw) == expected


@pytest.mark.parametrize("raw", ["0123 AB", "123 AB", "1234 A", "1234 SS", "ABCD 12", ""])
def test_bad_postcodes_are_refused(raw: str) -> None:
    with pytest.raises(v.Invalid) as info:
        v.postcode(raw)
    assert info.value.key == "validation.postcode"


@pytest.mark.parametrize("raw, expected", [
    ("0612345678", "06-12345678"), ("06 1234 5678", "06-12345678"),
    ("+31 6 12345678", "06-12345678"), ("020-1234567", "020-1234567"),
    ("0031201234567", "020-1234567"), ("+32 470 12 34 56", "+32470123456"), ("", ""),
])
def test_phone_numbers(raw: str, expected: str) -> None:
    assert v.phone(raw) == expected


@pytest.mark.parametrize("raw", ["12345", "06-1234", "bel me", "+0123"])
def test_bad_phone_numbers(raw: str) -> None:
    with pytest.raises(v.Invalid):
        v.phone(raw)


def test_email_and_dates() -> None:
    assert v.email(" Anna@Example.NL ") == "anna@example.nl"
    with pytest.raises(v.Invalid):
        v.email("anna@")
    assert v.optional_date("26-11-2026") == date(2026, 11, 26)
    assert v.optional_date("2026-11-26") == date(2026, 11, 26)
    assert v.optional_date("") is None
    with pytest.raises(v.Invalid):
        v.optional_date("31-02-2026")


def test_clean_reports_every_problem_with_messages_in_both_languages() -> None:
    with pytest.raises(ValidationError) as info:
        v.clean("dwelling", {"street": "", "number": "twaalf", "postcode": "12",
                             "city": "Utrecht"}, creating=True)
    problems = info.value.problems
    assert set(problems) == {"street", "number", "postcode", "project_id"}
    nl = info.value.messages("nl")
    en = info.value.messages("en")
    assert "verplicht" in nl["street"] and "required" in en["street"]
    assert "1234 AB" in nl["postcode"]


def test_enumerations_and_long_text() -> None:
    with pytest.raises(ValidationError) as info:
        v.clean("visit", {"kind": "party"}, creating=False)
    assert info.value.problems["kind"][0] == "validation.choice"
    with pytest.raises(ValidationError) as info:
        v.clean("household", {"notes": "x" * (v.MAX_TEXT + 1)}, creating=False)
    assert info.value.problems["notes"][0] == "validation.too_long"
    cleaned = v.clean("household", {"name": " Zoë\x00 Çelik ",
                                    "resistance_causes": "distrust,fear_of_works,distrust"},
                      creating=False)
    assert cleaned["name"] == "Zoë Çelik"
    assert cleaned["resistance_causes"] == "distrust,fear_of_works"


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        v.clean("household", {"bsn": "123456782"}, creating=False)
    assert info.value.problems["bsn"][0] == "validation.unknown_field"
