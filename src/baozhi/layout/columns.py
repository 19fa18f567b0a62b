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
"""A dump needs at least this many rows with two or more segments to be a ``-layout`` dump …"""
MULTI_SHARE = 0.25
"""… and they must be at least this share of its non-blank rows."""
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
        if len(segs) >= 2:
            multi += 1
            for a, _ in segs[1:]:
                starts[a // 3] += 1
    if multi < MIN_MULTI_ROWS or multi < MULTI_SHARE * len(rows):
        return False
    # recurring column starts: the commonest start bins hold most of the later segments
    top = sum(n for _, n in starts.most_common(6))
    return top >= 0.5 * sum(starts.values())


def _coverage(rows: list[list[tuple[int, int]]]) -> list[int]:
    width = max((b for segs in rows for _, b in segs), default=0) + 2
    diff = [0] * (width + 1)
    for segs in rows:
        for a, b in segs:
            diff[a] += 1
            diff[b] -= 1
    cov, run = [], 0
    for k in range(width):
        run += diff[k]
        cov.append(run)
    return cov


def _merge_row(segs: list[tuple[int, int]], cov: list[int]) -> list[tuple[int, int]]:
    """Merge neighbouring segments of a row unless a gutter lies between them.

    A gutter is a gap whose cells are covered by far fewer segments of the page
    than the cells of the segments on either side. Letter-spaced runs (short
    pieces at even gaps) stay together even across a gutter.
    """
    if len(segs) < 2:
        return segs
    out = [segs[0]]
    for k in range(1, len(segs)):
        a, b = out[-1], segs[k]
        gap = cov[a[1]:b[0]] or [0]
        around = min(max(cov[a[0]:a[1]] or [0]), max(cov[b[0]:b[1]] or [0]))
        gutter = min(gap) < GUTTER_SHARE * around
        spaced = (a[1] - a[0] <= 3 or _short_tail(out, a)) and b[1] - b[0] <= 3 and b[0] - a[1] <= 8
        if not gutter or spaced:
            out[-1] = (a[0], b[1])
        else:
            out.append(b)
    return out


def _short_tail(out: list[tuple[int, int]], a: tuple[int, int]) -> bool:
    return False


def layout_streams(page: Page) -> list[list[Line]]:
    """Split the rows of a ``-layout`` dump into column segments and order them geometrically."""
    text = page.source.text
    raw_rows: list[tuple[int, str]] = []
    pos = 0
    for row in text.split("\n"):
        raw_rows.append((pos, row))
        pos += len(row) + 1
    segs = [_segments(r) for _, r in raw_rows]
    cov = _coverage(segs)
    lines: list[Line] = []
    for y, ((start, row), ss) in enumerate(zip(raw_rows, segs)):
        for a, b in _merge_row(ss, cov):
            t = Text.from_source(text, start + a, start + b)
            lines.append(Line(t, row=y, bbox=(float(a), float(y), float(b), float(y + 1))))
    if not lines:
        return []
    streams = geometric_streams(lines, unit_em=1.0, x_tolerance=LAYOUT_X_TOLERANCE)
    for s in streams:
        for ln in s:
            ln.rel_size = None  # no font sizes in a dump
    return streams
