"""kg: knowledge graphs from Chinese government news.

>>> import kg
>>> g = kg.build(["article.txt"])  # doctest: +SKIP

``import kg`` loads nothing heavy; jieba, rdflib and pyvis load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["build", "__version__"]

if TYPE_CHECKING:
    from rdflib import Graph


def build(inputs: list[Any], base: str | None = None, **kwargs: Any) -> Graph:
    """Read texts (paths, folders, ``-`` for stdin) and return their knowledge graph.

    Args:
        inputs: file or folder paths (str or Path), or ``"-"`` for standard input.
        base: namespace of the instance IRIs (default ``https://w3id.org/kg-cn/id/``).

    Returns:
        An rdflib Graph holding all documents as one graph.

    Raises:
        kg.errors.InputError: when no input could be read.
    """
    from typing import cast

    from kg.flow import build_graph

    return cast("Graph", build_graph(inputs, base=base, **kwargs).graph)
