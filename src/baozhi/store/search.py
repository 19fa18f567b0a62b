"""Full-text search over articles (FTS5, bm25), with snippets marked around the matches."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass

from .db import store_errors
from .tokens import _SPACE_IN_CJK, fold, parse_query

MARK = ("【", "】")
SNIPPET_CHARS = 80
HEADLINE_WEIGHT = 3.0
"""bm25 weight of the headline column against 1.0 for the body: a query word in the headline
says more about what the article is about than the same word once in its body."""


@dataclass
class Hit:
    """One search result. ``score``: bm25 (lower is better, as SQLite gives it);
    ``snippet``: a window of the body (or headline) with matches marked 【…】;
    ``highlights``: ``[start, end)`` of each match in ``snippet_plain`` (the unmarked window)."""

    article_id: int
    page_id: int
    newspaper: str | None
    date: str | None
    headline: str
    path: str
    page_no: int | None
    score: float
    snippet: str
    snippet_plain: str
    highlights: list[list[int]]

    def as_dict(self) -> dict:
        return asdict(self)


def _needles(terms: list[str]) -> list[str]:
    out = []
    for t in terms:
        t = fold(_SPACE_IN_CJK.sub("", t)).strip()
        t = re.sub(r"[^\w\s]", "", t)
        if t.strip():
            out.append(t.strip())
    return out


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> tuple[str, str, list[list[int]]]:
    """``(marked, plain, highlights)``: a window of about *width* characters of *text* around the
    first occurrence of any term (matched folded, as the index matches), every occurrence in the
    window marked with 【】; the start of *text* when no term occurs literally."""
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for n in _needles(terms):
        start = 0
        while True:
            i = folded.find(n, start)
            if i < 0:
                break
            spans.append((i, i + len(n)))
            start = i + 1
    spans.sort()
    first = spans[0][0] if spans else 0
    lo = max(0, first - width // 3)
    hi = min(len(text), lo + width)
    lo = max(0, min(lo, hi - width))
    plain = text[lo:hi].replace("\n", " ")
    merged: list[list[int]] = []
    for s, e in spans:
        if s < lo or e > hi:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e - lo)
        else:
            merged.append([s - lo, e - lo])
    marked, pos = [], 0
    for s, e in merged:
        marked += [plain[pos:s], MARK[0], plain[s:e], MARK[1]]
        pos = e
    marked.append(plain[pos:])
    pre = "…" if lo > 0 else ""
    post = "…" if hi < len(text) else ""
    return pre + "".join(marked) + post, plain, merged


@store_errors
def search(conn: sqlite3.Connection, query: str, *, since: str | None = None, until: str | None = None,
           newspaper: str | None = None, limit: int = 20) -> list[Hit]:
    """Articles matching *query* (syntax: :func:`baozhi.store.tokens.parse_query`), best first.

    ``since``/``until``: ISO dates, inclusive, on the page date (articles without a date are
    left out when either is given); ``newspaper``: exact name. Returns up to *limit*
    :class:`Hit`; ``[]`` when the query has no searchable term. Never raises for the query's
    text; raises :class:`~baozhi.errors.StoreError` on a database error.
    """
    q = parse_query(query)
    if q.fts is None or limit <= 0:
        return []
    where = ["article_fts MATCH ?"]
    args: list = [q.fts]
    if since:
        where.append("a.date >= ?")
        args.append(since)
    if until:
        where.append("a.date <= ?")
        args.append(until)
    if newspaper:
        where.append("a.newspaper = ?")
        args.append(newspaper)
    join = " JOIN articles a ON a.id = article_fts.rowid" if len(where) > 1 else ""
    # rank first, on the index alone (and the short filter columns); fetch the rows shown after
    ranked = conn.execute(
        f"SELECT article_fts.rowid, bm25(article_fts, {HEADLINE_WEIGHT}, 1.0) AS score FROM article_fts{join}"
        f" WHERE {' AND '.join(where)} ORDER BY score, article_fts.rowid LIMIT ?", (*args, limit)).fetchall()
    rows = []
    for aid, score in ranked:
        r = conn.execute("SELECT a.id, a.page_id, a.newspaper, a.date, a.headline, a.body, p.path, p.page_no"
                         " FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?", (aid,)).fetchone()
        rows.append((r, score))
    hits = []
    for r, score in rows:
        text = r["body"]
        if not any(n in fold(text) for n in _needles(q.terms)) and r["headline"]:
            text = r["headline"]
        marked, plain, hl = snippet(text, q.terms)
        hits.append(Hit(r["id"], r["page_id"], r["newspaper"], r["date"], r["headline"], r["path"], r["page_no"],
                        round(score, 4), marked, plain, hl))
    return hits
