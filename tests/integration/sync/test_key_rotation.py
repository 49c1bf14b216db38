"""A laptop is lost: the team replaces its key, and the coach's day goes on.

Three coaches share one folder. Cas's laptop is stolen; Sanne replaces the team key and
takes Cas's laptop out of the team. Ahmet types the new passphrase when his laptop asks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rotationkit import (
    NEW_PASSPHRASE,
    OTHER_PASSPHRASE,
    folder_team,
    problems,
    set_aside,
    sync,
    team_file,
)
from synckit import TEAM_PASSPHRASE, Laptop, make_household, new_laptop, state, team_of

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import read_meta
from renodesk.sync import folder_sync, rotation, service, snapshot
from renodesk.sync.changeset import (
    ChangesetError,
    blob_hash,
    decode_changeset,
    encode_changeset,
)
from renodesk.sync.engine import SyncRun
from renodesk.sync.folder import TeamFolder
from renodesk.sync.operation import Operation
from renodesk.sync.team import TeamFile, load_team

REPLACED = "sync.error.team_key_replaced"


def _rotate(laptop: Laptop, passphrase: str = NEW_PASSPHRASE,
            revoke: list[str] | None = None) -> None:
    service.rotate_team_key(laptop.ws, laptop.store, passphrase, revoke)


def _forge(thief: Laptop, key: bytes, device: str, name: str, epoch: int = 1,
           kid: str = "") -> Path:
    """What a thief with the old key and folder access writes: the next changeset of
    ``device``, sealed with ``key`` and chained on that device's last one."""
    team = load_team(thief.ws, thief.store)
    folder = TeamFolder(team.folder, team.slug)
    files, _ = folder.scan(device)
    seq = max(files)
    prev = blob_hash(files[seq].read_bytes())
    op = Operation(f"forged-{seq}", device, 10_000 + seq, thief.ws.clock.now().pack(),
                   "household", f"forged-{name}", "name", name)
    target = folder.changeset_path(device, seq + 1)
    target.write_bytes(encode_changeset(key, team.team_id, device, seq + 1, prev, [op],
                                        epoch, kid))
    return target


def test_colleagues_type_the_new_passphrase_once_and_every_edit_survives(tmp_path: Path) -> None:
    folder, (sanne, ahmet, cas) = folder_team(tmp_path, "sanne", "ahmet", "cas")
    household = make_household(sanne, notes="Kennismaking gedaan.")
    for laptop in (sanne, ahmet, cas, sanne):
        assert sync(laptop).ok
    # Ahmet works on, offline; Cas's laptop is stolen and Sanne replaces the key.
    ahmet.ws.update("household", household, {"phone": "0612345678"})
    _rotate(sanne, revoke=[cas.ws.device_id[:8]])
    assert TeamFile.read(team_file(folder)).epoch == 2
    # Ahmet's laptop asks for the new passphrase; nothing went out under the old key.
    before = {p.name for p in folder.rglob("*.rdc")}
    outcome = sync(ahmet)
    assert problems(outcome) == [REPLACED]
    assert {p.name for p in folder.rglob("*.rdc")} == before
    ahmet.ws.update("household", household, {"email": "jansen@example.org"})  # still working
    with pytest.raises(RenoDeskError) as wrong:
        folder_sync.take_up_new_key(ahmet.ws, ahmet.store, TEAM_PASSPHRASE)
    assert wrong.value.key == "sync.error.wrong_team_passphrase"
    folder_sync.take_up_new_key(ahmet.ws, ahmet.store, NEW_PASSPHRASE)
    assert sync(ahmet).ok
    sanne.ws.update("household", household, {"notes": "Wil een rustige kamer."})
    assert sync(sanne).ok and sync(ahmet).ok
    row = sanne.rows("household")[household]
    assert (row["phone"], row["email"]) == ("06-12345678", "jansen@example.org")
    assert ahmet.rows("household")[household]["notes"] == "Wil een rustige kamer."
    assert state(sanne) == state(ahmet)
    assert service.unsynced(ahmet.ws) == 0


