"""Every interchange format, read back by a real consumer: Oxigraph (Turtle, N-Triples, N-Quads,
TriG), pyld (JSON-LD), networkx (GraphML), the csv module (the CSV tables)."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace

from kg.export.graphml import to_graphml
from kg.export.jsonld import shipped_context
from kg.export.tables import safe_cell, to_tables
from kg.export.writers import export_store
from kg.flow import build
from kg.ontology import KG
from kg.store import build_store

from .conftest import SAMPLE, SHARED

XWLB = SHARED / "corpus" / "xwlb" / "xwlb_articles.jsonl"
ALL = ["ttl", "nt", "nq", "trig", "jsonld", "graphml", "csv", "html"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The sample and about 60 dated 新闻联播 items (when ../shared is here)."""
    d = tmp_path_factory.mktemp("in")
    rows = [{"id": "sample", "date": "2023-11-20", "text": SAMPLE.read_text(encoding="utf-8")}]
    if XWLB.exists():
        with XWLB.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % 400 == 7:
                    rows.append(json.loads(line))
    (d / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return d / "in.jsonl"


@pytest.fixture(scope="module")
def out(inputs, tmp_path_factory):
    o = tmp_path_factory.mktemp("out")
    res = build([inputs], o, ALL, jobs=1)
    return o, res


def _triples(data: bytes, fmt) -> set:
    return {(q.subject, q.predicate, q.object) for q in ox.parse(data, format=fmt)}


@pytest.fixture(scope="module")
def turtle(out):
    o, _res = out
    return _triples((o / "graph.ttl").read_bytes(), ox.RdfFormat.TURTLE)


def test_ntriples_is_the_turtle_graph_sorted_one_triple_a_line(out, turtle):
    o, res = out
    data = (o / "graph.nt").read_bytes()
    assert _triples(data, ox.RdfFormat.N_TRIPLES) == turtle
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == res.triples == len(turtle)  # one triple a line, each once


def test_trig_has_a_named_graph_per_document_the_same_as_the_quads(out, turtle):
    o, res = out
    trig = {(q.subject, q.predicate, q.object, q.graph_name) for q in
            ox.parse((o / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG)}
    nq = set()
    for shard in sorted((o / "nq").glob("*.nq")):
        nq |= {(q.subject, q.predicate, q.object, q.graph_name) for q in
               ox.parse(shard.read_bytes(), format=ox.RdfFormat.N_QUADS)}
    assert trig == nq
    graphs = {g for *_t, g in trig}
    assert len(graphs) == res.documents and all(isinstance(g, ox.NamedNode) for g in graphs)
    assert {t[:3] for t in trig} <= turtle


def test_jsonld_expands_to_the_same_triples_with_no_remote_context(out, turtle):
    pyld = pytest.importorskip("pyld")
    from pyld import jsonld

    def no_network(url, options=None):
        raise AssertionError(f"JSON-LD processing fetched {url}")

    jsonld.set_document_loader(no_network)
    o, _res = out
    doc = json.loads((o / "graph.jsonld").read_text(encoding="utf-8"))
    assert all(isinstance(c, dict) for c in doc["@context"])  # embedded, never a URL
    assert doc["@context"][0] == shipped_context() and shipped_context()["@language"] == "zh"
    node = next(n for n in doc["@graph"] if "kg:Official" in n.get("@type", []))
    assert node["@id"].startswith("official:") and isinstance(node["rdfs:label"][0], str)  # compact, zh by default
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    assert _triples(nquads.encode("utf-8"), ox.RdfFormat.N_QUADS) == turtle
    assert pyld.__name__ == "pyld"


def test_graphml_opens_in_networkx_and_carries_every_node(out, turtle):
    o, _res = out
    G = nx.read_graphml(o / "graph.graphml")
    typed = {s.value for s, p, obj in turtle if p.value == str(RDF.type) and obj.value.startswith(str(KG))
             and obj.value != str(KG.Section)}
    assert set(G.nodes) == typed
    official = next(n for n, d in G.nodes(data=True) if d["class"] == "Official" and d.get("label") == "李应兰")
    assert G.nodes[official]["region"] == "江津区"
    assert [G.nodes[m]["class"] for m in G.successors(official) if G.edges[official, m]["label"] == "holdsPosition"] \
        == ["Position"]
    assert {d["label"] for _a, _b, d in G.edges(data=True)} >= {"holdsPosition", "inRegion", "document"}
    assert all(G.nodes[n]["degree"] == G.degree(n) for n in list(G.nodes)[:500])


def _csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_tables_hold_every_post_figure_and_entity(out, turtle):
    o, _res = out
    officials = _csv(o / "csv" / "officials.csv")
    held = [t for t in turtle if t[1].value in (str(KG.holdsPosition), str(KG.formerPosition))]
    assert len(officials) == len(held)
    row = next(r for r in officials if r["official"] == "李应兰")
    assert (row["title"], row["region"], row["status"]) == ("区委书记", "江津区", "held")
    assert row["first_seen"] == row["last_seen"] == "2023-11-20" and row["evidence"]
    obs = _csv(o / "csv" / "observations.csv")
    assert len(obs) == sum(1 for t in turtle if t[1].value == str(RDF.type) and t[2].value == str(KG.Observation))
    gdp = next(r for r in obs if r["region"] == "重庆高新区" and r["indicator"] == "GDP")
    assert (gdp["value"], gdp["unit"], gdp["period"], gdp["measure"]) == ("8.6", "%", "前三季度", "growth")
    ents = _csv(o / "csv" / "entities.csv")
    assert {"Official", "Company", "Project", "Initiative", "District"} <= {r["class"] for r in ents}


EX = Namespace("https://example.org/id/")


def test_tables_and_graphml_keep_hostile_text_inert():
    g = Graph()
    off, post, reg = EX["official/x"], EX["position/x"], EX["region/r"]
    g.add((off, RDF.type, KG.Official))
    g.add((off, RDFS.label, Literal("=HYPERLINK(\"http://evil\",\"x\")", lang="zh")))
    g.add((off, KG.holdsPosition, post))
    g.add((post, RDF.type, KG.Position))
    g.add((post, RDFS.label, Literal("@SUM(1+1)", lang="zh")))
    g.add((post, KG.title, Literal("-2+3", lang="zh")))
    g.add((post, KG.inRegion, reg))
    g.add((reg, RDF.type, KG.Region))
    g.add((reg, RDFS.label, Literal("</graphml><x a='1'>&\x01\ud800", lang="zh")))
    (row,) = list(csv.DictReader(io.StringIO(to_tables(g)["officials.csv"].lstrip("\ufeff"))))
    assert row["official"].startswith("'=") and row["post"].startswith("'@") and row["title"].startswith("'-")
    G = nx.read_graphml(io.BytesIO(to_graphml(g).encode("utf-8")))
    assert G.nodes[str(reg)]["label"] == "</graphml><x a='1'>&"
    assert G.nodes[str(post)]["region"] == "</graphml><x a='1'>&"


@pytest.mark.parametrize("value,expected", [("=1", "'=1"), ("+1", "'+1"), ("-1", "-1"), ("-1.5e3", "-1.5e3"),
                                            ("-x", "'-x"), ("@x", "'@x"), ("x=1", "x=1"), ("", "")])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_export_from_a_store_writes_the_same_graph(inputs, out, tmp_path, turtle):
    o, res = out
    build_store([inputs], tmp_path / "st")
    dst = tmp_path / "x"
    dst.mkdir()
    got = export_store(tmp_path / "st", dst, ALL)
    assert got.documents == res.documents
    # a store holds each document's graph; the first and last dates of a post come from its documents
    seen = {str(KG.firstSeen), str(KG.lastSeen)}
    assert any(t[1].value in seen for t in turtle)
    assert _triples((dst / "graph.ttl").read_bytes(), ox.RdfFormat.TURTLE) == {t for t in turtle if t[1].value not in seen}
    assert _triples((dst / "graph.nt").read_bytes(), ox.RdfFormat.N_TRIPLES) == \
        _triples((dst / "graph.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    assert (dst / "csv" / "officials.csv").read_bytes() == (o / "csv" / "officials.csv").read_bytes()
    trig = {(q.subject, q.predicate, q.object, q.graph_name) for q in
            ox.parse((dst / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG)}
    assert len({q[3] for q in trig}) == res.documents
    assert nx.read_graphml(dst / "graph.graphml").number_of_nodes() == \
        nx.read_graphml(o / "graph.graphml").number_of_nodes()


def test_small_path_renderers_give_the_graph(sample_graph):
    """kg.export's pure renderers (for an rdflib Graph, as kg.build returns) give the same triples."""
    from pyld import jsonld

    from kg.export import RENDERERS
    from kg.store import to_ox

    want = set(to_ox(sample_graph))
    doc = json.loads(RENDERERS["jsonld"](sample_graph))
    got = _triples(jsonld.to_rdf(doc, {"format": "application/n-quads"}).encode("utf-8"), ox.RdfFormat.N_QUADS)
    assert got == want
    G = nx.read_graphml(io.BytesIO(RENDERERS["graphml"](sample_graph).encode("utf-8")))
    assert G.number_of_nodes() == len({s for s, _p, o in want if _p.value == str(RDF.type)
                                       and o.value != str(KG.Section)})
