"""Meetings held in the reported events: name, organizer, kind and ordinal.

A meeting is the object of 召开/举行 (``主持召开区政府第58次常务会议``), or the subject of a
clause ending in 召开/举行 (``市政府第二次全体会议召开``); a bare 会议 takes the convening body as
prefix (``永川区委常委会召开会议`` → 永川区委常委会会议). Meetings joined by 暨/和/及/、 give one entry
each. Not meetings: a meeting ``召开的`` (cited), one to be held (将/即将/拟 …召开), 会见,
仪式. The kind is an open set: the type word at the end of the name (``meeting_kinds.txt``, else
two characters + 会/会议/大会). Conventions: corpus README, *meetings*.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import word_list, words

try:  # cn2an reads Chinese numerals (第五十二次 → 52)
    import cn2an as _cn2an
except ImportError:  # pragma: no cover
    _cn2an = None

_NUM = "0-9零〇一二两三四五六七八九十百千"
_ORD = re.compile(r"第([" + _NUM + r"]+)次")
_TERM = re.compile(r"第?[" + _NUM + r"]+届")
_QUAL = re.compile(r"[(（]扩大[)）]|扩大(?=会议)")
_QUOTES = re.compile(r"[“”\"‘’'「」『』]")
_TRIGGER = re.compile(r"(主持)?(召开|举行)(了)?")
_CLAUSE_END = re.compile(r"[,，。；;!?！？:：\n]")
_PUNCT = re.compile(r"[,，。；;!?！？:：\n]")
#: words that may follow a meeting name directly (召开常务会议研究部署…)
_AFTER_NAME = re.compile(r"传达|学习|研究|审议|听取|部署|讨论|通报|总结|安排|贯彻|专题|集中|深入|分析|"
                         r"动员|进一步|强调|指出|要求|对|就|在|并|时|上|期间|[(（]")
_LEAD_TIME = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:\(\d{1,2}日\))?"
                        r"(?:上午|下午|晚上|晚间|晚|中午|早上|凌晨)?|^(?:今天|今日|昨天|昨日|近日|日前|当天|当日)"
                        r"(?:\(\d{1,2}日\))?(?:上午|下午|晚上|晚)?")
_FUTURE = ("即将", "将于", "将在", "拟于", "拟", "定于", "准备", "计划", "将")
_NOT_ORG_START = ("全省", "全市", "全区", "全县", "全镇", "全乡", "全国", "全州", "全盟", "全旗")
_TOPIC_KINDS = ("成立", "揭牌", "挂牌", "授牌", "启动")


def to_int(num: str) -> int | None:
    """Chinese or Arabic numeral to int (``五十二`` → 52); None if unreadable."""
    if num.isdigit():
        return int(num)
    if _cn2an is not None:
        try:
            return int(_cn2an.cn2an(num.replace("〇", "零").replace("两", "二"), "smart"))
        except Exception:  # noqa: BLE001 - cn2an raises plain ValueError/KeyError
            return None
    return None


def clean_name(s: str) -> str:
    """Meeting name as recorded: spaces and quotes removed."""
    return _QUOTES.sub("", re.sub(r"\s+", "", s))


def ordinal_of(name: str) -> int | None:
    """The last 第N次 of a meeting name as an int (``第五十二次`` → 52); 届 and years are not
    ordinals."""
    ms = list(_ORD.finditer(name))
    return to_int(ms[-1].group(1)) if ms else None


@lru_cache(maxsize=1)
def _kinds():
    return sorted(word_list("meeting_kinds.txt"), key=len, reverse=True)


def _bare(name: str) -> str:
    n = _QUAL.sub("", clean_name(name))
    return n


def kind_of(name: str) -> str:
    """Type word at the end of a meeting name, ordinals and qualifiers removed.

    >>> kind_of("区政府第58次常务会议"), kind_of("市委常委会"), kind_of("区长办公会")
    ('常务会议', '常委会会议', '办公会')
    """
    n = _bare(name)
    if re.search(r"常委会(?:第[" + _NUM + r"]+次)?(?:会议)?$", n):
        return "常委会会议"
    if "人民代表大会" in n or re.search(r"人大[" + _NUM + r"届]*次?会议$", n):
        return "人民代表大会"
    ms = list(_ORD.finditer(n))
    tail = n[ms[-1].end():] if ms else n
    tail = _TERM.sub("", tail) if ms else tail
    for k in _kinds():
        if len(k) >= 3 and tail.endswith(k):
            return k
    for suf in ("大会", "会议", "会"):
        if tail.endswith(suf):
            if any(len(b) >= 2 and tail[:-len(suf)].endswith(b) for b in _bodies()):
                return suf  # a body's sitting (市委财经委员会会议): no type word but 会议
            c = tail[-len(suf) - 2:-len(suf)]
            if len(c) == 2 and all("\u4e00" <= x <= "\u9fff" and x not in "次届年度" + _NUM for x in c) \
                    and not c.startswith("全"):
                return c + suf
            return suf
    return tail[-3:] if tail else ""


@lru_cache(maxsize=1)
def _bodies():
    return sorted(words("meeting_bodies.txt"), key=len, reverse=True)


def _is_kind_tail(rest: str) -> bool:
    """True if ``rest`` (after a body prefix) is only a type word: 常务会议, (扩大)会议, 会议."""
    r = _QUAL.sub("", rest)
    if r.startswith(_TOPIC_KINDS):
        return False
    if r in ("会议", "会"):
        return True
    k = kind_of(r)
    return bool(k) and k == r and len(r) >= 3


def organizer_of(name: str, subject: str | None) -> str | None:
    """The organizer of a meeting (corpus README, *organizer*).

    With 第N次, the prefix before it (a year right before it dropped; a bare term number 第X届
    names no body); else the longest prefix ending in a body word (``meeting_bodies.txt``) that is
    followed only by a type word (区政府|常务会议, 区政府党组|(扩大)会议; a 常委会 name is its own
    organizer), not a type word alone (党组) nor a place qualifier (全省); else the convening
    ``subject``; else None.
    >>> organizer_of("十三届县委第32次常委会会议", None)
    '十三届县委'
    """
    n = clean_name(name)
    ms = list(_ORD.finditer(n))
    if ms:
        pre = n[:ms[-1].start()]
        pre = re.sub(r"\d{4}年度?$", "", pre)
        if pre and not re.fullmatch(r"(?:第?[" + _NUM + r"]+届)+", pre):
            return pre
    else:
        if re.search(r"常委会$", n):
            return n
        best = None
        for p in range(len(n) - 1, 1, -1):
            pre = n[:p]
            if pre.startswith(_NOT_ORG_START):
                break
            if any(pre.endswith(b) for b in _bodies()) and _is_kind_tail(n[p:]):
                if pre in ("党组", "党委", "主席", "常委会", "人大", "政协"):
                    continue
                best = pre
                break
        if best:
            return best
    if subject:
        return subject
    return None


@dataclass
class Meeting:
    """A meeting mention: view span of its name phrase, the convening subject (a body, not a
    person) and its span, the trigger offset, whether it was 主持召开, and its joint group."""

    s: int
    e: int
    name: str                 # view form of the full name (subject-prefixed when ``prefixed``)
    subject: str | None       # view form of the convening body
    subj_span: tuple[int, int] | None
    trigger: int
    chaired: bool
    group: int
    prefixed: bool = False


def _split_joint(v: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a meeting phrase at 暨/和/及/、 when both sides end in a type word."""
    seg = v[s:e]
    parts = []
    a = 0
    for m in re.finditer(r"暨|和|及|、", seg):
        left = seg[a:m.start()]
        if re.search(r"会议?[)）]?$|大会$", left) and re.search(r"会议?$|大会$", seg[m.end():]):
            parts.append((s + a, s + m.start()))
            a = m.end()
    parts.append((s + a, e))
    return parts


