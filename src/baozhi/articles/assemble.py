"""Article assembly: a reading-order stream of lines → header, articles.

Stages (each a plain function):

1. :func:`classify_lines` marks each line ``furniture``, ``headline``, ``jump``,
   ``byline`` (own-line credit) or ``body``;
2. :func:`segment` cuts the stream into units: headline groups and bodies, a
   body ending where a new article starts (an inline byline such as
   本报讯（…）, an own-line credit, a headline group);
3. :func:`attach_headlines` gives each headline group to the body it belongs
   to, *whether printed before or after it*, from the words they share;
4. :func:`build_article` splits a body into paragraphs, byline and dateline.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..layout.chars import despace, is_cjk, latin_space, unify_compat
from ..layout.joins import WORD_JOIN, join_score
from ..model import Article, HeadlineLine, Line
from ..text import Text
from . import cues
from .paragraphs import clean, split_paragraphs

HEADLINE_SHORT_EMS = 2.5
"""A line at least this much shorter than ``W`` cannot be a full indented first line (``W - 2``)."""
HEADLINE_WIDE_EMS = 2.5
"""A line this much wider than ``W`` cannot be a body line of the column."""
HEADLINE_REL_SIZE = 1.1
"""PDFs: a line set at least this much larger than the page's body font is a headline line
(kickers and subtitles run ~1.15-1.3 × body, titles 1.5-4 ×)."""
SUBHEAD_REL_SIZE = 1.03
"""PDFs: a kicker or subtitle may be set just above the body size (1.05 ×); next to a headline
line, with no sentence in it, it is part of the headline (as in ``layout.geometry``)."""
SUBHEAD_MAX_CHARS = 24
"""A subtitle told apart from the body only by its typeface is at most this long and has no comma."""
HEADER_SHORT_EMS = 8
"""Short lines among the furniture at the top of a page (masthead, section) are header."""


@dataclass
class Unit:
    kind: str  # "headline" | "body"
    lines: list[Line] = field(default_factory=list)
    byline_line: Line | None = None  # own-line credit above the body
    headlines: list[list[Line]] = field(default_factory=list)
    jumps: list[Line] = field(default_factory=list)
    inner: list["Unit"] = field(default_factory=list)  # headline units printed inside this body
    stream: int = 0  # the reading-order stream (page module) the unit was read from
    labelled: bool = False  # a headline group followed by a section label (简讯): the text after heads no title


def _raw(line: Line) -> str:
    return line.text.value


def _sized(line: Line) -> bool:
    """The line's font size is measured (a PDF), not estimated from a ``-layout`` character grid
    (where a body-sized estimate misses headlines set in a size close to the body's)."""
    return line.rel_size is not None and line.font_size is not None


def _closes(flat: str) -> bool:
    """The line ends a text: a sentence end, or a photo credit run in after it (…运行。毛如瑞摄)
    or wrapped onto a line of its own (毛如瑞摄), after which a new text (a headline, the next
    caption) may start."""
    return cues.ends_sentence(flat) or cues.photo_credit_end(flat) or cues.bare_photo_credit(flat) or cues.bracket_credit(flat) \
        or (flat[-1:] in ("）", ")") and bool(_CLOSING_NAMES.search(flat)))


def _closes_at(lines: list[Line], i: int) -> bool:
    """:func:`_closes` for line ``i``, also when a closing credit in brackets began on the line
    before (…（记者卢碧云 / 通讯员范艳）)."""
    f = lines[i].flat
    if _closes(f):
        return True
    return i > 0 and f[-1:] in "）)" and cues.ends_sentence(lines[i - 1].flat + f)


def phrase_gap(raw: str) -> bool:
    """A space between two runs of two or more ideographs (``…常务会议 常晓勇主持``).

    Body lines of a dump have no such gaps (padded names leave a one-ideograph
    run, justified lines put spaces around digits); headline lines set phrases
    apart with them.
    """
    v = raw.strip()
    for i, ch in enumerate(v):
        if ch == " " and 0 < i < len(v) - 1 and is_cjk(v[i - 1]) and _run_len(v, i - 1, -1) >= 2:
            j = i
            while j < len(v) and v[j] == " ":
                j += 1
            if j < len(v) and is_cjk(v[j]) and _run_len(v, j, 1) >= 2:
                return True
    return False


def is_headline_line(line: Line, w: float, after_boundary: bool, has_geometry: bool = False,
                     after_headline: bool = False, next_line: Line | None = None,
                     prev_line: Line | None = None) -> bool:
    """Does ``line`` look like a headline line?

    ``after_boundary``: the previous line ended a paragraph, was a headline or
    header line, or the stream starts here. ``after_headline``: the previous
    line is a headline line. ``next_line``: the line after it, whose shape
    tells a headline (followed by a fresh start) from a paragraph's first line
    (followed by its continuation).
    """
    raw = _raw(line).strip()
    flat = line.flat
    if line.rel_size is not None and not _sized(line) and line.rel_size < HEADLINE_REL_SIZE and flat \
            and not cues.opens_article(flat) and not cues.has_sentence_punct(flat) and "，" not in flat \
            and _grid_headline(raw):
        return True  # -layout: a larger font the size estimate missed shows in the character grid
    if line.rel_size is not None and not _sized(line) and flat.count("，") >= 2:
        return False  # -layout: a size estimated from the grid does not make running text a headline
    if line.rel_size is not None:
        # PDF: font size decides (set by layout.geometry: size / the page's body size);
        # body-sized lines are body text or captions even when letter-spaced by justification
        return bool(flat) and line.rel_size >= HEADLINE_REL_SIZE and not cues.opens_article(flat)
    if cues.has_sentence_punct(flat[:-1]):
        return False  # running text (every rule below rejects a sentence end inside the line)
    if _spaced_digits(raw) and not cues.has_sentence_punct(flat) and "，" not in flat and not cues.opens_article(flat):
        return True  # a headline face: only its narrow digits leave gaps (全年实施重点项目 52 个)
    if not flat or cues.opens_article(flat) or cues.dateline(flat) or cues.bare_photo_credit(flat) or cues.bracket_credit(flat):
        return False
    wid = cues.width(flat)
    if cues.letter_spaced(raw) and not cues.has_sentence_punct(flat[:-1]) and "，" not in flat[:-1] \
            and not (any(c.isdigit() for c in flat) and next_line is not None
                     and not _fresh_start(next_line, w, has_geometry)):
        # justified body lines with digit runs come out letter-spaced too: only a
        # line that starts something new, or is too wide for the column, is a headline
        if after_boundary or (w and wid > w + HEADLINE_WIDE_EMS):
            return True
    if line.span_cols > 1:
        return not cues.has_sentence_punct(flat[:-1])
    if w and wid > w + HEADLINE_WIDE_EMS and not has_geometry and not cues.has_sentence_punct(flat[:-1]) \
            and ("，" not in flat or wid < 2 * w) and not flat.endswith("。") \
            and (after_boundary or not cues.ends_sentence(flat)) and not _wide_continuation(line, prev_line) \
            and not _first_line_before(flat, next_line):
        return True
    if cues.ends_sentence(flat) or flat[-1] in "，、：；" or cues.has_sentence_punct(flat):
        return False
    if not after_boundary:
        # a headline may interrupt a body cut off mid-sentence (the dump jumped to another
        # module): only when the next line opens an article
        if next_line is None or wid > w - HEADLINE_SHORT_EMS or "，" in flat or "、" in flat:
            return False
        nf = next_line.flat
        # ... or when a short line that ends no sentence stands between a line cut mid-sentence
        # and its continuation (a subtitle the dump printed inside the body)
        if cues.opens_article(nf) or cues.dateline(nf) or cues.own_line_byline(next_line.text.value):
            return True
        return (prev_line is not None and not _fresh_start(next_line, w, has_geometry)
                and cues.min_width(prev_line.flat) > w - 2 + 0.5
                and join_score(prev_line.flat, nf) > join_score(flat, nf))
    if next_line is not None and not cues.has_sentence_punct(flat) and (
            cues.opens_article(next_line.flat) or cues.dateline(next_line.flat)) \
            and "，" not in flat and (not w or wid <= 3 * w):
        return True  # a line ending no sentence right above an article's lead is its headline
    if ("，" in flat[:-1] or "、" in flat[:-1]) and wid <= w + HEADLINE_WIDE_EMS:
        return False  # a comma inside a column-wide line: running text, not a headline
    if next_line is not None and _bracket_runs_on(flat, next_line.flat):
        return False  # …发布的《第三批全国 / 乡村治理…公告》，农业农村部… : the line runs on
    if has_geometry and line.indent is not None and line.indent >= 1.5 and wid <= w - 2 + 0.5 and wid > w - 2 - 1.0:
        return False
    if after_headline and w and wid <= w - SHORT_HEAD_EMS and not any(c in flat for c in "，、：；“”（）"):
        return True  # a short phrase under a headline line is its subtitle (the text after it may be an unindented caption)
    if not has_geometry and next_line is not None and phrase_gap(raw) \
            and abs(cues.width(next_line.flat) - wid) >= PHRASE_GAP_EMS and join_score(flat, next_line.flat) < WORD_JOIN:
        return True  # phrases set apart (联合消防演练 筑牢安全防火墙) above a text of another width
    if next_line is not None and not _fresh_start(next_line, w, has_geometry):
        return False
    if wid <= w - HEADLINE_SHORT_EMS:
        return True
    return after_headline and (phrase_gap(raw) or " " in raw) and wid <= w + HEADLINE_WIDE_EMS


PHRASE_GAP_EMS = 3.0
"""A line whose phrases a space sets apart is a headline line when the next line is this much
wider or narrower (a justified body line of the same column would be as wide as its neighbour)."""
_BRACKETS = (("《", "》"), ("“", "”"), ("（", "）"))


def _bracket_runs_on(flat: str, nf: str) -> bool:
    """``flat`` leaves a bracket or quote open that the next line closes, and the next line is
    running text (clause punctuation after the closing mark): one sentence over both lines."""
    for op, cl in _BRACKETS:
        if flat.count(op) > flat.count(cl) and cl in nf:
            rest = nf[nf.index(cl) + 1:]
            if any(c in rest for c in "，。；、"):
                return True
    return False


WIDE_RUN_EMS = 2.0
"""Two wide lines within this many ems of each other, the first ending mid-sentence, are lines
of one wide text block (a caption set across columns), not a headline under a text."""


FIRST_LINE_GAP = (1.0, 3.0)
"""A paragraph's first line is about two ems (its indent) narrower than the full line after it."""


def _first_line_before(flat: str, next_line: Line | None) -> bool:
    """``flat`` reads as the first line of a paragraph in a column wider than ``W`` (an article
    set wider than the page's usual column): the next line is running text (punctuated, no
    article's lead) about an indent wider."""
    if next_line is None:
        return False
    nf = next_line.flat
    d = cues.width(nf) - cues.width(flat)
    return FIRST_LINE_GAP[0] <= d <= FIRST_LINE_GAP[1] and any(c in nf for c in "，；。、") \
        and not cues.opens_article(nf) and not cues.dateline(nf)


def _wide_continuation(line: Line, prev_line: Line | None) -> bool:
    """``line`` goes on with the wide body line before it: that line ends mid-sentence and has
    the same width (a caption's full lines), so ``line`` is its next line."""
    if prev_line is None:
        return False
    pf = prev_line.flat
    return not _closes(pf) and pf[-1:] not in ("：", ":") \
        and abs(cues.width(pf) - cues.width(line.flat)) <= WIDE_RUN_EMS


_DIGIT_GAP_INSIDE = re.compile(r"[\u4e00-\u9fff] [0-9][0-9.%]* [\u4e00-\u9fff]|[\u4e00-\u9fff] [0-9][0-9.%]*$")
_DIGIT_GAP = re.compile(_DIGIT_GAP_INSIDE.pattern + r"|^[0-9][0-9.%]* [\u4e00-\u9fff]")
_CJK_GAP = re.compile(r"[\u4e00-\u9fff，。、：；“”] [\u4e00-\u9fff，。、：；“”]")


def _spaced_digits(raw: str, gap: re.Pattern[str] = _DIGIT_GAP_INSIDE) -> bool:
    """A plain dump's line whose digit runs alone are set off by single spaces after an
    ideograph (计划总投资 134.12 亿元, 我市 1 镇 3 村上榜): ``pdftotext`` prints the gaps a larger
    headline face leaves around its narrow digits; body lines with digits are unspaced or
    letter-spaced throughout (justified). ``gap``: the digit gaps that count."""
    v = raw.strip()
    return " " in v and bool(gap.search(v)) and not _CJK_GAP.search(v)  # (every gap holds a space)


def _grid_headline(raw: str) -> bool:
    """A ``-layout`` line whose spacing shows a font larger than the body's: digit runs set off
    by single spaces between unspaced ideographs (镇原县 14 个重点项目集中开工: a wide glyph
    covers more than one cell, a narrow digit leaves a gap), also a digit run opening the line:
    :func:`_spaced_digits` on the grid."""
    return _spaced_digits(raw, _DIGIT_GAP)


def _fresh_start(line: Line, w: float, has_geometry: bool) -> bool:
    """Can ``line`` begin something new (a paragraph, byline, headline)? A full-width
    unindented line is a continuation, so the line before it was not a headline."""
    flat = line.flat
    raw = _raw(line)
    if cues.opens_article(flat) or cues.letter_spaced(raw) or cues.own_line_byline(raw) or cues.is_furniture(flat):
        return True
    if has_geometry and line.indent is not None:
        return line.indent >= 1.5 or line.span_cols > 1
    return not w or cues.min_width(flat) <= w - 2 + 0.5 or cues.width(flat) > w + HEADLINE_WIDE_EMS


def classify_lines(lines: list[Line], w: float, top_of_page: bool = True, has_geometry: bool = False,
                   gaps_mean_blocks: bool = False) -> list[str]:
    """One label per line: furniture | headline | jump | byline | body.

    ``gaps_mean_blocks``: a blank line before a line is a block boundary (the
    dump does not put one after every line).
    """
    labels = ["body"] * len(lines)
    # furniture anywhere; short lines interleaved with furniture at the top of the page
    i = 0
    if top_of_page:
        furn_seen = False
        while i < len(lines) and i < 12:
            f = lines[i].flat
            if cues.is_furniture(f) or cues.is_section_label(f):
                labels[i] = "furniture"
                furn_seen = True
            elif len(f) == 1 and is_cjk(f) and not has_geometry:
                pass  # one large-type character of the first title, printed among the header lines
            elif cues.width(f) <= HEADER_SHORT_EMS and not cues.has_sentence_punct(f) and not cues.opens_article(f) \
                    and _furniture_follows(lines, i):
                labels[i] = "furniture"
            else:
                break
            i += 1
        if not furn_seen:
            labels[:i] = ["body"] * i
            i = 0
    for k in range(len(lines)):
        f = lines[k].flat
        if labels[k] == "body" and (cues.is_furniture(f) or cues.is_section_label(f)
                                    or (_MASTHEAD.match(f) and ((k == 0 and top_of_page) or _furniture_near(lines, k)))):
            labels[k] = "furniture"
        elif cues.is_jump(f):
            labels[k] = "jump"
        elif (cues.own_line_byline(lines[k].text.value) or cues.credit_head(lines[k].text.value)) \
                and not cues.opens_article(f):
            labels[k] = "byline"
        elif (k + 1 < len(lines) and labels[k] == "body" and len(f) <= 8 and len(lines[k + 1].flat) <= 8
              and cues.own_line_byline(f + lines[k + 1].flat) and not cues.opens_article(f)
              and not (k > 0 and lines[k - 1].flat.endswith(("/", "／")))):  # (…宋婷/ / 摄: the credit above ends)
            labels[k] = labels[k + 1] = "byline"  # a credit broken at its padded name (本报记者方 / 宇文/图)
    in_credit = _credit_continuations(lines, labels)
    boundary = True
    for k in range(len(lines)):
        if labels[k] != "body":
            boundary = labels[k] in ("furniture", "headline", "byline", "jump") or boundary
            continue
        if k in in_credit:
            boundary = False
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        after_h = k > 0 and labels[k - 1] == "headline"
        if gaps_mean_blocks and lines[k].gap_before:
            boundary = True
        f = lines[k].flat
        if len(f) == 1 and is_cjk(f) and (w == 0 or w >= 4) and (lines[k].rel_size is None
                                                                or lines[k].rel_size >= HEADLINE_REL_SIZE) \
                and not (cues.CREDIT_END.search(f) and k > 0 and labels[k - 1] == "body"):  # a credit's 摄 wrapped
            # one ideograph on a line: a vertically set headline (竖排标题); in a PDF only when
            # set in a headline size (a caption's last character, 摄, wraps onto a line alone)
            labels[k] = "headline"
            boundary = True
            continue
        prv = lines[k - 1] if k > 0 and labels[k - 1] == "body" else None
        if is_headline_line(lines[k], w, boundary, has_geometry, after_h, nxt, prv):
            labels[k] = "headline"
            boundary = True
        else:
            boundary = _closes(lines[k].flat)
    # PDF: a kicker or subtitle set just above the body size, or in another typeface, next to
    # a headline line joins it
    faces = Counter(ln.font for ln, lab in zip(lines, labels) if lab == "body" and ln.font for _ in ln.text.value)
    face = faces.most_common(1)[0][0] if faces else None
    changed = True
    while changed:
        changed = False
        for k, ln in enumerate(lines):
            if labels[k] == "body" and ln.rel_size is not None \
                    and (ln.rel_size >= SUBHEAD_REL_SIZE or (face is not None and ln.font not in (None, face)
                                                             and _subhead_like(ln.flat))
                         or _plain_subtitle(ln, lines, labels, k, w)) \
                    and ((k > 0 and labels[k - 1] == "headline") or (k + 1 < len(lines) and labels[k + 1] == "headline")) \
                    and not cues.has_sentence_punct(ln.flat) and not cues.inline_byline(ln.flat) \
                    and not (k + 1 < len(lines) and cues.inline_byline(ln.flat + lines[k + 1].flat)
                             and not cues.inline_byline(lines[k + 1].flat)):  # a byline's lead line
                labels[k] = "headline"
                changed = True
    # a run of short unpunctuated lines between the end of a text and an article's lead (a
    # byline or a dateline) is that article's headline group (kicker and title, title and subtitle)
    for k in range(1, len(lines)):
        if labels[k] != "body" or _sized(lines[k]):
            continue
        f = lines[k].flat
        if not (cues.opens_article(f) or cues.dateline(f)) or labels[k - 1] != "body":
            continue
        i = _run_start(lines, labels, k - 1, w, in_credit)
        if i < k - 1 and (i < 0 or labels[i] != "body" or _closes_at(lines, i)):
            for j in range(i + 1, k):
                labels[j] = "headline"
    # short unpunctuated lines just before a headline line join it (kickers above a title, a
    # title broken over lines above its subtitle) when a text ended before them
    for k in range(len(lines) - 2, -1, -1):
        if labels[k] != "body" or labels[k + 1] != "headline" or _sized(lines[k]):
            continue  # (PDF: font size already decided)
        i = _run_start(lines, labels, k, w, in_credit)
        if i < k and (i < 0 or labels[i] != "body" or _closes_at(lines, i)) \
                and not (gaps_mean_blocks and _ends_body_block(lines, labels, i, k)):
            for j in range(i + 1, k + 1):
                labels[j] = "headline"
    return labels


def _ends_body_block(lines: list[Line], labels: list[str], i: int, k: int) -> bool:
    """In a dump whose blank lines mark blocks: the run ``i + 1 .. k`` (body lines above the
    headline line ``k + 1``) has no blank line before it and follows body line ``i``, while a
    blank line parts it from the headline. It is the last line(s) of that body block (a new
    paragraph's first line whose column goes on elsewhere: ``…良好环境。`` / ``签约项目代表纷纷表``,
    then a blank line and another article's title), not a kicker of the title below."""
    return (i >= 0 and labels[i] == "body" and not lines[i + 1].gap_before and lines[k + 1].gap_before
            and not any(lines[j].gap_before for j in range(i + 2, k + 1)))


KICKER_MAX_LINES = 3
"""At most this many unmarked lines above a lead or a headline line are taken into its group ..."""
SIDE_HEAD_MAX_LINES = 8
"""... or this many when all are short (a headline set beside its body, broken into short lines)."""
SHORT_HEAD_EMS = 4.5
"""A line at least this much narrower than ``W`` is no running line of a column (those are full,
a paragraph's first line ``W - 2``, its last line ends a sentence): it may end in a comma and
still be part of a headline group."""


def _run_start(lines: list[Line], labels: list[str], k: int, w: float, in_credit: set[int]) -> int:
    """Walk up from line ``k`` over body lines that may belong to a headline group; return the
    index of the line above the run (``k`` when there is no run, -1 at the stream start)."""
    i = k
    short = True
    commas = 0
    while i >= 0 and labels[i] == "body" and i not in in_credit and not _sized(lines[i]) \
            and _kicker_like(lines[i], w) and not _closes_at(lines, i):
        f = lines[i].flat
        short = short and bool(w) and cues.width(f) <= w - SHORT_HEAD_EMS
        commas += "，" in f
        n = k - i + 1
        if n > (SIDE_HEAD_MAX_LINES if short else KICKER_MAX_LINES) or (commas and n > 1 and not short):
            break
        i -= 1
    return i


CUT_FIRST_LINE_EMS = (3.0, 0.5)
"""A line with a comma inside, from ``W - 3`` up to ``W - 0.5`` ems wide, is a paragraph's
first line (``W - 2``) whose column goes on elsewhere, not a headline line (a title with a
comma is short, or as wide as a column line or wider)."""


def _kicker_like(line: Line, w: float) -> bool:
    """A line that may be part of a headline group: no sentence punctuation, not an article's
    lead (byline, dateline) or a credit, not far wider than the column, and not ending in a
    comma or colon unless it is short (:data:`SHORT_HEAD_EMS`; 、 may end a headline line)."""
    f = line.flat
    if not f or cues.has_sentence_punct(f) or cues.opens_article(f) or cues.dateline(f) or cues.bare_photo_credit(f) \
            or cues.bracket_credit(f):
        return False
    wid = cues.width(f)
    if f[-1] in "，：；" and not (w and wid <= w - SHORT_HEAD_EMS and f[-1] != "；"):
        return False
    if w and "，" in f[:-1] and w - CUT_FIRST_LINE_EMS[0] <= wid < w - CUT_FIRST_LINE_EMS[1]:
        return False  # a comma inside a line of a paragraph first line's width: text cut off
    if "，" in f[:-1] and cues.letter_spaced(line.text.value):
        return False  # a justified body line (letter-spaced around its digits), comma and all
    return w == 0 or wid <= w + HEADLINE_WIDE_EMS + 10


_CLOSING_NAMES = re.compile(r"[。！？”][（(][\u4e00-\u9fff·、\s]{2,16}[）)]$")
"""A sentence end followed by names in brackets (…6200万元。（贺勇谭娅）): the text is closed."""


CREDIT_MAX_LINES = 6
"""An inline credit cut at a line end closes within this many lines (its names, then ）)."""


def _credit_continuations(lines: list[Line], labels: list[str]) -> set[int]:
    """Lines that finish an inline credit cut at a line end (本报讯（全媒体记者 / 郑 / 磊）1月…):
    they are body text however short (PyMuPDF puts each padded name on its own line)."""
    out: set[int] = set()
    for k, ln in enumerate(lines):
        if labels[k] != "body" or not cues.opens_article(ln.flat) or cues.inline_byline(ln.flat):
            continue
        for j in range(k + 1, min(len(lines), k + 1 + CREDIT_MAX_LINES)):
            if labels[j] != "body":
                break
            out.add(j)
            if any(c in lines[j].flat for c in "）)") or "报道" in lines[j].flat:
                break  # (the bracketless form ends in 报道: 本报讯记者蔡 / 南报道为…)
    return out


def _subhead_like(flat: str) -> bool:
    """Short, and no comma: a subtitle set in another typeface, not a caption's first line."""
    return len(flat) <= SUBHEAD_MAX_CHARS and "，" not in flat


def _plain_subtitle(ln: Line, lines: list[Line], labels: list[str], k: int, w: float) -> bool:
    """PDF: a subtitle set like the body, right under a headline line: not indented (so not a
    paragraph's first line), short, no comma, and the body after it is set apart by more than
    the leading (a continuation line would follow a body line, not a headline)."""
    if k == 0 or labels[k - 1] != "headline" or ln.bbox is None or lines[k - 1].bbox is None:
        return False
    flat = ln.flat
    if not _subhead_like(flat) or (ln.indent or 0) >= 1.5 or (w and cues.width(flat) > w - 2) \
            or cues.own_line_byline(ln.text.value):
        return False
    h = ln.bbox[3] - ln.bbox[1]
    if ln.bbox[1] - lines[k - 1].bbox[3] > 0.8 * h:
        return False  # not right under the headline (a photo between: a caption)
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return nxt is None or nxt.bbox is None or nxt.bbox[1] - ln.bbox[3] > 0.6 * h


_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|晨报|时报|商报|都市报|周报|日報|晚報)$")
"""A newspaper's name (江城日报, 云台晚报): furniture as the page's first line (the first article's
headline characters may follow it before the date) or when printed beside other furniture, wherever
the dump puts the page's header block (PyMuPDF prints it in drawing order)."""


