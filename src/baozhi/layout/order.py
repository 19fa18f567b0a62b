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

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from ..articles import cues
from ..articles.assemble import PHOTO_CREDIT, bigrams, classify_lines, heads_body, share, vertical_headlines
from ..articles.paragraphs import FIRST_LINE_SLACK, full_width
from ..model import Line, Page
from ..text import Text
from .chars import is_cjk
from .joins import WORD_JOIN, join_score
from .rows import split_rows

SPARSE_GAPS = 0.95
"""Blank lines separate blocks only when fewer than this share of lines follow one
(a dump with a blank line after every line, like the seed page, says nothing by them: 0.978
on the seed page, 0.99 or more on the seed-like dumps; a default dump that is nearly all
one tangle of one-line blocks has up to 0.90, held p07, and its blank lines do mark blocks)."""


RUN_ON_BLOCKS = 3
"""A dump with a blank line after nearly every line still marks blocks by them when it keeps
this many lines of running text (clause or sentence punctuation) together with the line after
them: ``pdftotext`` printing nearly every line of a loosely leaded page as a block of its own
keeps a paragraph's last lines, a caption's lines, a credit's lines together (freshheld p19:
0.967 of the lines after a blank line, 6 such places); a dump with a blank line after every
line does so nowhere (the seed page keeps only headline lines together: 3 places)."""


def gaps_mean_blocks(lines: list[Line]) -> bool:
    """Do the dump's blank lines mark blocks? False when at least :data:`SPARSE_GAPS` of the
    lines after the first follow a blank line (a blank line after every line), unless at least
    :data:`RUN_ON_BLOCKS` lines of running text are kept together with the next line."""
    if len(lines) < 2:
        return False
    if sum(1 for ln in lines[1:] if ln.gap_before) / (len(lines) - 1) < SPARSE_GAPS:
        return True
    kept = sum(1 for a, b in zip(lines, lines[1:]) if not b.gap_before and not cues.RUNNING_PUNCT.isdisjoint(a.flat))
    return kept >= RUN_ON_BLOCKS
WIDE_EMS = 2.5
"""A line this much wider than the column ``W`` is set across columns (a caption box)."""
MAYBE_START_PENALTY = 3.0
"""A piece whose first line could open a paragraph continues an open tail only on
word evidence (a join score above this, minus the later bonus)."""
LATER_BONUS = 1.0
"""Preference for a continuation printed after the open tail (dumps mostly run forward)."""
MIN_EVIDENCE = 1.5
"""A continuation printed away from its open tail needs a pair score above this: more
than the :data:`LATER_BONUS` by half, so a dictionary word that is not a dictionary
rarity must run across the break (on the three sets, far pairs without one were wrong
about twice as often as right, and all 12 PyMuPDF pairs scoring 1.0–1.5, words of
frequency one or two, were wrong)."""
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
    return line.flat


def split_pieces(lines: list[Line], labels: list[str], gaps_mean_blocks: bool, w: float = 0.0) -> list[Piece]:
    """Cut the dump into pieces at every place the text itself marks a break.

    ``w``: the column width in ems; a run of lines set wider than the column
    (a caption across two columns) is a piece of its own.
    """
    pieces: list[Piece] = []
    in_wide = False
    quiet = not gaps_mean_blocks or not any(ln.gap_before for ln in lines)  # no blank line tells a block
    flats = [_flat(ln) for ln in lines]
    for k, (ln, lab) in enumerate(zip(lines, labels)):
        kind = "headline" if lab == "headline" else ("furniture" if lab == "furniture" else "body")
        flat = flats[k]
        wide = kind == "body" and bool(w) and cues.width(flat) > w + WIDE_EMS
        tail = in_wide and not wide and kind == "body" and pieces and not _closes(_flat(pieces[-1].lines[-1]))
        width_change = kind == "body" and pieces and pieces[-1].kind == "body" and wide != in_wide and not tail
        in_wide = wide
        broken = quiet and kind == "body" and lab == "body" and 0 < k < len(flats) - 1 and _closes(flats[k - 1]) \
            and _lead_broken(flat, flats[k + 1])  # an article lead broken over two lines after a text's end
        if broken:
            ln.opens = True
        new = (not pieces or pieces[-1].kind != kind or lab == "byline" or width_change
               or (kind == "body" and (cues.opens_article(flat) or pieces[-1].labels[-1] == "jump"))
               or broken
               or (gaps_mean_blocks and kind == "body" and lab == "body" and pieces[-1].kind == "body"
                   and _dated_after_open(flats[k - 1], flat) and not (w and cues.width(_flat(pieces[-1].lines[0])) > w + WIDE_EMS))
               or (gaps_mean_blocks and ln.gap_before and kind != "headline")
               or (quiet and kind == "body" and pieces[-1].kind == "body" and lab == "body"
                   and pieces[-1].labels[-1] == "body" and flats[k - 1][-1:] in _PIECE_END_CHARS  # (quick test first)
                   and _piece_ends("".join(flats[max(0, k - 2):k]) if len(pieces[-1].lines) > 1 else flats[k - 1], flat, w)))
        if (quiet or not ln.gap_before) and lab == "byline" and pieces and pieces[-1].kind == "body" \
                and pieces[-1].labels[-1] == "body" and _closing_credit(flat):
            new = False  # a photo or text credit on its own line closes the text before it
        elif kind == "body" and pieces and pieces[-1].kind == "body" and pieces[-1].labels[-1] == "byline":
            # an own-line byline heads the body that follows it; a closing credit ends its piece
            # (in a dump whose blank lines mark blocks, when a blank line follows the credit)
            new = (quiet or (gaps_mean_blocks and ln.gap_before)) and len(pieces[-1].lines) > 1 \
                and pieces[-1].labels[-2] == "body" and _closing_credit(flats[k - 1])
            if new:
                ln.opens = True  # the line after a text's closing credit opens another text
        if new:
            pieces.append(Piece(kind, index=len(pieces)))
        pieces[-1].lines.append(ln)
        pieces[-1].labels.append(lab)
    return pieces


def _lead_broken(flat: str, nxt: str) -> bool:
    """Line ``flat`` starts an article lead broken over two lines (``新华网贵州频道9月28日`` /
    ``电9月28日，…``): the lead reads only with the next line ``nxt``."""
    return flat[:1] not in "，。、；：）”" and not cues.opens_article(flat) and cues.opens_article(flat + nxt)


def _closing_credit(flat: str) -> bool:
    """An own-line credit that closes a text: a photo credit (``本报记者姚仕安摄``) or a text and
    photo credit not naming the paper (``记者常春霖文/图``; ``本报记者方宇文/图`` heads its text:
    :func:`~baozhi.articles.assemble.heads_body`). Without telling blank lines such a line after
    a body line ends that piece, and the next line opens another (on the three sets' PyMuPDF
    dumps all 14 such lines closed the text before them; none headed the text after)."""
    return cues.own_line_byline(flat) and bool(cues.CREDIT_END.search(flat)) and not heads_body(flat)


_CLAUSE_GOES_ON = ("，", "、", "：", "；", "）", "电")
"""A line ending so may go on with a date in the same sentence (…工作安排， / 5月30日，…) or is a
byline or dateline heading it (本报讯（记者X） / 新华网9月28日电)."""


def _dated_after_open(a: str, b: str) -> bool:
    """Line ``b`` opens with an event date (12月16日，…) right after line ``a`` cut mid-sentence
    with no clause mark at its end: no text goes on so, ``b`` starts another column piece."""
    return bool(cues.dateline(b)) and bool(a) and not cues.ends_sentence(a) and not a.endswith(_CLAUSE_GOES_ON) \
        and not cues.own_line_byline(a) and not cues.photo_credit_end(a)


