"""PDF parsing throughput and peak memory over the bench PDFs (one core).

    .venv/bin/python benchmarks/bench_pdf.py [PAGES_DIR] [--repeat N]

Throughput is timed first, without memory tracing (tracemalloc hooks every allocation
and slows Python code several-fold): the best of ``--repeat`` passes (default 3), wall
clock and process CPU time. Peak memory is measured in a separate traced pass (Python
allocations; pdfium's own memory is not traced) and as the process's peak RSS.
"""
from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from baozhi.pipeline import process_source


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/bench/pages"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pdfs = sorted(Path(args.pages).glob("*/page.pdf"))
    raws = [(p, p.read_bytes()) for p in pdfs]
    best_wall = best_cpu = float("inf")
    n = 0
    for _ in range(max(1, args.repeat)):
        t, c = time.perf_counter(), time.process_time()
        n = 0
        for p, raw in raws:
            n += len(process_source(raw, str(p)))
        best_wall = min(best_wall, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    tracemalloc.start()
    for p, raw in raws:
        process_source(raw, str(p))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} PDF pages in {best_wall:.2f}s wall ({n / best_wall:.1f} pages/s), {best_cpu:.2f}s CPU "
          f"({n / best_cpu:.1f} pages/s); peak Python memory {peak / 2**20:.1f} MiB, peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
