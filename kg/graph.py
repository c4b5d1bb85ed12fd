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
``kg.build`` streams the same triples into the writers instead. The triples are of plain terms
(``kg.terms``: an IRI is a str, a literal a ``Lit``), which the writers format directly.
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
from kg.ontology import KG as _KG
from kg.ontology import NS
from kg.resolve import Resolver, held_posts
from kg.terms import XSD_INTEGER, Lit, Triple, from_rdflib, to_rdflib

PROV = Namespace("http://www.w3.org/ns/prov#")
# The emitter writes plain terms (kg.terms: an IRI a str, a literal a Lit), not rdflib's: making
# URIRefs and Literals was most of an emit's time. The terms it writes, as strings, read once
# (still closed: a name that is not a term raises AttributeError).
KG = SimpleNamespace(**{name: str(_KG[name]) for name in _KG.__annotations__})
RDF = SimpleNamespace(type=str(rdflib.RDF.type))
RDFS = SimpleNamespace(label=str(rdflib.RDFS.label))
SKOS = SimpleNamespace(altLabel=str(_SKOS.altLabel), hiddenLabel=str(_SKOS.hiddenLabel))
XSD = SimpleNamespace(date=rdflib.XSD.date, gYearMonth=rdflib.XSD.gYearMonth, gYear=rdflib.XSD.gYear,
                      decimal=rdflib.XSD.decimal)  # (rdflib's: typed literals are made by rdflib, once each)
DCTERMS = SimpleNamespace(date=str(_DCTERMS.date))
STORES = ("memory", "oxigraph")

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


# A typed literal whose lexical form rdflib would normalise (a date, a decimal) is made by rdflib, so
# its text is rdflib's to the byte; once per process for each value (they recur: dates, figures)
_TYPED: dict[tuple[str, object], Lit] = {}
_TYPED_MAX = 50_000


def _typed(kind: str, value: object, make) -> Lit:  # make: Callable[[], Literal]
    k = (kind, value)
    lit = _TYPED.get(k)
    if lit is None:
        if len(_TYPED) >= _TYPED_MAX:
            _TYPED.clear()
        lit = _TYPED[k] = from_rdflib(make())
    return lit


def _zh(s: str) -> Lit:
    return Lit(s, "zh")


def _plain(s: str) -> Lit:
    """A plain literal (xsd:string)."""
    return Lit(s)


def _int(n: int) -> Lit:
    """An xsd:integer literal."""
    if type(n) is not int:  # (a bool, a numpy integer …: rdflib says what it is)
        return from_rdflib(Literal(n))
    return Lit(str(n), "", XSD_INTEGER)


