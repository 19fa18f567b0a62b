"""Documents: every 《》 title, and the named documents a meeting reviewed.

Corpus README (*documents*): a meeting's documents are the objects of 审议/审议通过/研究/讨论/
听取/宣读 (and a report delivered, 作…报告): each 《》 title (content only, a version tag outside
the brackets dropped), and each unbracketed item whose head noun is a document or a set of rules
(``document_heads.txt``), from the start of the object to the head noun with any attached version
tag (``version_tags.txt``). Not listed: generic references (有关/相关 …), oral 汇报, 名单, 议程.
The top-level list holds every 《》 title in the text, in order, deduplicated, inner 〈〉/<> kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import words, word_list


@lru_cache(maxsize=1)
def _lex():
    heads = sorted(words("document_heads.txt"), key=len, reverse=True)
    tags = sorted(words("version_tags.txt"), key=len, reverse=True)
    tag_re = "|".join(map(re.escape, tags))
    head_re = "|".join(map(re.escape, heads))
    return {
        "item": re.compile(r"^(.*?(?:" + head_re + r"))(\((?:" + tag_re + r")\))?$"),
        "tag": re.compile(r"^\s*\((?:" + tag_re + r")\)"),
    }


def bracket_titles(v: str) -> list[tuple[int, int]]:
    """View spans of the contents of top-level 《》 pairs (nesting respected).

    >>> v = "审议《贯彻<规则>实施细则》"
    >>> [v[s:e] for s, e in bracket_titles(v)]
    ['贯彻<规则>实施细则']
    """
    out = []
    depth = 0
    start = 0
    for i, ch in enumerate(v):
        if ch == "《":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0 and i > start:
                out.append((start, i))
        elif ch == "\n":
            depth = 0
    return out


_VERBS = re.compile(r"(?<!提请)(?<!关于)(?:审议通过|审议|审定|研究|讨论|听取|宣读|(?<![工合操协振])(?:作|做)(?![出为好用风法])|通过)"
                    r"(?!稿|意见稿)")
_STOP = re.compile(r"[。；;\n!?！？,，:：]")
_LEAD = re.compile(r"^(?:了|并通过了?|通过了?)+")
_VERBISH = ("制定", "出台", "起草", "修订", "修改", "完善", "落实", "贯彻", "执行", "印发", "编制",
            "部署", "推进", "加强", "做好", "抓好")
_GENERIC_REST = ("", "工作", "实施", "有关", "相关", "文件", "情况", "上述", "该", "此")


def _split_items(v: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split an object region at 、 and at 和/及/以及 after a complete document name."""
    items = []
    a = s
    i = s
    while i < e:
        ch = v[i]
        if ch == "、":
            items.append((a, i))
            a = i + 1
        elif ch in "和及" or v.startswith("以及", i):
            left = v[a:i].strip()
            if left.endswith("》") or left.endswith(")") or _lex()["item"].match(left):
                items.append((a, i))
                a = i + (2 if v.startswith("以及", i) else 1)
        i += 1
    items.append((a, e))
    items = [(x, y) for x, y in items if y > x]
    # a list closed by a count belongs together: 例会、督查、考评三项工作制度
    for n in range(len(items) - 1, 0, -1):
        if re.search(r"[一二三四五六七八九十两\d]+(?:项|个|类|种)", v[items[n][0]:items[n][1]]):
            m0 = n
            while m0 > 0 and not _lex()["item"].match(v[items[m0 - 1][0]:items[m0 - 1][1]].strip()):
                m0 -= 1
            if m0 < n:
                items[m0:n + 1] = [(items[m0][0], items[n][1])]
            break
    return items


def meeting_documents(v: str, s: int, e: int) -> list[tuple[int, int]]:
    """View spans of the documents reviewed in ``v[s:e]`` (one sentence or more), text order."""
    out = []
    verbs = [m for m in _VERBS.finditer(v, s, e)]
    titles = bracket_titles(v)
    for n, m in enumerate(verbs):
        a = m.end()
        b = verbs[n + 1].start() if n + 1 < len(verbs) else e
        st = _STOP.search(v, a, b)
        if st:
            b = st.start()
        # a 《》 title may contain a stop character: extend to its end
        for ts, te in titles:
            if a <= ts - 1 < b < te + 1:
                b = te + 1
        for x, y in _split_items(v, a, b):
            item = v[x:y]
            lead = _LEAD.match(item)
            if lead:
                x += lead.end()
                item = v[x:y]
            # bracketed titles
            got = [(ts, te) for ts, te in titles if x <= ts - 1 and te + 1 <= y]
            if got:
                out.extend(got)
                continue
            if m.group() in ("作", "做") and not item.rstrip("等").endswith(("报告", "报告)")):
                if not re.search(r"报告(\([^()]*\))?$", item):
                    continue
            item2 = re.sub(r"等(?:文件|材料|事项|议题|[一二三四五六七八九十\d]+项(?:议题|内容|工作))?$", "", item)
            y2 = x + len(item2)
            mm = _lex()["item"].match(item2)
            if not mm:
                continue
            name = mm.group(0)
            if name.startswith(("有关", "相关", "其他", "其它", "上述")):
                continue
            if name.startswith(_VERBISH) or name.startswith("的") or "进行" in name \
                    or "《" in name or "》" in name:
                continue
            stem = mm.group(1)
            head = next((h for h in sorted(words("document_heads.txt"), key=len, reverse=True)
                         if stem.endswith(h)), "")
            rest = stem[: len(stem) - len(head)]
            if rest in _GENERIC_REST or len(rest) < 2 or re.search(r"(?:有关|相关|其他|其它|上述|文件|等)$", rest):
                continue
            out.append((x, y2))
    # drop duplicates, keep order
    seen = set()
    res = []
    for sp in out:
        if sp not in seen:
            seen.add(sp)
            res.append(sp)
    return res


def all_titles(v: str) -> list[tuple[int, int]]:
    """Every top-level 《》 title span, in text order (deduplication is done on strings)."""
    return bracket_titles(v)


__all__ = ["bracket_titles", "meeting_documents", "all_titles", "word_list"]
