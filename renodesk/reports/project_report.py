"""The project leader's paperwork: a printable project report (PDF, with the dashboard's
charts drawn in ReportLab) and a spreadsheet with one line per dwelling.

Neither holds names, contact details or anything sensitive — only counts and
statuses — so either can go to a steering group. Both are audited as exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from renodesk.core import enums
from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import t
from renodesk.core.queries.projects import ConsentTally
from renodesk.core.workspace import Workspace
from renodesk.reports.dashboard import (
    NOT_REACHED_TRIES,
    Bucket,
    DwellingLine,
    ProjectDashboard,
    dwelling_lines,
    project_dashboard,
)
from renodesk.reports.export_file import write_export

#: Chart colours (also used by the dashboard page, so screen and paper look alike).
COLOURS = {"primary": "#2f6f8f", "good": "#3c8d5a", "warn": "#c77c1e", "bad": "#b23b3b",
           "muted": "#9aa5ad", "line": "#222222"}
STANCE_COLOURS = {"yes": "good", "no": "bad", "undecided": "warn", "unknown": "muted"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str = "primary"


@dataclass(frozen=True)
class Chart:
    """One chart as plain data, drawn the same on screen (Qt) and on paper (ReportLab)."""

    key: str
    title: str
    bars: tuple[Bar, ...]
    #: A vertical line, e.g. the number of 'yes' the 70% rule needs.
    marker: float | None = None
    marker_label: str = ""
    #: What each bar stands for (the households a click on it lists).
    buckets: tuple[Bucket, ...] = ()


def _needed(tally: ConsentTally) -> int | None:
    """The 'yes' answers the rule needs; None where it does not apply (too few dwellings:
    each tenant decides alone, so no number is 'needed')."""
    return tally.yes_needed if tally.rule_applies else None


def charts(d: ProjectDashboard, lang: str | None = None) -> list[Chart]:
    """The dashboard's charts, with their labels in ``lang``."""
    tally = d.tally
    needed = _needed(tally)
    stances = (("yes", tally.yes), ("no", tally.no), ("undecided", tally.undecided),
               ("unknown", tally.unknown))
    vulnerabilities = [(code, n) for code, n in d.by_vulnerability.items() if n]
    return [
        Chart("visited", t("report.chart.visited", lang), (
            Bar(t("report.visited.yes", lang), d.visited, "good"),
            Bar(t("report.visited.no", lang), d.not_visited, "muted")),
            buckets=(Bucket("visited", "yes"), Bucket("visited", "no"))),
        Chart("stance", t("report.chart.stance", lang), tuple(
            Bar(enums.Stance(code).label(lang), count, STANCE_COLOURS[code])
            for code, count in stances),
            marker=float(needed) if needed is not None else None,
            marker_label=t("report.marker.needed", lang, needed=needed,
                           percent=tally.threshold_percent) if needed is not None else "",
            buckets=tuple(Bucket("stance", code) for code, _n in stances)),
        Chart("vulnerability", t("report.chart.vulnerability", lang), tuple(
            Bar(enums.VulnerabilityCategory(code).label(lang), count)
            for code, count in vulnerabilities),
            buckets=tuple(Bucket("vulnerability", code) for code, _n in vulnerabilities)),
        Chart("adjustment", t("report.chart.adjustment", lang), tuple(
            Bar(enums.AdjustmentStatus(code).label(lang), count,
                "good" if code == "done" else "muted" if code == "dropped" else "primary")
            for code, count in d.by_adjustment_status.items()),
            buckets=tuple(Bucket("adjustment", code) for code in d.by_adjustment_status)),
        Chart("attention", t("report.chart.attention", lang), (
            Bar(t("report.not_reached", lang, tries=NOT_REACHED_TRIES), d.not_reached, "warn"),
            Bar(t("report.overdue_actions", lang), d.overdue_actions, "bad")),
            buckets=(Bucket("not_reached"), Bucket("overdue_actions"))),
    ]


