"""Reports for the project leader: ``renodesk report project ID --out FILE.pdf|.xlsx`` and
``renodesk report what-works --out FILE.json|.csv`` (anonymised, shareable)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from renodesk.commands._common import open_from, say


def register(sub: Any) -> None:
    report = sub.add_parser("report", help="project reports and what-works figures")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    project = kinds.add_parser("project", help="a project report as PDF or XLSX")
    project.add_argument("project", help="project id or code")
    project.add_argument("--out", type=Path, required=True, help="FILE.pdf or FILE.xlsx")
    project.set_defaults(handler=cmd_report_project)
    works = kinds.add_parser("what-works", help="anonymised figures across projects")
    works.add_argument("--out", type=Path, required=True, help="FILE.json or FILE.csv")
    works.set_defaults(handler=cmd_report_what_works)


def cmd_report_project(args: argparse.Namespace) -> int:
    from renodesk.reports.importer import resolve_project
    from renodesk.reports.project_report import export_project_report

    workspace = open_from(args)
    with workspace.engine.connect() as conn:
        project_id = resolve_project(conn, args.project)
    export_project_report(workspace, project_id, args.out)
    say("cli.report_done", path=str(args.out))
    workspace.engine.dispose()
    return 0


def cmd_report_what_works(args: argparse.Namespace) -> int:
    from renodesk.reports.what_works import export_what_works

    workspace = open_from(args)
    export_what_works(workspace, args.out)
    say("cli.report_done", path=str(args.out))
    workspace.engine.dispose()
    return 0
