"""ORM mapping of the whole domain (DESIGN.md §2) on SQLCipher.

Ids are random hex strings so records made offline on different laptops never
collide. Column ``info`` carries the facts other layers need:

- ``sensitive``: special-category data (vulnerability, health-related needs, notes),
  recorded only with a basis, hidden when consent is withdrawn, never in the audit trail;
- ``free_text``: concurrent edits keep every version instead of last-writer-wins;
- ``local``: (on tables) never synced.
"""

from __future__ import annotations

import os
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.schema import Table

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SENSITIVE = {"sensitive": True}
FREE_TEXT = {"free_text": True}
SENSITIVE_TEXT = {"sensitive": True, "free_text": True}


def new_id() -> str:
    """A random 128-bit record id as 32 hex characters."""
    return os.urandom(16).hex()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table(model: type[Base]) -> Table:
    """The Core table of a mapped class (typed, for executemany-style writes)."""
    found = model.__table__
    assert isinstance(found, Table)
    return found


def _id() -> Mapped[str]:
    return mapped_column(String(32), primary_key=True, default=new_id)


def _fk(target: str, nullable: bool = False) -> Mapped[str]:
    # No ON DELETE CASCADE: deletes are explicit use cases that tombstone children.
    return mapped_column(String(32), ForeignKey(f"{target}.id"), nullable=nullable, index=True)


class Organisation(Base):
    __tablename__ = "organisation"
    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(7), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    signatory_role: Mapped[str] = mapped_column(String(200), default="")
    letter_language: Mapped[str] = mapped_column(String(8), default="nl")
    # Retention policy: months after which data is due for erasure (0 = never automatic).
    retention_sensitive_months: Mapped[int] = mapped_column(Integer, default=12)
    retention_contact_months: Mapped[int] = mapped_column(Integer, default=24)


class TeamMember(Base):
    __tablename__ = "team_member"
    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40))  # RosterRole
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    is_coach: Mapped[bool] = mapped_column(Boolean, default=False)


class Project(Base):
    __tablename__ = "project"
    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40), unique=True)
    complex_name: Mapped[str] = mapped_column(String(200), default="")
    phase: Mapped[str] = mapped_column(String(20), default="orientation")  # ProjectPhase
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    aftercare_end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    inhabited: Mapped[bool] = mapped_column(Boolean, default=True)
    rent_change: Mapped[str] = mapped_column(String(200), default="")
    social_plan_ref: Mapped[str] = mapped_column(String(200), default="")
    consent_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="", info=FREE_TEXT)


class RosterEntry(Base):
    """Who is responsible for what in a project."""

    __tablename__ = "roster_entry"
    id: Mapped[str] = _id()
    project_id: Mapped[str] = _fk("project")
    member_id: Mapped[str] = _fk("team_member")
    role: Mapped[str] = mapped_column(String(40))  # RosterRole
    responsibilities: Mapped[str] = mapped_column(Text, default="", info=FREE_TEXT)
    tenant_facing: Mapped[bool] = mapped_column(Boolean, default=True)


class Partner(Base):
    """A social partner organisation (wijkteam, GGZ, schuldhulp, ...)."""

    __tablename__ = "partner"
    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))  # PartnerKind
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class ProjectPartner(Base):
    __tablename__ = "project_partner"
    id: Mapped[str] = _id()
    project_id: Mapped[str] = _fk("project")
    partner_id: Mapped[str] = _fk("partner")
    role: Mapped[str] = mapped_column(String(200), default="")


class Dwelling(Base):
    __tablename__ = "dwelling"
    __table_args__ = (Index("ix_dwelling_address", "postcode", "number", "addition"),)
    id: Mapped[str] = _id()
    project_id: Mapped[str] = _fk("project")
    street: Mapped[str] = mapped_column(String(200))
    number: Mapped[int] = mapped_column(Integer)
    addition: Mapped[str] = mapped_column(String(10), default="")
    postcode: Mapped[str] = mapped_column(String(7))
    city: Mapped[str] = mapped_column(String(100))
    access_notes: Mapped[str] = mapped_column(Text, default="", info=FREE_TEXT)


