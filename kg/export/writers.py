"""Writing the output files of a build or an export: the one place that opens them.

Every format is read off streams the flow already has: the merged graph as sorted lines
(kg.export.lines) feeds Turtle, N-Triples, JSON-LD, GraphML, the CSV tables and the view in
one pass; each document's own graph feeds the N-Quads shards and TriG. Files are staged
beside their targets and moved into place together at the end (kg.export.atomic), so a
failure leaves every previous output as it was.

``export_store`` writes any of the formats from a store (``kg export --store DIR``).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import OutputError

log = logging.getLogger(__name__)

# formats read off the merged graph's sorted lines, and those made of each document's own graph
LINE_FORMATS = frozenset({"ttl", "nt", "html", "jsonld", "graphml", "csv"})
DOCUMENT_FORMATS = frozenset({"nq", "trig"})


class Stage:
    """Temporary outputs beside their targets in ``outdir`` (hidden names), renamed into place at the end."""

    def __init__(self, outdir: Path):
        self.outdir = outdir
        self.paths: list[Path] = []
        self._folders: dict[str, Path] = {}

    def file(self, name: str) -> Path:
        fd, path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.outdir)
        os.close(fd)
        self.paths.append(Path(path))
        return Path(path)

    def folder(self, name: str) -> Path:
        if name not in self._folders:
            self._folders[name] = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=self.outdir))
            self.paths.append(self._folders[name])
        return self._folders[name]

    def cleanup(self) -> None:
        """Remove what was not renamed into place."""
        for p in self.paths:
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            elif p.exists():
                p.unlink()


class _Fan:
    """Gives each triple of the stream to several collectors."""

    def __init__(self, sinks: list[Any]):
        self.calls = [s.triple for s in sinks]

    def triple(self, s: str, p: str, okey: str) -> None:
        for c in self.calls:
            c(s, p, okey)


@dataclass
class DocumentOutputs:
    """The per-document outputs being written while the emit step runs: N-Quads shards and TriG."""

    stage: Stage
    fmts: list[str]
    work: Path
    shards: list[Path] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    _trig: Any = None

    def add(self, i: int, quads: str, trig: str) -> None:
        """Write one emit chunk's N-Quads (shard ``i``) and TriG blocks."""
        if "nq" in self.fmts:
            shard = self.stage.folder("nq") / f"part-{i:05d}.nq"
            shard.write_text(quads, encoding="utf-8", newline="\n")
            self.shards.append(shard)
        if "trig" in self.fmts:
            if self._trig is None:
                self._trig = open(self.work / "graph.trig.body", "w", encoding="utf-8", newline="\n")
            self._trig.write(trig)

    def finish(self, prefixes: dict[str, str]) -> dict[str, Path]:
        """Close the files; return the staged outputs by format."""
        from kg.export.trig import head

        staged: dict[str, Path] = {}
        if "nq" in self.fmts:
            staged["nq"] = self.stage.folder("nq")
        if "trig" in self.fmts:
            body = self.work / "graph.trig.body"
            if self._trig is not None:
                self._trig.close()
            else:
                body.write_text("", encoding="utf-8")
            staged["trig"] = self.stage.file("graph.trig")
            _prepend(staged["trig"], head(self.used, prefixes), body)
        return staged

    def close(self) -> None:
        if self._trig is not None and not self._trig.closed:
            self._trig.close()


def _prepend(target: Path, head: str, body: Path) -> None:
    with open(target, "w", encoding="utf-8", newline="\n") as out, open(body, encoding="utf-8") as b:
        out.write(head)
        shutil.copyfileobj(b, out, 1 << 20)
    body.unlink()


def write_line_formats(fmts: Iterable[str], lines: Iterator[str], used: set[str], prefixes: dict[str, str],
                       stage: Stage, work: Path, title: str = "kg", view: Any = None) -> tuple[dict[str, Path], int]:
    """Read the merged graph's sorted ``lines`` once and write every line format asked for,
    staged in the output folder. Return (staged outputs by format, number of triples). ``view``:
    the explorer's collector, when the caller fed it the documents' evidence already."""
    from kg.export.lines import turtle_head, write_stream

    fmts = [f for f in fmts if f in LINE_FORMATS]
    staged: dict[str, Path] = {}
    if not fmts:
        return staged, 0
    files: dict[str, Any] = {}
    sinks: list[Any] = []
    graphml = tables = jsonld = None
    try:
        if "ttl" in fmts:
            staged["ttl"] = stage.file("graph.ttl")
            files["ttl"] = open(work / "graph.ttl.body", "w", encoding="utf-8", newline="\n")
        if "nt" in fmts:
            staged["nt"] = stage.file("graph.nt")
            files["nt"] = open(staged["nt"], "w", encoding="utf-8", newline="\n")
        if "jsonld" in fmts:
            from kg.export.jsonld import JsonLdWriter

            staged["jsonld"] = stage.file("graph.jsonld")
            files["jsonld"] = open(staged["jsonld"], "w", encoding="utf-8", newline="\n")
            jsonld = JsonLdWriter(files["jsonld"], prefixes)
            sinks.append(jsonld)
        if "html" in fmts:
            if view is None:
                from kg.export.html import ViewCollector

                view = ViewCollector()
            sinks.append(view)
        if "graphml" in fmts:
            from kg.export.graphml import GraphMLCollector

            graphml = GraphMLCollector()
            sinks.append(graphml)
        if "csv" in fmts:
            from kg.export.tables import TableCollector

            tables = TableCollector()
            sinks.append(tables)
        sink = sinks[0] if len(sinks) == 1 else (_Fan(sinks) if sinks else None)
        triples = write_stream(lines, files.get("ttl"), files.get("nt"), sink)
        if jsonld is not None:
            jsonld.close()
    finally:
        for f in files.values():
            f.close()
    if "ttl" in staged:
        _prepend(staged["ttl"], turtle_head(used, prefixes), work / "graph.ttl.body")
    if graphml is not None:
        staged["graphml"] = stage.file("graph.graphml")
        with open(staged["graphml"], "w", encoding="utf-8", newline="\n") as f:
            graphml.write(f)
    if tables is not None:
        from kg.export.tables import to_csv

        folder = stage.folder("csv")
        for name, (header, rows) in tables.tables().items():
            (folder / f"{name}.csv").write_text(to_csv(header, rows), encoding="utf-8", newline="")
        staged["csv"] = folder
    if view is not None:
        from kg.export.html import view_page

        staged["html"] = stage.file("graph.html")
        staged["html"].write_text(view_page(view.data(), title), encoding="utf-8", newline="\n")
    return staged, triples


