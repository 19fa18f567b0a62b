"""Tangles in default ``pdftotext`` dumps: lines of neighbouring columns printed in turn.

On pages set with loose leading ``pdftotext`` makes every line a block of its own and
prints them row by row across the columns, each as a one-line block. A run of such
blocks is split back into column streams from the text itself (line widths, sentence
ends, dictionary words across the line break).
"""
from __future__ import annotations

from functools import lru_cache

from ..articles import cues
from ..articles.paragraphs import FIRST_LINE_SLACK
from .joins import join_score
from .order import WIDE_EMS, Piece, _flat, _open_tail

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
