"""Text typed but not yet saved, kept so a crash or a killed laptop loses nothing.

Drafts live in the encrypted workspace database (table ``draft``, local to this
laptop, never synced). A screen saves its draft a moment after the coach stops
typing, under a key such as ``visit:<id>``; on the next start the drafts still
there are offered back; saving the real record discards its draft.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects.sqlite import insert

from renodesk.storage.models import Draft as DraftRecord
from renodesk.storage.models import table

_draft = table(DraftRecord)


def draft_key(entity: str, row_id: str) -> str:
    """The key of the draft of one record, e.g. ``visit:<id>``."""
    return f"{entity}:{row_id}"


@dataclass(frozen=True)
class Draft:
    key: str
    content: dict[str, Any]
    updated_at: datetime

    @property
    def entity(self) -> str:
        return self.key.partition(":")[0]

    @property
    def row_id(self) -> str:
        return self.key.partition(":")[2]


class DraftStore:
    """Save, find and discard drafts in one workspace."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, key: str, content: dict[str, Any]) -> None:
        """Keep ``content`` (JSON-able values) under ``key``, replacing an older draft."""
        payload = json.dumps(content, ensure_ascii=False, default=str)
        now = datetime.now()
        stmt = insert(_draft).values(key=key, content_json=payload, updated_at=now)
        stmt = stmt.on_conflict_do_update(index_elements=["key"],
                                          set_={"content_json": payload, "updated_at": now})
        with self.engine.begin() as conn:
            conn.execute(stmt)

    def load(self, key: str) -> Draft | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_draft).where(_draft.c.key == key)).first()
        return None if row is None else Draft(row.key, json.loads(row.content_json),
                                              row.updated_at)

    def pending(self, prefix: str = "") -> list[Draft]:
        """Drafts left behind (after a crash or kill), the newest first."""
        query = select(_draft).order_by(_draft.c.updated_at.desc())
        if prefix:
            query = query.where(_draft.c.key.startswith(prefix, autoescape=True))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [Draft(r.key, json.loads(r.content_json), r.updated_at) for r in rows]

    def discard(self, key: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(_draft).where(_draft.c.key == key))
