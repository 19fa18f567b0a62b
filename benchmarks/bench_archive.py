"""Archive benchmark: ingest rate, then search latency on an archive of ≥ 100,000 articles.

    .venv/bin/python benchmarks/bench_archive.py [--articles 100000] [--db FILE] [--runs 15]

1. Ingest rate: the 80 text dumps of ``../shared/bench/pages`` (4 dump kinds × 20 pages) through
   ``baozhi.store.ingest`` (parse + facts + write), with 1 and with 2 worker processes.
2. Bulk archive: the shared texts (20 bench dumps + 31 facts-corpus texts) are parsed once, and
   their page records (articles and facts as ingest stores them) are written again and again
   through ``baozhi.store.write.write_page`` with another content hash, newspaper and date each
   time, until the archive holds ``--articles`` articles. This bypasses parsing (the parse rate is
   step 1); the text is therefore the same ~170 articles repeated, so a query matches a fixed
   share of the archive (e.g. 会议 about half of it): a harsher case than a real archive.
3. Search latency (``baozhi.store.search``, limit 20) for 1-, 2-, 3- and 4-character queries,
   p50/p95 over ``--runs`` runs of each query, before and after FTS5 ``optimize``.
4. Database size per 1,000 articles.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from baozhi.store import connect, ingest, parse_query, search
from baozhi.store.records import PageOptions, parse_file
from baozhi.store.write import write_page

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "bench" / "pages"
CORPUS = SHARED / "corpus" / "facts"
KINDS = ("pdftotext", "pdftotext_layout", "seedlike", "pymupdf")
PAPERS = ["临川新闻", "云台晚报", "江城日报", "南屏日报", "西江都市报", "青川日报", "东湖晚报", "渝东都市报",
          "北岸晨报", "渝西都市报", "东江日报", "北海日报"]
QUERIES = {
    1: ["宋", "县", "镇", "议"],
    2: ["会议", "宋文", "书记", "乡村"],
    3: ["常委会", "宋朝均", "政协委", "外事工"],
    4: ["常务会议", "全体会议", "乡村振兴", "外事工作"],
}


def rate(files: list[str], workers: int) -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        s = ingest(files, Path(d) / "r.sqlite", workers=workers)
        el = time.perf_counter() - t
    assert not s.failures, s.failures
    return s.pages_new, el


def build(db: Path, target: int) -> tuple[int, int, float]:
    sources = sorted(PAGES.glob("p*/pdftotext.txt")) + sorted(CORPUS.glob("*.txt"))
    recs = [r for f in sources for r in parse_file(str(f), PageOptions()).get("pages", [])]
    conn = connect(db)
    have = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    rnd = random.Random(7)
    t = time.perf_counter()
    pages = 0
    i = conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
    while have < target:
        for r in recs:
            d = dict(r)
            d["content_hash"] = f"{r['content_hash']}@bulk{i}"
            d["newspaper"] = PAPERS[rnd.randrange(len(PAPERS))]
            d["newspaper_from"] = "option"
            y, m, dd = rnd.randrange(2010, 2026), rnd.randrange(1, 13), rnd.randrange(1, 29)
            d["date"], d["date_from"] = f"{y:04d}-{m:02d}-{dd:02d}", "option"
            write_page(conn, d)
            have += len(r["articles"])
            pages += 1
            i += 1
            if have >= target:
                break
        print(f"\r  {have} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    el = time.perf_counter() - t
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return pages, have, el


def latency(conn, runs: int) -> dict[int, tuple[float, float, int]]:
    out = {}
    for n, qs in QUERIES.items():
        times, hits = [], 0
        for q in qs:
            search(conn, q)  # warm the page cache for this query
            for _ in range(runs):
                t = time.perf_counter()
                h = search(conn, q, limit=20)
                times.append((time.perf_counter() - t) * 1000)
            hits += conn.execute("SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH ?",
                                 (parse_query(q).fts,)).fetchone()[0]
            assert h, q
        times.sort()
        out[n] = (statistics.median(times), times[int(0.95 * (len(times) - 1))], hits // len(qs))
    return out


def filtered_latency(conn, runs: int) -> tuple[float, float]:
    times = []
    for q in QUERIES[4]:
        for _ in range(runs):
            t = time.perf_counter()
            search(conn, q, since="2020-01-01", newspaper="江城日报", limit=20)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", help="archive file for the bulk build (default: a temporary file)")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--skip-rate", action="store_true")
    a = ap.parse_args()
    if not PAGES.is_dir():
        sys.exit(f"shared data not found: {PAGES}")
    print(f"cpus: {os.cpu_count()}")
    if not a.skip_rate:
        files = [str(p / f"{k}.txt") for p in sorted(PAGES.glob("p*")) for k in KINDS]
        for w in (1, 2):
            n, el = rate(files, w)
            print(f"ingest, {w} worker{'s' if w > 1 else ''}: {n} pages in {el:.1f} s = {n / el:.1f} pages/s")
    tmp = None
    if a.db:
        db = Path(a.db)
    else:
        tmp = tempfile.TemporaryDirectory()
        db = Path(tmp.name) / "bulk.sqlite"
    pages, arts, el = build(db, a.articles)
    if pages:
        print(f"bulk build: {pages} pages, {arts} articles written in {el:.1f} s "
              f"({pages / el:.0f} pages/s, {arts / el:.0f} articles/s; no parsing)")
    conn = connect(db)
    total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    size = db.stat().st_size
    print(f"archive: {total} articles, {size / 1e6:.1f} MB = {size / total * 1000 / 1e6:.2f} MB per 1,000 articles")
    for label in ("before optimize", "after FTS5 optimize"):
        if label.startswith("after"):
            t = time.perf_counter()
            conn.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
            print(f"optimize: {time.perf_counter() - t:.1f} s")
        print(f"search latency, {label} (limit 20, {a.runs} runs per query):")
        for n, (p50, p95, hits) in latency(conn, a.runs).items():
            print(f"  {n}-char queries {QUERIES[n]}: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
                  f"(~{hits} matching articles per query)")
        p50, p95 = filtered_latency(conn, a.runs)
        print(f"  4-char queries with --since 2020-01-01 --newspaper 江城日报: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    conn.close()
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
