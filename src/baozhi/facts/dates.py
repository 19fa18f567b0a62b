"""The date of the main reported event, and how its year was found.

Rules (corpus README, *date*):
- the day is the first event day the text gives (``6月12日``), not a dispatch dateline
  (``鸡西4月13日讯``) and not a printed publication date; a day written relative to the dateline
  or publication date (``今天(15日)``, ``27日``) counts from it; ``截至8月15日`` dates a progress
  report with no meeting; with no event day the dateline, else the publication date is taken;
  ``昨日/近日/日前`` alone give no date;
- the year comes from the text only: a full date ``2016年12月16日``, a printed publication date
  (``发布时间: 2019-12-31``), the page date passed in, a meeting or plan of the year under way
  (``2024年全市外事工作会议``; a plan dated for a later period does not count), or a statement
  about the present (``2015年仍然是…的一年``); otherwise ``--MM-DD``. Never invented.
"""
from __future__ import annotations

import re
from collections import Counter

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_FULL = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_MD = re.compile(r"(?<![\d年])(?:(\d{4})年)?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日(?:电|讯)")
_PAREN_SRC = re.compile(r"[(\[]\s*据[^()\[\]\n]{0,30}?(\d{1,2})月(\d{1,2})日\s*[)\]]")
_REL = re.compile(r"(今天|今日|昨天|昨日|前天)?\s*\(?(?<![\d月])(\d{1,2})日\)?")
_TODAY = re.compile(r"今天|今日")
_VAGUE = re.compile(r"昨日|昨天|近日|日前|前不久|近期")
_YEAR_EVENT = re.compile(r"(?<!\d)(\d{4})年度?(?:[^\d,，。；;、:：()\n]|第\d+次){0,24}?(会议|大会|全会|行动|活动|工作要点|要点|计划|方案|规划)")
_YEAR_NOW = re.compile(r"(?<!\d)(\d{4})年(?:仍然|依然|仍|也|将|又)?是[^。！？\n]{0,40}?一年")
_FUTURE = ("将于", "将在", "拟于", "定于", "计划于", "预计")


