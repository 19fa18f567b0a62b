"""Full-text search over articles (FTS5, bm25), with snippets marked around the matches."""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import asdict, dataclass

from .db import date_paper_filter, store_errors
from .tokens import fold, parse_query, term_pattern

MARK = ("【", "】")
SNIPPET_CHARS = 80
HEADLINE_WEIGHT = 3.0
"""bm25 weight of the headline column against 1.0 for the body: a query word in the headline
says more about what the article is about than the same word once in its body."""


@dataclass
class Hit:
    """One search result. ``article_id``: the row id in ``articles``; ``article_seq``: the
    article's position on its page (0-based, ``articles.seq``); ``score``: relevance, higher is
    better (SQLite's bm25 negated, 6 decimals: ≥ 0, near 0 for words found in most articles,
    comparable only within one query);
    ``snippet``: a window of the body (or headline) with matches marked 【…】;
    ``highlights``: ``[start, end)`` of each match in ``snippet_plain`` (the unmarked window)."""

    article_id: int
    article_seq: int
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


def _patterns(terms: list[str]) -> list[re.Pattern]:
    return [p for p in map(term_pattern, terms) if p is not None]


RUN_MAX = 40
"""A window edge moves at most this many characters to keep a number or Latin word whole."""


def _word_char(c: str) -> bool:
    """A digit or a letter of an alphabet (ASCII or full-width, accented), or a number's . , %:
    not an ideograph (Unicode category Lo)."""
    return c in ".,%．" or unicodedata.category(c) in ("Nd", "Lu", "Ll")


def _in_run(text: str, i: int) -> bool:
    """``text[i - 1]`` and ``text[i]`` are both digits or letters (or a number's . , %): a window
    edge at ``i`` would cut a number (11月4日 → …1月4日, １２３亿元) or a word."""
    return 0 < i < len(text) and _word_char(text[i - 1]) and _word_char(text[i])


def _whole_runs(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The window ``[lo, hi)`` widened so that it cuts no number or Latin word."""
    for _ in range(RUN_MAX):
        if not _in_run(text, lo):
            break
        lo -= 1
    for _ in range(RUN_MAX):
        if not _in_run(text, hi):
            break
        hi += 1
    return lo, hi


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> tuple[str, str, list[list[int]]]:
    """``(marked, plain, highlights)``: a window of about *width* characters of *text* around the
    first occurrence of any term (matched folded, as the index matches: see
    :func:`~baozhi.store.tokens.term_pattern`), every occurrence in the window marked with 【】;
    the start of *text* when no term occurs."""
    folded = fold(text)
    spans = sorted(m.span() for p in _patterns(terms) for m in p.finditer(folded) if m.end() > m.start())
    first = spans[0][0] if spans else 0
    lo = max(0, first - width // 3)
    hi = min(len(text), lo + width)
    lo = max(0, min(lo, hi - width))
    lo, hi = _whole_runs(text, lo, hi)
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
    :class:`Hit`, highest ``score`` first; ``[]`` when the query has no searchable term
    (:func:`~baozhi.store.tokens.query_problem` says why). Never raises for the query's
    text; raises :class:`~baozhi.errors.StoreError` on a database error.
    """
    q = parse_query(query)
    if q.fts is None or limit <= 0:
        return []
    more, more_args = date_paper_filter("a", since, until, newspaper)
    where = ["article_fts MATCH ?"] + more
    args: list = [q.fts] + more_args
    join = " JOIN articles a ON a.id = article_fts.rowid" if len(where) > 1 else ""
    # rank first, on the index alone (and the short filter columns); fetch the rows shown after
    ranked = conn.execute(
        f"SELECT article_fts.rowid, bm25(article_fts, {HEADLINE_WEIGHT}, 1.0) AS score FROM article_fts{join}"
        f" WHERE {' AND '.join(where)} ORDER BY score, article_fts.rowid LIMIT ?", (*args, limit)).fetchall()
    rows = []
    for aid, score in ranked:
        r = conn.execute("SELECT a.id, a.seq, a.page_id, a.newspaper, a.date, a.headline, a.body, p.path, p.page_no"
                         " FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?", (aid,)).fetchone()
        rows.append((r, score))
    pats = _patterns(q.terms)
    hits = []
    for r, score in rows:
        text = r["body"]
        if not any(p.search(fold(text)) for p in pats) and r["headline"]:
            text = r["headline"]
        marked, plain, hl = snippet(text, q.terms)
        hits.append(Hit(r["id"], r["seq"], r["page_id"], r["newspaper"], r["date"], r["headline"], r["path"],
                        r["page_no"], round(-score, 6) + 0.0, marked, plain, hl))
    return hits
