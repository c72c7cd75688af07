from hypothesis import given, strategies as st

from narratrace.ids import article_id, normalize_text


@given(st.text(min_size=1), st.one_of(st.none(), st.text(max_size=20)))
def test_id_is_stable_and_hex(text, outlet):
    a = article_id(text, outlet)
    assert a == article_id(text, outlet)
    assert len(a) == 16 and int(a, 16) >= 0


@given(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc")), min_size=1, max_size=50))
def test_whitespace_variation_keeps_the_id(word):
    assert article_id(f"{word} {word}", "RT") == article_id(f"  {word}\n\t{word} ", "RT")


def test_republication_by_another_outlet_gets_its_own_id():
    text = "The ministry warned of a staged attack."
    assert article_id(text, "RT") != article_id(text, "Sputnik")
    assert article_id(text, "RT") != article_id(text + " More.", "RT")


@given(st.text())
def test_normalization_loses_no_visible_characters(text):
    norm = normalize_text(text)
    visible = "".join(normalize_text(ch) for ch in text if not ch.isspace()).replace(" ", "")
    assert norm.replace(" ", "") == visible
