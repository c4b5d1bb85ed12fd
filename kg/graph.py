"""Entities and facts to RDF (rdflib), under the kg ontology.

``to_graph`` is pure: it returns a new rdflib Graph. The default store is rdflib's
in-memory one; ``store="oxigraph"`` puts the graph in an Oxigraph store (oxrdflib) for
large corpora and fast SPARQL.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.errors import ConfigError
from kg.model import OFFICIAL, REGION
from kg.ontology import KG, NS
from kg.resolve import Resolver

PROV = Namespace("http://www.w3.org/ns/prov#")
STORES = ("memory", "oxigraph")

_LEVEL_CLASS = {"country": KG.Country, "province": KG.Province, "prefecture": KG.City,
                "county": KG.District, "zone": KG.Zone, "village": KG.Region}
_MEASURE = {"growth": KG.growth, "level": KG.level, "count": KG.count, "share": KG.share}
_LINK_PRED = {"Project": KG.locatedIn, "Company": KG.locatedIn, "Initiative": KG.implementedIn}


def new_graph(store: str = "memory") -> Graph:
    """Return an empty graph with the project's prefixes bound.

    Raises:
        ConfigError: for an unknown store name.
    """
    if store == "memory":
        g = Graph()
    elif store == "oxigraph":
        g = Graph(store="Oxigraph")
    else:
        raise ConfigError(f"unknown store {store!r}; choose one of: {', '.join(STORES)}")
    g.bind("kg", Namespace(NS))
    g.bind("skos", SKOS)
    g.bind("prov", PROV)
    g.bind("xsd", XSD)
    return g


def _zh(s: str) -> Literal:
    return Literal(s, lang="zh")


def to_graph(res: Resolver, store: str = "memory") -> Graph:
    """Return the RDF graph of everything the resolver holds."""
    res.finalize()
    g = new_graph(store)
    g.bind("kgr", Namespace(res.base))
    add = g.add
    gaz = res.gaz

    # documents and sections
    for doc_id, rec in res.docs.items():
        d = URIRef(res.doc_iri(doc_id))
        add((d, RDF.type, KG.Document))
        add((d, RDFS.label, Literal(rec.doc.title or Path(rec.doc.source).name or doc_id)))
        add((d, KG.source, Literal(rec.doc.source)))
        import hashlib

        add((d, KG.sha256, Literal(hashlib.sha256(rec.doc.text.encode("utf-8", "surrogatepass")).hexdigest())))
        for sec in rec.sections:
            s = URIRef(res.section_iri(doc_id, sec.index))
            add((s, RDF.type, KG.Section))
            add((s, KG.partOf, d))
            add((s, KG.document, d))
            add((s, KG.startOffset, Literal(sec.start)))
            add((s, KG.endOffset, Literal(sec.end)))
            if sec.heading:
                add((s, KG.heading, _zh(sec.heading)))
                add((s, RDFS.label, _zh(sec.heading)))
            else:
                add((s, RDFS.label, Literal(f"{rec.doc.title or doc_id} §{sec.index}")))
            if sec.speaker:
                add((s, KG.speaker, URIRef(res.iri(OFFICIAL, res.canonical(OFFICIAL, sec.speaker)))))
            reg = rec.section_regions.get(sec.index)
            if reg:
                add((s, KG.sectionRegion, URIRef(res.iri(REGION, reg))))

    # regions: every region used, with its parents
    for key in sorted(res.regions_used | {k for c, k in res.entities if c == REGION}):
        r = gaz.get(key)
        if r is None:
            continue
        n = URIRef(res.iri(REGION, key))
        add((n, RDF.type, _LEVEL_CLASS[r.level]))
        add((n, RDFS.label, _zh(r.name)))
        for f in r.short:
            add((n, SKOS.altLabel, _zh(f)))
        if key[:1].isdigit():
            add((n, KG.adminCode, Literal(key)))
        add((n, KG.adminLevel, Literal(r.level)))
        if r.parent:
            add((n, KG.partOf, URIRef(res.iri(REGION, r.parent))))

    # entities
    for (cls, _key), ent in sorted(res.entities.items()):
        n = URIRef(ent.iri)
        if cls != REGION:
            add((n, RDF.type, getattr(KG, cls)))
            add((n, RDFS.label, _zh(ent.label)))
        for a in sorted(ent.aliases):
            if a != ent.label:
                add((n, SKOS.altLabel, _zh(a)))
        for doc_id, idx in sorted(ent.sections):
            add((n, KG.mentionedIn, URIRef(res.section_iri(doc_id, idx))))
            add((n, KG.document, URIRef(res.doc_iri(doc_id))))
        if cls != REGION:
            for _doc_id, (_s, _e, sent) in sorted(ent.evidence.items()):
                add((n, KG.evidence, _zh(sent)))

    # positions
    for piri, (off, label, title, region, doc_id, s, e, ev) in sorted(res.posts.items()):
        p = URIRef(piri)
        o = URIRef(res.iri(OFFICIAL, res.canonical(OFFICIAL, off)))
        add((o, KG.holdsPosition, p))
        add((p, RDF.type, KG.Position))
        add((p, RDFS.label, _zh(label if gaz.get(region) is None or label.startswith(gaz[region].name) else label)))
        add((p, KG.title, _zh(title)))
        add((p, KG.inRegion, URIRef(res.iri(REGION, region))))
        add((p, KG.document, URIRef(res.doc_iri(doc_id))))
        add((p, KG.evidence, _zh(ev)))
        add((p, KG.startOffset, Literal(s)))
        add((p, KG.endOffset, Literal(e)))

    # observations
    for oid, (ob, doc_id, sec, ev) in sorted(res.observations.items()):
        n = URIRef(oid)
        add((n, RDF.type, KG.Observation))
        region = gaz.get(ob.region)
        add((n, RDFS.label, _zh(f"{region.name if region else ob.region} {ob.indicator} {ob.text}")))
        add((n, KG.region, URIRef(res.iri(REGION, ob.region))))
        add((n, KG.indicator, _zh(ob.indicator)))
        add((n, KG.value, Literal(_decimal(ob.value), datatype=XSD.decimal)))
        add((n, KG.unit, Literal(ob.unit)))
        add((n, KG.measure, _MEASURE[ob.measure]))
        if ob.period:
            add((n, KG.period, _zh(ob.period)))
        add((n, KG.evidence, _zh(ev)))
        add((n, KG.startOffset, Literal(ob.start)))
        add((n, KG.endOffset, Literal(ob.end)))
        add((n, KG.mentionedIn, URIRef(res.section_iri(doc_id, sec))))
        add((n, KG.document, URIRef(res.doc_iri(doc_id))))

    # attributions and links
    for cls, key, region in sorted(res.attributions):
        if (cls, key) in res.entities:
            add((URIRef(res.iri(cls, key)), _LINK_PRED[cls], URIRef(res.iri(REGION, region))))
    for cls, key, cls2, key2 in sorted(res.links):
        if (cls, key) in res.entities and (cls2, key2) in res.entities:
            add((URIRef(res.iri(cls, key)), KG.company, URIRef(res.iri(cls2, key2))))
    return g


def _decimal(v: float) -> Decimal:
    d = Decimal(repr(float(v)))
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
