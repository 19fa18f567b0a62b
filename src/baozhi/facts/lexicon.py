"""Lexicon data for fact extraction, read once through ``importlib.resources`` and cached.

Every list lives in ``baozhi/lexicon/facts/*.txt`` with its source noted in a ``#`` header, so a
user can extend it without touching code.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

_PKG = "baozhi.lexicon.facts"


def _lines(name: str) -> list[str]:
    text = resources.files(_PKG).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The words of ``name`` (one per line), e.g. ``words("title_posts.txt")``."""
    return frozenset(_lines(name))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The words of ``name`` in file order."""
    return tuple(dict.fromkeys(_lines(name)))


@lru_cache(maxsize=None)
def chars(name: str) -> frozenset[str]:
    """Every CJK character on the non-comment lines of ``name``."""
    return frozenset(c for line in _lines(name) for c in line if _is_cjk(c))


@lru_cache(maxsize=None)
def max_len(name: str) -> int:
    """Length of the longest word in ``name``."""
    return max((len(w) for w in words(name)), default=0)
