"""Real-browser tests: Debian's chromium, headless, driven by Playwright (never a downloaded browser).

They skip when chromium or playwright is missing. Screenshots go to tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed")
    exe = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=exe, headless=True, args=ARGS,
            viewport={"width": 1360, "height": 900})
        yield context
        context.close()


def serve(db: Path):
    import uvicorn

    from narratrace.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def site(corpus):
    server, base = serve(corpus[0])
    yield base
    server.should_exit = True


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory, samples_dir):
    """The two shared samples, ingested and analyzed by every registered analyzer that is available."""
    from narratrace import api
    from narratrace.analyze.base import registered

    db = tmp_path_factory.mktemp("samples") / "samples.db"
    api.ingest([str(samples_dir)], db)
    names = [n for n in registered() if n in ("allegations", "attribution")]
    if names:
        api.analyze(db, names)
    server, base = serve(db)
    yield db, base, names
    server.should_exit = True


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def _background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")


def test_sample_000_frame_highlight_legend_and_toggle(browser, sample_site):
    db, base, names = sample_site
    if "allegations" not in names:
        pytest.skip("the allegations analyzer is not registered yet")
    from narratrace.store import Store

    with Store.open(db, readonly=True) as store:
        row = store.conn.execute("SELECT id FROM articles WHERE name LIKE '000_%'").fetchone()
    assert row is not None
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/articles/{row[0]}")
    accused = page.locator(".text .f-accused").first
    assert accused.is_visible()
    assert _background(page, ".text .f-accused") not in ("rgba(0, 0, 0, 0)", "transparent")
    legend = page.locator("#legend .lg-frame")
    assert legend.is_visible()
    for slot in ("accuser", "accused", "event", "locations"):
        assert page.locator(f"#legend .lg-frame .f-{slot}").is_visible(), slot
    _shot(page, "article-sample-000.png")
    page.click("label[for=show-frame]")
    assert not page.is_checked("#show-frame")
    assert _background(page, ".text .f-accused") == "rgba(0, 0, 0, 0)"
    _shot(page, "article-sample-000-frames-off.png")
    page.click("label[for=show-frame]")
    assert _background(page, ".text .f-accused") != "rgba(0, 0, 0, 0)"
    assert not [e for e in errors if "Content Security Policy" in e]
    page.close()


def test_hostile_article_runs_no_script_and_shows_technique_on_hover(browser, site, corpus):
    _, ids = corpus
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site}/articles/{ids['a']}")
    assert '<script>alert("x1")</script>' in page.inner_text("#text")
    assert page.locator("#text img, #text a, #text script").count() == 0
    tech = page.locator('.text [data-technique="Loaded_Language"]').first
    tech.hover()
    label = page.evaluate("e => getComputedStyle(e, '::after').content",
                          tech.element_handle())
    assert "Loaded_Language" in label
    page.click("label[for=show-technique]")
    assert page.evaluate("e => getComputedStyle(e).boxShadow", tech.element_handle()) == "none"
    _shot(page, "article-hostile.png")
    for url in ("/", "/search?q=staged", "/allegations", f"/reuse/{ids['cluster']}"):
        page.goto(site + url)
        _shot(page, "page" + url.replace("/", "-").replace("?", "-").replace("=", "-")[:40] + ".png")
    assert dialogs == []
    page.close()


def test_search_form_and_pagination_in_the_browser(browser, site):
    page = browser.new_page()
    page.goto(site + "/search")
    page.fill("form.facets input[name=q]", "harvests")
    page.click("form.facets button")
    page.wait_for_url("**/search?**")
    assert "24 articles" in page.inner_text(".results")
    page.click("a[rel=next]")
    assert page.locator("ol.hits li").count() == 4
    page.close()


def test_static_dossier_opens_from_disk(browser, corpus, tmp_path):
    from narratrace.report.dossier import write_dossier

    write_dossier(corpus[0], tmp_path / "dossier", query="staged")
    page = browser.new_page()
    page.goto((tmp_path / "dossier" / "index.html").as_uri())
    assert page.locator("ol.hits li").count() == 2
    page.click("ol.hits li a >> nth=0")
    assert page.locator(".text .f-accused").first.is_visible()
    assert _background(page, ".text .f-accused") not in ("rgba(0, 0, 0, 0)", "transparent")
    _shot(page, "dossier-article.png")
    page.close()