class Household(Base):
    """A tenant profile. Records the *need*, never a diagnosis; no BSN."""

    __tablename__ = "household"
    id: Mapped[str] = _id()
    dwelling_id: Mapped[str] = _fk("dwelling")
    name: Mapped[str] = mapped_column(String(200))
    salutation: Mapped[str] = mapped_column(String(200), default="")
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(8), default="nl")  # Language
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    reads_with_difficulty: Mapped[bool] = mapped_column(Boolean, default=False)
    large_print: Mapped[bool] = mapped_column(Boolean, default=False)
    preferred_channel: Mapped[str] = mapped_column(String(20), default="visit")  # Channel
    contact_person_name: Mapped[str] = mapped_column(String(200), default="")
    contact_person_relation: Mapped[str] = mapped_column(String(100), default="")
    contact_person_phone: Mapped[str] = mapped_column(String(20), default="")
    # Where a letter to the contact person goes (after a death, a move, or when the
    # tenant asked for post through them); empty when not recorded.
    contact_person_street: Mapped[str] = mapped_column(String(200), default="")
    contact_person_postcode: Mapped[str] = mapped_column(String(7), default="")
    contact_person_city: Mapped[str] = mapped_column(String(100), default="")
    consent_basis: Mapped[str] = mapped_column(String(20), default="none")  # ConsentBasis
    consent_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent_scope: Mapped[str] = mapped_column(Text, default="")
    consent_withdrawn_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    stance: Mapped[str] = mapped_column(String(20), default="unknown")  # Stance
    stance_signed_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    resistance_kind: Mapped[str] = mapped_column(String(10), default="none", info=SENSITIVE)
    # Comma-separated ResistanceCause codes.
    resistance_causes: Mapped[str] = mapped_column(String(400), default="", info=SENSITIVE)
    resistance_approach: Mapped[str] = mapped_column(Text, default="", info=SENSITIVE_TEXT)
    safety_note: Mapped[str] = mapped_column(Text, default="", info=SENSITIVE_TEXT)
    notes: Mapped[str] = mapped_column(Text, default="", info=SENSITIVE_TEXT)
    status: Mapped[str] = mapped_column(String(20), default="active")  # HouseholdStatus
    tenancy_end_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class Vulnerability(Base):
    __tablename__ = "vulnerability"
    id: Mapped[str] = _id()
    household_id: Mapped[str] = _fk("household")
    category: Mapped[str] = mapped_column(String(40), info=SENSITIVE)  # VulnerabilityCategory
    weight: Mapped[int] = mapped_column(Integer, default=2)  # 1 light, 2 moderate, 3 severe
    implications: Mapped[str] = mapped_column(Text, default="", info=SENSITIVE_TEXT)


class Involvement(Base):
    """A partner involved with one household, and whether the tenant agreed to share."""

    __tablename__ = "involvement"
    id: Mapped[str] = _id()
    household_id: Mapped[str] = _fk("household")
    partner_id: Mapped[str] = _fk("partner")
    role: Mapped[str] = mapped_column(String(200), default="", info=SENSITIVE)
    consent_to_share: Mapped[bool] = mapped_column(Boolean, default=False)


class ContactMoment(Base):
    __tablename__ = "contact_moment"
    # The contact ladder ("not reached after N attempts") and the profile's timeline read a
    # household's contact moments newest first.
    __table_args__ = (Index("ix_contact_moment_household_at", "household_id", "at"),)
    id: Mapped[str] = _id()
    household_id: Mapped[str] = _fk("household")
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[str] = mapped_column(String(20))  # Channel
    by_member_id: Mapped[str | None] = _fk("team_member", nullable=True)
    outcome: Mapped[str] = mapped_column(String(20))  # ContactOutcome
    summary: Mapped[str] = mapped_column(Text, default="", info=FREE_TEXT)


class Visit(Base):
    """A home visit. Editable until finalised (letter sent); after that only addenda."""

    __tablename__ = "visit"
    id: Mapped[str] = _id()
    household_id: Mapped[str] = _fk("household")
    planned_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    status: Mapped[str] = mapped_column(String(20), default="planned")  # VisitStatus
    kind: Mapped[str] = mapped_column(String(30))  # VisitKind
    visitors: Mapped[str] = mapped_column(String(400), default="")  # names, comma separated
    attendees: Mapped[str] = mapped_column(String(400), default="")
    notes: Mapped[str] = mapped_column(Text, default="", info=SENSITIVE_TEXT)
    wishes: Mapped[str] = mapped_column(Text, default="", info=FREE_TEXT)
    worries: Mapped[str] = mapped_column(Text, default="", info=FREE_TEXT)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    addenda: Mapped[str] = mapped_column(Text, default="", info=FREE_TEXT)