def cut_after_paragraph_ends(pieces: list[Piece], w: float) -> list[Piece]:
    """Dumps with no blank line at all (PyMuPDF): cut a body piece where a paragraph's last
    line (a sentence end at most ``W - 3`` ems wide) is followed by a full column line (within
    :data:`FULL_SLACK` of ``W``, no lead): a full line cannot open an indented paragraph, so it
    continues another column. In a piece closed by a photo credit (photo news and captions
    are set without indents) only where the full line shares no words with the lines before
    (:func:`_same_text`; 9 such cuts on the three sets, all right, none where it shares). On
    the three sets 11 such cuts were column breaks and one a caption's paragraph. Also where a sentence end is followed by a dated lead
    (``9月1日，…``) that shares no words with the lines before (:func:`_same_text`): on the
    three sets 28 such places were another text's start, 2 (sharing words) the next paragraph.
    Returns the pieces (new ones for the cut pieces)."""
    if not w:
        return pieces
    out: list[Piece] = []
    for p in pieces:
        flats = [_flat(ln) for ln in p.lines]
        if p.kind != "body" or len(flats) < 2:
            out.append(p)
            continue
        photo = bool(cues.CREDIT_END.search("".join(flats[-2:])))
        start = 0
        for k in range(1, len(flats)):
            a, b = flats[k - 1], flats[k]
            if p.labels[k - 1] != "body" or p.labels[k] != "body" or not cues.ends_sentence(a) \
                    or cues.opens_article(a) or cues.own_line_byline(a) or cues.opens_article(b):
                continue
            if (cues.dateline(b) and not _same_text(flats, k)) \
                    or (cues.width(a) <= w - 3 and cues.width(b) >= w - FULL_SLACK and not (photo and _same_text(flats, k))):
                out.append(Piece(p.kind, p.lines[start:k], p.labels[start:k], p.index))
                start = k
        out.append(p if start == 0 else Piece(p.kind, p.lines[start:], p.labels[start:], p.index))
    return out


VOCAB_LINES = 6
"""Lines either side of a break whose words (character bigrams) are compared."""
SAME_TEXT_SHARE = 0.1
"""Share of the words of the fewer-worded side found on the other side above which the lines
either side of a break read as one text (the next paragraph names what the last one did)."""


def _same_text(flats: list[str], k: int) -> bool:
    """The :data:`VOCAB_LINES` lines before line ``k`` and those from ``k`` on share words:
    at least :data:`SAME_TEXT_SHARE` of the character bigrams of the side with fewer."""
    before = bigrams("".join(flats[max(0, k - VOCAB_LINES):k]))
    after = bigrams("".join(flats[k:k + VOCAB_LINES]))
    return len(before & after) >= SAME_TEXT_SHARE * max(1, min(len(before), len(after)))


def _tail_text(p: Piece) -> str:
    """The last two lines of a piece, de-spaced and joined (a credit may break over them)."""
    return "".join(_flat(ln) for ln in p.lines[-2:])


_PIECE_END_CHARS = "摄攝）)"
"""The last characters of a photo credit run in and of a reporters' credit in brackets."""


def _piece_ends(a: str, b: str, w: float) -> bool:
    """Without telling blank lines: does a column piece end between lines ``a`` and ``b``?
    After a photo credit run in after the last sentence (…运行。毛如瑞摄), and after a
    reporters' credit in brackets that closes a text (…百分点。（记者卢碧云通讯员范艳））."""
    if not a or a[-1] not in _PIECE_END_CHARS:
        return False  # both end so: a quick test first, most lines end otherwise
    return bool(cues.photo_credit_end(a) or _END_CREDIT.search(a))


_END_CREDIT = re.compile(r"[。！？”][（(][^（()）]*(?:记者|通讯员)[^（()）]*[）)]$|^[（(][^（()）]*(?:记者|通讯员)[^（()）]*[）)]$")
"""A reporters' credit in brackets closing a text, after its last sentence or on a line of its own."""

HIDDEN_HEADLINE_MAX_LINES = 4
"""A headline printed inside a run of body lines has at most this many lines."""
SAME_WIDTH = 0.5
"""Two lines this close in width (ems) are set to one measure (lines of one text block)."""
_CLAUSE_PUNCT = set("。；！？，、")


def _closes(flat: str) -> bool:
    """The line closes a text or paragraph: a sentence end, a credit (…摄, 记者X 文/图)."""
    return cues.ends_sentence(flat) or bool(cues.photo_credit_end(flat)) or cues.own_line_byline(flat)


def _fresh(flat: str, w: float) -> bool:
    """The line can open something: an article lead, a dated lead, a credit, or a
    paragraph's first line (at most ``W - 2`` ems plus slack: the indent)."""
    return bool(cues.opens_article(flat) or cues.dateline(flat) or cues.own_line_byline(flat)) \
        or cues.width(flat) <= w - 2 + FIRST_LINE_SLACK


def _opens_text(flat: str, w: float) -> bool:
    """Stricter than :func:`_fresh`: an article lead, a dated lead, a credit, or a line set
    as a paragraph's first line (``W - 2`` ems; a shorter line may be a paragraph's last)."""
    return bool(cues.opens_article(flat) or cues.dateline(flat) or cues.own_line_byline(flat)) \
        or w - 2 - 1 < cues.width(flat) <= w - 2 + FIRST_LINE_SLACK


def _headline_like(flat: str) -> bool:
    return (len(flat) >= 2 and _CLAUSE_PUNCT.isdisjoint(flat) and not flat.endswith("：") and not cues.ends_sentence(flat)
            and not cues.opens_article(flat) and not cues.dateline(flat) and not cues.own_line_byline(flat)
            and not cues.photo_credit_end(flat) and not cues.is_furniture(flat) and not cues.bracket_credit(flat))


def _spaced_throughout(raw: str) -> bool:
    """``raw`` (a dump line) is printed with one space between every two characters, three
    characters or more (``迎 峰 度 冬 保 供 电``): stricter than :func:`~baozhi.articles.cues.letter_spaced`
    (most ideographs spaced), which a justified column line with a few spaced digits also passes."""
    if " " not in raw:
        return False  # (quick test first)
    parts = raw.strip().split(" ")
    return len(parts) >= 3 and all(len(x) == 1 for x in parts)


def _titles_a_text(flats: list[str], labels: list[str], j: int) -> bool:
    """Lines ``j`` on (de-spaced lines ``flats`` with their ``labels``) are one or more headline
    lines that some line follows: not the dump's last lines (after an open text those may be
    its continuation)."""
    k = j
    while k < len(flats) and labels[k] == "headline":
        k += 1
    return j < k < len(flats)


