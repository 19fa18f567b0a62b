"""SQLite connection, schema and migrations of the archive.

The schema is versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` is the ordered list of
steps, step *i* bringing the database from version *i* to *i + 1*. ``docs/schema.md`` describes
every table. Connections run in WAL mode with a busy timeout, foreign keys on, and in autocommit
mode: writers open their own ``BEGIN IMMEDIATE`` transaction (one per page).
"""
from __future__ import annotations

import functools
import hashlib
import sqlite3
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from ..errors import StoreError

DEFAULT_DB = "baozhi.sqlite"
BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another process's transaction before giving up (exit code 5).
One page is one short transaction, so even a busy parallel ingest frees the lock within
milliseconds; a minute only runs out when another process holds the database for real."""

_V1 = [
    """CREATE TABLE sources (
        sha256      TEXT PRIMARY KEY,
        path        TEXT NOT NULL,
        kind        TEXT NOT NULL,
        n_pages     INTEGER NOT NULL,
        ingested_at TEXT NOT NULL)""",
    """CREATE TABLE pages (
        id             INTEGER PRIMARY KEY,
        content_hash   TEXT NOT NULL UNIQUE,
        source_sha256  TEXT NOT NULL,
        page_no        INTEGER,
        path           TEXT NOT NULL,
        kind           TEXT NOT NULL,
        encoding       TEXT,
        newspaper      TEXT,
        newspaper_from TEXT CHECK (newspaper_from IN ('option', 'pattern', 'page')),
        date           TEXT,
        date_from      TEXT CHECK (date_from IN ('option', 'pattern', 'page', 'facts')),
        facts_date     TEXT,
        header         TEXT NOT NULL DEFAULT '[]',
        unassigned     TEXT NOT NULL DEFAULT '[]',
        warnings       TEXT NOT NULL DEFAULT '[]',
        text           TEXT NOT NULL,
        parser_version TEXT NOT NULL,
        ingested_at    TEXT NOT NULL)""",
    "CREATE INDEX pages_source ON pages(source_sha256)",
    "CREATE INDEX pages_newspaper_date ON pages(newspaper, date)",
    """CREATE TABLE articles (
        id             INTEGER PRIMARY KEY,
        page_id        INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        seq            INTEGER NOT NULL,
        newspaper      TEXT,
        date           TEXT,
        headline       TEXT NOT NULL,
        headline_roles TEXT NOT NULL DEFAULT '[]',
        byline         TEXT,
        dateline       TEXT,
        reporters      TEXT NOT NULL DEFAULT '[]',
        body           TEXT NOT NULL,
        UNIQUE (page_id, seq))""",  # short filter columns first: read without the body's overflow pages
    "CREATE INDEX articles_date ON articles(date)",
    "CREATE INDEX articles_newspaper_date ON articles(newspaper, date)",
    """CREATE TABLE paragraphs (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        src_start  INTEGER,
        src_end    INTEGER)""",
    "CREATE INDEX paragraphs_article ON paragraphs(article_id)",
    """CREATE TABLE persons (
        id        INTEGER PRIMARY KEY,
        newspaper TEXT NOT NULL DEFAULT '',
        name      TEXT NOT NULL,
        UNIQUE (newspaper, name))""",
    "CREATE INDEX persons_name ON persons(name)",
    """CREATE TABLE person_names (
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        variant   TEXT NOT NULL,
        PRIMARY KEY (person_id, variant)) WITHOUT ROWID""",
    "CREATE INDEX person_names_variant ON person_names(variant)",
    """CREATE TABLE mentions (
        id         INTEGER PRIMARY KEY,
        person_id  INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        page_id    INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL)""",
    "CREATE INDEX mentions_person ON mentions(person_id)",
    "CREATE INDEX mentions_page ON mentions(page_id)",
    """CREATE TABLE title_mentions (
        id         INTEGER PRIMARY KEY,
        person_id  INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        title      TEXT NOT NULL,
        page_id    INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
        date       TEXT)""",
    "CREATE INDEX title_mentions_person ON title_mentions(person_id, title)",
    "CREATE INDEX title_mentions_page ON title_mentions(page_id)",
    """CREATE VIEW titles AS
        SELECT person_id, title, MIN(date) AS first_seen, MAX(date) AS last_seen,
               COUNT(*) AS n, GROUP_CONCAT(article_id) AS article_ids
        FROM title_mentions GROUP BY person_id, title""",
    """CREATE TABLE meetings (
        id         INTEGER PRIMARY KEY,
        page_id    INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        name       TEXT,
        organizer  TEXT,
        kind       TEXT,
        ordinal    INTEGER,
        date_text  TEXT,
        date       TEXT,
        newspaper  TEXT,
        evidence   TEXT NOT NULL DEFAULT '[]')""",
    "CREATE INDEX meetings_page ON meetings(page_id)",
    "CREATE INDEX meetings_date ON meetings(date)",
    """CREATE TABLE meeting_participants (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id  INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        role       TEXT NOT NULL CHECK (role IN ('chair', 'attendee', 'observer')),
        name       TEXT NOT NULL,
        PRIMARY KEY (meeting_id, person_id, role))""",
    "CREATE INDEX meeting_participants_person ON meeting_participants(person_id, role)",
    """CREATE TABLE documents (
        id         INTEGER PRIMARY KEY,
        page_id    INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
        title      TEXT NOT NULL)""",
    "CREATE INDEX documents_page ON documents(page_id)",
    "CREATE INDEX documents_meeting ON documents(meeting_id)",
    """CREATE TABLE failures (
        id            INTEGER PRIMARY KEY,
        source_sha256 TEXT NOT NULL UNIQUE,
        path          TEXT NOT NULL,
        code          TEXT NOT NULL,
        message       TEXT NOT NULL,
        at            TEXT NOT NULL)""",
    # Full-text index over pre-tokenised text (store/tokens.py): CJK runs as overlapping
    # bigrams plus the run's last character, other words whole. Contentless: the text lives
    # in ``articles``; rows are removed with the FTS5 'delete' command. No prefix index: it
    # would speed up 1-character queries by ~20 % at the cost of ~70 % more index.
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        headline, body, content='', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE VIEW paragraph_texts AS
        SELECT p.id, p.article_id, p.seq, substr(a.body, p.start + 1, p.end - p.start) AS text,
               p.src_start, p.src_end
        FROM paragraphs p JOIN articles a ON a.id = p.article_id""",
]

