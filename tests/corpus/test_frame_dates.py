from datetime import date

import pytest

from narratrace.corpus.frame_dates import statement_date

REF = date(2022, 11, 7)  # a Monday


@pytest.mark.parametrize("sentence, want, words", [
    ("The ministry said on Saturday that militants are preparing a provocation.", "2022-11-05", "on Saturday"),
    ("On the latest occasion in March, the centre received a tip-off.", "2022-03", "in March"),
    ("The centre warned on November 3 that a staged video is planned.", "2022-11-03", "November 3"),
    ("On 11 June 2018 the spokesman said a provocation was being prepared.", "2018-06-11", "11 June 2018"),
    ("The officer told reporters yesterday that fakes were being filmed.", "2022-11-06", "yesterday"),
    ("Back in December, the ministry alleged a plot.", "2021-12", "in December"),
])
def test_statement_dates_resolved_against_the_article(sentence, want, words):
    got = statement_date(sentence, REF)
    assert got is not None and str(got[0]) == want and got[1] == words


@pytest.mark.parametrize("sentence", [
    "Militants are preparing to stage an attack on Friday.",  # a weekday with no reporting verb: the plan's day
    "Militants are preparing a provocation in the province.",
    "An attack is planned for December 20.",  # after the article: not a statement date
])
def test_no_statement_date(sentence):
    assert statement_date(sentence, REF) is None


def test_month_of_the_article_ends_at_the_article_date():
    got = statement_date("In November the centre said a staged video was planned.", REF)
    assert got is not None and got[0].start == date(2022, 11, 1) and got[0].end == REF


def test_without_article_date_only_explicit_years_count():
    assert statement_date("The ministry said on Saturday ...", None) is None
    got = statement_date("On 11 June 2018 the ministry said ...", None)
    assert got is not None and str(got[0]) == "2018-06-11"
