"""Columns of ``pdftotext -layout`` dumps.

A ``-layout`` dump keeps the page geometry: the columns of a row stand side by
side on one text line, a character's string index is a stable x position (CJK
counted as one cell), runs of two or more spaces separate columns. Rows are
split into segments at such runs; segments of one column split by spaces that
are text layout (a padded name ``焦   斌``, a justified line ``长 11% ， 高 于``, a
letter-spaced headline) are merged back when no gutter lies between them.
Each segment becomes a :class:`~baozhi.model.Line` whose ``Text`` is the exact
slice of the source, with ``bbox = (first cell, row, last cell + 1, row + 1)``,
and the shared geometric engine (:mod:`baozhi.layout.geometry`) puts them in
reading order.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Line, Page
from ..text import Text
from .geometry import geometric_streams

_SEG = re.compile(r"\S+(?: \S+)*")
"""A run of text with single spaces inside: ``-layout`` separates columns by two or more."""

MIN_MULTI_ROWS = 8
"""A dump needs at least this many laid-out rows (two or more segments, or a segment that
starts :data:`DEEP_INDENT` cells or more to the right) to be a ``-layout`` dump …"""
MULTI_SHARE = 0.25
"""… and they must be at least this share of its non-blank rows."""
DEEP_INDENT = 6
"""No paragraph indent is this deep: a row starting this far right stands in a further column."""
WINDOW_ROWS = 8
"""Gutters are local: a gap is compared with the segments of the rows this near (a spanning
caption elsewhere on the page crosses the gutter of the columns beside it)."""
GUTTER_SHARE = 0.3
"""A cell covered by fewer segments than this share of its neighbourhood lies in a gutter."""
LAYOUT_X_TOLERANCE = 2.0
"""Line starts of one column scatter by a cell or two in ``-layout`` output."""


def _segments(row: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SEG.finditer(row)]


def is_layout_dump(text: str) -> bool:
    """A ``pdftotext -layout`` dump: many rows hold two or more segments separated by
    two or more spaces, starting at recurring positions."""
    rows = [r for r in text.split("\n") if r.strip()]
    if not rows:
        return False
    multi = 0
    starts: Counter[int] = Counter()
    for r in rows:
        segs = _segments(r.rstrip())
        later = [a for a, _ in segs[1:]] + ([segs[0][0]] if segs and segs[0][0] >= DEEP_INDENT else [])
        if later:
            multi += 1
            for a in later:
                starts[a // 3] += 1
    if multi < MIN_MULTI_ROWS or multi < MULTI_SHARE * len(rows):
        return False
    # recurring column starts: the commonest start bins hold most of the later segments
    top = sum(n for _, n in starts.most_common(6))
    return top >= 0.5 * sum(starts.values())


def _add(cov: list[int], segs: list[tuple[int, int]], d: int) -> None:
    for a, b in segs:
        for k in range(a, b):
            cov[k] += d


def _local_coverage(rows: list[list[tuple[int, int]]], window: int = WINDOW_ROWS):
    """For each row, how many segments of the rows within ``window`` rows cover each cell
    (the same list object, updated in place as the window slides: use it before the next)."""
    width = max((b for segs in rows for _, b in segs), default=0) + 2
    cov = [0] * width
    for y in range(min(window, len(rows))):
        _add(cov, rows[y], 1)
    for y in range(len(rows)):
        if y + window < len(rows):
            _add(cov, rows[y + window], 1)
        if y - window - 1 >= 0:
            _add(cov, rows[y - window - 1], -1)
        yield cov


BLANK_ROW_EXTRA = 0.5
"""A blank row is a vertical gap: it counts as this much more than a row of text, so one
blank row across a region (a gap between stacked modules) is wider than any leading."""
SPACED_PIECE = 3
"""A piece of a letter-spaced line holds at most this many cells (one character, ``14``) …"""
SPACED_GAP = 8
"""… and the gaps between its pieces are at most this many cells."""


def _merge_row(segs: list[tuple[int, int]], cov: list[int]) -> list[tuple[int, int]]:
    """Merge neighbouring segments of a row unless a gutter lies between them.

    A gutter is a gap whose cells are covered by far fewer segments of the nearby
    rows than the cells of the segments on either side. Letter-spaced runs (short
    pieces at even gaps, however many) stay together even across a gutter.
    """
    if len(segs) < 2:
        return segs
    out = [segs[0]]
    spaced_run = [segs[0][1] - segs[0][0] <= SPACED_PIECE]
    for k in range(1, len(segs)):
        a, b = out[-1], segs[k]
        gap = cov[a[1]:b[0]] or [0]
        around = min(max(cov[a[0]:a[1]] or [0]), max(cov[b[0]:b[1]] or [0]))
        gutter = min(gap) < GUTTER_SHARE * around
        short_b = b[1] - b[0] <= SPACED_PIECE
        spaced = spaced_run[-1] and short_b and b[0] - a[1] <= SPACED_GAP
        if not gutter or spaced:
            out[-1] = (a[0], b[1])
            spaced_run[-1] = spaced_run[-1] and short_b
        else:
            out.append(b)
            spaced_run.append(short_b)
    return out


def layout_streams(page: Page) -> list[list[Line]]:
    """Split the rows of a ``-layout`` dump into column segments and order them geometrically."""
    text = page.source.text
    raw_rows: list[tuple[int, str]] = []
    pos = 0
    for row in text.split("\n"):
        raw_rows.append((pos, row))
        pos += len(row) + 1
    segs = [_segments(r) for _, r in raw_rows]
    lines: list[Line] = []
    y = 0.0
    for r, ((start, row), ss, cov) in enumerate(zip(raw_rows, segs, _local_coverage(segs))):
        if not ss:
            y += 1.0 + BLANK_ROW_EXTRA
            continue
        for a, b in _merge_row(ss, cov):
            t = Text.from_source(text, start + a, start + b)
            lines.append(Line(t, row=r, bbox=(float(a), y, float(b), y + 1.0)))
        y += 1.0
    if not lines:
        return []
    streams = geometric_streams(lines, unit_em=1.0, x_tolerance=LAYOUT_X_TOLERANCE)
    for s in streams:
        for ln in s:
            ln.rel_size = None  # no font sizes in a dump
    return streams
