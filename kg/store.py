"""A persistent graph store on disk (Oxigraph), one named graph per document.

Layout of a store folder (an Oxigraph/RocksDB database):

- one **named graph per document**, named by the document's IRI (``…/doc/<id>``), holding
  that document's graph: its entities, posts, figures and provenance;
- the **default graph**: the merged graph, the set union of all document graphs. Entities
  named in several documents are one node there, because IRIs are minted from class and
  name. Queries run on it, so a triple stated by three documents is one triple, not three;
- a small metadata graph (``urn:x-kg:store``) recording the instance namespace.

Adding a document whose id and content hash are already in the store changes nothing;
adding one whose id is there with other text replaces it; removing a document drops its
graph and takes out of the default graph only the triples no other document states.

>>> import tempfile
>>> with KgStore.open(tempfile.mkdtemp() + "/s", create=True) as s:
...     s.document_ids()
[]
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.ontology import DEFAULT_BASE, NS

log = logging.getLogger(__name__)

META_GRAPH = "urn:x-kg:store"
META_BASE = "urn:x-kg:base"
META_FORMAT = "urn:x-kg:format"
STORE_FORMAT = "1"
_KG_SHA = NS + "sha256"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
REGION_CLASSES = ("Region", "Country", "Province", "City", "District", "Zone")


class StoreError(KgError):
    """A store folder that cannot be opened, created or changed."""


@dataclass
class StoreBuildResult:
    """What ``build_store`` did."""

    documents: int = 0  # documents read from the inputs
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0  # same text as a document already stored under another id
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    store_documents: int = 0
    store_triples: int = 0
    counts: Counter = field(default_factory=Counter)


def content_hash(text: str) -> str:
    """Return the SHA-256 of a document's clean text (the ``kg:sha256`` of its graph)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _looks_like_store(path: Path) -> bool:
    return (path / "CURRENT").is_file() and any(path.glob("MANIFEST-*"))


