"""Large-type titles that default ``pdftotext`` scatters through the columns.

A title set in large type across several columns has no line of its own in a
default dump: ``pdftotext`` prints its characters one a line, each with the
column it stands over, between that column's lines (``…展示乡村振`` / ``探`` /
``共`` / ``兴亮点成果。``). With two title lines (a kicker and a title) the
characters of both come out in turn, ordered by their place across the page
(``探共寻话嘉乡`` for 探寻嘉州春天 / 共话乡村振兴). The column's body runs on
across them.

Evidence comes from the text only: the pieces are headline pieces of lines of
one or two ideographs (no punctuation, far shorter than a column line), the body
line before them and the one after form a dictionary word across the break
(:func:`~baozhi.layout.joins.join_score`), and the characters gathered split into
title lines whose neighbouring characters form words (jieba's word list, or
pairs the page's body prints).

Stage order (:func:`~baozhi.layout.order.plain_streams`): after the tangles are
read apart, :func:`cut_lines` and :func:`bridge_scatter` (whose links
:func:`~baozhi.layout.order.relink` makes first); after relinking,
:func:`gather_scatter` and :func:`join_fragments`.
"""
from __future__ import annotations

from ..articles import cues
from ..articles.assemble import bigrams, share
from ..model import Line
from ..text import Text
from .chars import is_cjk
from .joins import WORD_JOIN, join_score
from .order import WINDOW, Piece, _cont_head, _dangles, _is_lead, _flat, _may_continue, _same_measure, straight_runs
from .tangles import page_vocabulary

SCATTER_CHARS = 2
"""A scattered title line holds at most this many ideographs (``pdftotext`` prints one or two
large characters a line)."""
NEAR_BONUS = 1.0
"""The open tail printed right before the title's characters is preferred to one printed further
back by this much join score (the dump mostly runs forward)."""
SPLIT_MARGIN = 1
"""Two title lines are rebuilt only when they make this many more words than reading the
characters straight on."""


def scatter_piece(p: Piece) -> bool:
    """A headline piece of lines of one or two ideographs each, at least one of one ideograph
    (a large-type title's characters; a two-ideograph line alone is a section label: 简讯).
    Quote marks count with the ideographs (``“`` / ``冻`` / ``马``), and a piece of one quote
    mark alone is one too (the title's ``“`` printed apart from its characters)."""
    if p.kind != "headline" or not p.lines:
        return False
    flats = [_flat(ln) for ln in p.lines]
    if len(flats) == 1 and flats[0] in _TITLE_QUOTES:
        return True  # a title's quote mark, printed alone like its characters (“ / 冻 / 马 / ” / 加 / 鞭)
    return all(0 < len(f) <= SCATTER_CHARS and all(is_cjk(c) or c in _TITLE_QUOTES for c in f) for f in flats) \
        and any(len(f) == 1 for f in flats) and any(is_cjk(c) for f in flats for c in f)


_TITLE_QUOTES = frozenset("“”‘’")


def _between(p: Piece) -> bool:
    """A piece a scattered title's run may hold: its characters or page furniture."""
    return p.kind == "furniture" or scatter_piece(p)


def _tail(p: Piece) -> str:
    return _flat(p.lines[-1])


def _head(p: Piece) -> str:
    return _flat(p.lines[0])


CUT_LINE_SHORT = 3.0
"""A body line cut by a scattered title is a column line: at most this many ems short of ``W``
(a full line, or a paragraph's first line two ems short, punctuation widths varying)."""


def _scatter_tail(lines: list[Line]) -> int:
    """Where the trailing run of scattered-title lines (one or two ideographs each, one of one at
    least) of a headline piece's lines starts; ``len(lines)`` when there is none."""
    k = len(lines)
    while k and 0 < len(lines[k - 1].flat) <= SCATTER_CHARS and all(is_cjk(c) for c in lines[k - 1].flat):
        k -= 1
    return k if any(len(ln.flat) == 1 for ln in lines[k:]) else len(lines)


