"""The pieces that make a letter bilingual: the note that the Dutch text is leading, and
the heading above the Dutch part.

A translation that nobody could check may contain an error, and a tenant in a
vulnerable position must not be harmed by it. So a letter in such a language is the
whole letter in the tenant's language first, then the same letter in Dutch, and it
says (in both languages) that the Dutch text counts when they differ.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from renodesk.letters.fonts import BOLD, REGULAR
from renodesk.letters.layout import LetterContext
from renodesk.letters.styles import ACCENT, RULE, SHADE
from renodesk.letters.textblock import TextBlock


def leading_note(ctx: LetterContext, dutch: LetterContext) -> list[Flowable]:
    """A shaded box at the top: in the tenant's language why there is Dutch text too and
    that it counts, then the same fact in Dutch."""
    texts = ctx.texts
    own = TextBlock([(BOLD, texts.text("dutch_text.leading")),
                     (REGULAR, texts.text("dutch_text.explain")),
                     (REGULAR, texts.text("dutch_text.where"))], ctx.styles.fact)
    in_dutch = TextBlock([(BOLD, dutch.texts.text("dutch_text.leading"))], dutch.styles.fact)
    box = Table([[own], [in_dutch]], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("BOX", (0, 0), (-1, -1), 0.6, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
    ]))
    box.spaceAfter = ctx.styles.gap
    return [box]


def dutch_heading(dutch: LetterContext, card: bool) -> list[Flowable]:
    """"Nederlandse tekst" and that it is leading, above the Dutch part; on a card
    below a rule (the card has no second page)."""
    texts, styles = dutch.texts, dutch.styles
    rule: list[Flowable] = [HRFlowable(width="100%", thickness=0.8, color=ACCENT,
                                       spaceBefore=styles.gap, spaceAfter=styles.gap)]
    return [*(rule if card else []),
            TextBlock([(BOLD, texts.text("dutch_text.heading"))], styles.heading),
            TextBlock([(REGULAR, texts.text("dutch_text.leading"))], styles.body)]