def _meeting_end(v: str, s: int, e: int) -> int:
    """End of the meeting name in ``v[s:e]``: the last type word (会/会议/大会) that closes the
    phrase or is followed by a verb such as 传达/研究 (``_AFTER_NAME``); ``s`` if none."""
    best = s
    for m in re.finditer(r"会议|大会|会(?!见|谈|同|商|计|员|长|所|址|标|徽|场|议)", v[s:e]):
        end = s + m.end()
        if end == e or _AFTER_NAME.match(v, end) or re.match(r"[(（]扩大[)）]", v[end:e]):
            best = end
    # a qualifier in brackets right after the type word belongs to the name: 会议(扩大)
    mm = re.match(r"[(（]扩大[)）]", v[best:e])
    if mm:
        best += mm.end()
    return best


def find_meetings(v: str, person_spans: list[tuple[int, int]] = (),
                  skip: list[tuple[int, int]] = ()) -> list[Meeting]:
    """Meetings held in view ``v`` in text order (``person_spans``: name spans, to tell a person
    subject from a body; ``skip``: view ranges to ignore)."""
    out: list[Meeting] = []
    group = 0

    def in_person(s, e):
        return any(a < e and s < b for a, b in person_spans)

    def skipped(p):
        return any(a <= p < b for a, b in skip)

    for m in _TRIGGER.finditer(v):
        if skipped(m.start()):
            continue
        t0 = m.start()
        after = m.end()
        if v[after:after + 1] in ("的", "前", "后", "时") or v[after:after + 2] in ("期间",):
            continue
        # clause before the trigger
        cs = t0
        while cs > 0 and not _CLAUSE_END.match(v[cs - 1]):
            cs -= 1
        clause = v[cs:t0]
        if any(clause.endswith(f) or f + "在" in clause[-8:] for f in _FUTURE) or "将于" in clause:
            continue
        if re.search(r"关于|提请|审议|决定", clause[-12:]):
            continue  # 关于提请审议召开…会议的决定: a document, not a meeting
        if clause.endswith(("顺利", "隆重", "胜利", "如期")) and not re.search(r"会议?$|大会$", clause):
            continue
        lt = _LEAD_TIME.match(clause)
        subj_s = cs + (lt.end() if lt else 0)
        # 在…召开: the location is not part of the subject
        loc = clause.rfind("在", subj_s - cs)
        subj_e = t0
        if loc >= 0 and loc > subj_s - cs:
            subj_e = cs + loc
        subj = v[subj_s:subj_e]
        chaired = bool(m.group(1))
        # object after the trigger
        st = _PUNCT.search(v, after)
        oe = st.start() if st else len(v)
        # the object may start with a stop word such as 专题 or 集中 … only when nothing precedes
        obj_end = _meeting_end(v, after, oe)
        person_subject = in_person(subj_s, subj_e) or chaired
        subject_body = None
        if subj and not person_subject:
            subject_body = subj
        if obj_end > after:
            obj = v[after:obj_end]
            prefixed = False
            if subject_body and re.fullmatch(r"(?:第[" + _NUM + r"]+次)?(?:[(（]?扩大[)）]?)?会议",
                                             _QUOTES.sub("", obj)):
                prefixed = True
            parts = _split_joint(v, after, obj_end)
            group += 1
            for a, b in parts:
                nm = v[a:b]
                if prefixed:
                    nm = subject_body + nm
                out.append(Meeting(a, b, nm, subject_body, (subj_s, subj_e) if subject_body else None,
                                   t0, chaired, group, prefixed))
        elif re.search(r"会议?$|大会$", _QUOTES.sub("", v[subj_s:subj_e])) and not chaired:
            # subject meeting: 市政府第二次全体会议召开
            if in_person(subj_s, subj_e):
                continue
            end = _meeting_end(v, subj_s, subj_e)
            if end <= subj_s:
                continue
            group += 1
            for a, b in _split_joint(v, subj_s, end):
                out.append(Meeting(a, b, v[a:b], None, None, t0, False, group))
    return out


