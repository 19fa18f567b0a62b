"""Line-level cues: bylines, datelines, page furniture, jump markers, headline look.

Every rule is a pattern over one line's de-spaced text. The patterns follow the
credit conventions of Chinese newspapers (本报讯 / 本报记者 / 新华社…电 /
记者…报道 / 通讯员) as documented in ``../shared/bench/README.md`` and the
lexicon file ``lexicon/bylines.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..layout.chars import CJK, CLOSERS, MIN_EM, SENTENCE_END, em_width

CUE_CACHE = 8192
"""Line cues are asked of the same line by several rules: the pure ones keep this many answers."""

_ROLE = r"(?:全媒体记者|融媒体记者|首席记者|特约记者|实习记者|见习记者|实习生|记者|通讯员|摄影|摄|文/图|文／图|图/文)"


@lru_cache(maxsize=1)
def _agencies() -> str:
    """Alternation of outlet words that head an inline byline (from lexicon/bylines.txt)."""
    words = []
    for line in resources.files("baozhi.lexicon").joinpath("bylines.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(re.escape(line))
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _inline_byline_re() -> re.Pattern[str]:
    # 本报讯（渝西都市报记者涂燕）  运城晚报讯（记者焦斌）  本报讯 记者 X 报道  新华社北京6月12日电（记者 X）
    return re.compile(
        r"^(?:"
        r"[^\s，。（(]{0,12}?讯\s*[（(][^（()）]{1,60}?[）)]"          # …讯（…）
        r"|[^\s，。（(]{0,12}?讯\s*" + _ROLE + r"[^，。]{1,30}?报道"       # …讯 记者 X 报道
        r"|(?:" + _agencies() + r")[^，。（(]{0,12}?\d{1,2}月\d{1,2}日电(?:\s*[（(][^（()）]{1,60}?[）)])?"  # 新华社北京6月12日电
        r"|[^\s，。（(]{0,12}?\d{1,2}月\d{1,2}日讯(?:\s*[（(][^（()）]{1,60}?[）)])?"  # 东北网鸡西4月13日讯
        r"|[^\s，。（(]{0,8}?讯\s*[（(]?" + _ROLE + r"\s*[\u4e00-\u9fff·]{2,4}(?:\s+" + _ROLE + r"\s*[\u4e00-\u9fff·]{2,4})*[）)]?"
        r")"
    )


_OWN_LINE_BYLINE = re.compile(
    r"^(?:(?:本报|本刊|本台|新华社|人民日报)?" + _ROLE + r"\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:[\s、]+(?:" + _ROLE + r"\s*)?[\u4e00-\u9fff·]{2,4})*"
    r"(?:\s*(?:文/图|文／图|图/文|摄影?|报道|文))?"
    r"|(?:文/图|文／图|图/文)\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*)$"
)

_FURNITURE = [
    re.compile(r"^第\s*[0-9０-９一二三四五六七八九十百]+\s*版"),
    re.compile(r"^(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期[一二三四五六日天])?$"),
    re.compile(r"^星期[一二三四五六日天]\s*(?:$|(?:责任编辑|责编|编辑|值班编辑)[\s:：]*[\u4e00-\u9fff·\s]{1,12}$)"),
    re.compile(r"^(?:农历|癸卯|甲辰|乙巳|丙午)[^，。]{0,12}$"),
    re.compile(r"^(?:责任编辑|责编|编辑|校对|美编|版式|组版|审核|值班编辑|主编|版面设计|制图)[\s:：]*[\u4e00-\u9fff·\s]{1,12}(?:\s+(?:责任编辑|责编|编辑|校对|美编|版式|审核|组版)[\s:：]*[\u4e00-\u9fff·\s]{1,12})*$"),
    re.compile(r"^(?:国内统一连续出版物号|国内统一刊号|邮发代号|CN\s*\d)"),
    re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*星期[一二三四五六日天]"),
]
_WEB_LABELS = ("发布时间|發佈時間|发表时间|發表時間|发布日期|發佈日期|更新时间|更新時間|信息来源|信息來源|稿件来源|稿件來源|"
               "文章来源|文章來源|来源|來源|责任编辑|責任編輯|编辑|編輯|审核人|審核人|审核|審核|浏览次数|瀏覽次數|"
               "阅读次数|閱讀次數|访问次数|訪問次數|浏览人次|瀏覽人次|点击数|點擊數|点击量|點擊量|本文字数|字號|字号|"
               "关键词|關鍵詞|关键字|關鍵字|当前位置|當前位置|当前页面|當前頁面|您的位置|您现在的位置|您現在的位置")
_WEB_FURNITURE = re.compile("|".join(f"(?:{p})" for p in (
    # a web page's metadata line (发布时间: 2019-12-31 信息来源: 山西新闻网, 【编辑:X】, 阅读次数:2287)
    r"^[（(【\[]?\s*(?:" + _WEB_LABELS + r")\s*[:：][^。，！？]{0,80}$",
    # a time stamp, alone, after a source name or a metadata label, with its counters
    # (长江云新闻 2026-01-07 19:50:06, 2023-11-15 16:59 | 稿件来源:…; not 报名时间：2024-03-01 09:00至…)
    r"^(?:[^。，,！？:：]{0,16}?|[（(【\[]?(?:" + _WEB_LABELS + r")\s*[:：]\s*)"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?[^。，！？至到]{0,80}$",
    # a breadcrumb trail (首页 > 政府动态, > 政府动态 > 镇街动态, 首頁 -> 頭條)
    r"^(?:首页|首頁|网站首页|網站首頁)?\s*-?[>＞»][^。，,！？]{0,60}$",
    r"^(?:首页|首頁)\s*-?[>＞»]",
    # page chrome (分享到, 扫一扫在手机打开当前页, 打印本页 关闭窗口, 返回顶部, 上一篇：…, 版权所有 ©…)
    r"^(?:分享到|請打開微信掃一掃|请打开微信扫一扫|扫一扫|掃一掃|打印本页|打印本頁|关闭窗口|關閉窗口|【打印】|"
    r"回到顶部|返回顶部|回到頂部|返回頂部|回到页首|回到頁首|返回首页|返回首頁|(?:上一篇|下一篇)\s*[:：]|"
    r"(?:版权所有|版權所有|Copyright)\s*(?:©|\(c\)|\d{4}|[:：])|Produced\s*By)[^。，！？]{0,60}$",
    r"^(?:打印|关闭|關閉)$",
)))
"""Furniture of a web page a text was copied from (``parse`` reads copy-paste too): metadata
labels, time stamps, breadcrumbs and page chrome. No line holding a sentence end or a full-width
comma (。，！？) is one. Used only on a clean article text (see
:func:`baozhi.readers.dump.is_clean_text`): in a page dump such patterns also begin wrapped
column lines of body text (来源：全市规上工业…, 2022-04-23 10:30发布的…)."""
_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE))
"""Any of :data:`_FURNITURE` (one pass: each alternative is anchored at the line start)."""
_JUMP = re.compile(r"^[（(]?\s*(?:下转|上接|转|接)\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[）)]?$")
_DATELINE = re.compile(r"^(\d{1,2}月\d{1,2}日(?:上午|下午|晚上?|凌晨)?)[，,]")
_AGENCY_DATE = re.compile(r"(\d{1,2}月\d{1,2}日)[电讯]")


_T2S = str.maketrans("報訊記員電攝導見習實區縣鎮市黨組會議長書", "报讯记员电摄导见习实区县镇市党组会议长书")
"""Traditional → simplified for the characters byline and dateline patterns use
(one character for one, so match offsets stay valid); output keeps the text's own characters."""
_TRAD = re.compile("[" + "".join(map(chr, _T2S)) + "]")


