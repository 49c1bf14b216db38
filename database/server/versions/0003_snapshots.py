"""Server-side compaction: a team's newest snapshot, how far each device pulled, and
below which position the team's changesets are pruned.

Revision ID: 0003_snapshots
Revises: 0002_team_key
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_snapshots"
down_revision = "0002_team_key"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("teams") as batch:
        batch.add_column(sa.Column("pruned_to", sa.BigInteger(), nullable=False,
                                   server_default="0"))
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("pulled_to", sa.BigInteger(), nullable=False,
                                   server_default="0"))
    op.create_table(
        "snapshots",
        sa.Column("team_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name="fk_snapshots_team_id_teams"),
        sa.PrimaryKeyConstraint("team_id", name="pk_snapshots"),
    )


def downgrade() -> None:
    op.drop_table("snapshots")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("pulled_to")
    with op.batch_alter_table("teams") as batch:
        batch.drop_column("pruned_to")
