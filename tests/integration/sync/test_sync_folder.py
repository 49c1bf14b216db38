"""Two or three laptops and one shared folder: the coach's day with folder sync."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from synckit import TEAM_PASSPHRASE, Laptop, make_household, new_laptop, share_bytes, state, team_of

from renodesk.core.errors import RenoDeskError
from renodesk.security.memory_keyring import MemoryKeyring
from renodesk.sync.changeset import encode_changeset, file_name
from renodesk.sync.clock import HybridClock
from renodesk.sync.conflicts import open_conflicts, settle
from renodesk.sync.engine import SyncRun
from renodesk.sync.operation import Operation
from renodesk.sync.team import TeamFile, join_team


def test_same_household_edited_on_two_laptops_offline_is_kept_and_settled(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    household = make_household(sanne, notes="Eerste kennismaking.")
    sanne.sync()
    ahmet.sync()
    sanne.ws.update("household", household, {"notes": "Wil een rustige kamer tijdens de werken.",
                                              "phone": "0612345678"})
    ahmet.ws.update("household", household, {"notes": "Dochter helpt met inpakken.",
                                              "phone": "0687654321"})
    for laptop in (sanne, ahmet, sanne):
        laptop.sync()
    # Both hold the same value, and both kept the other version for a person to settle.
    assert sanne.rows("household")[household] == ahmet.rows("household")[household]
    for laptop in (sanne, ahmet):
        (conflict,) = open_conflicts(laptop.ws)
        assert {conflict.kept, conflict.other} == {"Wil een rustige kamer tijdens de werken.",
                                                   "Dochter helpt met inpakken."}
    # A structured field is last-writer-wins: no conflict, the later edit holds.
    assert sanne.rows("household")[household]["phone"] == "06-87654321"
    combined = "Wil een rustige kamer tijdens de werken. Dochter helpt met inpakken."
    settle(ahmet.ws, open_conflicts(ahmet.ws)[0].id, combined)
    ahmet.sync()
    sanne.sync()
    assert sanne.rows("household")[household]["notes"] == combined
    assert open_conflicts(sanne.ws) == [] and open_conflicts(ahmet.ws) == []
    assert state(sanne) == state(ahmet)


def test_keeping_the_current_text_settles_the_conflict_everywhere(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    household = make_household(sanne)
    sanne.sync()
    ahmet.sync()
    sanne.ws.update("household", household, {"notes": "versie Sanne"})
    ahmet.ws.update("household", household, {"notes": "versie Ahmet"})
    sanne.sync()
    ahmet.sync()
    sanne.sync()
    conflict = open_conflicts(sanne.ws)[0]
    settle(sanne.ws, conflict.id, conflict.kept)
    sanne.sync()
    ahmet.sync()
    assert open_conflicts(ahmet.ws) == []


def test_typing_on_top_of_the_kept_text_does_not_settle_the_conflict(tmp_path: Path) -> None:
    # Only a coach who saw both versions settles a conflict: a colleague typing on top
    # of the kept text (without looking at the inbox) leaves it open on every laptop.
    _folder, (sanne, ahmet, cas) = team_of(tmp_path, 3)
    household = make_household(sanne)
    for laptop in (sanne, ahmet, cas):
        laptop.sync()
    sanne.ws.update("household", household, {"notes": "versie Sanne"})
    ahmet.ws.update("household", household, {"notes": "versie Ahmet"})
    for laptop in (sanne, ahmet, cas):
        laptop.sync()
    (conflict,) = open_conflicts(cas.ws)
    cas.ws.update("household", household, {"notes": f"{conflict.kept} en meer"})
    for laptop in (cas, sanne, ahmet):
        laptop.sync()
    for laptop in (sanne, ahmet, cas):
        # Which two versions a laptop pairs depends on the order the edits arrived in;
        # every laptop still has the set-aside text in front of a coach.
        (still,) = open_conflicts(laptop.ws)
        assert still.other == conflict.other
    # Settled on one laptop: settled on all, the text chosen everywhere.
    settle(ahmet.ws, open_conflicts(ahmet.ws)[0].id, "versie Sanne en Ahmet")
    for laptop in (ahmet, sanne, cas):
        laptop.sync()
    for laptop in (sanne, ahmet, cas):
        assert open_conflicts(laptop.ws) == []
        assert laptop.rows("household")[household]["notes"] == "versie Sanne en Ahmet"


def test_a_delete_on_one_laptop_is_a_tombstone_everywhere(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    household = make_household(sanne)
    sanne.sync()
    ahmet.sync()
    ahmet.ws.update("household", household, {"name": "Fam. Bakker"})
    sanne.ws.delete("household", household)
    sanne.sync()
    ahmet.sync()
    sanne.sync()
    assert household not in ahmet.rows("household")
    assert household not in sanne.rows("household")
    assert state(sanne) == state(ahmet)


def test_many_deletes_stop_and_ask_first(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    households = [make_household(sanne, name=f"Fam. {i}") for i in range(4)]
    sanne.sync()
    ahmet.sync()
    for household in households:
        sanne.ws.delete("household", household)
    sanne.sync()
    before = state(ahmet)
    report = ahmet.sync(delete_limit=3)
    assert report.stopped is not None and report.pending_deletes == 4
    assert state(ahmet) == before
    report = ahmet.sync(delete_limit=3, allow_deletes=True)
    assert report.stopped is None and report.deleted >= 4
    assert state(ahmet) == state(sanne)


def test_no_plaintext_reaches_the_shared_folder(tmp_path: Path) -> None:
    folder, (sanne, ahmet) = team_of(tmp_path, 2)
    canaries = ["Zwaluwstaart-Kwak-7731", "Gülşen Yılmaz-Ωmega", "06-99887766", "9999 ZZ"]
    household = make_household(sanne, name=canaries[1], notes=canaries[0])
    sanne.ws.update("household", household, {"phone": canaries[2]})
    sanne.sync()
    ahmet.sync()
    SyncRun(sanne.ws, sanne.team).compact()
    blob = share_bytes(folder)
    assert blob  # changesets and the snapshot were written
    for canary in [*canaries, TEAM_PASSPHRASE]:
        for encoding in ("utf-8", "utf-16-le"):
            assert canary.encode(encoding) not in blob


def test_missing_folder_or_team_file_stops_and_deletes_nothing(tmp_path: Path) -> None:
    folder, (sanne, ahmet) = team_of(tmp_path, 2)
    make_household(sanne)
    sanne.sync()
    ahmet.sync()
    before = state(ahmet)
    moved = tmp_path / "elsewhere"
    folder.rename(moved)
    report = ahmet.sync()
    assert report.stopped is not None and report.stopped.key == "sync.error.folder_missing"
    folder.mkdir()  # an empty share, e.g. OneDrive not yet synced down
    report = ahmet.sync()
    assert report.stopped is not None and report.stopped.key == "sync.error.team_file_missing"
    shutil.rmtree(folder)
    moved.rename(folder)
    team_root = sanne.team.root
    for device in (team_root / "devices").iterdir():
        shutil.rmtree(device)  # every changeset gone: still no delete
    report = ahmet.sync()
    assert report.stopped is None
    assert state(ahmet) == before


def test_folder_vanishing_mid_sync_deletes_nothing(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from renodesk.sync.folder import TeamFolder

    folder, (sanne, ahmet) = team_of(tmp_path, 2)
    for i in range(5):
        make_household(sanne, name=f"Fam. {i}")
    SyncRun(sanne.ws, sanne.team, batch=10).run()
    before = state(ahmet)
    reads = []
    original = TeamFolder.read

    def read_then_unplug(self: TeamFolder, path: Path) -> bytes:
        reads.append(path)
        if len(reads) == 3:
            folder.rename(tmp_path / "unplugged")
        return original(self, path)

    monkeypatch.setattr(TeamFolder, "read", read_then_unplug)
    report = ahmet.sync()
    assert report.stopped is not None and report.stopped.key == "sync.error.folder_unreachable"
    assert state(ahmet) == before
    monkeypatch.setattr(TeamFolder, "read", original)
    (tmp_path / "unplugged").rename(folder)
    assert ahmet.sync().stopped is None
    sanne.sync()
    assert state(ahmet) == state(sanne)


def test_wrong_team_passphrase_is_refused(tmp_path: Path) -> None:
    folder, _laptops = team_of(tmp_path, 1)
    late = new_laptop(tmp_path / "late", "Coach Laat")
    with pytest.raises(RenoDeskError) as caught:
        join_team(late.ws, late.store, folder, "niet-het-wachtwoord")
    assert caught.value.key == "sync.error.wrong_team_passphrase"
    assert late.ws.meta("sync_team_id") is None


def test_team_key_without_keyring_stays_inside_the_encrypted_workspace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from renodesk.security import keys

    folder, _laptops = team_of(tmp_path, 1)
    late = new_laptop(tmp_path / "late", "Coach Laat")
    monkeypatch.setattr(keys, "keyring_usable", lambda: False)
    team = join_team(late.ws, late.store, folder, TEAM_PASSPHRASE)
    assert late.ws.meta("sync_key_store") == "workspace"
    assert late.team.key == team.key
    assert team.key.hex().encode() not in (tmp_path / "late" / "workspace.db").read_bytes()


def test_clock_far_ahead_is_held_then_applied(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    household = make_household(sanne)
    sanne.sync()
    ahmet.sync()
    hour = 3_600_000
    real = HybridClock(ahmet.ws.device_id)._wall
    ahmet.ws.clock = HybridClock(ahmet.ws.device_id, ahmet.ws.clock.last,
                                 wall=lambda: real() + hour)
    ahmet.ws.update("household", household, {"phone": "0611111111"})
    ahmet.sync()
    report = sanne.sync()
    assert report.held_future == 2  # the edit and its audit entry
    assert sanne.rows("household")[household]["phone"] == ""
    sanne.ws.clock = HybridClock(sanne.ws.device_id, sanne.ws.clock.last,
                                 wall=lambda: real() + hour)
    report = sanne.sync()
    assert report.held_future == 0
    assert sanne.rows("household")[household]["phone"] == "06-11111111"


def test_new_laptop_starts_from_a_compacted_snapshot(tmp_path: Path) -> None:
    folder, (sanne, ahmet) = team_of(tmp_path, 2)
    kept = make_household(sanne, notes="blijft")
    gone = make_household(sanne, name="Fam. Weg")
    sanne.sync()
    ahmet.sync()
    sanne.ws.delete("household", gone)
    ahmet.ws.update("household", kept, {"notes": "aangevuld door Ahmet"})
    ahmet.sync()
    sanne.sync()
    run = SyncRun(sanne.ws, sanne.team)
    run.compact()
    newcomer = new_laptop(tmp_path / "new", "Coach Nieuw")
    join_team(newcomer.ws, newcomer.store, folder, TEAM_PASSPHRASE)
    report = newcomer.sync()
    assert report.bootstrapped and report.stopped is None
    assert report.received_files == 0  # nothing replayed: the snapshot covered it all
    newcomer.ws.update("household", kept, {"notes": "nieuwe laptop schrijft"})
    for laptop in (newcomer, sanne, ahmet, newcomer):
        laptop.sync()
    assert open_conflicts(sanne.ws) == []  # a plain follow-up edit, not a conflict
    assert state(newcomer) == state(sanne) == state(ahmet)
    assert gone not in newcomer.rows("household")


def test_a_changeset_read_twice_changes_nothing(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    make_household(sanne)
    sanne.sync()
    ahmet.sync()
    before = state(ahmet)
    with ahmet.ws.engine.begin() as conn:  # forget having read anything
        conn.exec_driver_sql("DELETE FROM sync_peer")
    report = ahmet.sync()
    assert report.received_files >= 1 and report.received_ops == 0
    assert state(ahmet) == before


class TestTamperedFilesAreSetAside:
    """Every kind of bad file is set aside with a reason, and nothing changes."""

    @pytest.fixture(scope="class")
    @classmethod
    def team(cls, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[Path, Laptop, Laptop, str, dict[tuple[str, str], str]]]:
        # One team for the whole suite: a bad file changes nothing, so each case starts
        # from the same state once its file is gone again. Its own in-memory keyring (the
        # per-test one does not exist yet); each test gets a copy of the secrets.
        previous = keyring.get_keyring()
        backend = MemoryKeyring()
        keyring.set_keyring(backend)
        try:
            folder, (sanne, ahmet) = team_of(tmp_path_factory.mktemp("tamper"), 2)
            household = make_household(sanne, notes="origineel")
            sanne.sync()
            ahmet.sync()
        finally:
            keyring.set_keyring(previous)
        yield folder, sanne, ahmet, household, backend.store
        for laptop in (sanne, ahmet):
            laptop.ws.engine.dispose()

    @pytest.fixture
    def pair(self, team: tuple[Path, Laptop, Laptop, str, dict[tuple[str, str], str]],
             memory_keyring: MemoryKeyring) -> Iterator[tuple[Path, Laptop, Laptop, str]]:
        folder, sanne, ahmet, household, secrets = team
        memory_keyring.store.update(secrets)
        out = sanne.team.root / "devices" / sanne.ws.device_id
        before = set(out.iterdir())
        yield folder, sanne, ahmet, household
        for path in set(out.iterdir()) - before:
            path.unlink()

    def _forged(self, sanne: Laptop, household: str, seq: int, prev: str,
                team: str | None = None, key: bytes | None = None,
                device: str | None = None) -> bytes:
        t = sanne.team
        device = device or sanne.ws.device_id
        op = Operation("f" * 32, device, 999, sanne.ws.clock.now().pack(), "household",
                       household, "notes", "vervalst", None)
        return encode_changeset(key or t.key, team or t.team_id, device, seq, prev, [op])

    def _last_hash(self, sanne: Laptop) -> str:
        return str(sanne.ws.meta("sync_out_hash"))

    @pytest.mark.parametrize("kind", ["truncated", "tampered", "header", "zero", "replayed",
                                      "foreign_team", "conflicted_copy", "broken_chain",
                                      "foreign_device", "garbage"])
    def test_bad_file(self, pair: tuple[Path, Laptop, Laptop, str], kind: str) -> None:
        _folder, sanne, ahmet, household = pair
        out = sanne.team.root / "devices" / sanne.ws.device_id
        seq = int(sanne.ws.meta("sync_out_seq") or 0) + 1
        good = self._forged(sanne, household, seq, self._last_hash(sanne))
        target = out / file_name(seq)
        expected = {"truncated": "truncated", "tampered": "tampered", "header": "tampered",
                    "zero": "truncated", "replayed": "replayed", "foreign_team": "foreign_team",
                    "conflicted_copy": "bad_name", "broken_chain": "broken_chain",
                    "foreign_device": "foreign_device", "garbage": "bad_magic"}[kind]
        if kind == "truncated":
            target.write_bytes(good[: len(good) // 2])
        elif kind == "tampered":
            target.write_bytes(good[:-5] + bytes([good[-5] ^ 1]) + good[-4:])
        elif kind == "header":
            target.write_bytes(good.replace(b'"count":1', b'"count":2'))
        elif kind == "zero":
            target.write_bytes(b"")
        elif kind == "replayed":
            target.write_bytes((out / file_name(seq - 1)).read_bytes())
        elif kind == "foreign_team":
            target.write_bytes(self._forged(sanne, household, seq, self._last_hash(sanne),
                                            team="a" * 32, key=bytes(32)))
        elif kind == "conflicted_copy":
            (out / f"{file_name(seq)[:-4]} (conflicted copy 2024-05-01).rdc").write_bytes(good)
        elif kind == "broken_chain":
            target.write_bytes(self._forged(sanne, household, seq, "0" * 64))
        elif kind == "foreign_device":
            target.write_bytes(self._forged(sanne, household, seq, self._last_hash(sanne),
                                            device="e" * 32))
        elif kind == "garbage":
            target.write_bytes(b"PK\x03\x04 not a changeset at all")
        before = state(ahmet)
        report = ahmet.sync()
        assert [item.reason for item in report.set_aside] == [expected]
        assert report.received_ops == 0
        assert state(ahmet) == before
        assert ahmet.rows("household")[household]["notes"] == "origineel"
        assert target.exists() or kind == "conflicted_copy"  # others' files are never deleted


def test_team_file_is_checked(tmp_path: Path) -> None:
    _folder, (sanne,) = team_of(tmp_path, 1)
    info = TeamFile.read(sanne.team.root / "team.json")
    assert TEAM_PASSPHRASE not in (sanne.team.root / "team.json").read_text()
    assert info.unwrap(TEAM_PASSPHRASE) == sanne.team.key
    (sanne.team.root / "team.json").write_text("{ half a file")
    report = sanne.sync()
    assert report.stopped is not None and report.stopped.key == "sync.error.team_file_damaged"


def _household_under_project(laptop: Laptop, code: str, notes: str) -> tuple[str, str]:
    with laptop.ws.write() as uow:
        project = uow.create("project", {"name": "Renovatie Eikenhof", "code": code})
        dwelling = uow.create("dwelling", {"project_id": project, "street": "Eikenlaan",
                                           "number": 3, "postcode": "3511 AA",
                                           "city": "Utrecht"})
        household = uow.create("household", {"dwelling_id": dwelling, "name": "Fam. Eik",
                                             "consent_basis": "explicit_consent",
                                             "notes": notes})
    return project, household


def test_one_project_code_given_on_two_laptops_loses_no_household(tmp_path: Path) -> None:
    # Both coaches make project EH-1 offline and a household under it; a third reads
    # them in the other order. Neither project is set aside (that took its households
    # and their notes with it): the first keeps the code, the other gets a mark.
    _folder, (sanne, ahmet, cas) = team_of(tmp_path, 3)
    first, _kept_a = _household_under_project(sanne, "EH-1", "Sanne typte dit.")
    second, _kept_b = _household_under_project(ahmet, "EH-1", "Ahmet typte dit.")
    ahmet.sync()
    cas.sync()  # Cas has Ahmet's (later) project first
    for laptop in (sanne, ahmet, cas, sanne, ahmet):
        laptop.sync()
    for laptop in (sanne, ahmet, cas):
        projects = laptop.rows("project")
        assert projects[first]["code"] == "EH-1"
        assert projects[second]["code"] == f"EH-1 ~{second[:8]}"
        notes = {r["notes"] for r in laptop.rows("household").values()}
        assert {"Sanne typte dit.", "Ahmet typte dit."} <= notes
    assert state(sanne) == state(ahmet) == state(cas)
    # The holder lets the code go: the other project gets it, on every laptop.
    sanne.ws.update("project", first, {"code": "EH-1-oud"})
    # And an edit that takes a code another laptop's project holds is marked, not refused.
    third, _kept_c = _household_under_project(cas, "EH-2", "Cas typte dit.")
    ahmet.ws.update("project", second, {"code": "EH-2"})
    for laptop in (sanne, cas, ahmet, sanne, cas):
        laptop.sync()
    assert state(sanne) == state(ahmet) == state(cas)
    codes = {r["id"]: r["code"] for r in cas.rows("project").values()}
    assert codes[first] == "EH-1-oud"
    assert {codes[second], codes[third]} == {"EH-2", f"EH-2 ~{second[:8]}"}
    assert len(cas.rows("household")) == 3
