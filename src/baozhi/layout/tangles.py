"""Tangles in default ``pdftotext`` dumps: lines of neighbouring columns printed in turn.

On pages set with loose leading ``pdftotext`` makes every line a block of its own and
prints them row by row across the columns, each as a one-line block. A run of such
blocks is split back into column streams from the text itself (line widths, sentence
ends, dictionary words across the line break).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import groupby

from ..articles import cues
from .chars import is_cjk
from .joins import join_score
from .order import WIDE_EMS, Piece, _flat, _open_tail, closes_first

TANGLE_MIN = 4
"""A run of at least this many one-line blocks in a dump that otherwise keeps blocks
together is a tangle: lines of neighbouring columns printed in turn (``pdftotext`` on
pages set with loose leading)."""
TANGLE_MAX_STREAMS = 8
"""At most this many columns interleave in one tangle (a page has up to 6 or 7)."""
TANGLE_BEAM = 64
NEW_STREAM_COST = 1.2
"""Cost of a new column stream (against the evidence that a line continues an open one)."""
FIRST_ROW_NEW_COST = 0.4
"""Cost of a new stream in the tangle's first row, where every column starts: there a line with
no evidence either way (``…记者从市统计局了`` then ``增速同比提升…``) opens its column rather
than continuing the line before (line successions right on bench/more/held pdftotext
2764/2901/3184 -> 2766/2908/3224, seed-like 2660/2827/3115 -> 2685/2828/3149)."""
SKIP_COST = 1.0
"""Cost of passing over a stream that had a line in the row before (a column that ends).
(0.5 -> 1.0 raised the pair precision of untangled streams on the tangle pages 0.86 -> 0.91.)"""
SHARED_LINES = 6
SHARED_BONUS = 0.2
SHARED_CAP = 3
"""Bonus per ideograph pair a line shares with the last lines of a stream (up to the cap):
one article's lines share its vocabulary (names, places, topic words)."""
REPEAT3_BONUS = 1.5
REPEAT2_BONUS = 0.5
"""Evidence for a line join whose three (two) characters across the break the page prints
whole elsewhere: 28% of true joins in tangles against 2% of wrong ones (11% against 2%)."""
DORMANT_COST = 1.0
"""Cost of a line for a stream idle for a whole row (a column with a gap). Not charged when the
rows are known (merged rows): there the rows of modules side by side, set with other leading,
alternate in the dump, and each module's streams are idle every other row (bench p08: line
successions right 98 -> 110 of 148)."""


ROW_IDLE_MAX = 3
"""When the rows are known, a stream idle for more than this many rows pays
:data:`DORMANT_COST` for its next line: modules side by side alternate their rows, so a live
column is idle a row or two at a time, but one idle longer has ended and a line of another
module's column rarely continues it (line successions right on bench/more/held pdftotext
2715/2838/3188 -> 2718/2843/3188, seed-like 2678/2805/3097 -> 2685/2805/3097)."""


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


FIRST_EMS = 1.75
"""A paragraph's first line is indented two ems: a line at most ``W - 1.75`` ems wide (punctuation
counted as full ems, as set) is a first or a last line, a wider one a full line."""


_ASCII_ALNUM = re.compile("[0-9A-Za-z]")
"""A Latin letter or an ASCII digit (``str.isalnum`` of an ASCII character)."""


@lru_cache(maxsize=8192)
def _shape(s: str, w: float) -> str:
    """``full`` (a line set to the column width), ``first`` (two ems short: an indented first
    line, or a last line), ``short`` (a last line), or ``unknown`` (digit runs: their width varies)."""
    if len(_ASCII_ALNUM.findall(s)) >= 3:
        return "unknown"
    wd = cues.width(s)
    if wd > w - FIRST_EMS:
        return "full"
    return "first" if wd > w - 3.25 else "short"


@lru_cache(maxsize=8192)
def _byline_only(s: str) -> bool:
    """A line that is only an inline credit (``本报讯（记者 陆槐生）``): the lead goes on below it."""
    m = cues.inline_byline(s)
    return m is not None and m.end() >= len(s.rstrip())


@lru_cache(maxsize=8192)
def _cont(a: str, b: str, w: float) -> float:
    """Evidence (may be negative) that line ``b`` follows line ``a`` in one column
    (:func:`_cont_features` of the two lines' :func:`_line_features`)."""
    return _cont_features(_line_features(a, w), _line_features(b, w), w)


@lru_cache(maxsize=8192)
def _line_features(s: str, w: float) -> tuple:
    """The per-line cues :func:`_cont` reads, computed once per line (``w`` in ems):
    ``(text, ends_sentence, byline_only, opens_or_dateline, dateline, shape, width, rest, open,
    credit_start, credit_rest)`` (:func:`_credit_start`, :func:`_credit_rest`);
    ``rest``: the line closes a bracket before opening one (:func:`~baozhi.layout.order.closes_first`); ``open``:
    it leaves a bracket open (``本报讯（记者 林``)."""
    dl = bool(cues.dateline(s))
    return (s, cues.ends_sentence(s), _byline_only(s), bool(cues.opens_article(s)) or dl, dl,
            _shape(s, w), cues.width(s), closes_first(s), s.rfind("（") > s.rfind("）"),
            _credit_start(s), _credit_rest(s))


_CREDIT_ROLES = ("记者", "摄影", "通讯员")


