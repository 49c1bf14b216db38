"""Encryption at rest: nothing readable on disk, and no way in without the key."""

import os
import sqlite3
from pathlib import Path

import pytest

from renodesk import app
from renodesk.core.errors import WorkspaceError
from renodesk.core.workspace import Workspace
from renodesk.paths import Paths

PLANTED = ["Xylofoonstraat", "Wiśniewska-Qzx", "Heeft-dementie-Qzx", "0699887766"]


def _files(paths: Paths) -> list[Path]:
    return [p for p in paths.root.rglob("*") if p.is_file()]


def _plant(ws: Workspace) -> None:
    project = ws.create("project", {"name": "Planttest", "code": "PT-1"}).row_id
    dwelling = ws.create("dwelling", {"project_id": project, "street": PLANTED[0], "number": 1,
                                      "postcode": "1234 AB", "city": "Utrecht"}).row_id
    household = ws.create("household", {"dwelling_id": dwelling, "name": PLANTED[1],
                                        "phone": PLANTED[3],
                                        "consent_basis": "explicit_consent"}).row_id
    ws.create("vulnerability", {"household_id": household, "category": "dementia",
                                "implications": PLANTED[2]})


def test_planted_strings_appear_nowhere_on_disk(workspace, workspace_paths) -> None:
    _plant(workspace)
    # Read back while the WAL still holds recent pages, then after a checkpoint.
    for _ in range(2):
        blobs = b"".join(p.read_bytes() for p in _files(workspace_paths))
        assert blobs, "the workspace wrote no files"
        for needle in PLANTED:
            for encoding in ("utf-8", "utf-16-le"):
                assert needle.encode(encoding) not in blobs, needle
        assert b"SQLite format 3" not in blobs
        with workspace.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert workspace_paths.database.stat().st_size > 4096


def test_plain_sqlite_cannot_read_the_file(workspace, workspace_paths) -> None:
    _plant(workspace)
    plain = sqlite3.connect(workspace_paths.database)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()


def test_a_wrong_passphrase_fails_clearly_and_changes_nothing(tmp_path, monkeypatch) -> None:
    paths = Paths.resolve(tmp_path / "ws")
    monkeypatch.setattr("renodesk.security.keys.keyring_usable", lambda: False)
    ws = app.init_workspace(paths, "Woonstichting", "Coach", lambda: "juiste-wachtwoord")
    _plant(ws)
    ws.engine.dispose()
    # The lock file notes who opened last (and when): not data, so not compared.
    data = [p for p in _files(paths) if p.name != "workspace.lock"]
    before = {p: p.read_bytes() for p in data}
    with pytest.raises(WorkspaceError) as info:
        app.open_workspace(paths, lambda: "verkeerd-wachtwoord")
    assert info.value.key == "error.wrong_key"
    assert "wachtwoord" in info.value.message("nl")
    assert {p: p.read_bytes() for p in data} == before
    monkeypatch.setenv("RENODESK_PASSPHRASE", "juiste-wachtwoord")
    again = app.open_workspace(paths)
    assert again.get("organisation", app.ORGANISATION_ID)["name"] == "Woonstichting"
    again.engine.dispose()


def test_a_short_passphrase_is_refused_and_no_workspace_is_left(tmp_path, monkeypatch) -> None:
    paths = Paths.resolve(tmp_path / "ws")
    monkeypatch.setattr("renodesk.security.keys.keyring_usable", lambda: False)
    with pytest.raises(WorkspaceError) as info:
        app.init_workspace(paths, "Woonstichting", "Coach", lambda: "kort")
    assert info.value.key == "error.passphrase_short"
    assert not app.exists(paths) and not paths.workspace_file.exists()


def test_a_missing_keyring_key_fails_clearly(workspace, workspace_paths, memory_keyring) -> None:
    workspace.engine.dispose()
    memory_keyring.store.clear()
    with pytest.raises(WorkspaceError) as info:
        app.open_workspace(workspace_paths)
    assert info.value.key == "error.key_missing"


def test_a_keyring_that_cannot_start_fails_clearly(workspace, workspace_paths,
                                                     monkeypatch) -> None:
    import keyring

    from renodesk.security import keys

    def broken() -> None:
        raise RuntimeError("Unable to initialize SecretService: no D-Bus session")

    workspace.engine.dispose()
    monkeypatch.setattr(keyring, "get_keyring", broken)
    monkeypatch.setattr(keyring, "get_password", lambda *a: broken())
    assert not keys.keyring_usable()
    assert "no D-Bus session" in keys.keyring_backend_name()
    with pytest.raises(WorkspaceError) as info:
        app.open_workspace(workspace_paths)
    assert info.value.key == "error.keyring_unavailable"


def test_the_key_lives_in_the_keyring_not_on_disk(workspace, workspace_paths,
                                                  memory_keyring) -> None:
    (key_hex,) = memory_keyring.store.values()
    for path in _files(workspace_paths):
        assert key_hex.encode() not in path.read_bytes()
        assert bytes.fromhex(key_hex) not in path.read_bytes()
    assert os.stat(workspace_paths.workspace_file).st_size < 1024
