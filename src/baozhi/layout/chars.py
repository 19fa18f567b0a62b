"""Character classes, widths in ems, and the layout-space / compatibility-ideograph rules.

Widths follow CJK typesetting (JIS X 4051 / W3C *Requirements for Chinese
Text Layout*, clreq): an ideograph or full-width punctuation mark is one em; a
Latin letter or digit set in a CJK font is about half an em; punctuation may be
compressed to half an em at line ends in justified text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import Text

# Punctuation that closes a sentence (句末点号) and closing marks that may follow it.
SENTENCE_END = set("。！？!?…")
CLOSERS = set("”’」』）)》〉】〕\"'")
OPENERS = set("“‘「『（(《〈【〔")
CJK_PUNCT = set("，。、；：？！…—·“”‘’「」『』（）《》〈〉【】〔〕．％～﹏")


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs (unified, extensions, compatibility)."""
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
            or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F or o == 0x3007)


def is_wide(ch: str) -> bool:
    """True when the character is set one em wide (ideographs, full-width forms, CJK punctuation)."""
    if is_cjk(ch) or ch in CJK_PUNCT:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class _CharTable(dict):
    """A per-character value computed on first sight (a page set uses a few thousand characters)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, ch: str):
        v = self[ch] = self.fn(ch)
        return v


EM = _CharTable(lambda ch: 0.0 if ch.isspace() else (1.0 if is_wide(ch) else 0.5))
"""Width of one character in ems (see :func:`em_width`)."""
MIN_EM = _CharTable(lambda ch: 0.0 if ch.isspace() else (1.0 if is_cjk(ch) else 0.5))
"""Narrowest width of one character in ems (punctuation compressed to half an em)."""
CJK = _CharTable(lambda ch: 1 if is_cjk(ch) else 0)
"""1 for an ideograph (see :func:`is_cjk`), else 0."""


@lru_cache(maxsize=16384)
def em_width(s: str) -> float:
    """Printed width of ``s`` in ems: wide chars 1, others 0.5, spaces 0."""
    return sum(map(EM.__getitem__, s), 0.0)


def ideograph_count(s: str) -> int:
    return sum(map(CJK.__getitem__, s))


@lru_cache(maxsize=1)
def compat_table() -> dict[str, str]:
    """CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) → unified ideographs.

    PDF fonts often map glyphs to these code points (年 as U+F98E). The map is
    their canonical decomposition; it is targeted, unlike NFKC on the whole
    text, which would also turn full-width punctuation into ASCII.
    """
    table: dict[str, str] = {}
    for rng in (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20)):
        for o in rng:
            ch = chr(o)
            d = unicodedata.normalize("NFC", ch)
            if d != ch and len(d) == 1:
                table[ch] = d
    return table


_COMPAT_RANGES = re.compile("[\uf900-\ufaff\U0002f800-\U0002fa1f]")
"""The blocks of :func:`compat_table`'s keys."""


def unify_compat(t: Text) -> Text:
    """Map compatibility ideographs to unified ones; offsets are unchanged."""
    if not _COMPAT_RANGES.search(t.value):
        return t  # (quick test first: most lines hold none)
    return t.map_chars(compat_table())


def latin_word(ch: str) -> bool:
    """An ASCII word character or a Latin letter with a diacritic (é, ñ, ü: U+00C0–U+024F)."""
    return is_ascii_word(ch) if ch.isascii() else "\u00c0" <= ch <= "\u024f" and ch.isalpha()


def latin_space(left: str, right: str) -> bool:
    """A space between characters ``left`` and ``right`` is text, not layout: both are Latin word
    characters (:func:`latin_word`), or ``left`` is ASCII punctuation before one (``Mr. Li``)."""
    return bool(left and right) and latin_word(right) and (latin_word(left) or left in ",.;:!?)%'\"")


def despace(t: Text) -> Text:
    """Remove spaces that are layout, keep spaces that are text.

    A whitespace run is kept (as one space) only between two Latin word
    characters (ASCII letters and digits, accented Latin letters) or between
    ASCII punctuation and such a character (``Windows 10``, ``Mr. Li``,
    ``José María``): Latin text needs its spaces. Every other
    run touches a CJK character or CJK punctuation — letter-spacing
    (``深 入 学 习``), padded names (``涂 燕``), spaces around digit runs in
    justified lines (``审议 2024 年``) — and is dropped.
    """
    v = t.value
    if " " not in v and "\t" not in v and "\u3000" not in v:
        return t
    keep = [True] * len(v)
    i, n = 0, len(v)
    while i < n:
        if v[i].isspace():
            j = i
            while j < n and v[j].isspace():
                j += 1
            left = v[i - 1] if i > 0 else ""
            right = v[j] if j < n else ""
            latin = latin_space(left, right)
            for k in range(i, j):
                keep[k] = False
            if latin:
                keep[i] = True  # one space survives
            i = j
        else:
            i += 1
    out = t.keep(keep)
    if " " in out.value:  # normalise surviving whitespace chars to a plain space
        out = out.map_chars({"\t": " ", "\u3000": " "})
    return out


def join_lines(parts: list[Text]) -> Text:
    """Join wrapped lines into running text: no separator between CJK lines,
    one space where a Latin word was broken at a line end (``Hong`` / ``Kong``)."""
    out: list[Text] = []
    for p in parts:
        if not p.value:
            continue
        if out:
            prev = out[-1].value
            if prev and is_ascii_word(prev[-1]) and p.value[0].isascii() and p.value[0].isalpha() and prev[-1].isalpha():
                out.append(Text(" ", (out[-1].offsets[-1],)))
        out.append(p)
    return Text.join(out)