def hidden_headlines(lines: list[Line], labels: list[str], w: float, gapless: bool = False) -> list[str]:
    """Dumps without telling blank lines: body lines that are a headline printed between
    two texts. A run of 1–:data:`HIDDEN_HEADLINE_MAX_LINES` lines with no clause
    punctuation, none set as a full column line (``W`` ems) or as a paragraph's first line
    (``W - 2`` ems, continued by a full line), after a line that closes a text (sentence
    end, credit) or a headline, and before a line that opens one (lead, dated lead,
    paragraph first line), is relabelled ``headline``. ``gapless``: the dump has no blank
    line at all (PyMuPDF); there a run of two or more such lines with one of them 3 ems or more
    short of ``W`` is a headline without either side's evidence. Returns new labels (one per
    line)."""
    out = list(labels)
    if not w:
        return out
    flats = [_flat(ln) for ln in lines]
    n = len(lines)

    def member(j: int) -> bool:
        return (out[j] == "body" and abs(cues.width(flats[j]) - w) > FULL_SLACK and _headline_like(flats[j])
                and not _first_line(flats, out, j, w) and not flats[j].endswith(_CREDIT_TAILS)
                and not (j + 1 < n and cues.opens_article(flats[j] + flats[j + 1]))  # 本报讯记者蔡 / 南报道…
                and not (j > 0 and cues.opens_article(flats[j - 1] + flats[j]))
                and not (j > 0 and _closes_bracket(flats[j - 1], flats[j])))  # …（记者卢碧云 / 通讯员范艳）

    for j in range(1, n):
        # a credit in brackets broken over two lines (…。（记者卢碧云 / 通讯员范艳）): the line
        # that closes the bracket is body text, however short
        if out[j] == "headline" and out[j - 1] == "body" and _closes_bracket(flats[j - 1], flats[j]):
            out[j] = "body"
        # one ideograph on a line after a text line left inside an open bracket with a list
        # going on (广州日报讯（全媒体记者莫嘉豪、 / 石 / 锋、袁): a name broken over the lines of a
        # narrow credit, not a vertically set headline
        # a colon alone on a line after a vertically set kicker (济 / 南 / ：) closes it
        elif out[j] == "body" and flats[j] in _KICKER_COLONS and out[j - 1] == "headline" and len(flats[j - 1]) == 1:
            out[j] = "headline"
        elif out[j] == "headline" and len(flats[j]) == 1 and out[j - 1] in ("body", "byline") \
                and flats[j - 1].endswith("、") and _open_bracket("".join(flats[max(0, j - 3):j])):
            out[j] = "body"
    k = 0
    while k < n:
        if not member(k):
            k += 1
            continue
        m = k
        while m + 1 < n and member(m + 1):
            m += 1
        # furniture next to the run is no evidence: a masthead name printed in the middle of the
        # dump looks like a short headline too
        # (a credit in brackets broken over two lines closes a text too: …。（记者卢碧云 / 通讯员范艳）)
        before = k == 0 or out[k - 1] == "headline" or (out[k - 1] == "body" and (
            _closes(flats[k - 1]) or bool(_END_CREDIT.search("".join(flats[max(0, k - 2):k])))))
        after = m + 1 == n or out[m + 1] == "headline" \
            or (out[m + 1] in ("body", "byline") and _opens_text(flats[m + 1], w)) \
            or (out[m + 1] == "body" and cues.width(flats[m + 1]) > w + WIDE_EMS
                and all(cues.width(flats[j]) < w for j in range(k, m + 1)))  # a block set across columns starts
        # a dictionary word running on into the next body line says the run is text; when that line
        # could open a text, only if both lines are set to one width (an unindented caption's
        # lines: 为提升企业及居民群众消防安全应 / 急处置能力，…)
        runs_on = m + 1 < n and out[m + 1] == "body" and join_score(flats[m], flats[m + 1]) >= WORD_JOIN \
            and (not after or abs(cues.width(flats[m]) - cues.width(flats[m + 1])) <= SAME_WIDTH)
        size = m - k + 1
        # on one side's evidence only lines clearly off the column's widths (no line that could be
        # a text line a little short of W)
        off = all(cues.width(flats[j]) <= w - 3 or cues.width(flats[j]) > w + FULL_SLACK for j in range(k, m + 1))
        # in a dump with no blank line at all (PyMuPDF draws headline blocks between column
        # pieces), with no side's evidence: two or more such lines, none a full or first line,
        # one 3 ems or more short of the column (a text line that short ends a sentence), with
        # no word running in or on
        # (with a blank line after every line, which tells no block either: two or more lines all
        # clearly short, :func:`_short_off`, a title broken over lines between column lines)
        short = size >= 2 and (any(cues.width(flats[j]) <= w - 3 for j in range(k, m + 1)) if gapless
                               else all(_short_off(flats[j], w) for j in range(k, m + 1))) \
            and not (k > 0 and out[k - 1] == "body" and join_score(flats[k - 1], flats[k]) >= WORD_JOIN)
        # ... and one such line alone after a line cut mid-sentence (no text line 3 ems short
        # of the column goes on from an open line without ending a sentence)
        lone = gapless and size == 1 and k > 0 and out[k - 1] == "body" and not _closes(flats[k - 1]) \
            and cues.width(flats[k]) <= w - 3 and join_score(flats[k - 1], flats[k]) < WORD_JOIN
        # with a blank line after every line, a run right above headline lines (not the dump's
        # last lines) needs no closed text before it when no word runs in: a title's first line
        # printed after a line of a tangle's other column
        # (…满足市民 / 禹州市和沟村 / 药材大丰收村民腰包鼓 / 本报讯（记者…）
        if not gapless and not before and k > 0 and out[k - 1] == "body" \
                and join_score(flats[k - 1], flats[k]) < WORD_JOIN and _titles_a_text(flats, out, m + 1):
            before = True
        if not runs_on and ((before and after and size <= HIDDEN_HEADLINE_MAX_LINES)
                            or (size >= 2 and off and (before or after)) or short or lone):
            for j in range(k, m + 1):
                out[j] = "headline"
        k = m + 1
    # a blank line after every line: an unpunctuated line right above an article's lead, with no
    # word running in, whose words the text below repeats (a title printed between the lines of
    # columns read in turn, as wide as a column line: see :func:`_titles_below`)
    if not gapless:
        for j in range(1, n - 1):
            f = flats[j]
            if (out[j] == "body" and out[j + 1] == "body" and _headline_like(f) and not f.endswith(_CREDIT_TAILS)
                    and not _open_bracket(f) and f.count("“") <= f.count("”")
                    and (cues.opens_article(flats[j + 1]) or cues.dateline(flats[j + 1]))
                    and join_score(flats[j - 1], f) < WORD_JOIN and _titles_below(flats, j)):
                out[j] = "headline"
    # a blank line after every line: an unpunctuated letter-spaced line (a space between every two
    # characters) clearly short of the column (:func:`_short_off`), with no word running in or on:
    # a justified column line is spaced out to the full measure, a title is tracked at any width
    # (迎 峰 度 冬 保 供 电)
    if not gapless:
        for j in range(n):
            f = flats[j]
            if (out[j] == "body" and _spaced_throughout(lines[j].text.value) and _headline_like(f) and _short_off(f, w)
                    and not f.endswith(_CREDIT_TAILS)
                    and (j == 0 or join_score(flats[j - 1], f) < WORD_JOIN)
                    and (j + 1 == n or join_score(f, flats[j + 1]) < WORD_JOIN)):
                out[j] = "headline"
    # PyMuPDF: an unpunctuated line off the column's widths ending a block (furniture, a
    # headline or the dump's end follows) after a body line it does not go on from in a word:
    # a column's last line is full or ends a sentence, so this is a headline drawn after a body
    if gapless:
        for j in range(1, n):
            f = flats[j]
            if (out[j] == "body" and out[j - 1] == "body" and (j + 1 == n or out[j + 1] in ("headline", "furniture"))
                    and _headline_like(f) and not f.endswith(_CREDIT_TAILS) and not _closes_bracket(flats[j - 1], f)
                    and (cues.width(f) <= w - (3 if _UNSURE_WIDTH.search(f) else 1.5) or cues.width(f) > w + FULL_SLACK)
                    and join_score(flats[j - 1], f) < WORD_JOIN):
                out[j] = "headline"
    # PyMuPDF: a line that cannot fit a column line even with its punctuation compressed (but is
    # no caption line set across columns), holding no sentence end, with no word running in from
    # the line before or on into the next, is a title set over two columns
    # (a width that more lines share is a column's measure: ``W`` may be a column narrower)
    if gapless:
        measures = Counter(round(cues.width(f) * 2) for f in flats)
        for j in range(n):
            f = flats[j]
            if (out[j] == "body" and w + FULL_SLACK < cues.min_width(f) <= w + WIDE_EMS and not cues.has_sentence_punct(f)
                    and measures[round(cues.width(f) * 2)] <= RARE_MEASURE
                    and f.count("，") <= 1 and _CLAUSE_PUNCT.isdisjoint(f.replace("，", ""))
                    and not (cues.opens_article(f) or cues.dateline(f) or cues.own_line_byline(f) or f.endswith(_CREDIT_TAILS))
                    and (j == 0 or join_score(flats[j - 1], f) < WORD_JOIN)
                    and (j + 1 == n or join_score(f, flats[j + 1]) < WORD_JOIN)):
                out[j] = "headline"
    # a run of unpunctuated lines between headline lines (or a headline line and the dump's
    # end) is headline text whatever its width: PyMuPDF draws a page's headlines together, and
    # a title as wide as the column passes for a body line on its own
    # (without blank lines also a short title line broken after a comma: 三江口村办小报，)

    def titled(f: str) -> bool:
        return (_headline_like(f) or (gapless and f.endswith("，") and _headline_like(f[:-1])
                                      and cues.width(f) <= w - 3)) and not f.endswith(_CREDIT_TAILS)

    k = 1
    while k < n:
        if out[k] != "body" or out[k - 1] != "headline" or not titled(flats[k]):
            k += 1
            continue
        m = k
        while m + 1 < n and out[m + 1] == "body" and titled(flats[m + 1]):
            m += 1
        if m + 1 == n or out[m + 1] == "headline":
            for j in range(k, m + 1):
                out[j] = "headline"
        k = m + 1
    # PyMuPDF: an unpunctuated line 3 ems or more short of the column right after a headline
    # line, with no word running on into the body line after it: a text line that short ends a
    # sentence or opens a paragraph (a subtitle drawn before another column's piece)
    if gapless:
        for j in range(1, n - 1):
            f = flats[j]
            if (out[j] == "body" and out[j - 1] == "headline" and out[j + 1] == "body" and titled(f)
                    and cues.width(f) <= w - 3 and join_score(f, flats[j + 1]) < WORD_JOIN
                    and not _closes_bracket(flats[j - 1], f)):
                out[j] = "headline"
    # the same run ending at a headline line, entered from body text: headline text when one of
    # its lines is set across columns (wider than ``W`` by :data:`WIDE_EMS`, no punctuation: a
    # subtitle) and no word runs on into it from the line before
    k = n - 2
    while k >= 1:
        if out[k] != "body" or out[k + 1] != "headline" or not _headline_like(flats[k]) or flats[k].endswith(_CREDIT_TAILS):
            k -= 1
            continue
        m = k
        while m - 1 >= 1 and out[m - 1] == "body" and _headline_like(flats[m - 1]) and not flats[m - 1].endswith(_CREDIT_TAILS):
            m -= 1
        if out[m - 1] != "headline" and any(cues.width(flats[j]) > w + WIDE_EMS for j in range(m, k + 1)) \
                and join_score(flats[m - 1], flats[m]) < WORD_JOIN and join_score(flats[k], flats[k + 1]) < WORD_JOIN \
                and all(abs(cues.width(flats[j]) - w) > 1 for j in range(m, k + 1)):
            for j in range(m, k + 1):
                out[j] = "headline"
        k = m - 1
    # the lines after the dump's last text end, up to the end, with no sentence punctuation and
    # headline lines among them: the headline blocks PyMuPDF draws after all the bodies (a title
    # may hold a comma: 三江口村办小报，沟通了民意…; 市委、市人大常委会、市政府、)
    k = n
    while k > 0 and (out[k - 1] in ("headline", "furniture") or (out[k - 1] == "body" and _trailing_title(flats[k - 1], w))):
        k -= 1
    if n - k >= 2 and "headline" in out[k:] and (k == 0 or out[k - 1] != "body" or _closes(flats[k - 1])):
        for j in range(k, n):
            if out[j] == "body":
                out[j] = "headline"
    return out


