"""The build flow on every engine: the same bytes whatever runs it, and its parts on their own."""

from __future__ import annotations

import json
import pickle

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.engines import ENGINES, engine
from kg.errors import ConfigError
from kg.export.lines import Runs
from kg.flow import build
from kg.ingest import make_document
from kg.pipeline import record

from .conftest import SAMPLE, SHARED

XWLB = SHARED / "corpus" / "xwlb" / "xwlb_articles.jsonl"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """About 1,200 documents: 新闻联播 items when ../shared is here, else the sample's paragraphs."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    rows = []
    if XWLB.exists():
        with XWLB.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % 20 == 0:
                    rows.append(json.loads(line))
                if len(rows) >= 1200:
                    break
    else:
        paras = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if len(p) > 30]
        rows = [{"id": f"p{i}", "text": p} for i, p in enumerate(paras * 3)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _build(corpus, out, **kw):
    out.mkdir()
    res = build([corpus], out, ["ttl", "nt", "nq", "html", "trig", "jsonld", "graphml", "csv"], **kw)
    return res, {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    return _build(corpus, tmp_path_factory.mktemp("j1") / "out", jobs=1)


def test_two_processes_write_the_same_bytes(corpus, one_process, tmp_path):
    res1, files1 = one_process
    res2, files2 = _build(corpus, tmp_path / "out", jobs=2, engine="process")
    assert files1 == files2
    assert res1.documents == res2.documents > 100 and res1.triples == res2.triples


def test_dask_writes_the_same_bytes(corpus, one_process, tmp_path):
    pytest.importorskip("distributed")
    _res, files = _build(corpus, tmp_path / "out", jobs=2, engine="dask")
    assert files == one_process[1]


def test_streamed_turtle_is_the_graph_of_the_small_path(corpus, one_process):
    """The corpus writer (sorted runs, merged) and kg.build (an rdflib Graph) give one graph."""
    _res, files = one_process
    streamed = Graph().parse(data=files["graph.ttl"].decode("utf-8"), format="turtle")
    assert isomorphic(streamed, kg.build([corpus]))
    nt = Graph().parse(data=files["graph.nt"].decode("utf-8"), format="nt")
    assert isomorphic(streamed, nt)


def test_shards_hold_a_named_graph_per_document(one_process):
    import pyoxigraph as ox

    res, files = one_process
    shards = sorted(k for k in files if k.startswith("nq/"))
    assert shards[0] == "nq/part-00000.nq" and len(shards) == -(-res.documents // 500)
    store = ox.Store()
    for k in shards:
        store.load(files[k], format=ox.RdfFormat.N_QUADS)
    assert len(list(store.named_graphs())) == res.documents
    # each document's graph is whole: its entities carry their class and label
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e <https://w3id.org/kg-cn/ontology#mentionedIn> ?s . " \
        "FILTER NOT EXISTS { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l } } }"
    assert int(next(iter(store.query(q)))["n"].value) == 0


def test_the_record_is_small_and_picklable(sample_doc):
    rec = record(sample_doc)
    data = pickle.dumps(rec)
    assert pickle.loads(data) == rec
    assert len(data) < len(sample_doc.text.encode("utf-8")) * 3
    for s, e, t in rec.sentences:
        assert sample_doc.text[s:e] == t


def test_a_document_does_not_change_how_the_next_is_read():
    """Zones and villages one document names are its own (the map step has no memory)."""
    a = make_document("浙江安吉县余村考察。", "a")
    b = make_document("余村是个好地方。安吉县发展迅速。", "b")
    alone = record(b)
    record(a)
    assert record(b) == alone


def test_runs_merge_sorted_and_distinct(tmp_path):
    runs = Runs(tmp_path, limit=3)
    runs.add(["b\n", "a\n", "c\n", "a\n"])
    runs.add_sorted("a\nd\n")
    runs.add(["e\n", "b\n"])
    assert list(runs.merged()) == ["a\n", "b\n", "c\n", "d\n", "e\n"]
    runs.close()


def test_engines_keep_the_input_order():
    for name in ("local", "process"):
        with engine(name, jobs=2) as eng:
            assert list(eng.map(sum, ([i, i] for i in range(50)))) == [2 * i for i in range(50)]


def _pid(_chunk):
    import os

    return os.getpid()


def test_one_chunk_runs_in_this_process_and_more_in_workers():
    import os

    with engine("process", jobs=2) as eng:
        assert list(eng.map(_pid, [[1]])) == [os.getpid()]  # a single article starts no workers
        assert os.getpid() not in set(eng.map(_pid, [[i] for i in range(8)]))


def test_unknown_engine_lists_the_valid_ones():
    with pytest.raises(ConfigError, match="choose one of: " + ", ".join(ENGINES)):
        engine("spark")
    with pytest.raises(ConfigError, match="--scheduler needs --engine dask"):
        engine("process", scheduler="tcp://x:1")
