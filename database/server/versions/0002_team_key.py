"""The team's wrapped key (its team.json, sealed with the team passphrase) on the server.

Revision ID: 0002_team_key
Revises: 0001_server_initial
Create Date: 2025-02-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_team_key"
down_revision = "0001_server_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("teams") as batch:
        batch.add_column(sa.Column("wrapped_key", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("teams") as batch:
        batch.drop_column("wrapped_key")
