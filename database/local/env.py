"""Alembic environment of the desktop workspace database.

RenoDesk runs migrations itself (renodesk.storage.migrate) on an already open,
decrypted connection passed in ``config.attributes["connection"]``; there is no
alembic.ini and no URL, because the key never leaves the process.
"""

from alembic import context

from renodesk.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    include_object=lambda obj, name, type_, reflected, compare_to: not (
        type_ == "table" and name.startswith("household_search")
    ),
)
with context.begin_transaction():
    context.run_migrations()
