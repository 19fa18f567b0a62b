"""Plain data types of the pipeline: Source → Page → Line → Block → Article → PageResult.

Every piece of text is a :class:`~baozhi.text.Text`, so it carries the source
offsets of its characters. Geometry (``bbox`` in PDF points, origin top-left;
``font_size`` in points) is present for PDF pages and ``None`` for text dumps.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from .text import Text

BlockKind = Literal["body", "headline", "byline", "furniture", "caption", "jump", "unknown"]
HeadlineRole = Literal["kicker", "title", "subtitle"] | None


@dataclass(frozen=True)
class Source:
    """A decoded input. ``id`` is the SHA-256 of the raw bytes (content hash)."""

    id: str
    name: str
    text: str
    encoding: str
    kind: str = "text"  # text | pdf

    @staticmethod
    def make(raw: bytes, name: str, text: str, encoding: str, kind: str = "text") -> "Source":
        return Source(hashlib.sha256(raw).hexdigest(), name, text, encoding, kind)


@dataclass
class Line:
    """One printed line (or one column's part of a ``-layout`` row).

    ``text``: the line as printed, layout spaces included (stripped at ends).
    ``indent``: leading blank space in ems relative to the column's left edge,
    when the input shows it (``-layout`` dumps, PDFs), else None.
    ``row``: index of the row in a ``-layout`` dump (None otherwise).
    ``column``: index of the page column the line sits in, when known.
    ``span_cols``: number of page columns the line spans (headlines > 1).
    """

    text: Text
    indent: float | None = None
    row: int | None = None
    column: int | None = None
    span_cols: int = 1
    bbox: tuple[float, float, float, float] | None = None
    font_size: float | None = None
    gap_before: bool = False  # a blank line / vertical gap precedes it
    label: str | None = None  # set by a reading-order stage that already classified the line
    rel_size: float | None = None  # font_size / the page's body size (PDFs; set by layout.geometry)
    opens: bool = False  # the reading-order stage found this line opens a new text (a caption block)
    font: str | None = None  # typeface name (PDFs): kickers and subtitles may differ from the body only in it

    flat: str = field(init=False, repr=False, compare=False)
    """``text`` with every whitespace character removed (de-spaced): what the rules read. Set when
    the line is made; a line with other text is a new line (``dataclasses.replace``)."""

    def __post_init__(self) -> None:
        self.flat = "".join(self.text.value.split())


@dataclass
class Block:
    """Consecutive lines read as one unit (a column piece, a headline group …)."""

    lines: list[Line]
    kind: BlockKind = "body"
    column: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class HeadlineLine:
    text: Text  # de-spaced
    role: HeadlineRole = None


@dataclass
class Article:
    """One article. ``byline_inline``: the byline is also the start of paragraph 1."""

    headline: list[HeadlineLine] = field(default_factory=list)
    byline: Text | None = None
    byline_inline: bool = False
    dateline: Text | None = None
    paragraphs: list[Text] = field(default_factory=list)
    captions: list[Text] = field(default_factory=list)
    jumps: list[Text] = field(default_factory=list)
    marks: list[Text] = field(default_factory=list)  # decoration marks (■ before a credit): owned, not text
    reporters: list[str] = field(default_factory=list)
    kind: str = "article"  # article | brief | photo | caption


@dataclass
class Page:
    """A page ready for article assembly: the source and its lines in input order."""

    source: Source
    lines: list[Line]
    dump_kind: str = "plain"  # plain | layout | pdf
    number: int | None = None  # page number within a multi-page PDF (1-based)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # PDF rules (x0, y0, x1, y1)
    figures: list[tuple[float, float, float, float]] = field(default_factory=list)  # PDF photos/drawings (no text)
    size: tuple[float, float] | None = None  # PDF page (width, height) in points


@dataclass
class PageResult:
    """What the pipeline makes of one page."""

    source: Source
    articles: list[Article]
    header: list[Text]
    unassigned: list[Text]
    warnings: list[str] = field(default_factory=list)
    page: int | None = None
    dump_kind: str = "plain"  # the Page's: plain | layout | pdf
    page_date: str | None = None
    page_number: str | None = None
    facts: dict[str, Any] | None = None
