"""Persons: which names the text mentions and the titles written next to them.

Evidence, strongest first (government-news patterns; corpus README *persons*, *titles*):

1. a title chain or group label right before a name (区委副书记、区长常晓勇; 区领导范丹), and the
   、-list that continues it (副市长邱容定、魏琳、郭可) — the titles apply to every name of the list;
2. a post word or 同志 right after a name (习近平总书记, 彭瑜代省长, 侯和、曾中两位同志);
3. a 、-list of names closed by 等 + group label or a role verb (沈心、余方茂、王柏等区领导参加);
4. national leaders in fixed phrases (``leaders.txt``: 习近平新时代…思想);
5. a bare name opening a sentence before a strong verb (安芳指出, 史芳要求).

Detection runs twice: the second pass knows every name of the first, so an organisation prefix
stops at a known name (史永松及社会福利署署长方若家 → 社会福利署署长).
"""
from __future__ import annotations

import re

from .lexicon import words
from .names import _lex as _names_lex, left_ok, name_at, name_ending_at, right_cue, shape_ok
from .titles import NOT_TITLES, ends_with_post, suffix_post_at, titles_before

PLACE_LEVELS = "省市县区州盟旗镇乡村"
"""Characters that end a place name (凤冈县, 永川区) and begin a post after a name (县长, 区委书记)."""


def _place_word(v: str, s: int, j: int) -> bool:
    """The name ``v[s:j]`` and the post's first character ``v[j]`` form a place name of the word
    list (jieba's dictionary, read offline; 凤冈县, 永川区): ``X县长`` is then the county X县 and
    a word starting with 长, not X the 县长. Only read for such a post, so most texts never load it."""
    if v[j:j + 1] not in PLACE_LEVELS:
        return False
    from ..layout.joins import word_freq

    return word_freq(v[s:j + 1]) > 0

_STRONG_SUBJ = ("强调", "指出", "表示", "要求", "主持", "出席", "介绍", "希望", "认为", "提出", "说",
                "讲话", "在讲话中", "在会上", "参加", "率队", "带队", "一行")
_CHAIR_VERBS = ("主持召开", "主持会议", "主持并讲话", "主持。")
_SUFFIX = re.compile(r"(?:[两二三四五六七八九几]位|等)?同志|总书记|总理|委员长|主席|书记|省长|市长|区长|县长|"
                     r"部长|厅长|局长|董事长|总经理|院士|教授|先生|女士")
_LIST_END = re.compile(r"等(?:[^，,。；;、\n]{0,8}?(?:领导|同志|负责人|人)|(?=参加|出席|列席|陪同))")


class Persons:
    """Persons found in a view: ``order`` (names in order of discovery), ``titles`` (name →
    title view spans), ``spans`` (view spans of the name occurrences that gave evidence)."""

    def __init__(self):
        self.order: list[str] = []
        self.titles: dict[str, list[tuple[int, int]]] = {}
        self.spans: list[tuple[int, int]] = []
        self.ends: set[int] = set()
        self._cover: set[int] = set()

    def add(self, v: str, s: int, e: int, titles=()):
        """Record the name ``v[s:e]`` with title spans ``titles``."""
        name = v[s:e]
        if name not in self.titles:
            self.order.append(name)
            self.titles[name] = []
        for t in titles:
            self.titles[name].append(t)
        if (s, e) not in self.spans:
            self.spans.append((s, e))
            self.ends.add(e)
            self._cover.update(range(s, e))

    def covers(self, p: int) -> bool:
        """True if view offset ``p`` lies inside a recorded name."""
        return p in self._cover