def describe(m: Meeting, orig) -> dict:
    """Output fields of a meeting: ``{"name", "organizer", "kind", "ordinal"}``, strings in the
    text's own script. ``orig(s, e)`` maps a view range to the original text."""
    subject = clean_name(orig(*m.subj_span)) if m.subj_span else None
    name = clean_name(orig(m.s, m.e))
    if m.prefixed and subject:
        name = subject + name
    vname = clean_name(m.name)
    vsub = clean_name(m.subject) if m.subject else None
    org = organizer_of(vname, vsub)
    if org is not None:
        if vname.startswith(org) and len(vname) == len(name):
            org = name[:len(org)]
        elif vsub is not None and org == vsub and subject:
            org = subject
    return {"name": name, "organizer": org, "kind": _script_kind(kind_of(vname), vname, name),
            "ordinal": ordinal_of(vname)}


def _script_kind(kind: str, vname: str, name: str) -> str:
    """The kind in the text's own script when it is written at the end of the name."""
    b = _QUAL.sub("", vname)
    if len(b) == len(name) and b.endswith(kind):
        return name[len(name) - len(kind):]
    if vname.endswith(kind) and len(vname) == len(name):
        return name[len(name) - len(kind):]
    # convert char by char through the simplified form (党组(扩大)会议 → 黨組會議)
    mp = {}
    for a, b2 in zip(vname, name):
        mp.setdefault(a, b2)
    return "".join(mp.get(c, c) for c in kind)
