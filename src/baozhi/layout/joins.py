"""Does a line join read as running Chinese text? Evidence from a word list.

A line break falls inside a word about 40% of the time, so when the end of
line *a* and the start of line *b* form a word (``…易管`` + ``理的…`` →
管理), *b* very likely continues *a*; two unrelated lines form one by chance
far less often (on the shared benchmark's articles: 39% of true joins versus
7% of random pairs). The word list is jieba's dictionary (MIT licence, shipped
inside the jieba package, read offline), used only as evidence here.
"""
from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=1)
def _freq() -> dict[str, int]:
    try:
        import jieba  # noqa: PLC0415
    except ImportError:  # pragma: no cover - jieba is a dependency
        return {}
    import logging

    # a failed cache write is only a slower next start: no traceback on stderr for it
    jieba.setLogLevel(logging.CRITICAL)
    dt = jieba.dt
    if not dt.initialized:
        dt.tmp_dir, dt.cache_file = _cache_place()
        dt.initialize()
    return dt.FREQ


def _cache_place() -> tuple[str, str]:
    """``(directory, file name)`` for jieba's cache of its parsed word list: the user's cache
    directory (``$XDG_CACHE_HOME/baozhi`` or ``~/.cache/baozhi``), else the temporary directory
    under a per-user name. jieba's default, ``/tmp/jieba.cache``, is shared by every user of the
    machine: another user's file there could not be replaced (a traceback on every run) and
    would be loaded unchecked."""
    import os
    import tempfile

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    d = os.path.join(base, "baozhi")
    try:
        os.makedirs(d, exist_ok=True)
        if os.access(d, os.W_OK):
            return d, "jieba.cache"
    except OSError:
        pass
    uid = os.getuid() if hasattr(os, "getuid") else os.getpid()
    return tempfile.gettempdir(), f"jieba.baozhi-{uid}.cache"


def word_freq(w: str) -> int:
    """How often ``w`` occurs as a word in jieba's dictionary (0: not a word of it)."""
    return _freq().get(w, 0)


WORD_JOIN = 5.0
"""A join score this high means the line break falls inside a common word (建 / 设 → 建设)."""


def _number_run(s: str) -> str:
    """The digits and decimal points ``s`` starts with."""
    k = 0
    while k < len(s) and (s[k].isdigit() or s[k] == "."):
        k += 1
    return s[:k]


@lru_cache(maxsize=256)  # (the tangle checks ask for a pair again soon after; few entries keep memory low)
def join_score(a: str, b: str) -> float:
    """Evidence (≥ 0) that text ``b`` directly continues text ``a``.

    The largest ``log(freq) + extra length`` over dictionary words made of the
    last 1–3 characters of ``a`` and the first 1–3 of ``b``; 0 when none.
    Inputs are de-spaced strings; digits and Latin letters on both sides of
    the break (``12.`` + ``5%``) count as a join too, unless the number they would make holds
    two decimal points (``…加快13.1`` + ``0.2个百分点``: two numbers of different lines).
    """
    if not a or not b:
        return 0.0
    if (a[-1].isdigit() or a[-1] == ".") and (b[0].isdigit() or b[0] in ".%"):
        return 0.0 if _number_run(a[::-1]).count(".") + _number_run(b).count(".") > 1 else 8.0
    get = _freq().get
    heads = (b[:1], b[:2], b[:3])[:len(b)]
    log = math.log
    best = 0.0
    for k in range(1, min(3, len(a)) + 1):
        left = a[-k:]
        if not "\u4e00" <= left[0] <= "\u9fff":  # words start with an ideograph
            continue
        extra = k - 1  # k + m - 2 for the first m of b
        for head in heads:
            f = get(left + head)
            if f is None:
                break  # the dictionary holds every prefix of its words (frequency 0): none goes on
            if f:
                score = log(f) + extra
                if score > best:
                    best = score
            extra += 1
    return best
