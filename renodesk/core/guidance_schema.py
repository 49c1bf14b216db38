"""The shape of a guidance entry: ``resources/guidance/schema.json`` and its validator.

The schema is the single description of an entry's shape, for shipped files and an
organisation's own entries alike. jsonschema is not a dependency, so a small validator
checks entries against it: it understands the keywords the schema uses and refuses any
other, so the schema cannot silently promise more. Problems are named by field so a
coach or editor can see what to fix.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import t

GUIDANCE_FOLDER = "guidance"
SCHEMA_FILE = "schema.json"

JsonSchema = Mapping[str, Any]


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
