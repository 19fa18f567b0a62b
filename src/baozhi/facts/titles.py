"""Title (职务) grammar: organisation prefix + post word, composed with 、 and 兼.

A title is read leftwards from the name it stands before: first a post word that ends right
before the name (``title_posts.txt``, or any ``X长`` such as 局长/司长/区长), then the
organisation prefix, extended leftwards over CJK characters, quotes and balanced brackets until
punctuation, a word of ``title_left_stops.txt`` (受, 由, 来到 …), or 及/和/与 right after a
complete title or a name (so 民政及青年事务局局长 stays whole). When the prefix stops at ``、`` or
``兼`` and the text before ends in a post word, another title of the same chain is read
(区委副书记、区长兼经开区党工委书记 → 区委副书记 | 区长 | 经开区党工委书记; corpus README: split at
、 and 兼). A group label (``group_labels.txt``: 区领导, 区政府领导 …) introduces names without being
a title.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import max_len, words
from .view import is_cjk

#: X长 words that are not posts
_NOT_CHANG = frozenset(["成长", "增长", "延长", "生长", "擅长", "专长", "特长", "兄长", "家长", "师长",
                        "见长", "漫长", "很长", "较长", "更长", "最长", "全长", "身长", "狭长", "冗长", "助长",
                        "消长", "年长", "学长", "村长"])


@lru_cache(maxsize=1)
def _lex():
    return {
        "posts": words("title_posts.txt"),
        "pmax": max_len("title_posts.txt"),
        "groups": words("group_labels.txt"),
        "gmax": max_len("group_labels.txt"),
        "stops": words("title_left_stops.txt"),
        "smax": max_len("title_left_stops.txt"),
    }


#: the character before 长 in a post "X长" names a unit (局长, 司长, 校长, 会长, 理事长 ...)
_CHANG_HEADS = frozenset("局部厅处科司署院校所站队组团行市区县镇乡省州社台馆会事庭委办旗盟班股室级官场厂矿园店")


def post_start(v: str, j: int) -> tuple[int, bool]:
    """``(p, group)``: where the post word or group label ending right before ``v[j]`` starts
    (``-1`` if none) and whether it is a group label (领导) rather than a post."""
    lx = _lex()
    for L in range(min(lx["gmax"], j), 1, -1):
        if v[j - L:j] in lx["groups"]:
            return j - L, True
    for L in range(min(lx["pmax"], j), 1, -1):
        if v[j - L:j] in lx["posts"]:
            return j - L, False
    if j >= 2 and v[j - 1] == "长" and v[j - 2] in _CHANG_HEADS and v[j - 2:j] not in _NOT_CHANG:
        return j - 2, False
    return -1, False


def ends_with_post(v: str, j: int) -> bool:
    """True if a post word (not a group label) ends right before ``v[j]``."""
    p, g = post_start(v, j)
    return p >= 0 and not g


_UNIT_CHARS = frozenset("市省县区镇乡村州盟旗")
"""Administrative units, which a title's prefix starts with (在市委…, 会后区委…): a stop character
before one is no part of a word of the organisation's name."""


def _starts_org_word(v: str, i: int) -> bool:
    """The one-character stop word ``v[i]`` begins a dictionary word with the next character
    inside the organisation's name (中国石油化工集团有限公司, 中国对外贸易中心, 联勤保障部队后勤部), not
    before an administrative unit (``后市``, ``时区`` are words too)."""
    from ..layout.joins import word_freq

    return i + 1 < len(v) and v[i + 1] not in _UNIT_CHARS and word_freq(v[i:i + 2]) > 0


def prefix_start(v: str, p: int, name_ends: frozenset[int] = frozenset(), limit: int = 24,
                 known: frozenset[str] = frozenset()) -> int:
    """Leftmost offset of the organisation prefix of a post word starting at ``p``."""
    lx = _lex()
    k = p
    lo = max(0, p - limit)
    while k > lo:
        ch = v[k - 1]
        if ch in "、兼" or k in name_ends:
            break
        if not (is_cjk(ch) or ch in "“”\"‘’'()·"):
            break
        stop = False
        for L in range(min(lx["smax"], k - lo), 0, -1):
            if v[k - L:k] in lx["stops"] and not (L == 1 and _starts_org_word(v, k - 1)):
                stop = True
                break
        if stop:
            break
        if ch in "及和与" and (ends_with_post(v, k - 1) or (k - 1) in name_ends
                             or any(v.endswith(nm, 0, k - 1) for nm in known)):
            break
        k -= 1
    # keep brackets balanced: start after an unmatched "(" or ")"
    stack = []
    start = k
    for n in range(k, p):
        ch = v[n]
        if ch == "(":
            stack.append(n)
        elif ch == ")":
            if stack:
                stack.pop()
            else:
                start = n + 1
    if stack:
        start = max(start, stack[-1] + 1)
    k = start
    seg = v[k:p]
    # an odd number of quotes means the prefix began inside a quotation
    if seg.count("“") < seg.count("”"):
        q = v.rfind("”", k, p)
        k = q + 1
    return k


def titles_before(v: str, j: int, name_ends: frozenset[int] = frozenset(),
                  known: frozenset[str] = frozenset()) -> tuple[list[tuple[int, int]], bool] | None:
    """Titles standing right before a name that starts at view offset ``j``.

    Returns ``(spans, group)``: the view spans of the titles of the chain in text order
    (empty when only a group label precedes) and whether a group label was seen; ``None`` when
    neither a post word nor a group label ends at ``j``.
    >>> v = "区委副书记、区长兼经开区党工委书记史芳"
    >>> [v[s:e] for s, e in titles_before(v, len(v) - 2)[0]]
    ['区委副书记', '区长', '经开区党工委书记']
    """
    p, group = post_start(v, j)
    if p < 0:
        return None
    if group:
        return [], True
    spans = []
    end = j
    while True:
        k = prefix_start(v, p, name_ends, known=known)
        spans.append((k, end))
        if k > 0 and v[k - 1] in "、兼" and k - 1 not in name_ends:
            p2, g2 = post_start(v, k - 1)
            if p2 >= 0 and not g2:
                end = k - 1
                p = p2
                continue
        break
    spans.reverse()
    return spans, False


#: posts that may follow a name without an organisation prefix (习近平总书记, 彭瑜代省长)
SUFFIX_POSTS = ("总书记", "总理", "副总理", "委员长", "主席", "副主席", "书记", "省长", "副省长",
                "代省长", "市长", "副市长", "代市长", "区长", "副区长", "代区长", "县长", "副县长",
                "代县长", "部长", "副部长", "厅长", "局长", "董事长", "总经理", "院士", "教授",
                "同志", "先生", "女士")
#: of those, the ones that are not titles (corpus README: 同志 is not a title)
NOT_TITLES = frozenset(["同志", "先生", "女士"])


def suffix_post_at(v: str, j: int) -> str:
    """The post word of ``SUFFIX_POSTS`` starting at ``v[j]`` (longest), or ``""``."""
    best = ""
    for w in SUFFIX_POSTS:
        if len(w) > len(best) and v.startswith(w, j):
            best = w
    return best
