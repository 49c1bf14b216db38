"""Household search: a trigram full-text index over name and address.

The index holds a folded copy of the text (lower case, accents and special letters
such as ı, ł, ø reduced to plain ones) so "yilmaz" finds "Yılmaz". Triggers keep it
current whatever writes the tables (use cases, sync, imports). The folding function
is registered on every connection by ``storage.engine``.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import Connection, text

_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss",
                          "đ": "d", "Đ": "d", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})


def fold(value: str | None) -> str:
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_DOC = """
    SELECT h.id AS hid,
           rd_fold(h.name || ' ' || d.street || ' ' || d.number || d.addition || ' '
                   || d.number || ' ' || d.addition || ' ' || d.postcode || ' '
                   || replace(d.postcode, ' ', '') || ' ' || d.city) AS body
    FROM household h JOIN dwelling d ON d.id = h.dwelling_id
"""

DDL = [
    "CREATE VIRTUAL TABLE household_search USING fts5(hid UNINDEXED, body, tokenize='trigram')",
    f"""CREATE TRIGGER household_search_ai AFTER INSERT ON household BEGIN
        INSERT INTO household_search(hid, body) SELECT hid, body FROM ({_DOC}) WHERE hid = NEW.id;
    END""",
    f"""CREATE TRIGGER household_search_au AFTER UPDATE OF name, dwelling_id ON household BEGIN
        DELETE FROM household_search WHERE hid = OLD.id;
        INSERT INTO household_search(hid, body) SELECT hid, body FROM ({_DOC}) WHERE hid = NEW.id;
    END""",
    """CREATE TRIGGER household_search_ad AFTER DELETE ON household BEGIN
        DELETE FROM household_search WHERE hid = OLD.id;
    END""",
    f"""CREATE TRIGGER household_search_du
        AFTER UPDATE OF street, number, addition, postcode, city ON dwelling BEGIN
        DELETE FROM household_search
            WHERE hid IN (SELECT id FROM household WHERE dwelling_id = NEW.id);
        INSERT INTO household_search(hid, body)
            SELECT hid, body FROM ({_DOC}) WHERE hid IN
            (SELECT id FROM household WHERE dwelling_id = NEW.id);
    END""",
]

DROP = [
    "DROP TRIGGER IF EXISTS household_search_du",
    "DROP TRIGGER IF EXISTS household_search_ad",
    "DROP TRIGGER IF EXISTS household_search_au",
    "DROP TRIGGER IF EXISTS household_search_ai",
    "DROP TABLE IF EXISTS household_search",
]


def match_ids_sql(terms: list[str]) -> tuple[str, dict[str, str]]:
    """SQL selecting household ids whose text contains every term, and its parameters."""
    clauses = []
    params: dict[str, str] = {}
    for i, term in enumerate(terms):
        key = f"t{i}"
        if len(term) >= 3:
            # A quoted trigram phrase matches the term as a substring, using the index.
            params[key] = '"' + term.replace('"', '""') + '"'
            clauses.append(f"SELECT hid FROM household_search WHERE household_search MATCH :{key}")
        else:
            params[key] = "%" + term.replace("%", "").replace("_", "") + "%"
            clauses.append(f"SELECT hid FROM household_search WHERE body LIKE :{key}")
    return " INTERSECT ".join(clauses), params


def search_terms(query: str) -> list[str]:
    return [t for t in fold(query).replace(",", " ").split() if t]


def find_household_ids(conn: Connection, query: str, limit: int = 500) -> list[str]:
    terms = search_terms(query)
    if not terms:
        return []
    sql, params = match_ids_sql(terms)
    rows = conn.execute(text(f"{sql} LIMIT {int(limit)}"), params)
    return [str(r[0]) for r in rows]
