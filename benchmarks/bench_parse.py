"""Throughput, memory and accuracy of `parse` on the shared benchmark dumps.

    .venv/bin/python benchmarks/bench_parse.py [--rounds N]

Prints, per dump kind: pages/s on one core (median of N rounds over the 20 bench pages; baozhi's
per-line caches are emptied before every page, as for a stream of distinct pages),
tracemalloc peak MB for one page, and the scores of ../shared/bench/score_pages.py,
beside the naive baseline (score_pages.py --write-naive).
"""
from __future__ import annotations

import argparse
import functools
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from baozhi.pipeline import process_source
from baozhi.render import to_dict

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
KINDS = ["pdftotext_layout", "pdftotext", "seedlike", "pymupdf"]


def score(pred: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(BENCH / "score_pages.py"), "--truth", str(BENCH / "pages"),
                          "--pred", str(pred)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): float(v) for k, v in (l.split(":") for l in out.strip().splitlines())}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    pages = sorted(p for p in (BENCH / "pages").glob("p*") if (p / "truth.json").exists())
    seed = (ROOT / "examples" / "seed_page.txt").read_bytes()
    process_source(seed, "seed")  # load the word list once
    # seed-sized pages/s, as for a stream of distinct pages: the per-line caches (functools.lru_cache)
    # are emptied before each parse, so repeating one page does not flatter the rate
    caches = [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)
              and (o.__module__ or "").startswith("baozhi") and (o.cache_info().maxsize or 2) > 1]
    times = []
    for _ in range(a.rounds):
        t = time.perf_counter()
        for _ in range(50):
            for c in caches:
                c.cache_clear()
            process_source(seed, "seed")
        times.append(50 / (time.perf_counter() - t))
    tracemalloc.start()
    process_source(seed, "seed")
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"seed page: {statistics.median(times):.1f} pages/s, peak {peak:.1f} MB ({len(seed) / 1024:.0f} KiB input)")
    # one huge input (a file of many pages' text run together): time and memory should grow
    # linearly with its size (seconds per MiB alike for both sizes)
    for copies in (100, 400):
        big = seed * copies
        t = time.perf_counter()
        process_source(big, "big")
        dt = time.perf_counter() - t
        mib = len(big) / 2**20
        print(f"one {mib:.1f} MiB input ({copies} seed pages run together): {dt:.1f} s, {dt / mib:.1f} s/MiB")
    with tempfile.TemporaryDirectory() as tmp:
        naive = Path(tmp) / "naive"
        subprocess.run([sys.executable, str(BENCH / "score_pages.py"), "--truth", str(BENCH / "pages"),
                        "--write-naive", str(naive)], check=True)
        ns = score(naive)
        print(f"naive baseline (pdftotext dump): page_score {ns['page_score']:.3f}")
        print(f"{'kind':18} {'pages/s':>8} {'peakMB':>7} {'page_score':>10} {'art_f1':>7} {'head':>6} {'para_f1':>7} {'byline':>6}")
        for kind in KINDS:
            raws = [(p, (p / f"{kind}.txt").read_bytes()) for p in pages]
            rates = []
            for _ in range(a.rounds):
                t = time.perf_counter()
                for p, raw in raws:
                    for c in caches:
                        c.cache_clear()
                    process_source(raw, str(p))
                rates.append(len(raws) / (time.perf_counter() - t))
            tracemalloc.start()
            process_source(raws[0][1], "x")
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            pred = Path(tmp) / kind
            pred.mkdir()
            for p, raw in raws:
                [r] = process_source(raw, str(p))
                (pred / f"{p.name}.json").write_text(json.dumps(to_dict(r), ensure_ascii=False), "utf-8")
            s = score(pred)
            print(f"{kind:18} {statistics.median(rates):8.1f} {peak:7.1f} {s['page_score']:10.3f} {s['article_f1']:7.3f} "
                  f"{s['headline_accuracy']:6.3f} {s['paragraph_f1']:7.3f} {s['byline_accuracy']:6.3f}")


if __name__ == "__main__":
    main()