def replace(staged: dict[str, Path], outdir: Path) -> list[Path]:
    """Move the staged files and folders into ``outdir`` together (kg.export.atomic)."""
    from kg.export import FILENAMES
    from kg.export.atomic import commit

    moves = [(src, outdir / FILENAMES[fmt]) for fmt, src in sorted(staged.items())]
    commit(moves)
    return [dst for _src, dst in moves]


# ---------------------------------------------------------------- from a store


@dataclass
class ExportResult:
    documents: int = 0
    triples: int = 0
    written: list[Path] = field(default_factory=list)


def _rdflib(t: Any) -> Any:
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value
    return Literal(t.value, datatype=None if dt == "http://www.w3.org/2001/XMLSchema#string" else URIRef(dt))


def export_store(store_dir: str | Path, outdir: str | Path, fmts: Iterable[str], title: str = "kg") -> ExportResult:
    """Write the store's graph in ``fmts`` to ``outdir`` (which must exist): the merged graph for
    the line formats, each document's named graph for ``nq`` and ``trig``.

    Raises:
        StoreError: when ``store_dir`` is not a kg store.
        OutputError: when an output cannot be written (nothing is replaced then).
    """
    import pyoxigraph as ox

    from kg.export import check_formats
    from kg.export.lines import Runs, Terms, line, prefix_table
    from kg.export.nquads import document_quads
    from kg.export.trig import document_block
    from kg.store import KgStore

    fmts = check_formats(list(fmts))
    outdir = Path(outdir)
    out = ExportResult()
    work = Path(tempfile.mkdtemp(prefix="kg-export-"))
    stage = Stage(outdir)
    docs_out = DocumentOutputs(stage, fmts, work)
    try:
        with KgStore.open(store_dir, read_only=True) as st:
            prefixes = prefix_table(st.base)
            doc_iris = [st.doc_iri(d) for d in st.document_ids()]
            out.documents = len(doc_iris)
            if DOCUMENT_FORMATS & set(fmts):
                terms = Terms(prefixes)
                quads, trig = [], []
                for k, iri in enumerate(doc_iris):
                    triples = [(_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object))
                               for q in st.store.quads_for_pattern(None, None, None, ox.NamedNode(iri))]
                    if "nq" in fmts:
                        quads.append(document_quads(iri, triples))
                    if "trig" in fmts:
                        trig.append(document_block(iri, triples, terms))
                    if (k + 1) % 500 == 0 or k + 1 == len(doc_iris):
                        docs_out.add(k // 500, "".join(quads), "".join(trig))
                        quads, trig = [], []
                docs_out.used |= terms.used
            staged = docs_out.finish(prefixes)
            view = None
            if "html" in fmts:
                from kg.export.html import ViewCollector

                view = ViewCollector()
                ev = ox.NamedNode("https://w3id.org/kg-cn/ontology#evidence")
                for q in st.store.quads_for_pattern(None, ev, None, None):
                    if isinstance(q.graph_name, ox.NamedNode) and isinstance(q.subject, ox.NamedNode):
                        view.evidence(q.graph_name.value, q.subject.value, q.object.value)
            if LINE_FORMATS & set(fmts):
                runs = Runs(work)
                try:
                    terms = Terms(prefixes)
                    batch: list[str] = []
                    for q in st.triples():
                        batch.append(line(_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object), terms))
                        if len(batch) >= 100_000:
                            runs.add(batch)
                            batch = []
                    runs.add(batch)
                    got, out.triples = write_line_formats(fmts, runs.merged(), terms.used, prefixes, stage, work,
                                                          title, view=view)
                    staged.update(got)
                finally:
                    runs.close()
        out.written = replace(staged, outdir)
    except OSError as e:
        raise OutputError(f"{outdir}: cannot write ({e.strerror or e}); nothing was replaced") from e
    finally:
        docs_out.close()
        stage.cleanup()
        shutil.rmtree(work, ignore_errors=True)
    return out