def _furniture_near(lines: list[Line], i: int) -> bool:
    """A furniture line (date, 第N版, editor, section) stands within two lines of line ``i``."""
    return any(cues.is_furniture(lines[j].flat) or cues.is_section_label(lines[j].flat)
               for j in range(max(0, i - 2), min(len(lines), i + 3)) if j != i)


def _furniture_follows(lines: list[Line], i: int) -> bool:
    """A furniture line (date, 第N版, editor) follows within three lines: the masthead or
    section name printed among them is furniture too."""
    return any(cues.is_furniture(lines[j].flat) for j in range(i + 1, min(len(lines), i + 4)))


def _single_char(line: Line) -> bool:
    f = line.flat
    return len(f) == 1 and is_cjk(f)


def _word_pairs(chars: list[str]) -> int:
    """How many neighbouring characters form a word (jieba's word list)."""
    return sum(1 for a, b in zip(chars, chars[1:]) if join_score(a, b) > 0)


def vertical_headlines(lines: list[Line]) -> list[Line]:
    """Join a run of one-ideograph lines (a vertically set headline, 竖排标题) into one line.

    Two vertical headline lines printed side by side come out of a dump one
    character from each in turn (``筑联牢合…`` for 联合消防演练 / 筑牢安全防火墙):
    when splitting the run into alternate characters makes more words than
    reading it straight, it becomes two lines, the right-hand column (read
    first in vertical setting, printed second on each dump row) first.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not _single_char(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and _single_char(lines[j]):
            j += 1
        run = lines[i:j]
        chars = [ln.flat for ln in run]
        if len(run) >= 4:
            right, left = run[1::2], run[0::2]
            straight = _word_pairs(chars)
            split = _word_pairs([ln.flat for ln in right]) + _word_pairs([ln.flat for ln in left])
            groups = [right, left] if split > straight else [run]
        else:
            groups = [run]
        for g in groups:
            out.append(Line(Text.join(ln.text.strip() for ln in g), indent=g[0].indent, row=g[0].row,
                            column=g[0].column, label="headline"))
        i = j
    return out


VERTICAL_STUB_CHARS = 3
"""Two headline lines of ideographs only, one of them this short and neither longer than
:data:`VERTICAL_PIECE_CHARS`, may be the pieces of one vertically set title."""
VERTICAL_PIECE_CHARS = 6


def _vertical_pieces(a: Line, b: Line) -> bool:
    """Headline lines ``a`` and ``b`` read as two pieces of one vertical title (校园 / 书声再起):
    ideographs only, one a stub of at most :data:`VERTICAL_STUB_CHARS`."""
    fa, fb = a.flat, b.flat
    return all(0 < len(f) <= VERTICAL_PIECE_CHARS and all(is_cjk(c) for c in f) for f in (fa, fb)) \
        and min(len(fa), len(fb)) <= VERTICAL_STUB_CHARS


def segment(lines: list[Line], labels: list[str], w: float = 0.0) -> tuple[list[Unit], list[Line]]:
    """Cut the labelled stream into headline and body units; return (units, furniture lines).

    ``w``: the column width in ems. With it, a body cut off mid-sentence by a
    headline group (a subtitle the dump printed inside the body) goes on after
    the group when the next line cannot open a paragraph (wider than a first
    line): one body unit, the group left in between for :func:`attach_headlines`.
    """
    lines, labels = _join_cut_credits(lines, labels)
    units: list[Unit] = []
    furniture: list[Line] = []
    pending_byline: Line | None = None
    closed = False
    cur: Unit | None = None  # the body unit running lines go to
    cut: Unit | None = None  # a body cut off mid-sentence by the headline group just read
    for k, (ln, lab) in enumerate(zip(lines, labels)):
        if lab == "byline" and _credit_closes_text(lines, labels, k):
            lab = "body"
        if lab == "furniture":
            furniture.append(ln)
            if cur is None and units and units[-1].kind == "headline" and cues.is_section_label(ln.flat):
                units[-1].labelled = True  # (the briefs under a section label have no titles)
            if cur is not None and cur.lines and cues.is_section_label(ln.flat) and _closes(cur.lines[-1].flat):
                cur = None  # a section label (简讯) after a finished text: what follows is another article
            continue
        if lab == "headline":
            if units and units[-1].kind == "headline" and (pending_byline is None or _vertical_pieces(units[-1].lines[-1], ln)):
                # (a credit printed between the characters of a vertical title: 校园书 /
                # 本报记者 方 / 声再起; the credit waits for the body)
                units[-1].lines.append(ln)
            else:
                cut = cur if (cur is not None and cur.lines and not cur.jumps
                              and not cues.ends_sentence(cur.lines[-1].flat)) else None
                units.append(Unit("headline", [ln]))
            cur = None
            continue
        if lab == "jump":
            if cur is not None:
                cur.jumps.append(ln)
            else:
                furniture.append(ln)
            continue
        if lab == "byline":
            if pending_byline is not None and k > 0 and labels[k - 1] == "byline":
                ln = Line(Text.join([pending_byline.text.strip(), ln.text.strip()], sep=" "), indent=pending_byline.indent)
            elif pending_byline is not None:
                units.append(Unit("body", [], byline_line=pending_byline))  # a credit no text followed: kept
            pending_byline = ln
            continue
        f = ln.flat
        # a photo credit wrapped onto a line of its own closes the text above it, even where the
        # reading-order stage saw a new block (a caption's last line is shorter than the block)
        credit_tail = (cur is not None and cur.lines and pending_byline is None and cues.bare_photo_credit(f)
                       and bool(CREDIT_AFTER_SENTENCE.search(cur.lines[-1].flat)) and not cues.opens_article(f))
        starts_article = pending_byline is not None or bool(cues.opens_article(f)) or (ln.opens and not credit_tail) \
            or closed
        if (not starts_article and cur is None and cut is not None and w and not cues.dateline(f)
                and (cues.min_width(f) > w - 2 + 0.5 or join_score(cut.lines[-1].flat, f) >= WORD_JOIN)):
            cur = cut  # the body goes on after the group that interrupted it
            cur.inner.append(units[-1])
        if pending_byline is not None and cues.opens_article(f) and PHOTO_CREDIT.search(pending_byline.flat):
            # a photo credit is no byline of an article opening with its own (本报讯（…）): it
            # closes the last text read before it (a caption whose credit the dump set apart)
            last = next((u for u in reversed(units) if u.kind == "body" and u.lines), None)
            if last is not None and _closes(last.lines[-1].flat):
                last.lines.append(pending_byline)
                pending_byline = None
        if starts_article or cur is None or cur.jumps:
            cur = Unit("body", [ln], byline_line=pending_byline)
            units.append(cur)
            pending_byline = None
        else:
            cur.lines.append(ln)
        cut = None
        # a photo credit run in after the last sentence closes a caption (…运行。毛如瑞摄)
        closed = cues.photo_credit_end(f) or credit_tail
        if closed and cur is not None and cur is units[-1] \
                and ln.rel_size is None and ln.row is None:  # geometry shows captions by their own blocks
            k = _caption_start(cur.lines, w)
            if k:
                units.append(Unit("body", cur.lines[k:]))
                cur.lines = cur.lines[:k]
                cur = units[-1]
    if pending_byline is not None:
        units.append(Unit("body", [], byline_line=pending_byline))
    for u in units:
        if u.kind == "headline" and len(u.lines) > 1:
            u.lines = vertical_headlines(u.lines)
    return units, furniture


_CREDIT_TAIL = re.compile(r"^[\u4e00-\u9fff]\s+(?:文\s*[/／]\s*图|图\s*[/／]\s*文|摄影?)$")
"""The rest of a credit cut inside its padded name: the name's last ideograph, the padding, the
role (宇 文/图)."""


def _join_cut_credits(lines: list[Line], labels: list[str]) -> tuple[list[Line], list[str]]:
    """An own-line credit cut inside its padded name (本报记者 方, :func:`cues.credit_head`) whose
    rest the dump printed further down (宇 文/图): the first such rest after it that completes
    a credit is joined to it, one byline line in the head's place. Returns the lines and
    labels without the rest lines (the input when there is nothing to join)."""
    heads = [k for k, lab in enumerate(labels) if lab == "byline" and cues.credit_head(lines[k].text.value)]
    if not heads:
        return lines, labels
    joined: dict[int, Line] = {}
    used: set[int] = set()
    j = 0
    for k in heads:
        j = max(j, k + 1)
        while j < len(lines) and not (labels[j] not in ("furniture", "jump") and _CREDIT_TAIL.match(lines[j].text.value.strip())
                                      and cues.own_line_byline(lines[k].flat + lines[j].flat)):
            j += 1
        if j == len(lines):
            break
        head = lines[k]
        joined[k] = Line(Text.join([head.text.strip(), lines[j].text.strip()], sep=" "), indent=head.indent,
                         gap_before=head.gap_before, label="byline")
        used.add(j)
        j += 1
    if not used:
        return lines, labels
    keep = [k for k in range(len(lines)) if k not in used]
    return [joined.get(k, lines[k]) for k in keep], [labels[k] for k in keep]


CAPTION_MAX_LINES = 16
"""A caption closed by a photo credit runs at most this many lines back (one or two paragraphs)."""
CAPTION_LEADS = ("连日来", "近日", "日前", "当天", "近年来")
"""Time words that open a caption the way a date does (12月12日，…)."""


def _wide(line: Line, w: float) -> bool:
    """The line runs wider than the column (a caption or photo news set across columns)."""
    return cues.width(line.flat) > w + HEADLINE_WIDE_EMS


def _caption_lead(flat: str) -> bool:
    """The line opens the way captions do: a date (12月12日，…) or a time word (连日来，…)."""
    return bool(cues.dateline(flat)) or flat.startswith(CAPTION_LEADS)


def _caption_start(lines: list[Line], w: float = 0.0) -> int:
    """Where a caption closed by a photo credit begins inside a body that holds other text
    before it: the last paragraph start (after a sentence end) within
    :data:`CAPTION_MAX_LINES` lines that opens the way captions do (a date: 12月12日，…;
    连日来，…); 0 when there is none (the whole body is the caption, or no evidence). With the
    column width ``w``: a paragraph start after a line wider than the column is no cut (the
    text before it is set across columns like the caption: one photo news item); the caption
    then starts with its block's first wide line, when a column-width sentence end precedes it."""
    lo = max(1, len(lines) - CAPTION_MAX_LINES)
    if lo == 1 and _caption_lead(lines[0].flat):
        return 0  # the whole unit opens as a caption does and fits one: a photo news item's paragraphs
    for k in range(len(lines) - 1, lo - 1, -1):
        f = lines[k].flat
        if cues.ends_sentence(lines[k - 1].flat) and _caption_lead(f):
            if w and _wide(lines[k], w):
                j = k  # the caption block starts with its first wide line
                while j > 0 and (_wide(lines[j - 1], w) or (j > 1 and _wide(lines[j - 2], w)
                                                             and not cues.ends_sentence(lines[j - 2].flat))):
                    j -= 1  # (a wide line's paragraph may end in a short line)
                if j < k:
                    return j if j > 0 and cues.ends_sentence(lines[j - 1].flat) else 0
            return k
    return 0


