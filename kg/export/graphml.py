"""GraphML for Gephi and networkx: every node of the graph, every link between two of them.

Nodes are the graph's typed resources (officials, posts, regions and countries, companies,
projects, initiatives, figures, documents; sections are folded into their documents). Each
carries ``label``, ``class`` (the most specific kg class), ``kind`` (Region for every level of
region), ``region`` (the label of the region it is in: a post's region, a project's place, a
figure's region, a region's parent) and ``degree`` (its links in the file). Edges carry
``label``, the local name of the predicate (``holdsPosition``, ``locatedIn``, ``document``).
Node ids are the IRIs. Text is XML-escaped and characters XML 1.0 does not allow are dropped,
so an article cannot break the file.

Collected from the sorted lines (kg.export.lines), written once the stream has passed:
``GraphMLCollector.triple`` then ``write(out)``.
"""

from __future__ import annotations

import io
import re
from array import array
from collections.abc import Iterable
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from rdflib import RDF, RDFS

from kg.export.lines import key_value
from kg.ontology import KG, NS

_RDF_TYPE, _LABEL = str(RDF.type), str(RDFS.label)
_REGION_CLASSES = {"Region", "Province", "City", "District", "Zone", "Country"}
# the more specific class wins when a node has several types
_RANK = {"Official": 0, "Position": 0, "Company": 0, "Project": 0, "Initiative": 0, "Observation": 0,
         "Document": 0, "Province": 1, "City": 1, "District": 2, "Zone": 1, "Country": 3, "Region": 4}
_REGION_OF = {str(KG.inRegion), str(KG.locatedIn), str(KG.implementedIn), str(KG.region), str(KG.partOf)}
_SKIP_EDGES = {str(KG.mentionedIn)}
_SECTION = str(KG.Section)
_DOCUMENT_P = str(KG.document)
_BAD_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(s: str) -> str:
    return _BAD_XML.sub("", s)


class GraphMLCollector:
    """Keeps each node's class, label and region, and the links between IRIs (as integers)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.iris: list[str] = []
        self.cls: dict[int, str] = {}
        self.label: dict[int, str] = {}
        self.region: dict[int, int] = {}
        self.section_doc: dict[int, int] = {}
        self.src = array("l")
        self.dst = array("l")
        self.pred = array("h")
        self.preds: dict[str, int] = {}
        self.pred_names: list[str] = []

    def _id(self, iri: str) -> int:
        i = self.ids.get(iri)
        if i is None:
            i = self.ids[iri] = len(self.iris)
            self.iris.append(iri)
        return i

    def triple(self, s: str, p: str, okey: str) -> None:
        si = self._id(s)
        if p == _RDF_TYPE:
            if okey[1:] == _SECTION:
                self.cls[si] = "Section"
                return
            if okey[1:].startswith(NS):
                c = okey[1 + len(NS):]
                old = self.cls.get(si)
                if old is None or _RANK.get(c, 5) < _RANK.get(old, 5):
                    self.cls[si] = c
            return
        if p == _LABEL:
            if okey[0] == "1" and si not in self.label:
                self.label[si] = key_value(okey)
            return
        if okey[0] != "0" or p in _SKIP_EDGES:
            return
        oi = self._id(okey[1:])
        if p in _REGION_OF and si not in self.region:
            self.region[si] = oi
        if p == _DOCUMENT_P:
            self.section_doc.setdefault(si, oi)
        pi = self.preds.get(p)
        if pi is None:
            pi = self.preds[p] = len(self.pred_names)
            self.pred_names.append(p.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        self.src.append(si)
        self.dst.append(oi)
        self.pred.append(pi)

    def write(self, out: IO[str]) -> tuple[int, int]:
        """Write the GraphML document; return (nodes, edges)."""
        nodes = {i for i, c in self.cls.items() if c != "Section"}
        edges: set[tuple[int, int, int]] = set()
        for s, o, p in zip(self.src, self.dst, self.pred, strict=True):
            if self.cls.get(s) == "Section":
                continue  # a section's links are its document's
            if self.cls.get(o) == "Section":
                o = self.section_doc.get(o, -1)
            if s in nodes and o in nodes and s != o:
                edges.add((s, o, p))
        held = self.preds.get(str(KG.holdsPosition))
        for s, o, p in sorted(edges):
            if p == held and s not in self.region and o in self.region:
                self.region[s] = self.region[o]  # an official is where the first post it holds is
        degree: dict[int, int] = dict.fromkeys(nodes, 0)
        for s, o, _p in edges:
            degree[s] += 1
            degree[o] += 1
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
          'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for key, what, typ in (("label", "node", "string"), ("class", "node", "string"), ("kind", "node", "string"),
                               ("region", "node", "string"), ("degree", "node", "int"), ("label", "edge", "string")):
            kid = ("e_" if what == "edge" else "") + key
            w(f'  <key id="{kid}" for="{what}" attr.name="{key}" attr.type="{typ}"/>\n')
        w('  <graph id="kg" edgedefault="directed">\n')
        for i in sorted(nodes, key=lambda i: self.iris[i]):
            c = self.cls[i]
            w(f"    <node id={quoteattr(_x(self.iris[i]))}>\n"
              f'      <data key="label">{escape(_x(self.label.get(i, "")))}</data>\n'
              f'      <data key="class">{escape(_x(c))}</data>\n'
              f'      <data key="kind">{escape(_x("Region" if c in _REGION_CLASSES else c))}</data>\n')
            r = self.region.get(i)
            if r is not None and r in self.label:
                w(f'      <data key="region">{escape(_x(self.label[r]))}</data>\n')
            w(f'      <data key="degree">{degree[i]}</data>\n    </node>\n')
        for s, o, p in sorted(edges, key=lambda e: (self.iris[e[0]], self.iris[e[1]], self.pred_names[e[2]])):
            w(f"    <edge source={quoteattr(_x(self.iris[s]))} target={quoteattr(_x(self.iris[o]))}>"
              f'<data key="e_label">{escape(_x(self.pred_names[p]))}</data></edge>\n')
        w("  </graph>\n</graphml>\n")
        return len(nodes), len(edges)


def to_graphml(g: Any) -> str:
    """Return the GraphML of an rdflib graph (pure)."""
    from kg.export.lines import Terms, parts, prefix_table, to_lines

    c = GraphMLCollector()
    for ln in to_lines(g, Terms(prefix_table(None))):
        s, p, okey, *_ = parts(ln)
        c.triple(s, p, okey)
    buf = io.StringIO()
    c.write(buf)
    return buf.getvalue()


def collect(lines: Iterable[str]) -> GraphMLCollector:
    from kg.export.lines import parts

    c = GraphMLCollector()
    for ln in lines:
        s, p, okey, *_ = parts(ln)
        c.triple(s, p, okey)
    return c
