"""The ``baozhi`` command (click). I/O lives here; the work is in ``pipeline``."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .errors import EXIT_INPUT, EXIT_NO_INPUT, BaozhiError, NoPages, UnreadablePath  # noqa: F401
from .pipeline import Settings, process_source
from .render import to_dict, to_markdown, to_text

PAGE_SUFFIXES = (".txt", ".pdf", ".text")

EPILOG = """\b
Exit codes:
  0  every input processed
  2  usage error (unknown option, missing argument)
  3  at least one input could not be read (one line on stderr each;
     the other inputs were still processed)
  4  no input found (e.g. a directory with no .txt/.pdf pages)
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baozhi")
def main() -> None:
    """baozhi (报纸): Chinese newspaper pages → clean articles and government-activity facts."""


def iter_inputs(paths: tuple[str, ...]) -> Iterator[tuple[Path | None, BaozhiError | None]]:
    """Expand files and directories (recursively, .txt/.pdf) into input paths, or errors."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(q for q in path.rglob("*") if q.is_file() and q.suffix.lower() in PAGE_SUFFIXES)
            if not found:
                yield None, NoPages("directory holds no .txt or .pdf pages", path=p)
            for q in found:
                yield q, None
        elif path.exists():
            yield path, None
        else:
            yield None, UnreadablePath("no such file or directory", path=p)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise UnreadablePath(e.strerror or "cannot read file", path=str(path)) from None


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
    ext = {"json": ".json", "markdown": ".md", "text": ".txt", "table": ".tsv"}[fmt]
    expanded = list(iter_inputs(paths))
    if outdir is not None:  # outputs of an earlier run inside OUTDIR are not inputs
        od = outdir.resolve()
        expanded = [(p, e) for p, e in expanded if p is None or od not in p.resolve().parents
                    or any(Path(x).resolve() == p.resolve() for x in paths)]
    inputs = {p.resolve() for p, _ in expanded if p is not None}
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
            continue
        processed += 1
        chunks = [render(r, fmt) for r in results]
        text = "".join(chunks)
        if outdir is not None:
            target = outdir / _out_name(path, used, ext)
            if target.resolve() in inputs:
                click.echo(f"baozhi: error: {target}: output would overwrite an input; choose another -o directory",
                           err=True)
                failures += 1
                continue
            try:
                target.write_text(text, encoding="utf-8")
            except OSError as e:
                click.echo(f"baozhi: error: {target}: cannot write output ({e.strerror or e})", err=True)
                failures += 1
                continue
        else:
            sys.stdout.write(text)
    if failures:
        sys.exit(EXIT_NO_INPUT if processed == 0 and failures == no_pages else EXIT_INPUT)


def _render_parse(r, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_dict(r), ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return to_markdown(r) + "\n"
    return to_text(r) + "\n"


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
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
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "fmt", flag_value="json", help="JSON (one object a line per input).")
@click.option("--table", "fmt", flag_value="table", help="A readable table of persons and meetings (default).")
@click.option("-o", "--out", type=click.Path(file_okay=False), help="Write one output file per input into this directory.")
def extract(files: tuple[str, ...], fmt: str | None, out: str | None) -> None:
    """Extract persons, titles, meetings, documents and dates from pages or article texts."""
    from .facts_glue import render_facts

    _run(files, fmt or "table", out, Settings(facts=True), render_facts)
