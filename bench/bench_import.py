"""Benchmark: importing a 20,000-row tenant list (XLSX) into an empty project, against
reading the same file with openpyxl alone in the same run (the part no importer can skip).

The import reads, matches columns, checks every row and writes dwellings and households
with their audit entries and sync operations in one transaction. Target: at most 5 times
the bare read (the writes are SQLCipher work the bare read does not do).

Run: .venv/bin/python bench/bench_import.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench._common import scratch_dir, timed, use_memory_keyring, verdict

TARGET_RATIO = 5.0


def bare_read(path: Path) -> int:
    """The baseline: every cell of the first sheet, read-only mode, nothing else."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--keep", help="keep the files in this folder")
    args = parser.parse_args(argv)
    use_memory_keyring()

    from fixtures.tenant_files import big_xlsx

    from renodesk.app import init_workspace
    from renodesk.paths import Paths
    from renodesk.reports.import_source import guess_mapping, read_source
    from renodesk.reports.importer import import_households

    with scratch_dir(args.keep) as folder:
        path = big_xlsx(folder, args.rows)
        workspace = init_workspace(Paths.resolve(folder / "ws"), "Woonstichting De Linde",
                                   "Sanne Bakker")
        with workspace.write() as uow:
            project = uow.create("project", {"name": "Bench", "code": "BENCH-01"})
        counted: list[int] = []
        baseline = timed(lambda: counted.append(bare_read(path)))
        created: list[int] = []

        def run() -> None:
            source = read_source(path)
            result = import_households(workspace, source, guess_mapping(source.headers),
                                       project)
            created.append(result.created)

        read_time = timed(lambda: read_source(path))
        total = timed(run)
        workspace.engine.dispose()
    ratio = total / baseline
    print(f"rows: {args.rows} (openpyxl saw {counted[0]} incl. header), created {created[0]}")
    print(f"baseline openpyxl read-only read: {baseline:.2f} s")
    print(f"read_source (read + text + header detection): {read_time:.2f} s")
    print(f"import (read, check, write in one transaction): {total:.2f} s "
          f"({args.rows / total:.0f} rows/s)")
    print(f"ratio import / bare read: {ratio:.2f} (target <= {TARGET_RATIO}) "
          f"{verdict(ratio <= TARGET_RATIO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
