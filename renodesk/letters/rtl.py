"""Right-to-left text (Arabic) on ReportLab's plain canvas: shaped, reordered, wrapped.

ReportLab 5.1 can shape text with ``uharfbuzz`` (its "shaping" extra), but reorders
right-to-left text only with ``rlbidi`` (its "bidi" extra), which is not published on
PyPI. Letters draw lines on the canvas directly (see ``textblock``), so RenoDesk does
both steps itself, before drawing:

- *shaping*: ``arabic-reshaper`` turns each Arabic letter into its joined form
  (initial, medial, final or alone; lam-alef as one glyph) from Unicode's Arabic
  presentation forms, which the embedded DejaVu Sans has;
- *reordering*: ``python-bidi`` applies the Unicode bidirectional algorithm to each
  wrapped line, so Arabic runs right to left while a Latin name or a phone number
  inside it keeps its own order.

Both are plain wheels for Linux, Windows and macOS (``arabic-reshaper`` is pure Python).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from reportlab.lib.utils import simpleSplit

from renodesk.letters.templates import ISOLATE_END, ISOLATE_START

# Direction marks and isolates steer the algorithm but have no glyph in the font.
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@lru_cache(maxsize=1)
def _reshaper() -> Callable[[str], str]:
    from arabic_reshaper import ArabicReshaper

    # Keep vowel marks (harakat) a coach may have typed; DejaVu Sans draws them.
    reshape: Callable[[str], str] = ArabicReshaper({"delete_harakat": False}).reshape
    return reshape


def shape(text: str) -> str:
    """Arabic letters in their joined forms, still in reading (logical) order."""
    return _reshaper()(text)


def is_rtl(text: str) -> bool:
    """True when the first letter that has a direction is Arabic (or Hebrew): the
    paragraph then runs right to left and is aligned right. Isolated values (a name
    filled into the sentence) do not count."""
    from bidi import get_base_level

    return bool(text.strip()) and get_base_level(text) == 1


def visual(line: str, rtl: bool) -> str:
    """One line as it is drawn from left to right, without the invisible controls."""
    from bidi import get_display

    if not line.strip():
        return ""
    return _CONTROLS.sub("", get_display(line, base_dir="R" if rtl else "L"))


def one_line(text: str) -> str:
    """A single line (a label, a page number) ready to draw: shaped and reordered."""
    shaped = shape(text)
    return visual(shaped, is_rtl(shaped))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """The paragraph's lines ready to draw; it runs right to left when its first letter
    with a direction is Arabic, else left to right (a Dutch sentence, a name).

    Wrapping happens in reading order; a value isolated from the sentence around it
    (see ``LetterTexts.isolate``) that is wrapped over two lines is closed at the end
    of the first and opened again on the next, so both halves keep their order.
    """
    shaped = shape(text)
    rtl = is_rtl(shaped)
    lines = []
    depth = 0
    for part in simpleSplit(shaped, font, size, width) or [""]:
        opened = ISOLATE_START * depth
        depth = max(depth + part.count(ISOLATE_START) - part.count(ISOLATE_END), 0)
        lines.append(visual(opened + part + ISOLATE_END * depth, rtl))
    return lines