_UNSURE_WIDTH = re.compile(r"[0-9A-Za-z%.]")
"""Digits and Latin letters print narrower than an em: a line holding them may be full though it
measures short."""


TITLE_WINDOW = 10
"""Lines either side of a line compared with it by :func:`_titles_below`."""
TITLE_BELOW = 0.5
TITLE_MARGIN = 0.3
"""A title's words: at least this share of its bigrams in the lines below it, and this much
more than in the lines above (a column line shares its text's words both ways)."""


def _titles_below(flats: list[str], j: int) -> bool:
    """Line ``j`` shares its words (character bigrams) with the :data:`TITLE_WINDOW` lines
    below it (:data:`TITLE_BELOW` of them or more) much more than with those above it
    (:data:`TITLE_MARGIN` more): the title of the text that starts below it."""
    grams = bigrams(flats[j])
    below = share(grams, bigrams("".join(flats[j + 1:j + 1 + TITLE_WINDOW])))
    above = share(grams, bigrams("".join(flats[max(0, j - TITLE_WINDOW):j])))
    return below >= TITLE_BELOW and below - above >= TITLE_MARGIN


def _short_off(flat: str, w: float) -> bool:
    """A line no column prints as running text after a line cut mid-sentence, in a dump whose
    blank lines say nothing: 3 ems or more short of ``W`` (4 when it holds digits or Latin
    letters, whose widths are uncertain), at least three characters (not a padded name's
    piece: ``本报讯（记者吴`` / ``航通`` / ``讯员…``), closing no bracket it did not open (a
    credit's rest: ``通讯员范艳）``)."""
    return cues.width(flat) <= w - (4 if _UNSURE_WIDTH.search(flat) else 3) and len(flat) >= 3 \
        and not closes_first(flat)


def _trailing_title(flat: str, w: float) -> bool:
    """A body line that may be a title among the headlines drawn after the bodies: no sentence
    punctuation, no lead, credit or furniture, and not a full column line with a comma."""
    if cues.has_sentence_punct(flat) or flat.endswith("：") or flat.endswith(_CREDIT_TAILS):
        return False
    if abs(cues.width(flat) - w) <= FULL_SLACK and ("，" in flat or "、" in flat):
        return False
    return bool(flat) and not (cues.opens_article(flat) or cues.dateline(flat) or cues.own_line_byline(flat)
                               or cues.photo_credit_end(flat) or cues.is_furniture(flat) or cues.bracket_credit(flat))


def _open_bracket(text: str) -> bool:
    """``text`` (a few lines joined) leaves a bracket open: its last （ comes after its last ）."""
    return text.rfind("（") > text.rfind("）")


def _closes_bracket(a: str, b: str) -> bool:
    """Line ``a`` leaves a bracket open (（ after its last ）) and line ``b`` closes it."""
    return _open_bracket(a) and closes_first(b)


def closes_first(s: str) -> bool:
    """``s`` closes a bracket before it opens one (``涛）近日，``, ``通讯员范艳）``): it goes on
    from a line that left the bracket open."""
    c = s.find("）")
    return c >= 0 and not 0 <= s.find("（") < c


RARE_MEASURE = 2
"""A line width (to half an em) at most this many lines of the page share is no column's measure."""
_CREDIT_TAILS = ("摄", "/图", "／图")
"""A line ending so is (the end of) a photo credit, not a headline."""
FULL_SLACK = 0.75
"""A line within this many ems of ``W`` is a full column line (justified body text)."""


def _first_line(flats: list[str], labels: list[str], j: int, w: float) -> bool:
    """Line ``j`` is a paragraph's first line: about ``W - 2`` wide and continued by a line
    that cannot open anything."""
    return (w - 2 - 1 < cues.width(flats[j]) <= w - 2 + FIRST_LINE_SLACK and j + 1 < len(flats)
            and labels[j + 1] == "body" and not _fresh(flats[j + 1], w) and cues.width(flats[j + 1]) <= w + WIDE_EMS)


def _open_tail(p: Piece) -> bool:
    """A body piece cut mid-sentence (not ended by a sentence end or a credit)."""
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


def _dangles(p: Piece) -> bool:
    """An open tail (:func:`_open_tail`) not closed by a credit: a photo credit run over
    its last two lines (…本报记者雷 / 金华摄), a credit in brackets after the last sentence
    or on a line of its own (（贺勇谭娅）). A credit ends a text even without a full stop."""
    if not _open_tail(p) or not _text_piece(p):
        return False
    last, tail = _flat(p.lines[-1]), _tail_text(p)
    return not (_closes(last) or cues.photo_credit_end(tail) or _END_CREDIT.search(tail) or cues.CREDIT_END.search(last)
                or cues.bracket_credit(last) or _BRACKET_END.search(last))


_BRACKET_END = re.compile(r"[。！？”][（(][\u4e00-\u9fff·、\s]{2,16}[）)]$")
"""A sentence closed by the reporters' names in brackets (…200万元。（贺勇谭娅））."""


