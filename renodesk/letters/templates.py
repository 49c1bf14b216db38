"""Letter texts per language, read from template files.

The built-in files are ``resources/letters/<lang>.json``; Dutch (``nl.json``) is the
reference every other file is checked against. A corporation corrects wording by putting
a file with the same name in its own folder (only the keys it changes are needed) and
adds a language by putting a complete file there. A language without any file falls
back to Dutch, with a warning.

Three optional settings describe a file rather than hold text:

- ``"bilingual": true`` — the letter is printed in this language first and then in
  Dutch, with a line saying the Dutch text is leading (for translations a coach cannot
  check, where an error could harm a tenant);
- ``"direction": "rtl"`` — the language is written right to left (Arabic);
- ``"reviewed": false`` — nobody who speaks the language as a mother tongue has checked
  the translation yet; every letter then says so to the coach. A corporation that had
  it checked puts ``{"reviewed": true}`` in its own file of the same name.

The words for the domain's vocabularies (roles, visit kinds, agreement statuses and
categories) are template texts too, one section per vocabulary with a label per code;
the list of codes comes from the enums (:data:`VOCABULARIES`). A corporation's own
language file written before a label or the letter to a contact person existed still
works: what it lacks of those is taken from Dutch, and the letter says so.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from renodesk.core.enums import (
    AdjustmentCategory,
    AdjustmentStatus,
    Labelled,
    RosterRole,
    VisitKind,
)
from renodesk.core.errors import RenoDeskError
from renodesk.letters.data import LetterWarning
from renodesk.paths import resources_dir

REFERENCE_LANGUAGE = "nl"
#: The vocabularies a letter names, by template section: every code needs a label.
VOCABULARIES: dict[str, type[Labelled]] = {
    "roles": RosterRole,
    "visit_kinds": VisitKind,
    "adjustment_statuses": AdjustmentStatus,
    "adjustment_categories": AdjustmentCategory,
}
#: Sections a corporation's own file may lack (they came later): Dutch fills them in.
_FILLED_FROM_DUTCH = (*VOCABULARIES, "contact_letter")
_LISTS = {"months": 12, "weekdays": 7}
_SETTINGS: dict[str, tuple[type, object]] = {  # name: (type, default when absent)
    "bilingual": (bool, False),
    "direction": (str, "ltr"),
    "reviewed": (bool, True),
}
_DIRECTIONS = ("ltr", "rtl")
# Unicode "first strong isolate" and "pop directional isolate": a filled-in value (a
# name, a phone number) keeps its own direction inside right-to-left text, so
# "06 12 34 56 78" does not come out as "78 56 34 12 06".
ISOLATE_START = "\u2068"
ISOLATE_END = "\u2069"


class TemplateError(RenoDeskError):
    """A letter template file cannot be used; the message names the file and the fix."""


def builtin_template_dir() -> Path:
    return resources_dir() / "letters"


@dataclass(frozen=True)
class LetterTexts:
    """The texts of one language, with the rules for writing dates and times out."""

    language: str
    entries: Mapping[str, str]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    bilingual: bool = False
    rtl: bool = False
    reviewed: bool = True
    in_dutch: tuple[str, ...] = ()  # keys the file lacked, taken from the Dutch file

    def text(self, key: str, **params: Any) -> str:
        """The text for ``key`` ("section.name") with its placeholders filled in."""
        if self.rtl:
            params = {name: self.isolate(value) for name, value in params.items()}
        return self.entries[key].format(**params)

    def label(self, code: Labelled) -> str:
        """The word for a vocabulary code in this language ("Wooncoach", "Kiracı danışmanı")."""
        section = next(name for name, vocabulary in VOCABULARIES.items()
                       if isinstance(code, vocabulary))
        return self.entries[f"{section}.{code.value}"]

    def isolate(self, value: object) -> str:
        """``value`` as text that keeps its own direction inside right-to-left text."""
        if not self.rtl:
            return str(value)
        return f"{ISOLATE_START}{value}{ISOLATE_END}"

    def labelled(self, label: str, value: str) -> str:
        """"Naam: Anna de Vries"."""
        return f"{label}: {self.isolate(value) if value else ''}"

    def date(self, day: dt.date) -> str:
        """"26 november 2026"."""
        return self.text(
            "formats.date", day=day.day, month=self.months[day.month - 1], year=day.year
        )

    def long_date(self, day: dt.date) -> str:
        """"donderdag 26 november 2026"."""
        return self.text(
            "formats.long_date",
            weekday=self.weekdays[day.weekday()],
            day=day.day,
            month=self.months[day.month - 1],
            year=day.year,
        )

    def clock(self, moment: dt.datetime | dt.time) -> str:
        """"10.00" (Dutch) or "10:00" (English), without "uur"."""
        return self.text("formats.clock", hour=moment.hour, minute=f"{moment.minute:02d}")

    def time(self, moment: dt.datetime | dt.time) -> str:
        return self.text("formats.time", clock=self.clock(moment))

    def time_range(self, start: dt.datetime, end: dt.datetime) -> str:
        return self.text("formats.time_range", start=self.clock(start), end=self.clock(end))

    def date_time(self, moment: dt.datetime) -> str:
        return self.text(
            "formats.date_time", date=self.long_date(moment), time=self.time(moment)
        )

    def join(self, items: Iterable[str]) -> str:
        """"Anna, Bram en Chris"."""
        names = [item for item in items if item]
        if len(names) < 2:
            return "".join(names)
        return self.text("formats.list_and", items=", ".join(names[:-1]), last=names[-1])


def vocabulary_keys() -> tuple[str, ...]:
    """Every vocabulary label a template file has ("roles.tenant_coach"), from the enums."""
    return tuple(f"{section}.{code.value}" for section, vocabulary in VOCABULARIES.items()
                 for code in vocabulary)


def available_languages(custom_dir: Path | None = None) -> list[str]:
    """Language codes that have a template file, built in or the corporation's own."""
    folders = [builtin_template_dir()] + ([custom_dir] if custom_dir else [])
    codes = {p.stem for folder in folders if folder.is_dir() for p in folder.glob("*.json")}
    return sorted(codes)