def test_the_stolen_laptop_reads_nothing_new_and_what_it_writes_is_set_aside(
        tmp_path: Path) -> None:
    folder, (sanne, ahmet, cas) = folder_team(tmp_path, "sanne", "ahmet", "cas")
    make_household(cas)
    for laptop in (cas, sanne, ahmet):
        assert sync(laptop).ok
    old_key = load_team(cas.ws, cas.store).key
    _rotate(sanne, revoke=[cas.ws.device_id])
    folder_sync.take_up_new_key(ahmet.ws, ahmet.store, NEW_PASSPHRASE)
    secret = make_household(sanne, name="Fam. Na-de-diefstal")
    assert sync(sanne).ok
    # The thief's copy of the app stops, and its old key opens nothing written since.
    assert problems(sync(cas)) == [REPLACED]
    assert secret not in cas.rows("household")
    newest = max((folder / "renodesk").rglob(f"{sanne.ws.device_id}/*.rdc"))
    team = load_team(sanne.ws, sanne.store)
    with pytest.raises(ChangesetError):
        decode_changeset(old_key, newest.read_bytes(), team.team_id)
    assert b"Na-de-diefstal" not in b"".join(p.read_bytes() for p in folder.rglob("*.rd?"))
    # Whatever it writes with the old key is set aside with a reason; nothing applied.
    revoked = _forge(cas, old_key, cas.ws.device_id, "Fam. Ingeschoven")
    stale = _forge(cas, old_key, ahmet.ws.device_id, "Fam. Ook-ingeschoven")
    outcome = sync(sanne)
    assert outcome.ok
    assert set_aside(outcome) == {(cas.ws.device_id, revoked.name): "revoked",
                                  (ahmet.ws.device_id, stale.name): "stale_key"}
    assert not any(r["name"].startswith("Fam. Ingeschoven") or r["name"].startswith(
        "Fam. Ook") for r in sanne.rows("household").values())
    # A file naming the new key (its id is in every header), sealed with the old one,
    # fails authentication.
    target = _forge(cas, old_key, sanne.ws.device_id, "Fam. Vermomd", team.epoch, team.kid)
    outcome = sync(ahmet)
    assert set_aside(outcome)[(sanne.ws.device_id, target.name)] == "tampered"


