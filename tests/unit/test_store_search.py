"""Search and the query commands on a small hand-made archive: punctuation in queries, snippets
and highlights, scores, article positions, the messages of people/meetings, export encodings."""
import csv
import json

import pytest
from click.testing import CliRunner

from baozhi.cli import main
from baozhi.store import connect, export, search
from baozhi.store.tokens import parse_query, query_problem, term_pattern
from baozhi.store.write import write_page

BODY_A = "会议指出，要认真贯彻《防范化解金融风险问责规定（试行）》，细化落实。"
BODY_B = "区长宋文主持召开区政府第58次常务会议。"


def _article(headline, body):
    return {"headline": [headline], "headline_roles": ["title"], "byline": None, "reporters": ["涂燕"],
            "dateline": None, "paragraphs": [body], "source_spans": [[0, len(body)]]}


def _record(h, articles, persons=(), meetings=()):
    text = "\n".join(a["paragraphs"][0] for a in articles)
    return {"content_hash": h, "source_sha256": h, "page_no": None, "path": f"{h}.txt", "kind": "text",
            "encoding": "utf-8", "newspaper": "晨报", "newspaper_from": "option", "date": "2024-06-02",
            "date_from": "option", "facts_date": None, "header": ["晨报"], "unassigned": [], "warnings": ["w"],
            "text": text, "parser_version": "test", "articles": articles,
            "facts": {"articles": [{"persons": list(persons), "meetings": list(meetings), "documents": []}]
                      + [{"persons": [], "meetings": [], "documents": []}] * (len(articles) - 1)}}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.sqlite"
    c = connect(path)
    meeting = {"name": "区政府第58次常务会议", "organizer": "区政府", "kind": "常务会议", "ordinal": 58,
               "date": None, "chairs": ["宋文"], "attendees": [], "observers": [], "documents": [],
               "evidence": [[0, 5]]}
    write_page(c, _record("h1", [_article("金融工作", BODY_A), _article("常务会议", BODY_B)],
                          persons=[{"name": "宋文", "titles": ["区长"], "mentions": [[0, 2]]},
                                   {"name": "涂燕", "titles": [], "mentions": [[3, 5]]}],
                          meetings=[meeting]))
    c.close()
    return path


def _cli(*args):
    return CliRunner().invoke(main, [*map(str, args)])


def test_punctuation_inside_a_term_is_a_phrase_ignoring_it(db):
    conn = connect(db)
    [h] = search(conn, "问责规定（试行）")
    assert (h.article_seq, h.headline) == (0, "金融工作")
    assert h.snippet == "会议指出，要认真贯彻《防范化解金融风险【问责规定（试行）】》，细化落实。"
    assert h.highlights == [[19, 27]] and h.snippet_plain[19:27] == "问责规定（试行）"
    [h] = search(conn, "《防范化解金融风险问责规定（试行）》")
    assert h.snippet == "会议指出，要认真贯彻【《防范化解金融风险问责规定（试行）》】，细化落实。"
    assert search(conn, "问责规定试行") == []  # pieces with no punctuation between them are another text
    assert [h.article_seq for h in search(conn, "规定(试行")] == [0]  # any punctuation, half-width too


def test_separators_mean_and(db):
    conn = connect(db)
    for q in ("常务会议，宋文", "常务会议、宋文", "常务会议 宋文", "常务会议,宋文", "常务会议；宋文", "常务会议　宋文"):
        assert [(h.article_seq, h.highlights) for h in search(conn, q)] == [(1, [[2, 4], [15, 19]])], q
    assert parse_query("常务会议，宋文").fts == '"常务 务会 会议" AND "宋文"'
    assert parse_query('"常务会议，宋文"').fts == '"常务 务会 会议 议 宋文"'  # quoted: one phrase
    assert search(conn, "常务会议，金融") == []


def test_term_pattern():
    assert term_pattern("（") is None
    assert term_pattern("问责规定（试行）").pattern == "问责规定[\\W_]+试行(?:\\))?"
    assert term_pattern("会议abc").pattern == "会议[\\W_]*abc(?![^\\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
    assert not term_pattern("ab").search("abc") and term_pattern("ab").search("会ab会")