def cut_lines(pieces: list[Piece], w: float) -> list[Piece]:
    """Body lines cut mid-sentence right before a scattered title's characters, labelled headline
    with them (``…和沟村村民除了收取土地租金、药材收`` / ``包`` / ``鼓`` / ``入分红之外…``):
    ``pieces`` in dump order. The last line *L* before a headline piece's trailing run of
    one-ideograph lines is body text when it is set as a column line (at most
    :data:`CUT_LINE_SHORT` ems short of ``W``, not wider), ends no sentence, and a dictionary
    word of join score :data:`~baozhi.layout.joins.WORD_JOIN` or more runs from it into a body
    piece among the :data:`~baozhi.layout.order.WINDOW` after that may continue a text and
    is left without one: the first after the run, or one whose first line cannot open a
    paragraph printed after no open tail. The piece is split into the lines before *L*
    (headline), *L* (body) and the run (headline). Returns the pieces."""
    out: list[Piece] = []
    for n, p in enumerate(pieces):
        k = _scatter_tail(p.lines) if p.kind == "headline" else len(p.lines)
        if not 0 < k < len(p.lines):
            out.append(p)
            continue
        cut = _flat(p.lines[k - 1])
        if not (w - CUT_LINE_SHORT <= cues.width(cut) <= w) or cues.ends_sentence(cut) or not _continued(cut, pieces, n, w):
            out.append(p)
            continue
        if k > 1:
            out.append(Piece("headline", p.lines[:k - 1], p.labels[:k - 1], index=p.index))
        out.append(Piece("body", [p.lines[k - 1]], ["body"], index=p.index))
        out.append(Piece("headline", p.lines[k:], p.labels[k:], index=p.index))
    return out


def _continued(cut: str, pieces: list[Piece], n: int, w: float) -> bool:
    """A body piece after ``pieces[n]`` (see :func:`cut_lines`) goes on from line ``cut`` with a
    dictionary word across the break."""
    after_run = True
    prev_open = False
    for q in pieces[n + 1:n + 1 + WINDOW]:
        if q.kind != "body":
            if not (q.kind == "furniture" or scatter_piece(q)):
                after_run = False
            continue
        if _may_continue(q) and (after_run or (_cont_head(q, w) and not prev_open)) \
                and join_score(cut, _head(q)) >= WORD_JOIN:
            return True
        after_run = False
        prev_open = _dangles(q)
    return False


