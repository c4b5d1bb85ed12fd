"""The graph kg writes passes the SHACL shapes in ontology/shapes.ttl (pyshacl, RDFS inference)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.ontology import KG, load_ontology, ontology_dir

pyshacl = pytest.importorskip("pyshacl")


def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def validate(g: Graph) -> tuple[bool, str]:
    conforms, _report, text = pyshacl.validate(g, shacl_graph=shapes(), ont_graph=load_ontology(),
                                               inference="rdfs", advanced=True)
    return conforms, text


def test_sample_graph_conforms(sample_graph):
    conforms, text = validate(sample_graph)
    assert conforms, text[:2000]


def test_a_broken_graph_does_not(sample_graph):
    g = Graph()
    for t in sample_graph:
        g.add(t)
    obs = next(g.subjects(predicate=KG.value))
    g.remove((obs, KG.value, None))
    g.add((obs, KG.measure, URIRef("https://w3id.org/kg-cn/ontology#growth")))
    g.add((obs, KG.measure, URIRef("https://w3id.org/kg-cn/ontology#level")))
    conforms, text = validate(g)
    assert not conforms
    assert "value" in text and "measure" in text
