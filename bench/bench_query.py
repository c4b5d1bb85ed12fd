"""Query speed on a store built from the 新闻联播 corpus: every cookbook query, median of several runs.

    python bench/bench_query.py [--docs 3000] [--runs 5] [--store DIR] [--rdflib]

Reads the first N articles of ../shared/corpus/xwlb/xwlb_articles.jsonl (skips when absent),
builds a store from them with `kg build --store` (or reuses --store DIR when it already holds
documents), then times each cookbook query on Oxigraph: unbound (every region, every
indicator) and, for the parameterised ones, bound to the most reported values. Prints the
corpus size, the triples, the build time and the median / fastest time per query. With
--rdflib, also times a few of them once on rdflib's pure-Python engine, for comparison.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "xwlb" / "xwlb_articles.jsonl"


def _folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _top(st, query: str) -> str | None:
    _form, res = st.query(query)
    for row in res:
        return row[0].value
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=3000, help="articles to build from (default 3000)")
    ap.add_argument("--runs", type=int, default=5, help="runs per query; the median is reported (default 5)")
    ap.add_argument("--store", type=Path, help="store folder to build into or reuse (default: a temporary one)")
    ap.add_argument("--rdflib", action="store_true", help="also time some queries on rdflib's engine (slow)")
    a = ap.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} not found; skipped")
        return 0
    logging.getLogger("jieba").setLevel(logging.ERROR)
    import jieba

    jieba.setLogLevel(logging.ERROR)
    from kg.query import bind_params, cookbook
    from kg.store import KgStore, build_store

    tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
    store = a.store or Path(tmp.name) / "kgstore"
    reuse = store.exists() and any(store.iterdir())
    if reuse:
        with KgStore.open(store, read_only=True) as st:
            n_docs = len(st.documents())
        print(f"store            {store} (reused, {n_docs} documents)")
    else:
        subset = Path(tmp.name) / "articles.jsonl"
        chars = 0
        with CORPUS.open(encoding="utf-8") as f, subset.open("w", encoding="utf-8") as out:
            for line in itertools.islice(f, a.docs):
                out.write(line)
                chars += len(json.loads(line).get("text", ""))
        t0 = time.perf_counter()
        res = build_store([subset], store)
        build = time.perf_counter() - t0
        n_docs = res.store_documents
        print(f"corpus           {a.docs} xwlb articles, {chars} characters")
        print(f"build            {build:.1f} s  ({build / max(1, res.documents) * 1000:.1f} ms per article, "
              f"extraction included)")
    with KgStore.open(store, read_only=True) as st:
        triples = len(st)
        quads = len(st.store)
        counts = st.class_counts()
        print(f"store            {n_docs} documents, {triples} triples in the merged graph, "
              f"{quads} quads in all, {_folder_size(store) / 1e6:.1f} MB on disk")
        print("classes          " + ", ".join(f"{c} {counts.get(c, 0)}" for c in (
            "Official", "Region", "Company", "Project", "Initiative", "Observation")))
        region = _top(st, "SELECT ?name WHERE { ?o kg:region/rdfs:label ?name } GROUP BY ?name ORDER BY DESC(COUNT(*)) LIMIT 1")
        indicator = _top(st, "SELECT ?i WHERE { ?o kg:indicator ?i ; kg:period ?p ; kg:measure kg:growth } "
                             "GROUP BY ?i ORDER BY DESC(COUNT(*)) LIMIT 1")
        label = _top(st, "SELECT ?l WHERE { ?p a kg:Project ; rdfs:label ?l } ORDER BY ?l LIMIT 1")
        cases: list[tuple[str, dict[str, str]]] = [(name, {}) for name in cookbook()]
        bound = {"officials": {"region": region}, "projects": {"region": region}, "region": {"region": region},
                 "ranking": {"indicator": indicator, "measure": "growth"}, "source": {"label": label}}
        cases += [(n, {k: v for k, v in p.items() if v}) for n, p in bound.items() if all(p.values())]
        print()
        print(f"{'query':<44} {'rows':>7} {'median ms':>10} {'min ms':>8}")
        for name, params in cases:
            rec = cookbook()[name]
            subs = bind_params(rec.text, params, rec, st.base)
            times = []
            rows = 0
            for _ in range(a.runs):
                t0 = time.perf_counter()
                _form, results = st.query(rec.text, subs)
                rows = sum(1 for _ in results)
                times.append((time.perf_counter() - t0) * 1000)
            shown = name + "".join(f" {k}={v}" for k, v in params.items())
            print(f"{shown[:44]:<44} {rows:>7} {statistics.median(times):>10.1f} {min(times):>8.1f}")
        if a.rdflib:
            _rdflib(st)
    tmp.cleanup()
    return 0


def _rdflib(st) -> None:
    """Time the light cookbook queries once on rdflib's own engine over the same merged graph."""
    from kg.query import cookbook, prefixes

    t0 = time.perf_counter()
    g = st.to_rdflib()
    print(f"\nrdflib           loaded {len(g)} triples in {time.perf_counter() - t0:.1f} s")
    ns = prefixes(st.base)
    for name in ("counts", "companies", "officials", "shared-initiatives", "ranking"):
        t0 = time.perf_counter()
        n = len(list(g.query(cookbook()[name].text, initNs=ns)))
        print(f"rdflib {name:<37} {n:>7} {(time.perf_counter() - t0) * 1000:>10.1f}  (one run)")


if __name__ == "__main__":
    sys.exit(main())
