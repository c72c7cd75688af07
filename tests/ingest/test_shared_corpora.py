"""The real corpora in ../shared ingest with no flags (skips when ../shared is absent)."""
from collections import Counter

import pytest

from narratrace.errors import InputError
from narratrace.ingest import read_path, read_paths


def test_samples_keep_their_text_and_header(samples_dir):
    for path in sorted(samples_dir.glob("*.txt")):
        (art,) = read_path(str(path))
        assert art.text == path.read_bytes().decode("utf-8")
        assert art.date is not None and art.text[art.body_start:][:1].isupper()
    arts = {p.name[:3]: next(read_path(str(p))) for p in samples_dir.glob("*.txt")}
    assert arts["000"].outlet == "Islam Times" and arts["000"].date == "2022-11-07"
    assert arts["004"].outlet is None and arts["004"].date == "2018-06-12"


@pytest.mark.parametrize("rel,minimum", [("data/fa-kes/articles.csv", 600), ("data/euvsdisinfo/posts.csv", 8000)])
def test_csv_corpora_recognized(shared_dir, rel, minimum):
    path = shared_dir / rel
    if not path.exists():
        pytest.skip(f"{rel} absent")
    kinds = Counter()
    dated = outlets = 0
    for item in read_paths([str(path)]):
        kinds[type(item).__name__] += 1
        if not isinstance(item, InputError):
            dated += item.date is not None
            outlets += item.outlet is not None
    assert kinds["Article"] >= minimum
    assert dated >= 0.95 * kinds["Article"] and outlets >= 0.95 * kinds["Article"]