def _valid(m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= 31


def _fmt(y, m, d) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"


def publication_dates(v: str) -> list[tuple[int, int, int, int, int]]:
    """Printed publication dates ``(y, m, d, s, e)``: ISO-like dates, and ``YYYY年M月D日`` alone
    on a line."""
    out = []
    for m in _ISO.finditer(v):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1900 < y < 2100 and _valid(mo, d):
            out.append((y, mo, d, m.start(), m.end()))
    for m in re.finditer(r"(?m)^[ \t]*(\d{4})年(\d{1,2})月(\d{1,2})日[ \t]*$", v):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(mo, d):
            out.append((y, mo, d, m.start(1), m.end()))
    out.sort(key=lambda t: t[3])
    return out


def stated_years(v: str, event_month: int | None) -> list[int]:
    """Years the text states for the current events: ``2024年…会议``, a plan of the year
    (``2024年…工作要点``; not when the event falls in Oct–Dec, when plans are for the next year),
    ``2015年仍然是…的一年``."""
    ys = []
    for m in _YEAR_EVENT.finditer(v):
        y = int(m.group(1))
        kind = m.group(2)
        if kind not in ("会议", "大会", "全会", "行动", "活动") and event_month and event_month >= 10:
            continue
        ys.append(y)
    for m in _YEAR_NOW.finditer(v):
        ys.append(int(m.group(1)))
    return ys


FUTURE_DAYS = 7
"""A news page reports what happened up to its date, and announces what comes in the next days:
a month-day more than this many days after the page date fell in the year before."""


def _year_before_page(py: int, mo: int, d: int, page_date: str) -> int:
    """The year of month-day ``mo-d`` reported on a page dated ``page_date`` (year ``py``)."""
    import datetime as dt

    try:
        event = dt.date(py, mo, d)
        page = dt.date.fromisoformat(page_date)
    except ValueError:
        return py - 1 if mo > int(page_date[5:7]) + 1 else py
    return py - 1 if (event - page).days > FUTURE_DAYS else py


def with_page_year(date: str | None, page_date: str) -> str | None:
    """A month-day ``--MM-DD`` completed with the year it has on a page dated ``page_date``
    (ISO, with a year) by :func:`_year_before_page`; any other value, or a day that year lacks
    (02-29), is returned unchanged."""
    import datetime as dt

    hit = re.fullmatch(r"--(\d{2})-(\d{2})", date or "")
    if not hit:
        return date
    mo, d = int(hit.group(1)), int(hit.group(2))
    y = _year_before_page(int(page_date[:4]), mo, d, page_date)
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return date


def month_days(v: str, start: int = 0, end: int | None = None):
    """Written month-days of ``v[start:end]`` that may be an event's date: each
    ``[YYYY年]M月D日`` with a valid month and day, not after a future marker (将于/拟于/定于…).
    Yields ``(year | None, month, day, s, e)``, view offsets of the whole match."""
    for m in _MD.finditer(v, start, len(v) if end is None else end):
        mo, d = int(m.group(2)), int(m.group(3))
        if _valid(mo, d) and not v[max(0, m.start() - 4):m.start()].endswith(_FUTURE):
            yield (int(m.group(1)) if m.group(1) else None, mo, d, m.start(), m.end())


def find_date(v: str, *, page_date: str | None = None, has_meeting: bool = True,
              skip: list[tuple[int, int]] = ()) -> dict:
    """Event date of view ``v``.

    Returns ``{"date": "YYYY-MM-DD" | "--MM-DD" | None, "date_source": str | None,
    "year_source": str | None, "evidence": [[s, e], ...]}`` (view offsets).
    >>> find_date("12月6日,市委书记主持召开市委常委会")["date"]
    '--12-06'
    """
    pubs = publication_dates(v)
    taken = [(s, e) for *_, s, e in pubs] + list(skip)
    dateline = None
    for m in _DATELINE.finditer(v):
        mo, d = int(m.group(1)), int(m.group(2))
        if _valid(mo, d):
            dateline = (mo, d, m.start(), m.end())
            taken.append((m.start(), m.end()))
            break
    for m in _PAREN_SRC.finditer(v):
        mo, d = int(m.group(1)), int(m.group(2))
        if _valid(mo, d) and dateline is None:
            dateline = (mo, d, m.start(1), m.end(2) + 1)
        taken.append((m.start(), m.end()))

    def free(s, e):
        return not any(a < e and s < b for a, b in taken)

    cands = []
    for y, mo, d, s, e in month_days(v):
        if not free(s, e):
            continue
        if v[e:e + 1] in ("电", "讯"):
            continue
        # inside 《》?
        if v.rfind("《", 0, s) > v.rfind("》", 0, s):
            continue
        ls = v.rfind("\n", 0, s) + 1
        le = v.find("\n", e)
        line = v[ls:le if le >= 0 else len(v)]
        if not re.search(r"[\u4e00-\u9fff]", line.replace(v[s:e], "")):
            continue  # a date alone on its line is a listing or publication date
        before = v[max(0, s - 4):s]
        cands.append((y, mo, d, s, e, before.endswith(("截至", "截止", "截止到"))))

    ref = None  # (y, m, d) of the dateline or publication date, for relative days
    if dateline:
        ref = (None, dateline[0], dateline[1])
    elif pubs:
        ref = pubs[0][:3]
    elif page_date and re.match(r"\d{4}-\d{2}-\d{2}$", page_date):
        ref = (int(page_date[:4]), int(page_date[5:7]), int(page_date[8:10]))

    chosen = None
    source = None
    if cands:
        if not has_meeting and any(c[5] for c in cands):
            c = next(c for c in cands if c[5])
        else:
            c = next((c for c in cands if not c[5]), cands[0])
        chosen = (c[0], c[1], c[2], c[3], c[4])
        source = "text"
    elif ref is not None:
        # a day relative to the dateline: 今天(15日), 27日
        for m in _REL.finditer(v):
            if not free(m.start(), m.end()) or not m.group(2):
                continue
            if v[max(0, m.start(2) - 1):m.start(2)] in ("月",) or v[m.end():m.end() + 1] in ("电", "讯"):
                continue
            d = int(m.group(2))
            if not 1 <= d <= 31:
                continue
            mo = ref[1] if d <= ref[2] else (ref[1] - 1 or 12)
            chosen = (None, mo, d, m.start(2), m.end(2) + 1)
            source = "relative-to-dateline" if dateline else "relative-to-publication"
            break
        if chosen is None:
            t = _TODAY.search(v)
            if t and free(t.start(), t.end()):
                chosen = (None, ref[1], ref[2], t.start(), t.end())
                source = "today-dateline" if dateline else "today-publication"
        if chosen is None and not (_VAGUE.search(v) and not dateline):
            if dateline:
                chosen = (None, dateline[0], dateline[1], dateline[2], dateline[3])
                source = "dateline"
            elif pubs:
                p = pubs[0]
                chosen = (p[0], p[1], p[2], p[3], p[4])
                source = "publication"
            elif ref is not None:
                chosen = (ref[0], ref[1], ref[2], 0, 0)
                source = "page"
    if chosen is None:
        return {"date": None, "date_source": None, "year_source": None, "evidence": []}

    y, mo, d, s, e = chosen
    year_source = None
    if y:
        year_source = "text-date" if source == "text" else source
    else:
        py = None
        if pubs:
            py, pm = pubs[0][0], pubs[0][1]
            year_source = "publication"
        elif page_date and re.match(r"\d{4}-\d{2}", page_date):
            py, pm = int(page_date[:4]), int(page_date[5:7])
            year_source = "page"
        if py:
            y = py - 1 if mo > pm + 1 else py
            if year_source == "page" and re.match(r"\d{4}-\d{2}-\d{2}$", page_date or ""):
                y = _year_before_page(py, mo, d, page_date)
        else:
            ys = stated_years(v, mo)
            if ys:
                y = Counter(ys).most_common(1)[0][0]
                year_source = "stated-in-text"
    ev = [[s, e]] if e > s else []
    return {"date": _fmt(y, mo, d), "date_source": source, "year_source": year_source,
            "evidence": ev}
