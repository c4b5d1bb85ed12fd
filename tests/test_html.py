"""The HTML view: self-contained, escaped, and carrying the data (a real browser test lives in test_browser.py)."""

from __future__ import annotations

import re

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.export.html import to_html, to_vis_data
from kg.ontology import KG


def test_offline_no_external_resources(sample_out):
    page = (sample_out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert "vis-network" in page or "vis.Network" in page
    assert "legend" in page


def test_nodes_coloured_and_sized(sample_graph):
    data = to_vis_data(sample_graph)
    assert len(data["nodes"]) > 100
    assert {n["group"] for n in data["nodes"]} >= {"Official", "Region", "Project", "Company", "Initiative"}
    sizes = sorted(n["size"] for n in data["nodes"])
    assert sizes[-1] > 3 * sizes[0]  # hubs (regions) drawn larger than leaves


def test_input_text_is_escaped():
    g = Graph()
    n = URIRef("https://w3id.org/kg-cn/id/project/x")
    g.add((n, RDF.type, KG.Project))
    g.add((n, RDFS.label, Literal('</script><script>alert(1)</script><a href="javascript:x">', lang="zh")))
    r = URIRef("https://w3id.org/kg-cn/id/region/500000")
    g.add((r, RDF.type, KG.Province))
    g.add((r, RDFS.label, Literal("重庆市", lang="zh")))
    g.add((n, KG.locatedIn, r))
    page = to_html(g)
    assert "<script>alert(1)" not in page
    assert "</script><script>" not in page.split("<body>", 1)[1].replace("</script>\n<script", "")
    assert 'href="javascript' not in page


def test_large_graphs_keep_the_most_connected_nodes(sample_graph):
    data = to_vis_data(sample_graph, max_nodes=20)
    assert len(data["nodes"]) == 20 and data["total"] > 20
    full = to_vis_data(sample_graph)
    top = sorted(full["nodes"], key=lambda n: -n["size"])[0]
    assert top["label"] in {n["label"] for n in data["nodes"]}
    page = to_html(sample_graph)
    assert "most connected" not in page


def _tricky_data(sample_graph):
    data = to_vis_data(sample_graph)
    nodes = [dict(n) for n in data["nodes"]]
    nodes.append(dict(nodes[0], group="Project", size=99))  # the same id again: pyvis keeps the first, takes the class
    nodes[1]["title"] = '<a href="x">link</a>'  # a title holding "href" turns pyvis's link tooltips on
    nodes[2]["label"] = ""  # no label: pyvis shows the id
    return {**data, "nodes": nodes}


def test_page_is_the_one_pyvis_writes(sample_graph, tmp_path, monkeypatch):
    """The page is rendered from pyvis's template without its Network class: the same bytes."""
    from kg.export import html

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    for data in (to_vis_data(sample_graph), _tricky_data(sample_graph)):
        want = html._pyvis_network_page(data)
        assert html._pyvis_page(data) == want
        assert html._pyvis_page(data) == want  # again, from jinja2's cached templates
    monkeypatch.setattr(html, "_PYVIS_CHECKED", ())
    assert html._pyvis_page(data) == want  # an unchecked pyvis version: pyvis itself