@pytest.mark.parametrize("q,msg", [
    ("", "empty query: give a word to search for"),
    ("   ", "empty query: give a word to search for"),
    ("（", "nothing to search for in '（': give a word (punctuation and OR, AND, NOT alone are not searched)"),
    ("《》，、", "nothing to search for in '《》，、': give a word (punctuation and OR, AND, NOT alone are not searched)"),
    ("OR ）", "nothing to search for in 'OR ）': give a word (punctuation and OR, AND, NOT alone are not searched)"),
    ("-会议", "the query only excludes (-X, NOT X); add a word to search for"),
    ("NOT 会议 -宋文", "the query only excludes (-X, NOT X); add a word to search for"),
    ("会议 （", None),
])
def test_query_problems_are_one_line_usage_errors(db, q, msg):
    assert query_problem(q) == msg
    r = _cli("search", q, "--db", db)
    if msg is None:
        assert r.exit_code == 0 and r.stdout.startswith("1. ")
    else:
        assert (r.exit_code, r.stderr, r.stdout) == (2, f"baozhi: error: {msg}\n", "")


def test_search_output_scores_and_positions(db):
    r = _cli("search", "宋文", "--db", db)
    assert r.exit_code == 0
    assert r.stdout == ("1. [晨报 2024-06-02] 常务会议  (h1.txt, article 2)\n"
                        "   区长【宋文】主持召开区政府第58次常务会议。\n")
    r = _cli("search", "会议", "--db", db, "--json")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(x["article_id"], x["article_seq"]) for x in rows] == [(2, 1), (1, 0)]
    # in every article here: FTS5 floors the term's idf, the scores are ~0 but still ordered
    assert all(x["score"] >= 0 for x in rows) and rows[0]["score"] >= rows[1]["score"]
    assert search(connect(db), "宋文")[0].score > 0
    assert [h.score for h in search(connect(db), "会议")] == [x["score"] for x in rows]
    r = _cli("search", "无此词", "--db", db, "--json")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "no match\n")


def test_meetings_and_people_messages(db):
    r = _cli("meetings", "--chair", "无此人", "--db", db)
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "no meetings match\n")
    r = _cli("meetings", "--kind", "座谈会", "--db", db, "--json")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "no meetings match\n")
    r = _cli("meetings", "--chair", "宋文", "--db", db)
    assert r.stdout.splitlines()[1] == "2024-06-02\t晨报\t常务会议\t区政府第58次常务会议\t区政府\t宋文\t-\t-"
    r = _cli("people", "涂燕", "--db", db)
    assert (r.exit_code, r.stdout, r.stderr) == (0, "涂燕  (晨报; 1 mention)\n  no titles recorded\n", "")
    r = _cli("people", "宋文", "--db", db)
    assert r.stdout == ("宋文  (晨报; 1 mention)\n  区长\t2024-06-02 – 2024-06-02\t×1\n"
                        "  2024-06-02\tchair\t区政府第58次常务会议\n")
    r = _cli("people", "--db", db, "--limit", "1")
    assert (r.exit_code, r.stderr) == (0, "showing 1 of 2 (use --limit)\n")
    assert r.stdout == "name\tnewspaper\tmentions\ttitles\n宋文\t晨报\t1\t区长\n"
    r = _cli("people", "--db", db)
    assert (r.exit_code, r.stderr) == (0, "")
    r = _cli("people", "--db", db, "--newspaper", "晚报")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "no persons\n")