def _credit_closes_text(lines: list[Line], labels: list[str], k: int) -> bool:
    """An own-line credit with no body after it (end of stream, a headline or furniture
    follows) closes the text above it (记者X 文/图, 本报记者X摄 under a caption): per the
    truth conventions it stays in the last paragraph and is no byline."""
    j = k + 1
    while j < len(labels) and labels[j] == "byline":
        j += 1  # a credit broken over two lines
    i = k - 1
    while i >= 0 and labels[i] == "byline":
        i -= 1
    nxt = labels[j] if j < len(labels) else None
    credit = "".join(lines[x].flat for x in range(i + 1, j))
    if nxt != "body":
        while i >= 0 and labels[i] == "furniture":
            i -= 1  # page furniture the dump printed between a text and its credit (…。本报 / 第6版 / 记者任远摄)
        if nxt == "headline" and heads_body(credit):
            return False  # 本报记者 X 文/图 printed above the next article's headline
        return i >= 0 and labels[i] == "body"
    if i < 0 or labels[i] != "body":
        return False
    prev = lines[i].flat
    # a text's last line ending in the start of a credit that this line finishes
    # (…的能力。本报 / 记者任远摄): the credit was run in after the sentence
    m = CREDIT_AFTER_SENTENCE.search(prev)
    if m and not cues.ends_sentence(prev) and m.end() - m.start() > 1 \
            and cues.own_line_byline(prev[m.start() + 1:] + credit):
        return True
    # a photo credit right under a text that ends a sentence is that text's last line (a
    # caption's credit wrapped onto a line of its own), and so is a picture-and-text credit
    # not naming the paper (记者X文/图: 本报记者X文/图 heads its article), and any credit right
    # above an article that opens with its own inline byline (本报讯（…）): an article has one
    # credit; a byline above a body follows a headline
    return j == k + 1 and i == k - 1 and cues.ends_sentence(prev) \
        and (bool(PHOTO_CREDIT.search(credit)) or cues.opens_article(lines[j].flat)
             or (bool(cues.CREDIT_END.search(credit)) and not heads_body(credit)))


