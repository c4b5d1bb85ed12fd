"""JSON-LD: the merged graph as one document, streamed from the sorted lines (kg.export.lines).

The ``@context`` is the project's own (``ontology/context.jsonld``, shipped in the package as
``kg/ontology_files/context.jsonld``), embedded together with the prefixes of the instance
namespaces, so no processor ever fetches a remote context. Names are compact IRIs
(``region:500116``, ``kg:holdsPosition``); strings tagged ``zh`` are plain JSON strings (the
context's ``@language``); every other literal keeps its datatype or language in a value object,
so expanding the document gives back exactly the graph's triples.

    {"@context": [...], "@graph": [{"@id": "official:li-ying-lan-…", "@type": ["kg:Official"], …}, …]}
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any

from rdflib import RDF

from kg.export.lines import _PN_LOCAL, key_value

_RDF_TYPE = str(RDF.type)
_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def shipped_context() -> dict[str, Any]:
    """The project's JSON-LD context (the inside of ``context.jsonld``'s ``@context``)."""
    from kg.ontology import ontology_dir

    with open(ontology_dir() / "context.jsonld", encoding="utf-8") as f:
        return dict(json.load(f)["@context"])


def context(prefixes: dict[str, str]) -> list[dict[str, Any]]:
    """The ``@context`` of a graph with these prefixes: the shipped context, then the instance
    namespaces it does not define."""
    ship = shipped_context()
    extra = {p: u for p, u in sorted(prefixes.items()) if p not in ship}
    return [ship, extra] if extra else [ship]


def _clean(s: str) -> str:
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


class JsonLdWriter:
    """Takes the triples of the sorted stream (``triple(s, p, okey)``) and writes node objects
    to ``out`` as each subject's last triple passes; ``close`` ends the document."""

    def __init__(self, out: IO[str], prefixes: dict[str, str]):
        self.out = out
        ctx = context(prefixes)
        self.lang = ctx[0].get("@language")
        names = {k: v for c in ctx for k, v in c.items() if not k.startswith("@") and isinstance(v, str)}
        self._ns = sorted(((u, p) for p, u in names.items()), key=lambda x: (-len(x[0]), x[1]))
        self._iri: dict[str, str] = {}
        self.cur: str | None = None
        self.node: dict[str, Any] = {}
        self.count = 0
        out.write('{\n  "@context": ' + json.dumps(ctx, ensure_ascii=False) + ',\n  "@graph": [')

    def compact(self, iri: str) -> str:
        """A compact IRI (``kg:title``) when a prefix of the context fits, else the IRI itself."""
        got = self._iri.get(iri)
        if got is None:
            got = iri
            for u, p in self._ns:
                if iri.startswith(u) and _PN_LOCAL.match(iri[len(u):]):
                    got = f"{p}:{iri[len(u):]}"
                    break
            if len(self._iri) < 200_000:
                self._iri[iri] = got
        return got

    def _value(self, okey: str) -> Any:
        if okey[0] == "0":
            iri = okey[1:]
            return {"@id": iri if iri.startswith("_:") else self.compact(iri)}
        dt, lang, _text = okey[1:].split("\x01", 2)
        text = _clean(key_value(okey))
        if lang:
            return text if lang == self.lang else {"@value": text, "@language": lang}
        if dt:
            return {"@value": text, "@type": self.compact(dt)}
        return {"@value": text}

    def triple(self, s: str, p: str, okey: str) -> None:
        if s != self.cur:
            self._flush()
            self.cur = s
            self.node = {"@id": s if s.startswith("_:") else self.compact(s)}
        if p == _RDF_TYPE and okey[0] == "0":
            self.node.setdefault("@type", []).append(self.compact(okey[1:]))
        else:
            self.node.setdefault(self.compact(p), []).append(self._value(okey))

    def _flush(self) -> None:
        if self.cur is None:
            return
        self.out.write(("\n    " if self.count == 0 else ",\n    ") + json.dumps(self.node, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self._flush()
        self.cur = None
        self.out.write("\n  ]\n}\n")


def to_jsonld(g: Any, prefixes: dict[str, str] | None = None) -> str:
    """Return the JSON-LD document of an rdflib graph (pure)."""
    from kg.export.lines import Terms, parts, prefix_table, to_lines

    prefixes = prefixes if prefixes is not None else prefix_table(None)
    buf = io.StringIO()
    w = JsonLdWriter(buf, prefixes)
    for ln in to_lines(g, Terms(prefixes)):
        s, p, okey, *_ = parts(ln)
        w.triple(s, p, okey)
    w.close()
    return buf.getvalue()


def graph_prefixes(g: Any) -> dict[str, str]:
    """The prefixes of a kg graph (the instance namespace read from its regions' IRIs)."""
    from kg.export.lines import prefix_table

    base = None
    for s in g.subjects():
        m = re.match(r"^(.*/)(?:region|official|doc)/", str(s))
        if m:
            base = m.group(1)
            break
    return prefix_table(base)


def lines_to_jsonld(lines: Iterable[str], out: IO[str], prefixes: dict[str, str]) -> int:
    """Write the JSON-LD of sorted lines to ``out``; return the number of node objects."""
    from kg.export.lines import parts

    w = JsonLdWriter(out, prefixes)
    for ln in lines:
        s, p, okey, *_ = parts(ln)
        w.triple(s, p, okey)
    w.close()
    return w.count
