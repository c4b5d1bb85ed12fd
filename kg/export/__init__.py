"""Exporters: one module per format, each a pure ``to_*`` function plus ``write``.

``EXPORTERS`` maps a format name to its module's ``write(graph, path)``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import ConfigError


def _turtle(g: Any, path: Path) -> None:
    from kg.export import turtle

    turtle.write(g, path)


def _html(g: Any, path: Path) -> None:
    from kg.export import html

    html.write(g, path)


EXPORTERS: dict[str, Callable[[Any, Path], None]] = {"ttl": _turtle, "html": _html}
FILENAMES = {"ttl": "graph.ttl", "html": "graph.html"}


def exporter(name: str) -> Callable[[Any, Path], None]:
    """Return the writer for format ``name``.

    Raises:
        ConfigError: for an unknown format, listing the valid ones.
    """
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ConfigError(f"unknown format {name!r}; choose one of: {', '.join(sorted(EXPORTERS))}") from None
