"""One writer per workspace: the window and a command (or two windows) never write one
workspace at once; the second is told which program has it open and what to do."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.lock_holder import child_env, close_normally, held_by_another_process

from renodesk import app
from renodesk.paths import Paths
from renodesk.storage import workspace_lock
from renodesk.storage.workspace_lock import WINDOW, WorkspaceLocked, command_label

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

# Tries to take the lock in a fresh process: prints FREE or LOCKED.
PROBE = """
import sys
from pathlib import Path
from renodesk.storage.workspace_lock import WorkspaceLocked, acquire
try:
    acquire(Path(sys.argv[1]), "probe").release()
except WorkspaceLocked:
    print("LOCKED")
else:
    print("FREE")
"""


@pytest.fixture
def demo_paths(tmp_path: Path) -> Iterator[Paths]:
    """A closed workspace with a public passphrase, so child processes can open it."""
    paths = Paths(tmp_path / "werkruimte")
    app.init_workspace(paths, "Woonstichting De Linde", "Sanne Bakker", demo=True).engine.dispose()
    yield paths


def locked_for_others(paths: Paths) -> bool:
    probe = subprocess.run([sys.executable, "-c", PROBE, str(paths.root)], env=child_env(),
                           capture_output=True, text=True, timeout=60, check=True)
    return probe.stdout.strip() == "LOCKED"


def renodesk(paths: Paths, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line, as a person runs it in a terminal."""
    return subprocess.run([sys.executable, "-m", "renodesk", "--data-dir", str(paths.root),
                           *args], env=child_env(), capture_output=True, text=True, timeout=120)


def test_a_command_is_told_the_window_has_the_workspace_open(demo_paths: Paths) -> None:
    with held_by_another_process(demo_paths.root, WINDOW) as window:
        with pytest.raises(WorkspaceLocked) as refused:
            app.open_workspace(demo_paths)
        assert refused.value.holder is not None
        assert refused.value.holder.pid == window.pid
        assert refused.value.holder.program == WINDOW
        message = refused.value.message("nl")
        assert "RenoDesk-venster" in message and f"proces {window.pid}" in message
        assert "Sluit het RenoDesk-venster en probeer het opnieuw." in message
        assert "Close the RenoDesk window and try again." in refused.value.message("en")

        synced = renodesk(demo_paths, "sync")
        assert synced.returncode == 2
        assert "Sluit het RenoDesk-venster en probeer het opnieuw." in synced.stderr
        assert "Traceback" not in synced.stderr


def test_a_second_window_is_told_which_command_runs(demo_paths: Paths) -> None:
    with (held_by_another_process(demo_paths.root, command_label("sync")),
          pytest.raises(WorkspaceLocked) as refused):
        app.open_workspace(demo_paths, program=WINDOW)
    message = refused.value.message("nl")
    assert "de opdracht 'renodesk sync'" in message
    assert "Wacht tot die opdracht klaar is" in message


def test_the_lock_goes_with_a_process_that_ends_or_is_killed(demo_paths: Paths) -> None:
    with held_by_another_process(demo_paths.root, WINDOW) as window:
        assert locked_for_others(demo_paths)
        close_normally(window)
    workspace = app.open_workspace(demo_paths)  # works at once
    workspace.engine.dispose()

    with held_by_another_process(demo_paths.root, WINDOW) as window:
        window.send_signal(signal.SIGKILL)  # a crash: no chance to clean up
        window.wait(timeout=30)
        assert window.returncode == -signal.SIGKILL
        workspace = app.open_workspace(demo_paths)
        assert workspace.meta("coach_name") == "Sanne Bakker"
        workspace.engine.dispose()


def test_closing_releases_the_lock_and_the_same_process_opens_again(demo_paths: Paths) -> None:
    first = app.open_workspace(demo_paths, program=WINDOW)
    assert locked_for_others(demo_paths)
    # The same process may open its workspace twice (commands reuse each other's helpers):
    # the lock stays until the last one closes.
    second = app.open_workspace(demo_paths)
    first.engine.dispose()
    assert locked_for_others(demo_paths)
    second.engine.dispose()
    second.engine.dispose()  # closing twice gives nothing back twice
    assert not locked_for_others(demo_paths)
    again = app.open_workspace(demo_paths)
    assert locked_for_others(demo_paths)
    again.engine.dispose()
    assert not locked_for_others(demo_paths)


def test_a_wrong_passphrase_leaves_the_workspace_unlocked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from renodesk.security import keys

    monkeypatch.setattr(keys, "keyring_usable", lambda: False)
    paths = Paths(tmp_path / "met-wachtzin")
    app.init_workspace(paths, "Woonstichting De Linde", "Sanne Bakker",
                       passphrase=lambda: "lange wachtzin 1").engine.dispose()
    with pytest.raises(Exception, match="klopt niet"):
        app.open_workspace(paths, lambda: "verkeerd")
    assert not locked_for_others(paths)


def test_info_and_check_run_beside_the_window_and_cannot_write(demo_paths: Paths) -> None:
    with held_by_another_process(demo_paths.root, WINDOW):
        assert renodesk(demo_paths, "info").returncode == 0
        assert renodesk(demo_paths, "check").returncode == 0
        reader = app.open_workspace(demo_paths, read_only=True)
        try:
            assert reader.meta("coach_name") == "Sanne Bakker"
            with pytest.raises(Exception, match="readonly"):
                reader.set_meta("written_by_a_reader", "yes")
        finally:
            reader.engine.dispose()


def test_a_reader_that_would_upgrade_the_schema_waits_for_the_lock(
        demo_paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "SCHEMA_HEAD", "newer-than-this-workspace")
    with held_by_another_process(demo_paths.root, WINDOW), pytest.raises(WorkspaceLocked):
        app.open_workspace(demo_paths, read_only=True)
    app.open_workspace(demo_paths, read_only=True).engine.dispose()  # free: it may


def test_erasure_never_rewrites_a_workspace_another_program_has_open(demo_paths: Paths) -> None:
    before = hashlib.sha256(demo_paths.database.read_bytes()).hexdigest()
    with held_by_another_process(demo_paths.root, WINDOW):
        compacted = renodesk(demo_paths, "erase", "pending")
        assert compacted.returncode == 2, compacted.stderr
        assert "RenoDesk-venster" in compacted.stderr
        assert hashlib.sha256(demo_paths.database.read_bytes()).hexdigest() == before


def test_a_new_workspace_is_locked_while_it_is_open(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "nieuw")
    workspace = app.init_workspace(paths, "Woonstichting De Linde", "Sanne Bakker", demo=True,
                                   program=WINDOW)
    try:
        assert locked_for_others(paths)
        holder = workspace_lock.holder(paths.root)
        assert holder is not None
        assert (holder.program, holder.pid) == (WINDOW, os.getpid())
    finally:
        workspace.engine.dispose()


def test_an_unreadable_lock_file_still_gives_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / workspace_lock.LOCK_FILE).write_text("{half", "utf-8")
    assert workspace_lock.holder(tmp_path) is None
    message = WorkspaceLocked(None).message("nl")
    assert "ander RenoDesk-programma" in message
    assert "probeer het opnieuw" in message
