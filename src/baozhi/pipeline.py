"""The one per-page function: ``process_source`` (bytes → PageResult) and ``process_page``.

``parse``, ``extract``, ``ingest``, the web UI and the batch runner all call
these; nothing re-implements a stage (DESIGN.md, property 1).
"""
from __future__ import annotations

from dataclasses import dataclass

from .articles.assemble import attach_headlines, build_article, classify_lines, segment
from .articles.paragraphs import full_width
from .layout.chars import unify_compat
from .model import Page, PageResult, Source
from .readers.decode import decode, replaced
from .readers.dump import read_dump
from .text import Text


@dataclass(frozen=True)
class Settings:
    """Pipeline switches. ``check``: assert conservation after the page is built (tests)."""

    check: bool = False
    facts: bool = False


DEFAULT = Settings()


def is_pdf(raw: bytes) -> bool:
    """A PDF by its content: the ``%PDF-`` header within the first 1024 bytes (readers accept
    bytes before it there, as the PDF reference's implementation notes allow)."""
    return b"%PDF-" in raw[:1024]


def process_source(raw: bytes, name: str, settings: Settings = DEFAULT) -> list[PageResult]:
    """Read one input (a text dump or a PDF) and process every page in it.

    Returns one :class:`PageResult` per page (a text dump is one page).
    Raises :class:`~baozhi.errors.InputError` subclasses for unreadable input; a
    :class:`~baozhi.errors.PartialPdf` carries the results of the pages that were read in
    ``.results``.
    """
    if is_pdf(raw):
        from .errors import PartialPdf
        from .readers.pdf import read_pdf  # optional stage, pypdfium2

        try:
            return [process_page(p, settings) for p in read_pdf(raw, name)]
        except PartialPdf as e:
            e.results = [process_page(p, settings) for p in e.pages]  # the pages read: the caller may use them
            raise
    text, enc = decode(raw, name)
    source = Source.make(raw, name, text, enc)
    result = process_page(read_dump(source), settings)
    n = replaced(raw, text, enc)
    if n:
        result.warnings.append(f"{n} byte sequence{'s' if n > 1 else ''} not valid {enc.replace('-sig', '').upper()} "
                               "(damaged or cut): read as U+FFFD")
    return [result]


def _unreadable(line: str) -> bool:
    """The line holds U+FFFD and nothing else but spaces."""
    if "\ufffd" not in line:
        return False  # (quick test first)
    t = line.strip()
    return bool(t) and not t.replace("\ufffd", "").strip()


def process_page(page: Page, settings: Settings = DEFAULT) -> PageResult:
    """Page (lines in input order) → articles, header, unassigned."""
    if page.dump_kind == "layout":
        from .layout.columns import layout_streams

        streams = layout_streams(page)
        has_indent = True
    elif page.dump_kind == "pdf":
        from .layout.geometry import body_size, geometric_streams

        streams = geometric_streams(page.lines, unit_em=body_size(page.lines) or 10.0, rules=page.rules,
                                     figures=page.figures)
        has_indent = True
    else:
        from .layout.order import plain_streams

        from .layout.rows import column_width

        w = column_width([ln.text.value for ln in page.lines], full_width([ln.text.value for ln in page.lines]))
        streams = plain_streams(page, w)
        has_indent = False
    if page.dump_kind in ("layout", "pdf"):  # their streams hold new lines (cells, glyph runs)
        w = full_width([ln.text.value for s in streams for ln in s])
    header: list[Text] = []
    unassigned: list[Text] = []
    units = []
    from .articles.cues import is_web_furniture
    from .readers.dump import is_clean_text

    web = page.dump_kind == "plain" and is_clean_text(page.source.text)  # copied from a web page
    for si, stream in enumerate(streams):
        # a line holding only U+FFFD (a character the decoder could not read, e.g. cut by a
        # truncated copy) is no text of any article: it is kept in ``unassigned``
        unassigned.extend(unify_compat(ln.text.strip()) for ln in stream if _unreadable(ln.text.value))
        stream = [ln for ln in stream if not _unreadable(ln.text.value)]
        if stream and all(ln.label for ln in stream):
            labels = [ln.label for ln in stream]
        else:
            labels = classify_lines(stream, w, top_of_page=(si == 0), has_geometry=page.dump_kind != "plain")
        if web:  # the web page's metadata and chrome lines are its furniture
            labels = ["furniture" if is_web_furniture(ln.flat) else lab for ln, lab in zip(stream, labels)]
        stream_units, furniture = segment(stream, labels, w)
        header.extend(unify_compat(ln.text.strip()) for ln in furniture)
        for u in stream_units:
            u.stream = si
        units.extend(stream_units)
    # headlines are matched to bodies over the whole page: a module's headline may sit in
    # another stream than its body (a photo's headline above it, side-by-side headline rows)
    units = attach_headlines(units)
    from .articles.orphans import join_headless

    units = join_headless(units, w)
    articles = [build_article(u, w, has_indent) for u in units]
    from .articles.cues import page_date, page_number

    heads = [t.value for t in header]
    result = PageResult(source=page.source, articles=articles, header=header, unassigned=unassigned, page=page.number,
                        dump_kind=page.dump_kind, page_date=page_date(heads), page_number=page_number(heads))
    if settings.facts:
        from .facts_glue import attach_facts

        attach_facts(result)
    if settings.check:
        check_conservation(result)
    return result


def owned_texts(result: PageResult) -> list[tuple[str, Text]]:
    """Every piece of output text that owns source characters, with where it sits."""
    out: list[tuple[str, Text]] = [("header", t) for t in result.header]
    out += [("unassigned", t) for t in result.unassigned]
    for i, a in enumerate(result.articles):
        out += [(f"article[{i}].headline", h.text) for h in a.headline]
        if a.byline is not None and not a.byline_inline:
            out.append((f"article[{i}].byline", a.byline))
        out += [(f"article[{i}].paragraph", p) for p in a.paragraphs]
        out += [(f"article[{i}].caption", c) for c in a.captions]
        out += [(f"article[{i}].jump", j) for j in a.jumps]
        out += [(f"article[{i}].mark", m) for m in a.marks]
    return out


class ConservationError(AssertionError):
    pass


def check_conservation(result: PageResult) -> None:
    """Assert every non-space source character is owned exactly once, and offsets are true.

    Raises :class:`ConservationError` naming the first fault.
    """
    src = result.source.text
    seen: dict[int, str] = {}
    from .layout.chars import compat_table

    table = compat_table()
    for where, t in owned_texts(result):
        for ch, off in zip(t.value, t.offsets):
            if ch.isspace():
                continue
            s = src[off] if 0 <= off < len(src) else None
            if s != ch and table.get(s) != ch:
                raise ConservationError(f"{where}: {ch!r} claims offset {off} which holds {s!r}")
            if off in seen:
                raise ConservationError(f"{where}: offset {off} ({ch!r}) already owned by {seen[off]}")
            seen[off] = where
    for i, ch in enumerate(src):
        if not ch.isspace() and i not in seen:
            ctx = src[max(0, i - 10): i + 10].replace("\n", "⏎")
            raise ConservationError(f"character {ch!r} at offset {i} is lost (…{ctx}…)")
