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
    household = export_kinds.add_parser(
        "household", help="everything held about one household (inzage: PDF, JSON, letters)")
    household.add_argument("household_id")
    household.add_argument("--out", type=Path, required=True, help="folder to write into")
    household.add_argument("--lang", dest="inzage_lang", choices=["nl", "en"],
                           help="language of the PDF (default: the tenant's)")
    household.set_defaults(handler=cmd_export_household)

    imp = sub.add_parser("import", help="import data")
    import_kinds = imp.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    from_json = import_kinds.add_parser("json", help="a RenoDesk JSON export")
    from_json.add_argument("file", type=Path)
    from_json.set_defaults(handler=cmd_import_json)
    households = import_kinds.add_parser(
        "households", help="a tenant list (CSV or XLSX) into a project")
    households.add_argument("file", type=Path)
    households.add_argument("--project", required=True, help="project id or code")
    households.add_argument("--dry-run", action="store_true",
                            help="check every row and report, save nothing")
    households.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                            help="which column holds a field when the guess is wrong, "
                                 "e.g. --column name='Huurder 1' (fields: street, number, "
                                 "addition, postcode, city, name, salutation, phone, email, "
                                 "language, birth_year)")
    households.set_defaults(handler=cmd_import_households)


def cmd_export_json(args: argparse.Namespace) -> int:
    from renodesk.reports.transfer import export_json

    workspace = open_from(args)
    count = export_json(workspace, args.out)
    say("cli.export_done", count=count, path=str(args.out))
    workspace.engine.dispose()
    return 0


def cmd_export_household(args: argparse.Namespace) -> int:
    from renodesk.reports.inzage import export_household

    workspace = open_from(args)
    result = export_household(workspace, args.household_id, args.out, args.inzage_lang)
    say("privacy.cli.inzage_done", path=str(result.folder))
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


def cmd_import_households(args: argparse.Namespace) -> int:
    import sys

    from renodesk.core.errors import RenoDeskError
    from renodesk.core.i18n import t
    from renodesk.reports.import_source import FIELDS, guess_mapping, read_source
    from renodesk.reports.importer import import_households, resolve_project

    source = read_source(args.file)
    mapping = guess_mapping(source.headers)
    for choice in args.column:
        fld, _sep, header = choice.partition("=")
        if fld.strip() not in FIELDS or header.strip() not in source.headers:
            raise RenoDeskError("import.error.bad_column", choice=choice,
                                headers=", ".join(source.headers))
        mapping[fld.strip()] = source.headers.index(header.strip())
    for fld, column in mapping.items():
        say("cli.import_mapping", header=source.headers[column], field=t(f"import.field.{fld}"))
    workspace = open_from(args)
    with workspace.engine.connect() as conn:
        project_id = resolve_project(conn, args.project)
    result = import_households(workspace, source, mapping, project_id, dry_run=args.dry_run)
    for rejection in sorted(result.rejected, key=lambda r: r.row):
        print(rejection.line(), file=sys.stderr)
    say("cli.import_households_done", created=result.created, updated=result.updated,
        unchanged=result.unchanged, rejected=len(result.rejected))
    if result.dry_run:
        say("cli.import_dry_run")
    workspace.engine.dispose()
    return 0
