"""Reading order for dumps without geometry (default ``pdftotext``, PyMuPDF, copy-paste).

Such a dump keeps each column piece's lines together but may print the pieces
out of order: PyMuPDF emits blocks in the order the layout program drew them,
and ``pdftotext`` jumps between modules. The text itself says where a piece
goes:

* a piece that ends mid-sentence (*open tail*) continues somewhere;
* a piece whose first line is a full column line (*continuation head*, it
  cannot be an indented first line) continues something;
* the right pairing makes the line join read as running text
  (:func:`baozhi.layout.joins.join_score`).

Pieces whose neighbours in the dump already fit keep their order; open tails
left without a continuation are paired with continuation heads left without a
predecessor, best evidence first.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..articles import cues
from ..articles.assemble import classify_lines
from ..articles.paragraphs import FIRST_LINE_SLACK, full_width
from ..model import Line, Page
from .joins import join_score
from .rows import split_rows

SPARSE_GAPS = 0.9
"""Blank lines separate blocks only when fewer than this share of lines follow one
(a dump with a blank line after every line, like the seed page, says nothing by them)."""
WIDE_EMS = 2.5
"""A line this much wider than the column ``W`` is set across columns (a caption box)."""
MAYBE_START_PENALTY = 3.0
"""A piece whose first line could open a paragraph continues an open tail only on
word evidence (a join score above this, minus the later bonus)."""
LATER_BONUS = 1.0
"""Preference for a continuation printed after the open tail (dumps mostly run forward)."""
WINDOW = 80
"""A continuation is looked for among the 80 pieces either side of an open tail (a page
has far fewer; the bound keeps work linear in the input on huge files)."""


@dataclass
class Piece:
    kind: str  # body | headline | furniture
    lines: list[Line] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    index: int = 0


def _flat(line: Line) -> str:
    return cues.squash(line.text.value)


def split_pieces(lines: list[Line], labels: list[str], gaps_mean_blocks: bool, w: float = 0.0) -> list[Piece]:
    """Cut the dump into pieces at every place the text itself marks a break.

    ``w``: the column width in ems; a run of lines set wider than the column
    (a caption across two columns) is a piece of its own.
    """
    pieces: list[Piece] = []
    in_wide = False
    for ln, lab in zip(lines, labels):
        kind = "headline" if lab == "headline" else ("furniture" if lab == "furniture" else "body")
        flat = _flat(ln)
        wide = kind == "body" and bool(w) and cues.width(flat) > w + WIDE_EMS
        tail = in_wide and not wide and kind == "body" and pieces and not cues.ends_sentence(_flat(pieces[-1].lines[-1]))
        width_change = kind == "body" and pieces and pieces[-1].kind == "body" and wide != in_wide and not tail
        in_wide = wide
        new = (not pieces or pieces[-1].kind != kind or lab == "byline" or width_change
               or (kind == "body" and (cues.opens_article(flat) or pieces[-1].labels[-1] == "jump"))
               or (gaps_mean_blocks and ln.gap_before and kind != "headline"))
        if new and kind == "body" and pieces and pieces[-1].kind == "body" and pieces[-1].labels[-1] == "byline":
            new = False  # an own-line byline heads the body that follows it
        if new:
            pieces.append(Piece(kind, index=len(pieces)))
        pieces[-1].lines.append(ln)
        pieces[-1].labels.append(lab)
    return pieces


def _open_tail(p: Piece) -> bool:
    return p.kind == "body" and p.labels[-1] == "body" and not cues.ends_sentence(_flat(p.lines[-1]))


def _cont_head(p: Piece, w: float) -> bool:
    if p.kind != "body" or p.labels[0] != "body":
        return False
    f = _flat(p.lines[0])
    if cues.opens_article(f) or cues.dateline(f):
        return False
    return bool(w) and cues.min_width(f) > w - 2 + FIRST_LINE_SLACK


def _may_continue(p: Piece) -> bool:
    """A body piece that does not open an article (no byline, no dateline lead)."""
    if p.kind != "body" or p.labels[0] != "body":
        return False
    f = _flat(p.lines[0])
    return not (cues.opens_article(f) or cues.dateline(f))


def relink(pieces: list[Piece], w: float) -> list[Piece]:
    """Pieces in reading order: each open tail followed by its continuation."""
    n = len(pieces)
    succ: dict[int, int] = {}
    has_pred: set[int] = set()
    for i in range(n - 1):
        a, b = pieces[i], pieces[i + 1]
        if _open_tail(a) and b.kind == "body" and b.labels[0] == "body" and not cues.opens_article(_flat(b.lines[0])):
            succ[i] = i + 1
            has_pred.add(i + 1)
    dangling = [i for i in range(n) if _open_tail(pieces[i]) and i not in succ]
    orphans = [j for j in range(n) if _may_continue(pieces[j]) and j not in has_pred]
    cands = []
    for i in dangling:
        a = _flat(pieces[i].lines[-1])
        for j in orphans:
            if j == i or abs(j - i) > WINDOW:
                continue
            s = join_score(a, _flat(pieces[j].lines[0])) + (LATER_BONUS if j > i else 0.0) - 0.001 * abs(j - i)
            if not _cont_head(pieces[j], w):
                s -= MAYBE_START_PENALTY
            if s > 0:
                cands.append((s, i, j))
    cands.sort(reverse=True)
    for s, i, j in cands:
        if i in succ or j in has_pred or _reaches(succ, j, i):
            continue
        succ[i] = j
        has_pred.add(j)
    # a headline piece printed between a body and its continuation stays there (a subtitle
    # the dump set inside the body): the assembly stage decides whose headline it is
    for i, j in list(succ.items()):
        h = i + 1
        if j == i + 2 and pieces[h].kind == "headline" and h not in has_pred and h not in succ:
            succ[i] = h
            succ[h] = j
            has_pred.add(h)
    out: list[Piece] = []
    seen: set[int] = set()
    for i in range(n):
        if i in has_pred or i in seen:
            continue
        k: int | None = i
        while k is not None and k not in seen:
            seen.add(k)
            out.append(pieces[k])
            k = succ.get(k)
    out.extend(pieces[i] for i in range(n) if i not in seen)
    return out


def _reaches(succ: dict[int, int], start: int, target: int) -> bool:
    k = start
    steps = 0
    while k in succ and steps <= len(succ):
        k = succ[k]
        if k == target:
            return True
        steps += 1
    return k == target


def _wide(p: Piece, w: float) -> bool:
    """A body piece set wider than the page's column (a caption box, a spanning text):
    two or more lines, all but the last wider than ``W + 2.5`` ems, with running text."""
    if p.kind != "body" or len(p.lines) < 2 or not w:
        return False
    flats = [_flat(ln) for ln in p.lines]
    return all(cues.width(f) > w + WIDE_EMS for f in flats[:-1]) and any("，" in f or "。" in f for f in flats)


def _mark_wide_blocks(ordered: list[Piece], w: float) -> None:
    """A wide piece is a text of its own (a caption under a photo spanning columns): it
    opens a new article, and so does the body piece after it."""
    prev_wide = False
    for p in ordered:
        wide = _wide(p, w)
        if p.kind == "body" and (wide or prev_wide):
            p.lines[0].opens = True
        if p.kind != "furniture":
            prev_wide = wide


def plain_streams(page: Page, w: float | None = None) -> list[list[Line]]:
    """Lines in reading order, as one stream (read top to bottom). ``w``: the column width in
    ems when the caller has it (:func:`~baozhi.articles.paragraphs.full_width` of the lines)."""
    lines = page.lines
    if len(lines) < 2:
        return [lines]
    if w is None:
        w = full_width([ln.text.value for ln in lines])
    gaps = sum(1 for ln in lines if ln.gap_before) / len(lines)
    lines = split_rows(lines, w, gaps < SPARSE_GAPS)  # rows where pdftotext joined columns with spaces (layout/rows.py)
    labels = classify_lines(lines, w, gaps_mean_blocks=gaps < SPARSE_GAPS)
    pieces = split_pieces(lines, labels, gaps < SPARSE_GAPS, w)
    from .tangles import untangle, untangle_gapless  # noqa: PLC0415 (tangles.py builds on Piece)

    pieces = untangle(pieces, w) if gaps < SPARSE_GAPS else untangle_gapless(pieces, w)
    ordered = relink(pieces, w)
    _mark_wide_blocks(ordered, w)
    for p in ordered:
        for ln, lab in zip(p.lines, p.labels):
            ln.label = lab
    return [[ln for p in ordered for ln in p.lines]]
