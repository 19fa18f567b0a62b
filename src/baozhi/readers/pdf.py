"""PDF pages → :class:`~baozhi.model.Page` (pypdfium2, Apache-2.0/BSD).

For each page the reader takes the characters of the text layer with their
boxes and font sizes, groups them into printed lines (same baseline band,
horizontally close), and writes the page's text as one printed line per text
line, top to bottom, left to right. That text is the page's
:class:`~baozhi.model.Source` ``text``: every offset baozhi reports points
into it, and the conservation check holds over it. Thin filled or stroked
path objects are kept as rules (``Page.rules``): horizontal and vertical lines
that separate articles.

Coordinates are PDF points with the origin at the top left (y grows down).

Bad input raises :mod:`baozhi.errors` classes: :class:`EncryptedPdf`,
:class:`CorruptPdf` (corrupt, truncated), :class:`EmptyPdf` (no pages) and
:class:`NoTextLayer` (a scan). Work per page is bounded by :data:`MAX_CHARS_PER_PAGE` and
:data:`MAX_OBJECTS_PER_PAGE`.
"""
from __future__ import annotations


import hashlib
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..errors import CorruptPdf, EmptyPdf, EncryptedPdf, NoTextLayer, PartialPdf
from ..model import Line, Page, Source
from ..text import Text

MAX_CHARS_PER_PAGE = 200_000
"""A broadsheet page holds ~15,000 characters; more than this is hostile or not a newspaper."""
MAX_OBJECTS_PER_PAGE = 50_000
"""Page objects inspected for rules; the rest are ignored."""
MAX_PAGES = 2_000
FIGURE_MIN = 24.0
"""An image or a path object at least this big (points) both ways, with no text inside, is a figure
(a photo): rules drawn inside it (a drawing's lines) are not rules of the page."""
RULE_THICKNESS = 2.0
"""A path object thinner than this (points) and longer than 2 ems is a rule."""
LINE_GAP_EMS = 0.5
"""Characters on one baseline further apart than this (in ems of their size), and further apart
than their neighbours, may start a new line (see :func:`_group_lines`)."""
MAX_GAP_EMS = 6.0
"""No line has a gap this wide (ems): beyond it, always a new line."""
GUTTER_COVERAGE = 0.35
"""A gap covered by fewer characters than this share of what covers the characters on either
side (and of the page's typical bin) is a gutter: spanning headlines and captions cross gutters
too, but far fewer than the lines of a column (the fallback when no band nearby reaches across)."""
_INK_LEFT = frozenset("，。、；：！？）》」』】〉”’")
"""Full-width closing marks: their ink is in the left half of the em box (W3C, *Requirements for
Chinese Text Layout*, on punctuation marks: a closing mark's half-em of space follows its ink)."""
_INK_RIGHT = frozenset("（《「『【〈“‘")
"""Full-width opening marks: their ink is in the right half of the em box."""
NEIGHBOUR_BANDS = 3
NEIGHBOUR_EMS = 5.0
"""A gap is judged by up to this many bands above and below it, within this many ems."""


class _Char:
    __slots__ = ("ch", "x0", "y0", "x1", "y1", "size", "cy", "i")

    def __init__(self, ch: str, x0: float, y0: float, x1: float, y1: float, size: float, i: int = -1):
        self.ch, self.x0, self.y0, self.x1, self.y1, self.size, self.i = ch, x0, y0, x1, y1, size, i
        self.cy = (y0 + y1) / 2


