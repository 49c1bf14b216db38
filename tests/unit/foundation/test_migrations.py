"""Migrations: an empty database reaches head, matches the models, and is backed up first."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from renodesk import app
from renodesk.storage import migrate
from renodesk.storage.engine import open_engine
from renodesk.storage.models import Base


def _include(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    return not (type_ == "table" and str(name).startswith("household_search"))


def test_upgrading_an_empty_database_gives_the_models_schema(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "new.db", b"\x07" * 32)
    assert migrate.upgrade(engine, tmp_path / "new.db", tmp_path / "backups")
    assert migrate.current_revision(engine) == migrate.head_revision() == app.SCHEMA_HEAD
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _include})
        assert compare_metadata(context, Base.metadata) == []
        names = inspect(conn).get_table_names()
    assert "household_search" in names
    assert not (tmp_path / "backups").exists()  # a new database needs no backup
    assert not migrate.upgrade(engine, tmp_path / "new.db", tmp_path / "backups")
    engine.dispose()


def test_the_database_is_backed_up_before_an_upgrade(tmp_path: Path, monkeypatch) -> None:
    database = tmp_path / "ws.db"
    engine = open_engine(database, b"\x07" * 32)
    migrate.upgrade(engine, database, tmp_path / "backups")
    ran = []
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr("alembic.command.upgrade", lambda config, rev: ran.append(rev))
    assert migrate.upgrade(engine, database, tmp_path / "backups")
    backups = list((tmp_path / "backups").glob("ws-*-before-9999.db"))
    assert len(backups) == 1 and ran == ["head"]
    assert backups[0].read_bytes()[:16] == database.read_bytes()[:16]  # same encrypted file
    engine.dispose()


def test_an_older_workspace_is_backed_up_and_upgraded_with_its_data(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    database = tmp_path / "old.db"
    engine = open_engine(database, b"\x09" * 32)
    with engine.begin() as conn:
        command.upgrade(migrate._config(conn), "0001")  # type: ignore[arg-type]
        conn.execute(text("INSERT INTO project (id, name, code, complex_name, phase, inhabited,"
                          " rent_change, social_plan_ref, description) VALUES ('p1', 'Oud',"
                          " 'OUD-1', '', 'planning', 1, '', '', '')"))
    assert migrate.current_revision(engine) == "0001"
    assert migrate.upgrade(engine, database, tmp_path / "backups")
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM project")).scalar() == "Oud"
        assert "ix_contact_moment_household_at" in {
            i["name"] for i in inspect(conn).get_indexes("contact_moment")}
    (backup,) = (tmp_path / "backups").glob("old-*-before-*.db")
    old = open_engine(backup, b"\x09" * 32)  # the backup opens with the same key, as it was
    assert migrate.current_revision(old) == "0001"
    old.dispose()
    engine.dispose()


def test_0003_gives_households_a_contact_address_and_letters_an_addressee(
        tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    database = tmp_path / "v2.db"
    engine = open_engine(database, b"\x0b" * 32)
    with engine.begin() as conn:
        command.upgrade(migrate._config(conn), "0002")  # type: ignore[arg-type]
        triggers = set(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    assert migrate.upgrade(engine, database, tmp_path / "backups")
    with engine.connect() as conn:
        household = {c["name"] for c in inspect(conn).get_columns("household")}
        letter = {c["name"] for c in inspect(conn).get_columns("letter")}
        # Adding columns must not rebuild the table and lose the search triggers.
        assert set(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()) == triggers
    assert {"contact_person_street", "contact_person_postcode",
            "contact_person_city"} <= household
    assert "addressed_to" in letter
    engine.dispose()