def bridge_scatter(pieces: list[Piece], w: float) -> tuple[dict[int, int], list[tuple[Piece, list[Piece], list[Piece]]]]:
    """The body pieces a scattered title cuts: ``pieces`` in dump order. Returns links
    ``{a: b}`` (positions in ``pieces``: *b* continues *a*) for
    :func:`~baozhi.layout.order.relink`, and the titles: for each chain of links (a link from
    the piece the link before reached), its first open tail's piece, the scattered-title
    pieces of the runs the chain crosses (in dump order) and the pieces its links reach.

    For each run of scattered-title pieces (and furniture) followed by a body piece *B* that
    may continue a text, *B* continues the open tail *A* that fits best: the piece right
    before the run when a dictionary word runs across, or the page prints the three
    characters across the break whole elsewhere (:func:`~baozhi.layout.tangles.page_vocabulary`),
    or it was itself linked across the run's part before (the title is proved to cut that
    column), scored its join score plus :data:`NEAR_BONUS`; else an open tail among the
    :data:`~baozhi.layout.order.WINDOW` pieces before with a join score of at least
    :data:`~baozhi.layout.joins.WORD_JOIN` that its own next piece does not continue as
    well. Both lines must keep the measure."""
    if not any(scatter_piece(p) for p in pieces):
        return {}, []
    vocab = page_vocabulary([_flat(ln) for p in pieces for ln in p.lines])
    links: dict[int, int] = {}
    title_of: dict[int, tuple[Piece, list[Piece], list[Piece]]] = {}  # a linked piece → its chain's title
    n = len(pieces)
    k = 0
    while k < n:
        if not _between(pieces[k]):
            k += 1
            continue
        s = e = k
        while e < n and _between(pieces[e]):
            e += 1
        k = e
        if e >= n or not any(scatter_piece(p) for p in pieces[s:e]) or not _may_continue(pieces[e]):
            continue
        head = _head(pieces[e])
        a_at, best = None, 0.0
        near = s - 1
        if near >= 0 and near not in links and _dangles(pieces[near]) and _same_measure(_tail(pieces[near]), head, w):
            a = _tail(pieces[near])
            sc = join_score(a, head)
            if sc > 0 or near in title_of or (a[-2:] + head[:1]) in vocab[1] or (a[-1:] + head[:2]) in vocab[1]:
                a_at, best = near, sc + NEAR_BONUS
        for i in range(s - 2, max(-1, s - 1 - WINDOW), -1):
            p = pieces[i]
            if i in links or not _dangles(p) or not _same_measure(_tail(p), head, w):
                continue
            sc = join_score(_tail(p), head)
            nxt = pieces[i + 1]
            if sc >= max(best, WORD_JOIN) and not (nxt.kind == "body" and join_score(_tail(p), _head(nxt)) >= sc):
                a_at, best = i, sc
        if a_at is not None:
            links[a_at] = e
            title = title_of.get(a_at) or (pieces[a_at], [], [])
            title[1].extend(p for p in pieces[s:e] if scatter_piece(p))
            title[2].append(pieces[e])
            title_of[a_at] = title_of[e] = title
    titles: list[tuple[Piece, list[Piece], list[Piece]]] = []
    for t in title_of.values():
        if all(t is not u for u in titles):
            titles.append(t)
    return links, titles


def gather_scatter(pieces: list[Piece], ordered: list[Piece], titles: list[tuple[Piece, list[Piece], list[Piece]]],
                   body_grams: set[str] | frozenset[str]) -> list[Piece]:
    """Gather each title's scattered pieces (``titles`` from :func:`bridge_scatter` over
    ``pieces``, the dump order) into the first one printed, its lines rebuilt as title lines
    (:func:`title_lines`; ``body_grams``: the page body's character bigrams). ``ordered``: the
    pieces in reading order. Titles whose links reach pieces of one text (the body pieces read
    from one lead to the next) are one title (two chains of one column: a paragraph that ends
    between the runs). The title goes right before its first chain's first piece when that is a
    lead (byline, dated lead), else it stays where its first piece was read. Returns the pieces
    in reading order, the title's other pieces dropped (their lines moved)."""
    text_of: dict[int, int] = {}
    text = 0
    for p in ordered:
        if _is_lead(p):
            text += 1
        text_of[id(p)] = text
    rank = {id(p): k for k, p in enumerate(pieces)}
    read = {id(p): k for k, p in enumerate(ordered)}
    merged: dict[int, tuple[Piece, list[Piece]]] = {}
    taken = {id(q) for _, parts, _ in titles for q in parts}
    for start, parts, reached in titles:
        before = _printed_before(pieces, rank[id(start)])
        if before and not any(id(q) in taken for q in before):
            parts = before + parts
            taken.update(id(q) for q in before)
        key = text_of[id(reached[0])]
        if key in merged:
            first, have = merged[key]
            merged[key] = (first if read[id(first)] < read[id(start)] else start,
                           sorted(have + parts, key=lambda p: rank[id(p)]))
        else:
            merged[key] = (start, list(parts))
    out = list(ordered)
    for key, (start, title) in merged.items():
        if len(title) == 1:
            _end_title_line(out, title[0], key, text_of)
        if len(title) < 2:
            continue
        first = title[0]
        first.lines = title_lines([ln for p in title for ln in p.lines], body_grams)
        first.labels = ["headline"] * len(first.lines)
        drop = {id(p) for p in title[1:]}
        out = [p for p in out if id(p) not in drop]
        if _is_lead(start):
            out.remove(first)
            out.insert(next(k for k, p in enumerate(out) if p is start), first)
    return out