def relink(pieces: list[Piece], w: float, links: dict[int, int] | None = None) -> list[Piece]:
    """Pieces in reading order: each open tail followed by its continuation.

    ``pieces``: the dump's pieces in dump order; ``w``: the column width in ems; ``links``:
    continuations already proved (positions in ``pieces``, :func:`~baozhi.layout.scatter.bridge_scatter`),
    made first. An open
    tail (:func:`_dangles`) keeps the piece after it when that one may continue a text;
    the other open tails are paired with the pieces left without a predecessor, best pair
    score first (a dictionary word across the break, :func:`~baozhi.layout.joins.join_score`;
    a head that cannot open a paragraph; printed later), a pair only above
    :data:`MIN_EVIDENCE`. Returns the pieces in reading order (each exactly once)."""
    n = len(pieces)
    succ: dict[int, int] = dict(links or {})
    has_pred: set[int] = set(succ.values())
    for i in range(n - 1):
        a, b = pieces[i], pieces[i + 1]
        if i not in succ and i + 1 not in has_pred and _dangles(a) and b.kind == "body" and b.labels[0] == "body" and not cues.opens_article(_flat(b.lines[0])) \
                and _same_measure(_flat(a.lines[-1]), _flat(b.lines[0]), w):
            succ[i] = i + 1
            has_pred.add(i + 1)
    _word_claims(pieces, succ, has_pred, links or {}, w)
    dangling = [i for i in range(n) if _dangles(pieces[i]) and i not in succ]
    orphans = [j for j in range(n) if _may_continue(pieces[j]) and j not in has_pred]
    cands = []
    for i, j, a, b in _fitting_pairs(pieces, dangling, orphans, w):
        s = join_score(a, b) + (LATER_BONUS if j > i else 0.0) - 0.001 * abs(j - i)
        if not _cont_head(pieces[j], w):
            s -= MAYBE_START_PENALTY
        if s > MIN_EVIDENCE:
            cands.append((s, i, j))
    cands.sort(reverse=True)
    for s, i, j in cands:
        if i in succ or j in has_pred or _reaches(succ, j, i):
            continue
        succ[i] = j
        has_pred.add(j)
    _alternate(pieces, succ, has_pred, w)
    _vocabulary_pairs(pieces, succ, has_pred, w)
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


def _fitting_pairs(pieces: list[Piece], tails: list[int], heads: list[int], w: float):
    """``(i, j, tail line, head line)`` for each open tail ``i`` of ``tails`` and head ``j`` of
    ``heads`` at most :data:`WINDOW` pieces apart whose lines may be one column's
    (:func:`_same_measure`, :func:`_credit_fits`): the candidates a continuation is chosen from."""
    for i in tails:
        a = _flat(pieces[i].lines[-1])
        for j in heads:
            if j == i or abs(j - i) > WINDOW:
                continue
            b = _flat(pieces[j].lines[0])
            if _same_measure(a, b, w) and _credit_fits(a, b):
                yield i, j, a, b


def _piece_share(a: Piece, b: Piece) -> float:
    """Words two pieces share: the character bigrams both print, over the fewer of the two."""
    ga, gb = bigrams("".join(_flat(ln) for ln in a.lines)), bigrams("".join(_flat(ln) for ln in b.lines))
    return len(ga & gb) / max(1, min(len(ga), len(gb)))


def _word_claims(pieces: list[Piece], succ: dict[int, int], has_pred: set[int], links: dict[int, int], w: float) -> None:
    """A continuation head taken by adjacency goes to another open tail that completes a word
    with it (``…代表纷纷表`` / ``示，将以…``, not the neighbour ``…常务主席柯``) when the neighbour's
    tail forms no word with it (join score 0), the other tail has no continuation yet, an
    ideograph on both sides of the break forms a dictionary word of :data:`WORD_JOIN` or more,
    and the other tail's piece shares more words (:func:`_piece_share`) with the head's piece
    than the neighbour's does. A word across a break alone is often chance (``…基本`` /
    ``建设…`` from two texts); the shared vocabulary says whose text goes on. The neighbour is
    left open for the pairing by evidence. Likewise a link to a head that must go on
    (:func:`_goes_on`) is undone, both left to the pairing, when the neighbour's tail forms
    such a word with another head that may continue a
    text and has no predecessor, whose piece shares more words with it than the head's
    (``…村民来信、村`` / ``民感言、…``, not ``原县蒲河…`` printed after it). Updates ``succ`` and
    ``has_pred`` in place (``links``: links proved before, kept)."""
    n = len(pieces)
    for i in sorted(k for k, j in succ.items() if j == k + 1 and k not in links):
        j = i + 1
        if succ.get(i) != j:
            continue
        head = _flat(pieces[j].lines[0])
        if not head or not is_cjk(head[0]) or join_score(_flat(pieces[i].lines[-1]), head) > 0:
            continue
        best, pick = WORD_JOIN, None
        for c in range(max(0, j - WINDOW), min(n, j + WINDOW + 1)):
            if c == i or c in succ or not _dangles(pieces[c]):
                continue
            tail = _flat(pieces[c].lines[-1])
            if not tail or not is_cjk(tail[-1]) or not _same_measure(tail, head, w) or not _credit_fits(tail, head):
                continue
            s = join_score(tail, head)
            if s >= best and _reaches(succ, j, c) is False:
                best, pick = s, c
        if pick is not None and _piece_share(pieces[pick], pieces[j]) > _piece_share(pieces[i], pieces[j]):
            del succ[i]
            succ[pick] = j
            continue
        tail = _flat(pieces[i].lines[-1])
        if not tail or not is_cjk(tail[-1]) or not _goes_on(pieces[j], w):
            continue
        taken = set(succ.values())
        own = None
        for c in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)):
            if c in (i, j) or c in taken or not _may_continue(pieces[c]):
                continue
            h2 = _flat(pieces[c].lines[0])
            if not h2 or not is_cjk(h2[0]) or not _same_measure(tail, h2, w) or join_score(tail, h2) < WORD_JOIN:
                continue
            if own is None:
                own = _piece_share(pieces[i], pieces[j])
            if _piece_share(pieces[i], pieces[c]) > own:
                del succ[i]  # the neighbour's tail goes on elsewhere: both are left to the pairing
                has_pred.discard(j)
                break


VOCAB_PAIR_SHARE = 0.05
"""An open tail and a continuation head paired by vocabulary alone share at least this much
(:func:`_piece_share`) ..."""
VOCAB_PAIR_MARGIN = 0.08
"""... and this much more than either shares with any other candidate."""


def _goes_on(p: Piece, w: float) -> bool:
    """The piece's first line continues a text: a continuation head (:func:`_cont_head`), or,
    in a piece that may continue one (:func:`_may_continue`: no lead, no dated lead), a line
    opening with a digit (the rest of a number or an amount: ``12.5%、…``, ``19个，新建…``)."""
    if _cont_head(p, w):
        return True
    return bool(w) and _may_continue(p) and _flat(p.lines[0])[:1].isdigit()


def _vocabulary_pairs(pieces: list[Piece], succ: dict[int, int], has_pred: set[int], w: float) -> None:
    """Open tails left without a continuation and heads that continue a text (:func:`_goes_on`: a
    first line that cannot open a paragraph) left without a predecessor, paired when they are
    each other's clear best by shared words (:func:`_piece_share`, at least
    :data:`VOCAB_PAIR_SHARE` and :data:`VOCAB_PAIR_MARGIN` over the next best of either):
    a text broken where no dictionary word runs across (``…污水处理厂二期`` / ``项目、镇原县…``)
    goes on in the piece that names what it names. Updates ``succ`` and ``has_pred`` in place."""
    n = len(pieces)
    tails = [i for i in range(n) if i not in succ and _dangles(pieces[i])]
    heads = [j for j in range(n) if j not in has_pred and _goes_on(pieces[j], w)]
    if not tails or not heads:
        return
    pairs = [(_piece_share(pieces[i], pieces[j]), i, j) for i, j, _a, _b in _fitting_pairs(pieces, tails, heads, w)]
    shares_t: dict[int, list[float]] = {}
    shares_h: dict[int, list[float]] = {}
    for sh, i, j in pairs:
        shares_t.setdefault(i, []).append(sh)
        shares_h.setdefault(j, []).append(sh)
    # each tail's and head's second-best share (-inf for one candidate): a pair is clear when its
    # share beats it by the margin (a pair not the best of either never does)
    second_t = {i: (sorted(v, reverse=True) + [float("-inf")])[1] for i, v in shares_t.items()}
    second_h = {j: (sorted(v, reverse=True) + [float("-inf")])[1] for j, v in shares_h.items()}
    for sh, i, j in sorted(pairs, reverse=True):
        if sh < VOCAB_PAIR_SHARE or i in succ or j in has_pred or _reaches(succ, j, i):
            continue
        if second_t[i] + VOCAB_PAIR_MARGIN > sh or second_h[j] + VOCAB_PAIR_MARGIN > sh:
            continue
        succ[i] = j
        has_pred.add(j)


