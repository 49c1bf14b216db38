"""Reading a tenant list as the housing system exported it: CSV or XLSX, into plain rows.

A corporation's export is rarely tidy: a title line above the headers, merged header
cells, empty rows between blocks, a semicolon CSV in Windows-1252 with "ë" and "ü",
phone numbers that lost their leading zero in Excel. This module turns any of those
into a :class:`SourceTable` (headers and numbered rows of text) and guesses which
column holds which field; the person can correct that guess before anything is
written. A damaged file raises a clear error and nothing is read.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from renodesk.core.errors import RenoDeskError

#: The fields a tenant list can fill, in the order the mapping dialog shows them.
FIELDS: tuple[str, ...] = ("street", "number", "addition", "postcode", "city", "name",
                           "salutation", "phone", "email", "language", "birth_year")
#: Without these a row cannot become a dwelling with a household.
REQUIRED_FIELDS: tuple[str, ...] = ("street", "number", "postcode", "city", "name")

#: Header texts (normalised: lower case, letters and digits only) per field.
ALIASES: dict[str, tuple[str, ...]] = {
    "street": ("straat", "straatnaam", "street", "streetname", "adres", "address"),
    "number": ("huisnummer", "huisnr", "nr", "nummer", "number", "housenumber", "huisno",
               "no"),
    "addition": ("toevoeging", "huisnummertoevoeging", "toev", "huisletter", "addition",
                 "suffix", "housenumbersuffix", "huisnrtoevoeging"),
    "postcode": ("postcode", "postalcode", "zip", "zipcode", "pc", "postcodewoning"),
    "city": ("plaats", "woonplaats", "plaatsnaam", "city", "town", "stad", "place"),
    "name": ("naam", "huurder", "naamhuurder", "huurdernaam", "bewoner", "naambewoner",
             "contractant", "name", "tenant", "tenantname", "fullname", "volledigenaam"),
    "salutation": ("aanhef", "tenaamstelling", "salutation", "title"),
    "phone": ("telefoon", "telefoonnummer", "tel", "telnr", "mobiel", "mobielnummer",
              "phone", "phonenumber", "telephone", "mobile"),
    "email": ("email", "emailadres", "mail", "mailadres", "emailaddress"),
    "language": ("taal", "voorkeurstaal", "spreektaal", "language", "preferredlanguage"),
    "birth_year": ("geboortejaar", "birthyear", "yearofbirth", "geboortedatum",
                   "dateofbirth", "birthdate"),
}

#: Look this many rows down for the header row (title lines and group headers above it).
HEADER_SEARCH_ROWS = 15
#: A file with more rows than this is not a tenant list of one project.
MAX_ROWS = 200_000

Mapping = dict[str, int]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SourceRow:
    """One data row: its number as the person sees it in the file, and its cells as text."""

    number: int
    cells: tuple[str, ...]

    def get(self, column: int | None) -> str:
        if column is None or column >= len(self.cells):
            return ""
        return self.cells[column]


@dataclass
class SourceTable:
    path: Path
    kind: str  # "csv" or "xlsx"
    headers: list[str]
    rows: list[SourceRow]
    #: The row number of the header row (1 = the first line of the file).
    header_row: int
    encoding: str = ""
    delimiter: str = ""


def normalise_header(text: str) -> str:
    """'E-mail adres' -> 'emailadres', 'Geboortejaar ' -> 'geboortejaar', 'Tél.' -> 'tel'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed
                                           if not unicodedata.combining(c)).lower())


_ALIAS_FIELD = {alias: fld for fld, aliases in ALIASES.items() for alias in aliases}


def field_of_header(header: str) -> str | None:
    return _ALIAS_FIELD.get(normalise_header(header))


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """Which column holds which field, from the header texts; the first match wins."""
    mapping: Mapping = {}
    for column, header in enumerate(headers):
        fld = field_of_header(header)
        if fld is not None and fld not in mapping:
            mapping[fld] = column
    return mapping


def missing_fields(mapping: Mapping) -> list[str]:
    """Required fields the mapping does not fill. A street column may carry the number."""
    missing = [f for f in REQUIRED_FIELDS if f not in mapping]
    if "number" in missing and "street" in mapping:
        missing.remove("number")  # 'Merelstraat 12 A' in one column is split per row
    return missing


