import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not found: {path}")
    return path


@pytest.fixture
def seed_truth():
    p = need_shared(BENCH / "seed" / "seed_page.truth.json")
    return json.loads(p.read_text("utf-8"))
