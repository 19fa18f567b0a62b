"""Command-line inputs → page files: files, directories (searched recursively) and glob
patterns, each checked before it is read. Shared by ``parse``/``extract`` and ``ingest``."""
from __future__ import annotations

import glob
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError, NoPages, UnreadablePath

PAGE_SUFFIXES = (".txt", ".pdf", ".text")
_GLOB_CHARS = set("*?[")


def page_error(path: Path, given: str) -> InputError | None:
    """Why ``path`` cannot be read as a page file, or None (checked before reading, so a
    device, a pipe or a dangling link never blocks the run)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        what = "dangling symbolic link" if path.is_symlink() else "no such file or directory"
        return UnreadablePath(what, path=given)
    except OSError as e:
        return UnreadablePath(e.strerror or "cannot read", path=given)
    if not stat.S_ISREG(st.st_mode):
        return UnreadablePath("not a regular file (a device, pipe or socket); give a page file", path=given)
    if not os.access(path, os.R_OK):
        return UnreadablePath("permission denied", path=given)
    return None


def _walk(d: Path) -> Iterator[tuple[Path | None, InputError | None]]:
    """Page files under directory ``d`` in sorted order, and an error for each unreadable
    sub-directory, dangling link, device or unreadable file among them."""
    errors: list[InputError] = []

    def onerror(e: OSError) -> None:
        errors.append(UnreadablePath(e.strerror or "cannot read directory", path=e.filename))

    found: list[Path] = []
    for root, dirs, files in os.walk(d, onerror=onerror):
        dirs.sort()
        for f in sorted(files):
            q = Path(root) / f
            if q.suffix.lower() in PAGE_SUFFIXES:
                err = page_error(q, str(q))
                if err is None:
                    found.append(q)
                else:
                    errors.append(err)
    for e in errors:
        yield None, e
    for q in found:
        yield q, None


def expand_paths(args: Iterable[str], *, unique: bool = False) -> Iterator[tuple[Path | None, InputError | None]]:
    """Yield ``(path, None)`` for each page file the arguments name, in argument order, and
    ``(None, error)`` for each input that cannot be read: a missing path, a device or pipe, a
    dangling link or unreadable entry inside a directory, a directory or glob pattern without
    pages (:class:`~baozhi.errors.NoPages`). ``unique``: a file named twice is given once."""
    seen: set[str] = set()

    def fresh(p: Path) -> bool:
        if not unique:
            return True
        key = str(p.resolve())
        if key in seen:
            return False
        seen.add(key)
        return True

    for arg in args:
        path = Path(arg)
        if path.is_dir():
            items = list(_walk(path))
            if not items:
                yield None, NoPages("directory holds no .txt or .pdf pages", path=arg)
        elif not path.exists() and not path.is_symlink() and _GLOB_CHARS & set(arg):
            items = []
            for m in sorted(glob.glob(arg, recursive=True)):
                q = Path(m)
                if q.is_dir():
                    items.extend(_walk(q))
                elif q.suffix.lower() in PAGE_SUFFIXES:
                    err = page_error(q, m)
                    items.append((None, err) if err else (q, None))
            if not items:
                yield None, NoPages("pattern matches no .txt or .pdf pages", path=arg)
        else:
            err = page_error(path, arg)
            items = [(None, err) if err else (path, None)]
        for p, e in items:
            if p is None or fresh(p):
                yield p, e
