"""Body units the reading order left without an article of their own.

``-layout`` dumps (and, rarely, PDFs) can cut one column into two streams where the dump's
rows push a column's lines apart (a side headline's large characters, a staircase of rows
with other leading); plain dumps leave a piece after a headline group printed inside a body.
The lower part then starts with no headline and no lead of its own (no byline, no dated
lead): on a newspaper page such a text is the continuation of the text before it in reading
order, not an article. Plain dumps have no indents, so there only a piece running on from a
text cut mid-sentence is joined.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Line
from . import cues
from .assemble import Unit

INDENT_CELLS = 1.0
"""A first line indented by at least this much (``Line.indent``) opens a paragraph."""
WIDE_SLACK = 2.5
"""A unit whose median line is wider than the column by more than this many ems is set
across columns (a caption box): it stands alone."""


def _lead(line: Line) -> bool:
    f = line.flat
    return bool(cues.opens_article(f) or cues.dateline(f) or cues.own_line_byline(f) or line.opens)


def _closed_by_credit(u: Unit) -> bool:
    tail = "".join(ln.flat for ln in u.lines[-2:])
    return cues.photo_credit_end(tail) or cues.bare_photo_credit(u.lines[-1].flat)


def _wide(u: Unit, w: float) -> bool:
    widths = sorted(cues.width(ln.flat) for ln in u.lines)
    return bool(w) and widths[len(widths) // 2] > w + WIDE_SLACK


def _orphan(u: Unit, w: float) -> bool:
    """A body unit with no headline, own-line credit, jump or lead, running text (clause
    punctuation in it), not a caption."""
    return (u.kind == "body" and bool(u.lines) and not u.headlines and u.byline_line is None
            and not u.jumps and not _lead(u.lines[0]) and not _closed_by_credit(u) and not _wide(u, w)
            and any(cues.has_sentence_punct(ln.flat) or "，" in ln.flat for ln in u.lines))


def _open(u: Unit) -> bool:
    return not cues.ends_sentence(u.lines[-1].flat) and not _closed_by_credit(u)


def _fresh(u: Unit) -> bool:
    """The unit's first line opens a paragraph (indented), so it follows a closed text (never in
    plain dumps, which have no indents)."""
    return (u.lines[0].indent or 0) >= INDENT_CELLS


def join_headless(units: list[Unit], w: float) -> list[Unit]:
    """Append each body unit with no headline, own-line credit, jump or lead
    (:func:`_orphan`) to the text before it in reading order when the two read as one text:
    an orphan whose first line runs on (not indented) continues a text cut mid-sentence, an
    orphan whose first line is indented (a paragraph start) follows a text that ends a
    sentence. Other pairs stay apart: on the three benchmark sets (``-layout`` dumps) a
    running-on line after a sentence end was never the same text (0 of 6), a paragraph start
    after an open text was not either (0 of 1), and a far open text with a dictionary word
    across the break was right 1 time of 3. Captions (closed by a photo credit, or set across
    columns) are neither.

    ``units``: the output of :func:`attach_headlines` (bodies with their headline groups), in
    reading order. Returns a new list (the input units are not changed); a joined unit's lines
    are the two units' lines in order.
    """
    out: list[Unit] = []
    for u in units:
        p = out[-1] if out else None
        if (p is not None and p.kind == "body" and p.lines and not p.jumps and not _wide(p, w)
                and _orphan(u, w) and _open(p) != _fresh(u) and not _closed_by_credit(p)):
            out[-1] = replace(p, lines=p.lines + u.lines, inner=p.inner + u.inner)
            continue
        out.append(u)
    return out
