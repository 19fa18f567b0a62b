"""The ``baozhi`` command (click). I/O lives here; the work is in ``pipeline``."""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .errors import EXIT_INPUT, EXIT_NO_INPUT, BaozhiError, NoPages, UnreadablePath, shown_path  # noqa: F401
from .pipeline import Settings, process_source
from .readers.paths import expand_paths
from .jsonl import json_line
from .render import to_dict, to_markdown, to_text


EPILOG = """\b
Exit codes:
  0  every input processed
  2  usage error (unknown option, missing argument)
  3  at least one input could not be read (one line on stderr each;
     the other inputs were still processed), or -o would overwrite an input,
     or baozhi failed on an input (an internal error: please report it),
     or the output cannot be written (a full disk); a closed output
     pipe (| head) ends the run with 1
  4  no input found (e.g. a directory with no .txt/.pdf pages)
  5  archive error (ingest, search, people, meetings, export): the
     database is missing, not a baozhi archive, damaged, locked, or
     --db is a directory or unreadable; export --format parquet without
     pyarrow (pip install 'baozhi[parquet]')
  130/143  ingest stopped by Ctrl-C / SIGTERM (pages already stored stay;
     run ingest again to resume)
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baozhi")
def main() -> None:
    """baozhi (报纸): Chinese newspaper pages → clean articles and government-activity facts."""


def run() -> None:
    """The ``baozhi`` command: :func:`main`, with a failed write to standard output (a full disk)
    reported in one line (exit 3) instead of a traceback. A closed output pipe (``| head``) ends
    the run quietly with exit 1 (click's handling)."""
    try:
        main()
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
            raise
        try:
            sys.stderr.write(f"baozhi: error: cannot write output ({e.strerror or e})\n")
        finally:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more can be written; no second error at exit
        sys.exit(EXIT_INPUT)


def iter_inputs(paths: tuple[str, ...]) -> Iterator[tuple[Path | None, BaozhiError | None]]:
    """Page files named by the arguments, or errors (see :func:`baozhi.readers.paths.expand_paths`)."""
    return expand_paths(paths)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise UnreadablePath(e.strerror or "cannot read file", path=str(path)) from None


def _file_id(path: Path) -> tuple[int, int] | None:
    """``(device, inode)`` of an existing file (a hard link to an input is that input), else None."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _out_name(path: Path, used: set[str], ext: str) -> str:
    name = path.stem + ext
    if name in used:
        name = f"{path.parent.name}-{path.stem}{ext}"
    k = 2
    base = name
    while name in used:
        name = base.replace(ext, f"-{k}{ext}")
        k += 1
    used.add(name)
    return name


def _run(paths: tuple[str, ...], fmt: str, out: str | None, settings: Settings, render) -> None:
    failures = no_pages = processed = 0
    used: set[str] = set()
    outdir = Path(out) if out else None
    if outdir is not None:
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise click.UsageError(f"cannot use -o {outdir}: {e.strerror or e}") from None
        if not outdir.is_dir():
            raise click.UsageError(f"cannot use -o {outdir}: not a directory")
    ext = {"json": ".json", "markdown": ".md", "text": ".txt", "table": ".txt"}[fmt]
    expanded = list(iter_inputs(paths))
    if outdir is not None:  # outputs of an earlier run inside OUTDIR are not inputs
        od = outdir.resolve()
        kept = [(p, e) for p, e in expanded if p is None or od not in p.resolve().parents
                or any(Path(x).resolve() == p.resolve() for x in paths)]
        skipped = len(expanded) - len(kept)
        expanded = kept
        if skipped:
            click.echo(f"baozhi: note: {skipped} file(s) inside the -o directory {outdir} are not read as inputs",
                       err=True)
            if not any(p is not None for p, _ in expanded):
                click.echo(f"baozhi: error: no input left: every page found is inside the -o directory {outdir}"
                           " (write the output elsewhere) [no-pages]", err=True)
                sys.exit(EXIT_NO_INPUT)
    inputs = {p.resolve() for p, _ in expanded if p is not None}
    input_files = {_file_id(p) for p, _ in expanded if p is not None} - {None}  # hard links too
    for path, err in expanded:
        if err is not None:
            click.echo(f"baozhi: error: {err} [{err.code}]", err=True)
            failures += 1
            no_pages += isinstance(err, NoPages)
            continue
        assert path is not None
        try:
            results = process_source(read_bytes(path), str(path), settings)
        except BaozhiError as e:
            if e.path is None:
                e.path = str(path)
            click.echo(f"baozhi: error: {e} [{e.code}]", err=True)
            failures += 1
            results = getattr(e, "results", None)  # a PDF some of whose pages were read: give those
            if not results:
                continue
        except Exception as e:  # noqa: BLE001 - a fault of baozhi's: report it, go on with the other inputs
            click.echo(f"baozhi: error: {shown_path(str(path))}: internal error, please report it ({type(e).__name__}: {e}) [internal]",
                       err=True)
            failures += 1
            continue
        processed += 1
        for w in dict.fromkeys(w for r in results for w in r.warnings):
            click.echo(f"baozhi: warning: {shown_path(str(path))}: {w}", err=True)
        chunks = [render(r, fmt) for r in results]
        if fmt == "text" and (len(results) > 1 or (outdir is None and len(expanded) > 1)):
            # plain text has no source line of its own: name each page, as head(1) names files
            # (on standard output, and in a PDF's -o file of several pages)
            chunks = [f"==> {shown_path(str(path))}{'' if r.page is None else f' page {r.page}'} <==\n{c}"
                      for r, c in zip(results, chunks)]
        text = "".join(chunks)
        if outdir is not None:
            target = outdir / _out_name(path, used, ext)
            if target.resolve() in inputs or (_file_id(target) in input_files):
                click.echo(f"baozhi: error: {shown_path(str(target))}: output would overwrite an input; choose another -o directory",
                           err=True)
                failures += 1
                continue
            try:
                target.write_text(text, encoding="utf-8")
            except OSError as e:
                click.echo(f"baozhi: error: {shown_path(str(target))}: cannot write output ({e.strerror or e})", err=True)
                failures += 1
                continue
        else:
            sys.stdout.write(text)
    if failures:
        sys.exit(EXIT_NO_INPUT if processed == 0 and failures == no_pages else EXIT_INPUT)


def _render_parse(r, fmt: str) -> str:
    if fmt == "json":
        return json_line(to_dict(r)) + "\n"
    if fmt == "markdown":
        return to_markdown(r) + "\n"
    return to_text(r) + "\n"


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--json", "fmt", flag_value="json", help="JSON (one object a line per page): the machine contract.")
@click.option("--markdown", "fmt", flag_value="markdown", help="Readable Markdown (default).")
@click.option("--text", "fmt", flag_value="text", help="Plain text, one paragraph a line.")
@click.option("-o", "--out", type=click.Path(file_okay=False), help="Write one output file per input into this directory.")
def parse(files: tuple[str, ...], fmt: str | None, out: str | None) -> None:
    """Reconstruct the articles of newspaper pages (text dumps or PDFs).

    FILES are text dumps (.txt: pdftotext, pdftotext -layout, PyMuPDF, copy-paste;
    any encoding) or PDFs, or directories searched recursively for them.
    """
    _run(files, fmt or "markdown", out, Settings(), _render_parse)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--json", "fmt", flag_value="json", help="JSON (one object a line per input).")
@click.option("--table", "fmt", flag_value="table", help="A readable table of persons and meetings (default).")
@click.option("-o", "--out", type=click.Path(file_okay=False), help="Write one output file per input into this directory.")
def extract(files: tuple[str, ...], fmt: str | None, out: str | None) -> None:
    """Extract persons, titles, meetings, documents and dates from pages or article texts."""
    from .facts_glue import render_facts

    _run(files, fmt or "table", out, Settings(facts=True), render_facts)


# --------------------------------------------------------------------------- the archive

def _store_call(fn, *args, **kwargs):
    """Run a store function; a StoreError becomes one line on stderr and exit code 5."""
    from .errors import EXIT_STORE, StoreError

    try:
        return fn(*args, **kwargs)
    except StoreError as e:
        click.echo(f"baozhi: error: {e} [{e.code}]", err=True)
        sys.exit(EXIT_STORE)


def _iso_date(ctx, param, value):
    if value is None:
        return None
    from .store.records import normalize_date

    d = normalize_date(value)
    if d is None:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)")
    return d


def _not_blank(ctx, param, value):
    """An option given as an empty or blank string is a usage error (a blank filter would filter
    nothing, a blank newspaper name names nothing)."""
    if value is not None and not value.strip():
        raise click.BadParameter("is empty: give a value or leave the option out")
    return value


def _regex(ctx, param, value):
    if value is None:
        return None
    import re

    try:
        pat = re.compile(value)
    except re.error as e:
        raise click.BadParameter(f"not a regular expression: {e}") from None
    if not {"newspaper", "date"} & set(pat.groupindex):
        raise click.BadParameter("needs a named group (?P<newspaper>…) or (?P<date>…)")
    return pat


DB_OPTION = click.option("--db", default="baozhi.sqlite", show_default=True, metavar="FILE",
                         help="The archive (an SQLite file). Only ingest writes it; the queries open it "
                              "read-only. A missing (except for ingest), unreadable or non-archive file, "
                              "or a directory, is an archive error (exit 5).")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="JSON output (one object a line).")
SINCE_OPTION = click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="From this date (inclusive).")
UNTIL_OPTION = click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="Up to this date (inclusive).")


class _Progress:
    """A one-line progress display on a terminal: files, pages, pages/s, ETA."""

    def __init__(self) -> None:
        import time

        self.time = time.monotonic
        self.start = self.time()
        self.done = 0

    def __call__(self, path: str, s) -> None:
        self.done += 1
        el = max(self.time() - self.start, 1e-6)
        rate = (s.pages_new + s.pages_reparsed) / el
        total = max(s.files, 1)
        eta = (el / self.done) * (total - self.done)
        width = 24
        fill = int(width * self.done / total)
        line = (f"\r[{'#' * fill}{'-' * (width - fill)}] {self.done}/{total} files · {s.pages_done} pages · "
                f"{rate:.1f} pages/s · ETA {int(eta) // 60}:{int(eta) % 60:02d} ")
        click.echo(line, nl=False, err=True)

    def close(self) -> None:
        if self.done:
            click.echo("", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Parsing processes (default: number of CPUs, at most 8).")
@click.option("--newspaper", callback=_not_blank, help="Newspaper of every page (wins over --name-pattern and the masthead).")
@click.option("--date", callback=_iso_date, metavar="YYYY-MM-DD", help="Date of every page (wins over the rest).")
@click.option("--name-pattern", callback=_regex, metavar="REGEX",
              help=r"Regex on the file name (then the path) with named groups newspaper and/or date, "
                   r"e.g. '(?P<newspaper>[^_]+)_(?P<date>\d{8})'.")
@click.option("--reparse", is_flag=True, help="Re-derive articles and facts of pages already in the archive.")
def ingest(paths, db, workers, newspaper, date, name_pattern, reparse) -> None:
    """Put pages (text dumps, PDFs; files, directories, globs) into the archive.

    Each page is parsed as `parse`/`extract` do and stored with its articles and facts in
    its own transaction; pages already stored (same content) are skipped, so an interrupted
    ingest resumes. Unreadable inputs are recorded (table failures) and skipped. Newspaper
    and date come from the options, else --name-pattern, else the page's masthead and date line.
    """
    import os
    import signal

    from .store import PageOptions
    from .store import ingest as run_ingest
    from .store.ingest import Stopped, request_stop

    if workers is None:
        workers = max(1, min(8, os.cpu_count() or 1))
    opts = PageOptions(newspaper=newspaper, date=date, name_pattern=name_pattern)
    progress = _Progress() if sys.stderr.isatty() else None

    def on_sigterm(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not break the clean-up
        request_stop(signum)  # ingest stops at the next page boundary and raises Stopped

    try:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    except ValueError:  # not the main thread (embedded use): leave signals alone
        previous = None
    stopped: BaseException | None = None
    try:
        s = _store_call(run_ingest, paths, db, workers=workers, options=opts, reparse=reparse, progress=progress)
    except (Stopped, KeyboardInterrupt) as e:
        stopped = e
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if progress:
            progress.close()
    if stopped is not None:
        done = getattr(stopped, "summary", None)
        added = f" after {done.pages_new + done.pages_reparsed} pages written" if done else ""
        how = "SIGTERM" if isinstance(stopped, Stopped) else "Ctrl-C"
        click.echo(f"baozhi: error: ingest stopped by {how}{added}; the archive holds whole pages only, "
                   "run the same command again to resume", err=True)
        sys.exit(143 if isinstance(stopped, Stopped) else 130)
    for e in s.missing:
        click.echo(f"baozhi: error: {e} [{e.code}]", err=True)
    for path, code, msg in s.failures:
        click.echo(f"baozhi: error: {shown_path(path)}: {msg} [{code}]", err=True)
    for path, w in dict.fromkeys(s.warnings):
        click.echo(f"baozhi: warning: {shown_path(path)}: {w}", err=True)
    click.echo(f"{s.pages_new} pages added, {s.pages_skipped} already stored, {s.pages_reparsed} re-parsed; "
               f"{s.articles} articles, {s.meetings} meetings; {_plural(len(s.failures), 'failure')}"
               + (f", {_plural(len(s.missing), 'input path')} not read" if s.missing else ""))
    if s.archive:
        click.echo(f"archive {db}: {s.total_pages} pages, {s.total_articles} articles, {s.total_persons} persons, "
                   f"{s.total_meetings} meetings, {_plural(s.total_failures, 'failure')}")
    else:
        click.echo(f"archive {db}: not created (no input to ingest)")
    if s.failures or s.missing:
        from .errors import EXIT_INPUT, EXIT_NO_INPUT

        nothing = s.files == 0 and all(isinstance(e, NoPages) for e in s.missing)
        sys.exit(EXIT_NO_INPUT if nothing else EXIT_INPUT)


def _open(db: str):
    """The archive opened read-only for a query command (exit 5 with one line when it cannot be)."""
    from .store import connect_readonly

    return _store_call(connect_readonly, db)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _emit_json(obj) -> None:
    click.echo(json_line(obj))


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, required=True)
@DB_OPTION
@SINCE_OPTION
@UNTIL_OPTION
@click.option("--newspaper", callback=_not_blank, help="Only this newspaper.")
@click.option("--limit", type=click.IntRange(1, 10000), default=20, show_default=True,
              help="At most this many results (the best ones).")
@JSON_OPTION
def search(query, db, since, until, newspaper, limit, as_json) -> None:
    """Full-text search of the archive's articles, best match first (bm25).

    QUERY may be several words; quote it when it holds a phrase in "…".

    \b
    宋文 会议        both words (any length, 1 character and up)
    宋文 OR 宋武     either (OR binds tighter: 会议 宋文 OR 宋武 = 会议 and one of the two)
    -会见 / NOT 会见  exclude
    "常务会议 研究"   a phrase
    常务会议，宋文    ，、,；; separate words like spaces
    问责规定（试行）   other punctuation is skipped: the pieces in order

    An empty query, one of punctuation only, or one that only excludes is a usage
    error (exit 2). --json gives one object a line; its score is a relevance, higher
    is better.
    """
    from .errors import EXIT_USAGE
    from .store import search as run_search
    from .store.tokens import query_problem

    query = " ".join(query)  # `baozhi search 宋文 会议 -会见` needs no quotes
    problem = query_problem(query)
    if problem:
        click.echo(f"baozhi: error: {problem}", err=True)
        sys.exit(EXIT_USAGE)
    conn = _open(db)
    hits = _store_call(run_search, conn, query, since=since, until=until, newspaper=newspaper, limit=limit)
    if not hits:
        click.echo("no match", err=True)
        return
    if as_json:
        for h in hits:
            _emit_json(h.as_dict())
        return
    for i, h in enumerate(hits, 1):
        where = " ".join(x for x in (h.newspaper, h.date) if x) or "-"
        page = f" p.{h.page_no}" if h.page_no else ""
        click.echo(f"{i}. [{where}] {h.headline.replace(chr(10), ' / ') if h.headline else '(no headline)'}  "
                   f"({h.path}{page}, article {h.article_seq + 1})")
        click.echo(f"   {h.snippet}")


@main.command()
@click.argument("name", required=False)
@DB_OPTION
@click.option("--newspaper", callback=_not_blank, help="Only this newspaper.")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True,
              help="Rows in the table of persons.")
@JSON_OPTION
def people(name, db, newspaper, limit, as_json) -> None:
    """A person's titles over time and meetings; without NAME, persons by mentions."""
    from .store import list_persons, person_history
    from .store.queries import count_persons

    conn = _open(db)
    if not name:
        rows = _store_call(list_persons, conn, newspaper=newspaper, limit=limit)
        total = _store_call(count_persons, conn, newspaper=newspaper)
        if not rows:
            click.echo("no persons", err=True)
        elif total > len(rows):
            click.echo(f"showing {len(rows)} of {total} (use --limit)", err=True)
        if as_json:
            for r in rows:
                _emit_json(r)
            return
        if rows:
            click.echo("name\tnewspaper\tmentions\ttitles")
        for r in rows:
            click.echo(f"{r['name']}\t{r['newspaper'] or '-'}\t{r['mentions']}\t{'、'.join(r['titles'][:3])}")
        return
    found = _store_call(person_history, conn, name, newspaper=newspaper)
    if not found:
        click.echo(f"no person named {name} in {db}", err=True)
        return
    for p in found:
        if as_json:
            _emit_json(p)
            continue
        click.echo(f"{p['name']}  ({p['newspaper'] or 'newspaper unknown'}; {_plural(p['mentions'], 'mention')}"
                   + (f"; written {'、'.join(p['variants'])}" if len(p["variants"]) > 1 else "") + ")")
        if not p["titles"]:
            click.echo("  no titles recorded")
        for t in p["titles"]:
            click.echo(f"  {t['title']}\t{t['first_seen'] or '?'} – {t['last_seen'] or '?'}\t×{t['count']}")
        for m in p["meetings"]:
            click.echo(f"  {m['date'] or '?'}\t{m['role']}\t{m['name']}")


@main.command()
@click.option("--chair", callback=_not_blank, help="Chaired by this person.")
@click.option("--kind", callback=_not_blank, help="Exact kind (常务会议, 常委会会议, 座谈会 …).")
@click.option("--organizer", callback=_not_blank, help="Organizer contains this.")
@SINCE_OPTION
@UNTIL_OPTION
@click.option("--newspaper", callback=_not_blank, help="Only this newspaper.")
@click.option("--limit", type=click.IntRange(1, 100000), default=100, show_default=True,
              help="At most this many meetings (the oldest).")
@DB_OPTION
@JSON_OPTION
def meetings(chair, kind, organizer, since, until, newspaper, limit, db, as_json) -> None:
    """Meetings in the archive, oldest first: date, kind, name, organizer, chairs, attendees."""
    from .store import list_meetings
    from .store.queries import count_meetings

    conn = _open(db)
    filters = dict(chair=chair, kind=kind, organizer=organizer, since=since, until=until, newspaper=newspaper)
    rows = _store_call(list_meetings, conn, **filters, limit=limit)
    if not rows:
        click.echo("no meetings match", err=True)
        return
    total = _store_call(count_meetings, conn, **filters)
    if total > len(rows):
        click.echo(f"showing {len(rows)} of {total} (use --limit)", err=True)
    if not as_json:
        click.echo("date\tnewspaper\tkind\tname\torganizer\tchairs\tattendees\tobservers")
    for m in rows:
        if as_json:
            _emit_json(m)
            continue
        click.echo(f"{m['date'] or m['date_text'] or '?'}\t{m.get('newspaper') or '-'}\t{m['kind'] or '-'}\t{m['name']}\t"
                   f"{m['organizer'] or '-'}\t{'、'.join(m['chairs']) or '-'}\t"
                   f"{'、'.join(m['attendees']) or '-'}\t{'、'.join(m['observers']) or '-'}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True)
@click.option("--out", default="baozhi-export", show_default=True, type=click.Path(file_okay=False),
              help="Directory for the files (one per table).")
@DB_OPTION
def export(fmt, out, db) -> None:
    """Write every table of the archive to OUT/<table>.<format> (for pandas, R …)."""
    from .store import export as run_export

    conn = _open(db)
    counts = _store_call(run_export, conn, out, fmt)
    for t, n in counts.items():
        click.echo(f"{Path(out) / f'{t}.{fmt}'}\t{n} rows")