def _credit_start(s: str) -> bool:
    """The line ends with a credit's start cut in the name (``…安全。本报记者雷``): a credit
    role within its last five characters, after its last sentence or clause mark."""
    tail = s[-5:]
    if "记" not in tail and "摄" not in tail and "通" not in tail:
        return False  # (cheapest test first: no role's first character)
    cut = max(tail.rfind(c) for c in "。！？，；")
    return any(r in tail[cut + 1:] for r in _CREDIT_ROLES) and not cues.CREDIT_END.search(s)


def _credit_rest(s: str) -> bool:
    """The line is only the rest of a photo credit (``金华摄``, ``宋婷/摄``): a bare credit
    (:func:`~baozhi.articles.cues.bare_photo_credit`) of at most five characters."""
    return len(s) <= 5 and cues.bare_photo_credit(s)


CREDIT_SPLIT = 2.0
"""Evidence that the rest of a photo credit (``金华摄``) follows a line ending in the credit's
start (``…本报记者雷``): a credit broken in its name; after any other line the rest of a credit
is no evidence either way."""
JOIN_MAX = 2.0
"""The most the word-join term adds to :func:`_cont` (``1 + min(js, 12) / 12``)."""


def _cont_features(fa: tuple, fb: tuple, w: float, join: bool = True) -> float:
    """Evidence (may be negative) that the line of features ``fb`` follows the line of ``fa`` in one
    column: a dictionary word across the break, closing punctuation at ``b``'s start, a lead at
    ``b``, line shapes against ``w`` with sentence ends, a caption's width. With ``join=False`` the dictionary word-join term is left out: the value is then at most
    :data:`JOIN_MAX` below the full one (and never above it)."""
    a, ea, byl, _, _, sa, wa, rest_a, open_a, credit_a, _ = fa
    b, eb, _, opens_b, dl_b, sb, wb, rest_b, _, _, credit_b = fb
    if byl:
        return 1.0 if dl_b else 0.0  # ``本报讯（记者 X）`` + ``5月3日，…``
    if credit_b:
        return CREDIT_SPLIT if credit_a else 0.0  # ``…本报记者雷`` + ``金华摄``
    s = 0.0
    if join:
        js = join_score(a, b)
        if js > 0:
            s += 1.0 + min(js, 12.0) / 12.0
    if b and b[0] in "，。、；：！？）》”’":
        s += 1.0 if not ea else -1.0
    if opens_b:
        s -= 1.5
    if ea:
        if sb == "first":
            s += 0.5 if sa == "short" else 0.3
        elif sb == "full" and sa == "short":
            s -= 1.0  # a paragraph's last line is followed by a first line
    else:
        if open_a and rest_b:
            s += 1.5  # ``本报讯（记者 林`` / ``涛）近日，…``: the bracket closes on the next line
        elif wa < w - 3 and not rest_a:
            s -= 2.0  # a short line that ends no sentence ends its column piece
        if sb == "first" and not eb:
            s -= 1.5  # an open line goes on in a full line, not in a first line
    if wa > w + WIDE_EMS or wb > w + WIDE_EMS:
        if abs(wa - wb) > WIDE_EMS and not (eb and wb < wa):
            s -= 1.5  # a caption set across columns does not share lines with a column
    return s


@lru_cache(maxsize=8192)
def _bigrams(s: str) -> frozenset[str]:
    """The pairs of adjacent ideographs in ``s``."""
    return frozenset(s[i:i + 2] for i in range(len(s) - 1) if is_cjk(s[i]) and is_cjk(s[i + 1]))


