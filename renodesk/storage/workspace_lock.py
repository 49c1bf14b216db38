"""One writer per workspace: an exclusive lock on a file in the workspace folder.

Two programs writing one workspace at once (the window and ``renodesk sync`` in a
terminal, or two windows) would each count this laptop's operation numbers in memory,
and the second one's edit would fail on the operation log. So whoever opens a workspace
to write takes this lock first, and writes into the lock file which program holds it and
since when, for the message the next opener gets.

The operating system holds the lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows)
and drops it when the process ends, however it ends: a crash or a kill never leaves a
workspace locked. The file itself stays; removing a lock file another process may be
opening at that moment would let two programs lock two different files.

Within one process the lock is shared: every opening of the same folder counts, and the
lock goes when the last one is released. A process may open its own workspace more than
once (a test running commands in-process beside the workspace it holds), and ``flock``
would refuse that process's second open file.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from renodesk.core.errors import WorkspaceError

log = logging.getLogger(__name__)

LOCK_FILE = "workspace.lock"
#: The program label of the desktop window; commands are ``command_label(name)``.
WINDOW = "window"
#: The program label of anything else that opens a workspace (scripts, tests).
ANY_PROGRAM = "renodesk"


def command_label(command: str | None) -> str:
    """The label of the command-line command ``command`` (``renodesk sync``)."""
    return f"{ANY_PROGRAM} {command}" if command else ANY_PROGRAM


@dataclass(frozen=True)
class Holder:
    """Who holds a workspace: no personal data, only what the message needs."""

    program: str
    pid: int
    host: str
    since: datetime

    def to_json(self) -> str:
        return json.dumps({"program": self.program, "pid": self.pid, "host": self.host,
                           "since": self.since.isoformat(timespec="seconds")})

    @classmethod
    def from_json(cls, text: str) -> Holder:
        data = json.loads(text)
        return cls(str(data["program"]), int(data["pid"]), str(data["host"]),
                   datetime.fromisoformat(str(data["since"])))


class WorkspaceLocked(WorkspaceError):
    """Another program has the workspace open for writing."""

    def __init__(self, holder: Holder | None) -> None:
        self.holder = holder
        if holder is None:  # the holder is still writing its details, or they are damaged
            super().__init__("error.workspace_locked.unknown")
            return
        kind = "window" if holder.program == WINDOW else "command"
        super().__init__(f"error.workspace_locked.{kind}", program=holder.program,
                         since=f"{holder.since:%d-%m-%Y %H:%M}", pid=holder.pid,
                         host=holder.host)


def lock_path(root: Path) -> Path:
    return root / LOCK_FILE


def holder(root: Path) -> Holder | None:
    """Who wrote the lock file of the workspace in ``root`` last (None if unreadable)."""
    try:
        return Holder.from_json(lock_path(root).read_text("utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


# --- the operating system's lock ---------------------------------------------------------

if sys.platform == "win32":
    import msvcrt

    #: Windows forbids reading a locked byte, so lock one far past the holder's details.
    _WINDOWS_LOCKED_BYTE = 1 << 20

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            # A file system without locks (some network shares): work as before the lock.
            log.warning("workspace lock not available here: %s", exc.strerror)
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# --- this process's holds ----------------------------------------------------------------


@dataclass
class _Held:
    fd: int
    openings: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


class WorkspaceLock:
    """One opening's share of this process's lock on a workspace folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._released = False

    def release(self) -> None:
        """Give this opening's share back; the lock goes with the last one. Idempotent."""
        with _guard:
            if self._released:
                return
            self._released = True
            held = _held[self.path]
            held.openings -= 1
            if held.openings:
                return
            del _held[self.path]
            try:
                _unlock(held.fd)
            finally:
                os.close(held.fd)


def acquire(root: Path, program: str) -> WorkspaceLock:
    """Take the lock of the workspace in ``root`` for ``program`` (``WINDOW`` or a
    ``command_label``), or raise WorkspaceLocked naming the program that holds it."""
    path = lock_path(root).resolve()
    with _guard:
        held = _held.get(path)
        if held is None:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            if not _try_lock(fd):
                os.close(fd)
                raise WorkspaceLocked(holder(root))
            _write_holder(fd, Holder(program, os.getpid(), socket.gethostname(),
                                     datetime.now().replace(microsecond=0)))
            held = _held[path] = _Held(fd, 0)
        held.openings += 1
    return WorkspaceLock(path)


def _write_holder(fd: int, who: Holder) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, who.to_json().encode("utf-8"))
