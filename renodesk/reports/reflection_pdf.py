"""The anonymised case summary as a PDF (A4, the embedded font of the letters)."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from renodesk.core import enums
from renodesk.core.i18n import t
from renodesk.letters.fonts import BOLD, register_fonts
from renodesk.reports.reflection import CaseFile, ReviewedPassage, check_passages
from renodesk.reports.reflection import vocabulary_label as label

_WHAT: dict[str, type[enums.Labelled]] = {
    "contact_moment": enums.Channel, "visit": enums.VisitKind,
    "adjustment": enums.AdjustmentCategory, "letter": enums.LetterKind,
}
_STATUS: dict[str, type[enums.Labelled]] = {
    "contact_moment": enums.ContactOutcome, "visit": enums.VisitStatus,
    "adjustment": enums.AdjustmentStatus, "letter": enums.Delivery,
}


class _Styles:
    def __init__(self) -> None:
        font = register_fonts()
        self.body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.5, leading=11,
                                    textColor=colors.HexColor("#444444"))
        self.title = ParagraphStyle("title", parent=self.body, fontName=BOLD, fontSize=17,
                                    leading=22, spaceAfter=2 * mm)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=BOLD, fontSize=12,
                                      leading=16, spaceBefore=5 * mm, spaceAfter=1.5 * mm,
                                      keepWithNext=1)
        self.label = ParagraphStyle("label", parent=self.body, fontName=BOLD)
        self.quote = ParagraphStyle("quote", parent=self.body, leftIndent=4 * mm)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _facts(case: CaseFile, s: _Styles, lang: str | None) -> list[Flowable]:
    yes, no = t("reflection.yes", lang), t("reflection.no", lang)
    if case.age_band is None:
        age = t("reflection.unknown", lang)
    elif case.age_band[1] is None:
        age = t("reflection.age_band_top", lang, low=case.age_band[0])
    else:
        age = t("reflection.age_band", lang, low=case.age_band[0], high=case.age_band[1])
    rows = [
        (t("reflection.fact.age", lang), age),
        (t("reflection.fact.phase", lang),
         label(enums.ProjectPhase, case.project_phase, lang)),
        (t("reflection.fact.interpreter", lang), yes if case.interpreter_needed else no),
        (t("reflection.fact.reads", lang), yes if case.reads_with_difficulty else no),
        (t("reflection.fact.partners", lang),
         ", ".join(label(enums.PartnerKind, k, lang) for k in case.partner_kinds) or "—"),
        (t("reflection.fact.period", lang), t("reflection.weeks", lang, count=case.weeks)),
    ]
    if case.sensitive_included:
        vulnerabilities = ", ".join(
            f"{label(enums.VulnerabilityCategory, c, lang)} ({'●' * w})"
            for c, w in case.vulnerabilities) or "—"
        causes = ", ".join(label(enums.ResistanceCause, c, lang)
                           for c in case.resistance_causes) or "—"
        rows += [
            (t("reflection.fact.vulnerabilities", lang), vulnerabilities),
            (t("reflection.fact.resistance", lang),
             label(enums.ResistanceKind, case.resistance_kind, lang)),
            (t("reflection.fact.causes", lang), causes),
        ]
    return [_table([[_p(k, s.label), _p(v, s.body)] for k, v in rows], [48 * mm, 122 * mm])]


def _table(rows: list[list[Flowable]], widths: list[float], header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
             ("TOPPADDING", (0, 0), (-1, -1), 2),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")))
    table.setStyle(TableStyle(style))
    return table


def _timeline(case: CaseFile, s: _Styles, lang: str | None) -> list[Flowable]:
    if not case.events:
        return [_p(t("reflection.none", lang), s.body)]
    rows: list[list[Flowable]] = [[_p(t(f"reflection.col.{c}", lang), s.label)
                                   for c in ("week", "what", "result")]]
    for event in case.events:
        kind = t(f"reflection.event.{event.entity}", lang)
        what = label(_WHAT[event.entity], event.what, lang)
        rows.append([_p(str(event.week), s.body), _p(f"{kind}: {what}", s.body),
                     _p(label(_STATUS[event.entity], event.status, lang), s.body)])
    return [_table(rows, [18 * mm, 100 * mm, 52 * mm], header=True)]


def _outcome(case: CaseFile, s: _Styles, lang: str | None) -> list[Flowable]:
    stance = label(enums.Stance, case.stance, lang)
    if case.stance_week is not None:
        stance = t("reflection.stance_in_week", lang, stance=stance, week=case.stance_week)
    rows = [(t("reflection.fact.stance", lang), stance)]
    for category, status, week in case.adjustments:
        when = t("reflection.agreed_in_week", lang, week=week) if week is not None else ""
        rows.append((label(enums.AdjustmentCategory, category, lang),
                     f"{label(enums.AdjustmentStatus, status, lang)}{when}"))
    rows.append((t("reflection.fact.actions", lang),
                 t("reflection.actions", lang, done=case.actions_done, open=case.actions_open)))
    return [_table([[_p(k, s.label), _p(v, s.body)] for k, v in rows], [48 * mm, 122 * mm])]


def _footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(register_fonts(), 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawString(20 * mm, 12 * mm, doc.footer_text)
    canvas.drawRightString(190 * mm, 12 * mm, str(canvas.getPageNumber()))
    canvas.restoreState()


def render_case_summary(case: CaseFile, reviewed: Sequence[ReviewedPassage],
                        lang: str | None = None) -> bytes:
    """The summary as PDF bytes. Only ``reviewed`` passages appear, each checked again;
    RenoDeskError ``reflection.error.identifying`` when one still identifies someone."""
    passages = check_passages(case, reviewed, lang)
    s = _Styles()
    story: list[Flowable] = [
        _p(t("reflection.title", lang), s.title),
        _p(t("reflection.intro", lang), s.small),
        _p(t("reflection.section.facts", lang), s.heading), *_facts(case, s, lang),
        _p(t("reflection.section.timeline", lang), s.heading), *_timeline(case, s, lang),
        _p(t("reflection.section.outcome", lang), s.heading), *_outcome(case, s, lang),
        _p(t("reflection.section.passages", lang), s.heading),
    ]
    if not passages:
        story.append(_p(t("reflection.no_passages", lang), s.body))
    for passage, body in passages:
        story += [_p(passage.label(lang), s.label), _p(body, s.quote), Spacer(0, 2 * mm)]
    story += [Spacer(0, 6 * mm), _p(t("reflection.confidential", lang), s.small)]
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=20 * mm,
                            title=t("reflection.title", lang), author="", subject="",
                            creator="RenoDesk")
    doc.footer_text = t("reflection.footer", lang)
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()