@lru_cache(maxsize=CUE_CACHE)
def _simp(s: str) -> str:
    return s.translate(_T2S) if _TRAD.search(s) else s


@lru_cache(maxsize=CUE_CACHE)
def squash(s: str) -> str:
    """``s`` without any whitespace (the de-spaced view used for matching)."""
    return "".join(s.split())


@lru_cache(maxsize=CUE_CACHE)
def inline_byline(line: str) -> re.Match[str] | None:
    """Match a byline that opens the first paragraph (本报讯（记者 X）…). ``line`` is de-spaced or raw."""
    if not _may_open(line):
        return None
    return _inline_byline_re().match(_simp(line))


def _may_open(line: str) -> bool:
    """Every inline byline form holds 讯 or 电 (訊/電 before :func:`_simp`): a line without
    them opens no article (a quick reject before the patterns)."""
    return "讯" in line or "电" in line or "訊" in line or "電" in line


_BYLINE_CUT = re.compile(r"^[^\s，。（(]{0,12}?讯\s*[（(][^（()）]{0,40}$")
"""An inline byline cut by the line end (运城晚报讯（记者 / 焦 斌）近日，…): narrow columns break it."""
_BYLINE_CUT_BARE = re.compile(r"^[^\s，。（(]{0,12}?讯" + _ROLE + r"[\u4e00-\u9fff·]{0,3}$")
"""The bracketless form cut inside its name, before its 报道 (本报讯记者蔡 / 南报道为…); matched
de-spaced and whole-line only, so a line going on after the name is not taken."""


