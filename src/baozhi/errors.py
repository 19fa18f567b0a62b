"""Errors baozhi raises, each with a stable code and a process exit code.

``BaozhiError`` is the root. ``InputError`` and its subclasses mean the user's
input cannot be read as a page (the CLI prints one line and goes on with the
other files); ``StoreError`` is raised by the archive.

Exit codes (documented in ``baozhi --help``):
  0  every input processed
  2  usage error (bad option or argument)
  3  at least one input could not be read (the others were processed)
  4  no input found at all (e.g. a directory with no pages)
  5  archive (store) error
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_NO_INPUT = 4
EXIT_STORE = 5


def text_path(path: str) -> str:
    """``path`` as valid UTF-8 text (what SQLite and JSON can hold): bytes the file system gave
    that are not UTF-8 (kept by Python as lone surrogates) as ``\\xff``."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown_path(path: str) -> str:
    """``path`` as one line of valid UTF-8 text: bytes the file system gave that are not UTF-8
    (kept by Python as lone surrogates) as ``\\xff``, and line breaks and tabs as ``\\n``,
    ``\\r``, ``\\t``, so an error message stays one line and JSON output stays valid."""
    s = text_path(path)
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


class BaozhiError(Exception):
    """Root of baozhi's errors. ``code`` is a stable machine-readable name."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{shown_path(self.path)}: {self.message}" if self.path else self.message


class InputError(BaozhiError):
    """The input cannot be read as a newspaper page."""

    code = "input"
    exit_code = EXIT_INPUT


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class UndecodableInput(InputError):
    code = "undecodable"


class UnreadablePath(InputError):
    code = "unreadable"


class NoPages(InputError):
    code = "no-pages"
    exit_code = EXIT_NO_INPUT


class EncryptedPdf(InputError):
    code = "encrypted-pdf"


class CorruptPdf(InputError):
    code = "corrupt-pdf"


class PartialPdf(CorruptPdf):
    """Some pages of a PDF could not be read (a broken page, more pages or characters than the
    limits): ``pages`` holds the pages that were read, so the caller can still use them, and the
    message names what was not."""

    code = "partial-pdf"

    def __init__(self, message: str, *, path: str | None = None, pages: list | None = None):
        super().__init__(message, path=path)
        self.pages = pages or []


class EmptyPdf(InputError):
    """A well-formed PDF whose page tree holds no pages."""

    code = "empty-pdf"


class NoTextLayer(InputError):
    code = "no-text-layer"


class StoreError(BaozhiError):
    code = "store"
    exit_code = EXIT_STORE
