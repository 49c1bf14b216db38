"""Type sizes and paragraph styles, normal and large print.

Large print keeps every line of the letter's body at 16 pt or more; only the
letterhead and the envelope address keep their usual size (the address must fit the
window of the envelope).

Right-to-left languages get the same sizes with ``wordWrap="RTL"``: text blocks then
shape and reorder their lines and align each paragraph by its own direction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from renodesk.letters.fonts import BOLD, REGULAR, register_fonts

INK = Color(0.1, 0.1, 0.1)
ACCENT = Color(0.05, 0.32, 0.55)  # dark blue: readable in black-and-white print too
RULE = Color(0.6, 0.6, 0.6)
SHADE = Color(0.93, 0.95, 0.97)

LARGE_PRINT_MIN_SIZE = 16.0


@dataclass(frozen=True)
class Styles:
    large_print: bool
    body: ParagraphStyle
    heading: ParagraphStyle
    subject: ParagraphStyle
    title: ParagraphStyle  # the not-at-home card's headline
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    fact: ParagraphStyle
    letterhead_size: float
    contact_size: float  # the name and phone beside the address
    footer_size: float
    icon_size: float  # points
    gap: float  # space between paragraphs, points


@lru_cache(maxsize=4)
def styles_for(large_print: bool, rtl: bool = False) -> Styles:
    register_fonts()
    body_size = 16.0 if large_print else 11.0
    leading = body_size * 1.3
    gap = body_size * 0.6

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": REGULAR,
            "fontSize": body_size,
            "leading": leading,
            "textColor": INK,
            "alignment": TA_RIGHT if rtl else TA_LEFT,
            "wordWrap": "RTL" if rtl else None,
            "spaceAfter": gap,
            "bulletFontName": REGULAR,
            "bulletFontSize": body_size,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    heading_size = body_size + (2 if large_print else 1.5)
    cell_size = body_size if large_print else 10.0
    return Styles(
        large_print=large_print,
        body=style("body"),
        heading=style(
            "heading",
            fontName=BOLD,
            fontSize=heading_size,
            leading=heading_size * 1.3,
            textColor=ACCENT,
            spaceBefore=gap * 0.6,
            spaceAfter=gap * 0.5,
            keepWithNext=1,
        ),
        subject=style(
            "subject",
            fontName=BOLD,
            fontSize=body_size + (4 if large_print else 3),
            leading=(body_size + 4) * 1.3,
            spaceBefore=gap * 0.5,
            spaceAfter=gap,
        ),
        title=style(
            "title",
            fontName=BOLD,
            fontSize=24 if large_print else 18,
            leading=(24 if large_print else 18) * 1.25,
            textColor=ACCENT,
            spaceAfter=gap,
        ),
        bullet=style("bullet", leftIndent=body_size * 1.4, bulletIndent=body_size * 0.3,
                     spaceAfter=gap * 0.4),
        cell=style("cell", fontSize=cell_size, leading=cell_size * 1.3, spaceAfter=0),
        cell_head=style(
            "cell_head", fontName=BOLD, fontSize=cell_size, leading=cell_size * 1.3, spaceAfter=0
        ),
        fact=style("fact", spaceAfter=0),
        letterhead_size=10.0 if large_print else 8.5,
        contact_size=14.0 if large_print else 9.0,
        footer_size=14.0 if large_print else 8.5,
        icon_size=(13 if large_print else 9) * mm,
        gap=gap,
    )