_OUTLET_CREDIT = re.compile(r"^(?:本报|本刊|本台)")


def heads_body(credit: str) -> bool:
    """A de-spaced own-line credit naming the paper's own staff that credits a text, not a
    photo (本报记者方宇文/图, 本报记者方宇): printed above its article, under or over the
    headline, so a headline after it is that article's, not the end of the text above."""
    credit = cues.DECORATION.sub("", credit)  # (■本报记者 X: the mark is no credit text)
    return bool(_OUTLET_CREDIT.match(credit)) and not PHOTO_CREDIT.search(credit)


PHOTO_CREDIT = re.compile(r"(?:摄影?|攝影?)$")
"""An own-line credit ending so credits a photo (本报记者姚仕安摄), not a text (文/图)."""
CREDIT_AFTER_SENTENCE = re.compile(r"[。！？”）][^。！？”，、]{0,8}$")
"""A line ending a sentence, or a sentence and the start of a credit (…参与者。记者常 / 春霖文/图)."""


_NOT_GRAM = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")


@lru_cache(maxsize=256)
def bigrams(s: str) -> frozenset[str]:
    """The pairs of adjacent characters of ``s`` with punctuation and spaces removed (ideographs,
    digits, Latin letters): the words a headline shares with its body. Cached: the assembly and
    placement stages ask for the same headline and body texts several times per page."""
    s = _NOT_GRAM.sub("", s)
    return frozenset([s[i:i + 2] for i in range(len(s) - 1)])