def _printed_before(pieces: list[Piece], k: int) -> list[Piece]:
    """The scattered-title pieces printed right before ``pieces[k]``, the first piece a title's
    chain of links starts from, with only furniture and such pieces between: the characters the
    title holds above the column's first line (``探`` / ``共`` … ``寻`` / ``话`` before ``本报讯…``),
    printed before it. Empty when the run follows an open tail (a title cutting that text is
    bridged from it). Returns the pieces in dump order."""
    i = k - 1
    while i >= 0 and _between(pieces[i]):
        i -= 1
    if i >= 0 and _dangles(pieces[i]):
        return []
    return [p for p in pieces[i + 1:k] if scatter_piece(p)]


def _end_title_line(out: list[Piece], part: Piece, key: int, text_of: dict[int, int]) -> None:
    """A title's last character printed alone in the column it stands over, that column's text
    bridged across it (``…生猪出栏30.68万头，增`` / ``天`` / ``长9.3%…``) while the rest of the
    title was printed whole above the text: ``part``, a scattered-title piece of one line of one
    ideograph; ``key``: the text (:func:`gather_scatter`'s numbering) its links reach. When the
    headline piece read right before that text's first piece has a line after whose last
    character a dictionary word of join score :data:`~baozhi.layout.joins.WORD_JOIN` runs into it
    (``探寻嘉州春`` + ``天``: 春天), the character ends that line (the first such line, top
    down) and ``part`` leaves ``out`` (the pieces in reading order, changed in place)."""
    if len(part.lines) != 1 or not _vertical_one(part.lines[0].flat):
        return
    first = next((k for k, p in enumerate(out) if text_of.get(id(p)) == key), None)
    if not first or out[first - 1].kind != "headline" or out[first - 1] is part:
        return
    head = out[first - 1]
    ch = part.lines[0]
    for m, ln in enumerate(head.lines):
        if 0 < len(ln.flat) <= FRAGMENT_CHARS and not (_CLAUSE & set(ln.flat)) \
                and join_score(ln.flat, ch.flat) >= WORD_JOIN:
            head.lines[m] = Line(Text.join([ln.text.strip(), ch.text.strip()]), indent=ln.indent, row=ln.row,
                                 column=ln.column, label="headline")
            out.remove(part)
            return


FRAGMENT_CHARS = 8
"""A title fragment joined across body pieces is at most this many characters (a large-type
title's part over one column)."""
FRAGMENT_REACH = 12
"""... and the fragments stand at most this many pieces apart in reading order."""
_CLAUSE = frozenset("，。；：、！？,;:!?")
HEADER_JOIN = 1.0
"""A title's first character printed alone among the page's header lines (``pdftotext`` prints
the large character beside the date or section it stands level with) goes on in the title line
after the header on a word of any frequency across (``探`` … ``寻嘉州春``: 探寻, join score 4.9):
nothing but furniture stands between them and no text is printed before."""


