"""Pages as plain records: what a worker process hands the writing process.

A record is a JSON-able dict built from a :class:`~baozhi.model.PageResult` (its articles
through :func:`baozhi.render.article_dict`, its facts as ``extract --json`` gives them), plus
the page's identity (content hash) and where its newspaper and date come from.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..facts_glue import attach_facts
from ..model import PageResult
from ..pipeline import Settings, process_source
from ..render import article_dict
from .db import text_hash


@dataclass(frozen=True)
class PageOptions:
    """Newspaper and date given by the user: ``newspaper``/``date`` options (date ISO) and a
    compiled ``name_pattern`` with optional named groups ``newspaper`` and ``date``."""

    newspaper: str | None = None
    date: str | None = None
    name_pattern: re.Pattern | None = None


_DATE_PARTS = re.compile(r"(\d{4})\s*[-_./年]?\s*(\d{1,2})\s*[-_./月]?\s*(\d{1,2})\s*日?")


def normalize_date(s: str) -> str | None:
    """``20240612``, ``2024-06-12``, ``2024_6_12``, ``2024.06.12``, ``2024年6月12日`` → ``2024-06-12``;
    None when *s* holds no valid calendar date."""
    s = s.strip()
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s) or _DATE_PARTS.fullmatch(s)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


_HEADER_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_MASTHEAD = re.compile(r"[\u4e00-\u9fff]{1,12}(?:报|新闻|周刊)")


def header_date(header: list[str]) -> str | None:
    """The first full date printed in the page header (``2024年6月12日``), ISO, or None."""
    for line in header:
        for m in _HEADER_DATE.finditer(line.replace(" ", "")):
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            try:
                return _dt.date(int(y), int(mo), int(d)).isoformat()
            except ValueError:
                continue
    return None


def masthead(header: list[str]) -> str | None:
    """The newspaper's name when a header line is one (``临川新闻``, ``渝西都市报``), else None."""
    for line in header:
        line = re.sub(r"\s+", "", line)
        if _MASTHEAD.fullmatch(line):
            return line
    return None


def from_name(path: str, pattern: re.Pattern | None) -> tuple[str | None, str | None]:
    """(newspaper, date) from the file name by the user's pattern: searched in the file name,
    then in the whole path. Missing groups and invalid dates give None."""
    if pattern is None:
        return None, None
    p = Path(path)
    m = pattern.search(p.name) or pattern.search(p.as_posix())
    if not m:
        return None, None
    groups = m.groupdict()
    paper = (groups.get("newspaper") or "").strip() or None
    date = normalize_date(groups["date"]) if groups.get("date") else None
    return paper, date


def content_hash(source_sha: str, page_no: int | None, text: str | None = None) -> str:
    """A page's identity. A text page (*text* given): the SHA-256 of its decoded text
    (:func:`~baozhi.store.db.text_hash`), so the same page in GBK, UTF-16, with a BOM or CRLF is
    one page. Page N of a PDF: the SHA-256 of the file's bytes with ``#N`` appended."""
    if text is not None:
        return text_hash(text)
    return source_sha if page_no is None else f"{source_sha}#{page_no}"


def page_record(r: PageResult, path: str, source_sha: str, opts: PageOptions) -> dict[str, Any]:
    """Record of a processed page (see module doc). Sets ``r.page_date`` and runs the facts glue."""
    header = [t.value for t in r.header]
    pat_paper, pat_date = from_name(path, opts.name_pattern)
    paper, paper_from = opts.newspaper, "option"
    if not paper:
        paper, paper_from = pat_paper, "pattern"
    if not paper:
        paper, paper_from = masthead(header), "page"
    date, date_from = opts.date, "option"
    if not date:
        date, date_from = pat_date, "pattern"
    if not date:
        date, date_from = header_date(header), "page"
    if date:
        r.page_date = date
    attach_facts(r)
    facts = r.facts or {}
    if not date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", facts.get("date") or ""):
        date, date_from = facts["date"], "facts"
    return {
        "content_hash": content_hash(source_sha, r.page, None if r.source.kind == "pdf" else r.source.text),
        "source_sha256": source_sha,
        "page_no": r.page,
        "path": path,
        "kind": r.source.kind,
        "encoding": r.source.encoding,
        "newspaper": paper,
        "newspaper_from": paper_from if paper else None,
        "date": date,
        "date_from": date_from if date else None,
        "facts_date": facts.get("date"),
        "header": header,
        "unassigned": [t.value for t in r.unassigned],
        "warnings": list(r.warnings),
        "text": r.source.text,
        "parser_version": __version__,
        "articles": [article_dict(a) for a in r.articles],
        "facts": facts,
    }


def sha256_file(path: str | Path) -> str:
    """SHA-256 hex digest of a file's bytes (raises ``OSError``)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_file(path: str, opts: PageOptions) -> dict[str, Any]:
    """Worker entry point: one input file → ``{"path", "sha256", "kind", "pages": [record]}``,
    or ``{"path", "sha256", "error": {"code", "message"}}`` when it cannot be processed (both
    ``pages`` and ``error`` for a PDF only some of whose pages could be read).

    Uses :func:`baozhi.pipeline.process_source` and :func:`baozhi.facts_glue.attach_facts`,
    exactly as ``parse`` and ``extract`` do. Never raises for a bad input: an
    :class:`~baozhi.errors.InputError` (or any unexpected exception, code ``internal``) is
    returned as the ``error``.
    """
    from ..errors import BaozhiError

    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        return {"path": path, "sha256": None, "error": {"code": "unreadable", "message": e.strerror or str(e)}}
    sha = hashlib.sha256(raw).hexdigest()
    try:
        results = process_source(raw, path, Settings())
        pages = [page_record(r, path, sha, opts) for r in results]
    except BaozhiError as e:
        partial = getattr(e, "results", None)  # a PDF some of whose pages were read
        if not partial:
            return {"path": path, "sha256": sha, "error": {"code": e.code, "message": e.message}}
        pages = [page_record(r, path, sha, opts) for r in partial]
        return {"path": path, "sha256": sha, "kind": pages[0]["kind"], "pages": pages,
                "error": {"code": e.code, "message": e.message}}
    except Exception as e:  # a parser fault must not stop a long ingest; it is recorded
        return {"path": path, "sha256": sha,
                "error": {"code": "internal", "message": f"{type(e).__name__}: {e}"}}
    kind = pages[0]["kind"] if pages else "text"
    return {"path": path, "sha256": sha, "kind": kind, "pages": pages}
