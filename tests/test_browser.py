"""The HTML view in a real browser (Debian's chromium, headless, driven by playwright).

Names and sentences built to run script if the view ever parsed them as HTML (an
``<img onerror>``, a ``</script>`` that closes the data, a ``javascript:`` link, a quote
that closes an attribute) are put through the whole product and the page is opened; the
test hovers every node so each tooltip shows, then checks that no injected script ran,
that the tooltips show the markup as text, that the network was drawn, and that the page
asked for nothing but itself (served on loopback).

``make test`` installs chromium first (scripts/install-browser.sh). The test skips, saying
why, only where chromium cannot be installed (not root, no sudo); under CI it fails instead.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.cli import main
from kg.ontology import KG

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _need_browser() -> None:
    why = None
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        why = f"{CHROMIUM} is not installed (scripts/install-browser.sh installs it with apt-get, as root)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            why = "playwright is not installed (pip install -e '.[test]')"
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run under CI: {why}")
        pytest.skip(why)


# Each payload, if it ever ran, sets window.__pwned and opens a dialog.
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1,alert(1)">',
    "</script><script>window.__pwned=2,alert(2)</script>",
    '" onmouseover="window.__pwned=3" x="',
    "<a href=\"javascript:window.__pwned=4,alert(4)\">点我</a>",
    "<svg onload=window.__pwned=5,alert(5)>",
    "'-(window.__pwned=6)-'",
    "<iframe srcdoc='<script>parent.__pwned=7</script>'></iframe>",
    "<!--<script>window.__pwned=8</script>-->",
]

ARTICLE = "\n".join([
    "江津区委书记 李应兰",
    "江津区前三季度GDP增长7.6%，" + PAYLOADS[0] + "新引进项目12个。",
    "江津区推进“" + PAYLOADS[1] + "”行动。",
    "江津区建设兰家沱码头" + PAYLOADS[2] + "项目。",
    "永川区区长 张三",
    "永川区打造“" + PAYLOADS[3] + "”品牌，" + PAYLOADS[4] + "永川区GDP增长8%。",
    PAYLOADS[5] + "重庆长安汽车股份有限公司在永川区落户。" + PAYLOADS[6] + PAYLOADS[7],
])


def _payload_graph() -> Graph:
    """A graph whose entity names themselves are the payloads (labels, not only evidence)."""
    g = Graph()
    region = URIRef("https://w3id.org/kg-cn/id/region/500116")
    g.add((region, RDF.type, KG.District))
    g.add((region, RDFS.label, Literal("江津区", lang="zh")))
    for i, p in enumerate(PAYLOADS):
        n = URIRef(f"https://w3id.org/kg-cn/id/project/p{i}")
        g.add((n, RDF.type, KG.Project))
        g.add((n, RDFS.label, Literal(p, lang="zh")))
        g.add((n, KG.evidence, Literal(f"江津区建设{p}。", lang="zh")))
        g.add((n, KG.locatedIn, region))
    return g


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    from kg.export import html

    root = tmp_path_factory.mktemp("view")
    src = root / "article.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(src), "-o", str(root / "built"), "-q"])
    assert r.exit_code == 0, r.output
    html.write(_payload_graph(), root / "labels.html", title=PAYLOADS[1])
    return root


@pytest.fixture(scope="module")
def server(pages):
    """Serve the pages on loopback, so every request the page makes is seen."""
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(pages), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.RequestHandlerClass.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser, url: str):
    ctx = browser.new_context()
    requests: list[str] = []
    dialogs: list[str] = []
    origin = url.split("/", 3)[:3]

    def route(r):
        requests.append(r.request.url)
        if r.request.url.split("/", 3)[:3] == origin:
            r.continue_()
        else:
            r.abort()

    ctx.route("**/*", route)
    page = ctx.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 0", timeout=30000)
    return ctx, page, requests, dialogs


HOVER_ALL = """
() => {
  network.setOptions({physics: false, interaction: {tooltipDelay: 0, hover: true}});
  const ids = network.body.data.nodes.getIds();
  const pos = network.getPositions(ids);
  const rect = document.getElementById('mynetwork').getBoundingClientRect();
  return ids.map(id => { network.focus(id, {scale: 1.0, animation: false});
                         const p = network.canvasToDOM(network.getPositions([id])[id]);
                         return [id, p.x + rect.left, p.y + rect.top]; });
}
"""

FOCUS = """
(id) => { network.focus(id, {scale: 1.0, animation: false});
          const rect = document.getElementById('mynetwork').getBoundingClientRect();
          const p = network.canvasToDOM(network.getPositions([id])[id]);
          return [p.x + rect.left, p.y + rect.top]; }
