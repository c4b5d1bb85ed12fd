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

from rdflib import Graph

from kg.export.atomic import write_text

# Plain ASCII IRIs, valid as they are (the common case: no validation needed).
_IRI_SIMPLE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?://[A-Za-z0-9.-]+(?::[0-9]+)?(?=[/?#]|$)|(?!//))[A-Za-z0-9._~:/?!$&'()*+,;=-]*"
                         r"(?:#[A-Za-z0-9._~:/?!$&'()*+,;=-]*)?$")
_IRI_KEEP = re.compile(r"[A-Za-z0-9._~:/?!$&'()*+,;=-]")  # kept by the repair; everything else is %-encoded
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")

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


def to_turtle(g: Graph, base: str | None = None) -> str:
    """Return ``g`` as deterministic Turtle (the same bytes as the streaming writer of ``kg build``).

    Args:
        g: the graph.
        base: the instance namespace; class folders under it (region/, official/ ...)
            get their own prefixes.
    """
    import io

    from kg.export.lines import Terms, prefix_table, to_lines, turtle_head, write_stream

    prefixes = prefix_table(base, {p: str(u) for p, u in g.namespaces() if p})
    terms = Terms(prefixes)
    body = io.StringIO()
    write_stream(to_lines(g, terms), ttl=body)
    return turtle_head(terms.used, prefixes) + body.getvalue()


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
