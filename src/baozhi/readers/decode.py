"""Decode the bytes of a text dump into ``str``.

Encodings are detected with charset-normalizer (UTF-8 with or without BOM,
UTF-16, GB18030/GBK, Big5, …), not guessed by hand. CRLF and CR newlines are
normalised to ``\\n`` *before* offsets are taken, so every offset baozhi
reports is a code-point index into the returned text.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, UndecodableInput

# Encodings we prefer when charset-normalizer finds several plausible ones:
# a Chinese newspaper dump is far more likely GB18030 than, say, cp1252.
_CJK_FIRST = ("utf_8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "utf_16", "utf_32")


def _bom_encoding(raw: bytes) -> str | None:
    for bom, enc in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF32_LE, "utf_32"),
                     (codecs.BOM_UTF32_BE, "utf_32"), (codecs.BOM_UTF16_LE, "utf_16"),
                     (codecs.BOM_UTF16_BE, "utf_16")):
        if raw.startswith(bom):
            return enc
    return None


_NOT_CTRL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32 and b != 27))
"""The bytes that are not control codes of a binary file (deleted to count the others)."""


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    if b"\x00" in sample:
        # UTF-16/32 text without BOM has NULs too; let the detector judge those.
        return not _plausible_utf16(sample)
    ctrl = len(sample.translate(None, _NOT_CTRL))
    return ctrl > max(8, len(sample) // 50)


_NOT_A_DUMP = "binary file, not a text dump (give a .txt page dump or a PDF)"

_TEXT_SPACE = {c: None for c in range(0x3001) if chr(c).isspace()
               and (unicodedata.category(chr(c)) != "Cc" or chr(c) in "\n\r\t\f")}
"""Line and page breaks, tabs and the space characters (U+3000 indents, no-break spaces, U+2028):
whitespace a text holds that ``str.isprintable`` refuses (the other control codes stay out)."""


_CONTROL_SPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and c not in _TEXT_SPACE)
"""The whitespace characters outside :data:`_TEXT_SPACE`: control codes (vertical tab, the
information separators, NEL); U+3000 is the last whitespace character."""


def _printable(text: str) -> bool:
    """Every character printable or a text's whitespace (:data:`_TEXT_SPACE`)."""
    # ``text.translate(_TEXT_SPACE).isprintable()``, faster: ``str.split`` drops every whitespace
    # character, so the whitespace control codes it would drop too are looked for first
    return not any(c in text for c in _CONTROL_SPACE) and "".join(text.split()).isprintable()


def _binary_code(ch: str) -> bool:
    """A decoded character that only binary data yields: a control code (not a line break or
    tab), a lone surrogate or an unassigned code point. Private-use characters (e-papers and PDF
    extractors map rare name characters there) and format characters (zero-width spaces, soft
    hyphens, BOMs of pasted web text) are text."""
    return not ch.isprintable() and not ch.isspace() and unicodedata.category(ch) not in ("Co", "Cf")


