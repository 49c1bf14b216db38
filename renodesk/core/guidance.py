"""Practical guidance (handvatten): the entries, loading them, and finding them.

Shipped entries live in ``resources/guidance/<lang>/<theme_kind>/<theme_code>.json``;
an organisation's own entries arrive as dicts of the same shape (from the database)
and replace a shipped entry with the same id. Every entry is checked against
``resources/guidance/schema.json`` first (see ``renodesk.core.guidance_schema``).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
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
from renodesk.core.guidance_schema import (
    GUIDANCE_FOLDER,
    GuidanceError,
    JsonSchema,
    Problem,
    load_schema,
    validate_entry,
)
from renodesk.core.i18n import LANGUAGES, t

DEFAULT_LANGUAGE = "nl"

THEME_VOCABULARIES: dict[GuidanceThemeKind, type[Labelled]] = {
    GuidanceThemeKind.VULNERABILITY: VulnerabilityCategory,
    GuidanceThemeKind.RESISTANCE: ResistanceCause,
    GuidanceThemeKind.NEIGHBOURING_FIELD: NeighbouringField,
}


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


#: Shipped entries already read and checked, by folder and the files' sizes and times:
#: every profile shows guidance, and reading and checking ~60 files each time cost ~30 ms.
_shipped_cache: dict[tuple[str, tuple[tuple[str, int, int], ...]], tuple[GuidanceEntry, ...]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(root.glob("**/*.json"))
    stats = [(path, path.stat()) for path in files]
    return tuple((str(path), stat.st_size, stat.st_mtime_ns) for path, stat in stats)


def load_shipped_entries(resources_dir: Path, schema: JsonSchema) -> list[GuidanceEntry]:
    """Every shipped entry in every language, each file checked against the schema
    (read once while the files stay as they are)."""
    root = resources_dir / GUIDANCE_FOLDER
    key = (str(root), _fingerprint(root))
    if key not in _shipped_cache:
        if len(_shipped_cache) > 4:
            _shipped_cache.clear()
        _shipped_cache[key] = tuple(_read_shipped_entries(root, schema))
    return list(_shipped_cache[key])


def _read_shipped_entries(root: Path, schema: JsonSchema) -> list[GuidanceEntry]:
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