ALT_FULL_EMS = 1.75
"""A line wider than ``W - 1.75`` ems (punctuation counted as set) is a full column line, not an
indented first line."""


def _text_piece(p: Piece) -> bool:
    """A body piece holding an ideograph (not a lone punctuation mark: a kicker's colon)."""
    return p.kind == "body" and any(is_cjk(c) for ln in p.lines for c in ln.flat)


def _alternate(pieces: list[Piece], succ: dict[int, int], has_pred: set[int], w: float) -> None:
    """Columns printed chunk by chunk in turn (``pdftotext`` on two neighbouring columns
    beside a large-type headline: col 2, col 3, col 2, col 3, …): a chunk goes on in the
    text chunk two further on. Where a link already made (``succ``) runs so, from a text
    chunk one or two before or after, an open tail left without a continuation takes the
    chunk two on when that has no predecessor, may continue a text and fits: its first line
    set full (wider than ``W - 1.75`` ems, no indent) or a dictionary word across the break. Repeated until no link
    is added (an alternation proved at one chunk carries along the run). Updates ``succ``
    and ``has_pred`` in place."""
    seq = [i for i, p in enumerate(pieces) if _text_piece(p)]
    if len(seq) < 4:
        return
    alt = {k for k, i in enumerate(seq) if k + 2 < len(seq) and succ.get(i) == seq[k + 2]}
    changed = bool(alt)
    while changed:
        changed = False
        for k, i in enumerate(seq):
            if i in succ or k + 2 >= len(seq) or not _dangles(pieces[i]):
                continue
            j = seq[k + 2]
            if j in has_pred or not _may_continue(pieces[j]) or _reaches(succ, j, i):
                continue
            if not any(k + d in alt for d in (-2, -1, 1, 2)):
                continue
            head = _flat(pieces[j].lines[0])
            if not (cues.width(head) > w - ALT_FULL_EMS or join_score(_flat(pieces[i].lines[-1]), head) > 0):
                continue
            succ[i] = j
            has_pred.add(j)
            alt.add(k)
            changed = True


def _same_measure(a: str, b: str, w: float) -> bool:
    """Line ``b`` may go on from line ``a`` by their widths: a line set across columns (wider
    than ``W + 2.5`` ems, a caption) does not go on from a line narrower by more than 2.5 ems
    (a column's line): they are lines of two blocks."""
    wb = cues.width(b)
    return not w or wb <= w + WIDE_EMS or wb - cues.width(a) <= WIDE_EMS


_CREDIT_CUES = ("记者", "通讯员", "摄影", "。", "）")


def _credit_fits(a: str, b: str) -> bool:
    """A first line that is only a photo credit (``金华摄``) goes on from a line that starts the
    credit (``…本报记者雷``) or ends a sentence before it (``…运行。毛如``), not from running text
    cut mid-clause (``…同比增长``)."""
    if not (len(b) <= 8 and cues.bare_photo_credit(b)):
        return True
    return any(c in a[-8:] for c in _CREDIT_CUES)


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
    opens a new article, and so does the body piece after it. A body piece after one closed
    by a reporters' credit in brackets (:data:`_END_CREDIT`) opens a new article too."""
    prev_wide = False
    prev_credit = False
    prev: Piece | None = None
    for p in ordered:
        wide = _wide(p, w)
        if p.kind == "body" and (wide or prev_wide or prev_credit) and not (prev_wide and _next_paragraph(prev, p, w)):
            p.lines[0].opens = True
        if p.kind != "furniture":
            prev_wide = wide
            prev_credit = p.kind == "body" and bool(_END_CREDIT.search(_tail_text(p)))
            prev = p


def _next_paragraph(q: Piece, p: Piece, w: float) -> bool:
    """Body piece ``p`` is the next paragraph of the wide piece ``q`` before it (a caption or
    photo news text set across columns in two paragraphs): ``q`` ends a sentence with no credit
    closing it, and ``p`` opens with a line as wide as a line of ``q`` and no lead of its own
    (byline, date)."""
    last, first = _flat(q.lines[-1]), _flat(p.lines[0])
    return cues.ends_sentence(last) and not cues.photo_credit_end(last) and not _END_CREDIT.search(_tail_text(q)) \
        and cues.width(first) > w + WIDE_EMS and not cues.opens_article(first) and not cues.dateline(first)


HEADLINE_MOVE_SHARE = 0.4
"""A headline group moves to an article's lead when at least this share of its character
bigrams occur in that article's text ..."""
HEADLINE_MOVE_MARGIN = 0.2
"""... and this much more than in the text it stands before."""
HEADLINE_MOVE_CHARS = 4
"""A headline line this long can tell by its words which article it heads."""
LEAD_REACH = 64
"""A headline is matched with the articles of the :data:`LEAD_REACH` leads printed before and
after it: a whole page (a newspaper page has a few dozen articles) while the work stays linear
on a file of thousands of pages' text (every headline against every lead took minutes)."""
HEADLINE_SPLIT_MARGIN = 0.3
"""A headline line leaves its group only when it shares this much more of its bigrams with
another article than with the group's (常晓勇出席 may be in both)."""


def _is_lead(p: Piece) -> bool:
    """A body piece that opens an article: an inline byline, a dated lead, an own-line credit,
    or a line already marked as opening a text."""
    if p.kind != "body":
        return False
    f = _flat(p.lines[0])
    return p.labels[0] == "byline" or p.lines[0].opens or bool(cues.opens_article(f) or cues.dateline(f))


TRAIL_NEW_GROUP = 0.05
"""Cost of starting a new headline group in a trailing headline run (a line sharing no words
with any text stays with the group before it)."""
TRAIL_MONOTONE = 0.8
"""A trailing headline run is read in the order of the articles when that assignment keeps
this share of the word evidence of the best free one (PyMuPDF draws all headlines last, in
the order of their modules)."""


def _slots(p: Piece) -> list[int]:
    """The lines of body piece ``p`` that can open an article a headline group is given to:
    the piece's first line when it is a lead (:func:`_is_lead`), or a line inside the piece
    after one that closes a text (not a byline heading it: 本报讯（记者X） / 11月4日，…; an
    own-line credit after a sentence end closes the text above), opening with a byline or a
    dated lead (12月12日，…). Returns line indices in order."""
    first = next((j for j, lab in enumerate(p.labels) if lab == "body"), 0)
    if first and _credit_closes(p, first):
        out = [first]  # the credit at the piece's start closes the text before it
    else:
        out = [0] if _is_lead(p) else []
    flats = [_flat(ln) for ln in p.lines]
    for k in range(max(first, 0) + 1, len(flats)):
        f, prev = flats[k], flats[k - 1]
        if p.labels[k] != "body" or not (cues.dateline(f) or cues.opens_article(f)) or not _closes(prev):
            continue
        if cues.opens_article(prev) or (cues.own_line_byline(prev) and not (k >= 2 and cues.ends_sentence(flats[k - 2]))):
            continue
        out.append(k)
    return out


def _credit_closes(p: Piece, first: int) -> bool:
    """The own-line credit opening piece ``p`` (lines before ``first``) closes the text before
    it: an inline byline follows it (an article has one credit), or it credits a photo or is a
    picture-and-text credit not naming the paper (记者X文/图)."""
    credit = "".join(_flat(ln) for ln in p.lines[:first])
    return cues.opens_article(_flat(p.lines[first])) or bool(PHOTO_CREDIT.search(credit)) \
        or (bool(cues.CREDIT_END.search(credit)) and not heads_body(credit))


