"""PageResult → the JSON contract of ``--json``, Markdown, plain text."""
from __future__ import annotations

from typing import Any

from .model import Article, PageResult
from .text import Text


def _spans(t: Text) -> list[int]:
    s = t.span()
    return [s[0], s[1]] if s else []


def article_dict(a: Article) -> dict[str, Any]:
    d: dict[str, Any] = {
        "headline": [h.text.value for h in a.headline],
        "headline_roles": [h.role for h in a.headline],
        "byline": a.byline.value if a.byline is not None else None,
        "byline_inline": a.byline_inline,
        "reporters": list(a.reporters),
        "dateline": a.dateline.value if a.dateline is not None else None,
        "paragraphs": [p.value for p in a.paragraphs],
        "source_spans": [_spans(p) for p in a.paragraphs],
    }
    if a.captions:
        d["captions"] = [c.value for c in a.captions]
    if a.jumps:
        d["jumps"] = [j.value for j in a.jumps]
    if a.marks:
        d["marks"] = [m.value for m in a.marks]
    return d


def to_dict(r: PageResult) -> dict[str, Any]:
    """The machine contract (see README, "JSON output")."""
    # a file name the file system gave as bytes that are not UTF-8 (lone surrogates in Python)
    # would make the JSON output invalid UTF-8: those bytes are written as \\xff
    d: dict[str, Any] = {"source": r.source.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")}
    if r.page is not None:
        d["page"] = r.page
    d["encoding"] = r.source.encoding
    d["articles"] = [article_dict(a) for a in r.articles]
    d["header"] = [t.value for t in r.header]
    d["unassigned"] = [t.value for t in r.unassigned]
    if r.page_date:
        d["page_date"] = r.page_date
    if r.page_number:
        d["page_number"] = r.page_number
    if r.warnings:
        d["warnings"] = list(r.warnings)
    if r.facts is not None:
        d["facts"] = r.facts
    return d


def to_markdown(r: PageResult) -> str:
    out = [f"<!-- {r.source.name}{'' if r.page is None else f' page {r.page}'} -->"]
    if r.header:
        out.append("> " + " · ".join(t.value for t in r.header))
        out.append("")
    for a in r.articles:
        heads = [h for h in a.headline]
        if heads:
            for h in heads:
                # a kicker (引题) printed above the title is a bold line, not a heading of
                # its own: a lower-level heading above the title would nest it under the
                # article before in an outline
                if h.role == "kicker":
                    out.append(f"**{h.text.value}**  ")
                else:
                    out.append(f"{'##' if h.role == 'title' else '###'} {h.text.value}")
        else:
            out.append("## (no headline)")
        out.append("")
        if a.byline is not None and not a.byline_inline:
            out.append(f"*{a.byline.value}*")
            out.append("")
        for p in a.paragraphs:
            out.append(p.value)
            out.append("")
        for c in a.captions:
            out.append(f"> {c.value}")
            out.append("")
    if r.unassigned:
        out.append("---")
        out.append("Unassigned: " + " / ".join(t.value for t in r.unassigned))
    return "\n".join(out).rstrip() + "\n"


def to_text(r: PageResult) -> str:
    out = []
    for a in r.articles:
        for h in a.headline:
            out.append(h.text.value)
        if a.byline is not None and not a.byline_inline:
            out.append(a.byline.value)
        out.extend(p.value for p in a.paragraphs)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
