"""Server schema: teams, users, enrolment codes, devices, changesets.

Revision ID: 0001_server_initial
Revises:
Create Date: 2025-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_server_initial"
down_revision = None
branch_labels = None
depends_on = None

AutoId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", AutoId, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("next_position", sa.BigInteger(), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_teams"),
        sa.UniqueConstraint("name", name="uq_teams_name"),
    )
    op.create_table(
        "users",
        sa.Column("id", AutoId, nullable=False),
        sa.Column("team_id", AutoId, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name="fk_users_team_id_teams"),
        sa.UniqueConstraint("team_id", "name", name="uq_users_team_id"),
    )
    op.create_index("ix_users_team_id", "users", ["team_id"])
    op.create_table(
        "enrolment_codes",
        sa.Column("id", AutoId, nullable=False),
        sa.Column("user_id", AutoId, nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("expires_at", Stamp, nullable=False),
        sa.Column("used_at", Stamp, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_enrolment_codes"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_enrolment_codes_user_id_users"
        ),
        sa.UniqueConstraint("code_hash", name="uq_enrolment_codes_code_hash"),
    )
    op.create_index("ix_enrolment_codes_user_id", "enrolment_codes", ["user_id"])
    op.create_table(
        "devices",
        sa.Column("id", AutoId, nullable=False),
        sa.Column("team_id", AutoId, nullable=False),
        sa.Column("user_id", AutoId, nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("enrolled_at", Stamp, nullable=False),
        sa.Column("last_seen_at", Stamp, nullable=True),
        sa.Column("revoked_at", Stamp, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_devices"),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name="fk_devices_team_id_teams"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_devices_user_id_users"),
        sa.UniqueConstraint("team_id", "device_id", name="uq_devices_team_id"),
        sa.UniqueConstraint("token_hash", name="uq_devices_token_hash"),
    )
    op.create_index("ix_devices_team_id", "devices", ["team_id"])
    op.create_index("ix_devices_user_id", "devices", ["user_id"])
    op.create_table(
        "changesets",
        sa.Column("team_id", AutoId, nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hlc_min", sa.String(100), nullable=False),
        sa.Column("hlc_max", sa.String(100), nullable=False),
        sa.Column("prev", sa.String(64), nullable=False),
        sa.Column("op_count", sa.Integer(), nullable=False),
        sa.Column("blob_hash", sa.String(64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("team_id", "position", name="pk_changesets"),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name="fk_changesets_team_id_teams"
        ),
        sa.UniqueConstraint("team_id", "device_id", "seq", name="uq_changesets_team_id"),
    )


def downgrade() -> None:
    op.drop_table("changesets")
    op.drop_index("ix_devices_user_id", "devices")
    op.drop_index("ix_devices_team_id", "devices")
    op.drop_table("devices")
    op.drop_index("ix_enrolment_codes_user_id", "enrolment_codes")
    op.drop_table("enrolment_codes")
    op.drop_index("ix_users_team_id", "users")
    op.drop_table("users")
    op.drop_table("teams")