def text_hash(text: str) -> str:
    """The content hash of a text page: SHA-256 of the UTF-8 of its decoded text (``pages.text``:
    encoding decoded, BOM dropped, CRLF/CR turned into LF). For a UTF-8 file with LF newlines and
    no BOM this is the SHA-256 of the file's bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _v2_text_hashes(conn: sqlite3.Connection) -> None:
    """v1 → v2: a text page's content hash becomes :func:`text_hash` of its text (v1 hashed the
    file's bytes, so the same page in another encoding or with CRLF was stored again). A page
    whose new hash is already taken (a duplicate stored by v1) keeps its old hash: nothing is
    deleted."""
    taken = {r[0] for r in conn.execute("SELECT content_hash FROM pages")}
    for pid, old, text in conn.execute("SELECT id, content_hash, text FROM pages WHERE kind != 'pdf'"
                                       " ORDER BY id").fetchall():
        new = text_hash(text)
        if new != old and new not in taken:
            conn.execute("UPDATE pages SET content_hash = ? WHERE id = ?", (new, pid))
            taken.discard(old)
            taken.add(new)


MIGRATIONS: list[list] = [_V1, [_v2_text_hashes]]
"""``MIGRATIONS[i]`` takes a database from schema version ``i`` to ``i + 1``: SQL statements,
or functions of the connection, run in order in one transaction."""

SCHEMA_VERSION = len(MIGRATIONS)

T = TypeVar("T")


def store_errors(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorator: turn ``sqlite3`` errors raised by *fn* into :class:`StoreError`."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except sqlite3.Error as e:
            raise as_store_error(e) from None
        except UnicodeDecodeError:
            raise StoreError(DAMAGED_TEXT) from None

    return wrapper


DAMAGED_TEXT = "database file is damaged (text that is not UTF-8); restore it or re-ingest into a new file"
"""What a damaged archive whose stored text (its schema or a row) is not UTF-8 says: Python's
sqlite3 fails decoding it, after SQLite read the page without noticing."""


def as_store_error(e: sqlite3.Error, path: str | None = None) -> StoreError:
    """A one-line :class:`StoreError` for a ``sqlite3`` error, with a hint at the fix."""
    msg = str(e)
    if "not a database" in msg:
        msg = "not a baozhi archive (the file is not an SQLite database)"
    elif "locked" in msg or "busy" in msg:
        msg = f"database is locked by another process (waited {BUSY_TIMEOUT_S:.0f} s); try again later"
    elif "malformed" in msg:
        msg = "database file is damaged (malformed); restore it or re-ingest into a new file"
    elif "readonly" in msg:
        msg = "the archive is read-only (ingest needs write access to the file and its directory)"
    elif "unable to open" in msg:
        msg = "cannot open the database file (check that it and its directory exist and are writable)"
    else:
        msg = f"database error: {msg}"
    return StoreError(msg, path=path)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(p: Path, *, create: bool) -> None:
    """Refuse, with a one-line :class:`StoreError`, a path that cannot be an archive: a
    directory, an unreadable file, a file that is not SQLite; missing unless *create*."""
    if p.is_dir():
        raise StoreError("is a directory, not an archive file", path=str(p))
    if not p.exists():
        if not create:
            raise StoreError("no archive here (create one with: baozhi ingest PATH --db FILE)", path=str(p))
        if not p.parent.is_dir():
            raise StoreError("cannot create the archive: its directory does not exist", path=str(p))
        return
    try:
        with open(p, "rb") as f:
            head = f.read(len(_SQLITE_MAGIC))
    except OSError as e:
        raise StoreError(f"cannot read the archive ({e.strerror or e})", path=str(p)) from None
    if head and head != _SQLITE_MAGIC:
        raise StoreError("not a baozhi archive (the file is not an SQLite database)", path=str(p))


def connect(path: str | Path, *, create: bool = True, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """Open (and, with ``create``, create or migrate) the archive at *path* for writing.

    Returns an autocommit connection (``isolation_level=None``) with WAL, ``busy_timeout``,
    foreign keys and ``sqlite3.Row`` rows. Raises :class:`StoreError` when the path is a
    directory or unreadable, the file is missing and ``create`` is false, is not an SQLite
    database, has a newer schema than this baozhi, or stays locked past *timeout* seconds.
    Queries use :func:`connect_readonly` instead, which never writes.
    """
    p = Path(path)
    _check_file(p, create=create)
    try:
        conn = sqlite3.connect(str(p), timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise as_store_error(e, str(p)) from None
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        deadline = time.monotonic() + timeout
        while True:
            try:
                _set_up(conn, p, create)
                break
            except sqlite3.OperationalError as e:
                # switching a new file to WAL or recovering its log answers "busy" at once,
                # without SQLite's busy handler: another ingest is setting the archive up
                if not ("locked" in str(e) or "busy" in str(e)) or time.monotonic() > deadline:
                    raise
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                time.sleep(0.05)
    except sqlite3.Error as e:
        conn.close()
        raise as_store_error(e, str(p)) from None
    except UnicodeDecodeError:
        conn.close()
        raise StoreError(DAMAGED_TEXT, path=str(p)) from None
    except StoreError:
        conn.close()
        raise
    return conn


def _set_up(conn: sqlite3.Connection, p: Path, create: bool) -> None:
    """Check the schema version, switch to WAL and migrate (``create``: a new file too)."""
    version = _check_version(conn, p)
    if create:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            migrate(conn)
    elif version == 0:
        raise StoreError("not a baozhi archive (empty database); create one with baozhi ingest", path=str(p))
    elif version < SCHEMA_VERSION:
        migrate(conn)


def _check_version(conn: sqlite3.Connection, p: Path) -> int:
    # both reads in one snapshot: another ingest may be creating the schema right now, and a
    # version read before its commit with tables read after it would look like a foreign file
    conn.execute("BEGIN")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        foreign = version == 0 and conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
    finally:
        conn.execute("COMMIT")
    if version > SCHEMA_VERSION:
        raise StoreError(f"archive schema v{version} is newer than this baozhi (v{SCHEMA_VERSION}); "
                         "upgrade baozhi", path=str(p))
    if foreign:
        raise StoreError("not a baozhi archive (an SQLite database of something else)", path=str(p))
    return version


def settle(conn: sqlite3.Connection) -> bool:
    """Leave the archive as one file at the end of a write: switch its journal from WAL back to
    ``DELETE`` (which checkpoints and removes ``-wal``/``-shm``), so that later read-only
    queries, which cannot remove the WAL files they open, leave none behind. Returns whether it
    switched; when another connection is using the archive (a concurrent ingest or query) it
    stays in WAL, which the next :func:`connect` keeps anyway."""
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        return conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlite3.OperationalError:
        return False


def connect_readonly(path: str | Path, *, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """Open an existing archive for queries only (``search``, ``people``, ``meetings``, ``export``).

    The file is opened with SQLite's ``mode=ro`` and ``PRAGMA query_only``: nothing is ever
    written, no migration is run, so a read-only file or directory can be queried. When SQLite
    cannot create the WAL's shared-memory file next to a read-only archive, the archive is
    opened ``immutable`` (a snapshot: fine, since nobody can write there either). Raises
    :class:`StoreError` when the path is missing, a directory, unreadable, not a baozhi
    archive, of a newer schema, or of an older one (``baozhi ingest`` upgrades it).
    """
    p = Path(path)
    _check_file(p, create=False)
    uri = "file:" + urllib.parse.quote(str(p.resolve())) + "?mode=ro"
    last: sqlite3.Error | None = None
    for suffix in ("", "&immutable=1"):
        try:
            conn = sqlite3.connect(uri + suffix, uri=True, timeout=timeout, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as e:
            raise as_store_error(e, str(p)) from None
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA query_only = ON")
            version = _check_version(conn, p)
        except sqlite3.Error as e:
            conn.close()
            last = e
            if "readonly" in str(e) or "unable to open" in str(e):
                continue  # no -shm beside a read-only archive: open it immutable
            raise as_store_error(e, str(p)) from None
        except StoreError:
            conn.close()
            raise
        if version == 0:
            conn.close()
            raise StoreError("not a baozhi archive (empty database); create one with baozhi ingest", path=str(p))
        if version < SCHEMA_VERSION:
            conn.close()
            raise StoreError(f"archive schema v{version} is older than this baozhi (v{SCHEMA_VERSION}); "
                             "run baozhi ingest on it once to upgrade it (e.g. with pages already stored, "
                             "which are skipped)", path=str(p))
        return conn
    assert last is not None
    raise as_store_error(last, str(p))


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing :data:`MIGRATIONS` in one transaction; returns the new version.

    Safe when two processes start at once: the version is re-read under the write lock.
    """
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for step in MIGRATIONS[version:]:
            for stmt in step:
                if callable(stmt):
                    stmt(conn)
                else:
                    conn.execute(stmt)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def date_paper_filter(alias: str, since: str | None, until: str | None,
                      newspaper: str | None) -> tuple[list[str], list[Any]]:
    """WHERE conditions and their arguments restricting rows of table ``alias`` (which has
    ``date`` and ``newspaper`` columns) to ``since <= date <= until`` (ISO dates, inclusive)
    and one newspaper; empty lists when no filter is given."""
    where: list[str] = []
    args: list[Any] = []
    for cond, value in ((f"{alias}.date >= ?", since), (f"{alias}.date <= ?", until),
                        (f"{alias}.newspaper = ?", newspaper)):
        if value:
            where.append(cond)
            args.append(value)
    return where, args
