"""Pulling the plug: a sync killed (SIGKILL) while writing or reading changesets loses
nothing, applies nothing twice, and never leaves a partial file that gets accepted."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from synckit import Laptop, make_household, state

from renodesk.app import init_workspace
from renodesk.paths import Paths
from renodesk.security import keys
from renodesk.sync.changeset import decode_changeset
from renodesk.sync.folder import CHANGESET_NAME
from renodesk.sync.team import create_team, join_team, load_team

PASSPHRASE = "laptop-wachtwoord-1"
TEAM = "team-wachtwoord-22"
CHILD = """
import sys
from renodesk.app import open_workspace
from renodesk.paths import Paths
from renodesk.sync.engine import SyncRun
from renodesk.sync.team import load_team
ws = open_workspace(Paths.resolve(sys.argv[1]))
run = SyncRun(ws, load_team(ws, None), batch=15)
print("go", flush=True)
report = run.run()
sys.exit(0 if report.stopped is None else 3)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _sync_until_done(root: Path, rng: random.Random, kills: int) -> int:
    """Run a sync in a child process, killing it ``kills`` times at random moments."""
    env = {**os.environ, "RENODESK_PASSPHRASE": PASSPHRASE,
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    killed = 0
    while True:
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(root)], env=env,
                                 stdout=subprocess.PIPE, text=True)
        if killed < kills:
            assert child.stdout is not None
            child.stdout.readline()  # the workspace is open: the sync starts now
            time.sleep(rng.uniform(0.0, 0.15))
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
                child.wait()
                killed += 1
                continue
        code = child.wait(timeout=60)
        assert code == 0, f"sync exited with {code} after {killed} kills"
        return killed


def _checks(laptop: Laptop) -> None:
    with laptop.ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall() == []
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def test_sync_killed_while_writing_and_reading(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENODESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_usable", lambda: False)  # key inside the workspace
    share = tmp_path / "share"
    share.mkdir()
    laptops = []
    for name in ("a", "b"):
        paths = Paths.resolve(tmp_path / name)
        laptops.append(Laptop(paths, init_workspace(paths, "Woonstichting De Linde",
                                                    f"Coach {name}"), None))  # type: ignore[arg-type]
    sanne, ahmet = laptops
    create_team(sanne.ws, None, share, "Team Zuid", TEAM)
    join_team(ahmet.ws, None, share, TEAM)
    for i in range(120):
        make_household(sanne, name=f"Fam. {i}", notes=f"notitie {i}")
    rng = random.Random(5)
    team = load_team(sanne.ws, None)
    for laptop in laptops:
        laptop.ws.engine.dispose()
    assert _sync_until_done(tmp_path / "a", rng, kills=3) >= 1
    device_folder = team.root / "devices" / sanne.ws.device_id
    names = sorted(p.name for p in device_folder.iterdir())
    seqs = []
    for name in names:
        match = CHANGESET_NAME.match(name)
        if match is None:
            continue  # an unfinished temporary file: never read
        header, _ops = decode_changeset(team.key, (device_folder / name).read_bytes(),
                                        team.team_id)
        seqs.append(header.seq)
    assert seqs == list(range(1, len(seqs) + 1))
    assert _sync_until_done(tmp_path / "b", rng, kills=2) >= 1
    for laptop in laptops:
        _checks(laptop)
    from renodesk.app import open_workspace

    sanne.ws = open_workspace(sanne.paths)
    ahmet.ws = open_workspace(ahmet.paths)
    sanne_state = state(sanne)
    assert state(ahmet)["household"] == sanne_state["household"]
    with ahmet.ws.engine.connect() as conn:
        ops = conn.exec_driver_sql("SELECT count(*), count(DISTINCT op_id) FROM sync_operation "
                                   "WHERE local = 0").one()
        mine = conn.exec_driver_sql("SELECT count(*) FROM sync_operation WHERE local = 1").one()
    with sanne.ws.engine.connect() as conn:
        sent = conn.exec_driver_sql("SELECT count(*) FROM sync_operation WHERE local = 1 "
                                    "AND sent_in IS NOT NULL").one()
    assert ops[0] == ops[1] == sent[0] and mine[0] > 0
