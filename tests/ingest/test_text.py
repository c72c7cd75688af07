from hypothesis import given, strategies as st

from narratrace.errors import InputError
from narratrace.ingest import ReadOptions, parse_header, read_path
from narratrace.model import Article

SAMPLE_LAYOUT = " date 2020-03-01 Harbor Times - The ministry said the video was staged.\n\nMore text."


def read_one(path):
    items = list(read_path(str(path)))
    assert len(items) == 1, items
    return items[0]


def test_sample_layout_header_is_metadata_and_text_is_unchanged(write):
    art = read_one(write("a.txt", SAMPLE_LAYOUT))
    assert isinstance(art, Article)
    assert art.text == SAMPLE_LAYOUT
    assert art.date == "2020-03-01" and art.outlet == "Harbor Times"
    assert art.text[art.body_start:].startswith("The ministry said")
    assert art.title == "The ministry said the video was staged."
    assert art.name == "a"


def test_known_outlet_prefix_without_date_header(write):
    art = read_one(write("b.txt", "rt.com - Officials denied the report.\nSecond line."))
    assert art.outlet == "RT"
    assert art.text[art.body_start:].startswith("Officials")


def test_unknown_capitalized_prefix_without_header_is_not_an_outlet(write):
    art = read_one(write("c.txt", "Syria - a short note on the war.\n\nBody."))
    assert art.outlet is None and art.body_start == 0


def test_ptc_style_title_on_first_line(write):
    art = read_one(write("article1.txt", "A headline here\n\nFirst paragraph. Second sentence.\n"))
    assert art.title == "A headline here"
    assert art.body_start == 0


def test_crlf_and_bom_free_text_kept_byte_for_byte(write):
    raw = "Title line\r\n\r\nBody “quoted” text.\r\n"
    art = read_one(write("d.txt", raw))
    assert art.text == raw


def test_binary_empty_and_undecodable_files_are_errors(write):
    for name, data, needle in (("bin.txt", b"\x00\x01\x02abc", "binary"), ("empty.txt", b"  \n", "empty"),
                               ("latin.txt", "caf\u00e9 au lait".encode("latin-1"), "not valid utf-8")):
        item = read_one(write(name, data))
        assert isinstance(item, InputError)
        assert needle in item.line().lower() and name in item.line()


def test_encoding_option_reads_latin1(write):
    art = read_path(str(write("l.txt", "caf\u00e9 news".encode("latin-1"))), ReadOptions(encoding="latin-1"))
    assert next(art).text == "caf\u00e9 news"


def test_oversized_article_is_skipped_with_reason(write):
    item = read_one(write("big.txt", "word " * 3000))
    assert isinstance(item, Article)
    item = next(read_path(str(write("big2.txt", "word " * 3000)), ReadOptions(max_chars=1000)))
    assert isinstance(item, InputError) and "limit" in item.reason


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_parse_header_never_moves_past_the_text(text):
    date, outlet, start = parse_header(text)
    assert 0 <= start <= len(text)
    if outlet:
        assert outlet in text[:start]


@given(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1)
       .filter(lambda t: t.strip()))
def test_any_text_file_is_stored_unchanged(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("h") / "x.txt"
    path.write_bytes(text.encode("utf-8"))
    (art,) = read_path(str(path))
    assert isinstance(art, Article)
    assert art.text == text
    assert 0 <= art.body_start <= len(text)