def _plausible_utf16(sample: bytes) -> bool:
    for enc in ("utf_16_le", "utf_16_be"):
        try:
            s = sample[: len(sample) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if s and sum(ch.isprintable() or ord(ch) in _TEXT_SPACE for ch in s) / len(s) > 0.95:
            return True
    return False


def _utf8_cut_at_end(raw: bytes, e: UnicodeDecodeError) -> str | None:
    """UTF-8 cut inside its last character (a file truncated by a copy or a download):
    the text, with U+FFFD standing for the incomplete character; None if the error is elsewhere."""
    if e.reason != "unexpected end of data" or len(raw) - e.start > 3:
        return None
    try:
        return raw[:e.start].decode("utf-8") + "\ufffd"
    except UnicodeDecodeError:
        return None


def _utf8_cut_at_start(raw: bytes) -> str | None:
    """UTF-8 cut inside its first character (the second part of a file split by bytes, a copy
    from an offset), perhaps inside its last too: the text, U+FFFD standing for each incomplete
    character; None if it does not start with continuation bytes or is not UTF-8 after them."""
    k = 0
    while k < min(3, len(raw)) and 0x80 <= raw[k] <= 0xBF:
        k += 1
    if not k:
        return None
    try:
        return "\ufffd" + raw[k:].decode("utf-8")
    except UnicodeDecodeError as e:
        rest = _utf8_cut_at_end(raw[k:], e)
        return None if rest is None else "\ufffd" + rest


DAMAGE_RATIO = 20
"""A UTF-8 text with damaged bytes (a bad copy, a few bytes of another encoding pasted in) is read
as UTF-8 when it holds at least this many well-formed non-ASCII characters per ill-formed byte
sequence. GB18030 and Big5 texts read as UTF-8 give under 0.4 (measured on the bench dumps and the
facts corpus, whole and cut to 200/400 bytes); a page with three damaged bytes, about 1000."""


def _utf8_reading(raw: bytes) -> tuple[str, int, int]:
    """``raw`` read as UTF-8 with U+FFFD for each maximal ill-formed subpart (Python's
    ``errors="replace"``, as the Unicode Standard §3.9 recommends): ``(text, bad, wide)``, the
    ill-formed sequences and the well-formed non-ASCII characters."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    return text, bad, sum(1 for ch in text if ch > "\x7f") - bad


def _damaged_reading(reading: tuple[str, int, int], ratio: float = DAMAGE_RATIO, least: int = 32) -> str | None:
    """A text read with U+FFFD for a few ill-formed sequences (``reading``: ``(text, ill-formed,
    well-formed non-ASCII)``, as :func:`_utf8_reading` gives for UTF-8): its text, None unless
    well-formed multi-byte characters outnumber the damage ``ratio`` to 1 (at least ``least`` of
    them). ``ratio=1, least=1`` is the last resort when no Chinese encoding fits:
    Latin-1 or cp1252 text has no well-formed multi-byte character at all."""
    text, bad, wide = reading
    return text if 0 < bad and wide >= max(least, ratio * bad) else None


def _cjk_damaged(raw: bytes) -> tuple[str, str] | None:
    """A GB18030/GBK or Big5 text with a few ill-formed bytes (a stray ``0xFF``, a byte lost in a
    copy), which the detector refuses whole: ``(text, encoding)`` read with U+FFFD for each
    ill-formed sequence, in the encoding whose reading has at least :data:`DAMAGE_RATIO`
    well-formed non-ASCII characters per ill-formed sequence and reads most as Chinese
    (:func:`_plausibility` of its first non-ASCII characters ≥ :data:`MIN_PLAUSIBILITY`); None
    when neither does. (The same measure as for damaged UTF-8, :func:`_damaged_reading`.)"""
    best: tuple[float, str, str] | None = None
    for enc in ("gb18030", "big5"):
        text = raw.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if _damaged_reading((text, bad, sum(1 for ch in text if ch > "\x7f") - bad)) is None \
                or not _printable(text[:65536]):
            continue
        score = _plausibility(_wide(text))
        if score >= MIN_PLAUSIBILITY and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2]) if best else None


def _bom_damaged(raw: bytes, enc: str) -> str | None:
    """UTF-16/32 text after its BOM with a few ill-formed code units (a lone surrogate): read with
    U+FFFD for each, when the well-formed non-ASCII characters outnumber them
    :data:`DAMAGE_RATIO` to 1 (as :func:`_damaged_reading` does for UTF-8); else None."""
    text = raw.decode(enc, errors="replace")
    bad = text.count("\ufffd")
    return _damaged_reading((text, bad, sum(1 for ch in text if ch > "\x7f") - bad))


def _multibyte_cut_at_end(raw: bytes) -> tuple[bytes, str]:
    """A GB18030/GBK/Big5 input cut inside its last character (a truncated copy):
    ``(raw without the incomplete bytes, "\ufffd")``, so the detector sees whole characters and
    U+FFFD stands for the cut one; ``(raw, "")`` when GB18030 decodes it or fails elsewhere.
    (Big5 lead bytes are GB18030 lead bytes, so one test serves both.)"""
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError as e:
        if e.end == len(raw) and len(raw) - e.start <= 3 and "incomplete" in e.reason:
            return raw[:e.start], "\ufffd"
    return raw, ""


SHORT_BYTES = 64
"""Inputs this short give charset-normalizer too little to go on (``报纸`` in GBK reads as Big5)."""
_SHORT_CANDIDATES = ("gb18030", "big5", "utf_16_le", "utf_16_be")
MIN_PLAUSIBILITY = 6.0
"""A short decoding must read at least this much as Chinese (:func:`_plausibility`): common
words score 9–11, names 7–8, the rare characters a wrong decoding yields (捡曩, 惆祧) 4–5."""


_CJK_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」—…·％")
SHORT_MARGIN = 1.0
"""... and read this much more as Chinese than the input read as UTF-8 (a UTF-8 text cut inside
its last character, or with a control code, must not turn into GB18030 mojibake)."""


def _plausibility(text: str, ascii_neutral: bool = False) -> float:
    """How much ``text`` reads as Chinese, per non-space character: an ideograph counts the log
    frequency (jieba's word list, read offline) of it as a word, traditional ones read as
    simplified (OpenCC per character, :func:`~baozhi.facts.view.simplify_char`), plus 2 when it
    and the next form a word; CJK punctuation counts 8, an
    ASCII digit 6, U+FFFD (a cut character) nothing either way; anything else (Latin letters,
    symbols, control codes: what a wrong decoding yields) 0. ``ascii_neutral``: ASCII letters and
    symbols (``GDP``, ``%``) count nothing either way, as the bytes GB18030 and Big5 read alike."""
    import math

    from ..facts.view import simplify_char
    from ..layout.joins import _freq

    simp = "".join(simplify_char(ch) for ch in text)
    freq = _freq()
    total = 0.0
    n = 0
    for k, ch in enumerate(simp):
        if ch.isspace() or ch == "\ufffd" or (ascii_neutral and " " <= ch < "\x7f" and not ch.isdigit()):
            continue
        n += 1
        if "\u4e00" <= ch <= "\u9fff":
            total += math.log(freq.get(ch, 0) + 1)
            if k + 1 < len(simp) and freq.get(ch + simp[k + 1]):
                total += 2.0
        elif ch in _CJK_PUNCT:
            total += 8.0
        elif ch.isdigit() and ch.isascii():
            total += 6.0
    return total / n if n else 0.0


def _wide(text: str, limit: int = 4096) -> str:
    """The first ``limit`` non-ASCII characters of ``text`` (what tells two readings apart)."""
    out = []
    for ch in text:
        if ch > "\x7f":
            out.append(ch)
            if len(out) >= limit:
                break
    return "".join(out)


def _short_cjk(raw: bytes, floor: float, cuts: bool = True) -> tuple[str | None, str]:
    """A short input (:data:`SHORT_BYTES`): of the Chinese encodings that decode it into
    printable text (an input cut inside its last character too, U+FFFD standing for it), the one whose text reads most as Chinese (:func:`_plausibility`), when that
    is more than ``floor`` (the UTF-8 reading's score plus :data:`SHORT_MARGIN`) and its
    characters other than ASCII letters and symbols read as Chinese (at least
    :data:`MIN_PLAUSIBILITY`: ``2024年GDP增长5%`` in GBK is Chinese, though ``GDP%`` lowers its
    whole score under it; UTF-16 reads ASCII bytes otherwise, so the ranking counts them);
    ``(None, "")`` otherwise. ``cuts=False``: no reading cut inside its last character (the
    input is whole UTF-8: 央 in UTF-8 is no GB18030 澶 with a cut character after it)."""
    best: tuple[float, str, str] | None = None
    for enc in _SHORT_CANDIDATES:
        penalty = 0.0
        try:
            t = raw.decode(enc)
        except UnicodeDecodeError:
            if not cuts:
                continue
            try:  # cut inside its last character (a truncated copy): U+FFFD stands for it
                t = codecs.getincrementaldecoder(enc)().decode(raw, final=False) + "\ufffd"
                penalty = SHORT_MARGIN  # a whole reading is likelier than a cut one
            except UnicodeDecodeError:
                continue
        if not _printable(t):
            continue
        score = _plausibility(t) - penalty
        if _plausibility(t, ascii_neutral=True) - penalty >= MIN_PLAUSIBILITY and score > floor \
                and (best is None or score > best[0]):
            best = (score, t, enc)
    return (best[1], best[2]) if best else (None, "")


UTF16_SAMPLE = 4096
"""Bytes of a BOM-less input read to judge whether it is UTF-16 (:func:`_utf16_without_bom`)."""


def _utf16_without_bom(raw: bytes) -> str | None:
    """The UTF-16 encoding (``"utf_16_le"`` or ``"utf_16_be"``) of a BOM-less input longer than
    :data:`SHORT_BYTES` that is not UTF-8 (an odd last byte is a character cut by truncation), when its first :data:`UTF16_SAMPLE` bytes read in it as
    printable text that reads as Chinese (:func:`_plausibility` ≥ :data:`MIN_PLAUSIBILITY`), the
    better of the two; ``None`` otherwise. Chinese UTF-16 without ASCII has no NUL bytes and many
    control-code bytes, so neither the binary test nor charset-normalizer recognise it; GBK or
    Big5 bytes read as UTF-16 give Hangul, Yi or private-use characters, which do not pass."""
    sample = raw[:min(UTF16_SAMPLE, len(raw) // 2 * 2)]
    try:
        sample.decode("utf-8")
        return None
    except UnicodeDecodeError as e:
        if _utf8_cut_at_end(sample, e) is not None:
            return None
    best: tuple[float, str] | None = None
    for enc in ("utf_16_le", "utf_16_be"):
        text = sample.decode(enc, errors="replace")
        if len(sample) == UTF16_SAMPLE and text.endswith("\ufffd"):
            text = text[:-1]  # the sample may end inside a surrogate pair
        if not _printable(text):
            continue
        score = _plausibility(text)
        if score >= MIN_PLAUSIBILITY and (best is None or score > best[0]):
            best = (score, enc)
    return best[1] if best else None


def _utf16_by_nuls(raw: bytes) -> str | None:
    """The UTF-16 encoding of a BOM-less input with NUL bytes (ASCII characters in UTF-16), by
    where its NULs stand: at odd offsets (``"utf_16_le"``) or even ones (``"utf_16_be"``), nine in
    ten or more of them, when the input reads in it as printable text without NULs, at least half
    of it ASCII (an odd last byte is a cut character); ``None`` otherwise. ASCII in UTF-16 is valid UTF-8 too, with NULs."""
    sample = raw[:65536]
    odd = sample[1::2].count(0)
    even = sample.count(0) - odd
    enc = "utf_16_le" if odd >= 9 * even else "utf_16_be" if even >= 9 * odd else None
    if enc is None:
        return None
    try:
        text = codecs.getincrementaldecoder(enc)().decode(sample[:len(sample) // 2 * 2], final=False)
    except UnicodeDecodeError:
        return None
    if not text or "\x00" in text or not _printable(text):
        return None
    # mostly ASCII: a NUL is also the low byte of U+5F00 开 (Chinese is judged by how it reads)
    if 2 * sum(ch < "\x80" for ch in text) < len(text):
        return None
    other = sample[:min(UTF16_SAMPLE, len(sample) // 2 * 2)].decode(
        "utf_16_be" if enc == "utf_16_le" else "utf_16_le", errors="replace")
    if _plausibility(other) >= MIN_PLAUSIBILITY:
        return None  # it reads as Chinese the other way round (一 is 4E 00 in UTF-16-BE)
    return enc


def replaced(raw: bytes, text: str, encoding: str) -> int:
    """How many U+FFFD in ``text`` (decoded from ``raw`` in ``encoding``, a label :func:`decode`
    returns) stand for undecodable bytes (damage, a cut character) rather than for a U+FFFD the
    input itself holds."""
    enc = encoding.replace("-sig", "")
    if enc == "utf-16":  # with a BOM: its order
        enc = "utf-16-be" if raw.startswith(codecs.BOM_UTF16_BE) else "utf-16-le"
    try:
        mark = "\ufffd".encode(enc)
    except (LookupError, UnicodeEncodeError):
        return text.count("\ufffd")  # Big5 has no U+FFFD: every one stands for undecodable bytes
    step = 2 if enc.startswith("utf-16") else 1
    own = sum(1 for m in re.finditer(re.escape(mark), raw) if m.start() % step == 0)
    return max(0, text.count("\ufffd") - own)


def decode(raw: bytes, name: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a text dump.

    Newlines are normalised (CRLF, CR → LF); a BOM is dropped.
    Raises :class:`EmptyInput` (no non-space character), :class:`BinaryInput`
    (control bytes or NULs: not a text dump) or :class:`UndecodableInput`.
    """
    if not raw.strip():
        raise EmptyInput("empty file: nothing to parse", path=name)
    enc = _bom_encoding(raw)
    text: str | None = None
    if enc is None and (len(raw) > SHORT_BYTES or b"\x00" in raw):
        u16 = (_utf16_by_nuls(raw) if b"\x00" in raw[:65536] else None) \
            or (_utf16_without_bom(raw) if len(raw) > SHORT_BYTES else None)
        if u16 is not None:
            try:
                # an odd last byte: cut inside its last character, U+FFFD stands for it
                text, enc = raw[:len(raw) // 2 * 2].decode(u16) + "\ufffd" * (len(raw) % 2), u16
            except UnicodeDecodeError:
                pass  # not UTF-16 past the sample: judged below like any other input
    if enc is None and _looks_binary(raw):
        raise BinaryInput(_NOT_A_DUMP, path=name)
    if text is None and enc is not None:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            try:
                # cut inside its last character (a truncated copy): U+FFFD stands for it. The
                # incremental decoder keeps an incomplete end back instead of failing on it.
                text = codecs.getincrementaldecoder(enc)().decode(raw, final=False) + "\ufffd"
            except UnicodeDecodeError:
                # UTF-8 with a few damaged bytes after its BOM: read as without the BOM; UTF-16/32
                # with a few ill-formed code units (a lone surrogate): by the same measure
                text = _damaged_reading(_utf8_reading(raw[3:])) if enc == "utf_8_sig" else _bom_damaged(raw, enc)
                if text is None:
                    label = enc.replace("_sig", "").replace("_", "-").upper()
                    raise UndecodableInput(f"starts with a {label} byte-order mark but is not {label} text",
                                           path=name) from None
    elif text is None:
        cut = whole = False
        reading = None  # the bytes read as damaged UTF-8, read once when needed
        try:
            text, enc, whole = raw.decode("utf-8"), "utf-8", True
        except UnicodeDecodeError as e:
            text = _utf8_cut_at_end(raw, e)
            if text is None:
                text = _utf8_cut_at_start(raw)
                if text is None and len(raw) > SHORT_BYTES:
                    reading = _utf8_reading(raw)
                    text = _damaged_reading(reading)
            if text is not None:
                # cut inside its first or last character, with whole multi-byte ones: UTF-8 for
                # sure, except that a few GBK/Big5 bytes can pass for a cut start (judged below)
                # (a few bytes of UTF-16 or GBK can pass for cut UTF-8 too: judged below)
                enc, cut = "utf-8", any(ord(ch) > 127 and ch != "\ufffd" for ch in text) and len(raw) > SHORT_BYTES
        if len(raw) <= SHORT_BYTES and not cut:
            # a few bytes of UTF-16 or GBK can pass for UTF-8 (ίԱ for 委员), and charset-normalizer
            # reads two GBK ideographs as Big5: the reading that reads most as Chinese wins
            floor = (_plausibility(text) if text is not None else 0.0) + SHORT_MARGIN
            short, short_enc = _short_cjk(raw, floor, cuts=not whole)
            if short is not None:
                text, enc = short, short_enc
        if text is None:
            reading = reading or _utf8_reading(raw)
            raw, tail = _multibyte_cut_at_end(raw)
            results = from_bytes(raw)
            best = None
            for m in results:
                if m.encoding in _CJK_FIRST:
                    best = m
                    break
            best = best or results.best()
            if best is not None and best.encoding in _CJK_FIRST:
                enc = best.encoding
                text = str(best) + tail
                # UTF-8 with a damaged byte whose well-formed characters read as Chinese, which
                # GB18030 reads as mojibake (国务院 → 鍥藉姟闄): the reading that reads better
                u8 = _damaged_reading(reading, ratio=1, least=1)
                if u8 is not None and _plausibility(_wide(u8)) > _plausibility(_wide(text)) + SHORT_MARGIN:
                    text, enc = u8, "utf-8"
            else:
                # charset-normalizer found nothing, or no Chinese encoding (GB18030 four-byte
                # characters such as 𠀀 or é among traditional ones; euc-jis-2004 mojibake): a
                # Chinese encoding that reads as Chinese, better than the detector's pick
                floor = _plausibility(str(best)) + SHORT_MARGIN if best is not None else 0.0
                text, enc = _short_cjk(raw, floor)
                if text is None and best is None:
                    # GBK/Big5 with a stray byte, which the detector refuses whole
                    text, enc = _cjk_damaged(raw) or (None, "")
                if text is None:
                    # a mostly-ASCII UTF-8 text with a damaged byte among its few Chinese
                    # characters is that, not a Western code page (cp1250 mojibake)
                    text = _damaged_reading(reading, ratio=1, least=1)
                    if text is not None:
                        enc, tail = "utf-8", ""  # (the whole input read: a cut end is U+FFFD already)
                    elif best is None:
                        raise UndecodableInput("cannot detect the text encoding", path=name) from None
                    else:
                        text, enc = str(best), best.encoding
                text += tail
    if enc.startswith("utf_") and text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("empty file: nothing to parse", path=name)
    head = text[:65536]
    if "\x00" in head:  # a NUL is never text (UTF-16 has been read as such above)
        raise BinaryInput(_NOT_A_DUMP, path=name)
    if not _printable(head) \
            and sum(1 for c in head if _binary_code(c)) > max(8, min(len(text), 65536) // 50):
        raise BinaryInput(_NOT_A_DUMP, path=name)
    return text, enc.replace("_", "-")
