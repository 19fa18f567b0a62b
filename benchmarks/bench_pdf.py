"""PDF parsing throughput and peak memory over the bench PDFs (one core).

    .venv/bin/python benchmarks/bench_pdf.py [PAGES_DIR]
"""
from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

from baozhi.pipeline import process_source


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/bench/pages"
    pdfs = sorted(root.glob("*/page.pdf"))
    raws = [(p, p.read_bytes()) for p in pdfs]
    tracemalloc.start()
    t = time.perf_counter()
    n = 0
    for p, raw in raws:
        n += len(process_source(raw, str(p)))
    dt = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    print(f"{n} PDF pages in {dt:.2f}s: {n / dt:.1f} pages/s; peak Python memory {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
