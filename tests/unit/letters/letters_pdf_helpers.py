"""Reading rendered letters back: text, and where each piece of text sits, via pypdf."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from renodesk.letters.fonts import BOLD, REGULAR, register_fonts
from renodesk.letters.layout import PAGE_HEIGHT_MM


@dataclass(frozen=True)
class Run:
    """One line of text as drawn: its left edge and baseline in mm from the top-left
    corner of the sheet, its font size in points and its width in mm."""

    text: str
    left_mm: float
    baseline_mm: float
    size: float
    bold: bool

    @property
    def right_mm(self) -> float:
        register_fonts()
        return self.left_mm + stringWidth(self.text, BOLD if self.bold else REGULAR,
                                          self.size) / mm

    @property
    def top_mm(self) -> float:  # ascender of DejaVu Sans is about 0.76 em
        return self.baseline_mm - self.size * 0.76 / mm

    @property
    def bottom_mm(self) -> float:  # descender about 0.24 em
        return self.baseline_mm + self.size * 0.24 / mm


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def page_runs(pdf: bytes) -> list[list[Run]]:
    """Every page's text runs, in drawing order."""
    pages: list[list[Run]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[Run] = []

        def visit(text: str, cm: list[float], tm: list[float], font: dict | None,
                  size: float, runs: list[Run] = runs) -> None:
            line = text.split("\n")[0]
            if not line.strip():
                return
            m = _multiply(list(tm), list(cm))
            scale = (m[2] ** 2 + m[3] ** 2) ** 0.5
            name = str(font.get("/BaseFont", "")) if font else ""
            runs.append(Run(line, m[4] / mm, PAGE_HEIGHT_MM - m[5] / mm, size * scale,
                            "Bold" in name))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def pdf_text(pdf: bytes) -> str:
    """All text with line breaks and runs of spaces made single spaces, so a sentence
    that wraps over two lines is still found."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
