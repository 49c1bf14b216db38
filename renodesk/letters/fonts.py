"""The embedded font. DejaVu Sans covers Latin with every diacritic a Dutch tenant list
holds (Turkish, Polish, Vietnamese), so a name never prints as empty boxes."""

from __future__ import annotations

from functools import lru_cache

from renodesk.paths import resources_dir

REGULAR = "RenoDeskSans"
BOLD = "RenoDeskSans-Bold"


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the font family with ReportLab once; returns the regular font's name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    # <b> inside a paragraph looks the family up by (name, bold, italic).
    for italic in (0, 1):
        addMapping(REGULAR, 0, italic, REGULAR)
        addMapping(REGULAR, 1, italic, BOLD)
    return REGULAR