def test_export_bom_and_json_arrays(db, tmp_path):
    conn = connect(db)
    export(conn, tmp_path / "c", "csv")
    raw = (tmp_path / "c" / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,page_id,seq,")
    with open(tmp_path / "c" / "articles.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["headline"], r["reporters"]) for r in rows] == [("金融工作", '["涂燕"]'), ("常务会议", '["涂燕"]')]
    export(conn, tmp_path / "j", "jsonl")
    [a, _] = [json.loads(x) for x in (tmp_path / "j" / "articles.jsonl").read_text("utf-8").splitlines()]
    assert (a["headline_roles"], a["reporters"]) == (["title"], ["涂燕"])
    [p] = [json.loads(x) for x in (tmp_path / "j" / "pages.jsonl").read_text("utf-8").splitlines()]
    assert (p["header"], p["unassigned"], p["warnings"]) == (["晨报"], [], ["w"])
    [m] = [json.loads(x) for x in (tmp_path / "j" / "meetings.jsonl").read_text("utf-8").splitlines()]
    assert m["evidence"] == [[0, 5]]


def test_a_title_without_its_place_merges_into_the_placed_form():
    from baozhi.store.queries import merge_title_forms

    def t(title, first, last, n, ids):
        return {"title": title, "first_seen": first, "last_seen": last, "count": n, "article_ids": ids}

    got = merge_title_forms([t("永川区委副书记", "2024-06-12", "2024-06-12", 1, [1]), t("区长", None, None, 3, [1, 2]),
                             t("区委副书记", "2024-05-01", "2024-06-13", 2, [2, 3])])
    assert got == [{**t("永川区委副书记", "2024-05-01", "2024-06-13", 3, [1, 2, 3]),
                    "forms": ["永川区委副书记", "区委副书记"]},
                   {**t("区长", None, None, 3, [1, 2]), "forms": ["区长"]}]
    # two places: not known to be the same post; no level character: not a place's body
    two = [t("永川区委书记", None, None, 1, [1]), t("江津区委书记", None, None, 1, [2]), t("区委书记", None, None, 1, [3])]
    assert [g["title"] for g in merge_title_forms(two)] == ["永川区委书记", "江津区委书记", "区委书记"]
    assert [g["title"] for g in merge_title_forms([t("常务副书记", None, None, 1, [1]), t("副书记", None, None, 1, [2])])] \
        == ["常务副书记", "副书记"]


def test_titles_in_two_scripts_are_one_title():
    from baozhi.store.queries import merge_title_forms

    got = merge_title_forms([
        {"title": "总书记", "first_seen": "2024-01-02", "last_seen": "2024-01-02", "count": 2, "article_ids": [1]},
        {"title": "總書記", "first_seen": "2023-05-01", "last_seen": None, "count": 1, "article_ids": [4]}])
    assert got == [{"title": "总书记", "first_seen": "2023-05-01", "last_seen": "2024-01-02", "count": 3,
                    "article_ids": [1, 4], "forms": ["总书记", "總書記"]}]


def test_meetings_whose_year_is_unknown_come_after_the_dated_by_month_and_day(tmp_path):
    from baozhi.store.queries import list_meetings

    conn = connect(tmp_path / "m.sqlite")
    for i, (n, date) in enumerate([(3, "2024-03-02"), (9, "--12-06"), (1, "--01-05"), (2, "--05-30"), (4, "--02-01")]):
        m = {"name": f"区政府第{n}次常务会议", "organizer": "区政府", "kind": "常务会议", "ordinal": n, "date": date,
             "chairs": [], "attendees": [], "observers": [], "documents": [], "evidence": [[0, 5]]}
        rec = _record(f"m{i}", [_article("常务会议", BODY_B)], meetings=[m])
        write_page(conn, rec if i < 3 else {**rec, "date": None})
    got = [(m["name"], m["date"], m["date_text"]) for m in list_meetings(conn)]
    # page date 2024-06-02: 01-05 is that January, 12-06 the December before
    assert got == [("区政府第9次常务会议", "2023-12-06", "--12-06"), ("区政府第1次常务会议", "2024-01-05", "--01-05"),
                   ("区政府第3次常务会议", "2024-03-02", "2024-03-02"), ("区政府第4次常务会议", None, "--02-01"),
                   ("区政府第2次常务会议", None, "--05-30")]


def test_an_empty_meetings_filter_is_a_usage_error(db):
    for opt in ("--chair", "--kind", "--organizer", "--newspaper"):
        r = _cli("meetings", opt, " ", "--db", db)
        assert r.exit_code == 2 and "is empty" in r.output, (opt, r.output)
    assert _cli("meetings", "--chair", "宋文", "--db", db).exit_code == 0


def test_a_snippet_window_cuts_no_number():
    from baozhi.store.search import SNIPPET_CHARS, snippet
    lead = "11月4日，我市举行"
    gap = SNIPPET_CHARS // 3 + 1 - len(lead)  # the window opens a third of its width before the match
    text = "甲" * 30 + lead + "丙" * gap + "田峰作品展。" + "乙" * SNIPPET_CHARS
    # the window would open between the two 1s of 11月: it opens before them
    marked, plain, hl = snippet(text, ["田峰"])
    assert plain.startswith(lead) and marked.startswith("…11月4日")
    assert plain[hl[0][0]:hl[0][1]] == "田峰"
    # full-width digits too (１２３４亿元)
    wide = "１２３４５６亿元，我市举行"
    text = "甲" * 30 + wide + "丙" * (SNIPPET_CHARS // 3 + 3 - len(wide)) + "田峰作品展。" + "乙" * SNIPPET_CHARS
    assert snippet(text, ["田峰"])[1].startswith(wide)
