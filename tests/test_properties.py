"""Property-based tests (hypothesis) over arbitrary Unicode text and arbitrary bytes.

Whatever the input: the build never raises anything but a reported InputError, the
Turtle parses back in Oxigraph and rdflib to exactly the graph's triples, the output is
deterministic, and nothing from the input can open or close an element in the view.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.cli import main
from kg.errors import InputError

from .test_reliability import oxigraph_triples

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# pieces that make the extractors fire, mixed with any code point at all (surrogates,
# controls, bidi marks, private use, unassigned ...)
WORDS = ["江津区", "永川区", "重庆市", "区委书记 ", "区长 ", "李应兰", "王五", "GDP增长", "7.6%", "８．６％", "个",
         "有限公司", "码头", "项目", "“", "”", "，", "。", "\n", "\n\n", "\r\n", " ", "江津區", "書記", "<script>",
         "</script>", '"', "\\", "href", "javascript:", "\u200b", "\u202e", "\ufeff", "\x00", "🙂"]
ANY_CHAR = st.characters(exclude_categories=())
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(ANY_CHAR, max_size=4)), max_size=40).map("".join)


def _turtle_sound(g: Graph, ttl: str) -> None:
    data = ttl.encode("utf-8")
    assert oxigraph_triples(data) == set(g)
    assert set(Graph().parse(data=ttl, format="turtle")) == set(g)
    for s in g.subjects():
        pyoxigraph.NamedNode(str(s))


def _build(path: Path):
    from kg.flow import build_graph

    errors: list[str] = []
    try:
        res = build_graph([path], on_error=lambda e: errors.append(str(e)))
    except InputError:
        return None, errors
    return res.graph, errors


@SETTINGS
@given(text=TEXT)
def test_any_text_builds_and_round_trips(tmp_path_factory, text):
    from kg.export.turtle import render
    from kg.text import clean

    c = clean(text)
    assert len(c.offsets) == len(c.text)
    for i in range(len(c.text)):
        assert 0 <= c.offsets[i] < len(text)
    f = tmp_path_factory.mktemp("t") / "a.jsonl"
    f.write_text(json.dumps({"id": "p1", "title": text[:30], "text": text}) + "\n", encoding="utf-8")
    g, errors = _build(f)
    if g is None:
        assert errors and all(e.startswith(str(f)) for e in errors)
        return
    ttl = render(g)
    _turtle_sound(g, ttl)
    assert render(g) == ttl
    g2, _ = _build(f)
    assert render(g2) == ttl


PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html><body>", b'{"text": "', b"\x89PNG\r\n\x1a\n",
            "江津区委书记 李应兰\n".encode(), "江津区".encode("gbk"), b"PK\x03\x04"]
SUFFIXES = [".txt", ".html", ".jsonl", ".json", ""]


@settings(SETTINGS, max_examples=80)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_a_graph_or_one_line_per_problem(tmp_path_factory, prefix, body, suffix):
    tmp = tmp_path_factory.mktemp("b")
    f = tmp / f"in{suffix}"
    f.write_bytes(prefix + body)
    r = CliRunner().invoke(main, ["build", str(f), "-o", str(tmp / "out"), "-q"])
    assert r.exit_code in (0, 1), r.output
    assert "Traceback" not in r.output and "internal error" not in r.output
    for line in r.output.splitlines():
        assert line.startswith(f"kg: error: {f}"), line
    if r.exit_code == 0 or (tmp / "out" / "graph.ttl").exists():
        data = (tmp / "out" / "graph.ttl").read_bytes()
        assert set(Graph().parse(data=data.decode("utf-8"), format="turtle")) == oxigraph_triples(data)


@settings(SETTINGS, max_examples=100)
@given(names=st.lists(TEXT, min_size=1, max_size=4))
def test_view_shows_any_name_as_text(names):
    """Whatever a name holds, the page has the same script elements and shows the name as data."""
    from rdflib import RDF, RDFS, Literal, URIRef

    from kg.export.html import to_html, to_vis_data
    from kg.ontology import KG

    g = Graph()
    region = URIRef("https://w3id.org/kg-cn/id/region/500116")
    g.add((region, RDF.type, KG.District))
    g.add((region, RDFS.label, Literal("江津区", lang="zh")))
    for i, name in enumerate(names):
        n = URIRef(f"https://w3id.org/kg-cn/id/project/p{i}")
        g.add((n, RDF.type, KG.Project))
        g.add((n, RDFS.label, Literal(name, lang="zh")))
        g.add((n, KG.evidence, Literal(name + "。", lang="zh")))
        g.add((n, KG.locatedIn, region))
    page = to_html(g)
    assert page.count("<script") == BASELINE["<script"]
    assert page.count("</script") == BASELINE["</script"]
    assert "popup.innerHTML" not in page  # pyvis's innerHTML tooltips stay off
    data = to_vis_data(g)
    for node in data["nodes"]:
        assert not re.search("href", node["title"], re.I)
        assert node["label"] and node["label"].replace("\u2060", "").isprintable()
        assert all(c.isprintable() or c in "\n \u2060" for c in node["title"])
    nodes_json = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1)
    # the page carries the class as kgClass (vis's own "group" would repaint the node)
    want = [{**{k: v for k, v in n.items() if k != "group"}, "kgClass": n["group"], "shape": "dot"} for n in data["nodes"]]
    assert json.loads(nodes_json) == want


def _baseline() -> dict[str, int]:
    from rdflib import RDF, RDFS, Literal, URIRef

    from kg.export.html import to_html
    from kg.ontology import KG

    g = Graph()
    n = URIRef("https://w3id.org/kg-cn/id/region/500116")
    g.add((n, RDF.type, KG.District))
    g.add((n, RDFS.label, Literal("江津区", lang="zh")))
    page = to_html(g)
    return {"<script": page.count("<script"), "</script": page.count("</script")}


BASELINE = _baseline()
