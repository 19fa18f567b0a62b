"""The archive end to end on the shared data: the 20 benchmark pages (pdftotext dumps) and the
31 texts of the facts corpus, ingested with two workers into a temporary database.

Counts are checked against what ``parse``/``extract`` (process_source + the facts glue) give for
the same files; persons' titles and meetings against the corpus truth files.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from baozhi.pipeline import Settings, process_source
from baozhi.store import connect, ingest, list_meetings, person_history, search
from baozhi.store.tokens import fold
from baozhi.store.write import person_key

from conftest import BENCH, SHARED, need_shared

CORPUS = SHARED / "corpus" / "facts"


def inputs():
    bench = sorted((BENCH / "pages").glob("p*/pdftotext.txt"))
    corpus = sorted(CORPUS.glob("*.txt"))
    return bench, corpus


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    need_shared(BENCH / "pages")
    need_shared(CORPUS)
    bench, corpus = inputs()
    db = tmp_path_factory.mktemp("archive") / "a.sqlite"
    s = ingest([str(p) for p in bench] + [str(CORPUS / "*.txt")], db, workers=2)
    assert s.failures == [] and s.missing == []
    return db, s, bench + corpus


def _extract(path):
    rs = process_source(path.read_bytes(), str(path), Settings(facts=True))
    return rs


def test_counts_match_parse_and_extract(archive):
    db, s, files = archive
    conn = connect(db)
    n_pages = n_articles = n_meetings = n_titles = 0
    persons = set()
    for f in files:
        rs = _extract(f)
        n_pages += len(rs)
        for r in rs:
            n_articles += len(r.articles)
            (paper,) = conn.execute("SELECT COALESCE(newspaper, '') FROM pages WHERE path = ?", (str(f),)).fetchone()
            for u in r.facts["articles"]:
                n_meetings += len(u["meetings"])
                for p in u["persons"]:
                    persons.add((paper, person_key(p["name"])))
                    n_titles += len(p["titles"])
                for m in u["meetings"]:
                    persons.update((paper, person_key(x)) for x in m["chairs"] + m["attendees"] + m["observers"])
    assert n_pages == len(files) == 51
    assert (s.pages_new, s.total_pages) == (n_pages, n_pages)
    assert s.total_articles == n_articles
    assert s.total_meetings == n_meetings
    assert s.total_persons == len(persons)
    assert conn.execute("SELECT COUNT(*) FROM title_mentions").fetchone()[0] == n_titles
    assert conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 0


def test_newspaper_and_date_from_the_page(archive):
    db, _, _ = archive
    conn = connect(db)
    meta = json.loads((BENCH / "pages" / "p01" / "meta.json").read_text("utf-8"))
    row = conn.execute("SELECT newspaper, newspaper_from, date, date_from FROM pages WHERE path LIKE ?",
                       ("%p01/pdftotext.txt",)).fetchone()
    assert tuple(row) == (meta["paper"], "page", "2022-09-23", "page")
    # a corpus text has no masthead; a printed date dates it, else a full event date in the text
    row = conn.execute("SELECT newspaper, date, date_from FROM pages WHERE path LIKE ?", ("%/006.txt",)).fetchone()
    assert tuple(row) == (None, "2025-06-10", "page")
    row = conn.execute("SELECT newspaper, date, date_from FROM pages WHERE path LIKE ?", ("%/004.txt",)).fetchone()
    assert tuple(row) == (None, "2017-11-22", "facts")


def _count_containing(conn, term):
    t = fold(term)
    return sum(1 for h, b in conn.execute("SELECT headline, body FROM articles") if t in fold(h) or t in fold(b))


@pytest.mark.parametrize("term", ["宋", "会议", "常务会议", "区政府第58次常务会议"])
def test_search_finds_every_article_holding_the_term(archive, term):
    db, _, _ = archive
    conn = connect(db)
    hits = search(conn, term, limit=10000)
    expected = _count_containing(conn, term)
    assert expected > 0
    assert len(hits) == expected
    assert all("【" in h.snippet for h in hits[:5])
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and all(x > 0 for x in scores)  # relevance, best first


def test_search_exact_results(archive):
    db, _, _ = archive
    conn = connect(db)
    hits = search(conn, "常晓勇", limit=50)
    assert {h.path.rsplit("/", 1)[-1] for h in hits} == {"seed_page.txt"}
    assert hits[0].snippet.count("【常晓勇】") >= 1
    both = search(conn, "会议 常晓勇", limit=1000)
    assert {h.article_id for h in both} <= {h.article_id for h in hits}
    minus = search(conn, "会议 -常务", limit=10000)
    assert len(minus) == sum(1 for h, b in conn.execute("SELECT headline, body FROM articles")
                             if "会议" in fold(h + "\n" + b) and "常务" not in fold(h + "\n" + b))
    either = search(conn, "常晓勇 OR 张智奎", limit=1000)
    assert len(either) == len({h.article_id for h in hits} | {h.article_id for h in search(conn, "张智奎", limit=1000)})
    # traditional text is found with a simplified query and vice versa
    assert any("區" in h.headline + h.snippet_plain for h in search(conn, "区政府党组", limit=100))


def test_search_special_characters(archive):
    db, _, _ = archive
    conn = connect(db)
    for q in ['"会议', '会议"', '(会议) AND', '*^:"', 'NEAR(宋文', '会议 OR', '- NOT "', "col:会议^2"]:
        search(conn, q)
    assert [h.article_id for h in search(conn, '"会议*(^')] == [h.article_id for h in search(conn, "会议")]
    assert search(conn, '"*(:^') == []


def test_title_history_against_truth(tmp_path):
    need_shared(CORPUS)
    raw = (CORPUS / "001.txt").read_bytes()
    (tmp_path / "东江日报_20200105.txt").write_bytes(raw)
    (tmp_path / "东江日报_20210301.txt").write_bytes(raw + b"\n")  # same text, another content hash
    db = tmp_path / "t.sqlite"
    s = ingest([str(tmp_path)], db, workers=1, options=_opts(r"(?P<newspaper>[^_]+)_(?P<date>\d{8})"))
    assert s.pages_new == 2
    conn = connect(db)
    truth = json.loads((CORPUS / "001.truth.json").read_text("utf-8"))
    for p in truth["persons"]:
        [h] = person_history(conn, p["name"])
        assert h["newspaper"] == "东江日报"
        assert [t["title"] for t in h["titles"]] == p["titles"]
        for t in h["titles"]:
            assert (t["first_seen"], t["last_seen"], t["count"]) == ("2020-01-05", "2021-03-01", 2)
    # the meeting's own date: 12月6日, its year completed from the page date by the facts rules
    [h] = person_history(conn, "郭晨永")
    assert [(m["role"], m["name"], m["date"]) for m in h["meetings"]] == [
        ("chair", "市委常委会", "2019-12-06"), ("chair", "市委常委会", "2020-12-06")]


def _opts(pattern=None, **kw):
    import re

    from baozhi.store import PageOptions

    return PageOptions(name_pattern=re.compile(pattern) if pattern else None, **kw)


@pytest.mark.parametrize("tid", ["001", "004", "005", "seed_page"])
def test_meetings_by_chair_against_truth(archive, tid):
    db, _, _ = archive
    conn = connect(db)
    truth = json.loads((CORPUS / f"{tid}.truth.json").read_text("utf-8"))
    want = [m for m in truth["meetings"] if m["chairs"]]
    chairs = {c for m in want for c in m["chairs"]}
    got = [m for c in chairs for m in list_meetings(conn, chair=c) if m["path"].endswith(f"/{tid}.txt")]
    key = lambda m: (m["name"], m["kind"], m["organizer"], m["ordinal"], tuple(m["chairs"]),  # noqa: E731
                     tuple(sorted(m["attendees"])), tuple(sorted(m["observers"])), tuple(m["documents"]))
    assert sorted(map(key, {m["meeting_id"]: m for m in got}.values())) == sorted(map(key, want))


def test_meeting_filters(archive):
    db, _, _ = archive
    conn = connect(db)
    allm = list_meetings(conn, limit=100000)
    assert len(allm) == conn.execute("SELECT COUNT(*) FROM meetings").fetchone()[0]
    from baozhi.store.tokens import fold

    # kinds and organizers match across scripts, as in search (常務會議 is a 常务会议)
    k = [m for m in allm if fold(m["kind"]) == "常务会议"]
    assert any(m["kind"] == "常務會議" for m in k) and any(m["kind"] == "常务会议" for m in k)
    assert list_meetings(conn, kind="常务会议", limit=1000) == k == list_meetings(conn, kind="常務會議", limit=1000)
    dated = [m for m in allm if m["date"] and "2023-01-01" <= m["date"] <= "2023-12-31"]
    assert list_meetings(conn, since="2023-01-01", until="2023-12-31", limit=1000) == dated
    org = list_meetings(conn, organizer="区政府", limit=1000)
    assert org == [m for m in allm if "区政府" in fold(m["organizer"] or "")]
    assert any(m["organizer"] == "區政府" for m in org)
    assert list_meetings(conn, chair="无此人") == []


def test_idempotent_and_reparse(archive, tmp_path):
    db, s, files = archive
    counts = _counts(db)
    again = ingest([str(f) for f in files[:5]], db, workers=1)
    assert (again.pages_new, again.pages_skipped, again.files_skipped) == (0, 5, 5)
    assert _counts(db) == counts
    re_ = ingest([str(f) for f in files[:5]], db, workers=1, reparse=True)
    assert (re_.pages_new, re_.pages_reparsed) == (0, 5)
    assert _counts(db) == counts


def _counts(db):
    c = sqlite3.connect(db)
    return {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("pages", "articles", "paragraphs", "persons", "mentions", "title_mentions", "meetings",
                      "meeting_participants", "documents", "article_fts")}


def test_cli_commands(archive, tmp_path):
    db, _, _ = archive
    run = lambda *a: subprocess.run([sys.executable, "-m", "baozhi", *a, "--db", str(db)],  # noqa: E731
                                    capture_output=True, text=True)
    p = run("search", "会议", "--json", "--limit", "3")
    assert p.returncode == 0, p.stderr
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(rows) == 3 and all("【会议】" in r["snippet"] and r["highlights"] for r in rows)
    p = run("search", "常晓勇")
    assert p.returncode == 0 and "【常晓勇】" in p.stdout
    # several words without quotes, an exclusion that looks like an option, FTS5 syntax as text
    p = run("search", "会议", "-常务", "--json", "--limit", "10000")
    assert p.returncode == 0, p.stderr
    assert len(p.stdout.splitlines()) == len(search(connect(db), "会议 -常务", limit=10000)) > 0
    p = run("search", '"(*:^', "NEAR(", "--json")
    assert p.returncode == 0 and p.stdout == "" and "Traceback" not in p.stderr
    p = run("people", "常晓勇", "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["titles"]
    p = run("people")
    assert p.returncode == 0 and p.stdout.count("\n") >= 10
    p = run("meetings", "--chair", "郭晨永", "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["name"] == "市委常委会"
    for fmt in ("csv", "jsonl", "parquet"):
        p = run("export", "--format", fmt, "--out", str(tmp_path / fmt))
        assert p.returncode == 0, p.stderr
    counts = _counts(db)
    import csv

    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8") as f:
        assert sum(1 for _ in csv.reader(f)) == counts["articles"] + 1
    assert sum(1 for _ in open(tmp_path / "jsonl" / "meetings.jsonl", encoding="utf-8")) == counts["meetings"]
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(tmp_path / "parquet" / "persons.parquet").num_rows == counts["persons"]


def test_stored_articles_are_parse_output_with_provenance(archive):
    db, _, _ = archive
    conn = connect(db)
    from baozhi.render import to_dict

    path = BENCH / "pages" / "p02" / "pdftotext.txt"
    [r] = process_source(path.read_bytes(), str(path))
    want = to_dict(r)["articles"]
    (pid, text) = conn.execute("SELECT id, text FROM pages WHERE path = ?", (str(path),)).fetchone()
    arts = conn.execute("SELECT id, headline, byline FROM articles WHERE page_id = ? ORDER BY seq", (pid,)).fetchall()
    assert [(h, b) for _, h, b in arts] == [("\n".join(a["headline"]), a["byline"]) for a in want]
    for (aid, _, _), a in zip(arts, want):
        rows = conn.execute("SELECT text, src_start, src_end FROM paragraph_texts WHERE article_id = ? ORDER BY seq",
                            (aid,)).fetchall()
        assert [t for t, _, _ in rows] == a["paragraphs"]
        assert [[s, e] for _, s, e in rows] == a["source_spans"]
    # a mention's offsets point at the name in the stored page text
    n = 0
    for name, s, e, key in conn.execute("SELECT m.name, m.start, m.end, p.name FROM mentions m"
                                        " JOIN persons p ON p.id = m.person_id"):
        assert name.replace(" ", "") and person_key(name) == key
        n += 1
    assert n > 100
    rows = conn.execute("SELECT pg.text, m.start, m.end, m.name FROM mentions m JOIN pages pg ON pg.id = m.page_id")
    # the name as printed; a name broken across interleaved columns keeps its first and last
    # characters at the range's ends (the range holds the other column's text too)
    assert all(t[s:e] == name or (t[s] == name[0] and t[e - 1] == name[-1]) for t, s, e, name in rows)
