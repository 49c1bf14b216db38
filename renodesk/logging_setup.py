"""Logs and crash reports that never hold personal data.

The log is a rotating file in the workspace's ``logs`` folder. Every record passes
:class:`PersonalDataFilter` on its way there, which keeps the message as the
programmer wrote it (a fixed text or message key) and lets through only arguments that
cannot be personal data: numbers, record ids and message keys. Everything else —
a name, a note, a path with a user name in it, an SQL parameter — becomes
``<redacted>``. Exceptions are reduced to their type, message key and the code
locations they passed (file, line, function), never their message, which may quote a
value the coach typed.

A crash (an exception nobody caught) writes such a reduced report to
``logs/crash-<time>.txt`` as well.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from renodesk.paths import Paths

LOG_FILE = "renodesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "<redacted>"

#: Values that may appear in a log: record and device ids, message keys, short codes.
_SAFE_TEXT = re.compile(
    r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
_OWN_HANDLER = "renodesk-file"


def safe_value(value: Any) -> Any:
    """``value`` if it cannot be personal data, else ``<redacted>``."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and _SAFE_TEXT.fullmatch(value):
        return value
    return REDACTED


def _where(filename: str) -> str:
    """A code location without the folders it was installed in (they name the user)."""
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(_PACKAGE_ROOT))
    except (ValueError, OSError):
        return path.name


def describe_exception(exc: BaseException) -> str:
    """Type, message key and code path of an exception (and its causes), no message."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        key = getattr(current, "key", None)
        errno = getattr(current, "errno", None)
        extra = "".join([f" key={key}" if isinstance(key, str) and _SAFE_TEXT.fullmatch(key)
                         else "", f" errno={errno}" if isinstance(errno, int) else ""])
        lines.append(f"{kind}{extra}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  at {_where(frame.filename)}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by:")
    return "\n".join(lines)


class PersonalDataFilter(logging.Filter):
    """Rewrites each record so only the fixed message, safe arguments and a reduced
    traceback remain."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str):
            record.msg = f"<{type(record.msg).__name__}>"
        if isinstance(record.args, dict):
            record.args = {k: safe_value(v) for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(safe_value(v) for v in record.args)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = describe_exception(record.exc_info[1])
        elif record.exc_text:
            record.exc_text = REDACTED
        record.exc_info = None
        return True


def setup_logging(paths: Paths, level: int = logging.INFO) -> Path:
    """Send the app's log to ``paths.logs/renodesk.log`` (rotating), filtered.

    Safe to call more than once: the file handler is installed once per log file."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    target = paths.logs / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if handler.get_name() == _OWN_HANDLER:
            if Path(getattr(handler, "baseFilename", "")) == target:
                return target
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUPS, encoding="utf-8")
    handler.set_name(_OWN_HANDLER)
    handler.addFilter(PersonalDataFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    # RenoDesk's own messages from ``level`` up; other libraries keep their defaults.
    own = logging.getLogger("renodesk")
    if own.level == logging.NOTSET:
        own.setLevel(level)
    return target


def write_crash_report(folder: Path, exc: BaseException) -> Path:
    """Write a crash report without personal data; returns its path."""
    from renodesk import __version__

    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.txt"
    path.write_text("\n".join([
        f"RenoDesk {__version__} crash report",
        f"time: {datetime.now().isoformat(timespec='seconds')}",
        f"python: {platform.python_version()} on {platform.system()} {platform.release()}",
        f"thread: {threading.current_thread().name}",
        "",
        describe_exception(exc),
        "",
    ]), "utf-8")
    return path


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


class CrashHandler:
    """Writes a crash report for every exception nobody caught (main and other threads),
    then hands it to the hook that was there before."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.previous: ExceptHook = sys.excepthook
        self.previous_thread = threading.excepthook

    def _report(self, exc: BaseException) -> None:
        write_crash_report(self.folder, exc)
        logging.getLogger("renodesk.crash").critical(
            "unhandled exception; crash report written", exc_info=exc)

    def hook(self, exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            self._report(exc)
        self.previous(exc_type, exc, tb)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._report(args.exc_value)
        self.previous_thread(args)


def install_crash_handler(paths: Paths) -> CrashHandler:
    """Install the crash handler once; a later call only points it at ``paths``."""
    current = getattr(sys.excepthook, "__self__", None)
    if isinstance(current, CrashHandler):
        current.folder = paths.logs
        return current
    handler = CrashHandler(paths.logs)
    sys.excepthook = handler.hook
    threading.excepthook = handler.thread_hook
    return handler


def start_logging(paths: Paths) -> None:
    """Start-up of the app and the command line: the filtered log and the crash handler."""
    setup_logging(paths)
    install_crash_handler(paths)