def key_figures(d: ProjectDashboard, lang: str | None = None) -> list[tuple[str, str]]:
    """The headline numbers as (label, value) lines."""
    tally = d.tally
    lines = [
        (t("report.fig.households", lang), str(d.households)),
        (t("report.fig.visited", lang), f"{d.visited} ({d.percent_visited:.0f}%)"),
        (t("report.fig.yes", lang), f"{tally.yes} / {tally.total} ({tally.percent_yes:.0f}%)"),
    ]
    needed = _needed(tally)
    if needed is not None:
        state = t("report.fig.reached", lang) if tally.reached else t(
            "report.fig.short", lang, short=tally.yes_short)
        lines.append((t("report.fig.needed", lang, percent=tally.threshold_percent),
                      f"{needed} — {state}"))
    if not tally.rule_applies:
        lines.append((t("report.fig.rule", lang), t("report.fig.rule_not", lang,
                                                     minimum=tally.min_dwellings,
                                                     count=tally.dwellings)))
    if tally.deadline is not None and tally.days_to_deadline is not None:
        days = tally.days_to_deadline
        lines.append((t("report.fig.deadline", lang), t(
            "report.fig.days_left" if days >= 0 else "report.fig.deadline_passed", lang,
            date=tally.deadline.strftime("%d-%m-%Y"), count=abs(days))))
    lines += [
        (t("report.fig.undecided", lang), str(d.undecided)),
        (t("report.fig.vulnerable", lang), str(d.vulnerable)),
        (t("report.fig.actions", lang), t("report.fig.actions_value", lang,
                                          open=d.open_actions, overdue=d.overdue_actions)),
        (t("report.not_reached", lang, tries=NOT_REACHED_TRIES), str(d.not_reached)),
    ]
    return lines


# --- PDF -----------------------------------------------------------------------------------


def _bar_drawing(chart: Chart, width: float, font: str) -> Any:
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor

    row, label_w, value_w = 16.0, 170.0, 36.0
    bars = chart.bars or (Bar(t("report.none"), 0, "muted"),)
    height = row * len(bars) + (16 if chart.marker is not None else 4)
    drawing = Drawing(width, height)
    scale_max = max([b.value for b in bars] + [chart.marker or 0, 1])
    span = width - label_w - value_w
    for index, bar in enumerate(bars):
        y = height - row * (index + 1)
        drawing.add(String(0, y + 4, bar.label[:34], fontName=font, fontSize=8.5))
        length = span * bar.value / scale_max
        if length:
            drawing.add(Rect(label_w, y + 2, length, row - 5, strokeColor=None,
                             fillColor=HexColor(COLOURS[bar.colour])))
        drawing.add(String(label_w + length + 4, y + 4, str(bar.value), fontName=font,
                           fontSize=8.5))
    if chart.marker is not None:
        x = label_w + span * chart.marker / scale_max
        drawing.add(Line(x, 10, x, height, strokeColor=HexColor(COLOURS["line"]),
                         strokeDashArray=[3, 2], strokeWidth=1))
        drawing.add(String(x, 0, chart.marker_label, fontName=font, fontSize=7.5,
                           textAnchor="middle"))
    return drawing