def place_trailing_headlines(ordered: list[Piece]) -> list[Piece]:
    """Headline lines printed together after the page's last body piece (PyMuPDF's
    headlines-last draw order: the modules' headline blocks in the order of their modules)
    go before the articles they head, in order.

    ``ordered``: pieces in reading order. The places an article can start (:func:`_slots`)
    each hold the text up to the next one. The run's lines (a run of one-ideograph lines, a
    headline set letter by letter, counts as one) are given to those places in order: each
    line to a place at or after the previous line's, maximising the share of each line's
    bigrams in its place's text, a new group costing :data:`TRAIL_NEW_GROUP` (a line sharing
    no words stays in the group before). Used only when that keeps :data:`TRAIL_MONOTONE` of
    the evidence of giving every line its best place and two lines or more share at least
    :data:`HEADLINE_MOVE_SHARE` with a text. A piece is cut where a group goes inside it.
    Returns the pieces in the new order (the input when the rule does not apply)."""
    bodies = [i for i, p in enumerate(ordered) if p.kind == "body"]
    if not bodies:
        return ordered
    run = [i for i in range(bodies[-1] + 1, len(ordered)) if ordered[i].kind == "headline"]
    units: list[tuple[list[Line], list[str]]] = []
    for i in run:
        for ln, lab in zip(ordered[i].lines, ordered[i].labels):
            if len(_flat(ln)) == 1 and units and len(_flat(units[-1][0][-1])) == 1:
                units[-1][0].append(ln)
                units[-1][1].append(lab)
            else:
                units.append(([ln], [lab]))
    if len(units) < 2:
        return ordered
    slots = [(i, k) for i in bodies for k in _slots(ordered[i])]
    if not slots:
        return ordered
    grams: list[set[str]] = []
    for n, (i, k) in enumerate(slots):
        end = slots[n + 1] if n + 1 < len(slots) else (len(ordered), 0)
        text = []
        for j in range(i, min(end[0] + 1, len(ordered))):
            p = ordered[j]
            if p.kind != "body":
                continue
            lo = k if j == i else 0
            hi = end[1] if j == end[0] else len(p.lines)
            text.extend(_flat(ln) for ln in p.lines[lo:hi])
        grams.append(bigrams("".join(text)))
    m = len(slots)
    sc = [[share(bigrams("".join(_flat(ln) for ln in u[0])), g) for g in grams] for u in units]
    if sum(1 for row in sc if max(row) >= HEADLINE_MOVE_SHARE) < 2:
        return ordered
    free = sum(max(row) for row in sc)
    best = [list(sc[0])]
    back: list[list[int]] = [list(range(m))]
    for u in range(1, len(units)):
        row, brow = [], []
        run_max, run_arg = float("-inf"), -1  # best of the line before over the places before a
        for a in range(m):
            stay = best[-1][a]
            if run_max - TRAIL_NEW_GROUP >= stay:  # on a tie the group changes late
                row.append(run_max - TRAIL_NEW_GROUP + sc[u][a])
                brow.append(run_arg)
            else:
                row.append(stay + sc[u][a])
                brow.append(a)
            if best[-1][a] > run_max:
                run_max, run_arg = best[-1][a], a
        best.append(row)
        back.append(brow)
    a = max(range(m), key=lambda q: (best[-1][q], -q))
    if best[-1][a] < TRAIL_MONOTONE * free:
        return ordered
    assign = [0] * len(units)
    for u in range(len(units) - 1, -1, -1):
        assign[u] = a
        a = back[u][a]
    groups: dict[tuple[int, int], Piece] = {}
    for u, (lns, labs) in enumerate(units):
        g = groups.setdefault(slots[assign[u]], Piece("headline", index=ordered[run[0]].index))
        g.lines.extend(lns)
        g.labels.extend(labs)
    taken = set(run)
    out: list[Piece] = []
    for i, p in enumerate(ordered):
        if i in taken:
            continue
        cuts = sorted(k for (j, k) in groups if j == i)
        if not cuts:
            out.append(p)
            continue
        bounds = ([0] if cuts[0] else []) + cuts + [len(p.lines)]
        for lo, hi in zip(bounds, bounds[1:]):
            if (i, lo) in groups:
                out.append(groups[(i, lo)])
            part = p if (lo, hi) == (0, len(p.lines)) else Piece(p.kind, p.lines[lo:hi], p.labels[lo:hi], p.index)
            if lo:
                part.lines[0].opens = True
            out.append(part)
    for k, p in enumerate(out):
        p.index = k
    return out


def place_headlines(ordered: list[Piece], w: float) -> list[Piece]:
    """Put each headline group right before the lead of the article it shares its words with.

    ``ordered``: pieces in reading order. An article here is a lead piece (:func:`_is_lead`)
    and the body pieces after it up to the next lead. A headline piece is first split into
    groups where its lines share their words with different articles (PyMuPDF draws the
    headlines of a page together); a group moves when at least :data:`HEADLINE_MOVE_SHARE`
    of its bigrams occur in another article's text and :data:`HEADLINE_MOVE_MARGIN` more
    than in the article it stands before. Returns the pieces in the new order."""
    leads = [i for i, p in enumerate(ordered) if _is_lead(p)]
    if not leads:
        return ordered
    art_of: dict[int, int] = {}
    grams: dict[int, set[str]] = {}
    cur = None
    for i, p in enumerate(ordered):
        if _is_lead(p):
            cur = i
            grams[i] = set()
        if p.kind == "body" and cur is not None:
            art_of[i] = cur
            grams[cur] |= bigrams("".join(_flat(ln) for ln in p.lines))

    def best_lead(text: str, at: int) -> tuple[int | None, float]:
        hb = bigrams(text)
        best, top = None, 0.0
        k = bisect.bisect_left(leads, at)
        for ld in leads[max(0, k - LEAD_REACH):k + LEAD_REACH]:
            sh = share(hb, grams[ld])
            if sh > top:
                best, top = ld, sh
        return best, top

    items: list[tuple[int, Piece]] = []  # (position of the original piece, piece)
    for i, p in enumerate(ordered):
        if p.kind != "headline" or len(p.lines) < 2:
            items.append((i, p))
            continue
        group = Piece("headline", index=p.index)
        group_lead = None
        for ln, lab in zip(p.lines, p.labels):
            f = _flat(ln)
            ld, sh = best_lead(f, i) if len(f) >= HEADLINE_MOVE_CHARS else (None, 0.0)
            strong = ld is not None and sh >= HEADLINE_MOVE_SHARE
            if group.lines and strong and group_lead is not None and ld != group_lead \
                    and share(bigrams(f), grams[group_lead]) < sh - HEADLINE_SPLIT_MARGIN:
                items.append((i, group))
                group = Piece("headline", index=p.index)
                group_lead = None
            if strong and group_lead is None:
                group_lead = ld
            group.lines.append(ln)
            group.labels.append(lab)
        items.append((i, group))
    moves: dict[int, list[Piece]] = {}
    moved: set[int] = set()
    for k, (i, p) in enumerate(items):
        if p.kind != "headline":
            continue
        ld, sh = best_lead("".join(_flat(ln) for ln in p.lines), i)
        if ld is None or sh < HEADLINE_MOVE_SHARE:
            continue
        nxt = next((j for j, q in items[k + 1:] if q.kind == "body"), None)
        here = art_of.get(nxt) if nxt is not None else None
        if here == ld:
            continue  # already before (a piece of) that text: an article without a lead line may start there
        here_sh = share(bigrams("".join(_flat(ln) for ln in p.lines)), grams[here]) if here is not None else 0.0
        if here != ld and sh < here_sh + HEADLINE_MOVE_MARGIN:
            continue
        moves.setdefault(ld, []).append(p)
        moved.add(id(p))
        before = items[k - 1][1] if k > 0 else None
        runs_on = before is not None and before.kind == "body" and nxt is not None \
            and not cues.ends_sentence(_flat(before.lines[-1])) \
            and join_score(_flat(before.lines[-1]), _flat(ordered[nxt].lines[0])) >= WORD_JOIN
        if nxt is not None and ordered[nxt].labels[0] == "body" and _fresh(_flat(ordered[nxt].lines[0]), w) \
                and items[k + 1][1] is ordered[nxt] and not runs_on:
            # the text the group stood before still starts there (not one a word runs into from
            # the text cut mid-sentence above the group: …热爱与敬 / 药 / 材 / 仰。)
            ordered[nxt].lines[0].opens = True
    if not moved:
        return [p for _, p in items]
    out: list[Piece] = []
    for i, p in items:
        if id(p) in moved:
            continue
        if p.kind == "body" and i in moves and (not out or out[-1] is not p):
            out.extend(moves.pop(i))
        out.append(p)
    for k, p in enumerate(out):
        p.index = k
    return out


