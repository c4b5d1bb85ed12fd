"""The flow of a build: map → reduce → emit, streaming, on any engine.

1. **map**: documents are read here and analysed in chunks by the engine's workers; each comes
   back as a small ``DocRecord`` (``kg.pipeline.record``), in input order;
2. **reduce**: the resolver merges the records into one entity table (``kg.resolve``), and the
   records are spilled to a temporary file, so no text and no graph is held;
3. **emit**: the workers turn the records back into triples against the finalized table
   (``kg.graph.Emitter``): sorted runs of lines for the merged graph, and N-Quads of each
   document's own graph; the runs are merged into one stream (``kg.export.lines``) that the
   Turtle, N-Triples and view writers read.

The output depends only on the inputs: byte-identical for ``--jobs 1``, ``--jobs 2`` and the
Dask engine. ``build_graph`` is the small path for the API: the same records and table, into
an rdflib Graph.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, OutputError
from kg.model import DocRecord

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.resolve import Resolver

log = logging.getLogger(__name__)

MAP_CHUNK = 16  # documents per map task
EMIT_CHUNK = 500  # documents per emit task, and per N-Quads shard (fixed: the shards never depend on --jobs)


@dataclass
class BuildResult:
    """What a build read and wrote."""

    graph: Graph | None = None  # the merged graph (``build_graph`` only)
    documents: int = 0
    failed: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


# ---------------------------------------------------------------- map


def analyse_chunk(docs: list[Any], recall: bool = False) -> list[DocRecord]:
    """The map task: analyse each document of a chunk and return their records (with the slugs
    of their entities' IRIs, which the reducer would otherwise make one at a time)."""
    from dataclasses import replace

    from kg.iri import slug
    from kg.model import REGION
    from kg.pipeline import record

    out = []
    for d in docs:
        rec = record(d, recall)
        out.append(replace(rec, slugs=tuple((e.key, slug(e.key)) for e in rec.entities if e.cls != REGION)))
    return out


def _chunks(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(frozen=True)
class SpillSlice:
    """Where ``n`` records of a spill file are (a task a worker on this machine reads itself):
    (offset of a pickled batch, records to skip in it, records to take) for each batch."""

    path: str
    parts: tuple[tuple[int, int, int], ...]

    def load(self) -> list[DocRecord]:
        out: list[DocRecord] = []
        with open(self.path, "rb") as f:
            for offset, skip, take in self.parts:
                f.seek(offset)
                out.extend(pickle.load(f)[skip : skip + take])
        return out


class Spill:
    """Records written to a temporary file in chunks and read back in the same order."""

    def __init__(self, folder: str | Path | None = None):
        fd, self.path = tempfile.mkstemp(prefix="kg-records-", suffix=".pickle", dir=folder)
        self._f = os.fdopen(fd, "wb")
        self.count = 0
        self._batches: list[tuple[int, int]] = []  # (offset, records) of each pickled batch

    def write(self, recs: list[DocRecord]) -> None:
        if recs:
            self._batches.append((self._f.tell(), len(recs)))
            pickle.dump(recs, self._f, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(recs)

    def slices(self, n: int) -> Iterator[SpillSlice]:
        """Yield where the records are, ``n`` at a time (the chunks ``chunks`` yields), for
        workers that read this file themselves: the records then never pass through this process."""
        self._f.flush()
        parts: list[tuple[int, int, int]] = []
        have = 0
        for offset, count in self._batches:
            skip = 0
            while skip < count:
                take = min(count - skip, n - have)
                parts.append((offset, skip, take))
                skip += take
                have += take
                if have == n:
                    yield SpillSlice(self.path, tuple(parts))
                    parts, have = [], 0
        if parts:
            yield SpillSlice(self.path, tuple(parts))

    def chunks(self, n: int) -> Iterator[list[DocRecord]]:
        """Yield the records again, ``n`` at a time."""
        self._f.flush()
        buf: list[DocRecord] = []
        with open(self.path, "rb") as f:
            while True:
                try:
                    buf.extend(pickle.load(f))
                except EOFError:
                    break
                while len(buf) >= n:
                    yield buf[:n]
                    buf = buf[n:]
        if buf:
            yield buf

    def close(self) -> None:
        self._f.close()
        try:
            os.unlink(self.path)
        except OSError:
            pass


def reduce_records(docs: Iterable[Any], eng: Any, res: Resolver, spill: Spill | None,
                   progress: Callable[[int], None] | None, notes: list[str],
                   keep: list[DocRecord] | None = None, recall: bool = False) -> int:
    """Map documents to records on engine ``eng`` and reduce them into ``res``; return the count read.

    Each record goes to ``spill`` (or ``keep``) unless its id was added before."""
    n = 0
    import functools

    fn = functools.partial(analyse_chunk, recall=True) if recall else analyse_chunk
    for recs in eng.map(fn, _chunks(docs, MAP_CHUNK)):
        fresh = []
        for rec in recs:
            n += 1
            notes.extend(f"{rec.source}: {note}" for note in rec.notes)
            if res.add(rec):
                fresh.append(rec)
        if spill is not None:
            spill.write(fresh)
        if keep is not None:
            keep.extend(fresh)
        if progress:
            progress(len(recs))
    return n


# ---------------------------------------------------------------- emit


@dataclass
class EmitContext:
    """What every emit worker needs: the finalized table and what to write."""

    res: Any  # a finalized Resolver
    prefixes: dict[str, str]
    lines: bool  # the merged graph's sorted lines (Turtle, N-Triples, the view)
    quads: bool  # each document's own graph as N-Quads
    default_graph: bool = False  # with quads: each triple also in the default graph (a store's merged graph)
    trig: bool = False  # each document's own graph as a TriG block
    view: bool = False  # each document's evidence sentences, paired with it (the explorer's panel)
    # with workers on this machine: the folder of the sorted runs, where each task writes its own
    # (its lines then never pass through the parent: no pickling, no copy held while in flight)
    run_dir: str | None = None
    # likewise for a store: a folder where each task writes its chunk's N-Quads for the bulk load
    quads_dir: str | None = None


@dataclass
class EmitResult:
    lines: bytes = b""  # sorted lines, UTF-8
    lines_file: str = ""  # or the run file they were written to (EmitContext.run_dir)
    quads: str = ""
    quads_file: str = ""  # or the file they were written to (EmitContext.quads_dir)
    trig: str = ""
    evidence: list[tuple[str, str, str]] = field(default_factory=list)  # (document, subject, sentence)
    used: set[str] = field(default_factory=set)
    attributions: set[tuple[str, str, str]] = field(default_factory=set)
    documents: int = 0


TABLE = "table"  # the emit task of the table triples (what every document shares), beside the chunks


def _table_lines(res: Any, prefixes: dict[str, str], run_dir: str | None = None) -> EmitResult:
    """The table triples' sorted lines (UTF-8, or a run file in ``run_dir``) and the prefixes they use."""
    from kg.export.lines import Terms, to_lines
    from kg.graph import Emitter

    terms = Terms(prefixes)
    out = EmitResult(used=terms.used)
    _put_lines(out, to_lines(Emitter(res).table(), terms), run_dir)
    return out


def _put_lines(out: EmitResult, lines: list[str], run_dir: str | None) -> None:
    """Hand sorted lines back: written to a new run file in ``run_dir``, else as UTF-8 bytes."""
    if not lines:
        return
    if run_dir is None:
        out.lines = "".join(lines).encode("utf-8")
        return
    fd, path = tempfile.mkstemp(prefix="run-w", dir=run_dir)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    out.lines_file = path


def emit_chunk(recs: list[DocRecord] | SpillSlice | str) -> EmitResult:
    """The emit task: one chunk of records (or where they are in the spill file) to sorted lines
    and N-Quads (the context is the table); ``TABLE``: the table triples' sorted lines."""
    from kg.engines import context
    from kg.export.html import first_evidence, view_evidence
    from kg.export.lines import Terms, to_lines
    from kg.graph import Emitter

    ctx: EmitContext = context()
    em = Emitter(ctx.res)
    terms = Terms(ctx.prefixes)
    if isinstance(recs, str):
        if recs != TABLE:
            raise ValueError(f"unknown emit task {recs!r}")
        return _table_lines(ctx.res, ctx.prefixes, ctx.run_dir)
    if isinstance(recs, SpillSlice):
        recs = recs.load()
    out = EmitResult(documents=len(recs))
    if ctx.lines:
        triples: list[Any] = []
        for rec in recs:
            doc = list(em.document(rec))
            if ctx.view:
                out.evidence.extend(view_evidence(ctx.res.doc_iri(rec.id), doc, ctx.res.base))
            triples.extend(doc)
        # (a run file, or bytes the parent writes to one as they are)
        _put_lines(out, to_lines(triples, terms), ctx.run_dir)
        out.evidence = first_evidence(out.evidence)
    if ctx.quads and ctx.default_graph:
        from kg.export.nquads import document_quads, nt_triples

        # for a store: each document's graph, and the merged graph's triples once for the chunk
        # (its documents repeat the table triples of what they name; the store keeps one of each),
        # in no order: the bulk load sorts every index itself
        merged: set[str] = set()
        parts = []
        for rec in recs:
            spo = nt_triples(em.document(rec, self_contained=True))
            parts.append(document_quads(ctx.res.doc_iri(rec.id), spo=spo, ordered=False))
            merged |= spo
        parts.extend(f"{t} .\n" for t in merged)
        if ctx.quads_dir is None:
            out.quads = "".join(parts)
        else:  # (written here: the parent hands the file to the loader, never holding the text)
            fd, out.quads_file = tempfile.mkstemp(prefix="part-", suffix=".nq", dir=ctx.quads_dir)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.writelines(parts)
    elif ctx.quads:
        from kg.export.nquads import document_quads

        out.quads = "".join(document_quads(ctx.res.doc_iri(rec.id), em.document(rec, self_contained=True))
                            for rec in recs)
    if ctx.trig:
        from kg.export.trig import document_block

        out.trig = "".join(document_block(ctx.res.doc_iri(rec.id), em.document(rec, self_contained=True), terms)
                           for rec in recs)
    out.used = terms.used
    out.attributions = em.attributions
    return out


class CpuClock:
    """CPU seconds of each step of a build, in this process and in its workers (those ended and
    reaped: a pool of workers ends with its map), for the log: steadier than wall time on a
    shared machine."""

    def __init__(self) -> None:
        self._last = self._now()

    @staticmethod
    def _now() -> tuple[float, float]:
        try:
            import resource
        except ImportError:  # (not on Windows)
            return time.process_time(), 0.0
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime

    def step(self) -> str:
        """The CPU seconds since the last step, as ``CPU here 1.2 s, workers 3.4 s``."""
        now = self._now()
        here, kids = now[0] - self._last[0], now[1] - self._last[1]
        self._last = now
        return f"CPU here {here:.1f} s, workers {kids:.1f} s"


# ---------------------------------------------------------------- the view, apart

VIEW_APART_MIN = 1000  # documents: from this many, a build on several cores renders the view apart
_VIEW_JOB: Any = None  # what the forked process renders: (view, runs, path, title); inherited, never pickled


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


def _render_view() -> Path:
    """In the forked process: read the merged stream into the view and write its page."""
    import gc

    from kg.export.html import view_page
    from kg.export.lines import write_stream

    gc.freeze()  # what the parent made stays shared: its collections would touch (copy) every page

    view, runs, path, title = _VIEW_JOB
    write_stream(runs.merged(), view=view)
    path.write_text(view_page(view.data(), title), encoding="utf-8", newline="\n")
    return path


class _ViewApart:
    """The view rendered by one forked worker (``concurrent.futures``, so its error is raised here)."""

    def __init__(self, view: Any, runs: Any, path: Path, title: str):
        global _VIEW_JOB
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        runs.prepare()  # every run on disk before the fork: both processes only read them
        _VIEW_JOB = (view, runs, path, title)
        self._pool = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
        self._future = self._pool.submit(_render_view)

    def result(self) -> Path:
        return self._future.result()

    def __enter__(self) -> _ViewApart:
        return self

    def __exit__(self, *exc: object) -> None:
        global _VIEW_JOB
        if exc[0] is not None:
            self._future.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        _VIEW_JOB = None


# ---------------------------------------------------------------- the build


def build(inputs: Iterable[str | Path], outdir: str | Path, formats: Iterable[str] = ("ttl", "html"), *,
          base: str | None = None, engine: str | None = None, jobs: int | None = None,
          scheduler: str | None = None, on_error: Callable[[InputError], None] | None = None,
          progress: Callable[[int], None] | None = None, title: str = "kg", recall: bool = False) -> BuildResult:
    """Build the graph of every input and write it to ``outdir`` in ``formats``, streaming.

    Args:
        inputs: files, folders, ``-``.
        outdir: the output folder (it must exist); every file is replaced atomically, all
            together, only once every one is complete.
        formats: ``ttl`` (graph.ttl), ``nt`` (graph.nt), ``html`` (graph.html), ``nq``
            (nq/part-NNNNN.nq: each document's graph as a named graph, 500 documents a file),
            ``trig`` (graph.trig, a named graph per document), ``jsonld`` (graph.jsonld),
            ``graphml`` (graph.graphml), ``csv`` (csv/officials.csv, observations.csv, entities.csv).
        engine, jobs, scheduler: where the work runs (``kg.engines``).
        progress: called with the number of documents read since the last call.
        recall: keep the names the rules are unsure of (a kind, not one thing: 人才中心); the
            default graph leaves them out.

    Raises:
        InputError: when no document could be read.
        ConfigError: for an unknown format or engine.
        OutputError: when an output cannot be written (nothing is replaced then).
    """
    from kg.engines import engine as make_engine
    from kg.export import check_formats
    from kg.export.lines import Runs, prefix_table
    from kg.export.writers import LINE_FORMATS, DocumentOutputs, Stage, replace, write_line_formats
    from kg.ingest import iter_documents
    from kg.resolve import Resolver

    fmts = check_formats(formats)
    t0 = time.perf_counter()
    cpu = CpuClock()
    outdir = Path(outdir)
    res = Resolver(base)
    failed: list[str] = []
    notes: list[str] = []

    def err(e: InputError) -> None:
        failed.append(str(e))
        if on_error:
            on_error(e)
        else:
            log.error("%s", e)

    work = tempfile.mkdtemp(prefix="kg-build-")  # records and sorted runs (TMPDIR); outputs are staged in outdir
    stage = Stage(outdir)
    spill = Spill(work)
    runs = Runs(work)
    docs_out = DocumentOutputs(stage, fmts, Path(work))
    try:
        with make_engine(engine, jobs, scheduler) as eng:
            n = reduce_records(iter_documents(inputs, err), eng, res, spill, progress, notes, recall=recall)
            log.info("map and reduce: %d documents in %.1f s (%s)", n, time.perf_counter() - t0, cpu.step())
            if n == 0:
                raise InputError("no document could be read from the inputs" + (f" ({failed[0]})" if failed else ""))
            res.finalize()
            prefixes = prefix_table(res.base)
            want_lines = bool(LINE_FORMATS & set(fmts))
            ctx = EmitContext(res, prefixes, want_lines, "nq" in fmts, trig="trig" in fmts, view="html" in fmts,
                              run_dir=runs.folder if eng.shares_files else None)
            view = None
            if ctx.view:
                from kg.export.html import ViewCollector

                view = ViewCollector()
            used: set[str] = set()
            attributions: set[tuple[str, str, str]] = set()
            # the table's lines are a task too (first, so it runs beside the documents' chunks);
            # with one chunk of documents they are made here, after it (one task: no workers)
            tasks: Iterator[list[DocRecord] | SpillSlice | str] = \
                spill.slices(EMIT_CHUNK) if eng.shares_files else spill.chunks(EMIT_CHUNK)
            table_here = want_lines and spill.count <= EMIT_CHUNK
            if want_lines and not table_here:
                tasks = itertools.chain([TABLE], tasks)
            i = 0
            for part in eng.map(emit_chunk, tasks, ctx):
                runs.add_sorted(part.lines)
                runs.add_file(part.lines_file)
                used |= part.used
                if part.documents == 0:
                    continue  # the table's task: no shard, no evidence
                if view is not None:
                    for d, subj, sentence in part.evidence:
                        view.evidence(d, subj, sentence)
                attributions |= part.attributions
                try:
                    docs_out.add(i, part.quads, part.trig)
                except OSError as e:
                    raise OutputError(f"{outdir}: cannot write ({e.strerror or e}); nothing was replaced") from e
                i += 1
            if table_here:
                part = _table_lines(res, prefixes)
                runs.add_sorted(part.lines)
                used |= part.used
            # a large build on several cores renders the view in a second process while this one
            # writes the other formats (both read the merged stream; the same page)
            view_apart = (view is not None and n >= VIEW_APART_MIN and eng.name == "process" and eng.jobs > 1
                          and any(f in LINE_FORMATS and f != "html" for f in fmts) and _can_fork())
        docs_out.used = used
        log.info("emit: %.1f s (%s)", time.perf_counter() - t0, cpu.step())
        result = BuildResult(documents=n, failed=failed, notes=notes)
        result.counts = res.counts()
        result.facts = len(res.posts) + res.observations + len(attributions)
        try:
            staged = docs_out.finish(prefixes)
            if view_apart:
                with _ViewApart(view, runs, stage.file("graph.html"), title) as apart:
                    got, result.triples = write_line_formats([f for f in fmts if f != "html"], runs.merged(), used,
                                                             prefixes, stage, Path(work), title)
                    staged["html"] = apart.result()
            else:
                got, result.triples = write_line_formats(fmts, runs.merged(), used, prefixes, stage, Path(work),
                                                         title, view=view)
            staged.update(got)
        except OSError as e:
            raise OutputError(f"{outdir}: cannot write ({e.strerror or e}); nothing was replaced") from e
        log.info("write: %.1f s (%s)", time.perf_counter() - t0, cpu.step())
        result.written = replace(staged, outdir)
    finally:
        docs_out.close()
        spill.close()
        runs.close()
        stage.cleanup()
        shutil.rmtree(work, ignore_errors=True)
    result.seconds = time.perf_counter() - t0
    return result


# ---------------------------------------------------------------- the small path


def build_graph(inputs: Iterable[str | Path], base: str | None = None,
                on_error: Callable[[InputError], None] | None = None,
                progress: Callable[[int], None] | None = None, engine: str | None = "local",
                jobs: int | None = None, recall: bool = False) -> BuildResult:
    """Read every input and return one merged rdflib Graph (for an article or a small set).

    Raises:
        InputError: when no document could be read from the inputs.
    """
    from kg.engines import engine as make_engine
    from kg.graph import to_graph
    from kg.ingest import iter_documents
    from kg.resolve import Resolver

    t0 = time.perf_counter()
    failed: list[str] = []
    notes: list[str] = []

    def err(e: InputError) -> None:
        failed.append(str(e))
        if on_error:
            on_error(e)
        else:
            log.error("%s", e)

    res = Resolver(base)
    recs: list[DocRecord] = []
    with make_engine(engine, jobs) as eng:
        n = reduce_records(iter_documents(inputs, err), eng, res, None, progress, notes, keep=recs, recall=recall)
    if n == 0:
        raise InputError("no document could be read from the inputs" + (f" ({failed[0]})" if failed else ""))
    g = to_graph(res, recs)
    attributions = {(a.cls, res.key(a.cls, a.key), a.region) for rec in recs for a in rec.attributions
                    if (a.cls, res.key(a.cls, a.key)) in res.entities}
    result = BuildResult(g, n, failed, res.counts(), notes=notes)
    result.facts = len(res.posts) + res.observations + len(attributions)
    result.triples = len(g)
    result.seconds = time.perf_counter() - t0
    return result