def share(hb: frozenset[str] | set[str], bb: frozenset[str] | set[str]) -> float:
    """Share of the bigrams ``hb`` that are also in ``bb`` (0.0 for none)."""
    return len(hb & bb) / len(hb) if hb else 0.0


ADJACENT_BONUS = 0.25
"""Bonus for a body printed right after (or, less, right before) a headline group."""
MIN_OVERLAP = 0.2
"""A headline group far from a body needs this share of its bigrams in the body."""
SPLIT_BLOCK_CHARS = 8
"""A headline block this long can tell by its words which body it heads (shorter ones,
like 常晓勇出席, share too few words to split a group)."""
SPLIT_MARGIN = 0.3
"""... and shares this much more of its bigrams with the other body than with the current one."""
SECOND_GROUP_OVERLAP = 0.5
"""A second headline group joins a body already headed only when half its bigrams are in it."""
ALONE_MIN_GRAMS = 4
"""A headline group this many bigrams long can tell by its words that it heads another body."""
HEADLINE_WINDOW = 120
"""Bodies farther than this many units from a headline group are not candidates."""


def _side_by_side(lines: list[Line]) -> list[list[Line]]:
    """``-layout`` headline lines in clusters that share no horizontal extent: headlines of
    modules set side by side, printed row by row in one group. Each cluster keeps its lines
    top to bottom; the cluster of the first line comes first. One cluster when the lines
    overlap (a headline's lines are stacked) or have no grid rows."""
    if any(ln.row is None or ln.bbox is None for ln in lines):
        return [lines]
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, a in enumerate(lines):
        for j in range(i):
            b = lines[j]
            if a.bbox[0] < b.bbox[2] and b.bbox[0] < a.bbox[2]:  # type: ignore[index]
                parent[find(i)] = find(j)
    groups: dict[int, list[Line]] = {}
    for i, ln in enumerate(lines):
        groups.setdefault(find(i), []).append(ln)
    return list(groups.values())


APART_MIN_GRAMS = 3
"""A headline block needs this many bigrams to tell by exclusive words which body it heads."""


def _apart(pb: frozenset[str], ov: dict[int, float], near: list[int], bodies: dict[int, set[str]],
           nxt: int | None = None) -> bool:
    """Whether a headline block (its shares ``ov`` of bigrams in each nearby body ``near``) and the
    blocks printed before it in its group (bigrams ``pb``) head different bodies by exclusive
    words: each part's best body holds at least ``MIN_OVERLAP`` of its bigrams and twice the
    share the other part's best body holds, and neither part shares as much with the other's
    body. Two short titles stacked (``校园书声再起`` / ``“冻马”加鞭``, each under ``SPLIT_BLOCK_CHARS``
    characters and sharing under half its words with its body) whose words point apart."""
    if not near or len(pb) < APART_MIN_GRAMS:
        return False
    pov = {b: share(pb, bodies[b]) for b in near}
    b_old = max(near, key=lambda b: pov[b])
    if pov[b_old] < MIN_OVERLAP or sum(1 for b in near if pov[b] * 2 > pov[b_old]) > 1:
        return False
    b_new = max(near, key=lambda b: ov[b])
    if ov[b_new] == 0 and nxt is not None:
        # the block shares no word at all: it heads the body printed right after the group,
        # when the blocks before share words with another body and none with that one
        return len(pb) >= ALONE_MIN_GRAMS and nxt in pov and b_old != nxt and pov[nxt] == 0
    if ov[b_new] < MIN_OVERLAP or sum(1 for b in near if ov[b] * 2 > ov[b_new]) > 1:
        return False
    return b_old != b_new and ov[b_old] * 2 <= ov[b_new] and pov[b_new] * 2 <= pov[b_old]


