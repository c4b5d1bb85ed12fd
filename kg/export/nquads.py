"""N-Quads: each document's own graph as a named graph, canonical (sorted, one quad a line).

``document_quads`` writes the quads of one document's graph (named by the document's IRI);
``kg build --format nq`` writes them in shards of 500 documents (``nq/part-NNNNN.nq``), ready for
``pyoxigraph.Store.bulk_load``, Jena's ``tdb2.tdbloader`` or QLever's index builder.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import BNode, Literal, URIRef

from kg.terms import Lit, from_rdflib

_IRIS: dict[str, str] = {}  # IRI -> its N-Triples form (a store's documents name the same entities again and again)
_IRIS_MAX = 100_000  # then emptied: the IRIs of the documents at hand are cached, not only the first ones


def _iri(s: str) -> str:
    t = _IRIS.get(s)
    if t is None:
        from kg.export.turtle import safe_iri

        t = f"<{safe_iri(s)}>"
        if len(_IRIS) >= _IRIS_MAX:
            _IRIS.clear()
        _IRIS[s] = t
    return t


def nt_term(t: Any) -> str:
    """Return a term as N-Triples: a plain one (``kg.terms``: an IRI a str, a literal a ``Lit``) or rdflib's."""
    from kg.export.lines import escape

    # (type(t) is … first, plain terms before rdflib's: isinstance on rdflib's terms goes through
    # their ABC, and this runs per term)
    tt = type(t)
    if tt is str or tt is URIRef:
        return _iri(str(t))
    if tt is not Lit:
        if isinstance(t, Literal):
            t = from_rdflib(t)
        elif isinstance(t, BNode):
            return f"_:b{t}"
        else:
            return _iri(str(t))
    body = f'"{escape(t.text)}"'
    if t.lang:
        return f"{body}@{t.lang}"
    if t.datatype:
        return f"{body}^^{_iri(t.datatype)}"
    return body


def nt_triples(triples: Iterable[tuple[Any, Any, Any]]) -> set[str]:
    """The distinct triples as N-Triples, without the final `` .``."""
    out: set[str] = set()
    add = out.add
    known = _IRIS.get
    for s, p, o in triples:
        # a plain IRI (kg.terms) written before is one look-up: most terms of a store's load are
        add(f"{type(s) is str and known(s) or nt_term(s)} {type(p) is str and known(p) or nt_term(p)} "
            f"{type(o) is str and known(o) or nt_term(o)}")
    return out


def document_quads(graph_iri: str, triples: Iterable[tuple[Any, Any, Any]] = (), default_graph: bool = False,
                   spo: set[str] | None = None, ordered: bool = True) -> str:
    """Return the sorted, distinct N-Quads of ``triples`` (or of ``spo``, made by ``nt_triples``)
    in the named graph ``graph_iri`` (and, with ``default_graph``, each also in the default graph).
    ``ordered=False``: in no order (a store's bulk load, which sorts them itself)."""
    g = _iri(graph_iri)
    if spo is None:
        spo = nt_triples(triples)
    lines = [f"{t} {g} .\n" for t in spo]
    if default_graph:
        lines += [f"{t} .\n" for t in spo]
    return "".join(sorted(lines) if ordered else lines)
