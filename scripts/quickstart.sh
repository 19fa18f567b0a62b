#!/usr/bin/env bash
# Install baozhi into .venv/ and run the main job on the bundled example page.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3.11 -m venv .venv || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
.venv/bin/baozhi parse examples/seed_page.txt --markdown
echo
echo "---- facts (baozhi extract) ----"
.venv/bin/baozhi extract examples/seed_page.txt --table