@lru_cache(maxsize=CUE_CACHE)
def opens_article(line: str) -> bool:
    """The line opens an article's text: an inline byline, whole or cut at the line end."""
    if not _may_open(line):
        return False
    s = _simp(line)
    f = squash(s)
    return bool(_inline_byline_re().match(s) or _BYLINE_CUT.match(f) or _BYLINE_CUT_BARE.match(f))


_PHOTO_CREDIT_END = re.compile(
    r"(?:^|(?<=[。！？”’）)]))((?:本报|新华社|人民日报|本刊)?(?:特约)?(?:摄影记者|记者|通讯员)?)"
    r"([\u4e00-\u9fff·]{2,8}?)(?:/|／)?(?:摄影?|攝影?)$")
"""A photo credit run in after the last sentence (…稳定运行。毛如瑞摄 / …第一课。记者罗仰东宋婷/摄)."""


@lru_cache(maxsize=CUE_CACHE)
def photo_credit_end(line: str) -> bool:
    """True when the line ends a photo caption with its credit (…。本报记者雷金华摄).

    By the convention in ``../shared/bench/README.md`` (photo news and caption
    boxes are articles of their own), such a credit closes the article. Without
    a role word (记者, 本报记者) the credit must read as one or two names
    (surname + given name), so a sentence cut after 正在拍摄 is no credit.
    """
    flat = squash(line)
    if flat[-1:] not in ("摄", "攝", "影"):
        return False  # the credit ends in 摄/摄影
    m = _PHOTO_CREDIT_END.search(_simp(flat))
    if not m:
        return False
    if m.group(1):
        return True
    if m.start() == 0:
        return False  # a bare name at the line start: no sentence end shows it is a credit
    from ..facts.names import shape_ok  # the surname lexicon

    names = m.group(2)
    return shape_ok(names) or any(shape_ok(names[:k]) and shape_ok(names[k:]) for k in range(2, len(names) - 1))
DECORATION = re.compile(r"^[■□●○◆◇▲△★☆▶►◼◻]\s*")
"""A decoration mark printed before an own-line credit (■本报记者 X): owned, but not byline text."""


@lru_cache(maxsize=CUE_CACHE)
def own_line_byline(line: str) -> bool:
    """True for a credit printed on its own line above the body (本报记者 X / 记者 X 文/图)."""
    if "，" in line or "。" in line:
        return False  # running text (the credit pattern has no such punctuation)
    s = DECORATION.sub("", line.strip())
    if not s or len(squash(s)) > 40:
        return False
    # a name padded to three characters' width (方 宇) is matched with its spaces removed
    return bool(_OWN_LINE_BYLINE.match(_simp(s)) or _OWN_LINE_BYLINE.match(_simp(squash(s))))


CREDIT_HEAD_CHARS = 16
"""A cut credit's start is a short line (decoration, outlet, role, padding, one ideograph)."""
_CREDIT_HEAD = re.compile(r"^(?:本报|本刊|本台|新华社|人民日报)?" + _ROLE + r"\s+[\u4e00-\u9fff]$")