class KgStore:
    """A kg graph in a pyoxigraph Store: on disk (``open``) or in memory (``from_files``).

    Use as a context manager, or call ``close()``; the database lock is released then.
    """

    def __init__(self, store: Any, path: Path | None, base: str, *, union: bool = False, read_only: bool = True):
        self.store = store
        self.path = path
        self.base = base
        self.union = union  # query the union of graphs (graph files holding quads)
        self.read_only = read_only

    # ------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, base: str | None = None,
             read_only: bool = False) -> KgStore:
        """Open the store in folder ``path``.

        Args:
            create: make a new store when the folder is missing or empty.
            base: the instance namespace; must match the store's when it has one.
            read_only: open without the write lock (``kg query``, ``kg serve``); several
                readers may share a store, but not while ``kg build`` writes to it.

        Raises:
            StoreError: when the folder is not a kg store, is locked by another process,
                or was built with another ``--base``.
        """
        import pyoxigraph as ox

        path = Path(path)
        hint = f"build one with `kg build INPUT --store {path}`"
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: not a folder; choose a folder for the store")
        existing = path.is_dir() and _looks_like_store(path)
        if not existing:
            if not create:
                raise StoreError(f"{path}: no store here; {hint}")
            if path.is_dir() and any(path.iterdir()):
                raise StoreError(f"{path}: folder is not empty and holds no store; choose a new or empty folder")
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreError(f"{path}: the store is in use by another kg process (kg build or kg serve?); "
                                 "stop it and try again") from None
            raise StoreError(f"{path}: cannot open the store ({msg.splitlines()[0][:200]})") from None
        self = cls(store, path, base or DEFAULT_BASE, read_only=read_only)
        stored = self._meta(META_BASE)
        if existing and stored is None and len(store) > 0:
            self.close()
            raise StoreError(f"{path}: an Oxigraph database without kg metadata; use a store made by `kg build --store`")
        if stored is not None:
            if base and base != stored:
                self.close()
                raise StoreError(f"{path}: the store uses --base {stored}; build with that base or another store")
            self.base = stored
        elif not read_only:
            self._set_meta()
        return self

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], base: str | None = None) -> KgStore:
        """Load graph files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) into an in-memory store.

        Files holding named graphs (TriG, N-Quads) are queried as the union of their graphs.

        Raises:
            InputError: for a missing file, an unknown extension or a syntax error.
        """
        import pyoxigraph as ox

        store = ox.Store()
        union = False
        for p in paths:
            p = Path(p)
            if not p.is_file():
                raise InputError(f"{p}: no such file; give a graph file written by `kg build` (output/graph.ttl)")
            fmt = ox.RdfFormat.from_extension(p.suffix.lstrip(".").lower()) if p.suffix else None
            if fmt is None:
                exts = "ttl, nt, nq, trig, jsonld, rdf, owl"
                raise InputError(f"{p}: unknown graph format; use one of the extensions {exts}")
            union = union or fmt.supports_datasets
            try:
                store.bulk_load(path=str(p), format=fmt)
            except (SyntaxError, ValueError) as e:
                raise InputError(f"{p}: not valid {fmt.name} ({str(e).splitlines()[0][:200]})") from None
            except OSError as e:
                raise InputError(f"{p}: cannot read ({e})") from None
        return cls(store, None, base or _guess_base(store) or DEFAULT_BASE, union=union)

    def close(self) -> None:
        """Release the store (and its lock); the object is unusable afterwards."""
        if self.store is not None:
            if not self.read_only and self.path is not None:
                try:
                    self.store.flush()
                except OSError:  # pragma: no cover - reported by the next open
                    log.warning("%s: flush failed", self.path, exc_info=True)
            self.store = None

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ metadata
    def _meta(self, key: str) -> str | None:
        import pyoxigraph as ox

        for q in self.store.quads_for_pattern(ox.NamedNode(META_GRAPH), ox.NamedNode(key), None,
                                              ox.NamedNode(META_GRAPH)):
            return q.object.value
        return None

    def _set_meta(self) -> None:
        import pyoxigraph as ox

        g = ox.NamedNode(META_GRAPH)
        self.store.extend([ox.Quad(g, ox.NamedNode(META_BASE), ox.Literal(self.base), g),
                           ox.Quad(g, ox.NamedNode(META_FORMAT), ox.Literal(STORE_FORMAT), g)])

    # ------------------------------------------------------------ documents
    def doc_iri(self, doc_id: str) -> str:
        """Return the IRI of document ``doc_id`` (also the name of its graph)."""
        from kg.export.turtle import safe_iri

        return safe_iri(f"{self.base}doc/{doc_id}")

    def documents(self) -> dict[str, str]:
        """Return {document id: content hash} for every document in the store."""
        import pyoxigraph as ox

        prefix = f"{self.base}doc/"
        out = {}
        for q in self.store.quads_for_pattern(None, ox.NamedNode(_KG_SHA), None, None):
            g = q.graph_name
            if isinstance(g, ox.NamedNode) and g == q.subject and g.value.startswith(prefix):
                out[g.value[len(prefix):]] = q.object.value
        return out

    def document_ids(self) -> list[str]:
        """Return the ids of the stored documents, sorted."""
        return sorted(self.documents())

    def _id_of(self, doc: str) -> str:
        prefix = f"{self.base}doc/"
        if doc.startswith(prefix):
            return doc[len(prefix):]
        if doc.startswith("doc:"):
            return doc[4:]
        return doc

    def add_quads(self, doc_id: str, triples: Iterable[tuple[Any, Any, Any]]) -> list[Any]:
        """Return the quads that store one document's triples (its graph plus the default graph)."""
        import pyoxigraph as ox

        g = ox.NamedNode(self.doc_iri(doc_id))
        d = ox.DefaultGraph()
        out = []
        for s, p, o in triples:
            out.append(ox.Quad(s, p, o, g))
            out.append(ox.Quad(s, p, o, d))
        return out

    def write(self, quads: list[Any]) -> None:
        """Add quads in one transaction.

        Raises:
            StoreError: when the store cannot be written.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        try:
            self.store.extend(quads)
        except OSError as e:
            raise StoreError(f"{self.path}: cannot write ({e})") from None

    def remove(self, doc: str, *, check: bool = True) -> str:
        """Remove a document (by id, ``doc:ID`` or IRI) and return its id.

        Its graph is dropped; triples of the merged graph that no other document states go
        with it, in one transaction.

        Raises:
            StoreError: when no such document is in the store.
        """
        doc_id = self._id_of(doc)
        if check and doc_id not in self.documents():
            raise StoreError(f"no document {doc!r} in {self.path or 'the store'}; "
                             f"`kg query --store {self.path} documents` lists the ids")
        iri = self.doc_iri(doc_id)
        update = (
            "DELETE { ?s ?p ?o } WHERE {\n"
            f"  GRAPH <{iri}> {{ ?s ?p ?o }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{iri}>) }}\n"
            f"}} ;\nDROP SILENT GRAPH <{iri}>"
        )
        try:
            self.store.update(update)
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self.path}: cannot remove {doc_id} ({e})") from None
        log.info("removed %s", doc_id)
        return doc_id

    # ------------------------------------------------------------ reading
    def __len__(self) -> int:
        """Return the number of triples in the merged (default) graph."""
        res = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=self.union)
        return int(next(iter(res))["n"].value)

    def class_counts(self) -> Counter:
        """Return {class local name: distinct nodes}; region levels are counted as ``Region`` too."""
        q = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"
        out: Counter = Counter()
        regions: set = set()
        for row in self.store.query(q, use_default_graph_as_union=self.union):
            c = row["c"].value
            if c.startswith(NS):
                out[c[len(NS):]] = int(row["n"].value)
        q2 = f"SELECT DISTINCT ?s WHERE {{ ?s a ?c . VALUES ?c {{ {' '.join(f'<{NS}{c}>' for c in REGION_CLASSES)} }} }}"
        for row in self.store.query(q2, use_default_graph_as_union=self.union):
            regions.add(row["s"])
        out["Region"] = len(regions)
        return out

    def query(self, text: str, substitutions: dict | None = None, **kwargs: Any) -> tuple[str, Any]:
        """Run a read-only query on the merged graph; see ``kg.query.run``."""
        from kg.query import run

        return run(self.store, text, substitutions, union=self.union, base=self.base, **kwargs)

    def triples(self) -> Iterator[Any]:
        """Yield the merged graph's triples (pyoxigraph Quads)."""
        import pyoxigraph as ox

        if self.union:
            seen = set()
            for q in self.store:
                t = q.triple
                if t not in seen:
                    seen.add(t)
                    yield q
        else:
            yield from self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())

    def to_rdflib(self) -> Any:
        """Return the merged graph as an rdflib Graph (for the Turtle and HTML exporters)."""
        import pyoxigraph as ox
        from rdflib import Namespace

        from kg.graph import new_graph

        data = ox.serialize((q.triple for q in self.triples()), format=ox.RdfFormat.N_TRIPLES) or b""
        g = new_graph()
        g.bind("kgr", Namespace(self.base))
        g.parse(data=data.decode("utf-8"), format="nt")
        return g


