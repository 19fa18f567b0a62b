#!/usr/bin/env bash
# Install baozhi with its test extras into .venv/ and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3.11 -m venv .venv || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
if [ ! -d ../shared/bench ]; then
  echo "note: ../shared (the shared benchmark) is missing: the golden tests that read it will be skipped" >&2
fi
exec .venv/bin/python -m pytest "$@"