def _split_mixed_groups(units: list[Unit], grams: dict[int, set[str]]) -> list[Unit]:
    """Split a headline group printed as several blocks (blank lines between; each line when
    the dump has no blank lines) where a block shares its words with another body than the
    block before it: the dump set the headlines of neighbouring articles one after another.

    ``grams``: the bigrams of each body unit, by ``id(unit)``. A split group keeps its first
    part in the original unit (bodies refer to the groups printed inside them).
    """
    bodies = {k: grams[id(u)] for k, u in enumerate(units) if u.kind == "body"}
    if not bodies:
        return units
    out: list[Unit] = []
    for ui, u in enumerate(units):
        out.append(u)
        if u.kind != "headline" or len(u.lines) < 2:
            continue
        side = _side_by_side(u.lines)
        if len(side) > 1:
            u.lines = side[0]
            out.extend(Unit("headline", p, stream=u.stream) for p in side[1:])
            continue
        gaps = any(ln.gap_before for ln in u.lines[1:])
        blocks: list[list[Line]] = []
        for ln in u.lines:
            # without blank lines (PyMuPDF prints every headline of a page in a row) each line
            # may start another article's headline
            if not blocks or ln.gap_before or not gaps:
                blocks.append([])
            blocks[-1].append(ln)
        parts: list[list[Line]] = [[]]
        cur_body: int | None = None
        near = [b for b in bodies if abs(b - ui) <= HEADLINE_WINDOW and units[b].stream == u.stream]
        for blk in blocks:
            htext = "".join(l.flat for l in blk)
            hb = bigrams(htext)
            ov = {b: share(hb, bodies[b]) for b in near}
            # (of bodies sharing as much, the nearest: a block whose words two texts print, 消防安全应急演练,
            # heads the one printed next to its group)
            best = max(near, key=lambda b: (ov[b], -abs(b - ui)), default=None)
            strong = best is not None and ov[best] >= SECOND_GROUP_OVERLAP and len(htext) >= SPLIT_BLOCK_CHARS
            nxt = ui + 1  # the body printed right after the group
            if strong:
                if parts[-1] and cur_body is not None and best != cur_body and ov[cur_body] < ov[best] - SPLIT_MARGIN:
                    parts.append([])
                elif parts[-1] and cur_body is None and best is not None:
                    # the blocks before share no word with the body this one heads, and have
                    # words enough to tell: another article's headline printed before it
                    pb = bigrams("".join(l.flat for l in parts[-1]))
                    here = share(pb, bodies[best])
                    there = max((share(pb, bodies[b]) for b in near if b != best), default=0.0)
                    if len(pb) >= APART_MIN_GRAMS and (here == 0 or (there >= MIN_OVERLAP and here < there / 2)):
                        parts.append([])
                cur_body = best
            elif parts[-1] and cur_body is not None and cur_body != nxt and nxt in ov and ov[nxt] > 0 \
                    and ov[cur_body] == 0:
                # a short last title shares words only with the body right after the group, the
                # lines before it another body's: it heads the body after it (井盖“张大口”)
                parts.append([])
                cur_body = nxt
            elif parts[-1] and cur_body is not None and best is not None and best != cur_body \
                    and ov[cur_body] < ov[best] / 2 and ov[best] >= MIN_OVERLAP and len(hb) >= ALONE_MIN_GRAMS:
                # a block sharing no word with the body the blocks before it head, but words
                # with another body: that body's headline printed after them
                parts.append([])
                cur_body = best
            elif parts[-1] and len(hb) >= APART_MIN_GRAMS \
                    and _apart(bigrams("".join(l.flat for l in parts[-1])), ov, near, bodies, nxt):
                # short titles of two articles stacked: the words of each point to another body
                # (校园书声再起 / “冻马”加鞭)
                parts.append([])
                cur_body = best if best is not None and ov[best] > 0 else nxt
            parts[-1].extend(blk)
        u.lines = parts[0]
        out.extend(Unit("headline", p, stream=u.stream) for p in parts[1:])
    return out


def attach_headlines(units: list[Unit]) -> list[Unit]:
    """Give each headline group to the body it belongs to.

    Dumps print headlines before their body, after it, or all together at the
    end of the page (PyMuPDF draw order). Every (group, body) pair is scored by
    the share of the group's character bigrams found in the body
    (:func:`share` of :func:`bigrams`), plus a bonus when they stand next to each other (more
    for the body after the group, the usual order); pairs are taken best
    first, one group per body. A group left over heads an article of its own
    (a photo headline, a headline whose body is elsewhere).

    ``units`` may come from several reading-order streams (``Unit.stream``, the
    modules of a ``-layout`` dump or a PDF): a group may head a body of another
    stream by shared words, but only units of one stream are neighbours.
    """
    body_grams = {id(u): bigrams("".join(l.flat for l in u.lines)) for u in units if u.kind == "body"}
    units = _split_mixed_groups(units, body_grams)
    bodies = [k for k, u in enumerate(units) if u.kind == "body"]
    groups = [k for k, u in enumerate(units) if u.kind == "headline"]
    grams = {k: body_grams[id(units[k])] for k in bodies}
    head_grams = {g: bigrams("".join(l.flat for l in units[g].lines)) for g in groups}  # (lines fixed until below)
    pos = {id(u): k for k, u in enumerate(units)}
    inner_of: dict[int, list[int]] = {}
    for b in bodies:
        for h in units[b].inner:
            inner_of.setdefault(pos[id(h)], []).append(b)
    pairs = []
    for g in groups:
        hb = head_grams[g]
        # (the bodies within HEADLINE_WINDOW units: linear work on huge inputs; a page has fewer)
        for b in bodies[bisect_left(bodies, g - HEADLINE_WINDOW):bisect_right(bodies, g + HEADLINE_WINDOW)]:
            ov = share(hb, grams[b])
            bonus = 0.0
            if units[b].stream != units[g].stream:
                pass  # neighbours across a stream boundary are not neighbours on the page
            elif g in inner_of:
                # printed inside a body: the units around it are that body's parts
                bonus = ADJACENT_BONUS * 0.8 if b in inner_of[g] else 0.0
            elif b == g + 1:
                bonus = 0.0 if units[g].labelled else ADJACENT_BONUS
            elif b == g - 1 or b in inner_of.get(g, ()):
                bonus = ADJACENT_BONUS * 0.8
            if ov >= MIN_OVERLAP or bonus:
                pairs.append((ov + bonus, -abs(b - g), g, b))
    # a group printed inside a body (a subtitle line the dump set between its column lines)
    # is matched after the others: the group printed right before that body is its title
    pairs.sort(key=lambda t: (t[2] not in inner_of, t), reverse=True)
    owner: dict[int, int] = {}
    taken: set[int] = set()
    for _s, _d, g, b in pairs:
        if g in owner or b in taken:
            continue
        owner[g] = b
        taken.add(b)
    # a second headline group next to (or printed inside) a body that shares its words is
    # more of that body's headline (a subtitle the dump printed apart from the title)
    for g in groups:
        if g in owner:
            continue
        hb = head_grams[g]
        near = [b for b in (g - 1, g + 1) if b in grams and units[b].stream == units[g].stream] + inner_of.get(g, [])
        best = max(near, key=lambda b: share(hb, grams[b]), default=None)
        if best is not None and best in taken and share(hb, grams[best]) >= SECOND_GROUP_OVERLAP:
            owner[g] = best
    # a group given to a body by adjacency alone (no word in common) whose words are in a body
    # no group heads is that body's headline (a title printed after another article's lines)
    for g in groups:
        if g not in owner:
            continue
        hb = head_grams[g]
        if len(hb) < APART_MIN_GRAMS or share(hb, grams[owner[g]]) > 0:
            continue
        free = [b for b in bodies[bisect_left(bodies, g - HEADLINE_WINDOW):bisect_right(bodies, g + HEADLINE_WINDOW)]
                if b not in taken]
        best = max(free, key=lambda b: (share(hb, grams[b]), -abs(b - g)), default=None)
        if best is not None and share(hb, grams[best]) >= MIN_OVERLAP:
            taken.discard(owner[g])
            owner[g] = best
            taken.add(best)
    # a group left over, or given to a body by adjacency alone (no word in common), that shares
    # its words with a body another group heads is more of that headline: a title set across two columns whose
    # halves the dump printed apart (探寻嘉州春天 / 共话乡村振兴)
    halves: set[int] = set()
    for g in groups:
        hb = head_grams[g]
        if len(hb) < APART_MIN_GRAMS or (g in owner and share(hb, grams[owner[g]]) > 0):
            continue
        cands = [b for b in taken if abs(b - g) <= HEADLINE_WINDOW and b != owner.get(g)]
        best = max(cands, key=lambda b: share(hb, grams[b]), default=None)
        if best is not None and share(hb, grams[best]) >= MIN_OVERLAP:
            owner[g] = best
            halves.add(best)
    moved = _wordless_titles(units, groups, owner, grams)
    merged = _cut_title_tails(units, groups, owner, grams)
    for g in groups:
        if g in owner and g not in merged:
            units[owner[g]].headlines.append(units[g].lines)
    for b, line in moved.items():
        units[b].headlines.append([line])
    for b in bodies:
        if units[b].headlines and b not in halves:  # (a title's halves keep the dump's order)
            units[b].headlines = _title_first(units[b].headlines, units[b].lines)
        if units[b].headlines:
            units[b].headlines = _attendance_last(units[b].headlines)
    out = []
    for k, u in enumerate(units):
        if u.kind == "body":
            out.append(u)
        elif k not in owner and k not in merged:
            nb = Unit("body", [])
            nb.headlines = [u.lines]
            out.append(nb)
    return out


_CLAUSE_MARKS = "，、：；,:;"
"""A headline line ending in one of these goes on in the next line (三江口村办小报， / 沟通了民意…)."""


def _body_beside(units: list[Unit], k: int, step: int) -> int | None:
    """The first body unit from unit ``k`` on in direction ``step`` (-1 before, +1 after) with only
    headline units of ``k``'s stream between; None when another stream's unit or the page's end
    comes first."""
    j = k + step
    while 0 <= j < len(units) and units[j].stream == units[k].stream:
        if units[j].kind == "body":
            return j
        j += step
    return None


