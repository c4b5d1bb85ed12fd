"""Deterministic Turtle: the same graph gives the same bytes, whatever the hash seed.

rdflib's serializer writes control characters raw inside IRIs and truncates its target
on error, so the project writes Turtle itself: subjects sorted, ``a`` then labels first,
objects sorted, every literal escaped, every IRI checked (percent-encoded if it is not
safe), prefixes for the ontology and the instance namespaces.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.export.atomic import write_text

_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
# Plain ASCII IRIs, valid as they are (the common case: no validation needed).
_IRI_SIMPLE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?://[A-Za-z0-9.-]+(?::[0-9]+)?(?=[/?#]|$)|(?!//))[A-Za-z0-9._~:/?!$&'()*+,;=-]*"
                         r"(?:#[A-Za-z0-9._~:/?!$&'()*+,;=-]*)?$")
_IRI_KEEP = re.compile(r"[A-Za-z0-9._~:/?!$&'()*+,;=-]")  # kept by the repair; everything else is %-encoded
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")
_FIRST = [RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel]
_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

log = logging.getLogger(__name__)


def _valid_iri(iri: str) -> bool:
    """Whether ``iri`` is an absolute IRI that strict parsers (Oxigraph) accept in ``<…>``."""
    if _IRI_SIMPLE.match(iri):
        return True
    if re.search(r'[\x00-\x20<>"{}|^`\\\ud800-\udfff]', iri):
        return False
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return False
    return True


def safe_iri(iri: str) -> str:
    """Return ``iri`` if it is valid, else a repaired form that every Turtle parser reads.

    Characters that may not appear (spaces, quotes, ``<>{}|^`\\``, control characters,
    unpaired surrogates, a second ``#``, a ``%`` not followed by two hex digits ...) are
    percent-encoded as UTF-8. An IRI that is still not absolute becomes ``urn:kg:iri:…``.

    >>> safe_iri("https://w3id.org/kg-cn/id/region/500116")
    'https://w3id.org/kg-cn/id/region/500116'
    >>> safe_iri('http://x/a b"100%')
    'http://x/a%20b%22100%25'
    """
    if _valid_iri(iri):
        return iri
    out = []
    fragment = False
    for i, ch in enumerate(iri):
        if _IRI_KEEP.match(ch):
            out.append(ch)
        elif ch == "%" and _HEX2.match(iri, i + 1):
            out.append(ch)
        elif ch == "#" and not fragment:
            fragment = True
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
    fixed = "".join(out)
    if not _valid_iri(fixed):
        fixed = "urn:kg:iri:" + "".join(c if re.match(r"[A-Za-z0-9._~-]", c) else f"%{ord(c):02X}" for c in fixed)
    log.warning("IRI %r is not valid; written as <%s>", iri, fixed)
    return fixed


def _escape(s: str) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        if ch in _ESC:
            out.append(_ESC[ch])
        elif o < 0x20 or o == 0x7F or 0xFFFE <= o <= 0xFFFF:
            out.append(f"\\u{o:04X}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\uFFFD")
        else:
            out.append(ch)
    return "".join(out)


class _Names:
    def __init__(self, g: Graph, extra: dict[str, str]):
        ns = {p: str(u) for p, u in g.namespaces() if p}
        ns.update(extra)
        # only namespaces that are valid IRIs ending in / or #, so prefix + local name is valid too
        ns = {p: u for p, u in ns.items() if _prefix_ok(p) and u[-1:] in ("/", "#") and _valid_iri(u)}
        # longest namespace first so region: beats kgr:
        self.prefixes = sorted(ns.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.used: dict[str, str] = {}

    def term(self, t) -> str:
        if isinstance(t, URIRef):
            s = str(t)
            for p, u in self.prefixes:
                if s.startswith(u) and _PN_LOCAL.match(s[len(u):]) and _prefix_ok(p):
                    self.used[p] = u
                    return f"{p}:{s[len(u):]}"
            return f"<{safe_iri(s)}>"
        if isinstance(t, Literal):
            body = f'"{_escape(str(t))}"'
            if t.language:
                return f"{body}@{t.language}"
            if t.datatype is not None:
                return f"{body}^^{self.term(URIRef(t.datatype))}"
            return body
        if isinstance(t, BNode):
            return f"_:b{re.sub(r'[^A-Za-z0-9]', '', str(t))}"
        raise TypeError(f"cannot write {t!r} as Turtle")


def _prefix_ok(p: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9_-]*$", p))


def _sort_key(t) -> tuple:
    if isinstance(t, Literal):
        return (1, str(t.datatype or ""), t.language or "", str(t))
    return (0, str(t))


def to_turtle(g: Graph, base: str | None = None) -> str:
    """Return ``g`` as deterministic Turtle.

    Args:
        g: the graph.
        base: the instance namespace; class folders under it (region/, official/ ...)
            get their own prefixes.
    """
    extra = {}
    if base:
        extra["kgr"] = base
        for folder in ("region", "official", "position", "company", "project", "initiative", "obs", "doc"):
            extra[folder] = base + folder + "/"
    names = _Names(g, extra)
    by_subject: dict = {}
    for s, p, o in g:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    blocks = []
    for s in sorted(by_subject, key=_sort_key):
        preds = by_subject[s]
        order = sorted(preds, key=lambda p: (_FIRST.index(p) if p in _FIRST else len(_FIRST), str(p)))
        lines = []
        for p in order:
            pn = "a" if p == RDF.type else names.term(p)
            objs = ", ".join(names.term(o) for o in sorted(set(preds[p]), key=_sort_key))
            lines.append(f"    {pn} {objs}")
        blocks.append(names.term(s) + "\n" + " ;\n".join(lines) + " .\n")
    head = "".join(f"@prefix {p}: <{safe_iri(u)}> .\n" for p, u in sorted(names.used.items()))
    return head + "\n" + "\n".join(blocks)


def render(g: Graph, base: str | None = None) -> str:
    """Return the Turtle that ``write`` stores (instance prefixes from the graph's ``kgr`` namespace)."""
    if base is None:
        base = next((str(u) for p, u in g.namespaces() if p == "kgr"), None)
    return to_turtle(g, base)


def write(g: Graph, path: str | Path, base: str | None = None) -> None:
    """Write ``g`` as Turtle to ``path`` atomically.

    Raises:
        OutputError: when ``path`` cannot be written (nothing is replaced then).
    """
    write_text(path, render(g, base))