def page_vocabulary(lines: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The character pairs and triples inside the page's lines (de-spaced), to test a line join
    against: a phrase the page prints whole elsewhere (``乡村治理`` in another line) is likely
    the phrase a line break cut (``…乡村`` + ``治理…``)."""
    text = "\n".join(lines)  # pairs and triples across "\n" never equal a query (no line holds "\n")
    triples = frozenset({text[i:i + 3] for i in range(len(text) - 2)})
    pairs = {t[:2] for t in triples}  # (cheaper to cut from the triples: every pair but the last starts one)
    if len(text) >= 2:
        pairs.add(text[-2:])
    return frozenset(pairs), triples


def _repeat(a: str, b: str, vocab: tuple[frozenset[str], frozenset[str]] | None) -> float:
    """Evidence that ``b`` follows ``a`` from the page's own phrases (``vocab``: :func:`page_vocabulary`,
    whose pairs hold the pairs inside its triples)."""
    if not vocab or not a or not b or (a[-1] + b[0]) not in vocab[0]:
        return 0.0  # (the pair across the break is in both triples: without it neither is printed)
    if (a[-2:] + b[:1]) in vocab[1] or (a[-1:] + b[:2]) in vocab[1]:
        return REPEAT3_BONUS
    return REPEAT2_BONUS


def untangle_lines(lines: list[str], w: float, head: str | None = None,
                   vocab: tuple[frozenset[str], frozenset[str]] | None = None,
                   rows: list[int] | None = None, tails: list[str] | None = None,
                   max_streams: int = TANGLE_MAX_STREAMS, with_score: bool = False, skip_cost: float = SKIP_COST,
                   beam_width: int = TANGLE_BEAM):
    """Split interleaved lines into the column streams they came from.

    ``lines``: de-spaced lines in dump order; ``head``: the last line of the
    piece printed just before them, which one stream may continue (index -1);
    ``vocab``: :func:`page_vocabulary` of the page, when given; ``rows``: when the
    rows are known (merged rows, :mod:`baozhi.layout.rows`), the row of each line:
    a line of the row before goes right of it, a line of a new row wraps; ``tails``:
    when an item is a block of several lines, the text of its last line (``lines`` holds
    the first), which the next line of its stream continues; ``max_streams``: at most so
    many streams; ``with_score``: return ``(streams, score)``; ``skip_cost``: the cost of
    passing over a stream (:data:`SKIP_COST`); ``beam_width``: states kept per line.
    Returns streams as lists of indices into ``lines`` (index -1 for ``head``),
    ordered by their first line (the stream continuing ``head`` first).

    ``pdftotext`` prints a tangle row by row, each row left to right: the
    streams are kept in their left-to-right order and a line goes either to a
    stream right of the last line's (same row) or, wrapping, to one at or left
    of it (next row). A beam search scores each choice by :func:`_cont` (word
    across the break, sentence ends, widths), minus :data:`SKIP_COST` for each
    stream that had a line in the row before and is passed over, minus
    :data:`DORMANT_COST` for a line taken by a stream idle for a whole row (rows unknown; known:
    for more than :data:`ROW_IDLE_MAX` rows), minus
    :data:`NEW_STREAM_COST` for a new stream (:data:`FIRST_ROW_NEW_COST` in the first row).
    """
    # a state: score, streams (left to right; each a linked list ``(last index, rest)``), the
    # row each stream last had a line in, the position of the last line's stream, the row;
    # ``head`` was printed just before the tangle: the last line placed, in row 0
    Node = tuple  # (index, parent Node | None)
    start: tuple[tuple[Node, ...], tuple[int, ...], int] = (((-1, None),), (0,), 0) if head is not None else ((), (), -1)
    beam: list[tuple[float, tuple[Node, ...], tuple[int, ...], int, int]] = [(0.0, *start, 0)]
    ends = tails or lines
    text = lambda i: head if i < 0 else ends[i]  # noqa: E731
    grams = [_bigrams(s) for s in lines]
    head_grams = _bigrams(head or "")
    pair: dict[tuple[int, int], float] = {}
    nears: dict[tuple[int, ...], frozenset[str]] = {}

    def evidence(node: Node, x: int) -> float:
        """:func:`_cont` and :func:`_repeat` for the stream's last line, plus the words ``x``
        shares with the stream's last :data:`SHARED_LINES` lines."""
        i = node[0]
        if (i, x) not in pair:
            a = text(i)
            pair[i, x] = _cont(a, lines[x], w) + _repeat(a, lines[x], vocab)
        last = []
        while node is not None and len(last) < SHARED_LINES:
            last.append(node[0])
            node = node[1]
        key = tuple(last)
        near = nears.get(key)
        if near is None:
            near = nears[key] = frozenset().union(*(grams[k] if k >= 0 else head_grams for k in last))
        return pair[i, x] + SHARED_BONUS * min(len(grams[x] & near), SHARED_CAP)

    def cut(i: int, x: int) -> bool:
        """Line ``x`` is the rest of line ``i`` cut at a gap (``本报讯（记者 林`` / ``涛）近日，``)."""
        return _line_features(text(i), w)[8] and _line_features(lines[x], w)[7]

    for x in range(len(lines)):
        nxt: dict[tuple, tuple[float, tuple[Node, ...], tuple[int, ...], int, int]] = {}
        known = rows is not None and x > 0
        wrap = known and rows[x] != rows[x - 1]
        # a known row with more pieces than the streams right of the last can take (all
        # states at the stream limit) is read on as a new row: every line finds a place
        for _ in range(2):
            for score, streams, last_row, cur, row in beam:
                n = len(streams)
                lasts = tuple(nd[0] for nd in streams)
                # passing over a stream that had a line in the row before costs SKIP_COST: prefix
                # counts of the streams active in the row before (prev) and in this row (now)
                prev = [0]
                now = [0]
                for lr_k in last_row:
                    prev.append(prev[-1] + (lr_k == row - 1))
                    now.append(now[-1] + (lr_k == row))
                wrap_base = skip_cost * (prev[n] - prev[min(cur + 1, n)])
                # q > cur: a stream right of the last line's, in the same row (unless the rows are
                # known and this line starts one); else the next row. q == n + i: a new stream at i
                for q in range(2 * n + 1 if n < max_streams else n):
                    new_stream = q >= n
                    pos = q - n if new_stream else q
                    if known and not wrap and pos <= cur:
                        continue  # the next piece of a known row lies right of the last
                    if pos == cur and not new_stream and not known and cut(streams[pos][0], x):
                        r, pen = row, 0.0  # the rest of the last line, cut at a gap: same row
                    elif pos > cur and not wrap:
                        r, pen = row, skip_cost * (prev[pos] - prev[cur + 1])
                    else:
                        r, pen = row + 1, wrap_base + skip_cost * now[pos]
                    if new_stream:
                        tot = score - (FIRST_ROW_NEW_COST if r == 0 else NEW_STREAM_COST) - pen
                        new = streams[:pos] + ((x, None),) + streams[pos:]
                        lr = last_row[:pos] + (r,) + last_row[pos:]
                        key = (lasts[:pos] + (x,) + lasts[pos:], pos)
                    else:
                        if last_row[pos] < r - 1 and not known:
                            pen += DORMANT_COST
                        elif known and last_row[pos] < r - ROW_IDLE_MAX:
                            pen += DORMANT_COST  # a column that ended (see ROW_IDLE_MAX)
                        tot = score + evidence(streams[pos], x) - pen
                        new = streams[:pos] + ((x, streams[pos]),) + streams[pos + 1:]
                        lr = last_row[:pos] + (r,) + last_row[pos + 1:]
                        key = (lasts[:pos] + (x,) + lasts[pos + 1:], pos)
                    if key not in nxt or nxt[key][0] < tot:
                        nxt[key] = (tot, new, lr, pos, r)
            if nxt or wrap:
                break
            wrap = True
        beam = sorted(nxt.values(), key=lambda t: -t[0])[:beam_width]
    out = []
    for node in beam[0][1]:
        st = []
        while node is not None:
            st.append(node[0])
            node = node[1]
        out.append(st[::-1])
    out.sort(key=lambda st: st[0])
    return (out, beam[0][0]) if with_score else out