class Adjustment(Base):
    """A tailored agreement (maatwerkafspraak)."""

    __tablename__ = "adjustment"
    id: Mapped[str] = _id()
    household_id: Mapped[str] = _fk("household")
    project_id: Mapped[str] = _fk("project")
    visit_id: Mapped[str | None] = _fk("visit", nullable=True)
    category: Mapped[str] = mapped_column(String(30))  # AdjustmentCategory
    description: Mapped[str] = mapped_column(Text, info=FREE_TEXT)
    responsible_member_id: Mapped[str | None] = _fk("team_member", nullable=True)
    responsible_partner_id: Mapped[str | None] = _fk("partner", nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(20), default="proposed")  # AdjustmentStatus
    cost_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    agreed_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class Action(Base):
    """A follow-up task."""

    __tablename__ = "action"
    id: Mapped[str] = _id()
    household_id: Mapped[str | None] = _fk("household", nullable=True)
    project_id: Mapped[str | None] = _fk("project", nullable=True)
    visit_id: Mapped[str | None] = _fk("visit", nullable=True)
    description: Mapped[str] = mapped_column(Text, info=FREE_TEXT)
    for_whom: Mapped[str] = mapped_column(String(200), default="")
    assignee_member_id: Mapped[str | None] = _fk("team_member", nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    done_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class Letter(Base):
    __tablename__ = "letter"
    id: Mapped[str] = _id()
    household_id: Mapped[str] = _fk("household")
    visit_id: Mapped[str | None] = _fk("visit", nullable=True)
    kind: Mapped[str] = mapped_column(String(30))  # LetterKind
    language: Mapped[str] = mapped_column(String(8), default="nl")
    large_print: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    delivery: Mapped[str] = mapped_column(String(20), default="post")  # Delivery
    # Empty: to the household itself; else the contact person it was addressed to.
    addressed_to: Mapped[str] = mapped_column(String(200), default="")


class AuditEntry(Base):
    """Who did what to which record. Never holds the sensitive values themselves."""

    __tablename__ = "audit_entry"
    id: Mapped[str] = _id()
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(10))  # AuditAction
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32), index=True)
    household_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    detail: Mapped[str] = mapped_column(String(400), default="")  # field names, never values


class GuidanceEntryRecord(Base):
    """An organisation's own guidance entry (shipped defaults live in resources/)."""

    __tablename__ = "guidance_entry"
    id: Mapped[str] = _id()
    language: Mapped[str] = mapped_column(String(8), default="nl")
    theme_kind: Mapped[str] = mapped_column(String(30))
    theme: Mapped[str] = mapped_column(String(40))
    content_json: Mapped[str] = mapped_column(Text, info=FREE_TEXT)


class LegalFigure(Base):
    """A legal figure with its source and the date it applies from (never a code constant)."""

    __tablename__ = "legal_figure"
    __table_args__ = (UniqueConstraint("key", "valid_from", name="uq_legal_figure_key_from"),)
    id: Mapped[str] = _id()
    key: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(40))  # decimal as text
    valid_from: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(400))


# --- local-only tables: sync bookkeeping and this laptop's state --------------------

LOCAL = {"local": True}


class WorkspaceMeta(Base):
    __tablename__ = "workspace_meta"
    __table_args__ = {"info": LOCAL}
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncOperation(Base):
    """Every operation this workspace knows: its own (outbox) and received ones."""

    __tablename__ = "sync_operation"
    __table_args__ = (
        UniqueConstraint("device_id", "device_seq", name="uq_sync_operation_device_seq"),
        Index("ix_sync_operation_record", "entity", "row_id", "field"),
        {"info": LOCAL},
    )
    op_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(32))
    device_seq: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(60))
    value_json: Mapped[str] = mapped_column(Text)
    base_hlc: Mapped[str | None] = mapped_column(String(60), nullable=True)
    # local: made here; state: 'applied' or 'held' (clock too far ahead)
    local: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(10), default="applied")
    # Changeset sequence this local op was sent in (None = not yet sent).
    sent_in: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


class SyncFieldClock(Base):
    """The clock of the value a field currently holds (per-field last-writer-wins)."""

    __tablename__ = "sync_field_clock"
    __table_args__ = {"info": LOCAL}
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(60))


class SyncTombstone(Base):
    """A deleted record: id and clock only, no personal data."""

    __tablename__ = "sync_tombstone"
    __table_args__ = {"info": LOCAL}
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(60))
    deleted_at: Mapped[datetime] = mapped_column(DateTime)


class SyncConflict(Base):
    """Concurrent edits of a free-text field: every version kept for a person to settle."""

    __tablename__ = "sync_conflict"
    __table_args__ = {"info": LOCAL}
    id: Mapped[str] = _id()
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(60))
    kept_value_json: Mapped[str] = mapped_column(Text)
    other_value_json: Mapped[str] = mapped_column(Text)
    kept_hlc: Mapped[str] = mapped_column(String(60))
    other_hlc: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncPeer(Base):
    """What this workspace has received from each other device (replay and gap checks)."""

    __tablename__ = "sync_peer"
    __table_args__ = {"info": LOCAL}
    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Draft(Base):
    """Text typed but not yet saved (a visit report in progress); survives a crash."""

    __tablename__ = "draft"
    __table_args__ = {"info": LOCAL}
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    content_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


SYNCED_MODELS: dict[str, type[Base]] = {
    mapper.class_.__tablename__: mapper.class_
    for mapper in Base.registry.mappers
    if not mapper.class_.__table__.info.get("local")
}
