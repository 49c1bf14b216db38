"""The shape of the synced tables as a merge needs it: which table an entity is,
parents before children, who points at whom, unique keys and free-text fields.

Read once from the ORM mapping (``SYNCED_MODELS``); nothing here touches a database.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Column, Table, UniqueConstraint

from renodesk.storage.models import SYNCED_MODELS
from renodesk.storage.models import table as table_for


def synced_table(entity: str) -> Table | None:
    """The table of a synced entity; None for one this version does not know."""
    model = SYNCED_MODELS.get(entity)
    return None if model is None else table_for(model)


@cache
def dependency_rank() -> dict[str, int]:
    """Synced tables ordered so that every parent comes before its children."""
    rank: dict[str, int] = {}

    def visit(name: str, path: frozenset[str]) -> int:
        if name in rank:
            return rank[name]
        table = synced_table(name)
        parents = [] if table is None else [
            fk.column.table.name for col in table.c for fk in col.foreign_keys
            if fk.column.table.name != name and fk.column.table.name not in path]
        rank[name] = 1 + max((visit(p, path | {name}) for p in parents), default=-1)
        return rank[name]

    for name in SYNCED_MODELS:
        visit(name, frozenset())
    return rank


@cache
def children_of(entity: str) -> tuple[tuple[str, str, bool], ...]:
    """(child table, column, nullable) for every foreign key pointing at ``entity``."""
    found = []
    for name in SYNCED_MODELS:
        table = synced_table(name)
        assert table is not None
        for col in table.c:
            if any(fk.column.table.name == entity for fk in col.foreign_keys):
                found.append((name, col.name, bool(col.nullable)))
    return tuple(found)


def parent_of(col: Column[Any]) -> str | None:
    """The table a foreign-key column points at; None for a plain column."""
    for fk in col.foreign_keys:
        return str(fk.column.table.name)
    return None


def unique_groups(table: Table) -> list[tuple[str, ...]]:
    """The column groups that must be unique in ``table`` (single columns first)."""
    groups: list[tuple[str, ...]] = [(col.name,) for col in table.c if col.unique]
    groups += [tuple(c.name for c in con.columns) for con in table.constraints
               if isinstance(con, UniqueConstraint)]
    return list(dict.fromkeys(groups))


def static_default(col: Column[Any]) -> Any:
    """A column's fixed default (a callable default reads as None)."""
    arg = getattr(col.default, "arg", None)
    return None if callable(arg) else arg


def is_free_text(table: Table, name: str) -> bool:
    """True for a free-text field: concurrent edits keep both versions."""
    return bool(table.c[name].info.get("free_text"))
