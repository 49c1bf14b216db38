"""Build the Qt translations: ``python -m renodesk.ui.i18n_build``.

Without arguments: compile every ``resources/i18n/*.ts`` to ``.qm`` beside it
(``.qm`` files are build products, never edited or committed).

``--update AREA FILES...``: refresh ``resources/i18n/AREA_nl.ts`` from the tr()
strings in FILES (pyside6-lupdate), keeping existing translations. Each area has
its own file so engineers do not edit the same one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from renodesk.paths import resources_dir


def tool(name: str) -> str:
    """The path of a PySide6 tool (pyside6-lupdate, pyside6-lrelease)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def release(folder: Path | None = None, pattern: str = "*.ts",
            target: Path | None = None) -> list[Path]:
    """Compile the .ts files in ``folder`` to .qm (beside them, or into ``target``);
    returns the .qm files written."""
    folder = folder or translations_dir()
    written = []
    for ts in sorted(folder.glob(pattern)):
        qm = (target or folder) / f"{ts.stem}.qm"
        # Written beside and renamed over: a running app (or another test process) maps
        # the old .qm into memory, and rewriting that file in place crashes it (SIGBUS).
        fresh = qm.with_name(f".{qm.name}.{os.getpid()}.tmp")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)],
                       check=True)
        os.replace(fresh, qm)
        written.append(qm)
    return written


def update(area: str, files: Sequence[str], language: str = "nl") -> Path:
    """Refresh the .ts of ``area`` from ``files`` (translations already made are kept)."""
    ts = translations_dir() / f"{area}_{language}.ts"
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", language, *files,
                    "-ts", str(ts)], check=True)
    return ts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m renodesk.ui.i18n_build")
    parser.add_argument("--update", metavar="AREA", help="refresh resources/i18n/AREA_nl.ts")
    parser.add_argument("files", nargs="*", help="source files of the area (with --update)")
    args = parser.parse_args(argv)
    if args.update:
        if not args.files:
            parser.error("--update needs the source files of the area")
        print(update(args.update, args.files))
        return 0
    for qm in release():
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
