"""Export and import commands. Other areas add their own ``export``/``import`` kinds here."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from renodesk.commands._common import open_from, say


def register(sub: Any) -> None:
    export = sub.add_parser("export", help="export data")
    export_kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    as_json = export_kinds.add_parser("json", help="every record, lossless, as JSON")
    as_json.add_argument("out", type=Path)
    as_json.set_defaults(handler=cmd_export_json)

    imp = sub.add_parser("import", help="import data")
    import_kinds = imp.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    from_json = import_kinds.add_parser("json", help="a RenoDesk JSON export")
    from_json.add_argument("file", type=Path)
    from_json.set_defaults(handler=cmd_import_json)


def cmd_export_json(args: argparse.Namespace) -> int:
    from renodesk.reports.transfer import export_json

    workspace = open_from(args)
    count = export_json(workspace, args.out)
    say("cli.export_done", count=count, path=str(args.out))
    workspace.engine.dispose()
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from renodesk.reports.transfer import import_data, read_export

    data = read_export(args.file)
    workspace = open_from(args)
    result = import_data(workspace, data)
    say("cli.import_done", created=result.created, updated=result.updated,
        unchanged=result.unchanged)
    workspace.engine.dispose()
    return 0