def _date(d: str) -> Lit:
    """A YYYY-MM-DD, YYYY-MM or YYYY date as xsd:date, xsd:gYearMonth or xsd:gYear."""
    return _typed("d", d, lambda: Literal(d, datatype=XSD.date if len(d) == 10 else XSD.gYearMonth
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
        n = self.res.iri(REGION, key)
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
            yield n, KG.adminCode, _plain(key)
        yield n, KG.adminLevel, _plain(r.level)
        if r.parent:
            yield n, KG.partOf, self.res.iri(REGION, r.parent)

    def entity(self, cls: str, key: str) -> Iterator[Triple]:
        ent = self.res.entities[(cls, key)]
        n = ent.iri
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
        yield piri, RDF.type, KG.Position
        yield piri, RDFS.label, _zh(row.label)
        yield piri, KG.title, _zh(row.title)
        yield piri, KG.inRegion, self.res.iri(REGION, row.region)
        if dates and row.dates:
            yield piri, KG.firstSeen, _date(min(row.dates))
            yield piri, KG.lastSeen, _date(max(row.dates))

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
        d = res.doc_iri(rec.id)
        yield d, RDF.type, KG.Document
        yield d, RDFS.label, _plain(rec.title or Path(rec.source).name or rec.id)
        yield d, KG.source, _plain(rec.source)
        yield d, KG.sha256, _plain(rec.sha256)
        date = res.doc_dates.get(rec.id)
        if date:
            yield d, DCTERMS.date, _date(date)
        regions = dict(rec.section_regions)
        for sec in rec.sections:
            s = res.section_iri(rec.id, sec.index)
            yield s, RDF.type, KG.Section
            yield s, KG.partOf, d
            yield s, KG.document, d
            yield s, KG.startOffset, _int(sec.start)
            yield s, KG.endOffset, _int(sec.end)
            if sec.heading:
                yield s, KG.heading, _zh(sec.heading)
                yield s, RDFS.label, _zh(sec.heading)
            else:
                yield s, RDFS.label, _plain(f"{rec.title or rec.id} §{sec.index}")
            if sec.speaker:
                yield s, KG.speaker, res.iri(OFFICIAL, res.key(OFFICIAL, sec.speaker, rec.id))
            reg = regions.get(sec.index)
            if reg:
                yield s, KG.sectionRegion, res.iri(REGION, reg)
        used_regions: set[str] = set()
        for e in rec.entities:
            key = res.key(e.cls, e.key, rec.id)
            n = res.iri(e.cls, key)
            if self_contained:
                if e.cls == REGION:
                    used_regions.add(key)
                yield from self._shared("entity", e.cls, key)
            for idx in e.sections:
                yield n, KG.mentionedIn, res.section_iri(rec.id, idx)
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
            yield res.iri(OFFICIAL, off), KG.formerPosition if former else KG.holdsPosition, piri
            yield piri, KG.document, d
            yield piri, KG.evidence, _zh(rec.sentence(p.start, p.end))
            yield piri, KG.startOffset, _int(p.start)
            yield piri, KG.endOffset, _int(p.end)
        section_of = _section_finder(rec)
        for ob in rec.observations:
            n = res.observation_iri(rec.id, ob.region, ob.indicator, ob.value, ob.unit, ob.start)
            region = res.gaz.get(ob.region)
            yield n, RDF.type, KG.Observation
            yield n, RDFS.label, _zh(f"{region.name if region else ob.region} {ob.indicator} {ob.text}")
            yield n, KG.region, res.iri(REGION, ob.region)
            yield n, KG.indicator, _zh(ob.indicator)
            yield n, KG.value, _value(ob.value)
            yield n, KG.unit, _plain(ob.unit)
            yield n, KG.measure, _MEASURE[ob.measure]
            if ob.period:
                yield n, KG.period, _zh(ob.period)
            yield n, KG.evidence, _zh(rec.sentence(ob.start, ob.end))
            yield n, KG.startOffset, _int(ob.start)
            yield n, KG.endOffset, _int(ob.end)
            yield n, KG.mentionedIn, res.section_iri(rec.id, section_of(ob.start))
            yield n, KG.document, d
            used_regions.add(ob.region)
        for a in rec.attributions:
            key = res.key(a.cls, a.key)
            if (a.cls, key) in res.entities:
                self.attributions.add((a.cls, key, a.region))
                yield res.iri(a.cls, key), _LINK_PRED[a.cls], res.iri(REGION, a.region)
                used_regions.add(a.region)
        for c1, k1, c2, k2 in rec.links:
            k1, k2 = res.key(c1, k1), res.key(c2, k2)
            if (c1, k1) in res.entities and (c2, k2) in res.entities:
                yield res.iri(c1, k1), KG.company, res.iri(c2, k2)
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
    for s, p, o in em.table():
        add((URIRef(s), URIRef(p), to_rdflib(o)))
    for rec in records:
        for s, p, o in em.document(rec):
            add((URIRef(s), URIRef(p), to_rdflib(o)))
    return g


def _value(v: float) -> Lit:
    """A figure's value as xsd:decimal."""
    return _typed("v", repr(float(v)), lambda: Literal(_decimal(v), datatype=XSD.decimal))


def _decimal(v: float) -> Decimal:
    d = Decimal(repr(float(v)))
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