def join_fragments(ordered: list[Piece]) -> list[Piece]:
    """Parts of one large-type title read apart by the body between them (``迎峰度`` … ``冬保供电``,
    ``清苑社`` … ``区``): ``ordered``, the pieces in reading order. The last line of a headline
    piece and the first line of the next headline piece, at most :data:`FRAGMENT_REACH` pieces
    on with only body pieces of one text (no lead) and furniture between, both of at most
    :data:`FRAGMENT_CHARS` characters with no clause punctuation, are one title line when a
    dictionary word of join score :data:`~baozhi.layout.joins.WORD_JOIN` or more runs across
    them. Returns the pieces: the second line joined to the first, or, when both are one
    ideograph (a title printed a character a line), the second piece's leading run of such
    lines moved after the first (the vertical-headline rules read the run); a piece left empty
    dropped."""
    out = list(ordered)
    k = 0
    while k < len(out):
        h = out[k]
        if h.kind != "headline" or not h.lines:
            k += 1
            continue
        j = k + 1
        while j < len(out) and j - k <= FRAGMENT_REACH and out[j].kind != "headline" and not _is_lead(out[j]):
            j += 1
        if j == k + 1 or j >= len(out) or j - k > FRAGMENT_REACH or out[j].kind != "headline":
            k += 1
            continue
        a, b = h.lines[-1], out[j].lines[0]
        fa, fb = a.flat, b.flat
        need = WORD_JOIN
        if len(h.lines) == 1 and _vertical_one(fa) and all(q.kind == "furniture" for q in out[k + 1:j]) \
                and not any(q.kind == "body" for q in out[:k]):
            need = HEADER_JOIN  # a title's first character printed among the header lines beside it
        if max(len(fa), len(fb)) > FRAGMENT_CHARS or _CLAUSE & set(fa + fb) or join_score(fa, fb) < need:
            k += 1
            continue
        if len(fa) == len(fb) == 1:  # characters a line (a vertical or scattered title): the run moves on
            m = 1
            while m < len(out[j].lines) and len(out[j].lines[m].flat) == 1 and is_cjk(out[j].lines[m].flat):
                m += 1
            h.lines.extend(out[j].lines[:m])
            h.labels.extend(["headline"] * m)
        else:
            m = 1
            h.lines[-1] = Line(Text.join([a.text.strip(), b.text.strip()]), indent=a.indent, row=a.row,
                               column=a.column, label="headline")
        out[j].lines = out[j].lines[m:]
        out[j].labels = out[j].labels[m:]
        if not out[j].lines:
            del out[j]
    return out


def _pair(a: str, b: str, body_grams: set[str] | frozenset[str]) -> int:
    return 1 if (a + b) in body_grams or join_score(a, b) > 0 else 0


def title_lines(lines: list[Line], body_grams: set[str] | frozenset[str]) -> list[Line]:
    """A scattered title's lines (one or two ideographs each, in dump order) as two title lines
    when its characters alternate between them (``探共寻话嘉乡…`` → 探寻嘉州春天 / 共话乡村振兴):
    when the alternate characters make :data:`SPLIT_MARGIN` more words (jieba's word list, or
    pairs the page's body prints: ``body_grams``) than reading them straight on. The line of the
    first character comes first (the upper line: ``pdftotext`` prints a column's characters top
    down). Otherwise the lines unchanged (left to the vertical-headline rules). Returns
    headline lines (each character's offsets kept)."""
    chars = Text.join([ln.text.strip() for ln in lines])
    pos = [i for i, c in enumerate(chars.value) if not c.isspace()]
    flat = "".join(chars.value[i] for i in pos)
    if len(flat) < 4:
        return lines
    straight = sum(_pair(a, b, body_grams) for a, b in zip(flat, flat[1:]))
    split = sum(_pair(a, b, body_grams) for half in (flat[0::2], flat[1::2]) for a, b in zip(half, half[1:]))
    if split < straight + SPLIT_MARGIN:
        return lines
    first = lines[0]
    return [Line(Text("".join(chars.value[i] for i in pos[s::2]), tuple(chars.offsets[i] for i in pos[s::2])),
                 indent=first.indent, row=first.row, column=first.column, label="headline") for s in (0, 1)]


NUMBER_CHARS = 4
"""A number printed on a line of its own among a scattered title's characters has at most this
many digits (``1``, ``3``, ``4500``: a count in a title; a longer one is a date or a figure)."""


def _number_line(flat: str) -> bool:
    return 0 < len(flat) <= NUMBER_CHARS and all("0" <= c <= "9" or "０" <= c <= "９" for c in flat)


