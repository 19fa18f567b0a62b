"""Text with provenance: every character remembers where it came from.

A :class:`Text` is a string ``value`` plus ``offsets``, one source offset per
character of ``value`` (code-point index into the decoded source text).
De-spacing, joining wrapped lines and reflowing build new ``Text`` objects by
slicing and concatenating, so a match found in clean text maps back to the
source with no bookkeeping afterwards (DESIGN.md, property 2).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

Span = tuple[int, int]
"""Half-open ``(start, end)`` code-point range in the decoded source text."""


@dataclass(frozen=True, slots=True)
class Text:
    """A string whose characters carry source offsets.

    ``value``: the (possibly cleaned) text. ``offsets``: a tuple of ``len(value)``
    ints, ``offsets[i]`` the index in the source text that ``value[i]`` came
    from. Invariant: ``len(value) == len(offsets)``.
    """

    value: str
    offsets: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.value) != len(self.offsets):
            raise ValueError("Text.value and Text.offsets differ in length")

    # construction -----------------------------------------------------
    @classmethod
    def from_source(cls, source: str, start: int = 0, end: int | None = None) -> "Text":
        """The slice ``source[start:end]`` with its own offsets."""
        end = len(source) if end is None else end
        return cls(source[start:end], tuple(range(start, end)))

    @classmethod
    def empty(cls) -> "Text":
        return cls("", ())

    @classmethod
    def join(cls, parts: Iterable["Text"], sep: str = "") -> "Text":
        """Concatenate texts. A non-empty ``sep`` is inserted between parts and
        takes the offset of the last character before it (so it stays inside
        the part's span); ``sep`` is never counted as a source character."""
        values: list[str] = []
        offs: list[int] = []
        first = True
        for p in parts:
            if not first and sep and offs:
                values.append(sep)
                offs.extend([offs[-1]] * len(sep))
            values.append(p.value)
            offs.extend(p.offsets)
            first = False
        return cls("".join(values), tuple(offs))

    # access ----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.value)

    def __str__(self) -> str:
        return self.value

    def __getitem__(self, key: slice) -> "Text":
        if not isinstance(key, slice):
            raise TypeError("Text supports slicing only")
        return Text(self.value[key], self.offsets[key])

    def __add__(self, other: "Text") -> "Text":
        return Text(self.value + other.value, self.offsets + other.offsets)

    def strip(self) -> "Text":
        """Remove leading and trailing whitespace (offsets follow)."""
        v = self.value
        j = len(v.rstrip())  # str.strip drops exactly the characters str.isspace() accepts
        i = j - len(v[:j].lstrip())
        if i == 0 and j == len(v):
            return self  # frozen: nothing to strip, the same text
        return self[i:j]

    def map_chars(self, table: dict[str, str]) -> "Text":
        """Replace single characters by single characters (offsets unchanged)."""
        if table.keys().isdisjoint(self.value):
            return self
        return Text("".join(table.get(c, c) for c in self.value), self.offsets)

    def keep(self, mask: Sequence[bool]) -> "Text":
        """The characters whose ``mask`` entry is true."""
        return Text(
            "".join(c for c, k in zip(self.value, mask) if k),
            tuple(o for o, k in zip(self.offsets, mask) if k),
        )

    def span(self) -> Span | None:
        """The half-open source range covering every character: ``(smallest offset, largest
        offset + 1)``, or None when empty. A text read from pieces out of source order (columns
        printed in another order than they are read) covers them all; :meth:`spans` gives the runs."""
        if not self.offsets:
            return None
        return (min(self.offsets), max(self.offsets) + 1)

    def spans(self) -> list[Span]:
        """Maximal runs of consecutive source offsets, as half-open spans."""
        out: list[Span] = []
        if not self.offsets:
            return out
        start = prev = self.offsets[0]
        for o in self.offsets[1:]:
            if o != prev + 1:
                out.append((start, prev + 1))
                start = o
            prev = o
        out.append((start, prev + 1))
        return out

    def source_span(self, i: int, j: int) -> Span | None:
        """Source span covering ``value[i:j]`` (from the first to the last char)."""
        if i >= j or i >= len(self.offsets):
            return None
        j = min(j, len(self.offsets))
        return (self.offsets[i], self.offsets[j - 1] + 1)
