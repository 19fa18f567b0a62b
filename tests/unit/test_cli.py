import json
import subprocess
import sys

from click.testing import CliRunner

from baozhi.cli import main

from conftest import ROOT

SEED = str(ROOT / "examples" / "seed_page.txt")


def test_parse_json_contract():
    r = CliRunner().invoke(main, ["parse", SEED, "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert set(d) >= {"source", "articles", "header", "unassigned"}
    a = d["articles"][0]
    assert set(a) >= {"headline", "headline_roles", "byline", "reporters", "dateline", "paragraphs", "source_spans"}
    assert len(a["source_spans"]) == len(a["paragraphs"])


def test_markdown_default():
    r = CliRunner().invoke(main, ["parse", SEED])
    assert r.exit_code == 0
    assert "## " in r.output and "本报讯（渝西都市报记者涂燕）6月12日" in r.output
    assert "*本报讯" not in r.output  # an inline byline is shown once, in its paragraph


def test_several_files_jsonl_and_outdir(tmp_path):
    r = CliRunner().invoke(main, ["parse", SEED, SEED, "--json"])
    assert r.exit_code == 0
    assert len([l for l in r.output.splitlines() if l.strip()]) == 2
    r = CliRunner().invoke(main, ["parse", SEED, "--json", "-o", str(tmp_path / "out")])
    assert r.exit_code == 0
    assert json.loads((tmp_path / "out" / "seed_page.json").read_text("utf-8"))["articles"]


def test_bad_inputs_one_line_errors_and_others_processed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binf = tmp_path / "x.txt"
    binf.write_bytes(bytes(range(256)) * 10)
    proc = subprocess.run([sys.executable, "-m", "baozhi", "parse", str(empty), str(binf), SEED,
                           str(tmp_path / "missing.txt"), "--json"], capture_output=True, text=True)
    assert proc.returncode == 3
    errs = proc.stderr.strip().splitlines()
    assert len(errs) == 3 and all(e.startswith("baozhi: error: ") for e in errs)
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["articles"]


def test_directory_without_pages_exit_4(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "baozhi", "parse", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 4
    assert "no .txt or .pdf" in proc.stderr


def test_gbk_input(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes((ROOT / "examples" / "seed_page.txt").read_text("utf-8").encode("gb18030"))
    r = CliRunner().invoke(main, ["parse", str(p), "--json"])
    assert r.exit_code == 0
    d = json.loads(r.output)
    assert d["encoding"] in ("gb18030", "gbk", "gb2312")
    assert len(d["articles"]) == 3


def test_help_lists_exit_codes():
    r = CliRunner().invoke(main, ["--help"])
    assert "Exit codes" in r.output and "4  no input found" in r.output


def test_output_never_overwrites_an_input(tmp_path):
    page = tmp_path / "seed_page.txt"
    page.write_bytes((ROOT / "examples" / "seed_page.txt").read_bytes())
    before = page.read_bytes()
    r = CliRunner().invoke(main, ["parse", str(page), "--text", "-o", str(tmp_path)])
    assert r.exit_code == 3
    assert page.read_bytes() == before


def test_output_never_overwrites_an_input_through_a_hard_link(tmp_path):
    # (breaker: o/seed.txt a hard link to the input x/seed.txt was overwritten, exit 0)
    import os
    (tmp_path / "x").mkdir()
    (tmp_path / "o").mkdir()
    page = tmp_path / "x" / "seed.txt"
    page.write_bytes((ROOT / "examples" / "seed_page.txt").read_bytes())
    os.link(page, tmp_path / "o" / "seed.txt")
    before = page.read_bytes()
    r = CliRunner().invoke(main, ["parse", str(page), "--text", "-o", str(tmp_path / "o")])
    assert r.exit_code == 3 and "output would overwrite an input" in r.stderr
    assert page.read_bytes() == before


def test_devices_pipes_and_dangling_links_are_refused_without_reading(tmp_path):
    import os
    good = tmp_path / "good.txt"
    good.write_bytes((ROOT / "examples" / "seed_page.txt").read_bytes())
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo.txt")
    d = tmp_path / "dir"
    d.mkdir()
    (d / "gone.txt").symlink_to(tmp_path / "nowhere")
    (d / "ok.txt").write_bytes(good.read_bytes())
    r = subprocess.run([sys.executable, "-m", "baozhi", "parse", str(tmp_path / "zero.txt"), str(tmp_path / "fifo.txt"),
                        str(d), str(good), "--json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3
    errs = r.stderr.strip().splitlines()
    assert len(errs) == 3 and "Traceback" not in r.stderr
    assert "zero.txt: not a regular file" in errs[0] and "fifo.txt: not a regular file" in errs[1]
    assert "gone.txt: dangling symbolic link" in errs[2]
    assert len(r.stdout.strip().splitlines()) == 2  # dir/ok.txt and good.txt


def test_output_dir_holding_every_input_is_no_input(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    (d / "p.txt").write_bytes((ROOT / "examples" / "seed_page.txt").read_bytes())
    r = CliRunner().invoke(main, ["parse", str(d), "-o", str(d), "--json"])
    assert r.exit_code == 4
    assert "inside the -o directory" in r.output


def test_utf8_cut_inside_its_last_character_is_read(tmp_path):
    text = (ROOT / "examples" / "seed_page.txt").read_text("utf-8")[:300]
    f = tmp_path / "cut.txt"
    f.write_bytes(text.encode("utf-8") + "永".encode("utf-8")[:2])
    r = CliRunner().invoke(main, ["parse", str(f), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["encoding"] == "utf-8"
    assert d["articles"][-1]["paragraphs"][-1].endswith("\ufffd")
    assert r.stderr == f"baozhi: warning: {f}: 1 byte sequence not valid UTF-8 (damaged or cut): read as U+FFFD\n"


def test_an_internal_error_on_one_input_is_reported_and_the_rest_processed(tmp_path, monkeypatch):
    import baozhi.cli as cli

    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text("区政府召开常务会议，研究部署工作。", encoding="utf-8")
    good.write_text("市政府召开常务会议，研究部署工作。", encoding="utf-8")
    real = cli.process_source

    def flaky(raw, name, settings=None):
        if name.endswith("bad.txt"):
            raise RuntimeError("boom")
        return real(raw, name, settings) if settings is not None else real(raw, name)

    monkeypatch.setattr(cli, "process_source", flaky)
    r = CliRunner().invoke(main, ["parse", str(bad), str(good), "--json"])
    assert r.exit_code == 3
    assert "internal error" in r.stderr and "[internal]" in r.stderr
    assert json.loads(r.stdout)["source"].endswith("good.txt")


def test_a_failed_write_to_standard_output_is_one_line_and_exit_3():
    import os

    if not os.path.exists("/dev/full"):
        import pytest

        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "baozhi", "parse", SEED, "--json"], stdout=full,
                           stderr=subprocess.PIPE, text=True)
    assert r.returncode == 3
    assert r.stderr.strip().splitlines() == ["baozhi: error: cannot write output (No space left on device)"]


def test_odd_file_names_give_one_line_errors_and_valid_json(tmp_path):
    import os

    # a newline in a missing file's name: still one line on stderr
    r = subprocess.run([sys.executable, "-m", "baozhi", "parse", str(tmp_path / "bad\nname.txt"), "--json"],
                       capture_output=True)
    assert r.returncode == 3 and r.stderr.decode().count("\n") == 1 and "bad\\nname.txt" in r.stderr.decode()
    # a file name that is not UTF-8: the JSON output stays valid UTF-8
    odd = os.path.join(os.fsencode(tmp_path), b"ok\xffbytes.txt")
    with open(odd, "wb") as f, open(SEED, "rb") as g:
        f.write(g.read())
    r = subprocess.run([sys.executable, "-m", "baozhi", "parse", odd, "--json"], capture_output=True)
    assert r.returncode == 0
    assert json.loads(r.stdout.decode("utf-8"))["source"].endswith("ok\\xffbytes.txt")


def test_pdf_with_bytes_before_its_header_is_read_as_a_pdf(tmp_path):
    from baozhi.pipeline import is_pdf

    assert is_pdf(b"JUNK\n%PDF-1.7\n") and not is_pdf("本报讯 %PDF 不是文件头".encode())


def test_json_lines_escape_unicode_line_separators(tmp_path):
    # U+2028/U+2029/U+0085 are valid raw in JSON strings but split a JSON Lines
    # record for line-based readers (str.splitlines); they are written as \u escapes.
    p = tmp_path / "sep.txt"
    p.write_text("本报讯（记者李明）区委召开会议\u2028研究部署\u2029工作\x85安排。\n", "utf-8")
    r = CliRunner().invoke(main, ["parse", str(p), str(p), "--json"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert len(lines) == 2
    assert "\\u2028研究部署\\u2029工作\\u0085安排" in lines[0]
    assert json.loads(lines[0])["articles"][0]["paragraphs"] == [
        "本报讯（记者李明）区委召开会议\u2028研究部署\u2029工作\x85安排。"]


def test_markdown_kickers_are_bold_lines_above_the_title_heading():
    r = CliRunner().invoke(main, ["parse", SEED, "--markdown"])
    assert r.exit_code == 0
    assert ("**永川区委常委会召开会议**  \n**深入学习贯彻习近平总书记重要讲话精神**  \n"
            "## 研究部署高质量充分就业和“四好农村路”建设等工作\n### 区委书记张智奎主持会议\n") in r.output


def test_extract_table_files_are_text_not_tsv(tmp_path):
    r = CliRunner().invoke(main, ["extract", SEED, "--table", "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["seed_page.txt"]
    assert (tmp_path / "out" / "seed_page.txt").read_text("utf-8").startswith("# ")


def test_ingest_of_odd_file_names_stores_them_and_gives_one_line_errors(tmp_path):
    import os
    import sqlite3

    # a file name that is not UTF-8 crashed ingest (SQLite takes only UTF-8 text: a traceback
    # from write_page for a readable page, from write_failure for an unreadable one), and a
    # newline in a failing file's name made its error two lines
    d = os.fsencode(tmp_path / "pages")
    os.mkdir(d)
    with open(SEED, "rb") as g:
        seed = g.read()
    for name, data in ((b"ok\xffbytes.txt", seed), (b"empty\xfe.txt", b""), (b"new\nline.txt", b" ")):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    db = str(tmp_path / "a.sqlite")
    r = subprocess.run([sys.executable, "-m", "baozhi", "ingest", d, "--db", db, "--workers", "1"], capture_output=True)
    err = r.stderr.decode("utf-8").splitlines()
    assert r.returncode == 3, r.stderr.decode()
    assert sorted(e.rsplit("/", 1)[-1] for e in err) == [
        "empty\\xfe.txt: empty file: nothing to parse [empty]", "new\\nline.txt: empty file: nothing to parse [empty]"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT path FROM pages").fetchone()[0].endswith("ok\\xffbytes.txt")
        assert len(conn.execute("SELECT * FROM failures").fetchall()) == 2


def test_a_line_of_only_an_unreadable_character_is_unassigned(tmp_path):
    # the page cut by a truncated copy right after the first byte of a line's first character:
    # U+FFFD stands for it, on a line of its own; it is no headline of any article
    p = tmp_path / "cut.txt"
    p.write_bytes("本报讯（记者 涂 燕）6月12日，区政府召开常务会议。\n\n会议指出，要抓好落实。\n\n".encode() + "区".encode()[:2])
    r = CliRunner().invoke(main, ["parse", str(p), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["unassigned"] == ["\ufffd"]
    assert all("\ufffd" not in "".join(a["headline"] + a["paragraphs"]) for a in d["articles"])


def test_damaged_utf8_is_parsed_with_a_warning(tmp_path):
    raw = open(SEED, "rb").read()
    k = raw.index("常务会议".encode())
    bad = tmp_path / "damaged.txt"
    bad.write_bytes(raw[:k] + b"\xff" + raw[k:])
    r = CliRunner().invoke(main, ["parse", str(bad), "--json"])
    assert r.exit_code == 0
    assert r.stderr.strip().splitlines() == [
        f"baozhi: warning: {bad}: 1 byte sequence not valid UTF-8 (damaged or cut): read as U+FFFD"]
    d = json.loads(r.stdout)
    assert d["warnings"] == ["1 byte sequence not valid UTF-8 (damaged or cut): read as U+FFFD"]
    assert "\ufffd常务会议" in "".join(p for a in d["articles"] for p in a["paragraphs"] + a["headline"])
    warning = f"baozhi: warning: {bad}: 1 byte sequence not valid UTF-8 (damaged or cut): read as U+FFFD"
    r = CliRunner().invoke(main, ["extract", str(bad), "--json"])
    assert r.exit_code == 0 and r.stderr.strip().splitlines() == [warning]
    assert json.loads(r.stdout)["warnings"] == d["warnings"]
    r = CliRunner().invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "a.sqlite"), "--workers", "1"])
    assert r.exit_code == 0 and r.stderr.strip().splitlines() == [warning]


def test_text_of_several_pages_names_each_page():
    r = CliRunner().invoke(main, ["parse", SEED, SEED, "--text"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert [i for i, l in enumerate(lines) if l.startswith("==>")] == [0, len(lines) // 2]
    assert lines[0] == f"==> {SEED} <==" and lines[1] == "吃透精神实质 把握重点任务 推动各项工作取得实绩实效"
    one = CliRunner().invoke(main, ["parse", SEED, "--text"]).stdout
    assert not one.startswith("==>") and one == "\n".join(lines[1:len(lines) // 2]) + "\n"


def test_ingest_summary_counts_one_failure_in_the_singular(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "empty.txt").write_bytes(b"")
    db = tmp_path / "a.sqlite"
    r = subprocess.run([sys.executable, "-m", "baozhi", "ingest", str(tmp_path / "pages"), "--db", str(db)],
                       capture_output=True, text=True)
    assert r.returncode == 3
    assert r.stdout == ("0 pages added, 0 already stored, 0 re-parsed; 0 articles, 0 meetings; 1 failure\n"
                        f"archive {db}: 0 pages, 0 articles, 0 persons, 0 meetings, 1 failure\n")


def test_a_blank_newspaper_is_a_usage_error_for_ingest_and_the_queries(tmp_path):
    # (ingest stored the newspaper as ' ')
    for args in (["ingest", str(ROOT / "examples" / "seed_page.txt")], ["search", "会议"], ["people"]):
        r = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "a.sqlite"), "--newspaper", "   "])
        assert r.exit_code == 2 and "is empty" in r.output, (args, r.output)
    assert not (tmp_path / "a.sqlite").exists()