"""


@pytest.mark.parametrize("name", ["built/graph.html", "labels.html"])
def test_no_injected_script_runs_and_network_is_drawn(browser, server, name):
    ctx, page, requests, dialogs = _open(browser, f"{server}/{name}")
    try:
        n_nodes = page.evaluate("network.body.data.nodes.length")
        n_edges = page.evaluate("network.body.data.edges.length")
        assert n_nodes >= 3 and n_edges >= 2
        assert page.evaluate("document.querySelector('#mynetwork canvas').width") > 0
        page.evaluate("network.setOptions({physics: false, interaction: {tooltipDelay: 0, hover: true}})")
        ids = page.evaluate("network.body.data.nodes.getIds()")
        tooltips = []
        for node_id in ids:
            x, y = page.evaluate(FOCUS, node_id)
            page.mouse.move(0, 0)
            page.mouse.move(x, y)
            page.mouse.move(x + 1, y)
            page.wait_for_timeout(60)
            tip = page.evaluate("(() => { const t = document.querySelector('div.vis-tooltip');"
                                " return t && t.style.visibility !== 'hidden' ?"
                                " [t.innerText, [...t.querySelectorAll('*')].filter(e => e.tagName !== 'BR').length]"
                                " : null })()")
            if tip:
                tooltips.append(tip)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        # every panel too: each node's class, labels, posts, figures and evidence, shown as text
        panels = []
        for node_id in ids:
            page.evaluate("(id) => kgShow(id)", node_id)
            panels.append(page.evaluate("document.getElementById('kg-body').innerText + "
                                        "[...document.querySelectorAll('#kg-body [title]')].map(e => e.title).join('')"))
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwned") is None and dialogs == []
        assert page.evaluate("document.querySelectorAll('img, iframe, a[href], svg:not(.kg-bars)').length") == 0
        assert page.evaluate("document.querySelectorAll('#kg-body *').length") > 3
        # the tooltips were shown, as text: the markup is visible, no element but line breaks made from it
        assert len(tooltips) >= len(ids) // 2, (len(tooltips), len(ids))
        assert all(children == 0 for _, children in tooltips)
        shown = "\n".join(text for text, _ in tooltips) + "\n".join(panels)
        assert "onerror=" in shown or "<img" in shown
        if name == "labels.html":
            labels = page.evaluate("network.body.data.nodes.get().map(n => n.label)")
            assert '<img src=x onerror="window.__pwned=1,al…' in labels  # the markup, as text (cut at 40)
            assert "<svg onload=window.__pwned=5,alert(5)>" in labels
            assert PAYLOADS[1] in page.evaluate("document.getElementById('kg-legend').innerText")
        assert all(u.startswith(server) for u in requests), f"requests: {requests}"
        assert len(requests) == 1  # the page itself: nothing else is loaded
    finally:
        ctx.close()


def test_view_data_matches_the_page(pages):
    """The page's node data is the data ``to_vis_data`` returns (escaping happens in JSON only)."""
    from kg.export.html import to_vis_data

    page = (pages / "labels.html").read_text(encoding="utf-8")
    start = page.index("nodes = new vis.DataSet(") + len("nodes = new vis.DataSet(")
    nodes = json.JSONDecoder().raw_decode(page[start:])[0]
    assert [n["label"] for n in nodes] == [n["label"] for n in to_vis_data(_payload_graph())["nodes"]]
    assert "<img" not in page and "</script><script>" not in page


def test_search_and_class_filter(browser, server):
    ctx, page, _requests, dialogs = _open(browser, f"{server}/built/graph.html")
    try:
        page.fill("#kg-search", "李应兰")
        page.wait_for_function("document.getElementById('kg-found').textContent.length > 0")
        assert page.inner_text("#kg-found").startswith("1 found")
        assert len(page.evaluate("network.getSelectedNodes()")) == 1
        page.uncheck(".kg-cls[value=Project]")
        hidden = page.evaluate("nodes.get().filter(n => n.kgClass === 'Project').every(n => n.hidden)")
        shown = page.evaluate("nodes.get().filter(n => n.kgClass !== 'Project').every(n => !n.hidden)")
        assert hidden and shown
        # each node is drawn in its class's colour, the legend's
        from kg.export.html import COLOURS

        colours = page.evaluate("nodes.get().map(n => [n.kgClass, network.body.nodes[n.id].options.color.background])")
        assert all(c == COLOURS[k] for k, c in colours), colours[:5]
        assert dialogs == [] and page.evaluate("window.__pwned === undefined")
    finally:
        ctx.close()


