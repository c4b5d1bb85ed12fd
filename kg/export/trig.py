"""TriG: each document's graph as a named graph (named by the document's IRI), in Turtle syntax.

A document's graph is what it states plus the table triples of the entities, posts and regions
it names (the same triples as its N-Quads shard, kg.export.nquads), so a store that loads the
file with the union of named graphs as its default graph (GraphDB, Jena TDB2 with
``unionDefaultGraph``) holds the merged graph, and dropping one graph drops one document.
Blocks come in document order; inside a block the triples are sorted as in graph.ttl.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from kg.export.lines import Terms, to_lines, turtle_head, write_stream


def document_block(graph_iri: str, triples: Iterable[tuple[Any, Any, Any]], terms: Terms) -> str:
    """Return the TriG block of one document's graph (the prefixes it used are in ``terms.used``)."""
    buf = io.StringIO()
    write_stream(to_lines(triples, terms), ttl=buf)
    body = "".join("  " + ln if ln.strip() else ln for ln in buf.getvalue().splitlines(keepends=True))
    return f"{terms.iri(graph_iri)} {{\n{body}}}\n\n"


def head(used: Iterable[str], prefixes: dict[str, str]) -> str:
    """The ``@prefix`` lines of a TriG file (the same as Turtle's)."""
    return turtle_head(used, prefixes)
