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


def read_dump(source: Source) -> Page:
    """Decoded dump → page (layout dumps are split into columns later, in ``layout.columns``)."""
    from ..layout.columns import is_layout_dump

    kind = "layout" if is_layout_dump(source.text) else "plain"
    return Page(source=source, lines=split_lines(source.text), dump_kind=kind)
