"""Practical guidance (handvatten): loading, validating and searching the entries.

Shipped entries live in ``resources/guidance/<lang>/<theme_kind>/<theme_code>.json``;
an organisation's own entries arrive as dicts of the same shape (from the database)
and replace a shipped entry with the same id. ``resources/guidance/schema.json`` is
the single description of that shape; this module checks entries against it with a
small validator (jsonschema is not a dependency) that understands the keywords the
schema uses and refuses any other, so the schema cannot silently promise more.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renodesk.core.enums import (
    AdjustmentCategory,
    GuidanceThemeKind,
    Labelled,
    NeighbouringField,
    PartnerKind,
    ResistanceCause,
    VulnerabilityCategory,
)
from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import LANGUAGES, t

DEFAULT_LANGUAGE = "nl"
GUIDANCE_FOLDER = "guidance"
SCHEMA_FILE = "schema.json"

THEME_VOCABULARIES: dict[GuidanceThemeKind, type[Labelled]] = {
    GuidanceThemeKind.VULNERABILITY: VulnerabilityCategory,
    GuidanceThemeKind.RESISTANCE: ResistanceCause,
    GuidanceThemeKind.NEIGHBOURING_FIELD: NeighbouringField,
}

JsonSchema = Mapping[str, Any]


# --- validation --------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an entry: where (``field``, e.g. ``signals[2]``) and what."""

    field: str
    key: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


