"""CSV tables for pandas and Excel, read off the sorted lines (kg.export.lines).

``csv/officials.csv``   one row per post of an official: name, post, title, region, status
                        (held / former), first and last seen, documents, evidence, IRIs
``csv/observations.csv`` one row per reported figure: region, indicator, value, unit, period,
                        measure, evidence, document, IRI
``csv/entities.csv``    one row per entity: class, label, region, aliases, documents, IRI

Every file starts with a UTF-8 byte order mark, so Excel shows Chinese, and ends lines with
CRLF. A text cell that starts with ``= + - @`` (or a tab or carriage return) gets a leading
``'``, so a spreadsheet never runs an article's text as a formula (numbers stay numbers).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from rdflib import RDF, RDFS
from rdflib.namespace import SKOS

from kg.export.lines import key_value
from kg.ontology import KG, NS

TABLES = ("officials", "observations", "entities")
_RDF_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_DATE = "http://purl.org/dc/terms/date"
_REGION_CLASSES = {"Region", "Province", "City", "District", "Zone", "Country"}
_ENTITY_CLASSES = {"Official", "Company", "Project", "Initiative"} | _REGION_CLASSES
_RANK = {"Province": 1, "City": 1, "District": 2, "Zone": 1, "Country": 3, "Region": 4}
_NUMBER = re.compile(r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
_WANT = {str(KG[t]) for t in ("title", "inRegion", "firstSeen", "lastSeen", "evidence", "document", "holdsPosition",
                              "formerPosition", "indicator", "value", "unit", "period", "measure", "region",
                              "locatedIn", "implementedIn", "partOf", "adminLevel")}


def safe_cell(v: Any) -> str:
    """A cell's text, with a leading ``'`` when a spreadsheet would read it as a formula.

    >>> [safe_cell(x) for x in ("=1+1", "@SUM(A1)", "-5.2", "+86", "江津区", "\\t=x")]
    ["'=1+1", "'@SUM(A1)", '-5.2', "'+86", '江津区', "'\\t=x"]
    """
    s = "" if v is None else str(v)
    if s[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(s):
        return "'" + s
    return s


class TableCollector:
    """Keeps, per subject, the few values the tables need; ``tables()`` joins them into rows."""

    def __init__(self) -> None:
        self.cls: dict[str, str] = {}
        self.label: dict[str, str] = {}
        self.alt: dict[str, list[str]] = {}
        self.vals: dict[str, dict[str, list[str]]] = {}
        self.date: dict[str, str] = {}  # document -> dcterms:date

    def triple(self, s: str, p: str, okey: str) -> None:
        if p == _RDF_TYPE:
            if okey[1:].startswith(NS):
                c = okey[1 + len(NS):]
                old = self.cls.get(s)
                if old is None or _RANK.get(c, 0) < _RANK.get(old, 0):
                    self.cls[s] = c
        elif p == _LABEL:
            if okey[0] == "1" and s not in self.label:
                self.label[s] = key_value(okey)
        elif p == _ALT:
            if okey[0] == "1":
                self.alt.setdefault(s, []).append(key_value(okey))
        elif p == _DATE:
            self.date[s] = key_value(okey)
        elif p in _WANT:
            self.vals.setdefault(s, {}).setdefault(p[len(NS):], []).append(key_value(okey))

    def _v(self, s: str, p: str) -> str:
        got = self.vals.get(s, {}).get(p)
        return got[0] if got else ""

    def _region(self, s: str, p: str) -> str:
        r = self._v(s, p)
        return self.label.get(r, r)

    def tables(self) -> dict[str, tuple[list[str], list[list[str]]]]:
        """Return {table name: (header, rows)} (pure)."""
        officials = []
        for o, c in self.cls.items():
            if c != "Official":
                continue
            v = self.vals.get(o, {})
            for status, prop in (("held", "holdsPosition"), ("former", "formerPosition")):
                for post in v.get(prop, []):
                    pv = self.vals.get(post, {})
                    docs = set(pv.get("document", []))
                    # the dates of the documents that report it (a store's graph has no kg:firstSeen)
                    dates = sorted(d for d in (self.date.get(x) for x in docs) if d)
                    first = self._v(post, "firstSeen") or (dates[0] if dates else "")
                    last = self._v(post, "lastSeen") or (dates[-1] if dates else "")
                    officials.append([self.label.get(o, ""), self.label.get(post, ""), self._v(post, "title"),
                                      self._region(post, "inRegion"), status, first, last, str(len(docs)),
                                      self._v(post, "evidence"), o, post])
        officials.sort(key=lambda r: (r[0], r[9], r[5], r[1], r[4], r[10]))
        observations = []
        for s, c in self.cls.items():
            if c != "Observation":
                continue
            measure = self._v(s, "measure")
            observations.append([self._region(s, "region"), self._v(s, "indicator"), self._v(s, "value"),
                                 self._v(s, "unit"), self._v(s, "period"), measure.rsplit("#", 1)[-1],
                                 self._v(s, "evidence"), self._v(s, "document"), s])
        observations.sort(key=lambda r: (r[0], r[1], r[4], r[8]))
        entities = []
        for s, c in self.cls.items():
            if c not in _ENTITY_CLASSES:
                continue
            region = next((self._region(s, p) for p in ("locatedIn", "implementedIn", "partOf") if self._v(s, p)), "")
            if c == "Official":
                posts = self.vals.get(s, {}).get("holdsPosition", [])
                region = next((self._region(p, "inRegion") for p in posts), "")
            entities.append([c, self.label.get(s, ""), region, " | ".join(sorted(set(self.alt.get(s, [])))),
                             str(len(set(self.vals.get(s, {}).get("document", [])))), s])
        entities.sort(key=lambda r: (r[0], r[1], r[5]))
        return {
            "officials": (["official", "post", "title", "region", "status", "first_seen", "last_seen", "documents",
                           "evidence", "official_iri", "post_iri"], officials),
            "observations": (["region", "indicator", "value", "unit", "period", "measure", "evidence", "document",
                              "iri"], observations),
            "entities": (["class", "label", "region", "aliases", "documents", "iri"], entities),
        }


def to_csv(header: list[str], rows: Iterable[list[str]]) -> str:
    """One table as CSV text: BOM, header, CRLF lines, formula-safe cells (pure)."""
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow([safe_cell(x) for x in r])
    return buf.getvalue()


def to_tables(g: Any) -> dict[str, str]:
    """Return {file name: CSV text} of an rdflib graph (pure)."""
    from kg.export.lines import Terms, parts, prefix_table, to_lines

    c = TableCollector()
    for ln in to_lines(g, Terms(prefix_table(None))):
        s, p, okey, *_ = parts(ln)
        c.triple(s, p, okey)
    return {f"{name}.csv": to_csv(h, rows) for name, (h, rows) in c.tables().items()}
