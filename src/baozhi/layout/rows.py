"""Merged rows in default ``pdftotext`` dumps: the lines of two or three columns joined by spaces.

Where the gutters are narrow, ``pdftotext`` reads a row across neighbouring
columns as one line and sets a single space between the columns' lines
(``…切实增强责任 会、认真记录…``). Such a row is wider than the column ``W``; cut at
the right spaces it falls into pieces each at most a column wide. The lines of a
block from its first merged row on are then columns printed in turn, and the
tangle model (:func:`baozhi.layout.tangles.untangle_lines`) reads them apart.
"""
from __future__ import annotations

from ..articles import cues
from ..model import Line
from .chars import is_cjk
from .joins import join_score

ROW_EMS = 2.5
"""A line this much wider than the column ``W`` (and with spaces) may be a merged row."""
WORD_RUN = 4
"""A line letter-spaced for the most part is still a merged row when one of its space-free runs
holds this many ideographs or more: an unspaced column line beside a justified one."""
OVER_EMS = 1.25
"""A column's line may run this much over ``W`` (punctuation counted as full ems, as set)."""
SHORT_EMS = 3.25
"""A piece narrower than ``W − 3.25`` is a paragraph's last line (or a credit's padded line); a
merged row of k pieces holds at most one such, or k // 3 when more."""


def _tokens(s: str) -> list[tuple[int, int]]:
    """Spans of the runs of non-space characters in ``s``."""
    out = []
    i = 0
    n = len(s)
    while i < n:
        if s[i].isspace():
            i += 1
            continue
        j = i
        while j < n and not s[j].isspace():
            j += 1
        out.append((i, j))
        i = j
    return out


FULL_EMS = 1.75
"""A piece at least ``W − 1.75`` ems wide (its inner gaps an em each) is a full column line."""


