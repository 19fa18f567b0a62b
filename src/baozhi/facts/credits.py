"""Credits: reporters (记者, 通讯员, 见习记者, 文/摄, 摄影, ■name, a bare name closing the text)
and editors (编辑, 责任编辑, 审核 …).

Corpus README: reporters are people credited for the text or photos; editors and reviewers
are persons without titles; organisation credits are ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import shape_ok

_ROLE = (r"(?:本报|本台|全媒体|融媒体|首席|特约|实习|见习|驻\w{1,4})?记者|通讯员|实习生|见习生|"
         r"摄影记者|摄影|摄像|文/图|文/摄|图/文|(?<![\u4e00-\u9fff])(?:文|图|摄)(?=[:：/ \t])")
_EDIT = r"(?:责任编辑|值班编辑|网络编辑|编审|编辑|审核人|审核|审校|校对|终审|复审|初审|审签|监制|统筹)"
_ROLE_RE = re.compile(_ROLE)
_PAREN = re.compile(r"[(\[【]([^()\[\]【】\n]{1,80})[)\]】]")
_EDITLINE = re.compile(_EDIT + r"[ \t]*[:：]?[ \t]*(?=[^\s])")
_SQUARE = re.compile(r"■\s*([\u4e00-\u9fff·]{2,9})")
_LINE_CREDIT = re.compile(r"(?m)^[ \t]*(" + _ROLE + r")[ \t]*[:：/|]?[ \t]*(.{2,40})$")
_BYLINE_RE = re.compile(r"(?:记者|通讯员|实习生)\s*([\u4e00-\u9fff]{2,4})\s*(?:报道|摄)")


@dataclass
class Credit:
    """One credited name: ``name`` (view form), view span, ``kind`` reporter | editor."""

    name: str
    s: int
    e: int
    kind: str


def _names_in(v: str, s: int, e: int, *, greedy: bool = False) -> list[tuple[int, int]]:
    """Name spans in ``v[s:e]`` separated by spaces, 、 or commas; all pieces must be names
    (``greedy``: the names up to the first piece that is not one)."""
    out = []
    for m in re.finditer(r"[^\s、,，;；:：/]+", v[s:e]):  # noqa: W605
        piece = m.group()
        if shape_ok(piece, strong=True):
            out.append((s + m.start(), s + m.end()))
        elif greedy:
            return out
        else:
            return []
    return out


def _after_roles(v: str, s: int, e: int) -> list[tuple[int, int]]:
    """Names following role words inside ``v[s:e]`` (长江云新闻记者 曾正 通讯员 安苗)."""
    seg = v[s:e]
    roles = list(_ROLE_RE.finditer(seg))
    out = []
    for n, m in enumerate(roles):
        a = m.end()
        b = roles[n + 1].start() if n + 1 < len(roles) else len(seg)
        # the organisation before the next role word belongs to that role: cut at the last space
        piece = seg[a:b]
        if n + 1 < len(roles):
            sp = max(piece.rfind(" "), piece.rfind("、"), piece.rfind(","))
            nxt = piece[sp + 1:] if sp >= 0 else piece
            if nxt and not shape_ok(nxt):
                piece = piece[:sp] if sp >= 0 else ""
        got = _names_in(v, s + a, s + a + len(piece))
        if not got:
            # names written without separators right after the role word (记者安琳明)
            t = piece.strip()
            if 2 <= len(t) <= 4 and shape_ok(t):
                k = s + a + piece.index(t)
                got = [(k, k + len(t))]
        out.extend(got)
    return out


def find_credits(v: str) -> list[Credit]:
    """Reporter and editor credits in view ``v``, in text order, without duplicates.

    >>> [c.name for c in find_credits("本报讯(记者 丁文)2月9日下午,…")]
    ['丁文']
    """
    found: dict[tuple[int, int], Credit] = {}

    def add(s, e, kind):
        if (s, e) not in found:
            found[(s, e)] = Credit(v[s:e], s, e, kind)

    for m in _PAREN.finditer(v):
        s, e = m.span(1)
        inner = v[s:e]
        em = re.match(r"\s*" + _EDIT + r"\s*[:：]?\s*", inner)
        if em:
            for a, b in _names_in(v, s + em.end(), e):
                add(a, b, "editor")
            continue
        if _ROLE_RE.search(inner) and not inner.startswith(("据", "来源")):
            for a, b in _after_roles(v, s, e):
                add(a, b, "reporter")
            continue
        # a bracket holding only names, closing a paragraph: (柏娟祥 崔宜士), (邱宏哲)
        tail = v[m.end():m.end() + 3]
        if not tail.strip(" \t") or tail.lstrip(" \t").startswith("\n"):
            for a, b in _names_in(v, s, e):
                add(a, b, "reporter")
    for m in _EDITLINE.finditer(v):
        le = v.find("\n", m.end())
        for a, b in _names_in(v, m.end(), le if le >= 0 else len(v), greedy=True):
            add(a, b, "editor")
    for m in _SQUARE.finditer(v):
        if shape_ok(m.group(1)):
            add(m.start(1), m.end(1), "reporter")
    for m in _LINE_CREDIT.finditer(v):
        for a, b in _names_in(v, m.start(2), m.end(2)):
            add(a, b, "reporter")
    for m in _BYLINE_RE.finditer(v):
        if shape_ok(m.group(1)):
            add(m.start(1), m.end(1), "reporter")
    # a bare name closing the text
    lines = [ln for ln in re.finditer(r"[^\n]+", v) if ln.group().strip()]
    if lines:
        last = lines[-1]
        t = last.group().strip()
        if 2 <= len(t) <= 4 and shape_ok(t, strong=False):
            k = last.start() + last.group().index(t)
            add(k, k + len(t), "reporter")
    return sorted(found.values(), key=lambda c: c.s)
