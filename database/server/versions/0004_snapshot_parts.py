"""Snapshots in parts: a snapshot of any size is uploaded and downloaded part by part,
so no request carries it (and the server never holds it) in one piece.

A snapshot kept by 0003 becomes part 0 of an upload named after its SHA-256.

Revision ID: 0004_snapshot_parts
Revises: 0003_snapshots
Create Date: 2026-11-26
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0004_snapshot_parts"
down_revision = "0003_snapshots"
branch_labels = None
depends_on = None

_Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "snapshot_parts",
        sa.Column("team_id", _Id, nullable=False),
        sa.Column("upload", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"],
                                name="fk_snapshot_parts_team_id_teams"),
        sa.PrimaryKeyConstraint("team_id", "upload", "number", name="pk_snapshot_parts"),
    )
    with op.batch_alter_table("snapshots") as batch:
        batch.add_column(sa.Column("upload", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("size", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("parts", sa.Integer(), nullable=True))
    bind = op.get_bind()
    teams = bind.execute(sa.text("SELECT team_id FROM snapshots")).scalars().all()
    for team_id in teams:  # one snapshot in memory at a time
        row = bind.execute(sa.text("SELECT device_id, blob FROM snapshots WHERE team_id = :t"),
                           {"t": team_id}).one()
        blob = bytes(row.blob)
        upload = hashlib.sha256(blob).hexdigest()
        bind.execute(sa.text("INSERT INTO snapshot_parts (team_id, upload, number, device_id, "
                             "blob) VALUES (:t, :u, 0, :d, :b)"),
                     {"t": team_id, "u": upload, "d": row.device_id, "b": blob})
        bind.execute(sa.text("UPDATE snapshots SET upload = :u, size = :s, parts = 1 "
                             "WHERE team_id = :t"), {"t": team_id, "u": upload, "s": len(blob)})
    with op.batch_alter_table("snapshots") as batch:
        batch.alter_column("upload", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("size", existing_type=sa.BigInteger(), nullable=False)
        batch.alter_column("parts", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("blob")


def downgrade() -> None:
    # Only a snapshot of one part fits the old single-blob column; larger ones are
    # dropped (the team then has no snapshot until a laptop compacts again).
    with op.batch_alter_table("snapshots") as batch:
        batch.add_column(sa.Column("blob", sa.LargeBinary(), nullable=True))
    op.execute("DELETE FROM snapshots WHERE parts <> 1")
    op.execute("UPDATE snapshots SET blob = (SELECT p.blob FROM snapshot_parts p WHERE "
               "p.team_id = snapshots.team_id AND p.upload = snapshots.upload AND p.number = 0)")
    with op.batch_alter_table("snapshots") as batch:
        batch.alter_column("blob", existing_type=sa.LargeBinary(), nullable=False)
        batch.drop_column("upload")
        batch.drop_column("size")
        batch.drop_column("parts")
    op.drop_table("snapshot_parts")
