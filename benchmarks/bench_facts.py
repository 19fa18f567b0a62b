"""Fact-extraction benchmark: accuracy on the shared dev corpus, a jieba baseline, throughput.

Usage::

    python benchmarks/bench_facts.py [--corpus DIR] [--pred OUT_DIR] [--ids odd|even|all]
                                     [--no-baseline] [--repeat N]

Writes ``OUT_DIR/<id>.json`` predictions (truth schema), scores them with
``../shared/eval/score_facts.py``, prints the same score for a plain jieba ``nr`` baseline when
jieba is installed, and the throughput in articles per second on one core.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from baozhi.facts import extract_article, merge_page  # noqa: E402

_CJK = "\u4e00-\u9fff"


def seed_articles(raw: str) -> list[str]:
    """Approximate the page parser on the seed page dump: join non-empty lines, drop layout
    spaces between CJK characters, split at 本报讯 and cut each article after its last 。."""
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    text = "".join(lines)
    text = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])", "", text)
    parts = [p for p in re.split(r"(?=本报讯)", text) if p.startswith("本报讯")]
    out = []
    for p in parts:
        k = p.rfind("。")
        out.append(p[: k + 1] if k >= 0 else p)
    return out


def texts(corpus: Path, ids: str):
    for f in sorted(corpus.glob("*.txt")):
        tid = f.stem
        if tid.isdigit():
            n = int(tid)
            if ids == "odd" and n % 2 == 0 or ids == "even" and n % 2 == 1:
                continue
        yield tid, f.read_text(encoding="utf-8")


def predict(tid: str, raw: str) -> dict:
    if tid == "seed_page":
        return merge_page([extract_article(a) for a in seed_articles(raw)])
    return extract_article(raw)


def jieba_baseline(raw: str, tid: str) -> dict:
    import jieba.posseg as pseg

    text = "".join(seed_articles(raw)) if tid == "seed_page" else raw
    names = []
    for w in pseg.cut(text):
        if w.flag == "nr" and len(w.word) >= 2 and w.word not in names:
            names.append(w.word)
    return {"date": None, "reporters": [], "persons": [{"name": n, "titles": []} for n in names],
            "meetings": [], "documents": []}


def score(corpus: Path, pred: Path, ids: str) -> str:
    truth = corpus
    if ids != "all":
        tmp = Path(tempfile.mkdtemp())
        for f in corpus.glob("*.truth.json"):
            tid = f.name[: -len(".truth.json")]
            if tid.isdigit() and (int(tid) % 2 == 0) == (ids == "odd"):
                continue
            (tmp / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        truth = tmp
    r = subprocess.run([sys.executable, str(SHARED / "eval" / "score_facts.py"), "--truth", str(truth),
                        "--pred", str(pred)], capture_output=True, text=True)
    return r.stdout + r.stderr


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "facts"))
    ap.add_argument("--pred", default=None)
    ap.add_argument("--ids", choices=("odd", "even", "all"), default="all")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}")
        return 1
    pred = Path(args.pred or tempfile.mkdtemp(prefix="facts-pred-"))
    pred.mkdir(parents=True, exist_ok=True)
    items = list(texts(corpus, args.ids))
    for tid, raw in items:
        (pred / f"{tid}.json").write_text(json.dumps(predict(tid, raw), ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    print(f"== baozhi facts ({args.ids}), predictions in {pred}")
    print(score(corpus, pred, args.ids))
    if not args.no_baseline:
        try:
            import jieba  # noqa: F401

            jieba.setLogLevel(60)
        except ImportError:
            print("== jieba baseline: jieba not installed")
        else:
            bdir = Path(tempfile.mkdtemp(prefix="facts-jieba-"))
            for tid, raw in items:
                (bdir / f"{tid}.json").write_text(json.dumps(jieba_baseline(raw, tid), ensure_ascii=False),
                                                  encoding="utf-8")
            print("== jieba nr baseline (persons only)")
            print(score(corpus, bdir, args.ids))
    # throughput: articles per second, one core
    arts = []
    for tid, raw in items:
        arts.extend(seed_articles(raw) if tid == "seed_page" else [raw])
    for a in arts:
        extract_article(a)  # warm caches
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for a in arts:
            extract_article(a)
    dt = time.perf_counter() - t0
    n = len(arts) * args.repeat
    print(f"throughput: {n / dt:.1f} articles/s ({n} articles, {dt:.2f} s, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
