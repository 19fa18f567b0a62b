"""Facts for a PageResult: calls the per-article extractor and maps offsets to the source."""
from __future__ import annotations

import json

from .model import PageResult
from .text import Text


def _map(spans, t: Text):
    out = []
    for s, e in spans:
        sp = t.source_span(s, e)
        if sp:
            out.append(list(sp))
    return out


def attach_facts(result: PageResult) -> None:
    """Run fact extraction over every article; offsets become source offsets."""
    from .facts import extract_article, merge_page

    per_article = []
    for a in result.articles:
        body = Text.join(a.paragraphs, sep="\n")
        headline = "".join(h.text.value for h in a.headline)
        f = extract_article(body.value, page_date=result.page_date, headline=headline)
        for p in f.get("persons", []):
            p["mentions"] = _map(p.get("mentions", []), body)
        for m in f.get("meetings", []) + f.get("cited_meetings", []):
            m["evidence"] = _map(m.get("evidence", []), body)
        per_article.append(f)
    page = merge_page(per_article) if per_article else merge_page([])
    page["articles"] = per_article
    result.facts = page


def render_facts(r: PageResult, fmt: str) -> str:
    f = r.facts or {}
    if fmt == "json":
        d = {"source": r.source.name}
        if r.page is not None:
            d["page"] = r.page
        d.update(f)
        return json.dumps(d, ensure_ascii=False) + "\n"
    lines = [f"# {r.source.name}" + ("" if r.page is None else f" (page {r.page})")]
    lines.append(f"date: {f.get('date')}  ({f.get('date_source')})")
    if f.get("reporters"):
        lines.append("reporters: " + "、".join(f["reporters"]))
    for p in f.get("persons", []):
        lines.append(f"person\\t{p['name']}\\t{'、'.join(p.get('titles', []))}")
    for m in f.get("meetings", []):
        lines.append(f"meeting\\t{m.get('name')}\\tkind={m.get('kind')}\\tordinal={m.get('ordinal')}"
                     f"\\tchairs={'、'.join(m.get('chairs', []))}\\tattendees={'、'.join(m.get('attendees', []))}"
                     f"\\tobservers={'、'.join(m.get('observers', []))}")
    for d in f.get("documents", []):
        lines.append(f"document\\t《{d}》")
    return "\n".join(lines) + "\n\n"
