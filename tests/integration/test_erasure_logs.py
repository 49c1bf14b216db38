"""Logs and crash reports hold no personal data, even after a day with failures."""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.privacy_world import ALL, PLAIN, SENSITIVE, plant_household

from renodesk.app import open_workspace
from renodesk.cli import main
from renodesk.core.errors import ValidationError
from renodesk.logging_setup import LOG_FILE, describe_exception
from renodesk.paths import Paths


@pytest.fixture
def logged(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Crash hooks and log handlers installed during the test are taken away after it."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    chatty = logging.getLogger("sqlalchemy.engine")
    chatty_level = chatty.level
    chatty.setLevel(logging.INFO)  # SQL with its parameters: the values typed
    yield
    chatty.setLevel(chatty_level)
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.qt_no_exception_capture  # the crash handler hands on to Python's own hook
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_full_day_with_failures_leaves_no_personal_data_in_the_logs(
        tmp_path: Path, logged: None, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "werkplek")
    assert main(["--data-dir", data, "init", "--organisation", "Woonstichting De Linde",
                 "--coach", "Sanne Bakker"]) == 0
    paths = Paths.resolve(data)
    ws = open_workspace(paths)
    planted = plant_household(ws)
    log = logging.getLogger("renodesk.profile")
    try:
        ws.update("household", planted.household_id, {"phone": PLAIN["phone"] + "99"})
    except ValidationError:
        log.exception("saving the profile of %s failed: %s", PLAIN["name"],
                      planted.household_id)
    log.warning("opened %s (%s)", planted.household_id, {"notes": SENSITIVE["notes"]})
    ws.engine.dispose()
    out = tmp_path / "uit"
    assert main(["--data-dir", data, "export", "household", planted.household_id,
                 "--out", str(out)]) == 0
    assert main(["--data-dir", data, "audit", "export", str(out / "log.csv")]) == 0
    broken = tmp_path / "kapot.json"
    broken.write_text(json.dumps({"format": "renodesk-export", "entities": {
        "household": [{"id": "x", "name": PLAIN["name"], "phone": SENSITIVE["notes"]}]}}))
    assert main(["--data-dir", data, "import", "json", str(broken)]) == 1
    assert main(["--data-dir", data, "erase", "household", "f" * 32, "--yes"]) == 1
    assert main(["--data-dir", data, "erase", "household", planted.household_id, "--yes"]) == 0
    # Something nobody caught, on the main thread and on another one.
    try:
        raise RuntimeError(f"kon {PLAIN['name']} niet opslaan: {SENSITIVE['visit_notes']}")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    worker = threading.Thread(target=_fails_with, args=(SENSITIVE["safety_note"],))
    worker.start()
    worker.join()
    capsys.readouterr()

    files = sorted(p for p in paths.logs.iterdir() if p.is_file())
    crash_reports = [p for p in files if p.name.startswith("crash-")]
    assert (paths.logs / LOG_FILE) in files and len(crash_reports) == 2
    text = "\n".join(p.read_text("utf-8") for p in files)
    assert "<redacted>" in text and "INSERT INTO household" in text
    assert planted.household_id in text  # ids are fine, they name nobody
    assert "RuntimeError" in text and "test_erasure_logs.py" in text
    assert [name for name, value in ALL.items() if value in text] == []


def _fails_with(text: str) -> None:
    raise ValueError(text)


def test_an_exception_is_described_by_type_key_and_place_only() -> None:
    try:
        try:
            raise KeyError(SENSITIVE["notes"])
        except KeyError as inner:
            raise ValidationError({"phone": ("validation.phone", {"value": PLAIN["phone"]})}) \
                from inner
    except ValidationError as exc:
        described = describe_exception(exc)
    assert "renodesk.core.errors.ValidationError key=validation.phone" in described
    assert "caused by:" in described and "builtins.KeyError" in described
    assert PLAIN["phone"] not in described and SENSITIVE["notes"] not in described
