"""Reading order from geometry: one engine for PDFs and ``pdftotext -layout`` dumps.

Input lines carry ``bbox = (x0, y0, x1, y1)`` (y grows down) in any unit;
``unit_em`` is one em in that unit (a PDF: the body font size in points; a
``-layout`` dump: one character cell). The engine

1. finds the body font size (PDFs) and each line's size relative to it;
2. takes the page furniture band off the top (masthead, date, 第N版, editor
   lines: the rows holding a furniture cue near the top of the page);
3. finds the column grid from where body lines lie: gutters are x ranges that
   (almost) no body line covers;
4. assigns each line its ``column``, ``span_cols`` and ``indent`` (ems from
   its column piece's left edge, the paragraph evidence);
5. cuts the page recursively (an XY cut on the column grid): a region splits
   at every column boundary no line crosses; a region that cannot split so
   (a headline spans its columns) splits into horizontal bands, each band of
   spanning lines apart from the bands of column text between them; a single
   column splits at rules, wide vertical gaps and headline-sized lines;
6. returns streams: the furniture first, then one stream per module
   (headline lines top to bottom, then the body column by column).

Article order across the page follows the cut (top to bottom, left to right);
what matters is that an article's lines are contiguous and in order.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ..model import Line

CUT_RECURSION_LIMIT = 20_000
"""Python call depth allowed while cutting a page: the recursive cuts take two frames per band,
so a page of thousands of rows (a whole issue dumped as one page) needs more than Python's 1000."""
HEADLINE_REL = 1.1
"""A line whose font is this much larger than the body font is headline-sized (kickers are ~1.15)."""
SUBHEAD_REL = 1.03
"""A kicker or subtitle may be set just above the body size; next to a headline line it is one."""
BODY_REL = (0.85, 1.1)
"""Relative sizes counted as body text when finding the column grid."""
GUTTER_SHARE = 0.2
"""An x bin covered by fewer than this share of the typical column coverage lies in a gutter."""
MIN_COLUMN_EMS = 3.0
"""Narrower covered runs are not columns (stray characters)."""
SPLIT_GUTTER_EMS = (0.5, 4.0)
"""A column starting this far (ems) after an end shared by many lines of the column it starts
inside is a column of its own (see :func:`column_grid`)."""
SPAN_OVERLAP_EMS = 1.0
"""A line spans a further column when it reaches this far into it."""
GAP_PITCHES = 2.6
"""In one column, a vertical gap of this many line pitches separates modules (a photo, a box)."""
WIDE_GAP_PITCHES = 1.2
"""A blank band across a whole region this many row pitches high separates stacked modules
(two blank rows in a ``-layout`` dump; in a PDF, well over the leading)."""
MODULE_GAP_PITCHES = 0.95
"""A blank band across a region a row pitch high separates stacked modules when an article opens
right under it (an inline byline, a headline line): ``-layout`` rows leave no more."""
RULE_ACROSS_SHARE = 0.95
"""A horizontal rule along this share of a region's width cuts it before its columns do."""
PHRASE_GAP = 1.2
"""Two headline pieces on one baseline this many line heights apart or closer are one headline."""
VRULE_SHARE = 0.8
"""A vertical rule down this share of a region's height at a free column boundary cuts it first."""
FURNITURE_TOP_SHARE = 0.2
"""Furniture cues are looked for in this top share of the page."""


@dataclass
class _Box:
    i: int
    x0: float
    y0: float
    x1: float
    y1: float
    rel: float
    col: int = 0
    span: int = 1
    head: bool = False  # set in a headline size (or a kicker/subtitle next to one)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class _Piece:
    idx: list[int]
    start: bool  # begins a new module
    kind: str = "col"  # col | band
    heady: bool = False
    meta: dict = field(default_factory=dict)


def body_size(lines: list[Line]) -> float | None:
    """The body font size: the size most characters are set in."""
    c: Counter[float] = Counter()
    for ln in lines:
        if ln.font_size:
            c[round(ln.font_size, 1)] += len(ln.text.value.replace(" ", ""))
    if not c:
        return None
    return c.most_common(1)[0][0]


def body_font(lines: list[Line]) -> str | None:
    """The body typeface (PDFs): the font most characters are set in."""
    c: Counter[str] = Counter()
    for ln in lines:
        if ln.font:
            c[ln.font] += len(ln.text.value)
    return c.most_common(1)[0][0] if c else None