def _open(raw: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise EncryptedPdf("encrypted PDF: a password is needed to read it (decrypt it first, e.g. `qpdf --decrypt`)", path=name) from None
        if _no_pages(raw):
            raise EmptyPdf(_NO_PAGES, path=name) from None
        raise CorruptPdf(f"corrupt or truncated PDF ({e})", path=name) from None
    if len(doc) == 0:
        doc.close()
        raise EmptyPdf(_NO_PAGES, path=name)
    return doc


_NO_PAGES = "PDF has no pages (its page tree is empty): nothing to read"


def _no_pages(raw: bytes) -> bool:
    """pdfium refuses to load a PDF whose page tree is empty (``/Count 0``) as if it were
    corrupt: tell that case apart from the bytes (a plain page tree, no page object)."""
    return re.search(rb"/Type\s*/Pages\b", raw) is not None and re.search(rb"/Count\s+0(?![0-9])", raw) is not None \
        and re.search(rb"/Type\s*/Page(?![s\w])", raw) is None


def _private_use(ch: str) -> bool:
    """A Private Use Area code point (U+E000–U+F8FF, planes 15–16)."""
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o >= 0xF0000


def _count_chars(textpage) -> int:
    """How many character indices pdfium's text page holds (generated spaces included)."""
    import pypdfium2.raw as raw

    return raw.FPDFText_CountChars(textpage)


def _chars(textpage, page_h: float) -> list[_Char]:
    """The printed characters of a text page (no spaces, no characters pdfium generated)."""
    import ctypes

    import pypdfium2.raw as raw

    n = min(raw.FPDFText_CountChars(textpage), MAX_CHARS_PER_PAGE)
    if n <= 0:
        return []
    # the whole text in one call: one UTF-16 unit per character index, unless the page has
    # characters beyond the BMP (surrogate pairs), which are read one by one
    buf = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(textpage, 0, n, buf)
    units = buf[:n]
    if got - 1 == n and not any(0xD800 <= u <= 0xDFFF for u in units):
        text = "".join(map(chr, units))
    else:
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFF) for i in range(n))
    out: list[_Char] = []
    rc = raw.FS_RECTF()
    ref = ctypes.byref(rc)
    loose = raw.FPDFText_GetLooseCharBox
    font_size = raw.FPDFText_GetFontSize
    for i, ch in enumerate(text):
        # whitespace is skipped, and pdfium generates only spaces and line breaks
        if ch.isspace() or not (ch.isprintable() or _private_use(ch)):
            continue  # (a Private Use Area code is kept: e-papers map rare name characters there)
        # the loose box spans the glyph's advance and the font's ascent/descent: the
        # same band for every character of a line, and no gap between set characters
        if not loose(textpage, i, ref):
            continue
        top, bottom = rc.top, rc.bottom
        size = font_size(textpage, i) or (top - bottom) or 1.0
        out.append(_Char(ch, rc.left, page_h - top, rc.right, page_h - bottom, float(size), i))
    return out