def _pass(v: str, masked: list[tuple[int, int]], known: frozenset[str]) -> Persons:
    P = Persons()
    lx = _names_lex()
    s1, s2, tr = lx["s1"], lx["s2"], lx["translit"]
    n = len(v)
    mask = set()
    for a, b in masked:
        mask.update(range(a, b))

    def take_list(q: int, titles):
        while q < n and v[q] == "、":
            r = q + 1
            L = name_at(v, r, strong=True)
            if not L or r in mask:
                break
            P.add(v, r, r + L, titles)
            q = r + L

    # 1. title chain or group label before a name, and the 、-list after it
    j = 0
    while j < n:
        ch = v[j]
        if (ch in s1 or ch in tr or v[j:j + 2] in s2) and not P.covers(j) and j not in mask:
            r = titles_before(v, j, frozenset(P.ends), known)
            if r is not None:
                spans, _group = r
                L = name_at(v, j, strong=True)
                if L:
                    spans = [(a, b) for a, b in spans if b - a >= 2]
                    P.add(v, j, j + L, spans)
                    take_list(j + L, spans)
                    j += L
                    continue
        j += 1

    # 2. a post word or 同志 after a name
    for m in _SUFFIX.finditer(v):
        j = m.start()
        if P.covers(j - 1) or (j - 1) in mask:
            continue
        tongzhi = m.group().endswith("同志")
        post = "同志" if tongzhi else suffix_post_at(v, j)
        if not post:
            continue
        j0 = j
        if v.startswith(("副", "代"), j - 1) and suffix_post_at(v, j - 1):
            j0 = j - 1
            post = suffix_post_at(v, j0)
        L = name_ending_at(v, j0, need_left=True, known=known, strong=tongzhi)
        if not L:
            continue
        s = j0 - L
        if _place_word(v, s, j0):
            continue  # 凤冈县长山米业有限公司: the county 凤冈县, not 凤冈 the 县长
        if (ends_with_post(v, s) and v[s:j0] not in known) or P.covers(s):
            continue  # a title before it: step 1
        titles = [] if post in NOT_TITLES else [(j0, j0 + len(post))]
        P.add(v, s, j0, titles)
        while s > 0 and v[s - 1] == "、":
            L2 = name_ending_at(v, s - 1, need_left=True, known=known, strong=True)
            if not L2:
                break
            P.add(v, s - 1 - L2, s - 1, titles)
            s = s - 1 - L2

    # 3. a 、-list of names closed by 等 + group label / role verb
    for m in _LIST_END.finditer(v):
        e = m.start()
        items = []
        while True:
            L = name_ending_at(v, e, need_left=False, known=known, strong=True)
            if not L:
                break
            items.append((e - L, e))
            if e - L > 0 and v[e - L - 1] == "、":
                e = e - L - 1
                continue
            break
        if len(items) >= 2 and left_ok(v, items[-1][0]):
            for a, b in reversed(items):
                if not P.covers(a) and a not in mask:
                    P.add(v, a, b)

    # 4. national leaders in fixed phrases
    for w in words("leaders.txt"):
        for m in re.finditer(re.escape(w), v):
            s, e = m.span()
            if P.covers(s) or s in mask:
                continue
            if len(w) >= 3 or (left_ok(v, s) and right_cue(v, e)):
                P.add(v, s, e)

    # 5. a bare name opening a sentence before a strong verb; opening a clause before 主持 (the
    #    chair of a meeting: 6月12日，常晓勇主持召开…), where even a weak surname (常) is a name
    for m in re.finditer(r"(?:^|(?<=[。！？!?\n“，,]))", v):
        i = m.end()
        if i >= n or P.covers(i) or i in mask:
            continue
        L = name_at(v, i, strong=True)
        if L and v.startswith(_CHAIR_VERBS, i + L):
            P.add(v, i, i + L)
            continue
        if v[i - 1:i] in "，,":
            continue
        L = name_at(v, i, strong=False)
        if L and v.startswith(_STRONG_SUBJ, i + L):
            P.add(v, i, i + L)
    return P


def detect_persons(v: str, masked: list[tuple[int, int]] = ()) -> Persons:
    """Persons of view ``v`` (credits in ``masked`` view ranges are skipped).

    >>> P = detect_persons("市委书记郭晨永主持召开市委常委会,副市长宋秀、邵永和列席会议。")
    >>> [(n, [P_t for P_t in P.titles[n]]) for n in P.order][:1]
    [('郭晨永', [(0, 4)])]
    """
    first = _pass(v, list(masked), frozenset(words("leaders.txt")))
    known = frozenset(first.order) | frozenset(words("leaders.txt"))
    return _pass(v, list(masked), known)


__all__ = ["Persons", "detect_persons", "shape_ok"]
