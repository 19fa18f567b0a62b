"""``export``: every table of the archive to CSV, JSON Lines or Parquet, one file per table."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from ..errors import StoreError
from ..jsonl import json_line
from .db import store_errors

TABLES = ("sources", "pages", "articles", "paragraph_texts", "persons", "person_names", "mentions", "title_mentions",
          "titles", "meetings", "meeting_participants", "documents", "failures")
"""Exported tables. Views: ``titles`` (title, first/last seen, count, article ids per person) and
``paragraph_texts`` (the ``paragraphs`` table with each paragraph's text)."""
JSON_COLUMNS = {"pages": ("header", "unassigned", "warnings"), "articles": ("headline_roles", "reporters"),
                "meetings": ("evidence",)}
"""Columns stored as JSON text: arrays in JSON Lines, JSON text in CSV and Parquet."""
FORMATS = ("csv", "jsonl", "parquet")
PARQUET_HINT = "Parquet export needs pyarrow: pip install 'baozhi[parquet]'"
_CHUNK = 5000


COUNT_COLUMNS = frozenset({"n"})
"""Views' computed columns that are counts (``COUNT(*) AS n``): integers even in an empty archive."""


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """``(name, declared type)`` per column; a view's computed column (``COUNT(*) AS n``) has none,
    so it takes the storage class of its first value (``typeof``: INTEGER, REAL, TEXT), or, in an
    empty view, INTEGER for the :data:`COUNT_COLUMNS` (TEXT for the others: MIN(date), GROUP_CONCAT)."""
    cols = []
    for r in conn.execute(f"PRAGMA table_info({table})").fetchall():
        decl = (r["type"] or "").upper()
        if not decl:
            got = conn.execute(f"SELECT typeof({r['name']}) FROM {table} WHERE {r['name']} IS NOT NULL LIMIT 1").fetchone()
            decl = got[0].upper() if got else "INTEGER" if r["name"] in COUNT_COLUMNS else ""
        cols.append((r["name"], decl))
    return cols


@store_errors
def export(conn: sqlite3.Connection, out: str | Path, fmt: str = "csv") -> dict[str, int]:
    """Write ``OUT/<table>.<fmt>`` for every table in :data:`TABLES`; returns rows per table.

    CSV has a header row and is UTF-8 with a BOM (so that Excel reads Chinese); JSON Lines has
    one object a row, the :data:`JSON_COLUMNS` as arrays; Parquet columns are typed from the
    SQLite declared types (INTEGER → int64, REAL → float64, else string; a view's computed
    column by its values' storage class). Raises
    :class:`~baozhi.errors.StoreError` when *fmt* is unknown, pyarrow is missing for Parquet,
    or OUT cannot be written.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise StoreError(PARQUET_HINT) from None
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create output directory ({e.strerror or e})", path=str(out)) from None
    counts = {}
    for table in TABLES:
        cols = _columns(conn, table)
        target = out / f"{table}.{fmt}"
        try:
            counts[table] = _WRITERS[fmt](conn, table, cols, target)
        except OSError as e:
            raise StoreError(f"cannot write ({e.strerror or e})", path=str(target)) from None
    return counts


def _chunks(conn, table: str, cols):
    cur = conn.execute(f"SELECT {', '.join(c for c, _ in cols)} FROM {table}")
    while True:
        rows = cur.fetchmany(_CHUNK)
        if not rows:
            return
        yield rows


def _csv(conn, table, cols, target: Path) -> int:
    n = 0
    with open(target, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([c for c, _ in cols])
        for rows in _chunks(conn, table, cols):
            w.writerows(tuple(r) for r in rows)
            n += len(rows)
    return n


def _jsonl(conn, table, cols, target: Path) -> int:
    n = 0
    names = [c for c, _ in cols]
    js = [i for i, c in enumerate(names) if c in JSON_COLUMNS.get(table, ())]
    with open(target, "w", encoding="utf-8") as f:
        for rows in _chunks(conn, table, cols):
            for r in rows:
                vals = list(r)
                for i in js:
                    if vals[i] is not None:
                        vals[i] = json.loads(vals[i])
                f.write(json_line(dict(zip(names, vals))) + "\n")
            n += len(rows)
    return n


def _parquet(conn, table, cols, target: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def typ(decl: str):
        if "INT" in decl:
            return pa.int64()
        if "REAL" in decl or "FLOA" in decl or "DOUB" in decl:
            return pa.float64()
        return pa.string()

    schema = pa.schema([(c, typ(t)) for c, t in cols])
    n = 0
    with pq.ParquetWriter(str(target), schema) as w:
        for rows in _chunks(conn, table, cols):
            data = {c: [r[i] if r[i] is None or schema.field(c).type != pa.string() else str(r[i]) for r in rows]
                    for i, (c, _) in enumerate(cols)}
            w.write_table(pa.table(data, schema=schema))
            n += len(rows)
    return n


_WRITERS = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}
