"""Failures nobody foresaw reach a person as a clear message, never as SQL or a traceback."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from renodesk.cli import main
from renodesk.core.errors import RenoDeskError, ValidationError, as_user_error


def _wrapped(orig: Exception) -> OperationalError:
    return OperationalError("INSERT INTO household (name) VALUES (?)", ("Henk Proef",), orig)


def test_a_full_disk_under_sqlalchemy_says_disk_full_without_sql_or_values() -> None:
    error = as_user_error(_wrapped(sqlite3.OperationalError("database or disk is full")))
    assert error.key == "error.disk_full"
    assert "Henk" not in error.message() and "INSERT" not in error.message()
    assert "schijf is vol" in error.message("nl")


def test_a_full_disk_while_writing_a_file_or_in_a_chained_cause() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("letter could not be saved") from inner
    except RuntimeError as outer:
        assert as_user_error(outer).key == "error.disk_full"


def test_other_file_trouble_names_the_reason() -> None:
    error = as_user_error(PermissionError(errno.EACCES, "Permission denied"))
    assert error.key == "error.file_access"
    assert "Permission denied" in error.message("en")


def test_anything_else_is_unexpected_and_errors_for_people_pass_unchanged() -> None:
    assert as_user_error(ZeroDivisionError()).key == "error.unexpected"
    own = ValidationError({"postcode": ("validation.postcode", {"value": "12"})})
    assert as_user_error(own) is own
    assert isinstance(as_user_error(KeyError("x")), RenoDeskError)


def test_the_command_line_prints_the_message_and_logs_the_trace(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    import renodesk.commands.workspace as commands

    def broken(args: object) -> int:
        raise _wrapped(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(commands, "cmd_info", broken)
    code = main(["--data-dir", str(tmp_path), "--lang", "nl", "info"])
    err = capsys.readouterr().err
    assert code == 1
    assert "schijf is vol" in err and "Traceback" not in err and "INSERT" not in err
