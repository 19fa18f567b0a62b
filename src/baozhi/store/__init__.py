"""The archive: SQLite (WAL, FTS5) holding pages, articles and facts, and the queries on it.

``connect`` opens/creates and migrates (for ``ingest``), ``connect_readonly`` opens for the
queries; ``ingest`` fills it (worker processes parse with the one per-page function, this
process writes one page per transaction); ``search``, ``list_persons``, ``person_history``,
``list_meetings`` answer; ``export`` writes tables out. See docs/schema.md.
"""
from .db import DEFAULT_DB, SCHEMA_VERSION, connect, connect_readonly
from .export import export
from .ingest import IngestSummary, expand_paths, ingest, totals
from .queries import list_meetings, list_persons, person_history
from .records import PageOptions, normalize_date
from .search import Hit, search
from .tokens import parse_query

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "connect", "connect_readonly", "export", "IngestSummary", "expand_paths",
           "ingest", "totals",
           "list_meetings", "list_persons", "person_history", "PageOptions", "normalize_date", "Hit", "search",
           "parse_query"]