INSIDE_LINES = 2
"""A body block of at most this many lines between one-line blocks of a tangle belongs to it
(``pdftotext`` keeps a last line and a credit set on one row together: ``点。`` ``（记者…）``)."""


INSIDE_RUN = 2
"""Up to this many such blocks in a row between one-line blocks belong to the tangle (the last
lines of two columns set on the same rows: ``…一直以来`` / ``…热烈掌`` ``声。``)."""




def _inside(p: Piece) -> bool:
    return p.kind == "body" and len(p.lines) <= INSIDE_LINES and all(lab in ("body", "byline") for lab in p.labels)


_CLAUSE = frozenset("，、；")


def _column_line(p: Piece, w: float) -> bool:
    """A one-line block labelled headline that reads as a column's line (labels are given before
    the tangle is read apart, from the wrong neighbours): set to the column width (within
    :data:`FIRST_EMS` of ``W``, not over ``W + 1.25``), holding clause punctuation, or closing a
    bracket it does not open (``通讯员范艳）``, a credit's second line)."""
    if p.kind != "headline" or len(p.lines) != 1 or not p.lines[0].gap_before:
        return False
    s = _flat(p.lines[0])
    wd = cues.width(s)
    if wd > w + 1.25:
        return False
    return wd > w - FIRST_EMS or not _CLAUSE.isdisjoint(s) or ("）" in s and "（" not in s)


CAPTION_MATCH = 1.25
"""A line set across columns matches another when their widths differ by at most this many ems."""


def _caption_line(p: Piece, run: list[Piece], w: float) -> bool:
    """A one-line block labelled headline (no punctuation: labels are given before the tangle is
    read apart) that is a line of a caption set across columns, printed row by row among the
    columns' lines: wider than ``W + 2.5`` ems, as wide (within :data:`CAPTION_MATCH`) as a
    tangle line of ``run`` set across columns."""
    if p.kind != "headline" or len(p.lines) != 1 or not p.lines[0].gap_before:
        return False
    wd = cues.width(_flat(p.lines[0]))
    if wd <= w + WIDE_EMS:
        return False
    return any(_tangle_member(q) and abs(cues.width(_flat(q.lines[0])) - wd) <= CAPTION_MATCH for q in run)


TITLE_MIN = 4
"""A title line among a tangle's lines holds at least this many ideographs (shorter runs are
names of a padded credit, ``袁``, or a vertical title's characters)."""


def _trailing_line(p: Piece, w: float) -> bool:
    """A block labelled headline right after a tangle whose first line is a block of its own
    that reads as a column line with clause punctuation (:func:`_column_line`; a title as wide as
    the column is unpunctuated): the tangle's last line, taken for a headline beside the title
    printed below it (``…好成效宣传推`` / ``区政协十届三次会议``). It joins the tangle and stays
    there only when the model continues a column with it."""
    if p.kind != "headline" or not p.lines[0].gap_before or (len(p.lines) > 1 and not p.lines[1].gap_before):
        return False
    s = _flat(p.lines[0])
    return _column_line(Piece("headline", p.lines[:1], p.labels[:1]), w) and not _CLAUSE.isdisjoint(s)


ECHO_MIN = 8
ECHO_SHARE = 0.8
"""A title line among a tangle's lines may be as wide as the column; it is told by its lead,
which repeats it: an ideograph-only line of at least :data:`ECHO_MIN` characters whose
character triples the page prints elsewhere for at least this share (``区十六届人大一次会议
主席团举行第四次会议`` / ``1月14日上午，区十六届人`` ``大一次会议主席团举行第四次会``)."""


def _trigrams(s: str) -> set[str]:
    """The character triples of ``s``."""
    return {s[k:k + 3] for k in range(len(s) - 2)}


def _trigram_counts(lines: list[str]) -> Counter:
    """How many of the lines hold each character triple (the page's body lines: a body line
    repeating its headline's words is no title)."""
    c: Counter = Counter()
    for s in lines:
        c.update(_trigrams(s))
    return c


def _ideograph_line(p: Piece, least: int) -> str | None:
    """The de-spaced text of ``p`` when it is a one-line block of its own labelled body, at least
    ``least`` ideographs and nothing else (a title candidate inside a tangle); else None."""
    if p.kind != "body" or len(p.lines) != 1 or not p.lines[0].gap_before or p.labels[0] != "body":
        return None
    s = _flat(p.lines[0])
    return s if len(s) >= least and all(is_cjk(c) for c in s) else None