def geometric_streams(lines: list[Line], *, unit_em: float,
                      rules: list[tuple[float, float, float, float]] | None = None,
                      figures: list[tuple[float, float, float, float]] | None = None,
                      x_tolerance: float = 0.5) -> list[list[Line]]:
    """Lines with boxes → streams in reading order (furniture stream first, then one per module).

    Sets ``column``, ``span_cols``, ``indent`` and ``rel_size`` on the lines.
    ``rules``: optional separator lines ``(x0, y0, x1, y1)`` in the lines' unit.
    ``figures``: optional photos/drawings ``(x0, y0, x1, y1)`` (no text inside) in the lines' unit.
    ``x_tolerance``: how far (ems) starts of lines in one column may scatter.
    """
    lines = [ln for ln in lines if ln.bbox is not None and ln.text.value.strip()]
    if not lines:
        return []
    u = unit_em or 1.0
    bs = body_size(lines)
    boxes: list[_Box] = []
    for i, ln in enumerate(lines):
        x0, y0, x1, y1 = ln.bbox  # type: ignore[misc]
        rel = (ln.font_size / bs) if (bs and ln.font_size) else 1.0
        ln.rel_size = round(rel, 3) if bs else None
        boxes.append(_Box(i, x0 / u, y0 / u, x1 / u, y1 / u, rel, head=bs is not None and rel >= HEADLINE_REL))
    rl = [(a / u, b / u, c / u, d / u) for a, b, c, d in (rules or [])]
    fg = [(a / u, b / u, c / u, d / u) for a, b, c, d in (figures or [])]
    has_fonts = bs is not None

    if bs is not None:
        _promote_subheads(lines, boxes)
    furn = _furniture_band(lines, boxes)
    rest = [b.i for b in boxes if b.i not in furn]
    body = [boxes[i] for i in rest if BODY_REL[0] <= boxes[i].rel < BODY_REL[1]] or [boxes[i] for i in rest]
    cols = column_grid([(b.x0, b.x1) for b in body], x_tolerance)
    if has_fonts:
        cols = _off_grid_columns(cols, [boxes[i] for i in rest], x_tolerance)
    for b in boxes:
        b.col, b.span = _place(b, cols, x_tolerance)
    if has_fonts:
        _widen_headlines([boxes[i] for i in rest], cols, rl, fg)
    for b in boxes:
        lines[b.i].column = b.col
        lines[b.i].span_cols = b.span
    ctx = _Ctx(lines, boxes, cols, rl, has_fonts, fg)
    old_limit = sys.getrecursionlimit()  # the cuts recurse once per band: a tall page needs depth
    sys.setrecursionlimit(max(old_limit, CUT_RECURSION_LIMIT))
    try:
        pieces = ctx.cut(rest)
    finally:
        sys.setrecursionlimit(old_limit)
    ctx.starts(pieces)
    streams: list[list[Line]] = []
    if furn:
        fl = sorted(furn, key=lambda i: (round(boxes[i].y0), boxes[i].x0))
        for i in fl:
            lines[i].indent = 0.0
        streams.append([lines[i] for i in fl])
    for p in pieces:
        _set_indents(ctx, p)
        seq = [lines[i] for i in p.idx]
        if not seq:
            continue
        if p.start or len(streams) == (1 if furn else 0):
            streams.append(seq)
        else:
            streams[-1].extend(seq)
    return streams


