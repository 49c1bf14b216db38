"""The one place where the workspace changes.

Every create, change and delete runs in a unit of work that commits, in one
transaction, the rows, an audit entry per change and the sync operations
(outbox), and returns what changed so views can refresh just that.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from renodesk.core import validation
from renodesk.core.errors import ConflictError, NotFoundError, ValidationError
from renodesk.storage import codec, oplog
from renodesk.storage.bulk import insert_rows
from renodesk.storage.models import SYNCED_MODELS, SyncTombstone, WorkspaceMeta, new_id, table
from renodesk.sync.clock import Hlc, HybridClock
from renodesk.sync.operation import DELETE_FIELD, Operation

_meta = table(WorkspaceMeta)

#: Fields a finalised visit report still accepts (the rest is fixed once the letter went out).
VISIT_OPEN_AFTER_FINAL = frozenset({"addenda", "status"})


@dataclass(frozen=True)
class Change:
    entity: str
    row_id: str
    kind: str  # "create", "change" or "delete"
    fields: tuple[str, ...] = ()
    household_id: str | None = None


def table_of(entity: str) -> Table:
    try:
        return table(SYNCED_MODELS[entity])
    except KeyError as exc:
        raise ValueError(f"unknown entity {entity!r}") from exc


def sensitive_fields(entity: str) -> frozenset[str]:
    return frozenset(c.name for c in table_of(entity).c if c.info.get("sensitive"))


def read_meta(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(_meta.c.value).where(_meta.c.key == key)).scalar()
    return None if value is None else str(value)


def write_meta(conn: Connection, key: str, value: str) -> None:
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    stmt = sqlite_insert(_meta).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


class UnitOfWork:
    """Changes made inside one ``Workspace.write()`` block."""

    def __init__(self, workspace: Workspace, conn: Connection) -> None:
        self.workspace = workspace
        self.conn = conn
        self.changes: list[Change] = []
        self._ops: list[Operation] = []
        self._audits: list[dict[str, Any]] = []

    # -- helpers -------------------------------------------------------------
    def _op(self, entity: str, row_id: str, fld: str, value: Any, base: str | None) -> str:
        ws = self.workspace
        hlc = ws.clock.now().pack()
        ws.device_seq += 1
        # Unique across devices, and ascending on this one: the op log's primary-key index
        # then grows at its end instead of splitting pages all over the file.
        op_id = f"{ws.device_id[:20]}{ws.device_seq:012x}"
        self._ops.append(
            Operation(op_id, ws.device_id, ws.device_seq, hlc, entity, row_id, fld, value, base)
        )
        return hlc

    def audit(self, action: str, entity: str, row_id: str, household_id: str | None,
              detail: str = "") -> None:
        """Record who did what to which record; ``detail`` holds field names, never values."""
        ws = self.workspace
        self._audits.append({
            "id": new_id(), "at": datetime.now().replace(microsecond=0), "actor": ws.actor,
            "device_id": ws.device_id, "action": action, "entity": entity, "row_id": row_id,
            "household_id": household_id, "detail": detail[:400],
        })

    def _household_of(self, entity: str, row: dict[str, Any]) -> str | None:
        if entity == "household":
            return str(row["id"])
        value = row.get("household_id")
        return str(value) if value else None

    def get(self, entity: str, row_id: str) -> dict[str, Any]:
        target = table_of(entity)
        row = self.conn.execute(select(target).where(target.c.id == row_id)).mappings().first()
        if row is None:
            raise NotFoundError(entity, row_id)
        return dict(row)

    def _check_sensitive_basis(self, entity: str, values: dict[str, Any],
                               household_id: str | None) -> None:
        touched = {f for f in sensitive_fields(entity) if values.get(f) not in (None, "", "none")}
        if not touched or household_id is None:
            return
        household = self.get("household", household_id)
        if household["consent_basis"] == "none" or household["consent_withdrawn_date"]:
            raise ValidationError({sorted(touched)[0]: ("validation.no_basis", {})})

    # -- the three changes ---------------------------------------------------
    def create(self, entity: str, values: dict[str, Any], row_id: str | None = None) -> str:
        return self.create_many(entity, [{**values, "id": row_id} if row_id else values])[0]

    def create_many(self, entity: str, rows: list[dict[str, Any]]) -> list[str]:
        """Create many records of one kind at once (imports, demo data): same rules,
        audit entries and operations as ``create``, written with one executemany each."""
        if not rows:
            return []
        target = table_of(entity)
        defaults = {c.name: _static_default(c) for c in target.c}
        prepared: list[dict[str, Any]] = []
        for values in rows:
            values = dict(values)
            row_id = values.pop("id", None) or new_id()
            row = dict(defaults)
            row.update(validation.clean(entity, values, creating=True))
            row["id"] = row_id
            prepared.append(row)
        self._check_bulk_basis(entity, prepared)
        insert_rows(self.conn, target, prepared)
        bulk = len(prepared) > 1
        audited: dict[str | None, list[str]] = {}
        for row, values in zip(prepared, rows, strict=True):
            self._op(entity, row["id"], oplog.CREATE_FIELD, row, None)
            household_id = self._household_of(entity, row)
            if entity != "audit_entry":
                if bulk:
                    audited.setdefault(household_id, []).append(row["id"])
                else:
                    self.audit("create", entity, row["id"], household_id)
            fields = () if bulk else tuple(k for k in values if k != "id")
            self.changes.append(Change(entity, row["id"], "create", fields, household_id))
        # A bulk creation (import, demo set) is audited once per household and kind:
        # the entry names the household, the kind and how many records were made.
        for household_id, ids in audited.items():
            self.audit("create", entity, household_id or ids[0], household_id,
                       f"bulk:{len(ids)}")
        return [str(row["id"]) for row in prepared]

    def _check_bulk_basis(self, entity: str, rows: list[dict[str, Any]]) -> None:
        fields = sensitive_fields(entity)
        if not fields:
            return
        needing = [r for r in rows if any(r.get(f) not in (None, "", "none") for f in fields)]
        if not needing:
            return
        if entity == "household":
            bases = {r["id"]: (r["consent_basis"], r["consent_withdrawn_date"]) for r in rows}
        else:
            households = table_of("household")
            ids = list({r["household_id"] for r in needing})
            bases = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                query = select(households.c.id, households.c.consent_basis,
                               households.c.consent_withdrawn_date).where(
                    households.c.id.in_(chunk))
                bases.update({r[0]: (r[1], r[2]) for r in self.conn.execute(query)})
        for row in needing:
            key = row["id"] if entity == "household" else row["household_id"]
            basis, withdrawn = bases.get(key, ("none", None))
            if basis == "none" or withdrawn:
                raise ValidationError({sorted(fields)[0]: ("validation.no_basis", {})})

    def update(self, entity: str, row_id: str, values: dict[str, Any]) -> Change | None:
        target = table_of(entity)
        before = self.get(entity, row_id)
        cleaned = validation.clean(entity, values, creating=False)
        changed = {k: v for k, v in cleaned.items() if before.get(k) != v}
        if not changed:
            return None
        if entity == "visit" and before["finalised_at"] and set(changed) - VISIT_OPEN_AFTER_FINAL:
            raise ConflictError("error.visit_finalised")
        household_id = self._household_of(entity, before)
        self._check_sensitive_basis(entity, changed, household_id)
        self.conn.execute(update(target).where(target.c.id == row_id).values(**changed))
        for fld, value in changed.items():
            base = oplog.field_clock(self.conn, entity, row_id, fld)
            hlc = self._op(entity, row_id, fld, codec.encode(value), base)
            oplog.set_field_clocks(self.conn, entity, row_id, [fld], hlc)
        self.audit("change", entity, row_id, household_id, ",".join(sorted(changed)))
        change = Change(entity, row_id, "change", tuple(sorted(changed)), household_id)
        self.changes.append(change)
        return change

    def rewrite(self, entity: str, row_id: str, field: str) -> Change:
        """Write a field's current value once more, as a new edit.

        Settling a conflict by keeping the text as it is must still reach the other
        laptops (so their copy of the conflict is settled too).
        """
        before = self.get(entity, row_id)
        value = before[field]
        base = oplog.field_clock(self.conn, entity, row_id, field)
        hlc = self._op(entity, row_id, field, codec.encode(value), base)
        oplog.set_field_clocks(self.conn, entity, row_id, [field], hlc)
        household_id = self._household_of(entity, before)
        self.audit("change", entity, row_id, household_id, field)
        change = Change(entity, row_id, "change", (field,), household_id)
        self.changes.append(change)
        return change

    def erase_fields(self, entity: str, row_id: str, blanks: dict[str, Any]) -> Change | None:
        """Overwrite fields with their empty values for an erasure (AVG): unlike ``update``
        this also reaches a finalised visit report and needs no basis for sensitive data.
        The edits sync like any other; the audit entry is an ``erase`` naming the fields."""
        before = self.get(entity, row_id)
        changed = {k: v for k, v in blanks.items() if before[k] != v}
        if not changed:
            return None
        target = table_of(entity)
        self.conn.execute(update(target).where(target.c.id == row_id).values(**changed))
        for fld, value in changed.items():
            base = oplog.field_clock(self.conn, entity, row_id, fld)
            hlc = self._op(entity, row_id, fld, codec.encode(value), base)
            oplog.set_field_clocks(self.conn, entity, row_id, [fld], hlc)
        household_id = self._household_of(entity, before)
        self.audit("erase", entity, row_id, household_id, ",".join(sorted(changed)))
        change = Change(entity, row_id, "change", tuple(sorted(changed)), household_id)
        self.changes.append(change)
        return change

    def delete(self, entity: str, row_id: str) -> list[Change]:
        """Delete a record; children that cannot live without it go too, optional links are cut."""
        before = self.get(entity, row_id)
        done: list[Change] = []
        for child_table, column in _children(entity):
            ids = self.conn.execute(
                select(child_table.c.id).where(column == row_id)
            ).scalars().all()
            for child_id in ids:
                if column.nullable:
                    change = self.update(child_table.name, child_id, {column.name: None})
                    if change:
                        done.append(change)
                else:
                    done.extend(self.delete(child_table.name, child_id))
        target = table_of(entity)
        self.conn.execute(delete(target).where(target.c.id == row_id))
        hlc = self._op(entity, row_id, DELETE_FIELD, True, None)
        self.conn.execute(insert(table(SyncTombstone)), [{
            "entity": entity, "row_id": row_id, "hlc": hlc, "deleted_at": datetime.now()}])
        household_id = self._household_of(entity, before)
        self.audit("delete", entity, row_id, household_id)
        change = Change(entity, row_id, "delete", (), household_id)
        self.changes.append(change)
        done.append(change)
        return done

    def finish(self) -> None:
        """Write audit entries (as synced records) and the outbox, and persist the clock."""
        if self._audits:
            target = table_of("audit_entry")
            self.conn.execute(insert(target), self._audits)
            for entry in self._audits:
                self._op("audit_entry", entry["id"], oplog.CREATE_FIELD, codec.encode_row(entry),
                         None)
        oplog.write_local(self.conn, self._ops)
        ws = self.workspace
        write_meta(self.conn, "hlc", ws.clock.last.pack())
        write_meta(self.conn, "device_seq", str(ws.device_seq))


def _static_default(column: Any) -> Any:
    arg = getattr(column.default, "arg", None)
    return None if callable(arg) else arg


def _children(entity: str) -> list[tuple[Table, Any]]:
    found = []
    for model in SYNCED_MODELS.values():
        child = table(model)
        for column in child.c:
            for fk in column.foreign_keys:
                if fk.column.table.name == entity:
                    found.append((child, column))
    return found


@dataclass
class Workspace:
    """An open workspace: the engine plus who and where this laptop is."""

    engine: Engine
    device_id: str
    actor: str
    clock: HybridClock
    device_seq: int
    sessions: sessionmaker[Session] = field(init=False)
    _writer: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def attach(cls, engine: Engine, actor: str | None = None) -> Workspace:
        """Load this device's identity and clock from the database (created on first use)."""
        with engine.begin() as conn:
            device_id = read_meta(conn, "device_id")
            if device_id is None:
                device_id = uuid.uuid4().hex
                write_meta(conn, "device_id", device_id)
            packed = read_meta(conn, "hlc")
            seq = int(read_meta(conn, "device_seq") or 0)
            coach = actor or read_meta(conn, "coach_name") or ""
        last = Hlc.unpack(packed) if packed else None
        return cls(engine, device_id, coach, HybridClock(device_id, last), seq)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the single-writer lock for work that is not one unit of work (a sync run):
        no edit interleaves with it."""
        with self._writer:
            yield

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """One transaction; on any error nothing is written and the counters are restored."""
        with self._writer:
            saved = (self.clock.last, self.device_seq)
            try:
                with self.engine.begin() as conn:
                    uow = UnitOfWork(self, conn)
                    yield uow
                    uow.finish()
            except BaseException:
                self.clock.last, self.device_seq = saved
                raise

    def create(self, entity: str, values: dict[str, Any]) -> Change:
        with self.write() as uow:
            uow.create(entity, values)
        return uow.changes[0]

    def update(self, entity: str, row_id: str, values: dict[str, Any]) -> Change | None:
        with self.write() as uow:
            return uow.update(entity, row_id, values)

    def delete(self, entity: str, row_id: str) -> list[Change]:
        with self.write() as uow:
            return uow.delete(entity, row_id)

    def session(self) -> Session:
        return self.sessions()

    def get(self, entity: str, row_id: str) -> dict[str, Any]:
        target = table_of(entity)
        with self.engine.connect() as conn:
            row = conn.execute(select(target).where(target.c.id == row_id)).mappings().first()
        if row is None:
            raise NotFoundError(entity, row_id)
        return dict(row)

    def record_access(self, action: str, entity: str, row_id: str,
                      household_id: str | None, detail: str = "") -> None:
        """Audit a view, export or print of personal data."""
        with self.write() as uow:
            uow.audit(action, entity, row_id, household_id, detail)

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return read_meta(conn, key)

    def set_meta(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            write_meta(conn, key, value)

    def op_count(self, unsent_only: bool = True) -> int:
        """This laptop's changes not yet put into a changeset for the team (or, with
        ``unsent_only=False``, every operation in the log)."""
        with self.engine.connect() as conn:
            if unsent_only:
                return max(0, self.device_seq - oplog.covered_seq(conn))
            from sqlalchemy import func

            from renodesk.storage.models import SyncOperation

            count = select(func.count()).select_from(table(SyncOperation))
            return int(conn.execute(count).scalar() or 0)