def _echoed_title(p: Piece, counts: Counter, w: float) -> bool:
    """A one-line body block inside a tangle that is a title its lead repeats (see
    :data:`ECHO_SHARE`), not set to the column width ``w`` (an unpunctuated full line is exactly
    ``w`` ems wide); ``counts``: :func:`_trigram_counts` of the page's body lines."""
    s = _ideograph_line(p, ECHO_MIN)
    if s is None or abs(cues.width(s) - w) < 0.75:
        return False
    grams = _trigrams(s)
    return sum(1 for g in grams if counts[g] > 1) >= ECHO_SHARE * len(grams)


def _title_line(p: Piece, w: float) -> bool:
    """A one-line block labelled body inside a tangle that is a headline line set beside the
    columns (``共话乡村振兴``): ideographs only (no punctuation, digits or letters), at least
    :data:`TITLE_MIN` of them, narrower than ``W - 3.25`` ems (a column's line that short is a
    paragraph's last line and ends with punctuation), and no credit (``记者…``, ``…摄``)."""
    s = _ideograph_line(p, TITLE_MIN)
    if s is None or cues.width(s) > w - 3.25:
        return False
    return not any(r in s for r in _CREDIT_ROLES) and not cues.bare_photo_credit(s)


def _split_column_heads(pieces: list[Piece], w: float) -> list[Piece]:
    """A block labelled headline between two tangle lines whose lines are each a block of their
    own and each read as a column line (:func:`_column_line`, or letter-spaced with digits: a
    justified column line) is cut into one-line blocks, which the tangle then takes up one by
    one (``近日，经省政府批准，广饶县`` / ``1993 年 完 成 社 会 总 产 值``, lines of two columns)."""
    out: list[Piece] = []
    for k, p in enumerate(pieces):
        if p.kind == "headline" and len(p.lines) > 1 and 0 < k < len(pieces) - 1 \
                and _tangle_member(pieces[k - 1]) and _tangle_member(pieces[k + 1]) and all(ln.gap_before for ln in p.lines):
            ones = [Piece("headline", [ln], [lab], index=p.index) for ln, lab in zip(p.lines, p.labels)]
            if all(_column_line(q, w) or _tangle_member(q) for q in ones):
                out.extend(ones)
                continue
        out.append(p)
    return out


def untangle(pieces: list[Piece], w: float, merged_rows: bool = False) -> list[Piece]:
    """Replace each tangle (see :data:`TANGLE_MIN`) by one piece per column stream; then, on a
    page with merged rows (``merged_rows``: :func:`~baozhi.layout.rows.split_rows` cut some; the
    gutters are narrow) in a dump with blank lines, read every body block that holds two or more
    columns printed in turn apart as :func:`untangle_gapless` does (``pieces``: the page's pieces
    in dump order; ``w``: the column width in ems; returns the new pieces, every line once)."""
    if not w:
        return pieces
    pieces = _split_column_heads(pieces, w)
    out: list[Piece] = []
    i = 0
    n = len(pieces)
    vocab = None
    echo = None
    while i < n:
        j = i
        while j < n:
            if _tangle_member(pieces[j]):
                j += 1
                continue
            # blocks of a few lines between one-line blocks (up to INSIDE_RUN in a row)
            # (blocks labelled headline that read as column lines only one at a time)
            k = j
            while j > i and k < n and k - j < INSIDE_RUN and not _tangle_member(pieces[k]) and (_inside(pieces[k]) or (k == j and (
                    _column_line(pieces[k], w) or _caption_line(pieces[k], pieces[i:j], w)))):
                k += 1
            if k > j + 1 and not _inside(pieces[j]):
                k = j + 1
            if k == j or k >= n or not _tangle_member(pieces[k]):
                if k > j and all(_inside(q) for q in pieces[j:k]):
                    j = k  # the last lines of the columns, a block each, before the tangle's last line
                break
            j = k
        if sum(1 for p in pieces[i:j] if _tangle_member(p)) < TANGLE_MIN:
            out.append(pieces[i])
            i += 1
            continue
        if echo is None:
            echo = _trigram_counts([_flat(ln) for p in pieces for ln, lab in zip(p.lines, p.labels) if lab == "body"])
        is_title = [_title_line(p, w) or _echoed_title(p, echo, w) for p in pieces[i:j]]
        run = [p for p, t in zip(pieces[i:j], is_title) if not t]
        titles = [ln for p, t in zip(pieces[i:j], is_title) if t for ln in p.lines]
        prev = out[-1] if out and out[-1].kind == "body" and (
            _open_tail(out[-1]) or _byline_only(_flat(out[-1].lines[-1]))) else None
        if titles:  # a title set beside the columns' first lines: a headline before the streams
            at = len(out) - (prev is not None)  # (before the piece a stream goes on from)
            if at and out[at - 1].kind == "headline":
                out[at - 1].lines.extend(titles)
                out[at - 1].labels.extend(["headline"] * len(titles))
            else:
                out.insert(at, Piece("headline", titles, ["headline"] * len(titles), index=pieces[i].index))
        if vocab is None:
            vocab = page_vocabulary([_flat(ln) for p in pieces for ln in p.lines])
        after = pieces[j] if j < n and _trailing_line(pieces[j], w) else None
        if after is not None:  # the tangle's last line, labelled headline with a title below it
            run.append(Piece("headline", after.lines[:1], after.labels[:1], index=after.index))
        streams = untangle_lines([_flat(p.lines[0]) for p in run], w, _flat(prev.lines[-1]) if prev else None, vocab,
                                 tails=[_flat(p.lines[-1]) for p in run])
        if after is not None:
            last = len(run) - 1
            st = next(st for st in streams if last in st)
            if st.index(last) == 0:  # it goes on from no column line: a headline after all
                st.remove(last)
            else:
                after = Piece(after.kind, after.lines[1:], after.labels[1:], index=after.index) if len(after.lines) > 1 else None
            j += 1
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
                target.lines.extend(run[k].lines)
                target.labels.extend(run[k].labels if len(run[k].lines) > 1 else ["body"])
        if after is not None:
            out.append(after)
        i = j
    if merged_rows and any(ln.gap_before for p in pieces for ln in p.lines):
        # where the gutters are narrow (pdftotext merged some rows) a block of several lines may
        # itself hold the lines of two or three columns printed in turn (modules side by side
        # whose rows pdftotext read as one block): searched as a gapless block
        # (:func:`_gapless_piece`); not in dumps without any blank line (PyMuPDF). On the seven
        # dev sets 3 blocks split, all on pages with merged rows; searching every page's blocks
        # cost 10% of the default dumps' parse time.
        if vocab is None:
            vocab = page_vocabulary([_flat(ln) for p in pieces for ln in p.lines])
        out = [q for p in out for q in (_gapless_piece(p, w, vocab) or [p])]
    for k, p in enumerate(out):
        p.index = k
    return out


