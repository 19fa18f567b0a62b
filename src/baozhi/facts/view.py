"""A matching view of an article text that keeps offsets into the text.

The view removes layout spaces inside runs of CJK characters (``涂 燕`` → ``涂燕``), converts
traditional characters to simplified ones character by character with OpenCC ``t2s`` (only
where the conversion keeps one character, so every view character has exactly one source
character), folds full-width ASCII to half-width, and unifies name dots (``•・‧`` → ``·``).
Matching runs on ``View.v``; ``View.span`` maps a view range back to a half-open range of the
original text, and ``View.orig`` gives the original string with whitespace removed.
"""
from __future__ import annotations

import re
from functools import lru_cache

_DOTS = {"•": "·", "・": "·", "‧": "·", "∙": "·", "．": ".", "\u00b7": "·"}
_WS = re.compile(r"\s+")
_ROLE_AHEAD = re.compile(r"(?:本报|全媒体|融媒体|见习|实习|特约|首席)?(?:记者|通讯员|编辑|责任编辑|审核|摄影|摄像|校对|监制|实习生)")
_NAME_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[ \t\u3000]+[\u4e00-\u9fff]{2,4})+")
_CREDIT_LINE = re.compile(r"记者|通讯员|编辑|审核|摄影|校对")


def _keep_spaces(line: str) -> bool:
    """A line whose spaces separate names: names only, or a short credit line."""
    line = line.strip()
    return bool(_NAME_LINE.fullmatch(line)) or (len(line) <= 60 and bool(_CREDIT_LINE.search(line))
                                                    and not re.search(r"[,，。；;]", line))


@lru_cache(maxsize=1)
def _converter():
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover - dependency missing
        return None
    return OpenCC("t2s")


_char_cache: dict[str, str] = {}


def simplify_char(ch: str) -> str:
    """One character converted traditional → simplified (``區`` → ``区``); unchanged if the
    conversion is not one character."""
    r = _char_cache.get(ch)
    if r is None:
        if ch < "\u3400":
            r = ch
        else:
            cc = _converter()
            r = cc.convert(ch) if cc is not None else ch
            if len(r) != 1:
                r = ch
        _char_cache[ch] = r
    return r


def fold_char(ch: str) -> str:
    """Full-width ASCII to half-width, ideographic space to space, name dots to ``·``."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        ch = chr(o - 0xFEE0)
    elif o == 0x3000 or ch == "\u00a0":
        return " "
    return _DOTS.get(ch, ch)


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class View:
    """``View(text)``: ``v`` is the matching string, ``idx[i]`` the text offset of ``v[i]``."""

    __slots__ = ("text", "v", "idx")

    def __init__(self, text: str):
        self.text = text
        n = len(text)
        keep: list[int] = []
        depth = 0
        name_line = False
        i = 0
        if n:
            le = text.find("\n")
            name_line = _keep_spaces(text[:le if le >= 0 else n])
        while i < n:
            ch = text[i]
            if ch in " \t\u3000\u00a0":
                j = i
                while j < n and text[j] in " \t\u3000\u00a0":
                    j += 1
                # drop a layout space between CJK characters when a neighbouring run is one
                # character long (涂 燕, 深 入 学 习); keep it between longer runs (曾正 通讯员)
                if 0 < i and j < n and is_cjk(text[i - 1]) and is_cjk(text[j]):
                    left_one = i - 1 == 0 or not is_cjk(text[i - 2])
                    right_one = j + 1 >= n or not is_cjk(text[j + 1])
                    if left_one or right_one:
                        i = j
                        continue
                    # outside brackets and name lines a space between CJK runs is layout,
                    # unless a credit word follows (曾正 通讯员, 梁福泉 审核人)
                    if depth == 0 and not name_line and not _ROLE_AHEAD.match(text, j):
                        i = j
                        continue
                keep.append(i)  # one space stands for the run
                i = j
                continue
            if ch in "(（[【":
                depth += 1
            elif ch in ")）]】" and depth:
                depth -= 1
            elif ch == "\n":
                depth = 0
                le = text.find("\n", i + 1)
                name_line = _keep_spaces(text[i + 1:le if le >= 0 else n])
            keep.append(i)
            i += 1
        chars = []
        for k in keep:
            ch = text[k]
            if ch in " \t\u3000\u00a0":
                chars.append(" ")
            else:
                chars.append(fold_char(simplify_char(ch)))
        self.v = "".join(chars)
        self.idx = keep

    def span(self, s: int, e: int) -> tuple[int, int]:
        """Half-open text range of the view range ``[s, e)`` (``e > s``)."""
        if e <= s:
            p = self.idx[s] if s < len(self.idx) else len(self.text)
            return p, p
        return self.idx[s], self.idx[e - 1] + 1

    def orig(self, s: int, e: int) -> str:
        """The text under view range ``[s, e)`` in its own script, whitespace removed."""
        a, b = self.span(s, e)
        return _WS.sub("", self.text[a:b])
