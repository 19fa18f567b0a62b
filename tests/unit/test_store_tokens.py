"""Search tokens and the translation of user queries into FTS5 (store/tokens.py)."""
import sqlite3

import pytest

from baozhi.store.tokens import fold, index_text, parse_query, term_tokens


def test_index_text_bigrams_and_tail():
    assert index_text("全体会议") == "全体 体会 会议 议"
    assert index_text("宋文，G20峰会") == "宋文 文 g20 峰会 会"
    assert index_text("") == ""


def test_fold_is_one_to_one_and_simplifies():
    assert fold("區政府會議ＡＢ") == "区政府会议ab"
    assert len(fold("區政府會議ＡＢ")) == 7


@pytest.mark.parametrize("term,tokens,prefix", [
    ("会", ["会"], True),
    ("会议", ["会议"], False),
    ("常务会议", ["常务", "务会", "会议"], False),
    ("峰会G20", ["峰会", "会", "g20"], False),
    ("G20峰", ["g20", "峰"], True),
    ('"*(:^', [], False),
])
def test_term_tokens(term, tokens, prefix):
    assert term_tokens(term) == (tokens, prefix)


def test_parse_query_operators():
    assert parse_query("宋文 会议").fts == '"宋文" AND "会议"'
    assert parse_query("宋文 OR 宋武").fts == '("宋文" OR "宋武")'
    assert parse_query("会议 宋文 OR 宋武").fts == '"会议" AND ("宋文" OR "宋武")'
    assert parse_query("会议 -会见").fts == '("会议") NOT "会见"'
    assert parse_query("会议 NOT 会见").fts == '("会议") NOT "会见"'
    assert parse_query('"常务 会议"').fts == '"常务 务会 会议"'
    assert parse_query("“常务会议”").fts == '"常务 务会 会议"'
    q = parse_query("-会见")
    assert q.fts is None and q.negated == ["会见"]
    assert parse_query("").fts is None
    assert parse_query("OR").fts is None


NASTY = ['"', '"会议', '会议"', "*", "会*议", "(会议", "会议)", "a:b", "^会议", "NEAR(会议 宋文)", "- -- ---",
         "AND OR NOT", "'; DROP TABLE articles; --", "{会议}", "[会议]", "会议 +", "\\", "\x00", "宋文 \"OR\" NOT",
         "col:会议", "会议 OR", "OR 会议", "NOT", "会议 NOT", "「会议", "“会议"]


@pytest.mark.parametrize("q", NASTY)
def test_special_characters_never_error(q):
    _run_in_fts5(q, "宋文主持会议", ", prefix='1'")


def _run_in_fts5(q: str, body: str, options: str = "") -> None:
    """Run the FTS5 query ``parse_query(q)`` builds against a one-row table (SQLite raises on a bad query)."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(headline, body, content='', tokenize='unicode61'{options})")
    conn.execute("INSERT INTO t(rowid, headline, body) VALUES (1, ?, ?)", (index_text("会议"), index_text(body)))
    fts = parse_query(q).fts
    if fts is not None:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts,)).fetchall()


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list('会议宋文區 "*():^-+NOTRAD|{}[]\\\'“”「」.,，。\t') + ["OR", "AND", "NOT", "NEAR"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_any_query_is_valid_fts5(q):
    _run_in_fts5(q, "宋文主持會議")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="会议宋文主持區政府常务 ，。A1", min_size=1, max_size=30), st.data())
def test_every_substring_of_a_text_is_found(text, data):
    """A substring of the text (without separators) always matches the text's index row."""
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    term = text[i:j]
    if not term.strip() or any(c in " ，。" for c in term):
        return
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='unicode61')")
    conn.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", (index_text(text),))
    fts = parse_query(term).fts
    # ASCII runs are whole words: a part of one (e.g. 'A' of 'A1') is not a match
    if any(c.isascii() for c in term):
        return
    assert conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts,)).fetchall() == [(1,)], (text, term)