GAPLESS_MIN = 6
"""A block of at least this many lines is looked at for a tangle when blank lines say nothing."""
GAPLESS_MAX_STREAMS = 4
"""At most so many streams in a tangle found without blank lines (keeps the search cheap)."""
GAPLESS_BEAM = 32
"""States kept per line there (at most 4 streams need fewer)."""
GAPLESS_SKIP_COST = 0.5
"""Passing over a stream costs less there: the stretch searched may hold lines of a column
that does not take part in the interleave (1.0 lowered seedlike bench 0.551 -> 0.544)."""
GAPLESS_MARGIN = 4.0
"""Evidence by which the split into streams must beat reading the block in order."""


GAPLESS_ALTERNATIONS = 3
"""A block is searched for a tangle only when at least this many of its lines are continued
clearly better (by 1.5) by the line two or three below than by the next one; the search
covers the lines from just before the first to just after the last."""


def _alternations(flats: list[str], w: float, vocab: tuple[frozenset[str], frozenset[str]]) -> list[int]:
    """Indices of the lines continued clearly better (by 1.5) by the line two or three below
    than by the next one."""
    feats = [_line_features(s, w) for s in flats]

    def ev(i: int, k: int, rough: float) -> float:
        # without a dictionary word across the break the evidence is the rough one, to the bit
        # (:func:`_cont_features` adds the join term only for a join)
        if join_score(flats[i], flats[k]) <= 0:
            return rough
        return _cont_features(feats[i], feats[k], w) + _repeat(flats[i], flats[k], vocab)

    n = len(flats)
    out = []
    for i in range(n - 2):
        # exact bound first: the join term lies in [0, JOIN_MAX], so when no line two or three
        # below can reach the next line's evidence + 1.5 even with the largest join, skip the
        # dictionary look-ups (1e-9 guards the float sums); ``rough``: the evidence without the
        # join for the next line and the two below it
        fa, a = feats[i], flats[i]
        rough = [_cont_features(fa, feats[k], w, join=False) + _repeat(a, flats[k], vocab)
                 for k in range(i + 1, min(n, i + 4))]
        low = rough[0] + 1.5
        tops = [(k, r, r + JOIN_MAX) for k, r in enumerate(rough[1:], i + 2) if r + JOIN_MAX >= low - 1e-9]
        if not tops:
            continue
        bar = ev(i, i + 1, rough[0]) + 1.5
        if any(top >= bar - 1e-9 and ev(i, k, r) >= bar for k, r, top in tops):
            out.append(i)
    return out


IN_ORDER_JOINS = 0.25
"""A block whose adjacent lines form a dictionary word across the break this often reads in
order (running text: about 40% of line breaks fall inside a word; lines of different columns
printed in turn: about 7%), and is not searched for a wide tangle."""
LONG_PERIODS = (4, 5, 6)
"""Column counts of a wide tangle (pages of five or six columns) looked for when no
alternation of two or three columns is found."""


def _long_period(flats: list[str], w: float, vocab: tuple[frozenset[str], frozenset[str]]) -> tuple[int, list[int]]:
    """The period of a tangle of four to six columns printed row by row: the ``p`` of
    :data:`LONG_PERIODS` for which most lines are continued clearly better (by 1.5, as in
    :func:`_alternations`) by the line ``p`` below than by any line between. Returns ``(p,
    indices of those lines)``; the list is empty when no line is."""
    n = len(flats)
    if n < LONG_PERIODS[0] + GAPLESS_ALTERNATIONS:
        return LONG_PERIODS[0], []
    joins, need = 0, IN_ORDER_JOINS * (n - 1)
    for i in range(n - 1):
        joins += join_score(flats[i], flats[i + 1]) > 0
        if joins >= need:
            return LONG_PERIODS[0], []  # the block reads in order: words run across many line breaks
    feats = [_line_features(s, w) for s in flats]
    top_per = LONG_PERIODS[-1]
    ev: dict[tuple[int, int], float] = {}

    def e(i: int, k: int) -> float:
        if (i, k) not in ev:
            ev[i, k] = _cont_features(feats[i], feats[k], w) + _repeat(flats[i], flats[k], vocab)
        return ev[i, k]

    hits: dict[int, list[int]] = {per: [] for per in LONG_PERIODS}
    for i in range(n - LONG_PERIODS[0]):
        # the evidence without the word join (at most JOIN_MAX below the full one) for the lines
        # 1 .. top_per below, and its running maximum: an exact bound that skips the dictionary
        # look-ups when even the largest join cannot lift the line ``per`` below over those between
        rough = [_cont_features(feats[i], feats[k], w, join=False) + _repeat(flats[i], flats[k], vocab)
                 for k in range(i + 1, min(n, i + top_per + 1))]
        run = 0.0
        for per in range(1, len(rough) + 1):
            if per in hits and rough[per - 1] + JOIN_MAX >= run + 1.5 - 1e-9:
                top = e(i, i + per)
                if top >= run + 1.5 - 1e-9 and top >= max(e(i, k) for k in range(i + 1, i + per)) + 1.5:
                    hits[per].append(i)
            run = rough[per - 1] if per == 1 else max(run, rough[per - 1])
    per = max(LONG_PERIODS, key=lambda q: (len(hits[q]), -q))
    return per, hits[per]


