"""contact moments by household and time

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

The contact ladder and the profile timeline read a household's contact moments newest
first; on 200,000 contact moments that wants one index on both columns.
"""

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('contact_moment', schema=None) as batch_op:
        batch_op.create_index('ix_contact_moment_household_at', ['household_id', 'at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('contact_moment', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_moment_household_at')

