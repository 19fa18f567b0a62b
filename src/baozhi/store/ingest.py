"""``ingest``: files, directories and globs of pages → the archive.

Worker processes run :func:`baozhi.store.records.parse_file` (the same ``process_source`` and
facts glue as ``parse``/``extract``); this process alone writes, one transaction per page.
A file whose SHA-256 is in ``sources`` was ingested completely and is skipped without being
parsed; any other file is parsed, and each of its pages already stored (same content hash) is
skipped, so an interrupted run resumes where it stopped.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import sys
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import BaozhiError, InputError
from ..readers.paths import expand_paths as expand_page_paths
from .db import connect, settle, store_errors
from .records import PageOptions, parse_file, sha256_file
from .write import optimize, prune_persons, write_failure, write_page, write_source

def expand_paths(paths: Iterable[str]) -> tuple[list[str], list[InputError]]:
    """Files, directories (searched recursively for .txt/.pdf) and glob patterns → file paths in
    a stable order without repeats, and one :class:`InputError` per input that cannot be read
    (:func:`baozhi.readers.paths.expand_paths`)."""
    files: list[str] = []
    errors: list[InputError] = []
    for p, e in expand_page_paths(paths, unique=True):
        if e is not None:
            errors.append(e)
        else:
            files.append(str(p))
    return files, errors


@dataclass
class IngestSummary:
    """What one ``ingest`` run did (``pages_*``, ``articles``, ``meetings``: this run) and what the
    archive holds afterwards (``total_*``). ``failures``: ``(path, code, message)`` per failed file;
    ``missing``: arguments that named no input; ``warnings``: ``(path, warning)`` per page
    written with a warning (read with loss: damaged bytes)."""

    files: int = 0
    files_skipped: int = 0
    pages_new: int = 0
    pages_skipped: int = 0
    pages_reparsed: int = 0
    articles: int = 0
    meetings: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    missing: list[InputError] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, warning) of pages written
    total_pages: int = 0
    total_articles: int = 0
    total_persons: int = 0
    total_meetings: int = 0
    total_failures: int = 0
    archive: bool = False

    @property
    def pages_done(self) -> int:
        return self.pages_new + self.pages_skipped + self.pages_reparsed

    def as_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k not in ("failures", "missing", "warnings")}
        d["failures"] = [{"path": p, "code": c, "message": m} for p, c, m in self.failures]
        d["warnings"] = [{"path": p, "warning": w} for p, w in self.warnings]
        d["missing"] = [str(e) for e in self.missing]
        return d


class Stopped(BaseException):
    """Raised (by the caller's signal handler, e.g. the CLI's for SIGTERM) to stop an ingest
    between two writes. A BaseException, like KeyboardInterrupt, so that no ``except Exception``
    swallows it. :func:`ingest` stops its worker processes, sets ``summary`` (what was stored
    before the stop) and re-raises it."""

    def __init__(self, signum: int = signal.SIGTERM):
        super().__init__(signum)
        self.signum = signum
        self.summary: IngestSummary | None = None


Progress = Callable[[str, IngestSummary], None]
"""``progress(path, summary)`` is called after each file is handled."""


def _jobs(conn: sqlite3.Connection, files: list[str], reparse: bool, summary: IngestSummary,
          progress: Progress | None) -> Iterator[str]:
    for path in files:
        try:
            sha = sha256_file(path)
        except OSError as e:
            _fail(conn, summary, None, path, "unreadable", e.strerror or str(e))
            if progress:
                progress(path, summary)
            continue
        if not reparse:
            row = conn.execute("SELECT n_pages FROM sources WHERE sha256 = ?", (sha,)).fetchone()
            if row is not None:
                summary.files_skipped += 1
                summary.pages_skipped += row[0]
                if progress:
                    progress(path, summary)
                continue
        yield path


def _fail(conn, summary: IngestSummary, sha: str | None, path: str, code: str, message: str) -> None:
    write_failure(conn, sha, path, code, message)
    summary.failures.append((path, code, message))


_STOP: list[int] = []


def request_stop(signum: int = signal.SIGTERM) -> None:
    """Ask a running :func:`ingest` to stop at the next page boundary (call it from a signal
    handler). The page being written is finished and counted first, so the summary carried by
    the :class:`Stopped` it then raises matches what the archive holds."""
    _STOP.append(signum)


def _check_stop() -> None:
    if _STOP:
        raise Stopped(_STOP[-1])


def _store(conn: sqlite3.Connection, res: dict[str, Any], reparse: bool, summary: IngestSummary) -> None:
    if "error" in res and not res.get("pages"):
        _fail(conn, summary, res["sha256"], res["path"], res["error"]["code"], res["error"]["message"])
        return
    for rec in res["pages"]:
        status = write_page(conn, rec, reparse=reparse)
        if status == "skipped":
            summary.pages_skipped += 1
            continue
        if status == "new":
            summary.pages_new += 1
        else:
            summary.pages_reparsed += 1
        summary.warnings.extend((res["path"], w) for w in rec.get("warnings", []))
        summary.articles += len(rec["articles"])
        summary.meetings += sum(len(u.get("meetings", [])) for u in (rec["facts"].get("articles") or []))
    write_source(conn, res["sha256"], res["path"], res["kind"], len(res["pages"]))
    if "error" in res:
        # a PDF some of whose pages were read: those are stored, and the failure names the
        # rest (recorded after write_source, which clears the file's earlier failures)
        _fail(conn, summary, res["sha256"], res["path"], res["error"]["code"], res["error"]["message"])


@store_errors
def totals(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts of the archive: ``{"pages", "articles", "persons", "meetings", "failures"}``."""
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("pages", "articles", "persons", "meetings", "failures")}