def _fonts(textpage, groups: list[list[_Char]]) -> list[str | None]:
    """The typeface of each line: the font of its first, middle and last characters when they
    agree, else None (a bold lead-in 本报讯 before body text: a mixed line)."""
    import ctypes

    import pypdfium2.raw as raw

    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    ref = ctypes.byref(flags)
    out: list[str | None] = []
    for g in groups:
        names = set()
        for c in {g[0].i, g[len(g) // 2].i, g[-1].i}:
            n = raw.FPDFText_GetFontInfo(textpage, c, buf, 128, ref)
            names.add(buf.value.decode("latin-1") if 0 < n <= 128 else None)
        out.append(names.pop() if len(names) == 1 else None)
    return out


def _coverage(chars: list[_Char]) -> tuple[float, list[int], float]:
    """How many characters cover each 1-point x bin of the page: gutters between columns are
    runs of bins few characters cover. Returns (origin, counts, typical count)."""
    lo = min(c.x0 for c in chars)
    hi = max(c.x1 for c in chars)
    n = int(hi - lo) + 2
    diff = [0] * (n + 1)
    for c in chars:
        diff[int(c.x0 - lo)] += 1
        diff[max(int(c.x0 - lo) + 1, int(c.x1 - lo))] -= 1
    cov = list(accumulate(diff[:n]))
    nz = sorted(v for v in cov if v > 0)
    return lo, cov, float(nz[len(nz) // 2]) if nz else 1.0


def _group_lines(chars: list[_Char], vrules=()) -> list[list[_Char]]:
    """Characters → printed lines: a baseline band (same vertical centre and size), then split
    at a gap (over :data:`LINE_GAP_EMS`) where the font size changes (a headline beside a
    column's line) or a vertical rule runs (even through a letter-spaced headline's spacing),
    or that lies in a gutter (see ``in_gutter``). A gap
    inside a column (a padded name ``焦   斌``, a justified line) or as wide as the band's own
    letter-spacing is kept."""
    page_cov: list = []  # (origin, counts, typical), computed when first needed
    chars = sorted(chars, key=lambda c: (c.cy, c.x0))
    bands: list[list[_Char]] = []
    by_sum: list[float] = []  # sum of the centres of a band's first 8 characters
    by_size: list[dict[float, list[float]]] = []  # per size: [sum of centres, count] (first 8)
    for c in chars:
        cy, cs = c.cy, c.size
        placed = False
        for k in range(len(bands) - 1, max(-1, len(bands) - 7), -1):
            band = bands[k]
            s0 = band[0].size
            size = cs if cs > s0 else s0
            m = len(band) if len(band) < 8 else 8
            same = by_size[k].get(cs)
            # a band holding characters of this size: by their centres (a headline that fell into
            # a column line's band: its 六 whose glyph sits a hair lower still joins it)
            if (abs(cy - by_sum[k] / m) <= 0.3 * size and abs(cs - s0) <= 0.35 * size) \
                    or (same is not None and abs(cy - same[0] / same[1]) <= 0.3 * cs):
                if m < 8:
                    by_sum[k] += cy
                if same is None:
                    by_size[k][cs] = [cy, 1]
                elif same[1] < 8:
                    same[0] += cy
                    same[1] += 1
                band.append(c)
                placed = True
                break
        if not placed:
            bands.append([c])
            by_sum.append(cy)
            by_size.append({cs: [cy, 1]})

    for band in bands:
        band.sort(key=lambda c: c.x0)
    centres = [sum(c.cy for c in band) / len(band) for band in bands]

    def in_gutter(k: int, a: _Char, b: _Char) -> bool:
        """Is the gap between ``a`` and ``b`` (band ``k``) a gutter? Judged locally: the bands
        just above and below, set no larger, with text close to both sides of the gap, leave
        a blank run in it too (a padded name or a letter-spaced headline sits over text that covers its gaps; a
        headline crossing the gutters of the columns under it does not count). With no such neighbours,
        or as many each way, the page's coverage decides."""
        need = max(0.4 * max(a.size, b.size), min(0.5 * (b.x0 - a.x1), 0.75 * max(a.size, b.size)))
        reach = NEIGHBOUR_EMS * max(a.size, b.size)
        # the neighbours' blank run is looked for between the inked edges: a closing mark's ink
        # is in the left half of its box (a line-end ，。 hangs half an em past the column's edge)
        ax1 = a.x1 - 0.5 * a.size if a.ch in _INK_LEFT else a.x1
        bx0 = b.x0 + 0.5 * b.size if b.ch in _INK_RIGHT else b.x0
        across = covered = 0
        for step in (-1, 1):
            j, seen = k + step, 0
            while 0 <= j < len(bands) and seen < NEIGHBOUR_BANDS and abs(centres[j] - centres[k]) <= reach:
                other = bands[j]
                if other[0].size <= 1.05 * a.size and _near(other, ax1 - 2 * a.size, ax1) \
                        and _near(other, bx0, bx0 + 2 * b.size):
                    across += 1
                    seen += 1
                    if _blank_run(other, ax1, bx0) < need:
                        covered += 1
                j += step
        if across and covered * 2 != across:
            return covered * 2 < across
        if not page_cov:
            page_cov.extend(_coverage(chars))
        lo, cov, typical_cov = page_cov
        i, j = int(a.x1 - lo) + 1, int(b.x0 - lo)
        if j <= i:
            return False
        around = min(max(cov[int(a.x0 - lo):int(a.x1 - lo) + 1]), max(cov[int(b.x0 - lo):int(b.x1 - lo) + 1]))
        return min(cov[i:j]) < GUTTER_COVERAGE * min(around, typical_cov)

    lines: list[list[_Char]] = []
    band_of: list[int] = []  # the band each line comes from
    for bk, band in enumerate(bands):
        if len(band) == 1:
            lines.append(band)
            band_of.append(bk)
            continue
        gaps = [b.x0 - a.x1 for a, b in zip(band, band[1:])]
        start = 0
        for k, gap in enumerate(gaps):
            a, c = band[k], band[k + 1]
            size = c.size if c.size > a.size else a.size
            if gap <= LINE_GAP_EMS * size:
                continue
            if gap <= MAX_GAP_EMS * size and abs(c.size - a.size) <= 0.15 * size and not _vrule_between(a, c, vrules):
                # the band's letter-spacing on both sides of the gap: a bold lead-in's word spaces
                # (本报讯 记者 蔡 南) before a gutter and the next column's unspaced line after it
                # are no letter-spaced line whose spacing the gap could be
                sides = [sorted(max(0.0, g) for g in side) for side in (gaps[max(0, k - 2):k], gaps[k + 1:k + 3]) if side]
                spacing = min(side[len(side) // 2] for side in sides) if sides else 0.0
                if gap <= 2.0 * spacing + 0.2 * size or not in_gutter(bk, a, c):
                    continue
            lines.append(band[start:k + 1])
            start = k + 1
        lines.append(band[start:])
        band_of.extend([bk] * (len(lines) - len(band_of)))
    lines = _join_pieces(lines, band_of)
    lines.sort(key=lambda ln: (round(min([c.y0 for c in ln])), ln[0].x0))
    return lines


WORD_SPACE_EMS = 0.75
"""Two pieces of a line the baseline bands cut apart may be this far apart (a word space after a
bold lead-in: 本报讯 记者 蔡南 报道; not after a closing mark such as 、，, which a column line
hanging into a narrow gutter ends with); pieces of one band stay apart beyond
:data:`LINE_GAP_EMS` (the gutter split them)."""


def _join_pieces(lines: list[list[_Char]], band_of: list[int] | None = None) -> list[list[_Char]]:
    """Join a line cut in two by the baseline bands: a piece that starts where another ends
    (within :data:`LINE_GAP_EMS`; :data:`WORD_SPACE_EMS` for pieces of two bands), at about its
    height and size (a bold lead-in 运城晚报讯 set in another typeface, whose boxes sit a little
    higher, fell into a neighbouring column's band). ``band_of[k]``: the band line ``k`` comes from."""
    by_start = sorted(range(len(lines)), key=lambda k: lines[k][0].x0)
    starts = [lines[k][0].x0 for k in by_start]
    nxt: dict[int, int] = {}
    taken: set[int] = set()
    for k, ln in enumerate(lines):
        last = ln[-1]
        size = last.size
        lo = bisect_left(starts, last.x1 - 0.5)
        hi = bisect_right(starts, last.x1 + WORD_SPACE_EMS * size)
        for j in by_start[lo:hi]:
            first = lines[j][0]
            word = band_of is not None and band_of[j] != band_of[k] and last.ch not in _INK_LEFT
            reach = WORD_SPACE_EMS if word else LINE_GAP_EMS  # no word space after a comma
            if j != k and j not in taken and abs(first.size - size) <= 0.15 * size \
                    and abs(first.cy - last.cy) <= 0.4 * size and first.x0 <= last.x1 + reach * size:
                nxt[k] = j
                taken.add(j)
                break
    if not nxt:
        return lines
    out = []
    for k in range(len(lines)):
        if k in taken:
            continue
        chain, j, seen = list(lines[k]), k, {k}
        while j in nxt and nxt[j] not in seen:
            j = nxt[j]
            seen.add(j)
            chain.extend(lines[j])
        out.append(chain)
    return out


def _x0(c: _Char) -> float:
    return c.x0


def _near(band: list[_Char], x0: float, x1: float) -> bool:
    """Does a character of ``band`` (sorted by x0) overlap ``[x0, x1]``?"""
    lo = bisect_left(band, x1, key=_x0)  # first character starting at or after x1
    return lo > 0 and any(band[i].x1 > x0 for i in range(max(0, lo - 3), lo))


def _blank_run(band: list[_Char], x0: float, x1: float) -> float:
    """The widest stretch of ``[x0, x1]`` no character of ``band`` (sorted by x0) covers."""
    lo = bisect_left(band, x0, key=_x0)  # first character starting at or after x0
    edge = x0
    for i in range(max(0, lo - 3), lo):
        edge = max(edge, band[i].x1)
    best = 0.0
    i = lo
    while i < len(band) and band[i].x0 < x1:
        best = max(best, band[i].x0 - edge)
        edge = max(edge, band[i].x1)
        i += 1
    return max(best, x1 - edge)


def _vrule_between(a: _Char, b: _Char, vrules) -> bool:
    cy = (a.y0 + a.y1) / 2
    return any(a.x1 <= (x0 + x1) / 2 <= b.x0 and y0 <= cy <= y1 for x0, y0, x1, y1 in vrules)


def _line_text(chars: list[_Char]) -> str:
    """The printed line: a space where the gap between two characters is wide (letter spacing,
    padded names, spaces around digits), so later stages see the layout spaces as a dump shows them."""
    out = [chars[0].ch]
    for a, b in zip(chars, chars[1:]):
        if b.x0 - a.x1 > 0.25 * max(a.size, b.size):
            out.append(" ")
        out.append(b.ch)
    return "".join(out)


def _objects(page, page_h: float) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float, float, float]]]:
    """(rules, figure candidates) from the page's path and image objects: a path thinner
    than :data:`RULE_THICKNESS` and longer than 18 points is a rule; an image, or a path at
    least :data:`FIGURE_MIN` points both ways, may be a figure (a photo, a drawing).
    At most :data:`MAX_OBJECTS_PER_PAGE` objects are looked at (forms: two levels deep)."""
    import ctypes

    import pypdfium2.raw as raw

    rules, figures = [], []
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))
    path, image, form = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM
    seen = 0
    stack = [(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page.raw, 0)]
    while stack and seen < MAX_OBJECTS_PER_PAGE:
        count, get, parent, depth = stack.pop()
        for i in range(max(0, count(parent))):
            seen += 1
            if seen > MAX_OBJECTS_PER_PAGE:
                break
            obj = get(parent, i)
            if not obj:
                continue
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == form and depth < 1:
                stack.append((raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj, depth + 1))
                continue
            if kind != path and kind != image:
                continue
            if not raw.FPDFPageObj_GetBounds(obj, *refs):
                continue  # a malformed object is not a rule
            x0, y0, x1, y1 = l.value, b.value, r.value, t.value
            w, h = x1 - x0, y1 - y0
            box = (x0, page_h - y1, x1, page_h - y0)
            if w >= FIGURE_MIN and h >= FIGURE_MIN:
                figures.append(box)
            elif kind == path and ((h <= RULE_THICKNESS and w >= 18) or (w <= RULE_THICKNESS and h >= 18)):
                rules.append(box)
    return rules, figures


def _figures(cands, chars: list[_Char]) -> list[tuple[float, float, float, float]]:
    """Figure candidates with no character inside: photos and drawings, not framed or
    shaded boxes of text. Nested candidates (a photo's parts) collapse into the outermost."""
    if not cands:
        return []
    cands = sorted(set(cands), key=lambda r: -(r[2] - r[0]) * (r[3] - r[1]))
    out: list[tuple[float, float, float, float]] = []
    for r in cands:
        if any(o[0] - 1 <= r[0] and o[1] - 1 <= r[1] and r[2] <= o[2] + 1 and r[3] <= o[3] + 1 for o in out):
            continue
        out.append(r)
    centres = sorted(((c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2) for c in chars)
    import bisect

    keep = []
    for r in out:
        i = bisect.bisect_left(centres, (r[0], -1e9))
        if not any(r[1] < cy < r[3] for cx, cy in centres[i:bisect.bisect_right(centres, (r[2], 1e9))]):
            keep.append(r)
    return keep


def _inside(r, figures) -> bool:
    cx, cy = (r[0] + r[2]) / 2, (r[1] + r[3]) / 2
    return any(f[0] < cx < f[2] and f[1] < cy < f[3] for f in figures)


def read_pdf(raw: bytes, name: str) -> list[Page]:
    """All pages of a PDF, each with its own :class:`Source` (the page's text layer).

    Raises :class:`PartialPdf` (with the pages read in ``.pages``) when a page cannot be read or
    the limits (:data:`MAX_PAGES`, :data:`MAX_CHARS_PER_PAGE`) cut text, :class:`CorruptPdf`
    when no page can be read."""
    doc = _open(raw, name)
    pages: list[Page] = []
    doc_id = hashlib.sha256(raw).hexdigest()
    missing: list[str] = []  # what could not be read, for the PartialPdf message
    try:
        total_chars = 0
        if len(doc) > MAX_PAGES:
            missing.append(f"pages {MAX_PAGES + 1}–{len(doc)} not read (more than {MAX_PAGES:,} pages)")
        for n in range(min(len(doc), MAX_PAGES)):
            try:
                page = doc[n]
                try:
                    pw, ph = page.get_size()
                    tp = page.get_textpage()
                    try:
                        chars = _chars(tp.raw, ph)
                        cut = _count_chars(tp.raw) > MAX_CHARS_PER_PAGE
                        rules, cands = _objects(page, ph)
                        figures = _figures(cands, chars)
                        rules = [r for r in rules if not _inside(r, figures)]
                        vrules = [r for r in rules if r[3] - r[1] > r[2] - r[0]]
                        groups = _group_lines(chars, vrules) if chars else []
                        fonts = _fonts(tp.raw, groups)
                    finally:
                        tp.close()
                finally:
                    page.close()
            except Exception as e:  # noqa: BLE001 - pdfium raises plain errors on broken pages
                missing.append(f"page {n + 1} cannot be read ({e})")
                continue
            if cut:
                missing.append(f"page {n + 1} read up to its first {MAX_CHARS_PER_PAGE:,} characters")
            total_chars += len(chars)
            parts: list[str] = []
            spans: list[tuple[int, int]] = []
            pos = 0
            for g in groups:
                s = _line_text(g)
                spans.append((pos, pos + len(s)))
                parts.append(s)
                pos += len(s) + 1
            text = "\n".join(parts)
            src = Source(doc_id, name if len(doc) == 1 else f"{name}#page={n + 1}", text, "pdf", "pdf")
            lines = []
            for g, (a, b), font in zip(groups, spans, fonts):
                sizes = sorted([c.size for c in g])
                lines.append(Line(
                    text=Text.from_source(text, a, b),
                    bbox=(g[0].x0, min([c.y0 for c in g]), max([c.x1 for c in g]), max([c.y1 for c in g])),
                    font_size=round(sizes[len(sizes) // 2], 2),
                    font=font,
                ))
            pages.append(Page(source=src, lines=lines, dump_kind="pdf", number=n + 1, rules=rules,
                              figures=figures, size=(pw, ph)))
    finally:
        doc.close()
    if missing and not pages:
        raise CorruptPdf("; ".join(missing), path=name)
    if total_chars == 0:
        raise NoTextLayer("PDF has no text layer (a scan?): OCR is not supported yet; a future `--ocr` option will read scans",
                          path=name)
    if missing:
        raise PartialPdf("; ".join(missing) + f" (the {len(pages)} page(s) read are given)", path=name, pages=pages)
    return pages
