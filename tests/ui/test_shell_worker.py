"""Background work: results come back on the main thread, writes broadcast what changed."""

from __future__ import annotations

import threading

import pytest

from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.ui.worker import Cancelled, InlineRunner, ThreadRunner


def test_a_read_runs_off_the_ui_thread_and_answers_on_it(qtbot, workspace):
    runner = ThreadRunner(workspace)
    seen: dict[str, object] = {}

    def work(ws):
        seen["work_thread"] = threading.current_thread()
        return ws.meta("coach_name")

    def done(result, error):
        seen["done_thread"] = threading.current_thread()
        seen["result"], seen["error"] = result, error

    runner.read(work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()
    assert seen == {**seen, "result": "Sanne Bakker", "error": None}
    runner.shutdown()


def test_a_write_broadcasts_its_changes_before_done(qtbot, workspace):
    runner = ThreadRunner(workspace)
    order: list[str] = []
    broadcast: list[list] = []
    runner.changes.connect(lambda changes: (order.append("changes"), broadcast.append(changes)))
    partner = {"name": "Wijkteam Oost", "kind": "neighbourhood_team"}
    runner.write(lambda ws: ws.create("partner", partner),
                 lambda result, error: order.append("done"))
    qtbot.waitUntil(lambda: "done" in order)
    assert order == ["changes", "done"]
    assert [(c.entity, c.kind) for c in broadcast[0]] == [("partner", "create")]
    runner.shutdown()


def test_a_failed_write_broadcasts_nothing_and_reports_the_error(workspace):
    runner = InlineRunner(workspace)
    broadcast: list[list] = []
    runner.changes.connect(broadcast.append)
    outcome: list = []
    runner.write(lambda ws: ws.create("dwelling", {"street": "Lindelaan", "number": 3,
                                                   "postcode": "12", "city": "Zwolle"}),
                 lambda result, error: outcome.append((result, error)))
    assert broadcast == []
    result, error = outcome[0]
    assert result is None and isinstance(error, ValidationError)


def test_jobs_run_one_at_a_time_in_submission_order(qtbot, workspace):
    runner = ThreadRunner(workspace)
    finished: list[int] = []
    for n in range(20):
        runner.read(lambda ws, n=n: n, lambda result, error: finished.append(result))
    qtbot.waitUntil(lambda: len(finished) == 20)
    assert finished == list(range(20))
    assert runner.idle
    runner.shutdown()


def test_long_work_reports_progress_and_can_be_cancelled(qtbot, workspace):
    runner = ThreadRunner(workspace)
    release = threading.Event()
    progress: list[tuple[int, int]] = []
    outcome: list = []

    def work(ws, job):
        job.report(1, 3, "")
        release.wait(5)
        job.check()
        return "not reached"

    job = runner.long(work, lambda r, e: outcome.append((r, e)),
                      on_progress=lambda done, total, text: progress.append((done, total)))
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert progress == [(1, 3)]
    assert outcome[0][0] is None and isinstance(outcome[0][1], Cancelled)
    runner.shutdown()


def test_work_before_the_workspace_is_open_fails_clearly():
    runner = InlineRunner()
    outcome: list = []
    runner.read(lambda ws: 1, lambda r, e: outcome.append(e))
    # the page shows a message a person can act on, the log keeps the trace
    assert isinstance(outcome[0], RenoDeskError) and outcome[0].key == "error.unexpected"
    with pytest.raises(RuntimeError):
        runner.workspace  # noqa: B018
