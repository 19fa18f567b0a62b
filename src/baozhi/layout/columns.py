"""Columns of ``pdftotext -layout`` dumps.

A ``-layout`` dump keeps the page geometry: the columns of a row stand side by
side on one text line, a character's string index is an x position (CJK counted
as one cell), runs of two or more spaces separate columns. Rows are split into
segments at such runs; segments of one column split by spaces that are text
layout (a padded name ``焦   斌``, a justified line ``长 11% ， 高 于``, a
letter-spaced headline) are merged back when no gutter lies between them (judged
on the nearby rows) and the merged text still fits a column line.

A dump has no font sizes, and every character takes one cell whatever its size,
so headline lines are recognised from their shape and neighbours (title text,
much shorter or wider than a body line ``W``, letter-spaced, alone between blank
bands, over an indented first line; not the tail of a paragraph, not followed by
running text from its left edge), given ``font_size`` 2 (body 1) and widened to
the cells their large characters cover, bounded by the text beside them and by
the width of their body. Blank rows are vertical gaps unless they are a
headline's leading or running columns cross them.

Each segment becomes a :class:`~baozhi.model.Line` whose ``Text`` is the exact
slice of the source, with ``bbox = (first cell, y, right edge, y + 1)``, and the
shared geometric engine (:mod:`baozhi.layout.geometry`) puts them in reading
order; the estimated sizes stay on the lines (``rel_size``) for assembly.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..articles import cues
from ..model import Line, Page
from ..text import Text
from .chars import em_width
from .geometry import geometric_streams
from .joins import WORD_JOIN, join_score
from .rows import split_row

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
        r = r.rstrip()
        if "  " not in r and r[0] != " " and r.isprintable():
            continue  # one segment from the row start (printable: no whitespace but single ' ')
        segs = _segments(r)
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
HEAD_BLANK_ROW = 0.5
"""How much a blank row right under a headline row counts: large characters fill it."""
SQUEEZE_SLACK = 1.5
"""A column line is at most ``W`` + this many ems wide (digits and Latin make it vary)."""
SPACED_PIECE = 3
"""A piece of a letter-spaced line holds at most this many cells (one character, ``14``) …"""
SPACED_GAP = 8
"""… and the gaps between its pieces are at most this many cells."""


CREDIT_TAIL_CELLS = 8
"""The tail of a padded credit left across a gutter (``宇 文/图``) is at most this many cells."""


def _furniture_piece(row: str, seg: tuple[int, int]) -> bool:
    """Page furniture or a section label (简讯) on its own."""
    if not row:
        return False
    flat = cues.squash(row[seg[0]:seg[1]])
    return cues.is_furniture(flat) or cues.is_section_label(flat)


def _all_spaced(row: str, segs: list[tuple[int, int]]) -> bool:
    """Every piece of the row is a letter-spaced run or a lone character or two, and one of
    them is letter-spaced, or four or more lone characters stand at even gaps: one widely
    letter-spaced title (``探      寻 嘉 州 春       天``)."""
    texts = [row[a:b] for a, b in segs]
    if any(ch in t for t in texts for ch in "，。；：、"):
        return False
    spaced = [cues.letter_spaced(t) for t in texts]
    if any(spaced) and all(sp or len(t) <= 2 for t, sp in zip(texts, spaced)):
        return True
    # or lone characters only, at even gaps: a title spaced wider still (“   冻   马   ”   加   鞭)
    gaps = [b[0] - a[1] for a, b in zip(segs, segs[1:])]
    return len(texts) >= 4 and all(len(t) <= 2 for t in texts) and max(gaps) <= 1.5 * min(gaps) + 1


def _merge_row(segs: list[tuple[int, int]], cov: list[int], row: str = "", w: float = 0.0) -> list[tuple[int, int]]:
    """Merge neighbouring segments of a row unless a gutter lies between them.

    A gutter is a gap whose cells are covered by far fewer segments of the nearby
    rows than the cells of the segments on either side. Letter-spaced runs (short
    pieces at even gaps, however many) stay together even across a gutter. A piece
    that is page furniture on its own (``第3版``, a date, ``责任编辑 X``; ``row`` given)
    is never merged with its neighbours, nor are pieces that together are wider than a
    column line ``w`` (ems; a spanning caption elsewhere may hide the gutter). A short last
    piece that makes an own-line credit of the piece before it (``本报记者 方     宇 文/图``,
    neither a credit alone) is merged across a gutter: the name is padded.
    """
    if len(segs) < 2:
        return segs
    if row and _all_spaced(row, segs):
        return [(segs[0][0], segs[-1][1])]
    out = [segs[0]]
    spaced_run = [segs[0][1] - segs[0][0] <= SPACED_PIECE]
    for k in range(1, len(segs)):
        a, b = out[-1], segs[k]
        gap = cov[a[1]:b[0]] or [0]
        around = min(max(cov[a[0]:a[1]] or [0]), max(cov[b[0]:b[1]] or [0]))
        gutter = min(gap) < GUTTER_SHARE * around
        short_b = b[1] - b[0] <= SPACED_PIECE
        spaced = spaced_run[-1] and short_b and b[0] - a[1] <= SPACED_GAP
        furn = _furniture_piece(row, segs[k - 1]) or _furniture_piece(row, b)
        # pieces that together are wider than a column line stand in two columns
        too_wide = bool(row) and w > 0 and not spaced and em_width(row[a[0]:b[1]]) > w + SQUEEZE_SLACK
        # a credit's padded name across a gutter (本报记者 方     宇 文/图): neither piece a credit alone
        credit = bool(row) and gutter and b[1] - b[0] <= CREDIT_TAIL_CELLS \
            and cues.own_line_byline(row[a[0]:b[1]]) \
            and not cues.own_line_byline(row[a[0]:a[1]]) and not cues.own_line_byline(row[b[0]:b[1]])
        if (not gutter or spaced or credit) and not furn and not too_wide:
            out[-1] = (a[0], b[1])
            spaced_run[-1] = spaced_run[-1] and short_b
        else:
            out.append(b)
            spaced_run.append(short_b)
    return out


HEAD_SCALE = 2.0
"""Headline lines are set about twice the body size: in a ``-layout`` dump each character still
takes one cell, so their boxes are widened to what they cover on the page."""
HEAD_GUTTER_CELLS = 2.0
BODY_ROWS = 4
"""… and its lines are taken from this many rows (columns of a body start a row or two apart)."""
BODY_REACH = 8
"""The body bounding a headline is looked for this many rows down (a photo may stand between)."""
BODY_GUTTER_CELLS = 10
"""Lines of one row this close stand in neighbouring columns of one block of text."""
"""A widened headline stops this many cells short of text to its right."""
GUTTER_EMS = 1.5
"""A typical gutter in body ems, to turn a column pitch in cells into cells per em."""


@dataclass
class _Seg:
    r: int  # row index
    a: int  # first cell
    b: int  # last cell + 1
    text: str
    head: bool = False
    x1: float = 0.0  # right edge on the page, in cells
    x0: float | None = None  # left edge on the page when not ``a`` (a centred headline)
    run_on: bool = False  # cut from a merged row after a single space (:func:`~baozhi.layout.rows.split_row`)


def _body_width(segs: list[_Seg]) -> float:
    """``W``: the commonest width (ems) of the wider segments, a full body line."""
    c = Counter(round(em_width(s.text)) for s in segs if em_width(s.text) >= 6)
    return float(c.most_common(1)[0][0]) if c else 0.0


def _cells_per_em(rows: list[list[_Seg]], w: float) -> float:
    """How many cells one body em covers on the page: the commonest distance between the
    starts of neighbouring full body lines of one row is one column pitch (``W`` + a gutter)."""
    d: Counter[int] = Counter()
    for row in rows:
        for s1, s2 in zip(row, row[1:]):
            if abs(em_width(s1.text) - w) <= 1 and abs(em_width(s2.text) - w) <= 1:
                d[s2.a - s1.a] += 1
    if not d or not w:
        return 1.2
    pitch = d.most_common(1)[0][0]
    return max(1.0, min(2.5, pitch / (w + GUTTER_EMS)))


def _above(rows: list[list[_Seg]], s: _Seg, reach: int = 2, step: int = -1) -> _Seg | None:
    """The nearest segment above ``s`` (below it: ``step=1``) within ``reach`` rows sharing cells with it."""
    r = s.r + step
    while 0 <= r < len(rows) and abs(r - s.r) <= reach:
        for t in rows[r]:
            if min(t.b, s.b) - max(t.a, s.a) >= 1:
                return t
        r += step
    return None


def _running_text(s: _Seg, w: float) -> bool:
    """A full line of running text: a column line, or a wider line with punctuation (a caption)."""
    flat = cues.squash(s.text)
    wid = em_width(flat)
    return w - 1 <= wid <= w + 1 or (wid > w + 1 and any(ch in flat for ch in "，。；、"))


def _title_text(s: _Seg, w: float, comma: bool = False) -> bool:
    """Text a headline line can hold: no sentence inside, not a credit, dateline or furniture,
    no trailing comma, no comma in a column-wide line (unless ``comma``), at most 2.5 columns wide."""
    flat = cues.squash(s.text)
    if not flat or not w:
        return False
    if cues.inline_byline(flat) or cues.dateline(flat) or cues.is_furniture(flat) or cues.is_section_label(flat) \
            or cues.own_line_byline(s.text) or cues.is_jump(flat):
        return False
    if any(ch in flat for ch in "。；！？") or flat[-1] in "，、：；" or cues.ends_sentence(flat) or _CREDIT.search(flat):
        return False
    if flat.count("（") > flat.count("）"):
        return False  # a bracket left open runs on: a credit's first line (本报讯（全媒体记者)
    if flat[0] in "（(" and flat[-1] in "）)":
        return False  # a bracketed credit closing a text: （贺勇谭娅）
    wid = em_width(flat)
    return not (wid > 2.5 * w or ("，" in flat and wid <= w + 1.5 and not comma))


PUSHED_ROWS = 5
"""A column's next line lies at most this many rows below where rows of a module beside push it down
(a photo under a headline leaves more)."""
FURTHER_ROWS = 8
"""How far below a column-wide line alone between blank bands its column may go on."""


def _indent_cells(c: float) -> float:
    """The widest paragraph indent in cells, ``c`` cells an em: three ems and a cell, at least 4."""
    return max(4.0, 3 * c + 1)


def _headline_like(s: _Seg, above: _Seg | None, below: _Seg | None, w: float, c: float = 1.2,
                   next_text: _Seg | None = None, kicker: bool = False, further: _Seg | None = None,
                   pushed: _Seg | None = None) -> bool:
    """A line that reads as a headline line from its own shape: :func:`_title_text`, and
    either much shorter or wider than a body line, or letter-spaced; not the short tail of
    the text line just above it, not followed by running text from its left edge.
    ``above``/``below``: the nearest lines sharing cells with it, ``None`` when a blank row
    lies between (the dump's vertical gap: nothing runs on across it). A column-wide title
    with nothing above it and an indented first line below is a headline too. ``c``: cells
    per em (a two-em paragraph indent is about ``2c`` cells); ``next_text``: the line below
    even across a blank row (defaults to ``below``); ``kicker``: ``above`` is a short title line
    alone under a blank band (a kicker over this line: the title still opens the article);
    ``further``: the nearest line below sharing its cells within :data:`PUSHED_ROWS` rows;
    ``pushed``: with nothing right above it, the nearest line above sharing its cells within
    :data:`PUSHED_ROWS` rows, only rows of other columns between (a staircase): a body line of its
    column there (from about its left edge, ``W`` − 3.5 ems or wider, not a kicker wrapped after a 、)
    means the line is no column-wide title alone between blank bands."""
    nxt = below if next_text is None else next_text
    indent = _indent_cells(c)
    # a centred line under a blank band may hold a comma (三江口村办小报，沟通了民意…)
    centred = above is None and below is not None and s.a - below.a >= 4
    # nothing above it, an indented first line (or an inline byline) right below it
    opens = (above is None or kicker) and nxt is not None and 2 <= nxt.a - s.a <= indent + 1 \
        and (w - 3.5 <= em_width(cues.squash(nxt.text)) <= w + 1 or bool(cues.inline_byline(cues.squash(nxt.text))))
    if not _title_text(s, w, centred or opens):
        return False
    wid = em_width(cues.squash(s.text))
    big = _digits_spaced(s.text)
    spaced = cues.letter_spaced(s.text) or s.text.count("  ") >= 2 or big
    if not (wid <= w - 2.5 or wid > w + 1.0 or spaced):
        # or alone between blank bands (over a photo), unless its column goes on a few rows below it
        # from its left edge (the first line of a column that a side headline's rows pushed apart)
        if pushed is not None and not pushed.head and -1 <= s.a - pushed.a <= indent \
                and em_width(cues.squash(pushed.text)) >= w - 3.5 and not pushed.text.endswith("、"):
            return opens  # the column's text goes on above it across other columns' rows
        return opens or (above is None and nxt is None and not (
            further is not None and not further.head and abs(further.a - s.a) <= 1
            and (_running_text(further, w) or cues.ends_sentence(cues.squash(further.text))
                 or join_score(cues.squash(s.text), cues.squash(further.text)) >= WORD_JOIN)))
    if above is not None and not above.head and abs(above.a - s.a) <= 2 and em_width(above.text) >= w - 1 \
            and wid <= w + 1 and not cues.ends_sentence(cues.squash(above.text)) \
            and not _CREDIT.search(cues.squash(above.text)) \
            and not (cues.letter_spaced(s.text) and wid <= w - 2.5 and "、" not in s.text) and not big:
        return False  # the last line of a paragraph or caption (…本报记者 / 姚仕安摄)
    if above is not None and not above.head and -1 <= above.a - s.a <= indent and s.r - above.r <= 2 \
            and cues.squash(above.text).count("（") > cues.squash(above.text).count("）"):
        return False  # the line above left a bracket open (本报讯（全媒体记): this line runs on from it
    if above is not None and s.r - above.r <= 2 and 1 <= s.a - above.a <= indent and w - 3.5 <= wid <= w - 1.5 \
            and (_running_text(above, w) or cues.ends_sentence(cues.squash(above.text))):
        return False  # indented under a line of running text: a paragraph's first line
    if below is not None and abs(below.a - s.a) <= 1 and "，" in cues.squash(s.text):
        return False  # a sentence runs on from its left edge: a caption or body line
    if below is not None and s.a - indent <= below.a <= s.a + 1 and _running_text(below, w) and not big:
        return False  # a full line runs on right below, from its left edge: a paragraph's first line
    return True


def _near(rows: list[list[_Seg]], s: _Seg, step: int, reach: int = 2) -> _Seg | None:
    """:func:`_above` (``step=-1``) or below (``step=1``) within ``reach`` rows, ``None`` across a blank row."""
    t = _above(rows, s, reach, step)
    if t is None:
        return None
    lo, hi = sorted((t.r, s.r))
    return t if all(rows[r] for r in range(lo + 1, hi)) else None


def _column_edges(rows: list[list[_Seg]], w: float) -> list[int]:
    """Cells where body columns start: where at least three full body lines start (±1)."""
    c: Counter[int] = Counter()
    for row in rows:
        for s in row:
            if w and abs(em_width(cues.squash(s.text)) - w) <= 1:
                c[s.a] += 1
    return sorted(x for x in c if c[x] + c[x - 1] + c[x + 1] >= 3 and c[x] >= max(c[x - 1], c[x + 1]))


_DIGITS_SPACED = re.compile(r"[\u4e00-\u9fff] [0-9][0-9.%]*(?: [\u4e00-\u9fff]|$)")
_CJK_SPACE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff08-\uff60] [\u4e00-\u9fff\u3000-\u303f\uff08-\uff60]")


def _digits_spaced(text: str) -> bool:
    """Digits set apart by single spaces in a line whose ideographs are not letter-spaced
    (``镇原县 14 个重点项目集中开工``): ``-layout`` pads the digits of a headline face (the body
    face sets them tight, and a justified body line spaces every character)."""
    return bool(_DIGITS_SPACED.search(text)) and not _CJK_SPACE.search(text)


_WIDE_SPACE = re.compile(r" {3,}")
_CREDIT = re.compile(r"(?:摄|摄影|文/图|图/文|文／图)$")
"""A photo credit closing a caption (``毛如瑞摄``) is not a headline line."""


def _split_at_edges(row: list[_Seg], edges: list[int], w: float) -> list[_Seg]:
    """Cut a segment at a run of three or more spaces when the text after it starts on a
    column's left edge and the text before it is title text: two modules' headlines side by
    side (``区委理论学习中心      非 遗 传 人``)."""
    out: list[_Seg] = []
    for s in row:
        start = 0
        for m in _WIDE_SPACE.finditer(s.text):
            x = s.a + m.end()
            left_piece = s.text[:m.start()].split()[-1] if s.text[:m.start()].split() else ""
            right_piece = s.text[m.end():].split()[0] if s.text[m.end():].split() else ""
            if len(left_piece) <= SPACED_PIECE and len(right_piece) <= SPACED_PIECE:
                continue  # inside a letter-spaced run
            if any(abs(x - e) <= 1 for e in edges) and _title_text(_Seg(s.r, s.a + start, s.a + m.start(),
                                                                        s.text[start:m.start()]), w):
                out.append(_Seg(s.r, s.a + start, s.a + m.start(), s.text[start:m.start()]))
                start = m.end()
        out.append(_Seg(s.r, s.a + start, s.b, s.text[start:]) if start else s)
    return out


def _modules_apart(rows: list[list[_Seg]], s: _Seg, t: _Seg, edges: list[int], w: float) -> bool:
    """Headline pieces ``s`` and ``t`` of one row head two modules: a column starts between
    them and no row right below holds body lines under both (a title in two phrases over one
    module has its columns' lines side by side under it; two modules set on other baselines
    get rows of their own in the dump, and a photo under one leaves no text there)."""
    if not any(s.b + 2 <= e <= t.a - 2 for e in edges):
        return False
    for r in range(s.r + 1, min(len(rows), s.r + 1 + BODY_ROWS)):
        under_s = any(not u.head and u.a < s.b and u.b > s.a and em_width(u.text) >= w - 3.5 for u in rows[r])
        under_t = any(not u.head and u.a < t.b and u.b > t.a and em_width(u.text) >= w - 3.5 for u in rows[r])
        if under_s and under_t:
            return False
    return True


def _body_below(rows: list[list[_Seg]], s: _Seg, reach: int = 16) -> _Seg | None:
    """The first text line (no headline line) below ``s`` within ``reach`` rows that shares its
    cells (blank rows, photos and other lines beside it passed over)."""
    for r in range(s.r + 1, min(len(rows), s.r + 1 + reach)):
        for t in rows[r]:
            if not t.head and min(t.b, s.b) - max(t.a, s.a) >= 1:
                return t
    return None


def _same_body_below(rows: list[list[_Seg]], s: _Seg, t: _Seg) -> bool:
    """Headline pieces ``s`` and ``t`` of one row stand over one and the same line of text (a
    caption across both): one title in two phrases, even when the second starts on a column's
    left edge (``市区中山大道…塞车      交警前往疏导``)."""
    below = _body_below(rows, s)
    return below is not None and below is _body_below(rows, t)


SECOND_PIECE_EMS = 8
"""A title's second piece over a text's running column may stand this many ems past the first's
estimated end (the 2× scale guesses a large face's width short)."""


def _second_runs_on(rows: list[list[_Seg]], s: _Seg, t: _Seg, w: float, c: float) -> bool:
    """Headline pieces ``s`` and ``t`` of one row are one title over one module's columns
    (``探寻嘉州春天      共话乡村振兴``) when the text line right under ``s`` opens an article (an inline
    byline or a dated lead, or a line indented under it) and the one right under ``t`` runs on from
    its left edge with no such start, on the same row: a full column line (``W`` − 1.5 ems or more)
    with clause punctuation, the middle of a text, which no title of its own heads."""
    below_s, below_t = _above(rows, s, 2, 1), _above(rows, t, 2, 1)
    if below_s is None or below_t is None or below_s.head or below_t.head or below_s.r != below_t.r:
        return False
    fs, ft = cues.squash(below_s.text), cues.squash(below_t.text)
    opens = bool(cues.inline_byline(fs) or cues.dateline(fs)) or 2 <= below_s.a - s.a <= _indent_cells(c)
    runs_on = not (cues.inline_byline(ft) or cues.dateline(ft) or cues.own_line_byline(below_t.text)) \
        and abs(below_t.a - t.a) <= 1 and em_width(ft) >= w - 1.5 and any(ch in ft for ch in "，、；：")
    return opens and runs_on


def _centred_over(s: _Seg, t: _Seg) -> bool:
    """Title ``s`` stands centred over headline line ``t`` (a title over its centred subtitle):
    the middle of ``s`` on the page lies inside ``t``. ``s`` is set large but each of its characters
    takes one cell of the dump, so its middle on the page is taken at :data:`HEAD_SCALE` × its cells."""
    ms = s.a + (s.b - s.a) * HEAD_SCALE / 2  # s set large: its middle lies further right
    return t.a <= ms <= t.b and s.a <= (t.a + t.b) / 2


def _size_headlines(rows: list[list[_Seg]]) -> None:
    """Mark headline-like segments and widen them to the cells their large characters
    cover; two headline pieces of one row that then (nearly) touch are one line
    (``探寻嘉州春天      共话乡村振兴``) unless the second starts on a column's left edge."""
    flat_segs = [s for row in rows for s in row]
    w = _body_width(flat_segs)
    c = _cells_per_em(rows, w)
    edges = _column_edges(rows, w)
    for y, row in enumerate(rows):
        rows[y] = row = _split_at_edges(row, edges, w)
    for row in rows:
        for s in row:
            s.x1 = float(s.b)
            up = _near(rows, s, -1)
            kicker = up is not None and abs(up.a - s.a) <= 4 and em_width(cues.squash(up.text)) <= w - 2.5 \
                and _near(rows, up, -1) is None and _title_text(up, w)
            nxt = _above(rows, s, 2, 1)
            further = _above(rows, s, PUSHED_ROWS, 1) if up is None and nxt is None else None
            if up is None and nxt is None and further is None:
                far = _above(rows, s, FURTHER_ROWS, 1)
                if far is not None and join_score(cues.squash(s.text), cues.squash(far.text)) >= WORD_JOIN:
                    further = far  # its column goes on further down, a word running across
            # the column's line above across rows of other columns only (a staircase)
            pushed = _near(rows, s, -1, PUSHED_ROWS) if up is None and nxt is None else None
            s.head = _headline_like(s, up, _near(rows, s, 1), w, c, nxt, kicker, further, pushed)
            if s.head:
                s.x1 = max(float(s.b), s.a + em_width(s.text) * HEAD_SCALE * c)
        k = 0
        while k + 1 < len(row):
            s, t = row[k], row[k + 1]
            if s.head and t.head and t.a - s.x1 <= 3 * c and (
                    not any(abs(t.a - e) <= 1 for e in edges) and not _modules_apart(rows, s, t, edges, w)
                    or _same_body_below(rows, s, t)) \
                    or s.head and t.a - s.x1 <= SECOND_PIECE_EMS * c \
                    and (t.head or _title_text(t, w) and em_width(t.text) <= w - 2.5) and _second_runs_on(rows, s, t, w, c):
                row[k] = _Seg(s.r, s.a, t.b, "", True, max(t.x1, s.x1))
                row[k].text = s.text + " " * (t.a - s.b) + t.text
                del row[k + 1]
                continue
            k += 1
    # a title line stands right above a headline line (a kicker, a title over its subtitle)
    for row in reversed(rows):
        for s in row:
            if s.head:
                continue
            nb = _above(rows, s, 2, 1)
            if nb is None and s.text.endswith("、"):
                # a kicker wrapped after a 、 reaches its title across rows other modules' lines
                # pushed in between (nothing of its own cells there)
                nb = _above(rows, s, CHAIN_ROWS, 1)
            if nb is None or not nb.head:
                continue
            # a short line ending in a comma alone under a blank band is a kicker too (三江口村办小报，)
            lone = s.text.endswith("，") and "，" not in s.text[:-1] and em_width(s.text) <= w - 2.5 \
                and _near(rows, s, -1) is None
            if "，" in s.text and not lone:
                continue
            if _title_text(s, w) or s.text.endswith(("、", "：", "，")) and _title_text(
                    _Seg(s.r, s.a, s.b - 1, s.text[:-1]), w):  # a title wrapped after a 、 (or a 济南： kicker)
                up = _near(rows, s, -1)
                if up is not None and not up.head and abs(up.a - s.a) <= 4 and em_width(cues.squash(up.text)) >= w - 1.5 \
                        and not cues.ends_sentence(cues.squash(up.text)):
                    continue  # a column line running on from the line above it is no kicker
                if nb is not None and nb.head and (abs(nb.a - s.a) <= 4 or _centred_over(s, nb)):
                    s.head = True
    for y, row in enumerate(rows):
        for s in row:
            if s.head:
                s.x1 = max(float(s.b), s.a + em_width(s.text) * HEAD_SCALE * c)
                # text to the right in its row bounds it a gutter away; so does text in the rows
                # next to it (large characters stand over them) unless a line of such a row
                # lies under the headline's own cells (the row is clear of it: its body below; a further
                # headline line there does not count)
                # (nor does a headline line of the next row set within this one's large characters:
                # its kicker or subtitle)
                right = [t.a for r in range(max(0, y - 1), min(len(rows), y + 2))
                         if r == y or not any(not t.head and t.a < s.b and t.b > s.a for t in rows[r])
                         for t in rows[r] if t is not s and t.a >= s.b
                         and not (r != y and t.head and t.a + (t.b - t.a) * HEAD_SCALE * c <= s.x1 + 2 * c)]
                if right:
                    s.x1 = max(float(s.b), min(s.x1, min(right) - HEAD_GUTTER_CELLS))
    # a headline does not reach over columns its body (the text right below it) leaves empty:
    # its body's row, from the line under the headline rightwards while lines follow at
    # gutter distance, bounds it (a subtitle over a one-column article beside a photo)
    # the space a column's text leaves before the next column: its lines are W cells long
    # but W × c cells wide on the page
    gutter = max(BODY_GUTTER_CELLS, w * (c - 1) + GUTTER_EMS * c + 2)
    for y, row in enumerate(rows):
        for s in row:
            if not s.head:
                continue
            # another headline further along its row heads the text under it, not this one
            stop = min((t.a for t in row if t.head and t.a >= s.b), default=None)
            for r in range(y + 1, min(len(rows), y + 1 + BODY_REACH)):
                if not any(not t.head and min(t.b, s.b) - max(t.a, s.a) >= 1 for t in rows[r]):
                    continue
                body = sorted((t for q in range(r, min(len(rows), r + BODY_ROWS)) for t in rows[q]
                               if not t.head and (stop is None or t.b <= stop)), key=lambda t: t.a)
                first = next((k for k, t in enumerate(body) if min(t.b, s.b) - max(t.a, s.a) >= 1), None)
                if first is None:
                    break  # the text under it stands past another headline of its row
                end = body[first].b
                for t in body[first + 1:]:
                    if t.a - end > gutter:
                        break
                    end = max(end, t.b)
                s.x1 = max(float(s.b), min(s.x1, float(end)))
                break
    # a headline alone in its rows (a band across the page) heads the text right below it:
    # a centred title covers the columns of its body (``畅 游 开 州`` over five columns)
    for y, row in enumerate(rows):
        if not row or not all(t.head for t in row) or (y > 0 and any(not t.head for t in rows[y - 1])):
            continue
        for r in range(y + 1, min(len(rows), y + 4)):
            body = [t for t in rows[r] if not t.head]
            if body:
                # another module's headline line in the rows between, clear of this title's cells
                # (its subtitle pieces may stand a little wider): the text under both is not this
                # title's alone
                beside = any(t.head and (t.x1 <= row[0].a or t.a >= row[-1].x1 + HEAD_CLEAR_CELLS)
                             for q in range(y + 1, r) for t in rows[q])
                if len(body) >= 2 and not beside and min(t.a for t in body) < row[0].a \
                        and max(t.b for t in body) > row[-1].x1:
                    # pieces of one centred title (探寻嘉州春天          共话乡村振兴) are one line
                    s = _Seg(y, row[0].a, row[-1].b, "", True, float(max(t.b for t in body)),
                             float(min(t.a for t in body)))
                    s.text = "".join(t.text + " " * ((row[k + 1].a - t.b) if k + 1 < len(row) else 0)
                                     for k, t in enumerate(row))
                    rows[y] = [s]
                break
    _centred_titles(rows, w, c)
    _titles_over_bodies(rows, w, c)


def _centred_titles(rows: list[list[_Seg]], w: float, c: float) -> None:
    """Titles of modules side by side on one row of headline lines only, each centred over its
    own module's columns (``一季度我市经济增速…      镇原县 14 个重点项目集中开工``): a title whose
    middle on the page (its cells widened at :data:`HEAD_SCALE`) lies within half a column of the
    middle of the body lines under it (the first row with two or more text lines between the
    headline pieces before and after it, within 3 rows) covers those lines, from the first to the
    last: the fixed scale guesses its width, the body row shows it. Only pieces heading modules
    apart (:func:`_modules_apart`), not phrases of one title (``畅游开州    尽享“诗和远方”``)."""
    half = (w + GUTTER_EMS) * c / 2
    edges = _column_edges(rows, w)
    for y, row in enumerate(rows):
        if len(row) < 2 or not all(t.head for t in row) or (y > 0 and any(not t.head for t in rows[y - 1])):
            continue
        for k, s in enumerate(row):
            if k and not _modules_apart(rows, row[k - 1], s, edges, w) \
                    or k + 1 < len(row) and not _modules_apart(rows, s, row[k + 1], edges, w):
                continue  # phrases of one title over one module
            lo = row[k - 1].x1 if k else float("-inf")
            hi = row[k + 1].a if k + 1 < len(row) else float("inf")
            for r in range(y + 1, min(len(rows), y + 4)):
                if any(t.head and lo < t.a < hi for t in rows[r]):
                    break  # a further headline line (a subtitle) under it: read there
                body = [t for t in rows[r] if not t.head and t.a >= lo and t.b <= hi]
                if not body:
                    continue
                _cover(s, body, c, half)
                break



def _cover(s: _Seg, body: list[_Seg], c: float, half: float) -> None:
    """Headline piece ``s`` covers the body lines ``body`` of a row under it (its span set to
    theirs, from the first to the last) when they are two or more, reach past both its ends and
    their middle lies within ``half`` (cells) of its middle on the page (:func:`_head_middle`)."""
    left, right = min(t.a for t in body), max(t.b for t in body)
    if len(body) >= 2 and left < s.a and right > s.x1 and abs(_head_middle(s, c) - (left + right) / 2) <= half:
        s.x0, s.x1 = float(left), float(right)


def _head_middle(s: _Seg, c: float) -> float:
    """The middle of headline line ``s`` on the page, in cells: its width at :data:`HEAD_SCALE` from
    its start (a letter-spaced title's spaces widen it too: the dump prints each of them as one cell)."""
    if cues.letter_spaced(s.text):
        return s.a + (s.b - s.a) * HEAD_SCALE * c / 2
    return (s.a + s.x1) / 2


def _titles_over_bodies(rows: list[list[_Seg]], w: float, c: float) -> None:
    """A title among other modules' lines (a row holding text beside it, or a title alone in its
    row under another module's lines: ``畅 游 开 州`` over a two-column module beside a four-column
    one) covers the body lines under it when its middle on the page lies within half a column
    of theirs: the lines of the first row below (within 4, subtitles passed over) that start right
    of the text before it in its row (and no more than half a column left of it), two or more,
    from the first to the last. Rows of headline pieces only are :func:`_centred_titles`'."""
    half = (w + GUTTER_EMS) * c / 2
    for y, row in enumerate(rows):
        if len(row) >= 2 and all(t.head for t in row):
            continue
        for k, s in enumerate(row):
            if not s.head or s.x0 is not None:
                continue
            lo = max(max((t.b for t in row[:k]), default=float("-inf")), s.a - half)
            hi = row[k + 1].a if k + 1 < len(row) else float("inf")
            for r in range(y + 1, min(len(rows), y + 5)):
                zone = [t for t in rows[r] if t.a >= lo and t.b <= hi]
                if not zone or any(t.head or cues.letter_spaced(t.text) for t in zone):
                    continue  # nothing under it yet, or its subtitle
                _cover(s, zone, c, half)
                break


HEAD_CLEAR_CELLS = 6
"""A headline line starting this many cells past a title's right edge stands clear of it."""


def _widen_block_tails(rows: list[list[_Seg]], w: float) -> None:
    """The short last line of a paragraph of wide text (a caption across columns) belongs to
    its block: it gets the block's width, so the block is not cut apart at it. (A wide line
    with spaces may be two columns run together: not a block.) A paragraph's last line inside the
    block (wide text right under it) keeps its own width: the engine keeps it in the block and
    paragraph breaks read it as short."""
    for row in rows:
        for s in row:
            if s.head or not w or em_width(cues.squash(s.text)) > w + SQUEEZE_SLACK:
                continue
            up = _above(rows, s)
            down = _above(rows, s, 1, 1)
            if down is not None and not down.head and abs(down.a - s.a) <= 1 \
                    and em_width(cues.squash(down.text)) > w + SQUEEZE_SLACK:
                continue  # the block goes on under it: it keeps its own width (a paragraph ends there)
            if up is not None and not up.head and abs(up.a - s.a) <= 1 and " " not in up.text \
                    and em_width(cues.squash(up.text)) > w + SQUEEZE_SLACK:
                s.x1 = max(s.x1, up.x1)


def _credits_with_headlines(rows: list[list[_Seg]]) -> None:
    """An own-line credit (``■ 本报记者 方   宇 文/图``) whose nearest line above in its cells is a
    headline line is set with that headline: it is sized as one for the engine's cut (a padded credit
    reaches into the next column and would be cut off from its module); assembly still reads it as
    the byline."""
    for row in rows:
        for s in row:
            if s.head or not cues.own_line_byline(s.text):
                continue
            up = _above(rows, s, CHAIN_ROWS)
            if up is not None and up.head:
                s.head = True


SNAP_CELLS = 3
"""A column line cut from a merged row starts within this many cells of its column's edge."""


def _snap_run_on(rows: list[list[_Seg]], w: float) -> None:
    """Column lines cut from a merged row after a single space (``run_on``) start where their
    column starts: ``-layout`` shifts the text after a one-space gutter by a cell or two from row
    to row. The column's edge is the start of full lines (``W`` ± 1 ems) of the rows within
    :data:`WINDOW_ROWS` that most such lines share within :data:`SNAP_CELLS` cells of the piece (modules
    elsewhere on the page may sit on another grid). The text slice stays; only the box moves, and
    the piece before it in its row ends a cell before it."""
    if not any(s.run_on for row in rows for s in row):
        return
    full = [[s.a for s in row if not s.head and abs(em_width(cues.squash(s.text)) - w) <= 1] for row in rows]
    for y, row in enumerate(rows):
        for s in row:
            if not s.run_on or s.head:
                continue
            near = Counter(x for r in range(max(0, y - WINDOW_ROWS), min(len(rows), y + WINDOW_ROWS + 1))
                           for x in full[r] if abs(x - s.a) <= 2 * SNAP_CELLS)
            # the centre of the strongest cluster of starts (within ±SNAP_CELLS - 1), at its commonest start
            score = {x: sum(near[x + d] for d in range(-SNAP_CELLS + 1, SNAP_CELLS))
                     for x in range(s.a - SNAP_CELLS, s.a + SNAP_CELLS + 1)}
            e = max(score, key=lambda x: (score[x], near[x], -abs(x - s.a)))
            if near[e]:
                s.x0 = float(e)
                s.x1 += e - s.a
        for s, t in zip(row, row[1:]):
            if t.run_on and not s.head:
                s.x1 = min(s.x1, (t.a if t.x0 is None else t.x0) - 1.0)


def _head_continues(rows: list[list[_Seg]], t: _Seg) -> bool:
    """Headline line ``t`` is a further line of a headline a few rows above it (same left edge)."""
    return t.head and any(u.head and abs(u.a - t.a) <= 2 for r in range(max(0, t.r - 5), t.r) for u in rows[r])


def _text_crosses(up: list[_Seg], down: list[_Seg]) -> bool:
    """The rows around a blank row hold body text of the same columns: every line below
    starts under a line above (within a paragraph indent, 4 cells) and none is a
    headline or opens an article; the blank row is the dump's spacing, not a gap."""
    if not up or not down or len(up) != len(down) or any(t.head for t in up + down):
        return False
    for t in down:
        if cues.inline_byline(cues.squash(t.text)):
            return False
        if not any(abs(t.a - u.a) <= 4 for u in up):
            return False
    return True


CHAIN_ROWS = 12
"""How far down (rows) a column line's next line is looked for across rows of other columns."""


def _chain_rows(rows: list[list[_Seg]], row_y: list[float], w: float, c: float) -> dict[int, float]:
    """Close gaps that only the dump's row grid makes inside a column: ``-layout`` gives lines of
    other columns set on slightly other baselines (a module beside it, a side headline, a staircase
    of columns each a line lower) rows of their own, so a column's consecutive lines land rows apart
    with nothing of their own column between. A body line whose nearest line above in its column
    (``P``, sharing cells) lies across such rows (no blank row among them: that is a gap) is the line right
    after ``P`` when ``P`` runs on (no sentence end) and the line is no fresh start (inline byline),
    or when ``P`` ends a sentence and the line is an indented first line: ``P``'s box reaches down
    to that line, so no gap opens in the column (nothing else moves). A staircase (each column's
    lines on their own baselines) also leaves single blank rows among those rows: ``P`` reaches
    across them only when it is a column-wide line running on mid-sentence into an unindented line
    right under it, and no headline lies between whose body (a line under its cells) starts by the
    line's row (that headline opens the module the line belongs to). A headline sized over the
    column (a kicker set left of it) stands between like a line of the column. Returns ``id(P)`` →
    the y its box ends at."""
    out: dict[int, float] = {}
    opened: list[_Seg] = []  # lines across other columns' rows that open an article
    chained: list[tuple[_Seg, _Seg]] = []
    indent = _indent_cells(c)
    labelled = [any(cues.is_section_label(t.text) for t in row) for row in rows]
    credits = [any("记者" in t.text or "本报" in t.text for t in row) for row in rows]  # a cheap pre-test
    for r, row in enumerate(rows):
        for s in row:
            if s.head:
                continue
            p = None
            between_text = False
            blanks = 0
            heads_between = False
            credit_between = False
            label_between = False  # a section label (简讯) opens modules between: a gap
            for q in range(r - 1, max(-1, r - 1 - CHAIN_ROWS), -1):
                hit = [t for t in rows[q] if min(t.b, s.b) - max(t.a, s.a) >= 1]
                # a headline widened over the column (a kicker set left of it) stands between too
                hit = hit or [t for t in rows[q] if t.head and min(max(t.x1, t.b), s.b)
                              - max(t.a if t.x0 is None else t.x0, s.a) >= 1]
                if hit:
                    p = hit[0] if len(hit) == 1 else None
                    break
                if not rows[q]:
                    if not rows[q + 1] or (q > 0 and not rows[q - 1]):
                        break  # a blank row: a real gap (or the dump's spacing, judged elsewhere)
                    blanks += 1
                    continue
                between_text = True
                label_between = label_between or labelled[q]
                heads_between = heads_between or any(
                    t.head and any(not u.head and min(u.b, t.b) - max(u.a, t.a) >= 1
                                   for rr in rows[q + 1:r + 1] for u in rr) for t in rows[q])
                # an own-line credit between whose text (a line under its cells) starts by this row
                # heads the module this line belongs to
                credit_between = credit_between or any(
                    not t.head and credits[q] and cues.own_line_byline(t.text)
                    and any(not u.head and min(u.b, t.b) - max(u.a, t.a) >= 1 for rr in rows[q + 1:r + 1] for u in rr)
                    for t in rows[q])
            if p is None or p.head or not between_text or label_between or credit_between:
                continue
            if blanks and (heads_between or cues.ends_sentence(cues.squash(p.text)) or abs(s.a - p.a) > 1
                           or (em_width(cues.squash(p.text)) > w + SQUEEZE_SLACK)):
                continue  # across single blank rows of a staircase only mid-sentence
            if not (-1 <= s.a - p.a <= indent) or em_width(cues.squash(p.text)) < w - 1.5:
                continue
            flat_p, flat_s = cues.squash(p.text), cues.squash(s.text)
            if cues.inline_byline(flat_s) or cues.is_section_label(flat_s) or not cues.ends_sentence(flat_p) and (
                    cues.own_line_byline(s.text) or s.a - p.a >= 2):
                # an article opens here (no text runs on mid-sentence into a credit or an indented
                # first line): a module stacked under the one above starts on this row
                opened.append(s)
                continue
            if cues.ends_sentence(flat_p) and not 2 <= s.a - p.a <= indent:
                continue
            out[id(p)] = row_y[r]
            chained.append((p, s))
    # the other columns of a module starting on a row (its first lines side by side) do not run on
    # from the module above it either
    reach = 2.5 * (w + GUTTER_EMS) * c
    for p, s in chained:
        if any(o.r == s.r and abs(o.a - s.a) <= reach for o in opened):
            del out[id(p)]
    return out


SIDE_BAND_ROWS = 8
"""How many rows (blank, or holding only headline lines beside the columns) a side band may span."""


def _side_bands(rows: list[list[_Seg]], row_y: list[float], w: float, c: float) -> dict[int, float]:
    """Close the gaps a side headline (侧标题, set left or right of its module's columns on its own,
    larger leading) cuts into its module: ``-layout`` gives the headline rows of their own with
    blank rows around them, so every column of the module breaks at the same place. A band of
    at most :data:`SIDE_BAND_ROWS` rows that are blank or hold only headline lines sharing no cell
    with the rows around it, and holding at least one such line, is crossed when the rows above
    and below hold the same number (≥ 2) of body lines, each line below starting under one above
    (within an indent), none opening an article (inline byline, section label), and every column
    reads as one text across the band: a line running on (no sentence end) into an unindented line,
    a paragraph's first line holding only its inline byline above an unindented one, or a line
    ending a sentence (or a credit) above an indented one; at least one column must run on
    mid-sentence (blank bands between stacked modules end sentences everywhere). Each line above
    then reaches down to the line below it (``id(line)`` → y, as :func:`_chain_rows`)."""
    out: dict[int, float] = {}
    indent = _indent_cells(c)
    n = len(rows)
    r = 0
    while r < n:
        up = rows[r]
        if not up or any(t.head for t in up) or len(up) < 2:
            r += 1
            continue
        q = r + 1
        heads: list[_Seg] = []
        while q < n and q - r - 1 <= SIDE_BAND_ROWS and (not rows[q] or all(t.head for t in rows[q])):
            heads += rows[q]
            q += 1
        down = rows[q] if q < n else []
        if not heads or q - r - 1 > SIDE_BAND_ROWS or len(down) != len(up) or any(t.head for t in down):
            r += 1
            continue
        body = up + down
        if any(min(h.b, t.b) - max(h.a, t.a) >= 1 for h in heads for t in body):
            r += 1
            continue
        pairs = []
        for t in down:
            above = [u for u in up if abs(t.a - u.a) <= indent]
            if len(above) != 1:
                break
            pairs.append((above[0], t))
        if len(pairs) != len(down):
            r += 1
            continue
        run_on = 0
        ok = True
        for u, t in pairs:
            fu, ft = cues.squash(u.text), cues.squash(t.text)
            if cues.inline_byline(ft) or cues.is_section_label(ft):
                ok = False
                break
            indented = t.a - min(u.a, t.a) >= 2
            credit = cues.inline_byline(fu)
            if credit and len(credit.group()) >= len(fu) - 1:
                ok = ok and not indented  # a paragraph's first line holding only its byline
            elif cues.ends_sentence(fu) or fu.endswith(("）", ")")):
                ok = ok and indented
            else:
                ok = ok and not indented and em_width(fu) >= w - 1.5
                run_on += 1
        if ok and run_on:
            for u, t in pairs:
                out[id(u)] = row_y[t.r]
        r = q if ok and run_on else r + 1
    return out


INDENT_CELLS = 1.5
"""A line indented this far (engine indent, cells) opens a paragraph: running text has some."""


def _head_over_blank(streams: list[list[Line]]) -> list[list[Line]]:
    """A stream of headline lines only heads the text under it across a blank band: the dump
    has no photos, and photo news prints its headline over the photo and the caption under it.
    The headline joins the stream whose first line is the nearest one below it that shares its
    cells, when no other line stands between them and that line is no headline. Lines are the
    engine's (bbox in cells and rows, ``font_size`` still set)."""
    def box(st: list[Line]) -> tuple[float, float, float, float]:
        return (min(ln.bbox[0] for ln in st), min(ln.bbox[1] for ln in st),  # type: ignore[index]
                max(ln.bbox[2] for ln in st), max(ln.bbox[3] for ln in st))  # type: ignore[index]

    out = list(streams)
    for h in list(out):
        if not h or not all(ln.font_size == HEAD_SCALE for ln in h):
            continue
        hx0, _, hx1, hy1 = box(h)
        best = None
        for st in out:
            if st is h or not st:
                continue
            top = min(st, key=lambda ln: ln.bbox[1])  # type: ignore[index]
            tx0, ty0, tx1, _ = top.bbox  # type: ignore[misc]
            if top.font_size == HEAD_SCALE or ty0 < hy1 or min(tx1, hx1) - max(tx0, hx0) < 0.5 * min(tx1 - tx0, hx1 - hx0):
                continue
            if best is None or ty0 < best[0]:
                best = (ty0, st)
        if best is None:
            continue
        ty0, st = best
        if any(ln.bbox[1] < ty0 and ln.bbox[3] > hy1 and min(ln.bbox[2], hx1) - max(ln.bbox[0], hx0) > 0  # type: ignore[index]
               for other in out if other is not h and other is not st for ln in other):
            continue  # text stands between them
        out = [h + x if x is st else x for x in out if x is not h]
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
    w = _body_width([_Seg(0, a, b, row[a:b]) for (_, row), ss in zip(raw_rows, segs) for a, b in ss])
    rows: list[list[_Seg]] = []
    for r, ((start, row), ss, cov) in enumerate(zip(raw_rows, segs, _local_coverage(segs))):
        cut: list[_Seg] = []
        for a, b in _merge_row(ss, cov, row, w):
            for k, (x, y_) in enumerate(" " in row[a:b] and split_row(row[a:b], w) or [(0, b - a)]):
                cut.append(_Seg(r, a + x, a + y_, row[a + x:a + y_], run_on=k > 0))
        rows.append(cut)
    _size_headlines(rows)
    _credits_with_headlines(rows)
    _widen_block_tails(rows, w)
    _snap_run_on(rows, w)
    row_y: list[float] = []
    y = 0.0
    prev: list[_Seg] = []
    for k, row in enumerate(rows):
        row_y.append(y)
        if not row:
            # a blank row under a headline row is the headline's own leading, not a gap;
            # nor is one that running text of the same columns crosses
            nxt_row = rows[k + 1] if k + 1 < len(rows) else []
            if any(sg.head for sg in prev) or any(_head_continues(rows, t) for t in nxt_row):
                y += HEAD_BLANK_ROW
            elif _text_crosses(prev, rows[k + 1] if k + 1 < len(rows) else []):
                y += 1.0
            else:
                y += 1.0 + BLANK_ROW_EXTRA
            prev = row
            continue
        prev = row
        y += 1.0
    c = _cells_per_em(rows, w)
    seg_y = _chain_rows(rows, row_y, w, c)
    seg_y.update(_side_bands(rows, row_y, w, c))
    lines: list[Line] = []
    for (start, _), row in zip(raw_rows, rows):
        for sg in row:
            t = Text.from_source(text, start + sg.a, start + sg.b)
            y = row_y[sg.r]
            lines.append(Line(t, row=sg.r, bbox=(float(sg.a) if sg.x0 is None else sg.x0, y, sg.x1,
                                                 seg_y.get(id(sg), y + 1.0)),
                              font_size=HEAD_SCALE if sg.head else 1.0))
    if not lines:
        return []
    streams = _head_over_blank(geometric_streams(lines, unit_em=1.0, x_tolerance=LAYOUT_X_TOLERANCE))
    for s in streams:
        body = sorted(em_width(cues.squash(ln.text.value)) for ln in s if ln.font_size != HEAD_SCALE)
        # a caption: wide text across columns, or a few lines of a column none of them indented
        caption = bool(body) and w > 0 and body[len(body) // 2] > w + SQUEEZE_SLACK \
            or len(body) >= 3 and not any((ln.indent or 0) >= INDENT_CELLS for ln in s if ln.font_size != HEAD_SCALE)
        for ln in s:
            # headline sizes are guesses, kept only as ``rel_size``; caption lines (set without
            # indents) keep one em in cells as their size, so a short line ending a sentence ends
            # a paragraph (not in running text: digits make its lines' ends vary)
            if caption and ln.font_size != HEAD_SCALE and ln.bbox is not None:
                # the dump gives every character one cell, a digit as much as an ideograph: the
                # line's printed right edge is where its width in ems ends
                x0, y0, _x1, y1 = ln.bbox
                ln.bbox = (x0, y0, x0 + em_width(cues.squash(ln.text.value)) * c, y1)
            ln.font_size = c if caption and ln.font_size != HEAD_SCALE else None
    return streams
