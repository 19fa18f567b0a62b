"""Reading order for dumps without geometry (default ``pdftotext``, PyMuPDF)."""
from __future__ import annotations

from ..model import Line, Page


def plain_streams(page: Page) -> list[list[Line]]:
    """Lines in reading order, as one or more streams (each read top to bottom)."""
    return [page.lines]
