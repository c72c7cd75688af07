"""Gate: the reuse figures on a gold set built from FA-KES may rise, never silently fall."""
import importlib.util
from pathlib import Path

import pytest

from narratrace.evaluate.reuse import evaluate_reuse

REPO = Path(__file__).resolve().parents[2]
FLOORS = {"ari": 0.94, "earliest": 0.90, "boilerplate_recall": 0.9, "copy_f1": 0.95}


@pytest.mark.shared
@pytest.mark.slow
def test_reuse_on_fakes_gold_meets_the_floors(shared_dir, tmp_path):
    source = shared_dir / "data" / "fa-kes" / "articles.csv"
    if not source.exists():
        pytest.skip("FA-KES is absent")
    spec = importlib.util.spec_from_file_location("make_reuse_gold", REPO / "benchmarks" / "make_reuse_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--source", str(source), "--out", str(tmp_path), "--seed", "11"]) == 0
    r = evaluate_reuse(tmp_path)
    assert r["ari"] >= FLOORS["ari"]
    assert r["earliest_source"]["accuracy"] >= FLOORS["earliest"]
    assert r["pairs_by_kind"]["boilerplate"]["recall"] >= FLOORS["boilerplate_recall"]
    assert r["pairs_by_kind"]["copy"]["f1"] >= FLOORS["copy_f1"]