def ingest(paths: Iterable[str], db: str | os.PathLike, *, workers: int = 1, options: PageOptions = PageOptions(),
           reparse: bool = False, progress: Progress | None = None) -> IngestSummary:
    """Ingest *paths* (files, directories, globs) into the archive *db*.

    The archive is created (or an older one migrated) only when there is at least one input
    file, or when it exists already; ``summary.archive`` says whether it exists afterwards.
    ``workers``: parsing processes (1: parse in this process). ``options``: newspaper/date
    given by the user (they win over the name pattern, which wins over the page itself).
    ``reparse``: re-derive articles and facts of pages already stored.
    Returns an :class:`IngestSummary`. Unreadable inputs are recorded in ``failures`` and do
    not stop the run. Raises :class:`~baozhi.errors.StoreError` for database errors; a
    :class:`Stopped` or ``KeyboardInterrupt`` raised meanwhile stops the workers and is
    re-raised (pages already written stay, whole).
    """
    summary = IngestSummary()
    files, summary.missing = expand_paths(paths)
    summary.files = len(files)
    if not files and not Path(db).exists():
        return summary  # nothing to ingest: no empty archive left behind
    _STOP.clear()
    conn = connect(db)
    summary.archive = True
    try:
        jobs = _jobs(conn, files, reparse, summary, progress)
        if workers <= 1:
            for path in jobs:
                res = parse_file(path, options)
                _store(conn, res, reparse, summary)
                _check_stop()
                if progress:
                    progress(path, summary)
        else:
            _parallel(conn, jobs, workers, options, reparse, summary, progress)
        if reparse and (summary.pages_reparsed or summary.pages_new):
            prune_persons(conn)
        if summary.pages_reparsed or summary.pages_new:
            optimize(conn)
        t = totals(conn)
        summary.total_pages, summary.total_articles = t["pages"], t["articles"]
        summary.total_persons, summary.total_meetings, summary.total_failures = (
            t["persons"], t["meetings"], t["failures"])
        settle(conn)
        return summary
    except Stopped as e:
        e.summary = summary
        raise
    finally:
        conn.close()


PR_SET_PDEATHSIG = 1
WORKER_PID_DIR_ENV = "BAOZHI_WORKER_PID_DIR"
"""Tests only: when set, each worker process writes an empty file named after its pid there."""


def _worker_init(parent_pid: int) -> None:
    """Workers leave Ctrl-C and SIGTERM handling to the parent, which stops the run between
    two pages and then stops them. On Linux a worker also gets SIGTERM when the parent dies
    (``PR_SET_PDEATHSIG``), so a SIGKILLed ingest leaves no orphan workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the parent still stops workers
            pass
        # the parent may have died before prctl took effect (forkserver workers have another parent)
        if os.getppid() != parent_pid and multiprocessing.get_start_method() != "forkserver":
            os._exit(0)
    d = os.environ.get(WORKER_PID_DIR_ENV)
    if d:
        Path(d, str(os.getpid())).touch()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel queued work, terminate the workers (running parses are lost;
    their pages were not written), wait for them briefly."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        if p.is_alive():
            p.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        p.join(timeout=2)
        if p.is_alive():  # pragma: no cover - a worker ignoring SIGTERM
            p.kill()
            p.join(timeout=2)


def _parallel(conn, jobs: Iterator[str], workers: int, options: PageOptions, reparse: bool,
              summary: IngestSummary, progress: Progress | None) -> None:
    in_flight: deque[Future] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),))
    try:
        pending: set[Future] = set()
        exhausted = False
        while True:
            while not exhausted and len(pending) < workers * 3:
                try:
                    path = next(jobs)
                except StopIteration:
                    exhausted = True
                    break
                fut = pool.submit(parse_file, path, options)
                fut.path = path  # type: ignore[attr-defined]
                pending.add(fut)
                in_flight.append(fut)
            if not pending:
                break
            # write in submission order, so the archive fills in input order
            head = in_flight[0]
            while not head.done():
                wait([head], timeout=0.2, return_when=FIRST_COMPLETED)
                _check_stop()
            while in_flight and in_flight[0].done():
                fut = in_flight.popleft()
                pending.discard(fut)
                try:
                    res = fut.result()
                except BaozhiError:
                    raise
                except Exception as e:  # a worker died (e.g. out of memory)
                    res = {"path": fut.path, "sha256": None,  # type: ignore[attr-defined]
                           "error": {"code": "internal", "message": f"{type(e).__name__}: {e}"}}
                _store(conn, res, reparse, summary)
                _check_stop()
                if progress:
                    progress(res["path"], summary)
    except BaseException:  # Stopped, KeyboardInterrupt, a store error: no worker outlives the run
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)
