"""Per-article fact extraction and the page-level union.

``extract_article(text, page_date=None, headline="") -> dict`` returns, in the truth schema of
the corpus README plus provenance::

    {"date": "YYYY-MM-DD" | "--MM-DD" | None, "date_source": str | None,
     "year_source": str | None, "date_evidence": [[s, e], ...],
     "reporters": [str], "reporter_mentions": [[s, e], ...],
     "persons": [{"name": str, "titles": [str], "mentions": [[s, e], ...]}],
     "meetings": [{"name", "organizer", "kind", "ordinal", "date", "chairs", "attendees",
                   "observers", "documents", "evidence": [[s, e], ...]}],
     "cited_meetings": [{"name": str, "evidence": [[s, e]]}],
     "documents": [str]}

Offsets are half-open code-point indices into ``text``; ``text[s:e]`` is the evidenced string
(for a name with layout spaces the span covers the spaced form).

Evidence chosen for persons: the title-and-list patterns of government news (a title or group
label right before a name, 、-lists after it, 同志 or a post word after it) decide; the name's
right end is chosen by what follows it (names.py). No segmenter decides: jieba's ``nr`` tags on
this corpus have far lower precision (see benchmarks/bench_facts.py).
"""
from __future__ import annotations

import re

from .credits import find_credits
from .dates import find_date, month_days, with_page_year
from .documents import bracket_titles, meeting_documents
from .meetings import Meeting, describe, find_meetings
from .persons import detect_persons
from .view import View

_SENT = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_ROLE = re.compile(
    r"(?P<chair>主持召开|主持举行|主持(?!人|词))|(?P<trust>委托)|"
    r"(?P<obs>列席)|(?P<att>应邀出席|应邀参加|出席|参加|在主席台就座|收听收看|参会)|"
    r"(?P<spk>讲话|发言|致辞|宣读|宣誓|讲了|通报|汇报|领学|传达|(?:作|做)(?:了)?[^，,。；;]{0,16}?报告)")
_LISTED = re.compile(r"[、和及与]")
"""What stands between two names of one list that a speaker verb after the last applies to."""
_ATT_FWD = re.compile(r"(?:出席|参加)(?:会议|本次会议)?的(?:领导|人员|同志)?(?:还)?有")


def _headline_lines(v: str) -> list[tuple[int, int]]:
    """View ranges of short lines without sentence punctuation (web-page headlines, captions)."""
    out = []
    for m in re.finditer(r"[^\n]+", v):
        t = m.group().strip()
        if t and len(t) <= 40 and not re.search(r"[,，。；;]", t):
            out.append(m.span())
    return out


