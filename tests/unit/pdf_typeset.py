"""Typesetting helpers for the tests that make their own small PDFs with reportlab.

The text uses the Adobe CID font STSong-Light (UniGB-UCS2-H): no font file is embedded or
needed, and pdfium maps the glyphs back to Unicode through its CMaps.
"""
from __future__ import annotations

import pytest

pytest.importorskip("reportlab")
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def flow(text: str, width: int) -> list[str]:
    """Paragraphs (split at '|') as column lines of ``width`` characters: 2-em indent on first lines."""
    out = []
    for para in text.split("|"):
        first = True
        while para:
            n = width - 2 if first else width
            out.append(("  " if first else "") + para[:n])
            para = para[n:]
            first = False
    return out


def draw_lines(c, x: float, y: float, lines: list[str], size: float = 10.0, lead: float | None = None) -> float:
    """Draw column lines (top line's baseline at ``y``, PDF coordinates, ``lead`` points apart,
    1.5 × ``size`` by default); return the next baseline."""
    lead = 1.5 * size if lead is None else lead
    c.setFont(FONT, size)
    for ln in lines:
        indent = len(ln) - len(ln.lstrip(" "))
        c.drawString(x + (2 * size if indent else 0), y, ln.lstrip(" "))
        y -= lead
    return y