class GuidanceError(RenoDeskError):
    """A guidance entry (a shipped file or an organisation entry) is not valid."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        first = problems[0]
        super().__init__("guidance.error.invalid", source=source, field=first.field)
        self.source = source
        self.problems = tuple(problems)
        self.field = first.field

    def message(self, lang: str | None = None) -> str:
        details = "; ".join(
            f"{problem.field or '(entry)'}: {problem.message(lang)}" for problem in self.problems
        )
        return t("guidance.error.invalid", lang, source=self.source, details=details)


_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "examples"})
_UNDERSTOOD = _ANNOTATIONS | {
    "type", "required", "properties", "additionalProperties", "enum", "const",
    "minLength", "maxLength", "pattern", "items", "minItems", "maxItems", "uniqueItems",
    "allOf", "anyOf", "if", "then", "$ref",
}  # fmt: skip
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
}


def _child(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


class _Validator:
    """Checks a JSON value against the subset of JSON Schema that schema.json uses."""

    def __init__(self, root: JsonSchema) -> None:
        self.root = root

    def problems(self, value: Any, schema: JsonSchema, path: str = "") -> list[Problem]:
        unknown = set(schema) - _UNDERSTOOD
        if unknown:
            raise ValueError(f"guidance schema uses unsupported keywords: {sorted(unknown)}")
        if "$ref" in schema:
            return self.problems(value, self._resolve(schema["$ref"]), path)
        expected = schema.get("type")
        if expected is not None and not _has_type(value, expected):
            return [Problem(path, f"guidance.problem.type.{expected}")]
        found: list[Problem] = []
        if "const" in schema and value != schema["const"]:
            found.append(Problem(path, "guidance.problem.const", {"allowed": schema["const"]}))
        if "enum" in schema and value not in schema["enum"]:
            allowed = ", ".join(str(option) for option in schema["enum"])
            params = {"value": value, "allowed": allowed}
            found.append(Problem(path, "guidance.problem.enum", params))
        if isinstance(value, str):
            found += self._string(value, schema, path)
        elif isinstance(value, list):
            found += self._array(value, schema, path)
        elif isinstance(value, dict):
            found += self._object(value, schema, path)
        for part in schema.get("allOf", ()):
            found += self.problems(value, part, path)
        if "anyOf" in schema:
            found += self._any_of(value, schema["anyOf"], path)
        if "if" in schema and not self.problems(value, schema["if"], path):
            found += self.problems(value, schema.get("then", {}), path)
        return found

    def _resolve(self, ref: str) -> JsonSchema:
        if not ref.startswith("#/"):
            raise ValueError(f"guidance schema: only local references are supported, not {ref}")
        target: Any = self.root
        for part in ref[2:].split("/"):
            target = target[part]
        resolved: JsonSchema = target
        return resolved

    def _string(self, value: str, schema: JsonSchema, path: str) -> list[Problem]:
        found = []
        if len(value) < schema.get("minLength", 0):
            found.append(Problem(path, "guidance.problem.too_short", {"min": schema["minLength"]}))
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(Problem(path, "guidance.problem.too_long", {"max": schema["maxLength"]}))
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(Problem(path, "guidance.problem.pattern"))
        return found

    def _array(self, value: list[Any], schema: JsonSchema, path: str) -> list[Problem]:
        found = []
        if len(value) < schema.get("minItems", 0):
            found.append(Problem(path, "guidance.problem.too_few", {"min": schema["minItems"]}))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            found.append(Problem(path, "guidance.problem.too_many", {"max": schema["maxItems"]}))
        if schema.get("uniqueItems"):
            seen = [json.dumps(item, sort_keys=True) for item in value]
            if len(set(seen)) != len(seen):
                found.append(Problem(path, "guidance.problem.duplicates"))
        if "items" in schema:
            for index, item in enumerate(value):
                found += self.problems(item, schema["items"], _child(path, index))
        return found

    def _object(self, value: dict[str, Any], schema: JsonSchema, path: str) -> list[Problem]:
        found = [
            Problem(_child(path, name), "guidance.problem.missing")
            for name in schema.get("required", ())
            if name not in value
        ]
        properties: Mapping[str, JsonSchema] = schema.get("properties", {})
        for name, item in value.items():
            if name in properties:
                found += self.problems(item, properties[name], _child(path, name))
            elif schema.get("additionalProperties", True) is False:
                found.append(Problem(_child(path, name), "guidance.problem.unknown_field"))
        return found

    def _any_of(self, value: Any, options: Sequence[JsonSchema], path: str) -> list[Problem]:
        failures = [self.problems(value, option, path) for option in options]
        if any(not failure for failure in failures):
            return []
        missing = [p.field.rsplit(".", 1)[-1] for f in failures for p in f]
        if all(p.key == "guidance.problem.missing" for f in failures for p in f):
            return [Problem(path, "guidance.problem.one_of", {"fields": ", ".join(missing)})]
        return [Problem(path, "guidance.problem.no_form")]


def _has_type(value: Any, expected: str) -> bool:
    if expected in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _JSON_TYPES[expected])


def load_schema(resources_dir: Path) -> JsonSchema:
    """The guidance schema shipped in ``resources_dir``."""
    path = resources_dir / GUIDANCE_FOLDER / SCHEMA_FILE
    schema: JsonSchema = json.loads(path.read_text(encoding="utf-8"))
    return schema


def validate_entry(data: Any, schema: JsonSchema, source: str) -> None:
    """Raise GuidanceError naming ``source`` and every wrong field if ``data`` is invalid."""
    problems = _Validator(schema).problems(data, schema)
    if problems:
        raise GuidanceError(source, problems)


# --- entries -----------------------------------------------------------------------


@dataclass(frozen=True)
class SuggestedAdjustment:
    category: AdjustmentCategory
    description: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None
    reference: str | None = None

    def to_dict(self) -> dict[str, str]:
        data = {"title": self.title}
        if self.url:
            data["url"] = self.url
        if self.reference:
            data["reference"] = self.reference
        return data


@dataclass(frozen=True)
class GuidanceEntry:
    """One handvat in one language. ``from_organisation`` is not part of the stored shape."""

    id: str
    lang: str
    theme_kind: GuidanceThemeKind
    theme_code: str
    title: str
    summary: str
    signals: tuple[str, ...]
    approach: tuple[str, ...]
    suggested_adjustments: tuple[SuggestedAdjustment, ...]
    suggested_actions: tuple[str, ...]
    partners: tuple[PartnerKind, ...]
    sources: tuple[Source, ...]
    see_also: tuple[str, ...] = ()
    from_organisation: bool = False

    @property
    def theme(self) -> Labelled:
        """The vocabulary member this entry is about (its ``label()`` names the theme)."""
        return THEME_VOCABULARIES[self.theme_kind](self.theme_code)

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, from_organisation: bool = False
    ) -> GuidanceEntry:
        """Build from a dict of the schema's shape; call ``validate_entry`` first on input."""
        return cls(
            id=data["id"],
            lang=data["lang"],
            theme_kind=GuidanceThemeKind(data["theme_kind"]),
            theme_code=data["theme_code"],
            title=data["title"],
            summary=data["summary"],
            signals=tuple(data["signals"]),
            approach=tuple(data["approach"]),
            suggested_adjustments=tuple(
                SuggestedAdjustment(AdjustmentCategory(item["category"]), item["description"])
                for item in data["suggested_adjustments"]
            ),
            suggested_actions=tuple(data["suggested_actions"]),
            partners=tuple(PartnerKind(code) for code in data["partners"]),
            sources=tuple(
                Source(item["title"], item.get("url"), item.get("reference"))
                for item in data["sources"]
            ),
            see_also=tuple(data.get("see_also", ())),
            from_organisation=from_organisation,
        )

    def to_dict(self) -> dict[str, Any]:
        """The schema's shape, ready for JSON or a database column."""
        return {
            "id": self.id,
            "lang": self.lang,
            "theme_kind": self.theme_kind.value,
            "theme_code": self.theme_code,
            "title": self.title,
            "summary": self.summary,
            "signals": list(self.signals),
            "approach": list(self.approach),
            "suggested_adjustments": [
                {"category": item.category.value, "description": item.description}
                for item in self.suggested_adjustments
            ],
            "suggested_actions": list(self.suggested_actions),
            "partners": [partner.value for partner in self.partners],
            "sources": [item.to_dict() for item in self.sources],
            "see_also": list(self.see_also),
        }


