"""Background work: one single-writer executor, results posted back to the main thread.

Every database or file job runs on one worker thread, in submission order, so
writes never race and the window never freezes. Each job ends with one call of
``done(result, error)`` on the main thread (exactly one of the two is None).
After a successful ``write`` the runner broadcasts what changed through its
``changes`` signal; the main window hands that to every page.

Tests swap :class:`ThreadRunner` for :class:`InlineRunner`, which runs the job at
once on the calling thread with the very same callback shape.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace

log = logging.getLogger(__name__)

R = TypeVar("R")
Done = Callable[[R | None, BaseException | None], None]


class Cancelled(Exception):
    """Raised inside long work when the person pressed Cancel."""


class Job(Generic[R]):
    """A submitted piece of work: cancel it, and (inside long work) report progress."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner
        self._cancel = threading.Event()
        self.finished = False
        #: Called on the main thread with (done, total, text).
        self.on_progress: Callable[[int, int, str], None] | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Inside long work: stop here if the person cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Inside long work, from the worker thread: show progress on the main thread."""
        callback = self.on_progress
        if callback is not None:
            self._runner._post(lambda: callback(done, total, text))


def changes_of(result: Any) -> list[Change]:
    """The Change objects a write returned: one Change, a list of them, or ``.changes``."""
    from renodesk.core.workspace import Change

    if result is None:
        return []
    if isinstance(result, Change):
        return [result]
    inner = getattr(result, "changes", None)
    if inner is not None:
        return changes_of(inner)
    if isinstance(result, Iterable) and not isinstance(result, (str, bytes, dict)):
        return [c for c in result if isinstance(c, Change)]
    return []


class _Poster(QObject):
    """Carries callables from the worker thread to the main thread (queued signal)."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class Runner(QObject):
    """The one way pages read and write the workspace without blocking the window."""

    #: Emitted on the main thread after every successful write: list[Change].
    changes = Signal(list)
    #: Emitted when the runner goes from idle to busy and back.
    busy_changed = Signal(bool)

    def __init__(self, workspace: Workspace | None = None) -> None:
        super().__init__()
        self._workspace = workspace
        self._poster = _Poster()
        self.pending = 0

    # -- the workspace --------------------------------------------------------
    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            raise RuntimeError("the workspace is not open yet")
        return self._workspace

    @workspace.setter
    def workspace(self, value: Workspace) -> None:
        self._workspace = value

    @property
    def has_workspace(self) -> bool:
        return self._workspace is not None

    @property
    def idle(self) -> bool:
        return self.pending == 0

    # -- submitting work ------------------------------------------------------
    def read(self, work: Callable[[Workspace], R], done: Done[R]) -> Job[R]:
        """Run ``work(workspace)`` in the background; ``done(result, error)`` afterwards."""
        return self._submit(lambda job: work(self.workspace), done, broadcast=False)

    def write(self, work: Callable[[Workspace], R], done: Done[R]) -> Job[R]:
        """Like :meth:`read`, then broadcast the Change objects ``work`` returned."""
        return self._submit(lambda job: work(self.workspace), done, broadcast=True)

    def long(self, work: Callable[[Workspace, Job[R]], R], done: Done[R], writes: bool = False,
             on_progress: Callable[[int, int, str], None] | None = None) -> Job[R]:
        """Long work that reports progress with ``job.report`` and stops at ``job.check``."""
        return self._submit(lambda job: work(self.workspace, job), done, broadcast=writes,
                            on_progress=on_progress)

    def call(self, work: Callable[[], R], done: Done[R]) -> Job[R]:
        """Background work that needs no open workspace (opening it, for one)."""
        return self._submit(lambda job: work(), done, broadcast=False)

    def _submit(self, work: Callable[[Job[R]], R], done: Done[R], broadcast: bool,
                on_progress: Callable[[int, int, str], None] | None = None) -> Job[R]:
        job: Job[R] = Job(self)
        job.on_progress = on_progress
        self.pending += 1
        if self.pending == 1:
            self.busy_changed.emit(True)

        def finish(result: R | None, error: BaseException | None) -> None:
            self.pending -= 1
            job.finished = True
            try:
                if error is None and broadcast:
                    found = changes_of(result)
                    if found:
                        self.changes.emit(found)
                done(result, error)
            finally:
                if self.pending == 0:
                    self.busy_changed.emit(False)

        self._execute(lambda: work(job), finish)
        return job

    # -- how work runs (the part tests swap) ----------------------------------
    def _execute(self, fn: Callable[[], Any],
                 finish: Callable[[Any, BaseException | None], None]) -> None:
        raise NotImplementedError

    def _post(self, fn: Callable[[], None]) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Let queued work finish; called when the window closes."""


def _outcome(fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    try:
        return fn(), None
    except Cancelled as exc:
        return None, exc
    except Exception as exc:
        from renodesk.core.errors import RenoDeskError, as_user_error

        if not isinstance(exc, RenoDeskError):
            log.exception("background work failed")
        return None, as_user_error(exc)


class ThreadRunner(Runner):
    """Runs work on one background thread (the single writer)."""

    def __init__(self, workspace: Workspace | None = None) -> None:
        super().__init__(workspace)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="renodesk-db")

    def _execute(self, fn: Callable[[], Any],
                 finish: Callable[[Any, BaseException | None], None]) -> None:
        def run() -> None:
            result, error = _outcome(fn)
            self._post(lambda: finish(result, error))

        self._executor.submit(run)

    def _post(self, fn: Callable[[], None]) -> None:
        self._poster.posted.emit(fn)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class InlineRunner(Runner):
    """Runs work at once on the calling thread: the synchronous fake for tests."""

    def _execute(self, fn: Callable[[], Any],
                 finish: Callable[[Any, BaseException | None], None]) -> None:
        result, error = _outcome(fn)
        finish(result, error)

    def _post(self, fn: Callable[[], None]) -> None:
        fn()


def run_with_progress(runner: Runner, parent: QWidget, label: str,
                      work: Callable[[Workspace, Job[R]], R], done: Done[R],
                      writes: bool = False) -> Job[R]:
    """Long work with a progress bar and a Cancel button; the window stays usable."""
    cancel = QCoreApplication.translate("Worker", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAccessibleName(label)

    def finished(result: R | None, error: BaseException | None) -> None:
        dialog.close()
        dialog.deleteLater()
        done(result, error)

    def progressed(step: int, total: int, text: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(step)
        if text:
            dialog.setLabelText(text)

    job = runner.long(work, finished, writes=writes, on_progress=progressed)
    dialog.canceled.connect(job.cancel)
    return job