def _wordless_titles(units: list[Unit], groups: list[int], owner: dict[int, int],
                     grams: dict[int, frozenset[str]]) -> dict[int, Line]:
    """Titles of headless bodies printed at the ends of another article's headline group (PyMuPDF
    draws the headlines of modules side by side together, then their bodies in the same order): the
    first or last line of a group whose other lines share words with the body it heads, itself
    sharing no word with any body (three bigrams or more: “冻马”加鞭 heads a text on a marathon),
    heads the body printed right before the group, or else right after the headed body, when no group
    heads that body; not a line after one ending in a clause mark (三江口村办小报， / 沟通了民意宣传了政策:
    one title broken after its comma), nor a first line ending in one (a kicker). Returns the moved lines by the body they head; the
    groups lose them (in place)."""
    taken = set(owner.values())
    bodies = [k for k, u in enumerate(units) if u.kind == "body"]
    moved: dict[int, Line] = {}
    for g in groups:
        lines = units[g].lines
        b = owner.get(g)
        if b is None or len(lines) < 2:
            continue
        near = bodies[bisect_left(bodies, g - HEADLINE_WINDOW):bisect_right(bodies, g + HEADLINE_WINDOW)]
        before = _body_beside(units, g, -1)
        after = b + 1 if b == _body_beside(units, g, 1) and b + 1 < len(units) and units[b + 1].kind == "body" \
            and units[b + 1].stream == units[b].stream else None
        free = [k for k in (before, after) if k is not None and k not in taken and k not in moved]
        if len(free) != 1:
            continue  # (no body, or two: which one the line heads is not known)
        target = free[0]
        for end, rest, seam in ((lines[0], lines[1:], lines[0]), (lines[-1], lines[:-1], lines[-2])):
            if (end is lines[0]) != (target == before):
                continue  # (the first line heads the body before, the last the body after)
            hb = bigrams(end.flat)
            if len(hb) < APART_MIN_GRAMS or seam.flat[-1:] in _CLAUSE_MARKS \
                    or share(bigrams("".join(l.flat for l in rest)), grams[b]) == 0 \
                    or any(share(hb, grams[k]) > 0 for k in near):
                continue
            moved[target] = end
            units[g].lines = rest
            break
    return moved


TAIL_MAX_CHARS = 6
"""A headline group this short that shares no word with its body may be the rest of a title line
cut by the dump (迎峰度 / 冬保供电)."""
TAIL_WINDOW = 4
"""... printed at most this many units from the line it continues."""


def _cut_title_tails(units: list[Unit], groups: list[int], owner: dict[int, int],
                     grams: dict[int, frozenset[str]]) -> set[int]:
    """Rest pieces of title lines the dump printed apart: a short group (``TAIL_MAX_CHARS``
    characters at most) left over or given to a body by adjacency alone (no bigram in common)
    continues the last line of a group within ``TAIL_WINDOW`` units of the same stream when the
    three characters across that break (two before it) are printed in the body the other group
    heads (``迎峰度`` / ``冬保供电``: 峰度冬, the body tells of “迎峰度冬”). The piece's lines are appended to that group's lines (in place)
    and its unit index is returned in the set (it heads nothing on its own)."""
    merged: set[int] = set()
    texts: dict[int, str] = {}
    for g in groups:
        h, n = _quote_head(units, groups, g, merged)
        if h is not None:
            units[h].lines = units[h].lines + units[g].lines[:n]
            if n == len(units[g].lines):
                merged.add(g)
                continue
            units[g].lines = units[g].lines[n:]  # (the lines after the closing piece: another title)
        flat = _NOT_GRAM.sub("", "".join(l.flat for l in units[g].lines))
        if not flat or len(flat) > TAIL_MAX_CHARS:
            continue
        hb = bigrams(flat)
        if g in owner and share(hb, grams[owner[g]]) > 0 and len(hb) >= APART_MIN_GRAMS:
            continue  # (one or two bigrams tell nothing: 参加 is in many texts)
        best = None
        # (groups are in unit order: only those within the window are looked at, linear time)
        for h in groups[bisect_left(groups, g - TAIL_WINDOW):bisect_right(groups, g + TAIL_WINDOW)]:
            if h == g or h in merged or h not in owner or abs(h - g) > TAIL_WINDOW \
                    or units[h].stream != units[g].stream or owner[h] == owner.get(g):
                continue
            last = _NOT_GRAM.sub("", units[h].lines[-1].flat)
            if ATTENDANCE.match(last + flat) and not ATTENDANCE.match(last) and len(last) >= 2 \
                    and (best is None or abs(h - g) < abs(best - g)):
                best = h  # (an attendance line cut inside its names: 詹华清苏 / 红梅参加)
                continue
            if len(last) >= 2 and last[-2:] + flat[0] in texts.setdefault(
                    owner[h], _NOT_GRAM.sub("", "".join(l.flat for l in units[owner[h]].lines))) and (best is None or abs(h - g) < abs(best - g)):
                best = h
        if best is not None:
            units[best].lines = units[best].lines + units[g].lines
            merged.add(g)
    return merged


def _unclosed(flat: str) -> set[int]:
    """The bracket pairs (indices into :data:`_BRACKETS`) that ``flat`` leaves open: its last opening
    mark comes after its last closing one."""
    return {i for i, (op, cl) in enumerate(_BRACKETS) if flat.rfind(op) > flat.rfind(cl)}


def _unopened(flat: str) -> set[int]:
    """The bracket pairs that ``flat`` closes before opening (a closing mark before any opening one):
    the rest of a line cut inside a quote (张大口”)."""
    return {i for i, (op, cl) in enumerate(_BRACKETS) if cl in flat and (op not in flat or flat.index(cl) < flat.index(op))}


def _quote_head(units: list[Unit], groups: list[int], g: int, merged: set[int]) -> tuple[int | None, int]:
    """The group whose title line group ``g`` finishes by its brackets, and how many of ``g``'s
    first lines finish it: those lines close a quote or bracket they do not open (``张大口”``) and
    the nearest group within :data:`TAIL_WINDOW` units of the same stream has a last line leaving
    that mark open (``井盖“``), printed before or after ``g`` (the dump printed a title cut inside its
    quoted phrase as two headline pieces; the lines after the closing one are another title).
    ``(None, 0)`` when there is none."""
    lines = units[g].lines
    text = ""
    for n, ln in enumerate(lines, 1):
        text += ln.flat
        shut = _unopened(text)
        if shut:
            break
    else:
        return None, 0
    best = None
    for h in groups[bisect_left(groups, g - TAIL_WINDOW):bisect_right(groups, g + TAIL_WINDOW)]:
        if h == g or h in merged or units[h].stream != units[g].stream:
            continue
        if _unclosed(units[h].lines[-1].flat) & shut and (best is None or abs(h - g) < abs(best - g)):
            best = h
    return best, n


LEAD_CHARS = 60
"""The lead an article's title is read against: its first characters (the first sentence or two)."""
TITLE_LEAD_SHARE = 0.5
"""A headline block later in the dump's order goes first when this share of its bigrams is in
the lead ..."""
TITLE_LEAD_MARGIN = 0.3
"""... and this much more than of the first block's."""


BLIND_LEAD_SHARE = 0.8
"""Where blank lines tell no blocks apart, a headline line goes first only when this share of its
bigrams is in the lead (the title 延长县重点项目集中开复工, the kicker 清苑社区) and it has
:data:`APART_MIN_GRAMS` bigrams of ideographs (not 4500 of 新增学位 / 4500 / 多个)."""


def _word_grams(s: str) -> int:
    """How many pairs of neighbouring characters of ``s`` are both ideographs."""
    return sum(1 for a, b in zip(s, s[1:]) if is_cjk(a) and is_cjk(b))


def _wrapped(a: Line, b: Line, body_text: str) -> bool:
    """Headline line ``b`` goes on with line ``a`` (one title wrapped: 城区5所新改扩 / 建学校如期开学)
    when the two characters across the break (扩建) are printed in the body text ``body_text``
    (ideographs, digits and letters only); used where blank lines cannot tell the blocks apart."""
    fa, fb = _NOT_GRAM.sub("", a.flat), _NOT_GRAM.sub("", b.flat)
    return bool(fa and fb) and fa[-1] + fb[0] in body_text


def _title_first(groups: list[list[Line]], body: list[Line]) -> list[list[Line]]:
    """An article's headline blocks printed out of order: the block whose words its lead repeats
    (the title, or a kicker naming its subject) goes first when the dump printed it after
    another block (a subtitle before the title it runs under). Blocks are the groups, split at
    blank lines when the dump does not print one before every line. Where a plain dump prints
    a blank line before every headline line, :func:`_line_first` tries its lines one by one.
    Returns the blocks in the new order (the input when nothing moves)."""
    lines = [ln for g in groups for ln in g]
    every = all(ln.gap_before for ln in lines)  # a blank line before every line: blanks say nothing
    if len(lines) < 2:
        return groups
    if len(groups) == 1 and (not any(ln.gap_before for ln in lines[1:]) or every):
        return _line_first(groups, body) if every else groups
    blocks: list[list[Line]] = []
    for g in groups:
        for k, ln in enumerate(g):
            if k == 0 or (ln.gap_before and not every):
                blocks.append([])
            blocks[-1].append(ln)
    lead = bigrams("".join(ln.flat for ln in body)[:LEAD_CHARS])
    sc = [share(bigrams("".join(ln.flat for ln in blk)), lead) for blk in blocks]
    best = max(range(len(blocks)), key=lambda i: (sc[i], -i))
    if best == 0 or sc[best] < TITLE_LEAD_SHARE or sc[best] < sc[0] + TITLE_LEAD_MARGIN:
        return _line_first(groups, body) if every else groups
    return [blocks[best]] + blocks[:best] + blocks[best + 1:]


def _plain(lines: list[Line]) -> bool:
    """The lines come from a plain dump: no grid rows (``-layout``), boxes or font sizes (PDF)."""
    return all(ln.row is None and ln.bbox is None and not ln.font_size for ln in lines)


