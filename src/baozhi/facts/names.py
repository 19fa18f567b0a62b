"""Person-name detection: where a name starts and how long it is.

A Chinese name here is a surname (single or compound, ``surnames.txt``/``compound_surnames.txt``)
followed by a given name of one or two characters; a Hong Kong married name puts two single
surnames before a two-character given name (林陈慧雯); a transliterated name joins runs of
transliteration characters with ``·`` (亚森江·热合曼). The evidence for a name's right end is
what follows it: punctuation, a word from ``name_right_cues.txt`` (主持, 出席, 连同, 探访, 同志 …)
or a post word (习近平|总书记). Longer cues beat one-character ones; among candidates with equal
evidence three characters beat two and two beat four (the length distribution of Chinese names).

All functions work on the matching string ``v`` of a :class:`~baozhi.facts.view.View` and take
and return view offsets.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import chars, max_len, words
from .view import is_cjk

#: characters after which a name has certainly ended
BOUNDARY = frozenset(",.;:!?、，。；：！？)）]】」』”\"'\n (（[【《<>/|")


@lru_cache(maxsize=1)
def _lex():
    return {
        "s1": chars("surnames.txt"),
        "s2": words("compound_surnames.txt"),
        "weak": chars("weak_surnames.txt"),
        "bad": chars("given_bad_chars.txt"),
        "nonname": words("nonname_words.txt"),
        "rcues": words("name_right_cues.txt"),
        "rmax": max_len("name_right_cues.txt"),
        "lcues": words("name_left_cues.txt"),
        "lmax": max_len("name_left_cues.txt"),
        "translit": chars("translit_chars.txt"),
        "posts": words("title_posts.txt"),
        "pmax": max_len("title_posts.txt"),
    }


def is_surname(s: str) -> bool:
    """True if ``s`` is a known single or compound surname (``王``, ``欧阳``)."""
    lx = _lex()
    return (len(s) == 1 and s in lx["s1"]) or (len(s) == 2 and s in lx["s2"])


def right_cue(v: str, j: int) -> int:
    """Strength of the evidence that a name ends right before ``v[j]``: 3 punctuation or text
    end, 2 a multi-character cue word or a post word (总书记, 副省长), 1 a one-character cue, 0 none."""
    if j >= len(v) or v[j] in BOUNDARY or not is_cjk(v[j]) and v[j] != "·":
        return 3
    lx = _lex()
    best = 0
    for L in range(min(lx["rmax"], len(v) - j), 0, -1):
        w = v[j:j + L]
        if w in lx["rcues"]:
            best = 2 if L > 1 else 1
            break
    if best < 2:
        for L in range(min(lx["pmax"], len(v) - j), 1, -1):
            if v[j:j + L] in lx["posts"] and not v[j:j + L] in ("代表", "成员", "群众", "党员"):
                return 2
        if v.startswith(("副", "代省长", "代市长", "代区长", "代县长"), j):
            return 2
    return best


def left_ok(v: str, s: int) -> bool:
    """True if a name may start at ``v[s]`` judging from what precedes it (text start,
    punctuation, or a word of ``name_left_cues.txt``)."""
    if s == 0 or v[s - 1] in BOUNDARY or not is_cjk(v[s - 1]):
        return True
    lx = _lex()
    for L in range(min(lx["lmax"], s), 0, -1):
        if v[s - L:s] in lx["lcues"]:
            return True
    return False


SOFT_GIVEN = frozenset("其")
"""Function characters that also start given names (何其芳, 严其明): a name's first given
character of two when a title, group label or list puts a name there (``strong``); never last
(向其表示, 与其)."""


def _given_ok(g: str, strong: bool = False) -> bool:
    bad = _lex()["bad"]
    if strong and len(g) == 2 and g[0] in SOFT_GIVEN:
        g = g[1:]
    return all(is_cjk(c) and c not in bad for c in g)


def shape_ok(name: str, *, strong: bool = True) -> bool:
    """True if ``name`` has the shape of a Chinese name: surname + 1–2 given characters (or two
    surnames + 2, or a ·-joined transliteration), no function/organisation characters in the
    given name, not a listed non-name word. ``strong=False`` (no title or list before it) also
    refuses surnames that are common word characters (``weak_surnames.txt``)."""
    lx = _lex()
    if "·" in name:
        parts = name.split("·")
        return all(parts) and all(c in lx["translit"] or is_cjk(c) for p in parts for c in p) \
            and len(parts[0]) <= 8
    if name in lx["nonname"] or len(name) < 2 or len(name) > 4:
        return False
    for sl in (2, 1):
        sur, given = name[:sl], name[sl:]
        if not is_surname(sur):
            continue
        if sl == 1 and len(given) == 3:
            # two single surnames + two-character given name (林陈慧雯)
            if given[0] in lx["s1"] and given[0] != sur and _given_ok(given[1:]):
                return strong or sur not in lx["weak"]
            continue
        if not 1 <= len(given) <= 2 or not _given_ok(given, strong):
            continue
        if len(given) == 1 and given == sur:
            continue
        if len(given) == 2 and given[0] == given[1] and sl == 1 and len(name) == 3:
            pass  # 王丽丽 is fine
        if not strong and sl == 1 and sur in lx["weak"]:
            continue
        if name[:2] in lx["nonname"] and len(name) == 3 and not strong:
            continue
        return True
    return False


def _translit_at(v: str, i: int) -> int:
    """Length of a ·-joined transliterated name starting at ``i`` (0 if none)."""
    tr = _lex()["translit"]
    n = len(v)
    j = i
    parts = 0
    while True:
        k = j
        while k < n and v[k] in tr and k - j < 8:
            k += 1
        if k == j:
            return 0
        parts += 1
        if k < n and v[k] == "·" and k + 1 < n and v[k + 1] in tr:
            j = k + 1
            continue
        break
    if parts < 2:
        return 0
    return k - i


def candidates_at(v: str, i: int, *, strong: bool = True) -> list[tuple[int, int]]:
    """Name candidates starting at ``i`` as ``(length, cue strength)``, best first."""
    if i >= len(v) or not is_cjk(v[i]):
        return []
    out = []
    t = _translit_at(v, i)
    if t:
        # the last part may have swallowed a cue word (阿不都拉家中): shorten to the best cue
        best = None
        last_dot = v.rfind("·", i, i + t)
        for L in range(t, last_dot - i + 1, -1):
            c = right_cue(v, i + L)
            if c >= 2:
                best = (L, c)
                break
        if best:
            return [best]
    seen = set()
    for sl in (2, 1):
        if not is_surname(v[i:i + sl]):
            continue
        for gl in (1, 2, 3):
            L = sl + gl
            if L > 4 or i + L > len(v) or L in seen:
                continue
            name = v[i:i + L]
            if not shape_ok(name, strong=strong):
                continue
            c = right_cue(v, i + L)
            if c == 0:
                continue
            if L == 4 and c < 2 and sl == 1:
                continue
            seen.add(L)
            out.append((L, c))
    pref = {3: 2, 2: 1, 4: 0}
    out.sort(key=lambda lc: (min(lc[1], 2), pref.get(lc[0], 0)), reverse=True)
    return out


def name_at(v: str, i: int, *, strong: bool = True) -> int:
    """Length of the most likely name starting at view offset ``i`` (0 if none).

    ``strong`` says a title, group label or 、-list puts a name here; without it, surnames that
    are common word characters are refused.
    >>> name_at("市长邵永和在会上", 2)
    3
    """
    c = candidates_at(v, i, strong=strong)
    return c[0][0] if c else 0


def name_ending_at(v: str, j: int, *, need_left: bool = True,
                   known: frozenset[str] = frozenset(), strong: bool = False) -> int:
    """Length of the most likely name ending right before ``v[j]`` (0 if none); the name must
    be preceded by a left boundary (``left_ok``) when ``need_left``."""
    best = 0
    bestkey = None
    lx = _lex()
    for L in (3, 2, 4):
        s = j - L
        if s < 0:
            continue
        name = v[s:j]
        if not all(is_cjk(c) for c in name):
            continue
        if name in known:
            return L
        if not shape_ok(name, strong=strong):
            continue
        lk = left_ok(v, s)
        if need_left and not lk:
            continue
        weak = len(name) >= 1 and name[0] in lx["weak"] and not is_surname(name[:2])
        key = (lk, not weak, {3: 2, 2: 1, 4: 0}[L])
        if bestkey is None or key > bestkey:
            best, bestkey = L, key
    return best