def _mentions(v: str, names: list[str], masked) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of each name, skipping those inside a longer name or a credit."""
    occ: dict[str, list[tuple[int, int]]] = {}
    longer = sorted(names, key=len, reverse=True)
    claimed: list[tuple[int, int]] = []
    for nm in longer:
        lst = []
        for m in re.finditer(re.escape(nm), v):
            s, e = m.span()
            if any(a <= s < b or a < e <= b for a, b in claimed) or any(a <= s < b for a, b in masked):
                continue
            lst.append((s, e))
        occ[nm] = lst
        claimed.extend(lst)
    return occ


def _assign_roles(v: str, meetings: list[Meeting], P, mentions, skip_ranges):
    """Chairs, attendees and observers of each meeting group, by role verbs per sentence.

    Names collect until a role verb (主持 → chairs, 出席/参加/… → attendees, 列席 → observers);
    受…委托 drops the names before it; speakers (讲话, 汇报, 通报, 发言, 作…报告, 宣誓) are
    attendees when the verb follows the name in the same clause (corpus README, *attendees*), and
    so are the names listed right before it (甲、乙作交流发言: both).
    """
    roles: dict[int, dict[str, list[str]]] = {}
    if not meetings:
        return roles
    groups = sorted({m.group: m.trigger for m in meetings}.items(), key=lambda kv: kv[1])
    for g, _ in groups:
        roles[g] = {"chairs": [], "attendees": [], "observers": []}

    def group_for(p: int, sent_end: int) -> int:
        before = [g for g, t in groups if t <= p]
        if before:
            return before[-1]
        after = [g for g, t in groups if p < t < sent_end]
        return after[0] if after else groups[0][0]

    occ = sorted((s, e, nm) for nm, lst in mentions.items() for s, e in lst)
    for sm in _SENT.finditer(v):
        ss, se = sm.span()
        if any(a <= ss < b for a, b in skip_ranges):
            continue
        names = [(s, e, nm) for s, e, nm in occ if ss <= s < se]
        if not names:
            continue
        events = [(s, "name", nm, e) for s, e, nm in names]
        for m in _ROLE.finditer(v, ss, se):
            kind = m.lastgroup
            events.append((m.start(), kind, m.group(), m.end()))
        fwd = _ATT_FWD.search(v, ss, se)
        events.sort(key=lambda t: (t[0], t[1] != "name"))
        pending: list[tuple[int, int, str]] = []
        for pos, kind, val, end in events:
            if kind == "name":
                if fwd and pos >= fwd.end():
                    g = group_for(pos, se)
                    roles[g]["attendees"].append(val)
                    continue
                pending.append((pos, end, val))
                continue
            if kind == "trust":
                pending = []
                continue
            if kind == "spk":
                if not pending:
                    continue
                ps, pe, nm = pending[-1]
                gap = v[pe:pos]
                if re.search(r"[,，:：]", gap) or "听取" in v[ss:pos] and "听取" in gap + v[ss:ps] \
                        and val in ("汇报", "通报"):
                    continue
                if len(gap) > 24 or v[max(0, pos - 2):pos] in ("重要", "系列") or v[pos - 1:pos] == "的" \
                        or v.startswith("精神", end):
                    continue
                # the names listed with it by 、/和/及/与 speak too (许志强、何雪梅作交流发言)
                k = len(pending) - 1
                while k > 0 and _LISTED.fullmatch(v[pending[k - 1][1]:pending[k][0]]):
                    k -= 1
                g = group_for(pos, se)
                roles[g]["attendees"].extend(n for _, _, n in pending[k:])
                pending = pending[:k]
                continue
            if not pending:
                continue
            g = group_for(pos, se)
            key = {"chair": "chairs", "att": "attendees", "obs": "observers"}[kind]
            if kind == "chair" and val in ("主持召开", "主持举行"):
                nxt = [gg for gg, t in groups if t >= pos]
                if nxt:
                    g = nxt[0]
            for _, _, nm in pending:
                roles[g][key].append(nm)
            pending = []
    return roles


def _uniq(xs):
    return list(dict.fromkeys(x for x in xs if x))


def extract_article(text: str, *, page_date: str | None = None, headline: str = "") -> dict:
    """Facts of one article (its paragraphs joined with ``\\n``); see the module docstring for
    the output shape. ``page_date``: ISO date printed on the page, if known; ``headline`` is
    accepted for context only (facts are taken from the body, corpus README)."""
    V = View(text or "")
    v = V.v
    credits = find_credits(v)
    masked = [(c.s, c.e) for c in credits]
    # the credit word before a name belongs to the credit too (记者|朱信丹)
    P = detect_persons(v, masked)
    reporters = [c for c in credits if c.kind == "reporter"]
    editors = [c for c in credits if c.kind == "editor"]
    rep_names = {c.name for c in reporters}
    for c in editors:
        P.add(v, c.s, c.e)
    names = [nm for nm in P.order if nm not in rep_names or nm in {c.name for c in editors}]
    mentions = _mentions(v, names, [(c.s, c.e) for c in reporters])

    heads = _headline_lines(v)
    mts_all = find_meetings(v, P.spans)
    body_mts = [m for m in mts_all if not any(a <= m.trigger < b for a, b in heads)]
    mts = body_mts if body_mts else mts_all
    roles = _assign_roles(v, mts, P, mentions, heads if body_mts else [])

    # documents reviewed, per meeting group
    docs_by_group: dict[int, list[str]] = {}
    if mts:
        first = min(m.trigger for m in mts)
        sent_start = v.rfind("\n", 0, first) + 1
        for sm in _SENT.finditer(v, sent_start):
            ss, se = sm.span()
            if any(a <= ss < b for a, b in heads):
                continue
            for ds, de in meeting_documents(v, ss, se):
                before = [m.group for m in sorted(mts, key=lambda m: m.trigger) if m.trigger <= ds]
                g = before[-1] if before else mts[0].group
                docs_by_group.setdefault(g, []).append(V.orig(ds, de))

    # meetings out, merged by name
    out_meetings: list[dict] = []
    by_name: dict[str, dict] = {}
    starts: dict[int, int] = {}  # id(meeting record) -> view offset of its first mention
    for m in mts:
        d = describe(m, V.orig)
        r = roles.get(m.group, {"chairs": [], "attendees": [], "observers": []})
        chairs = _uniq(V.orig(*_first(mentions, nm)) for nm in r["chairs"])
        obs = _uniq(V.orig(*_first(mentions, nm)) for nm in r["observers"] if nm not in r["chairs"])
        att = _uniq(V.orig(*_first(mentions, nm)) for nm in r["attendees"]
                    if nm not in r["chairs"] and nm not in r["observers"])
        ev = [list(V.span(m.s, m.e))]
        if m.prefixed and m.subj_span:
            ev.insert(0, list(V.span(*m.subj_span)))
        rec = {**d, "date": None, "chairs": chairs, "attendees": att, "observers": obs,
               "documents": _uniq(docs_by_group.get(m.group, [])), "evidence": ev}
        key = rec["name"]
        same = by_name.get(key) or next(
            (o for o in out_meetings if o["ordinal"] is not None and o["ordinal"] == rec["ordinal"]
             and o["kind"] == rec["kind"] and (o["name"].endswith(key) or key.endswith(o["name"]))),
            None)
        if same is not None:
            if len(key) > len(same["name"]):
                same["name"] = key
            for f in ("chairs", "attendees", "observers", "documents"):
                same[f] = _uniq(same[f] + rec[f])
            same["evidence"] += ev
            continue
        by_name[key] = rec
        out_meetings.append(rec)
        starts[id(rec)] = m.s

    dt = find_date(v, page_date=page_date, has_meeting=bool(out_meetings), skip=masked)
    for rec in out_meetings:
        rec["date"] = _own_date(v, starts[id(rec)], dt["date"])

    persons = []
    for nm in names:
        ms = mentions.get(nm) or []
        if not ms:
            continue
        titles = _uniq(V.orig(s, e) for s, e in P.titles.get(nm, []))
        persons.append({"name": V.orig(*ms[0]), "titles": titles,
                        "mentions": [list(V.span(s, e)) for s, e in ms]})
    persons = _merge_persons(persons)
    documents = _uniq(V.orig(s, e) for s, e in bracket_titles(v))
    return {
        "date": dt["date"],
        "date_source": dt["date_source"],
        "year_source": dt["year_source"],
        "date_evidence": [list(V.span(s, e)) for s, e in dt["evidence"]],
        "reporters": _uniq(V.orig(c.s, c.e) for c in reporters),
        "reporter_mentions": [list(V.span(c.s, c.e)) for c in reporters],
        "persons": persons,
        "meetings": out_meetings,
        "cited_meetings": _cited(V),
        "documents": documents,
    }


def _first(mentions, nm):
    lst = mentions.get(nm)
    if lst:
        return lst[0]
    return (0, 0)


def _merge_persons(persons: list[dict]) -> list[dict]:
    out: dict[str, dict] = {}
    for p in persons:
        q = out.get(p["name"])
        if q is None:
            out[p["name"]] = {"name": p["name"], "titles": list(p["titles"]),
                              "mentions": list(p.get("mentions", []))}
        else:
            q["titles"] = _uniq(q["titles"] + p["titles"])
            q["mentions"] += p.get("mentions", [])
    return list(out.values())


_CITED = re.compile(r"(?:传达|学习|贯彻|落实)[^。；;\n]{0,60}?([^，,。、；;“”\n]{2,40}?(?:会议|全会|大会))"
                    r"((?:和|、|暨)?[^。]{0,40}?)精神")
_CITED_MORE = re.compile(r"(?:和|、|暨|及)([^，,。、；;“”\n和暨及]{2,40}?(?:会议|全会|大会))")
_CITED_LEAD = re.compile(r".*(?:传达|学习|贯彻|落实|领会|精神|讲话|指示|批示|在|和|及|与)")
"""What comes before a cited meeting's name in its phrase: the verbs (传达学习贯彻), a speech
(习近平总书记在…上的讲话, …重要指示精神和…); the name is what follows the last of them."""


def _cited_name(V: View, s: int, e: int) -> tuple[int, int] | None:
    """The span of a cited meeting's name inside ``V.v[s:e]`` (a phrase ending in 会议/全会/大会),
    after the last word that belongs to the phrase around it (:data:`_CITED_LEAD`); ``None``
    when fewer than two characters are left before the type word."""
    lead = _CITED_LEAD.match(V.v, s, e)
    if lead is not None:
        s = lead.end()
    return (s, e) if e - s >= 4 else None


def _cited(V: View) -> list[dict]:
    """Meetings whose 精神 is conveyed or studied (not held in the story): ``[{"name", "evidence"}]``
    in text order. The name is the meeting's own words (区委十五届七次全会 from 传达学习贯彻区委十五届
    七次全会精神, 中共中央政治局会议 from 学习习近平总书记在中共中央政治局会议上的重要讲话精神);
    meetings joined by 和/、/暨 before one 精神 give one entry each."""
    out = []
    for m in _CITED.finditer(V.v):
        spans = [m.span(1)] + [x.span(1) for x in _CITED_MORE.finditer(V.v, *m.span(2))]
        for s, e in spans:
            got = _cited_name(V, s, e)
            if got is not None:
                out.append({"name": V.orig(*got), "evidence": [list(V.span(*got))]})
    return out


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _own_date(v: str, at: int, article_date: str | None) -> str | None:
    """The date of a meeting mentioned at view offset ``at``: a date written in the same
    sentence before the mention (``2017年8月24日上午,区长…主持召开区政府第19次常务会议``: a page
    listing several meetings, each with its own date), else the article's date. A month-day
    without a year takes the article date's year when the article date is that same day, else
    stays ``--MM-DD`` (the page merge completes it). Dates after 将于/拟于… (future) are skipped."""
    start = max((m.end() for m in _SENTENCE_END.finditer(v, 0, at)), default=0)
    own = None
    for y, mo, d, _, _ in month_days(v, start, at):
        own = (y, mo, d)
    if own is None:
        return article_date
    y, mo, d = own
    if y is None and article_date and article_date[4:] == f"-{mo:02d}-{d:02d}" and article_date[0] != "-":
        return article_date
    return f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"


def merge_page(articles: list[dict]) -> dict:
    """Page-level union of per-article facts.

    Persons are merged by name (titles unioned in order, mentions concatenated); the date is the
    first article's date that has one, its year completed from another article of the same page
    when missing; meetings and cited meetings are concatenated, a meeting's year-less date
    (``--06-12``) completed from a page date with a year; reporters and documents are
    deduplicated in order. Offsets stay article-relative.
    """
    date = None
    date_source = None
    year_source = None
    for a in articles:
        if a.get("date"):
            date, date_source, year_source = a["date"], a.get("date_source"), a.get("year_source")
            break
    if date and date.startswith("--"):
        for a in articles:
            d = a.get("date") or ""
            if re.match(r"\d{4}-", d) and d[4:7] == date[1:4]:
                date = d[:4] + date[1:]
                year_source = "same-page"
                break
    persons = _merge_persons([p for a in articles for p in a.get("persons", [])])
    meetings = [m for a in articles for m in a.get("meetings", [])]
    if date and re.match(r"\d{4}-\d{2}-\d{2}$", date):
        # a meeting dated by month and day only (--06-12) on a page whose date has a year: the
        # year of that day reported on that page (the page date's rule, dates._year_before_page)
        meetings = [{**m, "date": with_page_year(m.get("date"), date)} for m in meetings]
    return {
        "date": date,
        "date_source": date_source,
        "year_source": year_source,
        "reporters": _uniq(r for a in articles for r in a.get("reporters", [])),
        "persons": persons,
        "meetings": meetings,
        "cited_meetings": [m for a in articles for m in a.get("cited_meetings", [])],
        "documents": _uniq(d for a in articles for d in a.get("documents", [])),
    }


__all__ = ["extract_article", "merge_page"]
