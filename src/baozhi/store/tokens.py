"""Tokens of the full-text index, and the translation of a user's query into FTS5.

Chinese has no spaces, and two-character words and names (会议, 宋文) are the most common
queries, which FTS5's trigram tokenizer cannot match. The index therefore receives text that
is tokenised here: every run of CJK characters becomes its overlapping bigrams followed by its
last character (``全体会议`` → ``全体 体会 会议 议``); other runs of letters and digits stay whole
words (lower-cased). FTS5's ``unicode61`` tokenizer then just splits at the spaces. A query
term becomes the same tokens as an FTS5 phrase, so any substring of a CJK run matches exactly:

* 1 character: a prefix query ``"会"*`` (every bigram starting with it, or the run's last char),
* 2 characters: one bigram token,
* n ≥ 3 characters: a phrase of n − 1 adjacent bigrams.

Characters are folded one to one before tokenising, in the index and in queries alike:
full-width ASCII to ASCII, upper to lower case, traditional to simplified (OpenCC ``t2s`` per
character), so ``會議`` finds ``会议``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..facts.view import simplify_char

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+)")
_fold_cache: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """One character folded for matching (one character out, always)."""
    r = _fold_cache.get(ch)
    if r is None:
        r = ch
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            r = chr(o - 0xFEE0)
        elif 0xF900 <= o <= 0xFAFF:
            n = unicodedata.normalize("NFKC", ch)
            r = n if len(n) == 1 else ch
        if r >= "\u3400":
            r = simplify_char(r)
        r = r.lower()
        if len(r) != 1:
            r = ch
        _fold_cache[ch] = r
    return r


def fold(text: str) -> str:
    """*text* folded character by character; ``len(fold(t)) == len(t)``."""
    return "".join(fold_char(c) for c in text)


def _runs(text: str) -> list[tuple[str, bool]]:
    return [(m.group(0), m.group(1) is not None) for m in _RUN.finditer(fold(text))]


def index_text(text: str) -> str:
    """The token string stored in the FTS index for *text* (space-separated tokens)."""
    out: list[str] = []
    for run, cjk in _runs(text):
        if cjk:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
            out.append(run[-1])
        else:
            out.append(run)
    return " ".join(out)


def term_tokens(term: str) -> tuple[list[str], bool]:
    """Tokens that a query term must match as a phrase, and whether the last is a prefix.

    Mirrors :func:`index_text`, except that the last CJK run of the term keeps no trailing
    single character (the text may go on), and a term ending in one CJK character matches it
    as a prefix. ``([], False)`` when the term holds no letter, digit or CJK character.
    """
    runs = _runs(term)
    tokens: list[str] = []
    prefix = False
    for i, (run, cjk) in enumerate(runs):
        last = i == len(runs) - 1
        if not cjk:
            tokens.append(run)
        elif len(run) == 1:
            tokens.append(run)
            prefix = last
        else:
            tokens.extend(run[j:j + 2] for j in range(len(run) - 1))
            if not last:
                tokens.append(run[-1])
    return tokens, prefix


@dataclass
class Query:
    """A parsed user query. ``fts``: the FTS5 expression (None: nothing can match);
    ``terms``: the positive terms as typed (for snippets); ``negated``: the excluded ones."""

    fts: str | None
    terms: list[str] = field(default_factory=list)
    negated: list[str] = field(default_factory=list)


_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
_SEPARATORS = frozenset("，、,；;")
"""Outside quotes these separate terms (AND), like spaces: ``常务会议，宋文`` = ``常务会议 宋文``."""
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def _lex(q: str) -> list[tuple[str, bool]]:
    """Split a query into (item, quoted) pairs; quotes may be unbalanced."""
    items: list[tuple[str, bool]] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace() or c in _SEPARATORS:
            i += 1
            continue
        neg = ""
        if c == "-" and i + 1 < n and q[i + 1] in _QUOTES:
            neg, i, c = "-", i + 1, q[i + 1]
        if c in _QUOTES:
            close = _QUOTES[c]
            j = q.find(close, i + 1)
            if j < 0:
                j = n
            items.append((neg + q[i + 1:j], True))
            i = j + 1
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] not in _QUOTES and q[j] not in _SEPARATORS:
            j += 1
        items.append((q[i:j], False))
        i = j
    return items


def _phrase(term: str) -> str | None:
    tokens, prefix = term_tokens(_SPACE_IN_CJK.sub("", term))
    if not tokens:
        return None
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


_WORD_CHAR = rf"[^\W_{_CJK}]"  # a letter or digit that is not CJK: non-CJK words are indexed whole


def term_pattern(term: str) -> re.Pattern | None:
    """A regular expression matching, in :func:`fold`-ed text, exactly the places where the
    term's phrase matches the index: its runs in order, any punctuation or spaces between them
    (at least one character between two runs of the same kind, which the index would otherwise
    see as one run), a non-CJK word whole; punctuation typed before or after the term is
    included where the text has it too. None when the term has nothing to search for."""
    runs = _runs(_SPACE_IN_CJK.sub("", term))
    if not runs:
        return None
    parts = []
    for i, (run, cjk) in enumerate(runs):
        if i:
            parts.append(r"[\W_]+" if cjk == runs[i - 1][1] else r"[\W_]*")
        parts.append(re.escape(run))
    pat = "".join(parts)
    if not runs[0][1]:
        pat = rf"(?<!{_WORD_CHAR})" + pat
    if not runs[-1][1]:
        pat += rf"(?!{_WORD_CHAR})"
    # punctuation typed around the term (《…》, （试行）) is marked too where the text has it
    edge = re.fullmatch(r"([\W_]*).*?([\W_]*)", fold(term.strip()), re.S)
    lead, trail = (re.escape(x.strip()) for x in edge.groups()) if edge else ("", "")
    return re.compile((f"(?:{lead})?" if lead else "") + pat + (f"(?:{trail})?" if trail else ""))


def query_problem(q: str) -> str | None:
    """Why the query *q* cannot be searched (one line, for a usage error), or None when it can:
    it is empty, only excludes, or holds no letter, digit or CJK character."""
    if not q.strip():
        return "empty query: give a word to search for"
    parsed = parse_query(q)
    if parsed.fts is not None:
        return None
    if parsed.negated:
        return "the query only excludes (-X, NOT X); add a word to search for"
    return (f"nothing to search for in {q.strip()!r}: give a word "
            "(punctuation and OR, AND, NOT alone are not searched)")


def parse_query(q: str) -> Query:
    """Translate what a user types into a safe FTS5 expression.

    Words separated by spaces (or ``，`` ``、`` ``,`` ``；`` ``;``) must all occur (AND);
    ``A OR B`` (also ``|``) accepts either, and binds tighter than the implicit AND
    (``会议 宋文 OR 宋武`` = 会议 AND (宋文 OR 宋武)); ``-X`` or ``NOT X`` excludes;
    ``"quoted phrase"`` (also “…”, 「…」) is matched as one phrase, spaces between CJK
    characters ignored. Other punctuation inside a term splits it into pieces that must occur
    in this order with only punctuation or spaces between them (``问责规定（试行）`` finds
    问责规定(试行), not 问责规定试行). Every term is reduced to index tokens, so
    FTS5 syntax characters (``" * ( ) : ^ +`` …) are never passed through and never raise.
    A query with no positive term gives ``Query(fts=None)``.
    """
    groups: list[list[str]] = []
    terms: list[str] = []
    negated: list[str] = []
    neg_exprs: list[str] = []
    pending_not = pending_or = False
    for item, quoted in _lex(q):
        if not quoted and item in ("OR", "|"):
            pending_or = bool(groups)
            continue
        if not quoted and item == "AND":
            continue
        if not quoted and item == "NOT":
            pending_not = True
            continue
        neg = pending_not
        pending_not = False
        if item.startswith("-") and len(item) > 1:
            neg, item = True, item[1:]
        expr = _phrase(item)
        if expr is None:
            continue
        if neg:
            neg_exprs.append(expr)
            negated.append(item)
            pending_or = False
            continue
        terms.append(item)
        if pending_or and groups:
            groups[-1].append(expr)
        else:
            groups.append([expr])
        pending_or = False
    if not groups:
        return Query(None, terms, negated)
    parts = [g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups]
    fts = " AND ".join(parts)
    if neg_exprs:
        fts = "(" + fts + ")" + "".join(f" NOT {e}" for e in neg_exprs)
    return Query(fts, terms, negated)
