"""Writing page records into the archive: one page, one transaction.

Only the ingesting parent process calls these (workers parse, the parent writes). Every
function here runs inside a ``BEGIN IMMEDIATE`` transaction of its own, so a kill at any
moment leaves whole pages or nothing, and concurrent writers serialise on SQLite's lock.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import json
import re
import sqlite3
from typing import Any

from ..errors import text_path
from ..facts.dates import with_page_year
from .db import store_errors, transaction
from .tokens import fold, index_text

_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _meeting_date(mdate: str | None, page_date: str | None) -> str | None:
    """A meeting's ``date`` column: its own full date; its month-day (``--01-05``) in the year
    the page date gives it (:func:`~baozhi.facts.dates.with_page_year`: a day more than a week
    after the page date fell in the year before); else the page date."""
    if mdate and page_date and _FULL_DATE.fullmatch(page_date):
        mdate = with_page_year(mdate, page_date)
    return mdate if mdate and _FULL_DATE.fullmatch(mdate) else page_date


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _j(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False)


def person_key(name: str) -> str:
    """The name a person is stored under: whitespace removed, folded (``區`` → ``区``)."""
    return fold(re.sub(r"\s+", "", name))


def _person(conn: sqlite3.Connection, paper: str, name: str, cache: dict[str, int]) -> int:
    variant = re.sub(r"\s+", "", name)
    key = person_key(name)
    pid = cache.get(key)
    if pid is None:
        row = conn.execute("SELECT id FROM persons WHERE newspaper = ? AND name = ?", (paper, key)).fetchone()
        if row is None:
            pid = conn.execute("INSERT INTO persons(newspaper, name) VALUES (?, ?)", (paper, key)).lastrowid
        else:
            pid = row[0]
        cache[key] = pid
    conn.execute("INSERT OR IGNORE INTO person_names(person_id, variant) VALUES (?, ?)", (pid, variant))
    return pid


class _ArticleLocator:
    """Maps a source offset to the article whose paragraph spans hold it."""

    def __init__(self, spans: list[tuple[int, int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]

    def __call__(self, offset: int | None) -> int | None:
        if offset is None:
            return None
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i][2]
        return None


def _delete_derived(conn: sqlite3.Connection, page_id: int) -> None:
    for row in conn.execute("SELECT id, headline, body FROM articles WHERE page_id = ?", (page_id,)).fetchall():
        conn.execute("INSERT INTO article_fts(article_fts, rowid, headline, body) VALUES ('delete', ?, ?, ?)",
                     (row["id"], index_text(row["headline"]), index_text(row["body"])))
    for table in ("mentions", "title_mentions", "documents", "meetings", "articles"):
        conn.execute(f"DELETE FROM {table} WHERE page_id = ?", (page_id,))


@store_errors
def write_page(conn: sqlite3.Connection, rec: dict[str, Any], *, reparse: bool = False) -> str:
    """Store one page record (:func:`baozhi.store.records.page_record`) in its own transaction.

    Returns ``"new"``, ``"skipped"`` (a page with this content hash is stored and ``reparse``
    is false) or ``"reparsed"`` (its articles and facts were replaced). Raises
    :class:`~baozhi.errors.StoreError` on a database error (the transaction is rolled back).
    """
    with transaction(conn):
        row = conn.execute("SELECT id FROM pages WHERE content_hash = ?", (rec["content_hash"],)).fetchone()
        cols = ("source_sha256", "page_no", "path", "kind", "encoding", "newspaper", "newspaper_from", "date",
                "date_from", "facts_date", "header", "unassigned", "warnings", "text", "parser_version")
        vals = [rec[c] if c not in ("header", "unassigned", "warnings") else _j(rec[c]) for c in cols]
        vals[cols.index("path")] = text_path(rec["path"])  # a file name that is not UTF-8: \xff escapes
        if row is not None:
            if not reparse:
                return "skipped"
            page_id = row[0]
            _delete_derived(conn, page_id)
            conn.execute(f"UPDATE pages SET {', '.join(c + ' = ?' for c in cols)}, ingested_at = ? WHERE id = ?",
                         (*vals, _now(), page_id))
            status = "reparsed"
        else:
            page_id = conn.execute(
                f"INSERT INTO pages(content_hash, {', '.join(cols)}, ingested_at) VALUES (?, {', '.join('?' * len(cols))}, ?)",
                (rec["content_hash"], *vals, _now())).lastrowid
            status = "new"
        _insert_derived(conn, page_id, rec)
    return status


def _insert_derived(conn: sqlite3.Connection, page_id: int, rec: dict[str, Any]) -> None:
    paper, date = rec["newspaper"], rec["date"]
    article_ids: list[int] = []
    spans: list[tuple[int, int, int]] = []
    for seq, a in enumerate(rec["articles"]):
        headline = "\n".join(a["headline"])  # one headline line a line (kicker, title, subtitles)
        body = "\n".join(a["paragraphs"])
        aid = conn.execute(
            "INSERT INTO articles(page_id, seq, headline, headline_roles, byline, dateline, reporters, body,"
            " newspaper, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (page_id, seq, headline, _j(a["headline_roles"]), a["byline"], a["dateline"], _j(a["reporters"]), body,
             paper, date)).lastrowid
        article_ids.append(aid)
        rows, pos = [], 0
        for i, (p, sp) in enumerate(zip(a["paragraphs"], a["source_spans"])):
            rows.append((aid, i, pos, pos + len(p), *(sp if len(sp) == 2 else (None, None))))
            pos += len(p) + 1
        conn.executemany("INSERT INTO paragraphs(article_id, seq, start, end, src_start, src_end)"
                         " VALUES (?, ?, ?, ?, ?, ?)", rows)
        spans.extend((sp[0], sp[1], aid) for sp in a["source_spans"] if len(sp) == 2)
        conn.execute("INSERT INTO article_fts(rowid, headline, body) VALUES (?, ?, ?)",
                     (aid, index_text(headline), index_text(body)))
    _insert_facts(conn, page_id, rec, article_ids, _ArticleLocator(spans))


def _insert_facts(conn, page_id: int, rec: dict[str, Any], article_ids: list[int], locate) -> None:
    facts = rec.get("facts") or {}
    paper = rec["newspaper"] or ""
    date = rec["date"]
    units = facts.get("articles") or []
    aligned = len(units) == len(article_ids)
    cache: dict[str, int] = {}
    mseq = 0
    for ui, unit in enumerate(units):
        fixed = article_ids[ui] if aligned else None
        for p in unit.get("persons", []):
            pid = _person(conn, paper, p["name"], cache)
            mentions = [m for m in p.get("mentions", []) if len(m) == 2]
            first_aid = fixed
            for s, e in mentions:
                aid = fixed if fixed is not None else locate(s)
                first_aid = first_aid if first_aid is not None else aid
                printed = rec["text"][s:e]
                if "".join(printed.split()) != "".join(p["name"].split()):
                    # the name was broken across columns a dump printed in turn: the range holds
                    # other text too, so the mention keeps the name as read
                    printed = p["name"]
                conn.execute("INSERT INTO mentions(person_id, page_id, article_id, name, start, end)"
                             " VALUES (?, ?, ?, ?, ?, ?)", (pid, page_id, aid, printed, s, e))
            for t in p.get("titles", []):
                conn.execute("INSERT INTO title_mentions(person_id, title, page_id, article_id, date)"
                             " VALUES (?, ?, ?, ?, ?)", (pid, t, page_id, first_aid, date))
        for m in unit.get("meetings", []):
            ev = [e for e in m.get("evidence", []) if len(e) == 2]
            aid = fixed if fixed is not None else (locate(ev[0][0]) if ev else None)
            mdate = m.get("date") or unit.get("date")
            eff = _meeting_date(mdate, date)
            mid = conn.execute(
                "INSERT INTO meetings(page_id, article_id, seq, name, organizer, kind, ordinal, date_text, date,"
                " newspaper, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (page_id, aid, mseq, m.get("name"), m.get("organizer"), m.get("kind"), m.get("ordinal"), mdate,
                 eff, rec["newspaper"], _j(ev))).lastrowid
            mseq += 1
            for role, key in (("chair", "chairs"), ("attendee", "attendees"), ("observer", "observers")):
                for name in m.get(key, []):
                    pid = _person(conn, paper, name, cache)
                    conn.execute("INSERT OR IGNORE INTO meeting_participants(meeting_id, person_id, role, name)"
                                 " VALUES (?, ?, ?, ?)", (mid, pid, role, re.sub(r"\s+", "", name)))
            conn.executemany("INSERT INTO documents(page_id, article_id, meeting_id, title) VALUES (?, ?, ?, ?)",
                             [(page_id, aid, mid, d) for d in m.get("documents", [])])
        conn.executemany("INSERT INTO documents(page_id, article_id, meeting_id, title) VALUES (?, ?, NULL, ?)",
                         [(page_id, fixed, d) for d in unit.get("documents", [])])


@store_errors
def write_source(conn: sqlite3.Connection, sha256: str, path: str, kind: str, n_pages: int) -> None:
    """Mark a file as completely ingested (its pages are all stored) and clear the failures
    recorded for its content or its path (a file fixed in place)."""
    path = text_path(path)
    with transaction(conn):
        conn.execute("INSERT OR REPLACE INTO sources(sha256, path, kind, n_pages, ingested_at) VALUES (?, ?, ?, ?, ?)",
                     (sha256, path, kind, n_pages, _now()))
        conn.execute("DELETE FROM failures WHERE source_sha256 = ? OR path = ?", (sha256, path))


@store_errors
def write_failure(conn: sqlite3.Connection, sha256: str | None, path: str, code: str, message: str) -> None:
    """Record (or update) the failure of a file; a file's latest failure replaces earlier ones."""
    path = text_path(path)
    with transaction(conn):
        conn.execute("INSERT INTO failures(source_sha256, path, code, message, at) VALUES (?, ?, ?, ?, ?)"
                     " ON CONFLICT(source_sha256) DO UPDATE SET path = excluded.path, code = excluded.code,"
                     " message = excluded.message, at = excluded.at",
                     (sha256 or f"path:{path}", path, code, message, _now()))


@store_errors
def prune_persons(conn: sqlite3.Connection) -> int:
    """Delete persons no longer referenced (after ``--reparse``); returns how many."""
    with transaction(conn):
        return conn.execute(
            "DELETE FROM persons WHERE id NOT IN (SELECT person_id FROM mentions)"
            " AND id NOT IN (SELECT person_id FROM title_mentions)"
            " AND id NOT IN (SELECT person_id FROM meeting_participants)").rowcount


@store_errors
def optimize(conn: sqlite3.Connection) -> None:
    """Merge the full-text index into one b-tree (FTS5 ``optimize``). One transaction per page
    leaves many small index segments that every query must visit; this merges them (2–4 s on
    an archive of 100,000 articles, done once at the end of an ingest run that added pages)."""
    with transaction(conn):
        conn.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
