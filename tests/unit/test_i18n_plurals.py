"""Messages outside the window count right: "1 wijziging", "2 wijzigingen", never
"1 wijzigingen" or "gegeven(s)" — in Dutch and in English."""

from __future__ import annotations

import string

import pytest

from renodesk.commands.sync import print_report
from renodesk.core.i18n import LANGUAGES, PLURAL_FORMS, set_language, t
from renodesk.core.messages import CATALOG
from renodesk.sync.engine import SyncReport


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _texts(key: str) -> dict[tuple[str, str], str]:
    """Every text of ``key`` by (language, plural form; "" for a message that does not count)."""
    found = {}
    for lang, text in CATALOG[key].items():
        forms = text.items() if isinstance(text, dict) else [("", text)]
        for form, value in forms:
            found[(lang, form)] = value
    return found


def test_every_message_has_dutch_and_english_with_the_same_placeholders_and_forms() -> None:
    for key, entry in CATALOG.items():
        assert set(entry) == set(LANGUAGES), key
        kinds = {type(text) for text in entry.values()}
        assert len(kinds) == 1, f"{key}: counted in one language only"
        texts = _texts(key)
        if kinds == {dict}:
            assert {form for _, form in texts} == set(PLURAL_FORMS), key
            assert all("{count" in text for text in texts.values()), key
        assert len({frozenset(_placeholders(text)) for text in texts.values()}) == 1, key


def test_no_message_leaves_the_plural_to_the_reader() -> None:
    for key in CATALOG:
        for (lang, _form), text in _texts(key).items():
            for hedge in ("(s)", "(en)", "(ies)", "/brieven"):
                assert hedge not in text, (key, lang, text)


@pytest.mark.parametrize(("lang", "one", "two", "none"), [
    ("nl", "1 wijziging", "2 wijzigingen", "0 wijzigingen"),
    ("en", "1 change", "2 changes", "0 changes"),
])
def test_the_count_chooses_the_form(lang: str, one: str, two: str, none: str) -> None:
    assert t("count.changes", lang, count=1) == one
    assert t("count.changes", lang, count=2) == two
    assert t("count.changes", lang, count=0) == none


def test_a_counted_message_without_a_count_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="count"):
        t("count.changes", "nl", files=2)


def test_the_retention_run_reports_one_household_as_one() -> None:
    assert t("privacy.cli.retention_done", "nl", count=1) == (
        "1 huishouden gewist volgens het bewaarbeleid.")
    assert t("privacy.cli.retention_done", "en", count=3) == (
        "3 households erased under the retention policy.")


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", ["Verstuurd: 1 wijziging in 1 bestand", "Ontvangen: 12 wijzigingen uit 3 bestanden",
            "Tegelijk bewerkt: 0 nieuw, 0 nog te beoordelen (beide versies zijn bewaard)",
            "Wachtend: 1 wijziging wacht op gegevens die nog niet binnen zijn"]),
    ("en", ["Sent: 1 change in 1 file", "Received: 12 changes from 3 files",
            "Edited at the same time: 0 new, 0 still to settle (both versions are kept)",
            "Waiting: 1 change waits for data that has not arrived yet"]),
])
def test_renodesk_sync_counts_changes_and_files_in_words_that_fit(
        lang: str, expected: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    set_language(lang)
    print_report(SyncReport(sent_ops=1, sent_files=1, received_ops=12, received_files=3,
                            held_waiting=1))
    assert capsys.readouterr().out.splitlines() == expected