def number_runs(lines: list[Line]) -> list[Line]:
    """A scattered or vertical title holding numbers (``市`` / ``1`` / ``镇`` / ``3`` / ``村``,
    ``新`` / ``增`` / ``学`` / ``位`` / ``4500`` / ``多`` / ``个``): ``pdftotext`` prints the
    number, set as one block of digits, on a line of its own, which breaks the run of
    one-ideograph lines the vertical-headline rules read. ``lines``: a headline piece's lines. A
    run of lines each of one ideograph or a number (at most :data:`NUMBER_CHARS` digits), with
    two ideographs or more, every number right after an ideograph and followed by one, becomes one
    headline line read straight (a number is read along the line, so the title is one line, not
    two interleaved). Returns the piece's lines (each character's offsets kept)."""
    def run_end(ls: list[Line], i: int) -> int:
        j = i
        while j < len(ls) and (_vertical_one(ls[j].flat) or (
                j > i and _number_line(ls[j].flat) and _vertical_one(ls[j - 1].flat)
                and j + 1 < len(ls) and _vertical_one(ls[j + 1].flat))):
            j += 1
        return j

    return straight_runs(lines, run_end, lambda ln: _number_line(ln.flat))


def _vertical_one(flat: str) -> bool:
    return len(flat) == 1 and is_cjk(flat)


SUBTITLE_SHARE = 0.5
"""A title part printed inside its article's text shares at least this share of its character
bigrams with that text (a segment of a subtitle restates the text's facts: 计划总投资134.12亿元
in a text reading 项目总投资134.12亿元) ..."""
SUBTITLE_MARGIN = 0.2
"""... and this much more than with any other text of the page (as
:func:`~baozhi.layout.order.place_headlines` moves a headline group on)."""


def _texts(ordered: list[Piece], lo: int, hi: int):
    """The bigrams of each text of ``ordered`` (body pieces from one lead to the next) but the
    one of pieces ``lo`` to ``hi``; a generator, computed as the caller asks."""
    k = 0
    while k < len(ordered):
        if k == lo:
            k = hi
            continue
        if ordered[k].kind == "body":
            j = k + 1
            while j < len(ordered) and j != lo and ordered[j].kind == "body" and not _is_lead(ordered[j]):
                j += 1
            yield bigrams("".join(_flat(ln) for q in ordered[k:j] for ln in q.lines))
            k = j
        else:
            k += 1


def _title_part(p: Piece, w: float) -> bool:
    """A piece of one line that may be a part of a title line: at least four characters, no
    clause punctuation, no sentence end, no lead, not wider than the column."""
    if len(p.lines) != 1 or p.kind not in ("headline", "body"):
        return False
    f = _flat(p.lines[0])
    return len(f) >= 4 and not (_CLAUSE & set(f)) and not cues.ends_sentence(f) and cues.width(f) <= w \
        and not _is_lead(p) and not cues.opens_article(f) and not cues.dateline(f) and not cues.own_line_byline(f)


