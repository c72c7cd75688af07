import pytest

from narratrace.corpus.citations import find_citations


@pytest.mark.parametrize("text, expected", [
    ("Rt.com reports: the convoy was stopped at the border.", [("RT", "Rt.com", "reports")]),
    ("The figure was 40, according to TASS.", [("TASS", "TASS", "according to")]),
    ("SANA said the road reopened on Friday.", [("SANA", "SANA", "said")]),
    ("Two shells hit the market (Sputnik).", [("Sputnik", "Sputnik", "(...)")]),
    ("The deputy told RIA Novosti that talks would resume.", [("RIA Novosti", "RIA Novosti", "told")]),
    ("A Reuters correspondent at the scene counted six trucks.", [("Reuters", "Reuters", "correspondent")]),
    ("Press TV reported on Sunday that the talks failed.", [("Press TV", "Press TV", "reported")]),
])
def test_explicit_citations_are_found_and_normalized(text, expected):
    got = [(c.outlet, c.cited_as.text, c.cue) for c in find_citations(text)]
    assert got == expected
    for c in find_citations(text):
        assert text[c.cited_as.start:c.cited_as.end] == c.cited_as.text


@pytest.mark.parametrize("text", [
    "The art teacher said the rt of the matter was simple.",  # lower-case short names never match
    "The report said the road was closed.",
    "He reported that the outlet was closed.",
    "An ap style guide was cited in the memo.",
])
def test_no_citation_without_a_known_outlet_next_to_a_cue(text):
    assert find_citations(text) == []


@pytest.mark.xfail(reason="a person called Sana is read as the agency SANA (Title case four-letter alias)")
def test_person_named_like_a_four_letter_agency():
    assert find_citations("Sana said she would travel on Monday.") == []


def test_own_outlet_citation_is_marked_self():
    (c,) = find_citations("DAMASCUS, (SANA) - Army units advanced.", own_outlet="Syrian Arab News Agency")
    assert c.outlet == "SANA" and c.self
