from narratrace.errors import InputError
from narratrace.ingest import read_path
from narratrace.model import Article

PARAGRAPH = ("The regional ministry said on Tuesday that it had received reports of a planned provocation "
             "near the river crossing, and officials urged residents to stay indoors while inspectors "
             "examined the site. Independent observers said they had seen no evidence for the claim. ")

PAGE = f"""<!DOCTYPE html><html><head><title>Ministry warns of provocation | Harbor Times</title>
<meta property="og:site_name" content="Harbor Times">
<meta property="article:published_time" content="2021-06-01T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministry warns of provocation</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>
<footer>Copyright Harbor Times. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(write):
    (art,) = read_path(str(write("page.html", PAGE)))
    assert isinstance(art, Article)
    assert "planned provocation" in art.text
    assert "All rights reserved" not in art.text and "Home" not in art.text.split()[:3]
    assert art.outlet == "Harbor Times" and art.date == "2021-06-01"
    assert "Ministry warns of provocation" in art.title


def test_html_without_main_text_is_an_error(write):
    (item,) = read_path(str(write("trunc.html", "<html><head><title>x</title></head><body><div>")))
    assert isinstance(item, InputError) and "trunc.html" in item.line()


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Sputnik</title><link>https://s.example</link>
<item><title>First</title><link>https://s.example/1</link><pubDate>Mon, 11 Jun 2018 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Para one.&lt;/p&gt;&lt;p&gt;Para &amp;amp; two.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://s.example/2</link><description></description></item>
</channel></rss>"""


def test_rss_entries_become_articles_and_empty_entries_errors(write):
    items = list(read_path(str(write("feed.xml", FEED))))
    art, err = items
    assert isinstance(art, Article) and art.text == "Para one.\n\nPara & two."
    assert art.outlet == "Sputnik" and art.date == "2018-06-11" and art.url == "https://s.example/1"
    assert isinstance(err, InputError) and err.locator == "entry 2"


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Daily Meridian</title>
<entry><title>Atom one</title><link href="https://m.example/a"/><id>urn:1</id><updated>2019-09-20T08:00:00Z</updated>
<content type="html">&lt;p&gt;Full content here.&lt;/p&gt;</content><summary>Short.</summary></entry></feed>"""


def test_atom_prefers_full_content(write):
    (art,) = read_path(str(write("feed.atom", ATOM)))
    assert art.text == "Full content here." and art.name == "urn:1" and art.date == "2019-09-20"


def test_garbage_feed_is_an_error(write):
    (item,) = read_path(str(write("bad.rss", "<rss><channel><item>")))
    assert isinstance(item, InputError)