def subtitle_parts(ordered: list[Piece], w: float) -> list[Piece]:
    """Parts of a title line printed inside the article's own text: a headline line set in two
    segments (``全年实施重点项目 52 个　计划总投资 134.12 亿元``) whose second segment stands
    over another column, so the dump prints it among that column's lines, cutting a sentence
    (``…其中续建项目`` / ``计划总投资134.12亿元`` / ``19个，新建项目…``).

    ``ordered``: the pieces in reading order, headline groups before their articles' leads
    (after :func:`~baozhi.layout.order.place_headlines`). A one-line piece *L*
    (:func:`_title_part`) between two body pieces *A* and *B* of one text (*A* with an open
    tail, *B* not a lead) moves to the end of the headline piece right before that
    text's lead when at least :data:`SUBTITLE_SHARE` of its bigrams occur in the text
    (:data:`SUBTITLE_MARGIN` more than in any other text), and
    either *L* is labelled headline or the text runs across it (a dictionary word of join score
    :data:`~baozhi.layout.joins.WORD_JOIN` from *A* into *B*, none from *A* into *L*). Returns
    the pieces (the moved ones dropped)."""
    k = 1
    out = ordered
    while k < len(out) - 1:
        L, a, b = out[k], out[k - 1], out[k + 1]
        if not (_title_part(L, w) and _dangles(a) and _may_continue(b)):
            k += 1
            continue
        f = _flat(L.lines[0])
        if L.kind == "body" and not (join_score(_tail(a), _head(b)) >= WORD_JOIN > join_score(_tail(a), f)):
            k += 1
            continue
        lead = k - 1
        while lead >= 0 and out[lead].kind == "body" and not _is_lead(out[lead]):
            lead -= 1
        if lead < 1 or out[lead].kind != "body" or out[lead - 1].kind != "headline":
            k += 1
            continue
        end = k + 1
        while end < len(out) and out[end].kind == "body" and not _is_lead(out[end]):
            end += 1
        lb = bigrams(f)
        here = share(lb, bigrams("".join(_flat(ln) for q in out[lead:end] if q is not L for ln in q.lines)))
        if here < SUBTITLE_SHARE or any(share(lb, g) > here - SUBTITLE_MARGIN
                                        for g in _texts(out, lead, end)):
            k += 1
            continue
        g = out[lead - 1]
        L.lines[0].label = "headline"
        g.lines.append(L.lines[0])
        g.labels.append("headline")
        out = out[:k] + out[k + 1:]
    return out


def _word_across(a: str, b: str, body_grams: set[str] | frozenset[str]) -> bool:
    """Characters ``a`` then ``b`` form a word: a dictionary word of join score
    :data:`~baozhi.layout.joins.WORD_JOIN` or more, or a pair the page's body prints."""
    return (a[-1:] + b[:1]) in body_grams or join_score(a, b) >= WORD_JOIN


def stray_title_chars(ordered: list[Piece], body_grams: set[str] | frozenset[str]) -> list[Piece]:
    """A scattered title's character left on the edge of another headline piece (``区委理论学习中心``
    / ``组举行集体学习会议`` / ``非``, while ``遗`` / ``传`` / … / ``技`` come later): ``ordered``, the
    pieces in reading order; ``body_grams``: the page body's character bigrams. The last (first)
    line of a headline piece of two lines or more, one ideograph that makes no word with the
    line before (after) it (:func:`_word_across`), goes to the nearest scattered-title piece
    (:func:`scatter_piece`) at most :data:`FRAGMENT_REACH` pieces away, after it or before it,
    with which it makes a word: in front of that piece's first character (非 + 遗: the body
    prints 非遗) or after its last. Returns the pieces (changed in place)."""
    for k, h in enumerate(ordered):
        for edge in (-1, 0):
            if h.kind != "headline" or len(h.lines) < 2:
                break
            c = h.lines[edge].flat
            inner = h.lines[-2].flat if edge else h.lines[1].flat
            if not _vertical_one(c) or len(inner) <= SCATTER_CHARS or \
                    (_word_across(inner, c, body_grams) if edge else _word_across(c, inner, body_grams)):
                continue
            for d in range(1, FRAGMENT_REACH + 1):
                hit = None
                for j in (k + d, k - d):
                    if 0 <= j < len(ordered) and scatter_piece(ordered[j]):
                        q = ordered[j]
                        if _word_across(c, q.lines[0].flat, body_grams):
                            hit = (q, 0)
                        elif _word_across(q.lines[-1].flat, c, body_grams):
                            hit = (q, len(q.lines))
                        if hit:
                            break
                if hit:
                    q, at = hit
                    q.lines.insert(at, h.lines.pop(edge))
                    q.labels.insert(at, h.labels.pop(edge))
                    break
    return ordered