_QUOTE_MARKS = frozenset("“”‘’「」『』《》")
_KICKER_COLONS = frozenset("：:")


def _vertical_char(flat: str) -> bool:
    return len(flat) == 1 and ("\u4e00" <= flat <= "\u9fff" or flat in _QUOTE_MARKS)


def straight_runs(lines: list[Line], run_end, is_mark) -> list[Line]:
    """Runs of a headline piece's lines that are one title read straight: ``lines[i:j]`` with
    ``j = run_end(lines, i)``; a run holding a line ``is_mark`` accepts (a quote mark, a kicker's
    colon, a number) and two other lines or more becomes one headline line (each character's
    offsets kept); every other line is kept as it is. Returns the piece's lines."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = run_end(lines, i)
        run = lines[i:j]
        marks = sum(1 for ln in run if is_mark(ln))
        if marks and len(run) - marks >= 2:
            out.append(Line(Text.join(ln.text.strip() for ln in run), indent=run[0].indent, row=run[0].row,
                            column=run[0].column, label="headline"))
        else:
            out.extend(run)
        if j == i:
            out.append(lines[i])
            j += 1
        i = j
    return out


def _quoted_vertical(lines: list[Line]) -> list[Line]:
    """A vertically set headline holding quote marks (“ / 冻 / 马 / ” / 加 / 鞭): PyMuPDF
    prints each mark on a line of its own, which breaks the run of one-ideograph lines
    :func:`~baozhi.articles.assemble.vertical_headlines` joins. A run of one-character
    lines (ideographs and quote marks, at least one of each kind and two ideographs) of a
    headline piece becomes one headline line, read straight; so does a run of two or more
    ideographs closed by a colon on a line of its own (a vertical kicker: 济 / 南 / ：), the
    colon its last character. Returns the piece's lines."""
    def run_end(ls: list[Line], i: int) -> int:
        j = i
        while j < len(ls) and _vertical_char(ls[j].flat):
            j += 1
        if j < len(ls) and j > i and ls[j].flat in _KICKER_COLONS:
            j += 1  # a vertical kicker ends with its colon (济 / 南 / ：)
        return j

    return straight_runs(lines, run_end, lambda ln: ln.flat in _QUOTE_MARKS or ln.flat in _KICKER_COLONS)


STRAIGHT_RUN_MIN = 4
"""A run of one-ideograph lines this long may be read straight down (:func:`_straight_vertical`)."""


def _longest_single_run(lines: list[Line]) -> int:
    """The longest run of lines holding one ideograph each."""
    best = cur = 0
    for ln in lines:
        cur = cur + 1 if len(ln.flat) == 1 and "\u4e00" <= ln.flat <= "\u9fff" else 0
        best = max(best, cur)
    return best


def _straight_vertical(lines: list[Line], body_grams: set[str]) -> list[Line]:
    """A run of four or more one-ideograph lines read straight down when its words occur in
    the page's body text at least as often as those of the run read as two interleaved
    vertical lines (石村撤乡设镇, not 石撤设 / 村乡镇), and some do. ``body_grams``: the
    bigrams of all body lines. Other runs are left to
    :func:`~baozhi.articles.assemble.vertical_headlines`. Returns the piece's lines."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j].flat) == 1 and "\u4e00" <= lines[j].flat <= "\u9fff":
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        run = lines[i:j]
        chars = "".join(ln.flat for ln in run)
        straight = len(bigrams(chars) & body_grams)
        split = len(bigrams(chars[1::2]) & body_grams) + len(bigrams(chars[0::2]) & body_grams)
        if len(run) >= STRAIGHT_RUN_MIN and straight and straight >= split:
            out.append(Line(Text.join(ln.text.strip() for ln in run), indent=run[0].indent, row=run[0].row,
                            column=run[0].column, label="headline"))
        else:
            out.extend(run)
        i = j
    return out


MIN_COLUMN_EMS = 4.0
"""Lines mostly narrower than this (one or two characters a line: a vertical text pasted line by
line) hold no newspaper columns to untangle or reorder: they are read in input order."""


def _body_bigrams(pieces: list[Piece]) -> frozenset[str]:
    """The character bigrams of the body pieces' text, read in the pieces' order."""
    return bigrams("".join(_flat(ln) for p in pieces if p.kind == "body" for ln in p.lines))


def plain_streams(page: Page, w: float | None = None) -> list[list[Line]]:
    """Lines in reading order, as one stream (read top to bottom). ``w``: the column width in
    ems when the caller has it (:func:`~baozhi.articles.paragraphs.full_width` of the lines)."""
    lines = page.lines
    if len(lines) < 2:
        return [lines]
    if w is None:
        w = full_width([ln.text.value for ln in lines])
    if w < MIN_COLUMN_EMS:
        return [lines]  # no newspaper column: read the lines as given
    blocks = gaps_mean_blocks(lines)
    split = split_rows(lines, w, blocks)  # rows where pdftotext joined columns with spaces (layout/rows.py)
    merged = split is not lines  # the page has merged rows: its gutters are narrow
    lines = split
    labels = classify_lines(lines, w, gaps_mean_blocks=blocks)
    if not blocks or not any(ln.gap_before for ln in lines):  # blank lines say nothing
        labels = hidden_headlines(lines, labels, w, gapless=not any(ln.gap_before for ln in lines))
    pieces = split_pieces(lines, labels, blocks, w)
    gapless = not any(ln.gap_before for ln in lines)
    if gapless:  # no blank line at all (PyMuPDF)
        pieces = cut_after_paragraph_ends(pieces, w)
    from .tangles import untangle, untangle_gapless  # noqa: PLC0415 (tangles.py builds on Piece)

    pieces = untangle(pieces, w, merged) if blocks else untangle_gapless(pieces, w)
    if not blocks and not gapless:
        # a blank line after every line: the same cuts, made on the column streams the tangle
        # search read apart (made before it, they break a tangle into blocks too short to search)
        pieces = cut_after_paragraph_ends(pieces, w)
        for k, p in enumerate(pieces):
            p.index = k
    from .scatter import (bridge_scatter, cut_lines, gather_scatter, join_fragments,  # noqa: PLC0415 (scatter.py builds on Piece)
                          number_runs, scatter_piece, stray_title_chars, subtitle_parts)

    pieces = cut_lines(pieces, w)
    links, titles = bridge_scatter(pieces, w)  # a large-type title printed among the column's lines
    ordered = relink(pieces, w, links)
    if titles:
        ordered = gather_scatter(pieces, ordered, titles, _body_bigrams(ordered))
    ordered = join_fragments(ordered)
    if any(scatter_piece(p) for p in ordered):  # a title's character left on another headline's edge
        ordered = stray_title_chars(ordered, _body_bigrams(ordered))
    _mark_wide_blocks(ordered, w)
    body_grams: set[str] | None = None  # the page's body bigrams, computed once a run needs them
    for p in ordered:
        if p.kind == "headline" and len(p.lines) > 1:
            heads = _quoted_vertical(number_runs(p.lines))
            if body_grams is None and _longest_single_run(heads) >= STRAIGHT_RUN_MIN:
                body_grams = _body_bigrams(ordered)
            p.lines = vertical_headlines(_straight_vertical(heads, body_grams or set()))
            p.labels = ["headline"] * len(p.lines)
    ordered = subtitle_parts(place_headlines(place_trailing_headlines(ordered), w), w)
    for p in ordered:
        for ln, lab in zip(p.lines, p.labels):
            ln.label = lab
    return [[ln for p in ordered for ln in p.lines]]