def parse_entry(
    data: Any, schema: JsonSchema, source: str, *, from_organisation: bool = False
) -> GuidanceEntry:
    """Validate ``data`` and build the entry; GuidanceError names ``source`` if invalid."""
    validate_entry(data, schema, source)
    return GuidanceEntry.from_dict(data, from_organisation=from_organisation)


# --- loading -----------------------------------------------------------------------


def load_shipped_entries(resources_dir: Path, schema: JsonSchema) -> list[GuidanceEntry]:
    """Every shipped entry in every language, each file checked against the schema."""
    root = resources_dir / GUIDANCE_FOLDER
    entries: list[GuidanceEntry] = []
    first_file: dict[tuple[str, str], str] = {}
    for lang in LANGUAGES:
        for path in sorted((root / lang).glob("*/*.json")):
            source = path.relative_to(root).as_posix()
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise GuidanceError(
                    source, [Problem("", "guidance.problem.not_json", {"detail": str(error)})]
                ) from error
            entry = parse_entry(data, schema, source)
            if entry.lang != lang:
                problem = Problem("lang", "guidance.problem.wrong_folder", {"folder": lang})
                raise GuidanceError(source, [problem])
            earlier = first_file.setdefault((lang, entry.id), source)
            if earlier != source:
                problem = Problem("id", "guidance.problem.duplicate_id", {"other": earlier})
                raise GuidanceError(source, [problem])
            entries.append(entry)
    return entries


def parse_organisation_entries(
    items: Iterable[Mapping[str, Any]], schema: JsonSchema
) -> list[GuidanceEntry]:
    """Validate and build an organisation's own entries (dicts of the schema's shape)."""
    entries = []
    for index, data in enumerate(items):
        label = data.get("id") if isinstance(data, Mapping) else None
        source = t("guidance.source.organisation", None, id=label or f"#{index + 1}")
        entries.append(parse_entry(data, schema, source, from_organisation=True))
    return entries