def language_names(custom_dir: Path | None = None) -> dict[str, str]:
    """Each language with a template file and its own name for itself ("Türkçe")."""
    names = {}
    for code in available_languages(custom_dir):
        try:
            texts, _ = load_texts(code, custom_dir)
        except TemplateError:
            continue  # a broken file is reported when a letter is made in it
        names[code] = texts.entries.get("language_name", code)
    return names


def load_texts(
    language: str, custom_dir: Path | None = None
) -> tuple[LetterTexts, tuple[LetterWarning, ...]]:
    """The texts for ``language``; Dutch with a warning when there is no file for it.

    Raises TemplateError when a file is unreadable or incomplete, so a corporation's
    typo never produces a letter with a hole in it.
    """
    builtin = builtin_template_dir() / f"{language}.json"
    custom = custom_dir / f"{language}.json" if custom_dir else None
    if not builtin.is_file() and not (custom and custom.is_file()):
        texts, _ = load_texts(REFERENCE_LANGUAGE, custom_dir)
        warning = LetterWarning("letters.warning.language_fallback", {"language": language})
        return texts, (warning,)
    texts = _load(language, str(builtin), str(custom) if custom else "", _stamp(builtin, custom))
    if not texts.in_dutch:
        return texts, ()
    source = custom if custom and custom.is_file() else builtin
    return texts, (LetterWarning("letters.warning.texts_in_dutch",
                                 {"file": source.name, "keys": ", ".join(texts.in_dutch)}),)


def _stamp(*paths: Path | None) -> tuple[int, ...]:
    """Modification times, so an edited file is read again."""
    return tuple(p.stat().st_mtime_ns if p and p.is_file() else 0 for p in paths)