def render_pdf(d: ProjectDashboard, organisation: str, lang: str | None = None) -> bytes:
    """The project report as PDF bytes (A4, the embedded font, no personal data)."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

    from renodesk.letters.fonts import BOLD, register_fonts

    font = register_fonts()
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=4)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8,
                             spaceAfter=4)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    small = ParagraphStyle("small", fontName=font, fontSize=7.5, leading=10,
                           textColor=colors.HexColor("#555555"))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=t("report.title", lang, name=d.name), author=organisation)
    story: list[Any] = [
        Paragraph(_escape(t("report.title", lang, name=d.name)), title),
        Paragraph(_escape(t("report.subtitle", lang, code=d.code,
                            phase=enums.ProjectPhase(d.phase).label(lang),
                            date=d.today.strftime("%d-%m-%Y"), organisation=organisation)),
                  body),
        Spacer(1, 6 * mm),
    ]
    figures = Table([[Paragraph(_escape(label), body), Paragraph(_escape(value), body)]
                     for label, value in key_figures(d, lang)],
                    colWidths=[70 * mm, 100 * mm])
    figures.setStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
                      ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story.append(figures)
    width = doc.width
    for chart in charts(d, lang):
        story.append(KeepTogether([Paragraph(_escape(chart.title), heading),
                                   _bar_drawing(chart, width, font)]))
    story += [Spacer(1, 8 * mm), Paragraph(_escape(t("report.privacy_note", lang)), small)]
    doc.build(story)
    return out.getvalue()


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- XLSX ----------------------------------------------------------------------------------


def _sheet_headers(lang: str | None) -> list[str]:
    return [t(f"import.field.{f}", lang) for f in ("street", "number", "addition", "postcode",
                                                    "city")] + [
        t("report.col.occupied", lang), t("report.col.stance", lang),
        t("report.col.visits_done", lang), t("report.col.last_visit", lang),
        t("report.col.attempts", lang), t("report.not_reached", lang, tries=NOT_REACHED_TRIES),
    ] + [t("report.col.adjustments", lang, status=s.label(lang))
         for s in enums.AdjustmentStatus] + [
        t("report.col.open_actions", lang), t("report.col.overdue_actions", lang)]


def _sheet_row(line: DwellingLine, lang: str | None) -> list[Any]:
    yes, no = t("report.yes", lang), t("report.no", lang)
    return [line.street, line.number, line.addition, line.postcode, line.city,
            yes if line.occupied else no,
            enums.Stance(line.stance).label(lang) if line.stance else "",
            line.visits_done, line.last_visit, line.contact_attempts,
            yes if line.not_reached else no] + [
        line.adjustments.get(s.value, 0) for s in enums.AdjustmentStatus] + [
        line.open_actions, line.overdue_actions]


def render_xlsx(d: ProjectDashboard, lines: list[DwellingLine], lang: str | None = None) -> bytes:
    """One line per dwelling (counts and statuses), and the headline numbers on a 2nd sheet."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("report.sheet.dwellings", lang)[:31]
    sheet.append(_sheet_headers(lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append(_sheet_row(line, lang))
    for row in sheet.iter_rows(min_row=2, min_col=9, max_col=9):
        for cell in row:
            cell.number_format = "DD-MM-YYYY"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, header in enumerate(_sheet_headers(lang), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(28, len(header) + 2))
    summary = book.create_sheet(t("report.sheet.summary", lang)[:31])
    summary.append([t("report.title", lang, name=d.name)])
    summary["A1"].font = Font(bold=True, size=13)
    for label, value in key_figures(d, lang):
        summary.append([label, value])
    summary.column_dimensions["A"].width = 42
    summary.column_dimensions["B"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_project_report(workspace: Workspace, project_id: str, out: Path,
                          lang: str | None = None, today: date | None = None) -> Path:
    """Write the report as PDF or XLSX (by the file's extension); audited as an export."""
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("pdf", "xlsx"):
        raise RenoDeskError("report.error.kind", path=str(out))
    with workspace.engine.connect() as conn:
        d = project_dashboard(conn, project_id, today)
        organisation = str(conn.exec_driver_sql(
            "SELECT name FROM organisation LIMIT 1").scalar() or "")
        lines = dwelling_lines(conn, project_id, today) if kind == "xlsx" else []
    data = render_pdf(d, organisation, lang) if kind == "pdf" else render_xlsx(d, lines, lang)
    write_export(out, data)
    with workspace.write() as uow:
        uow.audit("export", "project", project_id, None, f"report:{kind}")
    return out
