from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, URIRef

from kg.ontology import KG, NS, load_ontology, ontology_dir

CONTRACT = ["Official", "Position", "Region", "Company", "Project", "Initiative", "Observation",
            "holdsPosition", "title", "inRegion", "region", "indicator", "value", "unit", "speaker"]


def defined_terms() -> set[str]:
    g = load_ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype, KG.MeasureType)
    return {str(s)[len(NS):] for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}


def test_code_and_ontology_in_step():
    code = {n for n in KG.__annotations__}
    assert code == defined_terms()


@pytest.mark.parametrize("name", CONTRACT)
def test_contract_terms_defined(name):
    assert name in defined_terms()


def test_typo_fails():
    with pytest.raises(AttributeError):
        KG.Oficial  # noqa: B018


@pytest.mark.parametrize("term", sorted(defined_terms()))
def test_every_term_has_zh_en_labels_and_comment(term):
    g = load_ontology()
    s = URIRef(NS + term)
    langs = {lab.language for lab in g.objects(s, RDFS.label)}
    assert {"zh", "en"} <= langs
    assert list(g.objects(s, RDFS.comment))


@pytest.mark.parametrize("term", sorted(t for t in defined_terms() if t[0].isupper() and t not in ("MeasureType", "ReportDate")))
def test_every_class_is_aligned(term):
    g = load_ontology()
    parents = set(g.objects(URIRef(NS + term), RDFS.subClassOf))
    assert parents, f"{term} has no superclass"


def test_district_is_a_region():
    g = load_ontology()
    assert (KG.District, RDFS.subClassOf, KG.Region) in g


def test_ontology_is_packaged():
    assert (ontology_dir() / "kg.ttl").is_file()


@pytest.mark.parametrize("term", sorted(t for t in defined_terms() if t[0].islower()
                                        and t not in ("growth", "level", "count", "share")))
def test_every_property_has_domain_and_range(term):
    g = load_ontology()
    s = URIRef(NS + term)
    assert list(g.objects(s, RDFS.domain)), f"{term} has no rdfs:domain"
    assert list(g.objects(s, RDFS.range)), f"{term} has no rdfs:range"
