"""Columns of ``pdftotext -layout`` dumps (filled in below)."""
from __future__ import annotations


def is_layout_dump(text: str) -> bool:
    return False