def credit_head(line: str) -> bool:
    """The start of an own-line credit cut inside its padded name (本报记者 方 / … / 宇 文/图:
    the dump printed the rest elsewhere): never a headline line."""
    return len(line) <= CREDIT_HEAD_CHARS and bool(_CREDIT_HEAD.match(_simp(DECORATION.sub("", line.strip()))))


RUNNING_PUNCT = frozenset("，。、；：！？")
"""Clause and sentence punctuation: what running text holds and a title line does not."""


def is_web_furniture(line: str) -> bool:
    """A web page's furniture line (:data:`_WEB_FURNITURE`): metadata, a time stamp, a
    breadcrumb, page chrome. Meant for clean article texts only."""
    return _WEB_FURNITURE.match(line.strip()) is not None


@lru_cache(maxsize=CUE_CACHE)
def is_furniture(line: str) -> bool:
    """Page furniture: 第N版, date lines, weekday, editor credits, publication numbers."""
    s = line.strip()
    return _ANY_FURNITURE.match(s) is not None


@lru_cache(maxsize=1)
def _section_labels() -> frozenset[str]:
    text = resources.files("baozhi.lexicon").joinpath("sections.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
_PAGE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAGE_NUMBER = re.compile(r"第\s*([0-9０-９A-Za-z]+|[一二三四五六七八九十百]+)\s*版")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _cn_number(s: str) -> int | None:
    """一 … 九十九 (and 一百 …) as an int; None for anything else."""
    if "百" in s:
        h, _, rest = s.partition("百")
        hv = _CN_DIGITS.get(h, 1 if not h else None)
        rv = _cn_number(rest.lstrip("零")) if rest else 0
        return None if hv is None or rv is None else hv * 100 + rv
    if "十" in s:
        t, _, u = s.partition("十")
        tv = _CN_DIGITS.get(t, 1 if not t else None)
        uv = _CN_DIGITS.get(u, 0 if not u else None)
        return None if tv is None or uv is None else tv * 10 + uv
    return _CN_DIGITS.get(s) if len(s) == 1 else None


def page_date(header: list[str]) -> str | None:
    """The page's date printed in the furniture (2024年5月2日) as ISO ``2024-05-02``."""
    for line in header:
        m = _PAGE_DATE.search(line)
        if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def page_number(header: list[str]) -> str | None:
    """The page number printed in the furniture (第5版 → ``5``, 第A3版 → ``A3``, 第十二版 → ``12``)."""
    for line in header:
        m = _PAGE_NUMBER.search(squash(line))
        if m:
            v = m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            n = _cn_number(v) if not v.isascii() else None
            return str(n) if n is not None else v.upper()
    return None


@lru_cache(maxsize=CUE_CACHE)
def is_section_label(line: str) -> bool:
    """A section name on a line of its own (要闻, 民生, 简讯; ``lexicon/sections.txt``)."""
    s = squash(line)
    if s in _section_labels():
        return True
    # a section name with a generic word after it: 区县新闻, 社会新闻, 教育动态
    return len(s) <= SECTION_MAX_CHARS and s.endswith(_SECTION_SUFFIXES) and s[:-2] in _section_labels()


SECTION_MAX_CHARS = 6
"""A section label with a generic suffix is at most this long (区县新闻, 地方新闻动态 no)."""
_SECTION_SUFFIXES = ("新闻", "动态", "要闻", "快讯")


@lru_cache(maxsize=CUE_CACHE)
def is_jump(line: str) -> bool:
    """A jump marker line such as （下转第4版）."""
    return bool(_JUMP.match(squash(line)))



@lru_cache(maxsize=CUE_CACHE)
def dateline(text: str) -> re.Match[str] | None:
    """The event date that opens the lead after the byline (6月12日，…)."""
    return _DATELINE.match(text)


def agency_date(text: str) -> re.Match[str] | None:
    return _AGENCY_DATE.search(text)


def reporters_in(byline: str) -> list[str]:
    """Names credited in a byline, in order: after each role word (记者, 通讯员, 文/图, 摄 …) up to
    the next one or the closing bracket, the names separated by 、, commas or spaces, where single
    ideographs standing alone are one padded name (``吴 航`` → 吴航); a closing 报道, lone
    characters and pieces that are no 2–4-ideograph name (an office's name) are left out.

    ``本报讯（记者 吴 航 通讯员 李嘉明）`` → ``["吴航", "李嘉明"]``;
    ``全媒体记者 莫嘉豪、石 锋、袁 蓓`` → ``["莫嘉豪", "石锋", "袁蓓"]``."""
    s = _simp(byline)
    roles = list(_ROLE_WORD.finditer(s))
    out: list[str] = []
    for n, m in enumerate(roles):
        # (found in the simplified form; names taken as printed: _simp maps one character for one)
        seg = byline[m.end():roles[n + 1].start() if n + 1 < len(roles) else len(s)]
        seg = re.split(r"[）)]", seg, maxsplit=1)[0]
        for part in re.split(r"[、，,；;/／]", seg):
            tokens: list[str] = []
            for tok in part.split():
                if len(tok) == 1 and tokens and len(tokens[-1]) == 1:
                    tokens[-1] += tok  # a padded two-character name (吴 航)
                else:
                    tokens.append(tok)
            for tok in tokens:
                name = tok.removesuffix("报道")
                if 2 <= len(name) <= 4 and _NAME_CHARS.fullmatch(name) and name not in out:
                    out.append(name)
    return out


_ROLE_WORD = re.compile(_ROLE)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff·]+")


