"""JSON Lines output shared by the CLI and the exporters.

``json.dumps(..., ensure_ascii=False)`` keeps U+0085 (NEL), U+2028 (LINE
SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) raw. They are valid inside JSON
strings (RFC 8259), but line-based readers (Python's ``str.splitlines``,
JavaScript before ES2019) break a JSON Lines record there. They are written as
``\\u`` escapes instead, so one record is always one line; the decoded value
is unchanged.
"""
from __future__ import annotations

import json
from typing import Any

_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(obj: Any) -> str:
    """Serialise ``obj`` as one JSON text with no line break of any kind in it.

    Input: any JSON-serialisable value. Output: a ``str`` without trailing
    newline; non-ASCII characters are kept as UTF-8 text except the three line
    separators above, which are escaped. Raises ``TypeError`` like
    :func:`json.dumps` for values JSON cannot hold.
    """
    # The three characters can only occur inside JSON strings, where a \u
    # escape stands for the same character.
    return json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS)