def split_row(s: str, w: float, near: bool = False, gaps: bool = False) -> list[tuple[int, int]] | None:
    """Cut a merged row into the column lines it joins.

    ``s``: a printed line; ``w``: the column width in ems. Returns the spans
    (character offsets into ``s``, half-open) of two or more pieces, each at most
    ``W + 1.25`` ems wide (or, when the line holds one word wider than ``W + 2.5``, that word
    alone: a line of a caption set across columns, ``…厨余垃圾，听 9月1日，全市中小学统一开学，城区…``),
    at most one (of k ≥ 6: k // 3) narrower than ``W − 3.25``; or None when
    ``s`` is not a merged row (not wider than ``W + 2.5``, no spaces, no running-text
    punctuation or letter-spaced as a whole like a display headline, or no such cut). Among the cuts into the
    fewest pieces the one whose breaks read least like running text
    (:func:`~baozhi.layout.joins.join_score`) wins. With ``near`` (a merged row next to this
    line) a line without running-text punctuation is a merged row too when every piece is a
    full column line (at least ``W − 1.75`` ems, its inner gaps an em each: ``发布的《第三批全国乡村治理示
    分别是永济市栲栳镇和垣曲县皋``); two titles side by side are seldom both that wide. With
    ``gaps`` (plain dumps) a piece's inner gaps count an em each in the short test, as a credit's
    two-character name is padded to three (``本报讯（记者 林 涛）近日，`` is a full line); the
    ``-layout`` reader, which places the pieces by their character columns, leaves it off (with it
    five-piece rows there read worse: bench p08 char ratio 0.491 -> 0.335).
    """
    if not w or cues.width(s) <= w + ROW_EMS:
        return None
    toks = _tokens(s)
    if len(toks) < 2:
        return None
    if cues.letter_spaced(s) and not any(sum(1 for c in s[a:b] if is_cjk(c)) >= WORD_RUN for a, b in toks):
        return None  # letter-spaced as a whole (a display headline, one justified line)
    n = len(toks)
    widths = [cues.width(s[a:b]) for a, b in toks]
    # best[j]: (pieces, ragged pieces, short pieces, join evidence at the cuts, previous cut) for toks[:j]
    inf = (10 ** 6, 0, 0, 0.0, -1)
    best = [inf] * (n + 1)
    best[0] = (0, 0, 0, 0.0, -1)
    single = [b - a == 1 for a, b in toks]
    run = [sum(1 for c in s[a:b] if is_cjk(c)) >= WORD_RUN for a, b in toks]
    # one word wider than ``W + 2.5`` (a caption line set across columns, printed on the row of a
    # column line) may be a piece of its own
    wide = [k for k in range(n) if widths[k] > w + ROW_EMS]
    lone = wide[0] if len(wide) == 1 else -1
    for j in range(1, n + 1):
        wd = 0.0
        has_run = False
        for i in range(j - 1, -1, -1):
            wd += widths[i]
            has_run = has_run or run[i]
            wide_piece = i == j - 1 == lone
            if wd > w + OVER_EMS and not wide_piece:
                break
            if best[i][0] < inf[0]:
                cut = join_score(s[toks[i - 1][0]:toks[i - 1][1]], s[toks[i][0]:toks[i][1]]) if i else 0.0
                # a piece's inner gaps count an em each in the short test (a credit's name padded to
                # three characters: ``本报讯（记者 林 涛）近日，`` is a full line, not a last line)
                short = not wide_piece and wd + gaps * (j - 1 - i) < w - SHORT_EMS
                # a piece holding an unspaced run that begins or ends with a lone character has
                # cut a letter-spaced (justified) line: ``…高于 增 长`` / ``25.3% ， 比 …``
                ragged = has_run and (single[i] or single[j - 1])
                cand = (best[i][0] + 1, best[i][1] + ragged, best[i][2] + short, best[i][3] + cut, i)
                if cand[:4] < best[j][:4]:
                    best[j] = cand
            if wide_piece:
                break
    if best[n][0] >= inf[0] or best[n][0] < 2 or best[n][2] > max(1, best[n][0] // 3):
        return None
    ranges = []  # the pieces' token index ranges [i, j), last first
    j = n
    while j > 0:
        i = best[j][4]
        ranges.append((i, j))
        j = i
    if cues.RUNNING_PUNCT.isdisjoint(s):
        full = near and all(sum(widths[i:j]) + (j - 1 - i) >= w - FULL_EMS for i, j in ranges)
        if not full:
            return None
    return [(toks[i][0], toks[j - 1][1]) for i, j in reversed(ranges)]


MERGED_SHARE = 0.8
"""Share of the lines of the most common width that must be merged rows of a narrower column
for :func:`column_width` to take the narrower width."""
MERGED_NARROW_MIN = 5
"""Lines of running text at most half the most common width needed to read a narrower column."""


def column_width(lines: list[str], w: float) -> float:
    """The column width ``W`` in ems, given ``w``, the most common width of the running-text lines
    (:func:`~baozhi.articles.paragraphs.full_width`). Where ``pdftotext`` joined the lines of two
    columns into merged rows on most of the page, the merged rows' width is the most common one
    (two 15-em column lines and a space: 30 ems). Then ``w`` is the column width of the lines at
    most half as wide (plus an em) and of the merged rows' pieces, when there are :data:`MERGED_NARROW_MIN` or more and
    :data:`MERGED_SHARE` of the lines as wide as ``w`` (rounded to ems) are merged rows of that
    column (:func:`split_row`). Otherwise ``w`` as given."""
    from ..articles.paragraphs import full_width  # noqa: PLC0415

    if not w:
        return w
    mode = [s for s in lines if round(cues.width(s)) == round(w)]
    if not any(" " in s.strip() for s in mode):
        return w  # a merged row joins its columns with spaces (:func:`split_row` cuts none here)
    narrow = [s for s in lines if s.strip() and cues.width(s) <= w / 2 + 1]
    if len(narrow) < MERGED_NARROW_MIN:
        return w
    # the column's width from the lines set alone and the pieces of the (would-be) merged rows
    w2 = full_width(narrow + [piece for s in mode for piece in s.split()])
    if w2 < 4 or w2 > w / 2 + 1 or sum(1 for s in narrow if abs(cues.width(s) - w2) <= 1.5) < MERGED_NARROW_MIN:
        return w
    if not mode or sum(1 for s in mode if split_row(s, w2, gaps=True)) < MERGED_SHARE * len(mode):
        return w
    return w2


INDENT_EMS = 2.5
"""A paragraph's first line is indented two ems: a column line is at least ``W − 2.5`` ems wide
unless it ends its paragraph."""


def _open_column_line(s: str, w: float) -> bool:
    """``s`` is a column's line cut in mid-sentence: at least ``W − 2.5`` (a paragraph's indented
    first line) and at most ``W + 1.25`` ems wide, with running-text punctuation (no title),
    ending no sentence."""
    wd = cues.width(s)
    return w - INDENT_EMS <= wd <= w + OVER_EMS and not cues.RUNNING_PUNCT.isdisjoint(s) and not cues.ends_sentence(s)


ROW_REACH = 3
"""Without telling blank lines a merged region runs from a merged row to the last merged row
that follows the one before within this many lines (the column lines between them, printed
alone where the rows of side-by-side modules do not line up, belong to it)."""


def split_rows(lines: list[Line], w: float, gaps_mean_blocks: bool = True) -> list[Line]:
    """Lines with merged rows read apart: from a block's first merged row to the block's end
    (the next blank line), the pieces of the rows are split into column streams by
    :func:`~baozhi.layout.tangles.untangle_lines` (each dump line one row) and printed one
    stream after another, each stream opening a block (``gap_before``). Other lines are
    returned as they are. When blank lines do not mark blocks (``gaps_mean_blocks`` False, a
    blank line after every line) the region ends with its last merged row instead
    (:data:`ROW_REACH`; seed-like page_score bench/more/held 0.672/0.704/0.623 ->
    0.679/0.710/0.625).
    """
    from .tangles import page_vocabulary, untangle_lines  # noqa: PLC0415

    cut = [split_row(ln.text.value, w, gaps=True) for ln in lines]
    if not any(cut):
        return lines
    for k, ln in enumerate(lines):  # rows without punctuation next to a merged row (split_row's ``near``)
        if not cut[k] and ((k and cut[k - 1]) or (k + 1 < len(lines) and cut[k + 1])):
            cut[k] = split_row(ln.text.value, w, near=True, gaps=True)
    vocab = page_vocabulary([cues.squash(ln.text.value) for ln in lines])
    out: list[Line] = []
    i = 0
    n = len(lines)
    while i < n:
        if not cut[i]:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        if gaps_mean_blocks:
            while j < n and not lines[j].gap_before:
                j += 1
        else:  # no blank line ends the region: it ends with its last merged row
            while True:
                nx = next((k for k in range(j, min(n, j + ROW_REACH)) if cut[k]), None)
                if nx is None:
                    break
                j = nx + 1
        region: list[Line] = []
        rows: list[int] = []
        for k in range(i, j):
            ln = lines[k]
            spans = cut[k] or [(0, len(ln.text.value))]
            for a, b in spans:
                region.append(Line(ln.text[a:b], gap_before=False))
                rows.append(k)
        # the line before the region in its block, when a column line cut in mid-sentence
        # (:func:`_open_column_line`), is a line one of the
        # region's streams may go on from (the region's first row is where pdftotext began to
        # merge, not where the columns begin); not where blank lines mark nothing (there the line
        # before may be any block's: seed-like bench/more 0.801/0.834 -> 0.797/0.828)
        head = None
        if gaps_mean_blocks and i and out and out[-1] is lines[i - 1] and not lines[i].gap_before:
            prev = lines[i - 1].text.value
            if _open_column_line(prev, w):
                head = cues.squash(prev)
        streams = untangle_lines([cues.squash(ln.text.value) for ln in region], w, head, vocab, rows)
        for si, st in enumerate(streams):
            for m, k in enumerate(x for x in st if x >= 0):
                region[k].gap_before = m == 0 and st[0] >= 0 and (si > 0 or lines[i].gap_before)
                out.append(region[k])
        i = j
    return out
