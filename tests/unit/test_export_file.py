"""Exports are written whole or not at all, with a clear message when they cannot be."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from renodesk.core.errors import RenoDeskError
from renodesk.reports.export_file import write_export


def test_an_export_replaces_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "rapport.csv"
    out.write_text("oud")
    write_export(out, "a;b\n1;2\n")
    assert out.read_text(encoding="utf-8") == "a;b\n1;2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.csv"]


def test_a_full_disk_leaves_the_old_file_and_no_part(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"oud")

    def full(self: Path, data: bytes) -> int:
        Path.touch(self)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(RenoDeskError) as caught:
        write_export(out, b"%PDF")
    assert caught.value.key == "report.error.write"
    assert "No space left" in caught.value.message("en") and str(out) in caught.value.message()
    monkeypatch.undo()
    assert out.read_bytes() == b"oud" and not (tmp_path / "rapport.pdf.part").exists()