CAPTION_MIN_LINES = 2
"""A caption set wider than the column and printed line by line between the column's lines
shows at least this many wide lines, each with one column line after it."""


def split_wide_interleave(pieces: list[Piece], w: float) -> list[Piece]:
    """Dumps without telling blank lines: a caption set across columns (lines wider than
    ``W + 2.5`` ems) that ``pdftotext`` printed line by line between the lines of the column
    beside it (wide, column, wide, column, …) is read apart by width. In a run of body pieces,
    a chain of at least :data:`CAPTION_MIN_LINES` wide lines, each followed by one line of
    column width, is cut out: the column lines go on in the piece of the line before the chain,
    the wide lines become a piece of their own after it, and the lines after the chain stay in
    their pieces. Returns the new pieces (every line exactly once, in order within a stream)."""
    if not w:
        return pieces
    out: list[Piece] = []
    i = 0
    n = len(pieces)
    while i < n:
        if pieces[i].kind != "body":
            out.append(pieces[i])
            i += 1
            continue
        j = i
        while j < n and pieces[j].kind == "body":
            j += 1
        out.extend(_split_chain(pieces[i:j], w))
        i = j
    for k, p in enumerate(out):
        p.index = k
    return out


def _split_chain(run: list[Piece], w: float) -> list[Piece]:
    """:func:`split_wide_interleave` on one run of body pieces."""
    items = [(k, m) for k, p in enumerate(run) for m in range(len(p.lines))]
    wide = [cues.width(_flat(run[k].lines[m])) > w + WIDE_EMS for k, m in items]
    n = len(items)
    p = 1
    while p < n:
        if not (wide[p] and not wide[p - 1]):
            p += 1
            continue
        q = p  # the chain: wide lines at p, p + 2, …, each followed by a column line
        while q + 2 < n and not wide[q + 1] and wide[q + 2]:
            q += 2
        count = (q - p) // 2 + 1
        if count < CAPTION_MIN_LINES or q + 1 >= n or wide[q + 1]:
            p = q + 1
            continue
        end = q + 2  # the line after the last wide one is the chain's last column line
        column = [items[x] for x in range(p + 1, end, 2)]
        caption = [items[x] for x in range(p, end, 2)]
        k0, m0 = items[p - 1]
        head = Piece("body", run[k0].lines[:m0 + 1], run[k0].labels[:m0 + 1], index=run[k0].index)
        head.lines += [run[k].lines[m] for k, m in column]
        head.labels += [run[k].labels[m] for k, m in column]
        cap = Piece("body", [run[k].lines[m] for k, m in caption], [run[k].labels[m] for k, m in caption],
                    index=run[k0].index)
        rest = []
        for k, group in groupby(items[end:], key=lambda it: it[0]):
            ms = [m for _, m in group]
            rest.append(Piece("body", [run[k].lines[m] for m in ms], [run[k].labels[m] for m in ms], index=run[k].index))
        return run[:k0] + [head, cap] + _split_chain(rest, w)
    return run


def untangle_gapless(pieces: list[Piece], w: float) -> list[Piece]:
    """Tangles in a dump whose blank lines mark nothing (one after every line, as in the seed
    page): a body block is split into column streams when the tangle model
    (:func:`untangle_lines`) reads it as several streams with evidence better by
    :data:`GAPLESS_MARGIN` than reading it in dump order. Two body blocks with one line
    labelled headline between them that reads as a column line (:func:`_column_line`) are
    searched as one block, and kept as one (the line relabelled body) only when it splits."""
    if not w:
        return pieces
    pieces = split_wide_interleave(pieces, w)
    pieces = [q for p in pieces for q in _cut_titles(p)]
    vocab = page_vocabulary([_flat(ln) for q in pieces for ln in q.lines])
    out: list[Piece] = []
    i = 0
    n = len(pieces)
    while i < n:
        p = pieces[i]
        if p.kind == "body" and i + 2 < n and pieces[i + 2].kind == "body" and _column_line(pieces[i + 1], w) \
                and not _lead(_flat(pieces[i + 2].lines[0])) \
                and not _over_lead([_flat(pieces[i + 1].lines[-1])] + [_flat(ln) for ln in pieces[i + 2].lines[:TITLE_LEAD_ROW]], 0):
            mid = pieces[i + 1]
            whole = Piece("body", p.lines + mid.lines + pieces[i + 2].lines,
                          p.labels + ["body"] + pieces[i + 2].labels, index=p.index)
            split = _gapless_piece(whole, w, vocab)
            if split is not None:
                out.extend(split)
                i += 3
                continue
        out.extend(_gapless_piece(p, w, vocab) or [p])
        i += 1
    for k, p in enumerate(out):
        p.index = k
    return out


