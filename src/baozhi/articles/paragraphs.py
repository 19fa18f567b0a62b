"""Paragraph breaks from the evidence a page gives, not from a fixed width.

Chinese body text is set justified in columns of ``W`` ems with a 2-em indent
on the first line of each paragraph (GB/T 15834 and common newspaper style).
A text dump loses the indent but keeps its trace: a first line holds at most
about ``W - 2`` ems. So a break falls between lines *i* and *i+1* when

* line *i* ends a sentence (。！？… optionally followed by closing marks), and
* line *i+1* can be a first line: its indent is visible (``-layout`` dumps,
  PDFs) or, without indent evidence, it is at most ``W - 2`` ems wide even
  with its punctuation compressed to half an em.

A full-width line that happens to end in 。 followed by a full line is not a
break (``../shared/bench/seed/NOTES.md``, lines 41–43).
"""
from __future__ import annotations

import re
from collections import Counter

from ..layout.chars import despace, join_lines, unify_compat
from ..model import Line
from ..text import Text
from .cues import bare_photo_credit, bracket_credit, ends_sentence, min_width, own_line_byline, photo_credit_end, width

INDENT_MIN_EMS = 1.5
"""An indent of at least this many ems marks a first line (the convention is 2 ems)."""
SHORT_LINE_EMS = 1.0
"""PDFs and -layout captions: a line ending a sentence at least this many ems short of its column's right edge (justified lines reach it) ends a paragraph
even when the next line is not indented (captions are set without indents)."""
FIRST_LINE_SLACK = 0.5
"""A first line may be up to ``W - 2 + slack`` ems wide (punctuation widths vary)."""


_RUNNING_PUNCT = re.compile("[，。、；：！？]")
_ASCII_ALNUM = re.compile("[0-9A-Za-z]")


def full_width(lines: list[str]) -> float:
    """The column width ``W`` in ems: the most common width (rounded to ems) of the lines
    with punctuation (running text), or of all lines when none has any.

    Full lines dominate any column of body text, so the mode is robust to short
    first and last lines. Returns 0.0 for no lines.
    """
    # running text has punctuation; headline and credit lines mostly do not, and on a short
    # input they could outnumber the body lines of one width
    body = [s for s in lines if _RUNNING_PUNCT.search(s)]
    c = Counter(round(width(s)) for s in (body or lines) if s.strip())
    if not c:
        return 0.0
    top = max(c.values())
    # among equally common widths prefer the larger (short lines are never the mode of a column)
    return float(max(w for w, n in c.items() if n == top))


def can_start(line: Line, w: float, has_indent: bool) -> bool:
    """True when ``line`` can be the first line of a paragraph."""
    if has_indent and line.indent is not None:
        return line.indent >= INDENT_MIN_EMS
    return w <= 0 or min_width(line.text.value) <= w - 2 + FIRST_LINE_SLACK


def clean(t: Text) -> Text:
    """A printed line as text: compatibility ideographs unified, layout spaces removed."""
    return despace(unify_compat(t.strip()))


def split_paragraphs(lines: list[Line], w: float, has_indent: bool = False) -> list[Text]:
    """Body lines (in reading order) → paragraphs as clean ``Text``.

    ``w``: the column width in ems (see :func:`full_width`). ``has_indent``:
    whether ``Line.indent`` is real evidence (``-layout`` dumps, PDFs).
    """
    paras: list[list[Text]] = []
    cur: list[Text] = []
    prev: Line | None = None
    caption = not has_indent and _is_caption(lines)
    for k, ln in enumerate(lines):
        if prev is not None and ((_break_between(prev, ln, w, has_indent)
                                  and not (not has_indent and _full_line_at(lines, k, w))
                                  and not (k == len(lines) - 1 and _closing_credit(ln.flat)))  # (…运行。 / 毛如瑞摄)
                                 or (caption and _caption_break(prev, ln))
                                 or _short_line_break(prev, ln, lines) or _wide_block_break(prev, ln, w)):
            paras.append(cur)
            cur = []
        cur.append(clean(ln.text))
        prev = ln
    if cur:
        paras.append(cur)
    return [p for p in (join_lines(ps) for ps in paras) if p.value]


