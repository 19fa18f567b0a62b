#!/usr/bin/env bash
# Install baozhi into .venv/ and run the main job on the bundled example page:
# reconstruct its articles, then archive them with their facts in an embedded SQLite
# database (./baozhi.sqlite, no server) and ask it questions.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3.11 -m venv .venv || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
echo "---- articles (baozhi parse --markdown) ----"
.venv/bin/baozhi parse examples/seed_page.txt --markdown
echo
echo "---- archive (baozhi ingest → ./baozhi.sqlite) ----"
.venv/bin/baozhi ingest examples/seed_page.txt --db baozhi.sqlite --newspaper 渝西都市报
echo
echo "---- who holds which post (baozhi people) ----"
.venv/bin/baozhi people --db baozhi.sqlite
echo
echo "---- meetings held (baozhi meetings) ----"
.venv/bin/baozhi meetings --db baozhi.sqlite
echo
echo "---- full-text search (baozhi search 常务会议) ----"
.venv/bin/baozhi search 常务会议 --db baozhi.sqlite