def _line_first(groups: list[list[Line]], body: list[Line]) -> list[list[Line]]:
    """:func:`_title_first` for a plain dump (no grid rows, no font sizes) that prints a blank line
    before every headline line (``pdftotext`` sets each line of another size apart; seed-like
    dumps every line): each line is a block unless it goes on with the line before
    (:func:`_wrapped`). A line goes first when :data:`BLIND_LEAD_SHARE` of its bigrams (and
    :data:`TITLE_LEAD_MARGIN` more than of the first line's) are in the lead, it has
    :data:`APART_MIN_GRAMS` bigrams of ideographs, and the first line shares a word with the lead
    too (a subtitle printed before its title: 全年实施重点项目52个 / 延长县重点项目集中开复工; a first
    line sharing none may be a kicker above its title, 吃透精神实质…) or is narrower than that line
    (:func:`_narrower`). The lines printed before the
    title follow those printed after it (the dump began the headline inside it: 计划总投资134.12亿元
    / 延长县重点项目集中开复工 / 全年实施重点项目52个 reads 延长县… / 全年… / 计划…). Returns the blocks
    in the new order (the input when nothing moves)."""
    lines = [ln for g in groups for ln in g]
    if not _plain(lines):
        return groups
    text = _NOT_GRAM.sub("", "".join(ln.flat for ln in body))
    blocks: list[list[Line]] = []
    for g in groups:
        for k, ln in enumerate(g):
            if k == 0 or not _wrapped(g[k - 1], ln, text):
                blocks.append([])
            blocks[-1].append(ln)
    if len(blocks) < 2:
        return groups
    lead = bigrams("".join(ln.flat for ln in body)[:LEAD_CHARS])
    sc = [share(bigrams("".join(ln.flat for ln in blk)), lead) for blk in blocks]
    ok = [i for i in range(1, len(blocks)) if sc[i] >= BLIND_LEAD_SHARE
          and _word_grams("".join(ln.flat for ln in blocks[i])) >= APART_MIN_GRAMS]
    best = max(ok, key=lambda i: (sc[i], -i), default=None)
    if best is None or (sc[0] == 0 and not _narrower(blocks[0], blocks[best])) \
            or sc[best] < sc[0] + TITLE_LEAD_MARGIN or sc[best] <= max(sc[:best]):
        return groups
    return [blocks[best]] + blocks[best + 1:] + blocks[:best]


def _narrower(a: list[Line], b: list[Line]) -> bool:
    """Headline block ``a`` is narrower (in ems) than block ``b``: a line sharing no word with the lead
    printed before a wider title is its subtitle (交警前往疏导 / 市区中山大道与永福路交会处经常塞车); a
    kicker sharing none is set as wide as its title or wider (吃透精神实质 把握重点任务 推动…)."""
    return cues.width("".join(ln.flat for ln in a)) < cues.width("".join(ln.flat for ln in b))


ATTENDANCE = re.compile(r"^[\u4e00-\u9fff、\s]{2,24}(?:出席|参加|主持)(?:会议|仪式|活动)?$")
"""A subtitle naming who attended or chaired (常晓勇出席, 詹华清 苏红梅参加, 区委书记张智奎主持会议):
names (ideographs, 、 and spaces) ending in 出席/参加/主持. Printed under the title it belongs to."""


def _attendance_last(groups: list[list[Line]]) -> list[list[Line]]:
    """An attendance subtitle (:data:`ATTENDANCE`) a plain dump printed before another line of its
    headline (詹华清苏红梅参加 / 市委…开展消防安全应急演练) goes last: such a line runs under the
    title. Returns the groups with that line as a last group of its own (the input when nothing
    moves or the lines have grid rows or font sizes)."""
    lines = [ln for g in groups for ln in g]
    if len(lines) < 2 or not _plain(lines):
        return groups
    moved = [ln for ln in lines[:-1] if ATTENDANCE.match(ln.text.value.strip())]
    if not moved or ATTENDANCE.match(lines[-1].text.value.strip()):
        return groups
    out = [[ln for ln in g if not any(ln is m for m in moved)] for g in groups]
    return [g for g in out if g] + [[m] for m in moved]


def headline_lines(groups: list[list[Line]]) -> list[HeadlineLine]:
    """Headline groups → de-spaced headline lines, top to bottom, with roles.

    Roles: the longest (by ems) line is the title; lines above it are kickers
    (引题), lines below are subtitles (副题). With font sizes (PDF) the largest
    font is the title instead.
    """
    lines = [ln for g in groups for ln in g]
    if not lines:
        return []
    texts = [_headline_text(ln) for ln in lines]
    if any(ln.font_size for ln in lines):
        key = [ln.font_size or 0 for ln in lines]
    else:
        key = [cues.width(t.value) for t in texts]
    top = max(key)
    ti = key.index(top)
    out = []
    for i, t in enumerate(texts):
        if not t.value:
            continue
        role = "title" if key[i] == top and i >= ti else ("kicker" if i < ti else "subtitle")
        out.append(HeadlineLine(t, role))
    return out


def _headline_text(line: Line) -> Text:
    """De-space a headline line but keep one space at wide gaps between phrases."""
    t = unify_compat(line.text.strip())
    raw = t.value
    if cues.letter_spaced(raw):
        return despace(t)
    if " " not in raw:
        return t
    out_keep = []
    i = 0
    v = raw
    n = len(v)
    while i < n:
        if v[i].isspace():
            j = i
            while j < n and v[j].isspace():
                j += 1
            out_keep.append((i, j))
            i = j
        else:
            i += 1
    mask = [True] * n
    for i, j in out_keep:
        left, right = v[i - 1] if i else "", v[j] if j < n else ""
        # a space between two runs of two or more ideographs is a phrase gap; others are layout
        lrun = _run_len(v, i - 1, -1)
        rrun = _run_len(v, j, 1)
        keep_one = lrun >= 2 and rrun >= 2 and not (left.isdigit() or right.isdigit()) and left not in "“（《" and right not in "”）》"
        # Latin text keeps its word spaces, digits included (GDP 2024 Q3: 5.2%, CPI 0.4%)
        keep_one = keep_one or latin_space(left, right)
        for k in range(i, j):
            mask[k] = False
        if keep_one:
            mask[i] = True
    return despace_keep(t, mask)


def _run_len(v: str, i: int, step: int) -> int:
    n = 0
    while 0 <= i < len(v) and not v[i].isspace():
        n += 1
        i += step
    return n


def despace_keep(t: Text, mask: list[bool]) -> Text:
    out = t.keep(mask)
    return out.map_chars({"\t": " ", "\u3000": " "})


def build_article(u: Unit, w: float, has_indent: bool) -> Article:
    """A body unit with its headline groups → :class:`Article`."""
    art = Article(headline=headline_lines(u.headlines))
    if u.byline_line is not None:
        credit = u.byline_line.text.strip()
        mark = cues.DECORATION.match(credit.value)
        if mark:
            art.marks.append(credit[:1])
            credit = credit[mark.end():]
        art.byline = _byline_text(credit)
        art.byline_inline = False
        art.reporters = cues.reporters_in(u.byline_line.text.value)
    paras = split_paragraphs(u.lines, w, has_indent)
    if paras and u.byline_line is None:
        m = cues.inline_byline(paras[0].value)
        if m:
            art.byline = _byline_from_clean(paras[0], m.end())
            art.byline_inline = True
            art.reporters = cues.reporters_in(_as_printed(art.byline, u.lines))
    if paras:
        lead = paras[0].value
        if art.byline_inline and art.byline is not None:
            lead = lead[len(cues.squash(art.byline.value)):]
        dm = cues.dateline(lead)
        if dm:
            off = len(paras[0].value) - len(lead)
            art.dateline = paras[0][off + dm.start(1): off + dm.end(1)]
        elif art.byline is not None:
            am = cues.agency_date(art.byline.value)
            if am:
                art.dateline = art.byline[am.start(1): am.end(1)]
    art.paragraphs = paras
    art.jumps = [ln.text.strip() for ln in u.jumps]
    return art


_ROLE_SPACE = re.compile(r"((?:记者|記者|通讯员|通訊員|摄影|攝影|实习生|實習生)(?!站))(?=[\u4e00-\u9fff·])")


def _as_printed(t: Text, lines: list[Line]) -> str:
    """``t`` (a cleaned piece of ``lines``' text) as printed: the characters of ``lines`` from its
    first source offset to its last, layout spaces included (``林晓 王芳``: two reporters, which
    the cleaned text runs together), line breaks dropped (a name split over two lines)."""
    span = t.span()
    if span is None:
        return t.value
    lo, hi = span
    return "".join(ch for ln in lines for ch, o in zip(ln.text.value, ln.text.offsets) if lo <= o < hi)


def _byline_from_clean(p: Text, end: int) -> Text:
    """The inline byline ``p[:end]`` with one space between a role word and the name."""
    b = p[:end]
    parts: list[Text] = []
    last = 0
    for m in _ROLE_SPACE.finditer(b.value):
        parts.append(b[last:m.end()])
        parts.append(Text(" ", (b.offsets[m.end() - 1],)))
        last = m.end()
    parts.append(b[last:])
    return Text.join(parts)


def _byline_text(t: Text) -> Text:
    return _byline_from_clean(clean(t), len(clean(t)))
