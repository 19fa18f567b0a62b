"""Text dumps → :class:`~baozhi.model.Page`.

A dump is a plain ``pdftotext``/PyMuPDF-style text: one printed line per text
line, possibly with blank lines between lines, or a ``pdftotext -layout`` dump
where the columns of a row stand side by side separated by runs of spaces.
Blank lines are kept as ``Line.gap_before`` evidence.
"""
from __future__ import annotations

from ..model import Line, Page, Source
from ..text import Text


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of ``text`` as a :class:`Line` (ends stripped, offsets into ``text``).

    ``gap_before`` is set when one or more blank lines precede the line.
    """
    lines: list[Line] = []
    pos = 0
    gap = False
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        j = len(raw.rstrip())  # the ends Text.strip drops (str.isspace), without building the Text
        if not j:
            gap = True
            continue
        i = j - len(raw[:j].lstrip())
        lines.append(Line(Text(raw[i:j], tuple(range(start + i, start + j))), gap_before=gap))
        gap = False
    return lines


CLEAN_TEXT_LINE_EMS = 60
"""A line this wide is a paragraph of a clean article text (one paragraph a line, e.g. copied
from a web page), not a hard-wrapped column line."""
CLEAN_TEXT_SHARE = 0.3
"""A plain text is a clean article text when its lines of :data:`CLEAN_TEXT_LINE_EMS` ems or
more hold this share of its characters or more (the web texts of the facts corpus: 0.56 to 1.0;
the bench page dumps with a caption set across the page: 0.07 at most)."""


def is_clean_text(text: str) -> bool:
    """``text`` (a decoded plain dump) is one clean article text, a web article one paragraph a
    line: its lines :data:`CLEAN_TEXT_LINE_EMS` ems or wider hold :data:`CLEAN_TEXT_SHARE` of its
    non-space characters. (A ``pdftotext -layout`` dump is that wide too: callers ask only of
    plain dumps.)"""
    from ..layout.chars import em_width

    lines = text.split("\n")
    if max(map(len, lines)) < CLEAN_TEXT_LINE_EMS:
        return False  # no character is wider than an em: no line that wide (a page dump)
    total = wide = 0
    for line in lines:
        n = len("".join(line.split()))
        total += n
        if n and em_width(line) >= CLEAN_TEXT_LINE_EMS:
            wide += n
    return total > 0 and wide >= CLEAN_TEXT_SHARE * total


def read_dump(source: Source) -> Page:
    """Decoded dump → page (layout dumps are split into columns later, in ``layout.columns``)."""
    from ..layout.columns import is_layout_dump

    kind = "layout" if is_layout_dump(source.text) else "plain"
    return Page(source=source, lines=split_lines(source.text), dump_kind=kind)