@lru_cache(maxsize=CUE_CACHE)
def ends_sentence(s: str) -> bool:
    """The line ends a sentence: 。！？… possibly followed by closing quotes/brackets."""
    s = s.rstrip()
    i = len(s) - 1
    while i >= 0 and s[i] in CLOSERS:
        i -= 1
    if i >= 0 and s[i] in SENTENCE_END:
        return True
    # a closing credit in brackets ends the text: （记者卢碧云通讯员范艳）
    return bool(_CLOSING_CREDIT.search(s))


_CLOSING_CREDIT = re.compile(r"[（(][^（()）]*(?:记者|通讯员|摄)[^（()）]*[）)]$")


_LONE_SPACE = re.compile(r"(?<=\S) (?=\S)")
"""A single space between two printed characters (regex non-space is ``not str.isspace()``)."""


@lru_cache(maxsize=CUE_CACHE)
def letter_spaced(s: str) -> bool:
    """``深 入 学 习``: most ideographs separated by single spaces."""
    s = s.strip()
    if len(s) < 5 or " " not in s:
        return False  # (no space: no gap, and at least three ideographs need two)
    gaps = len(_LONE_SPACE.findall(s))
    cjk = sum(map(CJK.__getitem__, s))
    return cjk >= 3 and gaps >= 0.6 * (cjk - 1)


@lru_cache(maxsize=CUE_CACHE)
def min_width(s: str) -> float:
    """Narrowest width the line can have in ems (punctuation compressed to half an em)."""
    return sum(map(MIN_EM.__getitem__, s), 0.0)


@lru_cache(maxsize=CUE_CACHE)
def width(s: str) -> float:
    return em_width(s)


_BRACKET_CREDIT = re.compile(r"^[（(][\u4e00-\u9fff·、\s]{2,16}[）)]$")


@lru_cache(maxsize=CUE_CACHE)
def bracket_credit(flat: str) -> bool:
    """A de-spaced line that is only names in brackets (（贺勇谭娅）): the credit closing a text."""
    return bool(_BRACKET_CREDIT.match(flat))


def has_sentence_punct(s: str) -> bool:
    """``s`` holds a sentence end (。；！？) somewhere."""
    return "。" in s or "；" in s or "！" in s or "？" in s


CREDIT_END = re.compile(r"(?:摄影?|攝影?|文\s*[/／]\s*图|图\s*[/／]\s*文)$")
"""A credit's last words: a line ending so is no headline (春霖文/图, 毛如瑞摄)."""
BARE_CREDIT_CHARS = 12
"""A photo credit on a line of its own is at most this long (role words and one or two names)."""


def bare_photo_credit(flat: str) -> bool:
    """A short de-spaced line that is only a credit (毛如瑞摄, 本报记者任远摄, /摄, 记者X文/图)."""
    return len(flat) <= BARE_CREDIT_CHARS and bool(CREDIT_END.search(flat)) and not has_sentence_punct(flat) \
        and "，" not in flat
