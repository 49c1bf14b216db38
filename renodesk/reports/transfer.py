"""Lossless JSON export of a workspace, and import through the use cases."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.core.workspace import Workspace, table_of
from renodesk.reports.export_file import write_export
from renodesk.storage import codec
from renodesk.storage.models import SYNCED_MODELS, Base

FORMAT = "renodesk-export"
VERSION = 1


def entity_order() -> list[str]:
    """Synced entities with parents before children (foreign-key order)."""
    return [t.name for t in Base.metadata.sorted_tables if t.name in SYNCED_MODELS]


def export_data(workspace: Workspace) -> dict[str, Any]:
    entities: dict[str, list[dict[str, Any]]] = {}
    with workspace.engine.connect() as conn:
        for entity in entity_order():
            target = table_of(entity)
            rows = conn.execute(select(target).order_by(target.c.id)).mappings()
            entities[entity] = [codec.encode_row(dict(r)) for r in rows]
    return {"format": FORMAT, "version": VERSION,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "entities": entities}


def export_json(workspace: Workspace, out: Path) -> int:
    data = export_data(workspace)
    write_export(out, json.dumps(data, ensure_ascii=False, indent=1))
    count = sum(len(rows) for rows in data["entities"].values())
    with workspace.write() as uow:
        uow.audit("export", "workspace", "0" * 32, None, f"json:{count}")
    return count


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def read_export(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RenoDeskError("error.file_unreadable", path=str(path), detail=str(exc)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(
            data.get("entities"), dict):
        raise RenoDeskError("error.file_unreadable", path=str(path), detail=FORMAT + "?")
    return data


def import_data(workspace: Workspace, data: dict[str, Any]) -> ImportResult:
    """Create or update every record through the use cases, all in one transaction."""
    result = ImportResult()
    entities: dict[str, Any] = data["entities"]
    unknown = set(entities) - set(SYNCED_MODELS)
    if unknown:
        raise RenoDeskError("error.import_rejected", index=0, entity=sorted(unknown)[0],
                            detail="?")
    with workspace.write() as uow:
        for entity in entity_order():
            rows = entities.get(entity) or []
            target = table_of(entity)
            existing_ids: set[str] = set()
            ids = [r.get("id") for r in rows if isinstance(r, dict)]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                existing_ids.update(uow.conn.execute(
                    select(target.c.id).where(target.c.id.in_(chunk))).scalars())
            new_rows = []
            for index, raw in enumerate(rows, start=1):
                try:
                    if not isinstance(raw, dict) or not raw.get("id"):
                        raise ValueError("id")
                    values = codec.decode_row(target, raw)
                    row_id = values.pop("id")
                    if row_id in existing_ids:
                        if uow.update(entity, row_id, values):
                            result.updated += 1
                        else:
                            result.unchanged += 1
                    else:
                        new_rows.append({**values, "id": row_id})
                except ValidationError as exc:
                    raise RenoDeskError("error.import_rejected", index=index, entity=entity,
                                        detail=exc.message()) from exc
                except (ValueError, TypeError, KeyError) as exc:
                    raise RenoDeskError("error.import_rejected", index=index, entity=entity,
                                        detail=str(exc)) from exc
            try:
                uow.create_many(entity, new_rows)
            except ValidationError as exc:
                raise RenoDeskError("error.import_rejected", index=0, entity=entity,
                                    detail=exc.message()) from exc
            result.created += len(new_rows)
    return result