TITLE_LEAD_ROW = GAPLESS_MAX_STREAMS - 1
"""Lines below a title line within which a tangle prints the lead of its article (the other
columns' lines of the row between): at most a row of the widest gapless tangle searched."""
TITLE_LEAD_SHARE = 0.5
"""Share of a title line's character bigrams its article's lead repeats."""


def _over_lead(flats: list[str], k: int) -> bool:
    """Line ``k`` of ``flats`` (de-spaced lines) is a title whose article's lead is printed 2 to
    :data:`TITLE_LEAD_ROW` lines below it (see :func:`_cut_titles`)."""
    s = flats[k]
    if len(s) < 8 or not cues.RUNNING_PUNCT.isdisjoint(s) or sum(1 for c in s if is_cjk(c)) < 8:
        return False  # (cheapest test first: most body lines hold punctuation)
    leads = [t for t in flats[k + 2:k + TITLE_LEAD_ROW + 1] if _lead(t)]
    if not leads:
        return False
    grams = _bigrams(s)
    return any(len(grams & _bigrams(t)) >= TITLE_LEAD_SHARE * len(grams) for t in leads)


def _cut_titles(p: Piece) -> list[Piece]:
    """A body block cut around its title lines: a line of at least 8 ideographs without clause
    or sentence punctuation whose article's lead (:func:`_lead`) is printed 2 to
    :data:`TITLE_LEAD_ROW` lines below it (a tangle's other columns' lines between) and repeats
    :data:`TITLE_LEAD_SHARE` of its bigrams or more (``区委理论学习中心组举行集体学习会议`` …
    ``12月16日，区委理论学习中心组``) becomes a headline piece of its own; the blocks either side
    are searched apart. Returns ``[p]`` when there is none."""
    if p.kind != "body" or len(p.lines) < 3:
        return [p]
    flats = [_flat(ln) for ln in p.lines]
    cuts = [k for k, s in enumerate(flats) if len(s) >= 8 and cues.RUNNING_PUNCT.isdisjoint(s) and _over_lead(flats, k)]
    if not cuts:
        return [p]
    out = []
    at = 0
    for k in cuts:
        if k > at:
            out.append(Piece("body", p.lines[at:k], p.labels[at:k], index=p.index))
        out.append(Piece("headline", p.lines[k:k + 1], ["headline"], index=p.index))
        at = k + 1
    if at < len(p.lines):
        out.append(Piece("body", p.lines[at:], p.labels[at:], index=p.index))
    return out


def _lead(s: str) -> bool:
    """``s`` opens an article (an inline byline, a dated lead): a title line right above it
    is no column line read between a tangle's lines."""
    return bool(cues.opens_article(s) or cues.dateline(s))


def _gapless_piece(p: Piece, w: float, vocab: tuple[frozenset[str], frozenset[str]]) -> list[Piece] | None:
    """One body block of :func:`untangle_gapless` read apart into pieces, or None when it is
    no tangle."""
    if p.kind != "body" or len(p.lines) < GAPLESS_MIN:
        return None
    flats = [_flat(ln) for ln in p.lines]
    alt = _alternations(flats, w, vocab)
    tries = []  # (period, lines continued by the line that far below, max streams, beam)
    if len(alt) >= GAPLESS_ALTERNATIONS:
        tries.append((3, alt, GAPLESS_MAX_STREAMS, GAPLESS_BEAM))
    period, long_alt = _long_period(flats, w, vocab)
    if len(long_alt) >= GAPLESS_ALTERNATIONS and len(long_alt) > len(alt):
        tries.append((period, long_alt, period, TANGLE_BEAM))
    best_gain, found = GAPLESS_MARGIN, None
    for period, alt, max_streams, beam in tries:
        # the tangle: from just before the first such line to just after the last
        lo, hi = max(0, alt[0] - 1), min(len(flats), alt[-1] + period + 1)
        if len(flats) - hi < period:
            hi = len(flats)  # the lines left after it are less than a row: the tangle's last row
        head = flats[lo - 1] if lo else None
        part = flats[lo:hi]
        _, one = untangle_lines(part, w, head, vocab, max_streams=1, with_score=True, skip_cost=GAPLESS_SKIP_COST)
        streams, best = untangle_lines(part, w, head, vocab, max_streams=max_streams, with_score=True,
                                       skip_cost=GAPLESS_SKIP_COST, beam_width=beam)
        if len(streams) >= 2 and best - one >= best_gain:
            best_gain, found = best - one, (lo, hi, streams)
    if found is None:
        return None
    lo, hi, streams = found
    out: list[Piece] = []
    first = Piece("body", p.lines[:lo], p.labels[:lo], index=p.index)
    if lo:
        out.append(first)
    for st in streams:
        target = first if st[0] < 0 else Piece("body", index=p.index)
        if target is not first:
            out.append(target)
        target.lines.extend(p.lines[lo + k] for k in st if k >= 0)
        target.labels.extend(p.labels[lo + k] for k in st if k >= 0)
    if hi < len(flats):
        out.append(Piece("body", p.lines[hi:], p.labels[hi:], index=p.index))
    return out