def test_a_file_that_arrived_after_the_rotation_is_sent_again_under_the_new_key(
        tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = folder_team(tmp_path, "sanne", "ahmet")
    household = make_household(sanne)
    assert sync(sanne).ok and sync(ahmet).ok
    # Ahmet's edit reaches the share after Sanne's last look (a slow cloud folder).
    ahmet.ws.update("household", household, {"phone": "0687654321"})
    assert sync(ahmet).ok
    team = load_team(sanne.ws, sanne.store)
    rotation.rotate(sanne.ws, sanne.store, team, NEW_PASSPHRASE)
    outcome = sync(sanne)
    assert [(device, reason) for (device, _name), reason in set_aside(outcome).items()] == [
        (ahmet.ws.device_id, "stale_key")]
    assert not sanne.rows("household")[household]["phone"]
    assert problems(sync(ahmet)) == [REPLACED]
    folder_sync.take_up_new_key(ahmet.ws, ahmet.store, NEW_PASSPHRASE)
    assert sync(ahmet).ok
    outcome = sync(sanne)
    assert outcome.ok and set_aside(outcome) == {}
    assert sanne.rows("household")[household]["phone"] == "06-87654321"
    assert state(sanne) == state(ahmet)


def test_two_laptops_replacing_the_key_at_once_end_on_one_key(tmp_path: Path) -> None:
    folder, (sanne, ahmet, cas) = folder_team(tmp_path, "sanne", "ahmet", "cas")
    household = make_household(sanne)
    for laptop in (sanne, ahmet, cas):
        assert sync(laptop).ok
    # Both replace the key before either sees the other's team.json (a cloud folder
    # keeps one of the two files).
    path = team_file(folder)
    original = path.read_text("utf-8")
    _rotate(sanne)
    path.write_text(original, "utf-8")
    _rotate(ahmet, OTHER_PASSPHRASE)
    sanne.ws.update("household", household, {"phone": "0611111111"})
    ahmet.ws.update("household", household, {"email": "ahmet-zag-het@example.org"})
    kids = {load_team(one.ws, one.store).kid: one for one in (sanne, ahmet)}
    winner = kids[max(kids)]
    loser = kids[min(kids)]
    winning_passphrase = NEW_PASSPHRASE if winner is sanne else OTHER_PASSPHRASE
    outcomes = {id(laptop): sync(laptop) for laptop in (sanne, ahmet)}
    assert outcomes[id(winner)].ok
    assert TeamFile.read(path).kid == max(kids)  # the winner's team.json is back
    assert problems(sync(loser)) == [REPLACED]
    assert problems(sync(cas)) == [REPLACED]
    for laptop in (loser, cas):
        folder_sync.take_up_new_key(laptop.ws, laptop.store, winning_passphrase)
    for laptop in (loser, winner, cas, loser, winner):
        assert sync(laptop).ok
    for laptop in (sanne, ahmet, cas):
        row = laptop.rows("household")[household]
        assert (row["phone"], row["email"]) == ("06-11111111", "ahmet-zag-het@example.org")
    assert state(sanne) == state(ahmet) == state(cas)
    assert {load_team(one.ws, one.store).kid for one in (sanne, ahmet, cas)} == {max(kids)}


def test_a_new_laptop_starts_after_the_rotation_from_the_snapshot_or_the_old_files(
        tmp_path: Path) -> None:
    folder, (sanne, ahmet) = folder_team(tmp_path, "sanne", "ahmet")
    for _ in range(3):
        make_household(ahmet)
    assert sync(ahmet).ok and sync(sanne).ok
    # An old-key snapshot (only written: its changesets stay for the last part below).
    SyncRun(ahmet.ws, load_team(ahmet.ws, ahmet.store)).write_snapshot()
    _rotate(sanne)
    make_household(sanne, name="Fam. Na-de-wissel")
    assert sync(sanne).ok
    joke = new_laptop(tmp_path / "joke", "joke")
    with pytest.raises(RenoDeskError):
        folder_sync.join_folder_team(joke.ws, joke.store, folder, TEAM_PASSPHRASE)
    folder_sync.join_folder_team(joke.ws, joke.store, folder, NEW_PASSPHRASE)
    outcome = sync(joke)
    assert outcome.ok and outcome.report.bootstrapped
    # Only the snapshot under the new key counts (Ahmet's old one, if tried, is set aside).
    assert set(set_aside(outcome).values()) <= {"stale_key"}
    assert joke.rows("household") == sanne.rows("household")
    # Ahmet takes up the new key: his own snapshot is written again under it.
    folder_sync.take_up_new_key(ahmet.ws, ahmet.store, NEW_PASSPHRASE)
    team = load_team(ahmet.ws, ahmet.store)
    ahmets = TeamFolder(folder, team.slug).snapshot_path(ahmet.ws.device_id)
    assert snapshot.decode(team.key, ahmets.read_bytes(), team.team_id)[0].device == (
        ahmet.ws.device_id)
    # Without any snapshot, the old files are still readable to members.
    shutil.rmtree(tmp_path / "share" / "renodesk" / "team-noord" / "snapshots")
    lies = new_laptop(tmp_path / "lies", "lies")
    folder_sync.join_folder_team(lies.ws, lies.store, folder, NEW_PASSPHRASE)
    outcome = sync(lies)
    assert outcome.ok and not outcome.report.bootstrapped
    assert lies.rows("household") == sanne.rows("household")


def test_an_old_team_file_put_back_is_replaced_and_stops_nobody(tmp_path: Path) -> None:
    folder, (sanne, ahmet) = folder_team(tmp_path, "sanne", "ahmet")
    path = team_file(folder)
    original = path.read_text("utf-8")
    _rotate(sanne)
    folder_sync.take_up_new_key(ahmet.ws, ahmet.store, NEW_PASSPHRASE)
    path.write_text(original, "utf-8")  # a thief, or a cloud folder's old version
    assert sync(ahmet).ok
    assert TeamFile.read(path).epoch == 2
    with ahmet.ws.engine.connect() as conn:
        assert TeamFile.parse(read_meta(conn, "sync_team_json") or "").text() == path.read_text(
            "utf-8")


def test_rotation_refuses_a_device_it_does_not_know_and_itself(tmp_path: Path) -> None:
    _folder, (sanne, _ahmet) = folder_team(tmp_path, "sanne", "ahmet")
    for wanted, key in (("ffffffff", "sync.error.no_such_device"),
                        (sanne.ws.device_id, "sync.error.revoke_self")):
        with pytest.raises(RenoDeskError) as refused:
            _rotate(sanne, revoke=[wanted])
        assert refused.value.key == key
    with pytest.raises(RenoDeskError) as short:
        _rotate(sanne, "kort")
    assert short.value.key == "sync.error.team_passphrase_short"
    assert load_team(sanne.ws, sanne.store).epoch == 1


def test_the_device_list_shows_each_laptop_and_when_it_was_last_seen(tmp_path: Path) -> None:
    _folder, (sanne, ahmet, cas) = folder_team(tmp_path, "sanne", "ahmet", "cas")
    for laptop in (ahmet, cas, sanne):
        assert sync(laptop).ok
    devices = rotation.team_devices(sanne.ws, load_team(sanne.ws, sanne.store))
    assert devices[0].device_id == sanne.ws.device_id
    assert {d.device_id for d in devices} == {one.ws.device_id for one in (sanne, ahmet, cas)}
    assert all(d.last_seen is not None for d in devices)
    _rotate(sanne, revoke=[cas.ws.device_id])
    devices = rotation.team_devices(sanne.ws, load_team(sanne.ws, sanne.store))
    assert [d.device_id for d in devices if d.revoked] == [cas.ws.device_id]


def test_before_any_rotation_files_look_as_before(tmp_path: Path) -> None:
    folder, (sanne,) = folder_team(tmp_path, "sanne")
    make_household(sanne)
    assert sync(sanne).ok
    (blob,) = [p.read_bytes() for p in folder.rglob("*.rdc")]
    assert b'"epoch"' not in blob and b'"kid"' not in blob
    assert '"epoch"' not in team_file(folder).read_text("utf-8")


def test_the_command_line_replaces_the_key_and_a_colleague_types_the_new_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from renodesk.cli import main

    _folder, (sanne, ahmet, cas) = folder_team(tmp_path, "sanne", "ahmet", "cas")
    for laptop in (sanne, ahmet, cas):
        assert sync(laptop).ok

    def run(laptop: Laptop, *argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(laptop.paths.root), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run(sanne, "team", "devices")
    assert code == 0 and cas.ws.device_id[:8] in out and "(deze laptop)" in out
    monkeypatch.setenv("RENODESK_TEAM_PASSPHRASE", NEW_PASSPHRASE)
    code, out, _ = run(sanne, "team", "rotate", "--revoke", cas.ws.device_id[:8])
    assert code == 0
    assert "is vervangen" in out and f"apparaat {cas.ws.device_id[:8]}" in out
    code, _, err = run(ahmet, "sync")
    assert code == 1 and "renodesk team rekey" in err
    assert run(ahmet, "team", "rekey")[0] == 0
    assert run(ahmet, "sync")[0] == 0
    code, out, _ = run(ahmet, "team", "devices")
    assert "(uit het team gehaald)" in out


def test_a_laptop_taken_out_of_the_team_no_longer_holds_back_the_tidying(
        tmp_path: Path) -> None:
    # Laptops that write their "seen" markers into the share itself (the folder engine).
    folder, (sanne, ahmet, cas) = team_of(tmp_path, 3)
    for _ in range(2):
        make_household(sanne)
    for laptop in (sanne, ahmet, cas, sanne):
        laptop.sync()
    rotation.rotate(sanne.ws, sanne.store, sanne.team, NEW_PASSPHRASE, [cas.ws.device_id])
    folder_sync.join_folder_team(ahmet.ws, ahmet.store, folder, NEW_PASSPHRASE)
    for laptop in (sanne, ahmet, sanne):
        assert laptop.sync().stopped is None
    # Cas's marker is under the old key and Cas will never take up the new one; without
    # leaving it out, Sanne's old files would stay in the share for good.
    assert SyncRun(sanne.ws, sanne.team).compact() > 0


def test_a_colleague_who_read_a_file_before_seeing_the_rotation_reads_on_after_it(
        tmp_path: Path) -> None:
    folder, (sanne, ahmet, cas) = folder_team(tmp_path, "sanne", "ahmet", "cas")
    household = make_household(sanne)
    for laptop in (sanne, ahmet, cas):
        assert sync(laptop).ok
    ahmet.ws.update("household", household, {"phone": "0687654321"})
    assert sync(ahmet).ok
    path = team_file(folder)
    original = path.read_text("utf-8")
    rotation.rotate(sanne.ws, sanne.store, load_team(sanne.ws, sanne.store), NEW_PASSPHRASE)
    rotated = path.read_text("utf-8")
    # Cas's cloud client brings Ahmet's file before the new team.json.
    path.write_text(original, "utf-8")
    assert sync(cas).ok
    assert cas.rows("household")[household]["phone"] == "06-87654321"
    path.write_text(rotated, "utf-8")
    for laptop in (cas, ahmet):
        assert problems(sync(laptop)) == [REPLACED]
        folder_sync.take_up_new_key(laptop.ws, laptop.store, NEW_PASSPHRASE)
    ahmet.ws.update("household", household, {"email": "na-de-wissel@example.org"})
    for laptop in (ahmet, sanne, cas):
        outcome = sync(laptop)
        assert outcome.ok and set_aside(outcome) == {}, set_aside(outcome)
    assert cas.rows("household")[household]["email"] == "na-de-wissel@example.org"
    assert state(sanne) == state(ahmet) == state(cas)
