"""Erasing a household (or only its sensitive data) so it is gone, not merely hidden.

Locally an erasure

1. deletes the household with everything that belongs to it (visits, contact moments,
   adjustments, actions, letters, vulnerabilities, involvements) through the unit of
   work, so the deletes sync like any other and leave tombstones (ids and clocks only);
2. purges the operation history of those records: every operation ever made holds
   values, so only the delete operations themselves are kept; field clocks, open
   conflicts and unsaved drafts about them go too;
3. compacts the database (VACUUM, WAL checkpoint and truncate) so freed pages that
   still hold the old values do not linger in the file, and removes backups made before
   a schema upgrade, which hold a copy of everything.

Other laptops receive the deletes (or, for a sensitive-only erasure, the audit entry
``erase``) and call :func:`after_merge`, which purges their history in the same way.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, or_, select, update

from renodesk.core.privacy import blank_value
from renodesk.core.workspace import (
    Change,
    UnitOfWork,
    Workspace,
    read_meta,
    sensitive_fields,
    table_of,
    write_meta,
)
from renodesk.storage import oplog
from renodesk.storage.models import (
    SYNCED_MODELS,
    Draft,
    SyncConflict,
    SyncFieldClock,
    SyncOperation,
    SyncTombstone,
    table,
)
from renodesk.sync.operation import DELETE_FIELD, Operation

SCOPE_HOUSEHOLD = "household"
SCOPE_SENSITIVE = "sensitive"
#: Workspace meta key: an erasure arrived by sync and the file still needs compacting.
COMPACTION_DUE = "privacy_compaction_due"
#: Workspace meta key: "<scope>:<household id>" of an erasure whose history is not yet purged.
PURGE_PENDING = "privacy_purge_pending"

_ops = table(SyncOperation)
_clocks = table(SyncFieldClock)
_conflicts = table(SyncConflict)
_tombs = table(SyncTombstone)
_drafts = table(Draft)

#: JSON of the values an erased field may still hold in the history.
_BLANK_JSON = ('""', '"none"', "null")
_CHUNK = 500


@dataclass
class ErasureResult:
    """What an erasure did (counts only)."""

    household_id: str
    scope: str
    records: int = 0
    history_purged: int = 0
    backups_removed: int = 0
    changes: list[Change] = field(default_factory=list)


# --- local erasure ---------------------------------------------------------------------


def erase_household(ws: Workspace, household_id: str, *, sensitive_only: bool = False,
                    compact: bool = True) -> ErasureResult:
    """Erase a household entirely, or only its sensitive data; see the module docstring.

    ``compact=False`` leaves compaction to the caller (erasing many households at once
    compacts once at the end with :func:`compact_database`)."""
    scope = SCOPE_SENSITIVE if sensitive_only else SCOPE_HOUSEHOLD
    result = ErasureResult(household_id, scope)
    finish_pending_purge(ws)
    with ws.write() as uow:
        uow.get("household", household_id)  # NotFoundError before anything happens
        if sensitive_only:
            _blank_sensitive(uow, household_id, result)
        else:
            _delete_household(uow, household_id, result)
        uow.audit("erase", "household", household_id, household_id, scope)
        write_meta(uow.conn, PURGE_PENDING, f"{scope}:{household_id}")
        write_meta(uow.conn, COMPACTION_DUE, "1")
    # The unit of work writes its own operations when it finishes, so the history is
    # purged in a second transaction; should the laptop stop in between, the purge is
    # finished by the next erasure or :func:`compact_if_due`.
    result.history_purged = finish_pending_purge(
        ws, {(c.entity, c.row_id) for c in result.changes if c.kind == "delete"})
    if compact:
        result.backups_removed = compact_database(ws)
    return result


def finish_pending_purge(ws: Workspace, deleted: Collection[tuple[str, str]] = ()) -> int:
    """Purge the history of the last erasure if that has not happened yet; ``deleted``
    names records it deleted (also those this laptop knows without their creation)."""
    pending = ws.meta(PURGE_PENDING)
    if not pending:
        return 0
    scope, _sep, household_id = pending.partition(":")
    with ws.write() as uow:
        if scope == SCOPE_SENSITIVE:
            purged = forget_sensitive_history(uow.conn, household_id)
        else:
            # Every record of the household that is deleted, also earlier: a deleted
            # record's history still holds its values.
            purged = forget_history(uow.conn, set(deleted) | tombstoned(
                uow.conn, records_of_households(uow.conn, {household_id})))
        write_meta(uow.conn, PURGE_PENDING, "")
    return purged


def _delete_household(uow: UnitOfWork, household_id: str, result: ErasureResult) -> None:
    visits = table_of("visit")
    actions = table_of("action")
    visit_ids = list(uow.conn.execute(
        select(visits.c.id).where(visits.c.household_id == household_id)).scalars())
    # Actions link to a household optionally; a plain delete would only cut the link and
    # keep their text, so the household's actions are deleted first.
    action_ids = list(uow.conn.execute(select(actions.c.id).where(or_(
        actions.c.household_id == household_id,
        actions.c.visit_id.in_(visit_ids)))).scalars())
    for action_id in action_ids:
        result.changes.extend(uow.delete("action", action_id))
    result.changes.extend(uow.delete("household", household_id))
    result.records = sum(1 for c in result.changes if c.kind == "delete")


def _blank_sensitive(uow: UnitOfWork, household_id: str, result: ErasureResult) -> None:
    vulnerabilities = table_of("vulnerability")
    for row_id in list(uow.conn.execute(select(vulnerabilities.c.id).where(
            vulnerabilities.c.household_id == household_id)).scalars()):
        result.changes.extend(uow.delete("vulnerability", row_id))
    for entity, row_id in _records_with_sensitive_fields(uow.conn, household_id):
        change = _blank(uow, entity, row_id)
        if change is not None:
            result.changes.append(change)
    result.records = len(result.changes)


def _records_with_sensitive_fields(conn: Connection,
                                   household_id: str) -> list[tuple[str, str]]:
    found = [("household", household_id)]
    for entity in ("involvement", "visit"):
        target = table_of(entity)
        found += [(entity, row_id) for row_id in conn.execute(
            select(target.c.id).where(target.c.household_id == household_id)).scalars()]
    return found


def _blank(uow: UnitOfWork, entity: str, row_id: str) -> Change | None:
    """Blank the sensitive fields of one record; finalised visit reports too (an erasure
    is the one change a finalised report accepts)."""
    return uow.erase_fields(entity, row_id, {name: blank_value(entity, name)
                                             for name in sensitive_fields(entity)})


# --- purging the history -------------------------------------------------------------


def _by_entity(records: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in records:
        grouped[entity].append(row_id)
    return grouped


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _purgeable(conn: Connection) -> Any:
    """Which operations may be purged: all, except those of a changeset being written
    right now (after a crash), which the sync engine checks against the file it may
    already have written. None when nothing is held back."""
    pending = read_meta(conn, "sync_pending_seq")
    if not pending:
        return None
    return or_(_ops.c.local.is_(False), _ops.c.sent_in.is_(None),
               _ops.c.sent_in != int(pending))


def forget_history(conn: Connection, records: Collection[tuple[str, str]]) -> int:
    """Purge what this workspace remembers of deleted records: every operation except the
    delete itself, their field clocks, conflicts and drafts. Returns operations removed."""
    removed = 0
    purgeable = _purgeable(conn)
    for entity, ids in _by_entity(records).items():
        for chunk in _chunks(ids):
            query = delete(_ops).where(_ops.c.entity == entity, _ops.c.row_id.in_(chunk),
                                       _ops.c.field != DELETE_FIELD)
            if purgeable is not None:
                query = query.where(purgeable)
            removed += conn.execute(query).rowcount or 0
            conn.execute(delete(_clocks).where(_clocks.c.entity == entity,
                                               _clocks.c.row_id.in_(chunk)))
            conn.execute(delete(_conflicts).where(_conflicts.c.entity == entity,
                                                  _conflicts.c.row_id.in_(chunk)))
            conn.execute(delete(_drafts).where(_drafts.c.key.in_(
                [f"{entity}:{row_id}" for row_id in chunk])))
    return removed


def forget_sensitive_history(conn: Connection, household_id: str) -> int:
    """Purge the past values of a household's sensitive fields (after a sensitive-only
    erasure): field edits that held a value, the sensitive part of each create, conflicts
    on those fields and unsaved visit drafts. Returns operations removed or rewritten."""
    touched = 0
    purgeable = _purgeable(conn)
    for entity, ids in _by_entity(_records_with_sensitive_fields(conn, household_id)).items():
        fields = sorted(sensitive_fields(entity))
        for chunk in _chunks(ids):
            query = delete(_ops).where(
                _ops.c.entity == entity, _ops.c.row_id.in_(chunk), _ops.c.field.in_(fields),
                _ops.c.value_json.not_in(_BLANK_JSON))
            if purgeable is not None:
                query = query.where(purgeable)
            touched += conn.execute(query).rowcount or 0
            creates = conn.execute(select(_ops.c.op_id, _ops.c.value_json).where(
                _ops.c.entity == entity, _ops.c.row_id.in_(chunk),
                _ops.c.field == oplog.CREATE_FIELD)).all()
            for op_id, value_json in creates:
                value = json.loads(value_json)
                redacted = {k: (blank_value(entity, k) if k in fields else v)
                            for k, v in value.items()}
                if redacted != value:
                    conn.execute(update(_ops).where(_ops.c.op_id == op_id).values(
                        value_json=json.dumps(redacted, ensure_ascii=False)))
                    touched += 1
            conn.execute(delete(_conflicts).where(
                _conflicts.c.entity == entity, _conflicts.c.row_id.in_(chunk),
                _conflicts.c.field.in_([*fields, oplog.CREATE_FIELD])))
            if entity == "visit":
                conn.execute(delete(_drafts).where(_drafts.c.key.in_(
                    [f"visit:{row_id}" for row_id in chunk])))
    # Records of the household deleted earlier (vulnerabilities just now, too) keep no
    # history either.
    touched += forget_history(conn, tombstoned(conn, records_of_households(conn,
                                                                          {household_id})))
    return touched


def tombstoned(conn: Connection, records: Collection[tuple[str, str]]) -> set[tuple[str, str]]:
    """The records among ``records`` that are deleted (have a tombstone)."""
    found: set[tuple[str, str]] = set()
    for entity, ids in _by_entity(records).items():
        for chunk in _chunks(ids):
            found.update((entity, row_id) for row_id in conn.execute(
                select(_tombs.c.row_id).where(_tombs.c.entity == entity,
                                              _tombs.c.row_id.in_(chunk))).scalars())
    return found


def _created_under(conn: Connection, column: str, parents: Collection[str]) -> set[tuple[str, str]]:
    """Records that name one of ``parents`` in ``column``: those that exist, and those
    deleted earlier, known from their create operation (the audit trail is not included)."""
    found: set[tuple[str, str]] = set()
    holders = [name for name in SYNCED_MODELS
               if name != "audit_entry" and column in table_of(name).c]
    for chunk in _chunks(sorted(parents)):
        for name in holders:
            target = table_of(name)
            found.update((name, str(row_id)) for row_id in conn.execute(
                select(target.c.id).where(target.c[column].in_(chunk))).scalars())
        # Tombstones first (CROSS JOIN fixes the order in SQLite): there are few of them,
        # and each finds its create operation through the (entity, row_id, field) index.
        marks = ", ".join("?" * len(chunk))
        found.update((str(entity), str(row_id)) for entity, row_id in conn.exec_driver_sql(
            "SELECT o.entity, o.row_id FROM sync_tombstone t CROSS JOIN sync_operation o "
            "ON o.entity = t.entity AND o.row_id = t.row_id AND o.field = ? "
            f"WHERE o.entity != 'audit_entry' AND json_extract(o.value_json, ?) IN ({marks})",
            (oplog.CREATE_FIELD, f"$.{column}", *chunk)))
    return found


def records_of_households(conn: Connection, households: Collection[str]) -> set[tuple[str, str]]:
    """Every record that belongs to ``households``, existing or deleted earlier: the
    households, their children, and the actions of their visits."""
    records = {("household", h) for h in households} | _created_under(
        conn, "household_id", households)
    visits = {row_id for entity, row_id in records if entity == "visit"}
    return records | _created_under(conn, "visit_id", visits)


def _erased_before(conn: Connection, households: Collection[str]) -> set[str]:
    audit = table_of("audit_entry")
    found: set[str] = set()
    for chunk in _chunks(sorted(households)):
        found.update(conn.execute(select(audit.c.row_id).where(
            audit.c.row_id.in_(chunk), audit.c.action == "erase",
            audit.c.detail == SCOPE_HOUSEHOLD)).scalars())
    return found


def after_merge(conn: Connection, ops: Iterable[Operation],
                touched: Collection[tuple[str, str]] = ()) -> int:
    """On a receiving laptop, after remote operations were applied (same transaction):
    carry out erasures made elsewhere.

    The audit entry ``erase`` that travels with an erasure says which household; its
    records (known from this laptop's history, and everything the batch deleted) lose
    their history here too. Operations about an erased household that arrive later (from
    a laptop that was offline) are dropped from the history as well. A sensitive-only
    erasure purges the past values of the sensitive fields. Ordinary deletes keep their
    history, as on the laptop that made them."""
    batch = list(ops)
    erased: set[str] = set()
    sensitive: set[str] = set()
    mentioned: set[str] = set()
    for op in batch:
        value = op.value if isinstance(op.value, dict) else {}
        if op.entity == "audit_entry" and op.field == oplog.CREATE_FIELD:
            if value.get("action") == "erase":
                target = erased if value.get("detail") == SCOPE_HOUSEHOLD else sensitive
                target.add(str(value.get("household_id") or ""))
            continue
        if op.entity == "household":
            mentioned.add(op.row_id)
        elif value.get("household_id"):
            mentioned.add(str(value["household_id"]))
    candidates: set[tuple[str, str]] = set()
    if erased:
        candidates |= records_of_households(conn, erased) | set(touched)
        candidates |= {(op.entity, op.row_id) for op in batch if op.is_delete}
    late = _erased_before(conn, mentioned - erased) if mentioned else set()
    if late:
        candidates |= {(op.entity, op.row_id) for op in batch if not op.is_delete and (
            op.row_id in late or (isinstance(op.value, dict)
                                  and op.value.get("household_id") in late))}
    purged = forget_history(conn, tombstoned(conn, candidates)) if candidates else 0
    households = table_of("household")
    for household_id in sensitive:
        if conn.execute(select(households.c.id).where(
                households.c.id == household_id)).first() is not None:
            purged += forget_sensitive_history(conn, household_id)
    if erased or sensitive or purged:
        # The rows are gone, but their old bytes still sit in free pages and the WAL
        # until the file is rewritten, which cannot happen inside this transaction.
        write_meta(conn, COMPACTION_DUE, "1")
    return purged


def compact_if_due(ws: Workspace) -> bool:
    """Compact the database when an erasure arrived by sync since the last compaction.
    Call after every sync run (and at start-up); cheap when nothing is due."""
    finish_pending_purge(ws)
    if not ws.meta(COMPACTION_DUE):
        return False
    compact_database(ws)
    return True


# --- the files -------------------------------------------------------------------------


def database_file(ws: Workspace) -> Path:
    """The workspace's database file, as SQLite reports it."""
    with ws.engine.connect() as conn:
        for row in conn.exec_driver_sql("PRAGMA database_list"):
            if row[1] == "main":
                return Path(row[2])
    raise RuntimeError("no main database")


def compact_database(ws: Workspace) -> int:
    """Rewrite the database without its free pages, empty the WAL, and remove the
    pre-upgrade backups. Returns the number of backup files removed.

    SQLCipher's VACUUM re-encrypts every live page into a new file; the checkpoint with
    TRUNCATE writes the WAL back and cuts it to zero bytes."""
    database = database_file(ws)
    with ws._writer:  # no unit of work or sync may run during the rewrite
        raw = ws.engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert driver is not None
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            driver.execute("VACUUM")
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            driver.execute("DELETE FROM workspace_meta WHERE key = ?", (COMPACTION_DUE,))
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    return remove_backups(database.parent / "backups", database.stem)


def remove_backups(folder: Path, stem: str) -> int:
    """Delete the backups made before schema upgrades (and their WAL): each holds a full
    copy of the data an erasure just removed, and once the workspace runs on the new
    version they are no longer needed."""
    if not folder.is_dir():
        return 0
    removed = 0
    for path in sorted(folder.glob(f"{stem}-*-before-*.db*")):
        path.unlink()
        removed += 1
    return removed