def column_grid(spans: list[tuple[float, float]], tol: float = 0.5) -> list[tuple[float, float]]:
    """Column intervals ``(left, right)`` in ems from the x extents of body lines.

    Most body lines start at their column's left edge and, being justified, end
    at its right edge. Left edges are clusters of line starts (within ``tol``
    ems), strongest first; a cluster inside an accepted column (indented first
    lines, short centred lines) is not a column. A column's right edge is where
    most lines starting at its left edge end.
    """
    if not spans:
        return [(0.0, 1.0)]
    xs = sorted(spans)
    clusters: list[list[tuple[float, float]]] = []
    for a, c in xs:
        if clusters and a - clusters[-1][-1][0] <= tol:
            clusters[-1].append((a, c))
        else:
            clusters.append([(a, c)])
    need = max(2, int(0.02 * len(spans)))
    clusters = [cl for cl in clusters if len(cl) >= need]
    clusters.sort(key=len, reverse=True)
    cols: list[tuple[float, float]] = []
    col_ends: list[Counter[float]] = []  # where the lines starting at each column's left edge end
    for cl in clusters:
        lefts = Counter(round(a * 4) / 4 for a, _ in cl)
        left = min(x for x, n in lefts.items() if n >= max(1, 0.3 * lefts.most_common(1)[0][1]))
        ends = Counter(round(c * 2) / 2 for _, c in cl)
        top = ends.most_common(1)[0][1]
        # justified lines share it; of two strong ends far apart (column lines and captions
        # spanning two columns start at one left edge) the nearer is the column's
        strong = sorted(x for x, n in ends.items() if n >= 0.6 * top)
        right = strong[0]
        for x in strong[1:]:
            if x - right <= 1.5:
                right = x
        if right - left < MIN_COLUMN_EMS:
            continue
        inside = [k for k, (l, r) in enumerate(cols) if l - tol <= left < r - 1.0]
        if inside:
            # lines set across two columns (captions) can outnumber the left column's own lines
            # and give it the right edge of both; a column starting inside it whose lines end at
            # that edge, a gutter after an end many lines of the left column share, splits it
            k = inside[0]
            l, r = cols[k]
            split = [x for x, n in col_ends[k].items() if n >= need and SPLIT_GUTTER_EMS[0] <= left - x <= SPLIT_GUTTER_EMS[1]]
            if len(inside) == 1 and abs(right - r) <= 1.5 and split and max(split) - l >= MIN_COLUMN_EMS:
                cols[k] = (l, max(split))
                col_ends[k] = Counter({x: n for x, n in col_ends[k].items() if x <= max(split) + 1.5})
                cols.append((left, right))
                col_ends.append(ends)
            continue
        swallowed = [l for l, r in cols if left <= l and right > l + 1.0]
        if swallowed:
            # most lines starting here span further (captions under a photo, a side headline's
            # column): the column ends a gutter before the next column found
            gutters = sorted(b[0] - a[1] for a, b in zip(sorted(cols), sorted(cols)[1:]) if b[0] > a[1])
            gutter = gutters[len(gutters) // 2] if gutters else 1.0
            right = min(ends_before for ends_before in (l - gutter for l in swallowed))
            if right - left < MIN_COLUMN_EMS or any(left < r and right > l for l, r in cols):
                continue
        cols.append((left, right))
        col_ends.append(ends)
    cols.sort()
    # columns of two modules set on different grids may overlap by a cell or two (``-layout``
    # gutters of one cell): a column ends where the next one starts
    cols = [(l, min(r, cols[k + 1][0] - 0.5) if k + 1 < len(cols) else r) for k, (l, r) in enumerate(cols)]
    if not cols:
        lo = min(a for a, _ in spans)
        hi = max(c for _, c in spans)
        return [(lo, hi)]
    return cols


def _off_grid_columns(cols: list[tuple[float, float]], boxes: list["_Box"],
                      tol: float = 0.5) -> list[tuple[float, float]]:
    """``cols`` (the grid of the body lines, ems) with the columns of headline lines that reach
    into none of them: a side headline set in a column of its own that no body line of the page
    shares (a module's body in the columns beside it). Placed in the nearest body column, its lines
    would stand among that column's lines and cut its text at each of them."""
    off = [(b.x0, b.x1) for b in boxes if b.head
           and all(min(b.x1, c) - max(b.x0, a) < SPAN_OVERLAP_EMS for a, c in cols)]
    if len(off) < 2:
        return cols
    extra = [(a, c) for a, c in column_grid(off, tol)
             if all(min(c, r) - max(a, l) < SPAN_OVERLAP_EMS for l, r in cols)]
    return sorted(cols + extra) if extra else cols


def _place(b: _Box, cols: list[tuple[float, float]], tol: float = SPAN_OVERLAP_EMS) -> tuple[int, int]:
    """(first column, number of columns) the box reaches into: by :data:`SPAN_OVERLAP_EMS` or more;
    a body line no wider than a column (a column line) by more than ``tol`` (how far line edges scatter,
    as ``-layout`` cells do)."""
    narrow = not b.head and tol > SPAN_OVERLAP_EMS and b.x1 - b.x0 <= max(c - a for a, c in cols) + tol
    overlap = max(SPAN_OVERLAP_EMS, tol) if narrow else SPAN_OVERLAP_EMS
    hit = [k for k, (a, c) in enumerate(cols) if min(b.x1, c) - max(b.x0, a) >= min(overlap, (b.x1 - b.x0) * 0.5)]
    if not hit:
        # in a gutter or off the grid: the nearest column
        cx = (b.x0 + b.x1) / 2
        k = min(range(len(cols)), key=lambda k: min(abs(cx - cols[k][0]), abs(cx - cols[k][1])))
        return k, 1
    return hit[0], hit[-1] - hit[0] + 1


def _promote_subheads(lines: list[Line], boxes: list[_Box]) -> None:
    """A kicker or subtitle set only a little larger than the body (:data:`SUBHEAD_REL`), or in
    the body size but another typeface, right above or below a headline line, with no sentence
    in it, is part of the headline."""
    from ..articles import cues

    face = body_font(lines)
    cand = [b for b in boxes if not b.head and (b.rel >= SUBHEAD_REL or (
                face is not None and lines[b.i].font not in (None, face) and b.rel >= BODY_REL[0]
                and len(cues.squash(lines[b.i].text.value)) <= 24 and "，" not in lines[b.i].text.value))
            and not any(c in lines[b.i].text.value for c in "。；！？")
            and not cues.inline_byline(cues.squash(lines[b.i].text.value))
            and not cues.own_line_byline(lines[b.i].text.value)]
    changed = True
    while changed and cand:
        changed = False
        for b in cand:
            if b.head:
                continue
            lh = b.y1 - b.y0
            for h in boxes:
                if h.head and min(b.x1, h.x1) > max(b.x0, h.x0) and \
                        max(h.y0 - b.y1, b.y0 - h.y1) <= lh and not (h.y0 < b.cy < h.y1):
                    b.head = changed = True
                    break
    # an own-line credit (本报记者 X 文/图) centred under a headline is set with it: it stays in
    # the headline's block for the cut (article assembly still reads it as the byline)
    for b in boxes:
        if b.head or not cues.own_line_byline(lines[b.i].text.value):
            continue
        lh = b.y1 - b.y0
        for h in boxes:
            if h.head and 0 <= b.y0 - h.y1 <= 1.5 * lh and h.x0 - 2.0 <= b.x0 and b.x1 <= h.x1 + 2.0 \
                    and abs((b.x0 + b.x1) - (h.x0 + h.x1)) / 2 <= 1.5:
                b.head = True
                break


def _widen_headlines(boxes: list[_Box], cols: list[tuple[float, float]], rules=(), figures=()) -> None:
    """A headline is set over its whole module, centred (or from its left edge) even when
    its text is shorter: widen a headline line's span over the columns beside it that are
    blank at its height (no line, photo or vertical rule) and whose text starts where the
    text under it starts."""
    vrules = [r for r in rules if r[3] - r[1] > r[2] - r[0]]
    if len(cols) < 2:
        return
    # a headline's two phrases on one baseline, a phrase gap apart (探寻嘉州春天  共话乡村振兴),
    # even when the gap falls on a gutter: one headline over the columns of both
    heads = sorted((x for x in boxes if x.head), key=lambda x: (round(x.y0), x.x0))
    for a, c in zip(heads, heads[1:]):
        h = a.y1 - a.y0
        if abs(a.y0 - c.y0) <= 0.2 * h and abs(a.rel - c.rel) <= 0.05 * a.rel and 0 <= c.x0 - a.x1 <= PHRASE_GAP * h \
                and not any(a.x1 <= (rx0 + rx1) / 2 <= c.x0 and ry0 < a.y1 and ry1 > a.y0
                            for rx0, ry0, rx1, ry1 in vrules):
            lo, hi = min(a.col, c.col), max(a.col + a.span, c.col + c.span)
            a.col = c.col = lo
            a.span = c.span = hi - lo
    by_col: list[list[_Box]] = [[] for _ in cols]
    for x in boxes:
        for k in range(x.col, x.col + x.span):
            by_col[k].append(x)

    def text_top(k: int, h: _Box) -> float | None:
        """Top of the first body line under ``h`` in column ``k``."""
        tops = [x.y0 for x in by_col[k] if not x.head and x.y0 >= h.y1 - 0.1]
        return min(tops) if tops else None

    for h in boxes:
        if not h.head:
            continue
        own = sorted({round(x.y0, 2) for k in range(h.col, h.col + h.span) for x in by_col[k]
                      if not x.head and x.y0 >= h.y1 - 0.1})[:3]
        if not own:
            continue

        def free(k: int) -> bool:
            t = text_top(k, h)
            if t is None or not any(abs(t - y) <= 1.0 for y in own):
                return False
            a, c = cols[k]
            if any(min(fx1, c) - max(fx0, a) > 0 and fy0 < t and fy1 > h.y0 for fx0, fy0, fx1, fy1 in figures):
                return False
            gx0, gx1 = (c, h.x0) if k < h.col else (h.x1, a)
            if any(gx0 <= (rx0 + rx1) / 2 <= gx1 and ry0 < h.y1 and ry1 > h.y0 for rx0, ry0, rx1, ry1 in vrules):
                # a rule beside the headline (column rules under it belong to its module)
                return False
            for x in by_col[k]:
                if x is h or x.y1 <= h.y0 or x.y0 >= t:
                    continue
                if x.y0 < h.y1 and x.y1 > h.y0:
                    return False  # something beside the headline
                if not (x.col <= h.col and x.col + x.span >= h.col + h.span):
                    return False  # something between it and the text, not of its group
            return True

        left = 0
        while h.col - left - 1 >= 0 and free(h.col - left - 1):
            left += 1
        right = 0
        while h.col + h.span + right < len(cols) and free(h.col + h.span + right):
            right += 1
        if not (left or right):
            continue
        centre = (h.x0 + h.x1) / 2
        best = None
        for l in range(left + 1):
            for r in range(right + 1):
                a, c = cols[h.col - l][0], cols[h.col + h.span - 1 + r][1]
                if abs((a + c) / 2 - centre) <= 1.0 and (best is None or l + r > sum(best)):
                    best = (l, r)  # centred over its module
        if not (best and sum(best)) and abs(h.x0 - cols[h.col][0]) <= 0.5:
            best = (0, right)  # set from the module's left edge
        if not (best and sum(best)) and left and h.x0 < cols[h.col - 1][1] + 0.5 * (cols[h.col][0] - cols[h.col - 1][1]):
            best = (1, 0)  # it starts over the free column to its left (nearer it than its own)
        if best and sum(best):
            h.col -= best[0]
            h.span += best[0] + best[1]


def _furniture_band(lines: list[Line], boxes: list[_Box]) -> set[int]:
    """Lines of the masthead band: the rows, near the top, that hold a furniture cue
    (第N版, a date line, 责任编辑 …), and every line overlapping those rows vertically."""
    from ..articles import cues

    top = min(b.y0 for b in boxes)
    bottom = max(b.y1 for b in boxes)
    limit = top + FURNITURE_TOP_SHARE * (bottom - top)
    cue_y1 = None
    for b in boxes:
        if b.y0 <= limit and cues.is_furniture(cues.squash(lines[b.i].text.value)):
            cue_y1 = max(cue_y1 or b.y1, b.y1)
    if cue_y1 is None:
        return set()
    return {b.i for b in boxes if b.y0 < cue_y1 and b.y1 <= cue_y1 + (b.y1 - b.y0) * 0.5 + 0.01}


class _Ctx:
    def __init__(self, lines, boxes, cols, rules, has_fonts, figures=()):
        self.lines: list[Line] = lines
        self.b: list[_Box] = boxes
        self.cols = cols
        self.rules = rules
        self.has_fonts = has_fonts
        self.figures = list(figures)
        self.vrules = [r for r in rules if r[3] - r[1] > r[2] - r[0]]

    # -- classification helpers ------------------------------------------------
    def is_heady_line(self, i: int) -> bool:
        return self.has_fonts and self.b[i].head

    def heady(self, idx: list[int]) -> bool:
        if not idx:
            return False
        if self.has_fonts:
            n = sum(len(self.lines[i].text.value) for i in idx)
            big = sum(len(self.lines[i].text.value) for i in idx if self.b[i].head)
            return big * 2 > n
        punct = sum(1 for i in idx if any(c in self.lines[i].text.value for c in "，。；："))
        return len(idx) <= 4 and punct * 2 < len(idx)

    # -- the cut -------------------------------------------------------------
    def cut(self, idx: list[int]) -> list[_Piece]:
        """Recursive XY cut: leaf pieces in reading order."""
        if not idx:
            return []
        b = self.b
        lo = min(b[i].col for i in idx)
        hi = max(b[i].col + b[i].span - 1 for i in idx)
        if lo == hi:
            return self.column(idx)
        crossing = set()
        for i in idx:
            for k in range(b[i].col + 1, b[i].col + b[i].span):
                crossing.add(k)
        ruled = [k for k in range(lo + 1, hi + 1) if k not in crossing and self._vrule_at(k, idx)]
        split = self._rule_across(idx)
        if ruled and split is not None:
            # a rule across the region that no vertical rule runs through: stacked modules (a
            # side headline's module over columns ruled apart below it) are cut apart first
            ya = max(b[i].y1 for i in split[0])
            yb = min(b[i].y0 for i in split[1])
            if not any(self._vrule_at(k, idx, through=(ya, yb)) for k in ruled):
                ruled = []
        if ruled:
            # a vertical rule down the whole region at a free column boundary: the strongest
            # separator a page prints, before any blank band (a photo leaves one too)
            out: list[_Piece] = []
            edges = [lo] + ruled + [hi + 1]
            for a, c in zip(edges, edges[1:]):
                out += self.cut([i for i in idx if a <= b[i].col < c])
            return out
        if split is not None:
            return self.cut(split[0]) + self.cut(split[1])
        split = self._wide_gap(idx)
        if split is not None:
            return self.cut(split[0]) + self.cut(split[1])
        bounds = [k for k in range(lo + 1, hi + 1) if k not in crossing]
        if bounds:
            out: list[_Piece] = []
            edges = [lo] + bounds + [hi + 1]
            for a, c in zip(edges, edges[1:]):
                out += self.cut([i for i in idx if a <= b[i].col < c])
            return out
        return self.bands(idx)

    def _free_gap(self, top: float, bottom: float, x0: float, x1: float) -> float:
        """The tallest part of the blank band ``top``–``bottom`` that no figure of the region
        (x range ``x0``–``x1``) fills: where a horizontal cut may run. -1 when figures fill it."""
        free = [(top, bottom)]
        for fx0, fy0, fx1, fy1 in self.figures:
            if min(fx1, x1) - max(fx0, x0) < 0.5 * min(fx1 - fx0, x1 - x0) or fy1 <= top or fy0 >= bottom:
                continue
            nxt = []
            for a, c in free:
                if fy0 > a:
                    nxt.append((a, min(c, fy0)))
                if fy1 < c:
                    nxt.append((max(a, fy1), c))
            free = [(a, c) for a, c in nxt if c > a]
        if not free:
            return -1.0
        return max(c - a for a, c in free)

    def _row_gap(self, rows: list[list[int]], k: int) -> float:
        """Blank space between rows ``k`` and ``k + 1``."""
        return min(self.b[i].y0 for i in rows[k + 1]) - max(self.b[i].y1 for i in rows[k])

    def _vrule_at(self, k: int, idx: list[int], through: tuple[float, float] | None = None) -> bool:
        """Is there a vertical rule in the gutter before column ``k`` running down (most of)
        the region ``idx``? With ``through=(ya, yb)``: one that also runs from ``ya`` to ``yb``."""
        if not self.vrules:
            return False
        b = self.b
        left = max(b[i].x1 for i in idx if b[i].col + b[i].span - 1 < k)
        right = min(b[i].x0 for i in idx if b[i].col >= k)
        top = min(b[i].y0 for i in idx)
        bottom = max(b[i].y1 for i in idx)
        for x0, y0, x1, y1 in self.vrules:
            if left - 0.2 <= (x0 + x1) / 2 <= right + 0.2 and min(y1, bottom) - max(y0, top) >= VRULE_SHARE * (bottom - top) \
                    and (through is None or (y0 <= through[0] and y1 >= through[1])):
                return True
        return False

    def _rows(self, idx: list[int]) -> list[list[int]]:
        b = self.b
        rows: list[list[int]] = []
        ymax = 0.0
        for i in sorted(idx, key=lambda i: (b[i].y0, b[i].x0)):
            eps = 0.15 * (b[i].y1 - b[i].y0)
            if rows and b[i].y0 < ymax - eps:
                rows[-1].append(i)
                ymax = max(ymax, b[i].y1)
            else:
                rows.append([i])
                ymax = b[i].y1
        return rows

    def _rule_across(self, idx: list[int]) -> tuple[list[int], list[int]] | None:
        """A horizontal rule across the whole region (:data:`RULE_ACROSS_SHARE` of its width)
        with lines above and below and none through it: stacked modules (a side headline's
        module over the next one), cut before any column boundary."""
        if not self.rules:
            return None
        b = self.b
        x_lo = min(b[i].x0 for i in idx)
        x_hi = max(b[i].x1 for i in idx)
        top = min(b[i].y0 for i in idx)
        bottom = max(b[i].y1 for i in idx)
        for rx0, ry0, rx1, ry1 in sorted(self.rules, key=lambda r: r[1]):
            if ry1 - ry0 > rx1 - rx0 or not top < (ry0 + ry1) / 2 < bottom:
                continue
            if min(rx1, x_hi) - max(rx0, x_lo) < RULE_ACROSS_SHARE * (x_hi - x_lo):
                continue
            y = (ry0 + ry1) / 2
            if any(b[i].y0 < y < b[i].y1 for i in idx):
                continue
            upper = [i for i in idx if b[i].y1 <= y]
            lower = [i for i in idx if b[i].y0 >= y]
            if upper and lower:
                return upper, lower
        return None

    def _wide_gap(self, idx: list[int]) -> tuple[list[int], list[int]] | None:
        """The widest blank band across the whole region, when it is clearly wider than the
        space between lines (:data:`WIDE_GAP_PITCHES` row pitches): modules stacked on the page.
        Else the first band :data:`MODULE_GAP_PITCHES` high between body rows and a row that opens
        an article (:meth:`_opens`): stacked modules a ``-layout`` dump leaves one row apart (a
        column cut first would read each column down through both modules)."""
        b = self.b
        rows = self._rows(idx)
        if len(rows) < 2:
            return None
        tops = [min(b[i].y0 for i in r) for r in rows]
        bottoms = [max(b[i].y1 for i in r) for r in rows]
        steps = sorted(t2 - t1 for t1, t2 in zip(tops, tops[1:]))
        pitch = steps[len(steps) // 2]
        best, gap_best = None, WIDE_GAP_PITCHES * pitch
        x_lo = min(b[i].x0 for i in idx)
        x_hi = max(b[i].x1 for i in idx)
        gaps = [self._free_gap(bottoms[k], tops[k + 1], x_lo, x_hi) for k in range(len(rows) - 1)]
        for k, gap in enumerate(gaps):
            if gap >= gap_best:
                best, gap_best = k, gap
        if best is None:
            # a narrower band (a row's height) between body text and an article opening under it
            for k, gap in enumerate(gaps):
                if gap >= MODULE_GAP_PITCHES * pitch and not any(self.is_heady_line(i) for i in rows[k]) \
                        and self._opens(rows[k + 1]):
                    best = k
                    break
        if best is None:
            return None
        return [i for r in rows[: best + 1] for i in r], [i for r in rows[best + 1:] for i in r]

    def _labelled(self, idx: list[int]) -> bool:
        """The piece's first line is a section label (简讯): it opens a module of its own."""
        from ..articles import cues

        first = min(idx, key=lambda i: (self.b[i].y0, self.b[i].x0))
        return cues.is_section_label(cues.squash(self.lines[first].text.value))

    def _opens(self, row: list[int]) -> bool:
        """A row of lines one of which opens an article: a headline line, an inline byline, an
        own-line credit (本报记者 方宇 文/图), a dated lead (10月9日，…) or a section label (简讯)."""
        from ..articles import cues

        return any(self.is_heady_line(i) or cues.inline_byline(f := cues.squash(self.lines[i].text.value))
                   or cues.is_section_label(f) or cues.own_line_byline(self.lines[i].text.value)
                   or cues.dateline(f) for i in row)

    def bands(self, idx: list[int]) -> list[_Piece]:
        """Horizontal split of a region no column boundary cuts (a line spans them).

        Rows are maximal runs of vertically overlapping lines. The region is cut
        at the widest gap (a rule counts as very wide) that lies just above or
        below a row holding a spanning line: those lines are what stop the
        vertical cut, and a cut anywhere else would split running columns.
        """
        b = self.b
        rows = self._rows(idx)
        wide = [any(b[i].span > 1 for i in r) for r in rows]
        if self.has_fonts:
            # a headline line narrower than a column (a kicker, a short second line) next to a
            # spanning headline line belongs to that headline's block
            heady = [self.heady(r) for r in rows]
            changed = True
            while changed:
                changed = False
                for k in range(len(rows)):
                    if wide[k] or not heady[k]:
                        continue
                    for j in (k - 1, k + 1):
                        if 0 <= j < len(rows) and wide[j] and heady[j] and self._row_gap(rows, min(j, k)) \
                                <= GAP_PITCHES * self._pitch(rows[j] + rows[k]):
                            wide[k] = changed = True
                            break
        # the short last line of a spanning block of text (a caption's 毛如瑞摄) stays with it
        k = 1
        while k < len(rows):
            r, p = rows[k], rows[k - 1]
            nxt = rows[k + 1] if k + 1 < len(rows) else None
            if wide[k - 1] and not wide[k] and len(r) == 1 and not self.heady(p) \
                    and abs(b[r[0]].x0 - min(b[i].x0 for i in p)) <= 1.0 \
                    and b[r[0]].y0 - max(b[i].y1 for i in p) <= 1.0 and (nxt is None or not wide[k + 1]
                                                                       or self.heady(nxt) or (
                    # a paragraph's short last line inside the block: the block goes on under it
                    not self.heady(p) and abs(min(b[i].x0 for i in nxt) - min(b[i].x0 for i in p)) <= 1.0
                    and min(b[i].y0 for i in nxt) - b[r[0]].y1 <= 1.0)):
                p.extend(r)
                del rows[k], wide[k]
            else:
                k += 1
        best, best_gap = None, -1e9
        x_lo = min(b[i].x0 for i in idx)
        x_hi = max(b[i].x1 for i in idx)
        for k in range(len(rows) - 1):
            bottom = max(b[i].y1 for i in rows[k])
            top = min(b[i].y0 for i in rows[k + 1])
            if not (wide[k] or wide[k + 1]):
                # between rows of column text only a rule across the whole region cuts
                # (a kicker narrower than a column under it)
                if self._rule_between(bottom, top, [], (x_lo, x_hi)):
                    best, best_gap = k, 1e6
                    break
                continue
            gap = self._free_gap(bottom, top, x_lo, x_hi)
            if gap < 0:
                continue  # a cut here would run through a photo (a photo news headline over its caption)
            photo = gap < top - bottom - 1e-6
            if photo and self.has_fonts and self.heady(rows[k]):
                continue  # a headline over a photo heads the photo's caption
            ruled = self._rule_between(bottom, top, rows[k] + rows[k + 1])
            if wide[k] and wide[k + 1] and self.heady(rows[k]) == self.heady(rows[k + 1]) and not photo \
                    and not ruled and gap <= GAP_PITCHES * self._pitch(rows[k] + rows[k + 1]):
                continue  # two spanning rows of one kind (a headline, a caption): one block
            gap += 100.0 if ruled else 0.0
            if gap > best_gap + 1e-6:
                best, best_gap = k, gap
        if best is None:
            g = sorted(idx, key=lambda i: (round(b[i].y0, 1), b[i].x0))
            return [_Piece(g, start=False, kind="band", heady=self.heady(g))]
        upper = [i for r in rows[: best + 1] for i in r]
        lower = [i for r in rows[best + 1:] for i in r]
        return self.cut(upper) + self.cut(lower)

    def column(self, idx: list[int]) -> list[_Piece]:
        """One column, top to bottom; a rule, a wide gap or a headline-sized line after
        body text begins a new piece that must start a module (``meta['force']``)."""
        b = self.b
        order = sorted(idx, key=lambda i: (b[i].y0, b[i].x0))
        # a few lines far apart (captions under photos) have no leading to measure: a line's
        # pitch is at most 1.6 line heights
        pitch = min(self._pitch(order), 1.6 * median(b[i].y1 - b[i].y0 for i in order))
        out: list[_Piece] = []
        cur: list[int] = []
        for i in order:
            if cur:
                prev = cur[-1]
                gap = b[i].y0 - b[prev].y1
                ruled = self._rule_between(b[prev].y1, b[i].y0, [i])
                split = gap > GAP_PITCHES * pitch or ruled
                force = split
                if split and not ruled and self.is_heady_line(prev) and not self.is_heady_line(i):
                    force = False  # a headline over a photo and its caption: one module
                if self.has_fonts and self.is_heady_line(i) and not self.is_heady_line(prev):
                    split = force = True
                if split:
                    out.append(_Piece(cur, start=False, heady=self.heady(cur)))
                    cur = []
                    cur.append(i)
                    if force:
                        out.append(_Piece([], start=True))  # marker, merged below
                    continue
            cur.append(i)
        if cur:
            out.append(_Piece(cur, start=False, heady=self.heady(cur)))
        # fold markers: a piece after a marker is forced to start a module
        res: list[_Piece] = []
        force = False
        for p in out:
            if not p.idx:
                force = True
                continue
            p.meta["force"] = force
            force = False
            res.append(p)
        return res

    def starts(self, pieces: list[_Piece]) -> None:
        """Decide where modules begin, in one pass over the leaf pieces in reading order.

        A piece begins a module when it is forced (a split inside a column) or opens with a
        section label (简讯), when it is headline-sized after body text, or when it is body text that does not
        continue the previous piece: continuing means following a headline piece
        from below, or standing in the next column to the right at the same top.
        """
        b = self.b
        prev: _Piece | None = None
        mod_top = None
        head_tail = False  # prev is a short piece right under a headline piece (a subtitle, a credit)
        for p in pieces:
            top = min(b[i].y0 for i in p.idx)
            c0 = min(b[i].col for i in p.idx)
            pitch = self._pitch(p.idx)
            if prev is None or p.meta.get("force") or self._labelled(p.idx):
                p.start = True
            elif p.heady:
                p.start = not prev.heady
            elif not prev.heady and self._headline_over_photo(p.idx):
                p.start = True  # one piece, mostly caption text, that a headline opens
            elif prev.heady or head_tail:
                pbottom = max(b[i].y1 for i in prev.idx)
                ptop = min(b[i].y0 for i in prev.idx)
                pc1 = max(b[i].col + b[i].span - 1 for i in prev.idx)
                # under the headline, or beside it in the next column (a side headline: nothing
                # under it in its own column, the body starts at its top to its right)
                beside = self.has_fonts and c0 == pc1 + 1 and abs(top - ptop) <= 2.0 * pitch
                p.start = top < pbottom - 0.5 * pitch and not beside
            else:
                pc1 = max(b[i].col + b[i].span - 1 for i in prev.idx)
                same_top = mod_top is not None and abs(top - mod_top) <= 1.5 * pitch
                p.start = not (c0 == pc1 + 1 and same_top)
            if p.start or (prev is not None and (prev.heady or head_tail) and not p.heady):
                mod_top = top
            head_tail = self.has_fonts and prev is not None and prev.heady and not p.heady and not p.start \
                and len(p.idx) <= 2 and top - max(b[i].y1 for i in prev.idx) <= pitch
            prev = p

    def _headline_over_photo(self, idx: list[int]) -> bool:
        """The piece opens with a headline-sized line over a photo (a figure) with the rest of the
        piece (its caption) under the photo: a photo news item's head, however short."""
        b = self.b
        first = min(idx, key=lambda i: (b[i].y0, b[i].x0))
        if not self.is_heady_line(first):
            return False
        rest = [i for i in idx if not self.is_heady_line(i)]
        if not rest:
            return False
        below = min(b[i].y0 for i in rest)
        x0, x1 = min(b[i].x0 for i in idx), max(b[i].x1 for i in idx)
        return any(b[first].y1 - 0.5 <= fy0 and fy1 <= below + 0.5 and min(fx1, x1) - max(fx0, x0) > 0
                   for fx0, fy0, fx1, fy1 in self.figures)

    def _pitch(self, order: list[int]) -> float:
        """Typical distance between the tops of consecutive lines (body leading)."""
        b = self.b
        ys = sorted({round(b[i].y0, 2) for i in order})
        d = [y2 - y1 for y1, y2 in zip(ys, ys[1:]) if y2 - y1 > 0.3]
        hs = [b[i].y1 - b[i].y0 for i in order]
        return median(d) if d else (median(hs) if hs else 1.0)

    def _rule_between(self, y_top: float, y_bottom: float, ids: list[int],
                      across: tuple[float, float] | None = None) -> bool:
        """A horizontal rule between ``y_top`` and ``y_bottom`` under the lines ``ids``, or,
        with ``across=(x0, x1)``, running along most of that x range."""
        if not self.rules:
            return False
        if across:
            x0, x1 = across
        else:
            x0 = min(self.b[i].x0 for i in ids)
            x1 = max(self.b[i].x1 for i in ids)
        for rx0, ry0, rx1, ry1 in self.rules:
            if ry1 - ry0 > rx1 - rx0:
                continue  # vertical rule
            ry = (ry0 + ry1) / 2
            if not y_top - 0.2 <= ry <= y_bottom + 0.2:
                continue
            if across and min(rx1, x1) - max(rx0, x0) >= 0.8 * (x1 - x0):
                return True
            if not across and min(rx1, x1) - max(rx0, x0) > 1.0:
                return True
        return False


def _set_indents(ctx: _Ctx, p: _Piece) -> None:
    """Indent in ems from the left edge of the piece's column: the most common left
    edge among its lines (full lines, not indented, dominate any column of text)."""
    b = ctx.b
    if not p.idx:
        return
    xs = Counter(round(b[i].x0 * 2) / 2 for i in p.idx)
    common = [x for x, n in xs.items() if n >= max(2, 0.15 * len(p.idx))]
    left = min(common) if common else min(b[i].x0 for i in p.idx)
    col_left = ctx.cols[b[p.idx[0]].col][0] if ctx.cols else left
    if not common and abs(left - col_left) <= 3:
        left = min(left, col_left)
    for i in p.idx:
        ctx.lines[i].indent = round(max(0.0, b[i].x0 - left), 2)
