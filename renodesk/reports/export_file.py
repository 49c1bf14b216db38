"""Writing an exported file whole or not at all (reports, inzage, JSON and CSV exports)."""

from __future__ import annotations

from pathlib import Path

from renodesk.core.errors import RenoDeskError


def write_export(out: Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``out.part``, then rename it over ``out``: a reader
    never sees half a file. When the disk is full or the folder cannot be written, the
    part goes and the message names the file and the reason."""
    part = out.with_name(out.name + ".part")
    try:
        part.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        part.replace(out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise RenoDeskError("report.error.write", path=str(out),
                            detail=exc.strerror or str(exc)) from exc