def select_for_language(entries: Iterable[GuidanceEntry], lang: str) -> list[GuidanceEntry]:
    """One entry per id, for a coach working in ``lang``, sorted by theme.

    The organisation's version of an id wins over the shipped one, whatever its
    language (it is what the organisation decided); among equals the coach's language
    wins, then Dutch.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")

    def preference(entry: GuidanceEntry) -> tuple[bool, bool, bool]:
        return (entry.from_organisation, entry.lang == lang, entry.lang == DEFAULT_LANGUAGE)

    chosen: dict[str, GuidanceEntry] = {}
    for entry in entries:
        current = chosen.get(entry.id)
        if current is None or preference(entry) > preference(current):
            chosen[entry.id] = entry
    return sorted(chosen.values(), key=_theme_order)


def _theme_order(entry: GuidanceEntry) -> tuple[int, int, bool, str]:
    kinds = list(GuidanceThemeKind)
    codes = [member.value for member in THEME_VOCABULARIES[entry.theme_kind]]
    return (
        kinds.index(entry.theme_kind),
        codes.index(entry.theme_code),
        entry.from_organisation,
        entry.title.casefold(),
    )


def load_guidance(
    resources_dir: Path,
    lang: str,
    organisation_entries: Iterable[Mapping[str, Any]] = (),
) -> list[GuidanceEntry]:
    """The guidance a coach working in ``lang`` sees: shipped plus the organisation's own.

    ``resources_dir`` is normally ``renodesk.paths.resources_dir()``. Raises
    GuidanceError (naming the file or entry and the field) when anything is invalid.
    """
    schema = load_schema(resources_dir)
    shipped = load_shipped_entries(resources_dir, schema)
    own = parse_organisation_entries(organisation_entries, schema)
    return select_for_language([*shipped, *own], lang)


# --- finding -----------------------------------------------------------------------


def for_theme(
    entries: Iterable[GuidanceEntry], kind: GuidanceThemeKind | str, code: str
) -> list[GuidanceEntry]:
    """The entries about one theme, e.g. ``for_theme(entries, "vulnerability", "dementia")``."""
    kind = GuidanceThemeKind(kind)
    return [entry for entry in entries if entry.theme_kind == kind and entry.theme_code == code]


def for_profile(
    entries: Iterable[GuidanceEntry],
    vulnerabilities: Iterable[VulnerabilityCategory | str] = (),
    resistance_causes: Iterable[ResistanceCause | str] = (),
) -> list[GuidanceEntry]:
    """The entries for what was recorded on a tenant profile, in theme order."""
    wanted = {(GuidanceThemeKind.VULNERABILITY, str(code)) for code in vulnerabilities}
    wanted |= {(GuidanceThemeKind.RESISTANCE, str(code)) for code in resistance_causes}
    return [entry for entry in entries if (entry.theme_kind, entry.theme_code) in wanted]


def related(entries: Iterable[GuidanceEntry], entry: GuidanceEntry) -> list[GuidanceEntry]:
    """The entries ``entry`` points to with ``see_also``, in that order; unknown ids skipped."""
    by_id = {candidate.id: candidate for candidate in entries}
    return [by_id[ref] for ref in entry.see_also if ref in by_id and ref != entry.id]


def fold(text: str) -> str:
    """Lower case without accents, so "financiele" finds "financiële"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def search(entries: Iterable[GuidanceEntry], text: str) -> list[GuidanceEntry]:
    """Entries whose title, summary, signals or approach contain every word of ``text``.

    Case and accents do not matter. Entries with more words in the title come first;
    otherwise the given order is kept. An empty query returns every entry.
    """
    words = fold(text).split()
    ranked = []
    for position, entry in enumerate(entries):
        title = fold(entry.title)
        body = fold(" ".join((entry.summary, *entry.signals, *entry.approach)))
        if all(word in title or word in body for word in words):
            title_hits = sum(word in title for word in words)
            ranked.append((-title_hits, position, entry))
    return [entry for _, _, entry in sorted(ranked, key=lambda item: item[:2])]
