"""Facts for a PageResult: calls the per-article extractor and maps offsets to the source."""
from __future__ import annotations

from .jsonl import json_line
from .model import PageResult
from .text import Text


def _map(spans, t: Text):
    out = []
    for s, e in spans:
        sp = t.source_span(s, e)
        if sp:
            out.append(list(sp))
    return out


def is_clean_text(result: PageResult) -> bool:
    """The page is one clean article text (a web article, one paragraph a line; see
    :func:`baozhi.readers.dump.is_clean_text`): a plain text dump only; a ``pdftotext -layout``
    dump (columns side by side make its rows that wide) is a page, and so is a PDF page."""
    from .readers.dump import is_clean_text as clean

    return result.source.kind == "text" and result.dump_kind == "plain" and clean(result.source.text)


def attach_facts(result: PageResult) -> None:
    """Run fact extraction; offsets in the output are offsets into the source text.

    A page dump or PDF page is read article by article (the reconstructed
    paragraphs), and the page facts are their union. A clean article text (a
    web article, one paragraph a line) is one article: it is read whole,
    header lines included, since its date line dates the story.
    """
    from .facts import extract_article, merge_page

    if is_clean_text(result):
        src = Text.from_source(result.source.text)
        f = extract_article(src.value, page_date=result.page_date)
        page = merge_page([f])
        page["articles"] = [f]
        result.facts = page
        return
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
        if r.warnings:
            d["warnings"] = list(r.warnings)
        return json_line(d) + "\n"
    lines = [f"# {r.source.name}" + ("" if r.page is None else f" (page {r.page})")]
    dash = lambda v: "-" if v in (None, "", []) else v  # noqa: E731
    lines.append(f"date: {dash(f.get('date'))}  ({dash(f.get('date_source'))})")
    if f.get("reporters"):
        lines.append("reporters: " + "、".join(f["reporters"]))
    for p in f.get("persons", []):
        lines.append(f"person  {p['name']}  {'、'.join(p.get('titles', []))}")
    for m in f.get("meetings", []):
        lines.append(f"meeting  {m.get('name')}  kind={dash(m.get('kind'))}  ordinal={dash(m.get('ordinal'))}"
                     f"  date={dash(m.get('date'))}  chairs={dash('、'.join(m.get('chairs', [])))}"
                     f"  attendees={dash('、'.join(m.get('attendees', [])))}"
                     f"  observers={dash('、'.join(m.get('observers', [])))}")
    for d in f.get("documents", []):
        lines.append(f"document  《{d}》")
    return "\n".join(lines) + "\n\n"
