"""Exporters: one module per format, each a pure ``to_*`` function plus ``write``.

``EXPORTERS`` maps a format name to its module's ``write(graph, path)``; ``write_all``
renders several formats first and replaces their files together (kg.export.atomic).
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


def _nt_text(g: Any) -> str:
    import io

    from kg.export.lines import Terms, prefix_table, to_lines, write_stream

    out = io.StringIO()
    write_stream(to_lines(g, Terms(prefix_table(None))), nt=out)
    return out.getvalue()


def _nt(g: Any, path: Path) -> None:
    from kg.export.atomic import write_text

    write_text(path, _nt_text(g))


def _turtle_text(g: Any) -> str:
    from kg.export import turtle

    return turtle.render(g)


def _html_text(g: Any) -> str:
    from kg.export import html

    return html.to_html(g)


def _jsonld_text(g: Any) -> str:
    from kg.export.jsonld import graph_prefixes, to_jsonld

    return to_jsonld(g, graph_prefixes(g))


def _graphml_text(g: Any) -> str:
    from kg.export.graphml import to_graphml

    return to_graphml(g)


def _writer(render: Callable[[Any], str]) -> Callable[[Any, Path], None]:
    def write(g: Any, path: Path) -> None:
        from kg.export.atomic import write_text

        write_text(path, render(g))

    return write


EXPORTERS: dict[str, Callable[[Any, Path], None]] = {"ttl": _turtle, "nt": _nt, "html": _html,
                                                     "jsonld": _writer(_jsonld_text), "graphml": _writer(_graphml_text)}
RENDERERS: dict[str, Callable[[Any], str]] = {"ttl": _turtle_text, "nt": _nt_text, "html": _html_text,
                                              "jsonld": _jsonld_text, "graphml": _graphml_text}
# what ``kg build`` writes for each format (nq and csv: folders; nq a shard per 500 documents, each
# document a named graph; csv the officials, observations and entities tables)
FILENAMES = {"ttl": "graph.ttl", "nt": "graph.nt", "html": "graph.html", "nq": "nq", "trig": "graph.trig",
             "jsonld": "graph.jsonld", "graphml": "graph.graphml", "csv": "csv"}
FORMATS = tuple(FILENAMES)


def check_formats(formats: Any) -> list[str]:
    """Return the format names of ``formats`` (a list, or a comma-separated string), checked.

    Raises:
        ConfigError: for an unknown format or none, listing the valid ones.
    """
    names = [f.strip() for f in (formats.split(",") if isinstance(formats, str) else formats) if f.strip()]
    for name in names:
        if name not in FILENAMES:
            raise ConfigError(f"unknown format {name!r}; choose one of: {', '.join(sorted(FORMATS))}")
    if not names:
        raise ConfigError(f"no output format given; choose from: {', '.join(FORMATS)}")
    return list(dict.fromkeys(names))


def write_all(g: Any, outdir: Path, formats: list[str]) -> list[Path]:
    """Render every format of ``g``, then write all files into ``outdir`` at once.

    A failure while rendering or writing leaves every previous file as it was.

    Raises:
        ConfigError: for an unknown format.
        OutputError: when a file cannot be written.
    """
    from kg.export.atomic import write_texts

    texts = {}
    for name in formats:
        exporter(name)  # unknown names fail here, listing the valid ones
        texts[Path(outdir) / FILENAMES[name]] = RENDERERS[name](g)
    write_texts(texts)
    return list(texts)


def exporter(name: str) -> Callable[[Any, Path], None]:
    """Return the writer for format ``name``.

    Raises:
        ConfigError: for an unknown format, listing the valid ones.
    """
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ConfigError(f"unknown format {name!r}; choose one of: {', '.join(sorted(EXPORTERS))}") from None