# --- reading ---------------------------------------------------------------------------


def read_source(path: Path, progress: Progress | None = None) -> SourceTable:
    """Read a CSV or XLSX tenant list; raises RenoDeskError for a damaged or empty file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenoDeskError("error.file_unreadable", path=str(path), detail=exc.strerror
                            or str(exc)) from exc
    if not data.strip():
        raise RenoDeskError("import.error.empty", path=str(path))
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        grid, kind, encoding, delimiter = _read_xlsx(path, data, progress), "xlsx", "", ""
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise RenoDeskError("import.error.old_excel", path=str(path))
    else:
        text, encoding = decode_text(path, data)
        grid, delimiter = _read_csv(text)
        kind = "csv"
    return _table(path, kind, grid, encoding, delimiter)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) when it decodes cleanly, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # Five byte values are undefined in Windows-1252; in a text export they mean
            # the file is something else, so they fail below as binary.
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    if _looks_binary(text):
        raise RenoDeskError("import.error.damaged", path=str(path))
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    if "\x00" in sample:
        return True
    odd = sum(1 for c in sample if (ord(c) < 32 and c not in "\r\n\t") or c == "\ufffd")
    return odd > max(3, len(sample) // 200)


def _read_csv(text: str) -> tuple[list[list[Any]], str]:
    sample = text[:64_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        first = next((line for line in sample.splitlines() if line.strip()), "")
        delimiter = max(";,\t|", key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return [list(r) for r in rows], delimiter


def _read_xlsx(path: Path, data: bytes, progress: Progress | None) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise RenoDeskError("import.error.damaged", path=str(path)) from exc
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise RenoDeskError("import.error.empty", path=str(path))
        total = int(sheet.max_row or 0)
        grid: list[list[Any]] = []
        for index, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            grid.append(list(values))
            if progress is not None and index % 2000 == 0:
                progress(index, total)
            if index > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise RenoDeskError("import.error.too_many_rows", path=str(path),
                                    limit=MAX_ROWS)
        return grid
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        # A truncated archive often opens and breaks only when the sheet is read.
        raise RenoDeskError("import.error.damaged", path=str(path)) from exc
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A cell as the text a person would read in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _table(path: Path, kind: str, grid: list[list[Any]], encoding: str,
           delimiter: str) -> SourceTable:
    texts = [[cell_text(v) for v in row] for row in grid]
    header_index = _header_index(texts)
    if header_index is None:
        raise RenoDeskError("import.error.empty", path=str(path))
    headers = _headers(texts, header_index)
    rows = [SourceRow(number, tuple(cells))
            for number, cells in enumerate(texts[header_index + 1:], start=header_index + 2)
            if any(cells)]
    if len(rows) > MAX_ROWS:
        raise RenoDeskError("import.error.too_many_rows", path=str(path), limit=MAX_ROWS)
    return SourceTable(path, kind, headers, rows, header_index + 1, encoding, delimiter)


def _header_index(texts: list[list[str]]) -> int | None:
    """The row with the most recognised headers among the first ones; else the first
    non-empty row (a file with unfamiliar headers is mapped by hand)."""
    best, best_score = None, 0
    first_filled = None
    for index, row in enumerate(texts[:HEADER_SEARCH_ROWS]):
        if not any(row):
            continue
        if first_filled is None:
            first_filled = index
        score = len({field_of_header(c) for c in row if c} - {None})
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= 2 else first_filled


def _headers(texts: list[list[str]], header_index: int) -> list[str]:
    """Header texts; an empty cell takes its group header from the row above (merged
    cells: only the first cell of a merged range holds the text) or a column letter."""
    row = texts[header_index]
    above = texts[header_index - 1] if header_index > 0 else []
    width = max((len(r) for r in texts[header_index:header_index + 200]), default=len(row))
    headers: list[str] = []
    group = ""
    for column in range(width):
        text = row[column] if column < len(row) else ""
        if column < len(above) and above[column]:
            group = above[column]
        if not text:
            text = f"{group} ({column_letter(column)})" if group else column_letter(column)
        headers.append(text)
    return headers


def column_letter(column: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (as a spreadsheet names its columns)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