@lru_cache(maxsize=32)
def _load(language: str, builtin: str, custom: str, _stamp: tuple[int, ...]) -> LetterTexts:
    reference = _read(builtin_template_dir() / f"{REFERENCE_LANGUAGE}.json")
    merged: dict[str, Any] = {}
    for path in (Path(builtin), Path(custom) if custom else None):
        if path and path.is_file():
            content = _read(path)
            _check_known(path, content, reference)
            merged.update(content)
    source = Path(custom) if custom and Path(custom).is_file() else Path(builtin)
    missing = sorted(set(reference) - set(merged) - set(_SETTINGS))
    in_dutch = tuple(key for key in missing if key.split(".")[0] in _FILLED_FROM_DUTCH)
    merged.update({key: reference[key] for key in in_dutch})
    missing = [key for key in missing if key not in in_dutch]
    if missing:
        raise TemplateError(
            "letters.error.template_missing_keys", file=source.name, keys=", ".join(missing)
        )
    entries = {k: v for k, v in merged.items() if k not in _LISTS and k not in _SETTINGS}
    settings = {name: merged.get(name, default) for name, (_, default) in _SETTINGS.items()}
    return LetterTexts(
        language=language,
        entries=entries,
        months=tuple(merged["months"]),
        weekdays=tuple(merged["weekdays"]),
        bilingual=bool(settings["bilingual"]),
        rtl=settings["direction"] == "rtl",
        reviewed=bool(settings["reviewed"]),
        in_dutch=in_dutch,
    )


def _read(path: Path) -> dict[str, Any]:
    """The file as flat keys ("invitation.subject") plus the two name lists."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(
            "letters.error.template_unreadable", file=path.name, detail=str(exc)
        ) from exc
    if not isinstance(raw, dict):
        raise TemplateError("letters.error.template_unreadable", file=path.name, detail="{}")
    flat: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _SETTINGS:
            kind, _ = _SETTINGS[key]
            if not isinstance(value, kind) or (key == "direction" and value not in _DIRECTIONS):
                raise TemplateError("letters.error.template_bad_setting", file=path.name,
                                    entry=key)
            flat[key] = value
        elif key in _LISTS:
            if not (
                isinstance(value, list)
                and len(value) == _LISTS[key]
                and all(isinstance(v, str) and v for v in value)
            ):
                raise TemplateError(
                    "letters.error.template_bad_list", file=path.name, entry=key, count=_LISTS[key]
                )
            flat[key] = value
        elif isinstance(value, dict):
            for name, text in value.items():
                flat[f"{key}.{name}"] = text
        else:
            flat[key] = value
    for key, value in flat.items():
        if key not in _LISTS and key not in _SETTINGS and not isinstance(value, str):
            raise TemplateError("letters.error.template_not_text", file=path.name, entry=key)
    return flat


def _check_known(path: Path, content: Mapping[str, Any], reference: Mapping[str, Any]) -> None:
    """No unknown keys (a typo would silently be ignored) and only known placeholders."""
    unknown = sorted(set(content) - set(reference) - set(_SETTINGS))
    if unknown:
        raise TemplateError(
            "letters.error.template_unknown_keys", file=path.name, keys=", ".join(unknown)
        )
    for key, text in content.items():
        if key in _LISTS or key in _SETTINGS:
            continue
        allowed = _placeholders(path, key, reference[key])
        strange = sorted(_placeholders(path, key, text) - allowed)
        if strange:
            raise TemplateError(
                "letters.error.template_bad_placeholder",
                file=path.name,
                entry=key,
                placeholder="{" + strange[0] + "}",
                allowed=", ".join("{" + a + "}" for a in sorted(allowed)) or "-",
            )


def _placeholders(path: Path, key: str, text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise TemplateError(
            "letters.error.template_bad_placeholder",
            file=path.name,
            entry=key,
            placeholder=str(exc),
            allowed="-",
        ) from exc
