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
from functools import lru_cache

from ..articles import cues
from ..articles.assemble import classify_lines
from ..articles.paragraphs import FIRST_LINE_SLACK, full_width
from ..model import Line, Page
from .joins import join_score

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


TANGLE_MIN = 4
"""A run of at least this many one-line blocks in a dump that otherwise keeps blocks
together is a tangle: lines of neighbouring columns printed in turn (``pdftotext`` on
pages set with loose leading)."""
TANGLE_MAX_STREAMS = 4
TANGLE_BEAM = 24
NEW_STREAM_COST = 1.2
PERIOD_BONUS = 0.8
"""A column's lines come back at a steady period while the same columns interleave."""


def _tangle_member(p: Piece) -> bool:
    if len(p.lines) != 1 or not p.lines[0].gap_before:
        return False
    if p.kind == "body":
        return p.labels[0] == "body"
    if p.kind == "headline":
        raw = p.lines[0].text.value
        # a justified body line with digit runs comes out letter-spaced
        return cues.letter_spaced(raw) and any(c.isdigit() for c in raw)
    return False


@lru_cache(maxsize=8192)
def _cont(a: str, b: str, w: float) -> float:
    """Evidence (may be negative) that line ``b`` follows line ``a`` in one column."""
    s = 0.0
    js = join_score(a, b)
    if js > 0:
        s += 1.0 + min(js, 12.0) / 12.0
    if b and b[0] in "，。、；：！？）》”’":
        s += 1.0 if not cues.ends_sentence(a) else -1.0
    can_start = cues.min_width(b) <= w - 2 + FIRST_LINE_SLACK
    if cues.opens_article(b) or cues.dateline(b):
        s -= 1.5
    if cues.ends_sentence(a):
        s += 0.3 if can_start else 0.0
    else:
        if cues.width(a) < w - 3:
            s -= 2.0  # a short line that ends no sentence ends its column piece
        if can_start:
            s -= 0.3
    wa, wb = cues.width(a), cues.width(b)
    if wa > w + WIDE_EMS or wb > w + WIDE_EMS:
        if abs(wa - wb) > WIDE_EMS and not (cues.ends_sentence(b) and wb < wa):
            s -= 1.5  # a caption set across columns does not share lines with a column
    return s


def untangle_lines(lines: list[str], w: float, head: str | None = None) -> list[list[int]]:
    """Split interleaved lines into the column streams they came from.

    ``lines``: de-spaced lines in dump order; ``head``: the last line of the
    piece printed just before them, which one stream may continue (index -1).
    Returns streams as lists of indices into ``lines`` (index -1 for ``head``).
    A beam search: each line goes to an open stream or starts one, scored by
    :func:`_cont` (word across the break, sentence ends, widths) plus a bonus
    when a stream keeps its period.
    """
    start: list[list[int]] = [[-1]] if head is not None else []
    # a state: (score, streams, the gap of the last line placed): the columns of a tangle
    # share one period, so a line placed at the period just seen earns PERIOD_BONUS
    beam: list[tuple[float, list[list[int]], int]] = [(0.0, start, 0)]
    text = lambda i: head if i < 0 else lines[i]  # noqa: E731
    for x in range(len(lines)):
        nxt: dict[tuple, tuple[float, list[list[int]], int]] = {}
        for score, streams, period in beam:
            options = []
            for si, st in enumerate(streams):
                last = st[-1]
                sc = _cont(text(last), lines[x], w)
                gap = x - last
                if gap == period or (len(st) >= 2 and gap == last - st[-2]):
                    sc += PERIOD_BONUS
                options.append((sc, si, gap))
            if len(streams) < TANGLE_MAX_STREAMS:
                options.append((-NEW_STREAM_COST, -1, period))
            for sc, si, gap in options:
                new = [list(st) for st in streams]
                if si < 0:
                    new.append([x])
                else:
                    new[si].append(x)
                key = tuple(sorted(st[-1] for st in new)) + (gap,)
                tot = score + sc
                if key not in nxt or nxt[key][0] < tot:
                    nxt[key] = (tot, new, gap)
        beam = sorted(nxt.values(), key=lambda t: -t[0])[:TANGLE_BEAM]
    return beam[0][1]


def untangle(pieces: list[Piece], w: float) -> list[Piece]:
    """Replace each tangle (see :data:`TANGLE_MIN`) by one piece per column stream."""
    if not w:
        return pieces
    out: list[Piece] = []
    i = 0
    n = len(pieces)
    while i < n:
        j = i
        while j < n and _tangle_member(pieces[j]):
            j += 1
        if j - i < TANGLE_MIN:
            out.append(pieces[i])
            i += 1
            continue
        run = pieces[i:j]
        prev = out[-1] if out and out[-1].kind == "body" and _open_tail(out[-1]) else None
        streams = untangle_lines([_flat(p.lines[0]) for p in run], w, _flat(prev.lines[-1]) if prev else None)
        for st in streams:
            members = [k for k in st if k >= 0]
            if not members:
                continue
            if st[0] < 0 and prev is not None:
                target = prev
            else:
                target = Piece("body", index=run[members[0]].index)
                out.append(target)
            for k in members:
                target.lines.append(run[k].lines[0])
                target.labels.append("body")
        i = j
    for k, p in enumerate(out):
        p.index = k
    return out


def plain_streams(page: Page, w: float | None = None) -> list[list[Line]]:
    """Lines in reading order, as one stream (read top to bottom). ``w``: the column width in
    ems when the caller has it (:func:`~baozhi.articles.paragraphs.full_width` of the lines)."""
    lines = page.lines
    if len(lines) < 2:
        return [lines]
    if w is None:
        w = full_width([ln.text.value for ln in lines])
    gaps = sum(1 for ln in lines if ln.gap_before) / len(lines)
    labels = classify_lines(lines, w, gaps_mean_blocks=gaps < SPARSE_GAPS)
    pieces = split_pieces(lines, labels, gaps < SPARSE_GAPS, w)
    if gaps < SPARSE_GAPS:
        pieces = untangle(pieces, w)
    ordered = relink(pieces, w)
    _mark_wide_blocks(ordered, w)
    for p in ordered:
        for ln, lab in zip(p.lines, p.labels):
            ln.label = lab
    return [[ln for p in ordered for ln in p.lines]]