def _guess_base(store: Any) -> str | None:
    """The instance namespace of a loaded graph file: the part of a document IRI before ``doc/``."""
    import pyoxigraph as ox

    for q in store.quads_for_pattern(None, ox.NamedNode(_RDF_TYPE), ox.NamedNode(NS + "Document"), None):
        iri = q.subject.value
        if "/doc/" in iri:
            return iri[: iri.rindex("/doc/") + 1]
    return None


# ---------------------------------------------------------------- building


def to_ox(triples: Iterable[tuple[Any, Any, Any]]) -> Iterator[tuple[Any, Any, Any]]:
    """Convert rdflib triples to pyoxigraph terms, IRIs written as the Turtle writer writes them."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    from kg.export.turtle import safe_iri

    nodes: dict[str, Any] = {}

    def node(t: Any) -> Any:
        if isinstance(t, URIRef):
            n = nodes.get(t)
            if n is None:
                n = nodes[t] = ox.NamedNode(safe_iri(str(t)))
            return n
        if isinstance(t, Literal):
            if t.language:
                return ox.Literal(str(t), language=t.language)
            if t.datatype is not None:
                return ox.Literal(str(t), datatype=node(URIRef(t.datatype)))
            return ox.Literal(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        raise TypeError(f"cannot store {t!r}")

    for s, p, o in triples:
        yield node(s), node(p), node(o)


def build_store(inputs: Iterable[str | Path], path: str | Path, base: str | None = None,
                on_error: Callable[[InputError], None] | None = None,
                progress: Callable[[int], None] | None = None, *, engine: str | None = "local",
                jobs: int | None = None, scheduler: str | None = None, recall: bool = False) -> StoreBuildResult:
    """Read every input and add each new document to the store in folder ``path`` (created if missing).

    A document already stored with the same id and text is left as it is; one stored
    under its id with other text is replaced; one whose text is stored under another id
    is skipped as a duplicate. The documents of one run are analysed on ``engine`` and
    resolved together (kg.build), written as N-Quads (each document's graph, and the merged
    default graph) and bulk-loaded, not added triple by triple.

    Raises:
        StoreError: when the store cannot be opened or written.
        InputError: when no document could be read from the inputs.
    """
    import tempfile

    from kg.engines import engine as make_engine
    from kg.export.lines import prefix_table
    from kg.flow import EMIT_CHUNK, EmitContext, Spill, emit_chunk, reduce_records
    from kg.ingest import iter_documents
    from kg.resolve import Resolver

    t0 = time.perf_counter()
    res = StoreBuildResult()

    def err(e: InputError) -> None:
        res.failed.append(str(e))
        if on_error:
            on_error(e)
        else:
            log.error("%s", e)

    with KgStore.open(path, create=True, base=base) as st:
        known = st.documents()
        by_hash = {h: i for i, h in known.items()}
        this_run: set[str] = set()
        replace: list[str] = []

        def fresh() -> Iterator[Any]:
            """The documents to add: neither stored already nor seen twice."""
            for doc in iter_documents(inputs, err):
                res.documents += 1
                h = content_hash(doc.text)
                if known.get(doc.id) == h:
                    res.unchanged += 1
                    res.notes.extend(f"{doc.source}: {n}" for n in doc.notes)
                elif h in by_hash and by_hash[h] != doc.id:
                    res.duplicates += 1
                    res.notes.append(f"{doc.source}: same text as document {by_hash[h]}; skipped")
                elif doc.id in this_run:
                    res.duplicates += 1
                    res.notes.append(f"{doc.source}: id {doc.id} appears twice in the inputs; kept the first")
                else:
                    if doc.id in known:
                        replace.append(doc.id)
                        res.replaced += 1
                    else:
                        res.added += 1
                    this_run.add(doc.id)
                    known[doc.id] = h
                    by_hash[h] = doc.id
                    yield doc
                    continue
                if progress:
                    progress(1)

        resolver = Resolver(st.base)
        with tempfile.TemporaryDirectory(prefix=".kg-load-", dir=Path(path)) as work:
            spill = Spill(work)
            try:
                with make_engine(engine, jobs, scheduler) as eng:
                    notes: list[str] = []
                    reduce_records(fresh(), eng, resolver, spill, progress, notes, recall=recall)
                    log.info("map and reduce: %d documents in %.1f s", res.documents, time.perf_counter() - t0)
                    res.notes.extend(notes)
                    if res.documents == 0:
                        raise InputError("no document could be read from the inputs"
                                         + (f" ({res.failed[0]})" if res.failed else ""))
                    resolver.finalize()
                    ctx = EmitContext(resolver, prefix_table(resolver.base), lines=False, quads=True,
                                      default_graph=True, quads_dir=work if eng.shares_files else None)
                    # each chunk's N-Quads are loaded as they come, while the workers emit the next
                    # ones (the replaced documents go first); an interrupted build leaves the
                    # documents loaded so far, each whole, and the next build adds the rest.
                    # Oxigraph's bulk loader lets go of the GIL: the loads run on threads, one per
                    # job, beside each other and beside the workers (the same store in the end)
                    tasks = spill.slices(EMIT_CHUNK) if eng.shares_files else spill.chunks(EMIT_CHUNK)
                    threads = max(1, eng.jobs)
                    loads: deque[Future[None]] = deque()
                    with ThreadPoolExecutor(threads, thread_name_prefix="kg-load") as loader:
                        for i, part in enumerate(eng.map(emit_chunk, tasks, ctx)):
                            if i == 0:
                                for doc_id in replace:
                                    st.remove(doc_id, check=False)
                            loads.append(loader.submit(_bulk_load, st, part.quads_file or part.quads, path,
                                                       bool(part.quads_file)))
                            while len(loads) > threads:
                                loads.popleft().result()
                        while loads:
                            loads.popleft().result()
                    log.info("emit and bulk load: %.1f s", time.perf_counter() - t0)
            finally:
                spill.close()
        res.store_documents = len(known)
        # the compaction runs on a thread of its own (Oxigraph lets go of the GIL) while the
        # counts are read here: RocksDB answers reads beside it, from the same data
        with ThreadPoolExecutor(1, thread_name_prefix="kg-optimize") as compactor:
            settled = compactor.submit(_settle, st) if res.added or res.replaced else None
            res.store_triples = len(st)
            res.counts = st.class_counts()
            if settled is not None:
                settled.result()
        log.info("counts and compaction: %.1f s", time.perf_counter() - t0)
    res.seconds = time.perf_counter() - t0
    return res


def _bulk_load(st: KgStore, quads: str, path: str | Path, is_file: bool = False) -> None:
    """Load one chunk's N-Quads: the text, or (``is_file``) the file of that name, then removed.

    ``lenient``: the N-Quads are kg's own (``kg.export.nquads``, every IRI written by
    ``safe_iri``, which tests/test_terms.py holds to rdflib's), so Oxigraph does not parse and
    check each IRI again (a twentieth of the load's CPU)."""
    import pyoxigraph as ox

    try:
        if is_file:
            st.store.bulk_load(path=quads, format=ox.RdfFormat.N_QUADS, lenient=True)
            Path(quads).unlink()
        else:
            st.store.bulk_load(quads, format=ox.RdfFormat.N_QUADS, lenient=True)
    except (OSError, ValueError, SyntaxError) as e:
        raise StoreError(f"{path}: cannot load the new documents ({str(e).splitlines()[0][:200]})") from None


def _settle(st: KgStore) -> None:
    """Compact the store after a build (``optimize``: RocksDB merges the tables each bulk load
    added into one sorted run per index), so queries read one table, not many (on 3,000
    articles the cookbook's queries take 1.2x as long on a store left as loaded)."""
    try:
        st.store.optimize()
    except OSError as e:  # the data is safe either way
        log.warning("%s: could not compact the store (%s)", st.path, e)
