"""A lean text flowable: lines of one size, each line in its own font, left aligned.

Letters need nothing more than that (a bold label above its value, a bold name above a
role), and ReportLab's Paragraph parses markup and measures words one by one, which made
a batch of letters three times slower than drawing the same text on a plain canvas.
This block wraps with ``simpleSplit`` like a hand-drawn letter would, and still splits
across pages, keeps headings with what follows and sits in table cells.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

ASCENT = 0.76  # DejaVu Sans, as a fraction of the font size
DESCENT = 0.24


class TextBlock(Flowable):
    """``lines`` are (font name, text) pairs; each starts on a new line and wraps.
    Size, leading, spacing, indent and colour come from ``style``; an optional
    ``bullet`` is drawn before the first line, in the indent."""

    def __init__(self, lines: Sequence[tuple[str, str]], style: ParagraphStyle,
                 bullet: str | None = None, unbreakable: bool = False) -> None:
        super().__init__()
        self.lines = list(lines)
        self.style = style
        self.bullet = bullet
        self.unbreakable = unbreakable  # moves to the next page whole, like a signature
        self._wrapped: list[tuple[str, str]] = []
        self._wrapped_width = -1.0
        self.height: float = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        style = self.style
        if availWidth == self._wrapped_width:  # frames and tables ask more than once
            return availWidth, self.height
        width = availWidth - style.leftIndent
        self._wrapped_width = availWidth
        self._wrapped = [
            (font, part)
            for font, text in self.lines
            for part in (simpleSplit(text, font, style.fontSize, width) or [""])
        ]
        self.width = availWidth
        self.height = len(self._wrapped) * style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fits = int(availHeight // self.style.leading)
        if fits <= 0 or (self.unbreakable and fits < len(self._wrapped)):
            return []
        if fits >= len(self._wrapped):
            return [self]
        first = TextBlock(self._wrapped[:fits], self.style, self.bullet)
        rest = TextBlock(self._wrapped[fits:], self.style)
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        size, leading = style.fontSize, style.leading
        pad = (leading - size) / 2
        canvas.setFillColor(style.textColor)
        text = canvas.beginText(style.leftIndent, self.height - pad - ASCENT * size)
        current = ""
        for font, line in self._wrapped:
            if font != current:
                text.setFont(font, size, leading)
                current = font
            text.textLine(line)
        canvas.drawText(text)
        if self.bullet:  # drawn in the indent, level with the first line
            canvas.setFont(style.bulletFontName, size)
            canvas.drawString(style.bulletIndent, self.height - pad - ASCENT * size, self.bullet)


class IconRow(Flowable):
    """A pictogram (or any small flowable) with a text block beside it: the key facts
    of a letter. Cheaper than a one-row table, and it never splits across pages."""

    def __init__(self, icon: Flowable, text: TextBlock, icon_column: float,
                 space_after: float, centre: bool = True) -> None:
        super().__init__()
        self.icon = icon
        self.text = text
        self.icon_column = icon_column
        self.spaceAfter = space_after
        self.centre = centre

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self._icon_height = self.icon.wrap(self.icon_column, availHeight)
        _, self._text_height = self.text.wrap(availWidth - self.icon_column, availHeight)
        self.width = availWidth
        self.height = max(self._icon_height, self._text_height)
        return availWidth, self.height

    def draw(self) -> None:
        if self.centre:
            icon_y = (self.height - self._icon_height) / 2
        else:
            icon_y = self.height - self._icon_height
        self.icon.drawOn(self.canv, 0, icon_y)
        self.text.drawOn(self.canv, self.icon_column, self.height - self._text_height)
