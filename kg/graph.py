"""The emit step: the entity table and the document records to RDF triples, under the kg ontology.

Two kinds of triples, so a corpus is written without a whole-corpus graph in memory:

- **table triples** (``Emitter.table``): what is the same in every document: an entity's class,
  label and aliases, a position's title and region, a region's name, code and parent;
- **document triples** (``Emitter.document``): what one document states: the document and its
  sections, where each entity is mentioned and the sentence, posts held with their evidence,
  figures, attributions. With ``self_contained=True`` a document's triples also repeat the table
  triples of what it names, so its named graph (N-Quads, the store) stands on its own.

The merged graph is the table triples plus every document's triples (a set, so a triple stated
twice is one). ``to_graph`` builds it as an rdflib Graph for one article or a small set;
``kg.build`` streams the same triples into the writers instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import rdflib
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import SKOS as _SKOS

from kg.errors import ConfigError
from kg.model import OFFICIAL, REGION, DocRecord
from kg.ontology import KG, NS
from kg.resolve import Resolver, held_posts

PROV = Namespace("http://www.w3.org/ns/prov#")
# the terms of rdflib's namespaces the emitter writes, read once: a DefinedNamespace resolves every
# attribute access in __getattr__ (15 µs; an emit reads hundreds of thousands)
RDF = SimpleNamespace(type=rdflib.RDF.type)
RDFS = SimpleNamespace(label=rdflib.RDFS.label)
SKOS = SimpleNamespace(altLabel=_SKOS.altLabel, hiddenLabel=_SKOS.hiddenLabel)
XSD = SimpleNamespace(date=rdflib.XSD.date, gYearMonth=rdflib.XSD.gYearMonth, gYear=rdflib.XSD.gYear,
                      decimal=rdflib.XSD.decimal)
DCTERMS = SimpleNamespace(date=_DCTERMS.date)
STORES = ("memory", "oxigraph")
Triple = tuple[URIRef, URIRef, URIRef | Literal]

_LEVEL_CLASS = {"country": KG.Country, "province": KG.Province, "prefecture": KG.City,
                "county": KG.District, "zone": KG.Zone, "village": KG.Region, "foreign": KG.Country}
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
    g.bind("skos", _SKOS)
    g.bind("prov", PROV)
    g.bind("xsd", rdflib.XSD)
    return g


# rdflib's Literal() costs some 30 µs (it validates and casts); an emit makes hundreds of thousands,
# most of them again and again (offsets, labels, units, dates, a sentence that is the evidence of
# several things): made once per process and shared (a Literal is immutable), the caches bounded
_LITERALS: dict[tuple[str, object], Literal] = {}
_LITERALS_MAX = 50_000


def _cached(kind: str, value: object, make) -> Literal:  # make: Callable[[], Literal]
    k = (kind, value)
    lit = _LITERALS.get(k)
    if lit is None:
        if len(_LITERALS) >= _LITERALS_MAX:
            _LITERALS.clear()
        lit = _LITERALS[k] = make()
    return lit


def _zh(s: str) -> Literal:
    return _cached("zh", s, lambda: Literal(s, lang="zh"))


def _plain(s: str) -> Literal:
    """A plain literal (xsd:string)."""
    return _cached("s", s, lambda: Literal(s))


def _int(n: int) -> Literal:
    """An xsd:integer literal."""
    if type(n) is not int:  # (True == 1 as a key: only ints share)
        return Literal(n)
    return _cached("i", n, lambda: Literal(n))


def _date(d: str) -> Literal:
    """A YYYY-MM-DD, YYYY-MM or YYYY date as xsd:date, xsd:gYearMonth or xsd:gYear."""
    return _cached("d", d, lambda: Literal(d, datatype=XSD.date if len(d) == 10 else XSD.gYearMonth
                                           if len(d) == 7 else XSD.gYear))


class Emitter:
    """Triples of a finalized resolver's table and of its documents' records."""

    def __init__(self, res: Resolver):
        res.finalize()
        self.res = res
        self._regions_done: set[str] = set()
        self._made: dict[tuple, list[Triple]] = {}  # table triples made for documents' own graphs
        self.attributions: set[tuple[str, str, str]] = set()  # distinct (class, key, region), for the summary

    # ------------------------------------------------------------ table
    def table(self) -> Iterator[Triple]:
        """Yield every table triple: regions used (with their parents), entities, posts."""
        res = self.res
        for key in sorted(res.regions_used | {k for c, k in res.entities if c == REGION}):
            yield from self.region(key)
        for (cls, key) in sorted(res.entities):
            yield from self.entity(cls, key)
        for piri in sorted(res.posts):
            yield from self.position(piri)

    def region(self, key: str) -> Iterator[Triple]:
        """A region's name, code, level and parent. Only a region that a text names, or that a
        fact is tied to, is typed kg:Region (its level's class); the regions above it are there
        by name and code, untyped, so a query can climb the chain without the graph claiming
        that the text names them."""
        r = self.res.gaz.get(key)
        if r is None:
            return
        n = URIRef(self.res.iri(REGION, key))
        if (REGION, key) in self.res.entities:
            yield n, RDF.type, _LEVEL_CLASS[r.level]
            if r.level == "country":
                yield n, RDF.type, KG.Region  # 中国: a country and the national level of the regions
        yield n, RDFS.label, _zh(r.name)
        # another country's other names are the dictionary's (美利坚合众国 for 美国), not forms a
        # text used: hidden labels, found by a search, never shown in place of its name
        alt = SKOS.hiddenLabel if r.foreign else SKOS.altLabel
        for f in r.short:
            yield n, alt, _zh(f)
        if key[:1].isdigit():
            yield n, KG.adminCode, Literal(key)
        yield n, KG.adminLevel, Literal(r.level)
        if r.parent:
            yield n, KG.partOf, URIRef(self.res.iri(REGION, r.parent))

    def entity(self, cls: str, key: str) -> Iterator[Triple]:
        ent = self.res.entities[(cls, key)]
        n = URIRef(ent.iri)
        if cls != REGION:
            # an official the texts report with no post held now (only 原…, 前…) is a person
            yield n, RDF.type, KG.Person if cls == OFFICIAL and key in self.res.former_only else getattr(KG, cls)
            yield n, RDFS.label, _zh(ent.label)
        for a in sorted(ent.aliases):
            if a != ent.label:
                yield n, SKOS.altLabel, _zh(a)

    def position(self, piri: str, dates: bool = True) -> Iterator[Triple]:
        """A post's table triples; with ``dates``, the first and last date it was reported (the
        merged graph has them; a document's own graph, as a store holds it, does not: a store that
        grows document by document reads them from its documents' dcterms:date at query time)."""
        row = self.res.posts[piri]
        p = URIRef(piri)
        yield p, RDF.type, KG.Position
        yield p, RDFS.label, _zh(row.label)
        yield p, KG.title, _zh(row.title)
        yield p, KG.inRegion, URIRef(self.res.iri(REGION, row.region))
        if dates and row.dates:
            yield p, KG.firstSeen, _date(min(row.dates))
            yield p, KG.lastSeen, _date(max(row.dates))

    def _shared(self, kind: str, *args: object) -> list[Triple]:
        """The table triples of a region, entity or post (``kind`` names the method), made once per
        emitter: each document's own graph repeats those of what it names."""
        k = (kind, *args)
        got = self._made.get(k)
        if got is None:
            got = self._made[k] = list(getattr(self, kind)(*args))
        return got

    # ------------------------------------------------------------ documents
    def document(self, rec: DocRecord, self_contained: bool = False) -> Iterator[Triple]:
        """Yield the triples document ``rec`` states (and, if ``self_contained``, the table
        triples of the entities, posts and regions it names)."""
        res = self.res
        d = URIRef(res.doc_iri(rec.id))
        yield d, RDF.type, KG.Document
        yield d, RDFS.label, Literal(rec.title or Path(rec.source).name or rec.id)
        yield d, KG.source, Literal(rec.source)
        yield d, KG.sha256, Literal(rec.sha256)
        date = res.doc_dates.get(rec.id)
        if date:
            yield d, DCTERMS.date, _date(date)
        regions = dict(rec.section_regions)
        for sec in rec.sections:
            s = URIRef(res.section_iri(rec.id, sec.index))
            yield s, RDF.type, KG.Section
            yield s, KG.partOf, d
            yield s, KG.document, d
            yield s, KG.startOffset, _int(sec.start)
            yield s, KG.endOffset, _int(sec.end)
            if sec.heading:
                yield s, KG.heading, _zh(sec.heading)
                yield s, RDFS.label, _zh(sec.heading)
            else:
                yield s, RDFS.label, Literal(f"{rec.title or rec.id} §{sec.index}")
            if sec.speaker:
                yield s, KG.speaker, URIRef(res.iri(OFFICIAL, res.key(OFFICIAL, sec.speaker, rec.id)))
            reg = regions.get(sec.index)
            if reg:
                yield s, KG.sectionRegion, URIRef(res.iri(REGION, reg))
        used_regions: set[str] = set()
        for e in rec.entities:
            key = res.key(e.cls, e.key, rec.id)
            n = URIRef(res.iri(e.cls, key))
            if self_contained:
                if e.cls == REGION:
                    used_regions.add(key)
                yield from self._shared("entity", e.cls, key)
            for idx in e.sections:
                yield n, KG.mentionedIn, URIRef(res.section_iri(rec.id, idx))
            if e.sections:
                yield n, KG.document, d
            if e.cls != REGION and e.evidence != (0, 0) or e.cls == OFFICIAL:
                yield n, KG.evidence, _zh(rec.sentence(*e.evidence))
        seen_posts: set[str] = set()
        for p, former in held_posts(rec):
            off = res.key(OFFICIAL, p.official, rec.id)
            piri = res.position_iri(off, p.region, p.title, former)
            if piri in seen_posts:
                continue
            seen_posts.add(piri)
            if self_contained:
                used_regions.add(p.region)
                yield from self._shared("position", piri, False)
            pn = URIRef(piri)
            yield URIRef(res.iri(OFFICIAL, off)), KG.formerPosition if former else KG.holdsPosition, pn
            yield pn, KG.document, d
            yield pn, KG.evidence, _zh(rec.sentence(p.start, p.end))
            yield pn, KG.startOffset, _int(p.start)
            yield pn, KG.endOffset, _int(p.end)
        section_of = _section_finder(rec)
        for ob in rec.observations:
            n = URIRef(res.observation_iri(rec.id, ob.region, ob.indicator, ob.value, ob.unit, ob.start))
            region = res.gaz.get(ob.region)
            yield n, RDF.type, KG.Observation
            yield n, RDFS.label, _zh(f"{region.name if region else ob.region} {ob.indicator} {ob.text}")
            yield n, KG.region, URIRef(res.iri(REGION, ob.region))
            yield n, KG.indicator, _zh(ob.indicator)
            yield n, KG.value, _value(ob.value)
            yield n, KG.unit, _plain(ob.unit)
            yield n, KG.measure, _MEASURE[ob.measure]
            if ob.period:
                yield n, KG.period, _zh(ob.period)
            yield n, KG.evidence, _zh(rec.sentence(ob.start, ob.end))
            yield n, KG.startOffset, _int(ob.start)
            yield n, KG.endOffset, _int(ob.end)
            yield n, KG.mentionedIn, URIRef(res.section_iri(rec.id, section_of(ob.start)))
            yield n, KG.document, d
            used_regions.add(ob.region)
        for a in rec.attributions:
            key = res.key(a.cls, a.key)
            if (a.cls, key) in res.entities:
                self.attributions.add((a.cls, key, a.region))
                yield URIRef(res.iri(a.cls, key)), _LINK_PRED[a.cls], URIRef(res.iri(REGION, a.region))
                used_regions.add(a.region)
        for c1, k1, c2, k2 in rec.links:
            k1, k2 = res.key(c1, k1), res.key(c2, k2)
            if (c1, k1) in res.entities and (c2, k2) in res.entities:
                yield URIRef(res.iri(c1, k1)), KG.company, URIRef(res.iri(c2, k2))
        if self_contained:
            used_regions.update(regions.values())
            chain = {r.key for k in used_regions for r in res.gaz.ancestors(k)}
            for key in sorted(chain):
                yield from self._shared("region", key)


def _section_finder(rec: DocRecord):  # -> Callable[[int], int]
    secs = rec.sections

    def find(pos: int) -> int:
        for s in secs:
            if s.start <= pos < s.end:
                return s.index
        return 0

    return find


def to_graph(res: Resolver, records: Iterable[DocRecord], store: str = "memory") -> Graph:
    """Return the merged RDF graph of the resolver's table and the records (a new Graph)."""
    em = Emitter(res)
    g = new_graph(store)
    g.bind("kgr", Namespace(res.base))
    add = g.add
    for t in em.table():
        add(t)
    for rec in records:
        for t in em.document(rec):
            add(t)
    return g


def _value(v: float) -> Literal:
    """A figure's value as xsd:decimal."""
    return _cached("v", repr(float(v)), lambda: Literal(_decimal(v), datatype=XSD.decimal))


def _decimal(v: float) -> Decimal:
    d = Decimal(repr(float(v)))
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
