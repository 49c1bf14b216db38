"""The server's own tables. It stores ciphertext and routing headers, never tenants' data.

The schema is created and changed only by the Alembic revisions in
``database/server/versions``; a test checks that this mapping and those revisions agree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Auto-incrementing keys: BIGINT on PostgreSQL, INTEGER (the rowid alias) on SQLite.
AutoId = BigInteger().with_variant(Integer(), "sqlite")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Team(Base):
    """A renovation team; its name is the ``team`` field of its changesets' headers."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(AutoId, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    #: Position the next changeset of this team gets. Pushes lock this row (FOR UPDATE)
    #: so positions are handed out and committed in one order; see store.append_changesets.
    next_position: Mapped[int] = mapped_column(BigInteger, default=1)
    #: The team's ``team.json`` (its key wrapped under the team passphrase), so a coach
    #: of a team without a shared folder can join with the passphrase. Opaque here.
    wrapped_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The team's changesets at or below this position are deleted (covered by its
    #: snapshot and pulled by every active device); a pull from below it gets the snapshot.
    pruned_to: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class User(Base):
    """A coach (or other team member) who may enrol laptops."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("team_id", "name"),)

    id: Mapped[int] = mapped_column(AutoId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EnrolmentCode(Base):
    """A one-time code with which one user enrols one laptop before it expires."""

    __tablename__ = "enrolment_codes"

    id: Mapped[int] = mapped_column(AutoId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Device(Base):
    """An enrolled laptop. ``device_id`` is the id the laptop writes into its changesets."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("team_id", "device_id"),)

    id: Mapped[int] = mapped_column(AutoId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: This device applied the team's stream up to here (the ``after`` of its last pull).
    pulled_to: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class Changeset(Base):
    """One encrypted changeset as pushed, with the clear header fields it carries."""

    __tablename__ = "changesets"
    __table_args__ = (UniqueConstraint("team_id", "device_id", "seq"),)

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    #: The team's stream order: 1, 2, 3 ... without gaps, committed in this order.
    position: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    hlc_min: Mapped[str] = mapped_column(String(100))
    hlc_max: Mapped[str] = mapped_column(String(100))
    prev: Mapped[str] = mapped_column(String(64))
    op_count: Mapped[int] = mapped_column(Integer)
    blob_hash: Mapped[str] = mapped_column(String(64))
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Snapshot(Base):
    """A team's newest encrypted snapshot (opaque here): the team's state up to
    ``position``, from which a device behind the pruned part of the stream starts.
    Its bytes are the ``SnapshotPart`` rows of upload ``upload`` (the SHA-256 of the
    whole snapshot), so no request ever carries or builds the snapshot in one piece."""

    __tablename__ = "snapshots"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(64))
    upload: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    parts: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SnapshotPart(Base):
    """One part of a snapshot upload: of the team's snapshot once committed, else of a
    device's upload in progress (at most one per device; a new upload replaces it)."""

    __tablename__ = "snapshot_parts"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    upload: Mapped[str] = mapped_column(String(64), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    blob: Mapped[bytes] = mapped_column(LargeBinary)
