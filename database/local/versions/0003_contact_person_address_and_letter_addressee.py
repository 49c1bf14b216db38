"""contact person address and letter addressee

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

A letter can go to the household's contact person (after a death or a move, or when the
tenant asked for post through them): the contact person's address, and on each kept
letter to whom it was addressed (empty: the household itself).
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_CONTACT_FIELDS = (('contact_person_street', 200), ('contact_person_postcode', 7),
                   ('contact_person_city', 100))


def upgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        for name, length in _CONTACT_FIELDS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False,
                                          server_default=''))
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.add_column(sa.Column('addressed_to', sa.String(length=200), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_column('addressed_to')
    with op.batch_alter_table('household', schema=None) as batch_op:
        for name, _ in reversed(_CONTACT_FIELDS):
            batch_op.drop_column(name)