def _closing_credit(flat: str) -> bool:
    """A text's last line that is only its credit (毛如瑞摄, 记者X文/图, （记者X通讯员Y）): by the
    convention in ``../shared/bench/README.md`` it stays in the last paragraph."""
    return bare_photo_credit(flat) or bracket_credit(flat)


CAPTION_LINES = 16
"""A text closed by a photo credit and at most this many lines long is a caption."""


def _is_caption(lines: list[Line]) -> bool:
    """The body is a caption (or photo news text): short, closed by a photo credit (…。本报记者任远摄,
    also wrapped: …任远 / 摄)."""
    return 0 < len(lines) <= CAPTION_LINES and photo_credit_end("".join(ln.flat for ln in lines[-2:]))


def _caption_break(a: Line, b: Line) -> bool:
    """Captions are set without indents: a line ending a sentence well short of the next line
    ends a paragraph even when the next line is full."""
    return ends_sentence(a.flat) and width(a.flat) <= width(b.flat) - WIDE_SHORT_EMS


FULL_PAIR_EMS = 1.0
"""Plain dumps: a line next to a full line (within this many ems of ``W``) and within half of this
of that line's width is a full line too, however narrow it may print (a first line is two ems
narrower than the full line after it)."""


def _full_line_at(lines: list[Line], k: int, w: float) -> bool:
    """Line ``k`` is as wide as a full line next to it (:func:`_as_wide_as_next`)."""
    return _as_wide_as_next(lines[k], lines[k - 1], w) or (k + 1 < len(lines) and _as_wide_as_next(lines[k], lines[k + 1], w))


def _as_wide_as_next(b: Line, c: Line, w: float) -> bool:
    """Plain dumps (no indents): ``b`` is set as wide as the full line ``c`` after (or before) it,
    so it is no paragraph's first line, although its compressible punctuation would let it print
    two ems short (…举行。 / 活动邀请中央、省、市21家媒体记者走进市中区， / 宣传推广…)."""
    if not w or _ASCII_ALNUM.search(b.flat) or _ASCII_ALNUM.search(c.flat):
        return False  # digits and Latin letters print narrower or wider than half an em
    wc = width(c.flat)
    return wc >= w - FULL_PAIR_EMS and width(b.flat) >= wc - FULL_PAIR_EMS / 2


def _short_line_break(a: Line, b: Line, lines: list[Line]) -> bool:
    """PDFs: text set without indents (a caption) breaks after a line that ends a sentence
    well short of the right edge of the lines starting where the next line starts."""
    if a.bbox is None or b.bbox is None or not a.font_size or not ends_sentence(a.text.value):
        return False
    em = a.font_size
    if b.bbox[0] > a.bbox[0] + 0.5 * em or (b.indent or 0) >= INDENT_MIN_EMS:
        return False
    right = max(ln.bbox[2] for ln in lines if ln.bbox is not None and abs(ln.bbox[0] - b.bbox[0]) <= 0.5 * em)
    return a.bbox[2] <= right - SHORT_LINE_EMS * em + 1e-6


WIDE_BLOCK_EMS = 2.5
"""A line this much wider than ``W`` belongs to a block set across columns (a caption)."""
WIDE_SHORT_EMS = 2.5
"""... where a line ending a sentence this much narrower than the next line ends a paragraph."""


def _wide_block_break(a: Line, b: Line, w: float) -> bool:
    """Text set across columns (a caption, a photo news item) has no indents and a width of its
    own: a line that ends a sentence well short of the next, wide, line ends its paragraph
    (1月29日，…就餐。 / 近年来，山东省…)."""
    if not w or a.bbox is not None and a.font_size or not ends_sentence(a.text.value):
        return False
    wb = width(b.flat)
    return wb > w + WIDE_BLOCK_EMS and width(a.flat) <= wb - WIDE_SHORT_EMS


def _break_between(a: Line, b: Line, w: float, has_indent: bool) -> bool:
    if not ends_sentence(a.text.value):
        return False
    if own_line_byline(b.text.value) and not (has_indent and b.indent is not None and b.indent >= INDENT_MIN_EMS):
        return False  # a credit on a line of its own closing the text (记者X文/图) ends its last paragraph
    return can_start(b, w, has_indent)