def test_panel_shows_posts_figures_and_highlighted_evidence(browser, server):
    ctx, page, requests, dialogs = _open(browser, f"{server}/built/graph.html")
    try:
        page.fill("#kg-search", "李应兰")
        page.click("#kg-results button")
        body = page.inner_text("#kg-body")
        assert "李应兰" in body and "区委书记" in body and "江津区" in body
        assert page.inner_text("#kg-body mark") == "李应兰"  # the mention, highlighted in its sentence
        page.fill("#kg-search", "江津区")
        page.click("#kg-results button")
        assert page.evaluate("document.querySelectorAll('#kg-body svg.kg-bars rect').length") >= 1  # GDP 7.6%
        assert "7.6%" in page.inner_text("#kg-body")
        assert dialogs == [] and all(u.startswith(server) for u in requests)
    finally:
        ctx.close()


# ---------------------------------------------------------------- a corpus build of 6,000 articles

XWLB = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "xwlb" / "xwlb_articles.jsonl"


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory, pages):
    """The explorer of every 4th 新闻联播 item (about 6,000 articles), served beside the small pages."""
    if not XWLB.exists():
        pytest.skip("../shared/corpus/xwlb is not here")
    src = tmp_path_factory.mktemp("xwlb4") / "xwlb4.jsonl"
    with XWLB.open(encoding="utf-8") as f, src.open("w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i % 4 == 0:
                out.write(line)
    r = CliRunner().invoke(main, ["build", str(src), "-o", str(pages / "corpus"), "--format", "html", "-q", "--jobs", "2"])
    assert r.exit_code == 0, r.output
    return pages / "corpus" / "graph.html"


def test_explorer_at_corpus_size(browser, server, corpus_page):
    import time

    size = corpus_page.stat().st_size
    assert size < 15_000_000, size
    t0 = time.perf_counter()
    ctx, page, requests, dialogs = _open(browser, f"{server}/corpus/graph.html")
    try:
        opened = time.perf_counter() - t0
        total = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).nodes.length")
        drawn = page.evaluate("nodes.length")
        assert total > 5000 and drawn < total
        assert f"of {total} nodes drawn" in page.inner_text("#kg-note")
        # search finds a name that is not in the overview; its result draws it and opens its panel
        target = page.evaluate("""() => { const D = JSON.parse(document.getElementById('kg-data').textContent);
            const drawn = new Set(nodes.getIds());
            for (let i = 0; i < D.nodes.length; i++) {
              if (!drawn.has(i) && D.classes[D.nodes[i][0]] === 'Official' && (D.evidence[i] || []).length
                  && D.nodes[i][1].length >= 3) {
                const n = D.nodes[i][1];
                if (D.nodes.filter(x => x[1].indexOf(n) >= 0).length === 1) { return [i, n]; } } }
            return null; }""")
        assert target is not None
        node, name = target
        page.fill("#kg-search", name)
        page.wait_for_function("document.querySelectorAll('#kg-results button').length > 0")
        page.click("#kg-results button")
        assert page.evaluate(f"nodes.get({node}) !== null")
        assert page.inner_text("#kg-body h2") == name
        assert name in page.inner_text("#kg-body mark")
        assert "《" in page.inner_text("#kg-body .kg-doc")  # the document is named
        # expanding a hub draws its neighbours
        hub = page.evaluate("nodes.get().sort((a, b) => b.size - a.size)[0].id")
        before = page.evaluate("nodes.length")
        page.evaluate(f"kgExpand({hub})")
        assert page.evaluate("nodes.length") > before
        # a region filter shows that region and what is in it (its sub-regions too)
        page.fill("#kg-region", "重庆市")
        page.dispatch_event("#kg-region", "change")
        shown = page.evaluate("nodes.get().filter(n => !n.hidden).map(n => n.label)")
        assert "重庆市" in shown and len(shown) > 5
        assert dialogs == [] and page.evaluate("window.__pwned === undefined")
        assert all(u.startswith(server) for u in requests) and len(requests) == 1
        print(f"\nexplorer of {total} nodes: {size / 1e6:.1f} MB, opened in {opened:.1f} s")  # a figure, not a test
    finally:
        ctx.close()
