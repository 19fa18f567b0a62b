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
:class:`CorruptPdf` (corrupt, truncated, zero pages) and :class:`NoTextLayer`
(a scan). Work per page is bounded by :data:`MAX_CHARS_PER_PAGE` and
:data:`MAX_OBJECTS_PER_PAGE`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import CorruptPdf, EncryptedPdf, NoTextLayer
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
NEIGHBOUR_BANDS = 3
NEIGHBOUR_EMS = 5.0
"""A gap is judged by up to this many bands above and below it, within this many ems."""


@dataclass
class _Char:
    ch: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


def _open(raw: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise EncryptedPdf("encrypted PDF: a password is needed to read it (decrypt it first, e.g. `qpdf --decrypt`)", path=name) from None
        raise CorruptPdf(f"corrupt or truncated PDF ({e})", path=name) from None
    if len(doc) == 0:
        raise CorruptPdf("PDF has no pages", path=name)
    return doc


def _chars(textpage, page_h: float) -> list[_Char]:
    import pypdfium2.raw as raw

    n = min(textpage.count_chars(), MAX_CHARS_PER_PAGE)
    out: list[_Char] = []
    import ctypes

    rc = raw.FS_RECTF()
    for i in range(n):
        code = raw.FPDFText_GetUnicode(textpage, i)
        if code == 0 or raw.FPDFText_IsGenerated(textpage, i):
            continue
        ch = chr(code)
        if ch.isspace() or not ch.isprintable():
            continue
        # the loose box spans the glyph's advance and the font's ascent/descent: the
        # same band for every character of a line, and no gap between set characters
        if not raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(rc)):
            continue
        size = raw.FPDFText_GetFontSize(textpage, i) or (rc.top - rc.bottom) or 1.0
        out.append(_Char(ch, rc.left, page_h - rc.top, rc.right, page_h - rc.bottom, float(size)))
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
    cov, run = [], 0
    for k in range(n):
        run += diff[k]
        cov.append(run)
    nz = sorted(v for v in cov if v > 0)
    return lo, cov, float(nz[len(nz) // 2]) if nz else 1.0


def _group_lines(chars: list[_Char], vrules=()) -> list[list[_Char]]:
    """Characters → printed lines: a baseline band (same vertical centre and size), then split
    at a gap that lies in a gutter (an x range few characters of the page cover), at a
    vertical rule, or at a change of font size. A gap inside a column (a padded name
    ``焦   斌``, a justified line) or as wide as the band's own letter-spacing is kept."""
    lo, cov, typical_cov = _coverage(chars)
    chars = sorted(chars, key=lambda c: ((c.y0 + c.y1) / 2, c.x0))
    bands: list[list[_Char]] = []
    for c in chars:
        cy = (c.y0 + c.y1) / 2
        placed = False
        for band in reversed(bands[-6:]):
            by = sum((d.y0 + d.y1) / 2 for d in band[:8]) / min(len(band), 8)
            size = max(c.size, band[0].size)
            if abs(cy - by) <= 0.3 * size and abs(c.size - band[0].size) <= 0.35 * size:
                band.append(c)
                placed = True
                break
        if not placed:
            bands.append([c])

    for band in bands:
        band.sort(key=lambda c: c.x0)
    centres = [sum((c.y0 + c.y1) / 2 for c in band) / len(band) for band in bands]

    def in_gutter(k: int, a: _Char, b: _Char) -> bool:
        """Is the gap between ``a`` and ``b`` (band ``k``) a gutter? Judged locally: the bands
        just above and below, set no larger, that reach across the gap leave a blank run in it
        too (a padded name or a letter-spaced headline sits over text that covers its gaps; a
        headline crossing the gutters of the columns under it does not count). With no such neighbours,
        the page's coverage decides."""
        need = max(0.4 * max(a.size, b.size), min(0.8 * (b.x0 - a.x1), max(a.size, b.size)))
        reach = NEIGHBOUR_EMS * max(a.size, b.size)
        across = covered = 0
        for step in (-1, 1):
            j, seen = k + step, 0
            while 0 <= j < len(bands) and seen < NEIGHBOUR_BANDS and abs(centres[j] - centres[k]) <= reach:
                other = bands[j]
                if other[0].x0 < a.x1 and other[-1].x1 > b.x0 and other[0].size <= 1.2 * a.size:
                    across += 1
                    seen += 1
                    if _blank_run(other, a.x1, b.x0) < need:
                        covered += 1
                j += step
        if across:
            return covered * 2 < across
        i, j = int(a.x1 - lo) + 1, int(b.x0 - lo)
        if j <= i:
            return False
        around = min(max(cov[int(a.x0 - lo):int(a.x1 - lo) + 1]), max(cov[int(b.x0 - lo):int(b.x1 - lo) + 1]))
        return min(cov[i:j]) < GUTTER_COVERAGE * min(around, typical_cov)

    lines: list[list[_Char]] = []
    for bk, band in enumerate(bands):
        gaps = [max(0.0, b.x0 - a.x1) for a, b in zip(band, band[1:])]
        cur = [band[0]]
        for k, c in enumerate(band[1:]):
            prev = cur[-1]
            size = max(c.size, prev.size)
            gap = gaps[k]
            near = [g for g in gaps[max(0, k - 2):k] + gaps[k + 1:k + 3]]
            spacing = sorted(near)[len(near) // 2] if near else 0.0
            split = gap > MAX_GAP_EMS * size or (gap > LINE_GAP_EMS * size and gap > 2.0 * spacing + 0.2 * size and (
                in_gutter(bk, prev, c) or _vrule_between(prev, c, vrules) or abs(c.size - prev.size) > 0.15 * size))
            if split:
                lines.append(cur)
                cur = [c]
            else:
                cur.append(c)
        lines.append(cur)
    lines.sort(key=lambda ln: (round(min(c.y0 for c in ln)), ln[0].x0))
    return lines


def _blank_run(band: list[_Char], x0: float, x1: float) -> float:
    """The widest stretch of ``[x0, x1]`` no character of ``band`` (sorted by x0) covers."""
    lo, hi = 0, len(band)
    while lo < hi:  # first character starting at or after x0
        m = (lo + hi) // 2
        if band[m].x0 < x0:
            lo = m + 1
        else:
            hi = m
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
    least :data:`FIGURE_MIN` points both ways, may be a figure (a photo, a drawing)."""
    import pypdfium2.raw as raw

    rules, figures = [], []
    for k, obj in enumerate(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)):
        if k >= MAX_OBJECTS_PER_PAGE:
            break
        try:
            x0, y0, x1, y1 = obj.get_bounds()
        except Exception:  # noqa: BLE001 - a malformed object is not a rule
            continue
        w, h = x1 - x0, y1 - y0
        box = (x0, page_h - y1, x1, page_h - y0)
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE or (w >= FIGURE_MIN and h >= FIGURE_MIN):
            if w >= FIGURE_MIN and h >= FIGURE_MIN:
                figures.append(box)
        elif (h <= RULE_THICKNESS and w >= 18) or (w <= RULE_THICKNESS and h >= 18):
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
    """All pages of a PDF, each with its own :class:`Source` (the page's text layer)."""
    doc = _open(raw, name)
    pages: list[Page] = []
    try:
        total_chars = 0
        for n in range(min(len(doc), MAX_PAGES)):
            page = doc[n]
            try:
                pw, ph = page.get_size()
                tp = page.get_textpage()
                chars = _chars(tp, ph)
                rules, cands = _objects(page, ph)
            except Exception as e:  # noqa: BLE001 - pdfium raises plain errors on broken pages
                raise CorruptPdf(f"page {n + 1} cannot be read ({e})", path=name) from None
            total_chars += len(chars)
            figures = _figures(cands, chars)
            rules = [r for r in rules if not _inside(r, figures)]
            vrules = [r for r in rules if r[3] - r[1] > r[2] - r[0]]
            groups = _group_lines(chars, vrules) if chars else []
            parts: list[str] = []
            spans: list[tuple[int, int]] = []
            pos = 0
            for g in groups:
                s = _line_text(g)
                spans.append((pos, pos + len(s)))
                parts.append(s)
                pos += len(s) + 1
            text = "\n".join(parts)
            src = Source.make(raw, name if len(doc) == 1 else f"{name}#page={n + 1}", text, "pdf", kind="pdf")
            lines = []
            for g, (a, b) in zip(groups, spans):
                sizes = sorted(c.size for c in g)
                lines.append(Line(
                    text=Text.from_source(text, a, b),
                    bbox=(min(c.x0 for c in g), min(c.y0 for c in g), max(c.x1 for c in g), max(c.y1 for c in g)),
                    font_size=round(sizes[len(sizes) // 2], 2),
                ))
            pages.append(Page(source=src, lines=lines, dump_kind="pdf", number=n + 1, rules=rules,
                              figures=figures, size=(pw, ph)))
    finally:
        doc.close()
    if total_chars == 0:
        raise NoTextLayer("PDF has no text layer (a scan?): OCR is not supported yet; a future `--ocr` option will read scans",
                          path=name)
    return pages
