"""Identity across documents: are two mentions with one name (or a name and its alias) one thing?

    python bench/identity.py sample [CORPUS.jsonl] [-n 160] [--seed 11] -o pairs.jsonl
    python bench/identity.py score [--pairs tests/data/identity_pairs.jsonl]

``sample`` reads a corpus (default: the 新闻联播 items in ../shared/corpus), finds names that
several documents use — officials with one name, companies whose short name another document
writes in full, projects and initiatives written two ways — and draws pairs of mentions from two
documents, seeded: for officials, pairs whose posts lie in one province, in two provinces, and
without a post, so the set is not only easy cases. Each pair carries both documents' evidence
sentences, titles and dates, and ``"same": null`` for a judge who reads both sentences (and knows
the world) to set to true, false or "unsure".

``score`` builds the documents of the judged pairs together and counts a pair as predicted the
same when both mentions end on one node: pairwise precision and recall over the pairs judged
true/false, and B-cubed precision and recall over the clusters the true pairs make.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAIRS = ROOT / "tests" / "data" / "identity_pairs.jsonl"
XWLB = ROOT.parent / "shared" / "corpus" / "xwlb" / "xwlb_articles.jsonl"


def _records(corpus: Path):  # -> list[DocRecord], {doc id: (title, date)}
    from kg.engines import engine
    from kg.flow import reduce_records
    from kg.ingest import iter_documents
    from kg.resolve import Resolver

    recs: list = []
    with engine(None) as eng:
        reduce_records(iter_documents([corpus], lambda e: None), eng, Resolver(), None, None, [], keep=recs)
    return recs


def _province(key: str) -> str:
    return key[:2] if key[:1].isdigit() else key


def cmd_sample(a: argparse.Namespace) -> int:
    recs = _records(Path(a.corpus))
    rng = random.Random(a.seed)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for rec in recs:
        posts: dict[str, list] = defaultdict(list)
        for p in rec.posts:
            posts[p.official].append((p.title, p.region))
        for e in rec.entities:
            if e.cls not in ("Official", "Company", "Project", "Initiative"):
                continue
            ev = rec.sentence(*e.evidence) if e.evidence != (0, 0) else ""
            by_name[(e.cls, e.key)].append({"doc": rec.id, "title": rec.title, "date": rec.date, "name": e.label,
                                            "evidence": ev, "posts": sorted(set(posts.get(e.key, [])))})
    pairs = []

    def pair(cls: str, x: dict, y: dict, kind: str) -> dict:
        return {"class": cls, "kind": kind, "a": x, "b": y, "same": None, "note": ""}

    # officials: one name in two documents
    groups = {"one province": [], "two provinces": [], "no post": []}
    for (cls, _key), ms in sorted(by_name.items()):
        if cls != "Official" or len({m["doc"] for m in ms}) < 2:
            continue
        for _ in range(2):
            x, y = rng.sample(ms, 2)
            if x["doc"] == y["doc"]:
                continue
            px = {_province(r) for _t, r in x["posts"]}
            py = {_province(r) for _t, r in y["posts"]}
            kind = "no post" if not px or not py else ("one province" if px & py else "two provinces")
            groups[kind].append((x, y))
    quota = {"one province": a.n * 3 // 10, "two provinces": a.n * 3 // 10, "no post": a.n // 10}
    for kind, got in groups.items():
        for x, y in rng.sample(got, min(quota[kind], len(got))):
            pairs.append(pair("Official", x, y, kind))
    # companies, projects, initiatives: a short name and a longer one (prefix, or one inside the other)
    for cls, share in (("Company", 0.15), ("Project", 0.1), ("Initiative", 0.05)):
        keys = sorted(k for c, k in by_name if c == cls)
        cands = []
        keyset = set(keys)
        for k in keys:
            for i in range(2, len(k)):
                if k[:i] in keyset:
                    cands.append((k[:i], k))
            for s in range(1, len(k) - 1):
                if k[s:] in keyset and len(k[s:]) >= 3:
                    cands.append((k[s:], k))
        cands = sorted(set(cands))
        for short, long in rng.sample(cands, min(int(a.n * share), len(cands))):
            x = rng.choice(by_name[(cls, short)])
            y = rng.choice([m for m in by_name[(cls, long)] if m["doc"] != x["doc"]] or by_name[(cls, long)])
            pairs.append(pair(cls, x, y, "alias"))
    rng.shuffle(pairs)
    for i, p in enumerate(pairs):
        p["id"] = f"p{i:03d}"
    Path(a.out).write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs: " + ", ".join(f"{k} {sum(1 for p in pairs if p['kind'] == k)}"
                                              for k in ("one province", "two provinces", "no post", "alias")))
    return 0


def predicted(pairs: list[dict], corpus: Path) -> dict[str, bool | None]:
    """Build the pairs' documents together; {pair id: both mentions on one node, or None when a
    mention is not read any more (its name now has other bounds)}."""
    import pyoxigraph as ox

    from kg.flow import build

    docs = {p[s]["doc"] for p in pairs for s in "ab"}
    tmp = Path(tempfile.mkdtemp(prefix="kg-identity-"))
    sub = tmp / "docs.jsonl"
    with corpus.open(encoding="utf-8") as f, sub.open("w", encoding="utf-8") as out:
        for line in f:
            rec = json.loads(line)
            if rec.get("id") in docs:
                out.write(line)
    build([sub], tmp, ["ttl"], jobs=1)
    store = ox.Store()
    store.bulk_load(path=str(tmp / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    q = ("PREFIX kg: <https://w3id.org/kg-cn/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
         "SELECT ?n ?d ?l WHERE { ?n kg:document ?d ; rdfs:label|skos:altLabel ?l }")
    nodes_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc id, name) -> nodes
    for r in store.query(q):
        doc = str(r["d"].value).rsplit("/doc/", 1)[-1]
        nodes_of[(doc, str(r["l"].value))].add(str(r["n"].value))
    out: dict[str, bool | None] = {}
    for p in pairs:
        a, b = nodes_of.get((p["a"]["doc"], p["a"]["name"]), set()), nodes_of.get((p["b"]["doc"], p["b"]["name"]), set())
        out[p["id"]] = bool(a & b) if a and b else None  # None: a mention the build no longer reads
    return out


def cmd_score(a: argparse.Namespace) -> int:
    pairs = [json.loads(x) for x in Path(a.pairs).read_text(encoding="utf-8").splitlines() if x.strip()]
    judged = [p for p in pairs if p.get("same") in (True, False)]
    if not judged:
        print("no judged pairs")
        return 1
    pred_all = predicted(judged, Path(a.corpus))
    gone = [p for p in judged if pred_all[p["id"]] is None]
    judged = [p for p in judged if pred_all[p["id"]] is not None]
    pred: dict[str, bool] = {k: bool(v) for k, v in pred_all.items() if v is not None}
    print(f"{len(gone)} judged pairs left out: a mention the build no longer reads with that name")
    tp = sum(1 for p in judged if p["same"] and pred[p["id"]])
    fp = sum(1 for p in judged if not p["same"] and pred[p["id"]])
    fn = sum(1 for p in judged if p["same"] and not pred[p["id"]])
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    print(f"pairs judged {len(judged)} (same {tp + fn}, different {len(judged) - tp - fn}); "
          f"unsure or unjudged {len(pairs) - len(judged)}")
    print(f"pairwise precision {prec:.3f}  recall {rec:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    for cls in ("Official", "Company", "Project", "Initiative"):
        js = [p for p in judged if p["class"] == cls]
        if js:
            t = sum(1 for p in js if p["same"] and pred[p["id"]])
            f_ = sum(1 for p in js if not p["same"] and pred[p["id"]])
            n_ = sum(1 for p in js if p["same"] and not pred[p["id"]])
            print(f"  {cls:<11} {len(js):>4} pairs  precision {t / (t + f_) if t + f_ else 1:.3f}  "
                  f"recall {t / (t + n_) if t + n_ else 1:.3f}")
    b3p, b3r = bcubed(judged, pred)
    print(f"B-cubed precision {b3p:.3f}  recall {b3r:.3f}  (clusters of the mentions in judged pairs)")
    if a.verbose:
        for p in judged:
            if p["same"] != pred[p["id"]]:
                print(f"  {'missed' if p['same'] else 'false'} {p['class']} {p['a']['name']} / {p['b']['name']}: "
                      f"{p['a']['posts']} | {p['b']['posts']}")
    if a.json:
        Path(a.json).write_text(json.dumps({"precision": prec, "recall": rec, "pairs": len(judged),
                                            "bcubed_precision": b3p, "bcubed_recall": b3r}), encoding="utf-8")
    return 0


def bcubed(judged: list[dict], pred: dict[str, bool]) -> tuple[float, float]:
    """B-cubed over mentions: gold clusters from the true pairs, predicted ones from the predicted
    pairs (both closed transitively); each mention's precision and recall averaged."""

    def clusters(edges: list[tuple[str, str]], items: set[str]) -> dict[str, set[str]]:
        parent = {i: i for i in items}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for x, y in edges:
            parent[find(x)] = find(y)
        groups: dict[str, set[str]] = defaultdict(set)
        for i in items:
            groups[find(i)].add(i)
        return {i: groups[find(i)] for i in items}

    def mid(p: dict, s: str) -> str:
        return f"{p['class']}|{p[s]['doc']}|{p[s]['name']}"

    items = {mid(p, s) for p in judged for s in "ab"}
    gold = clusters([(mid(p, "a"), mid(p, "b")) for p in judged if p["same"]], items)
    sysc = clusters([(mid(p, "a"), mid(p, "b")) for p in judged if pred[p["id"]]], items)
    ps = [len(gold[i] & sysc[i]) / len(sysc[i]) for i in items]
    rs = [len(gold[i] & sysc[i]) / len(gold[i]) for i in items]
    return sum(ps) / len(ps), sum(rs) / len(rs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw pairs of mentions to judge")
    s.add_argument("corpus", nargs="?", default=str(XWLB))
    s.add_argument("-n", type=int, default=160)
    s.add_argument("--seed", type=int, default=11)
    s.add_argument("-o", "--out", required=True)
    r = sub.add_parser("score", help="pairwise and B-cubed precision/recall on judged pairs")
    r.add_argument("--pairs", default=str(PAIRS))
    r.add_argument("--corpus", default=str(XWLB))
    r.add_argument("--json")
    r.add_argument("-v", "--verbose", action="store_true", help="list the pairs decided wrong")
    a = ap.parse_args()
    if not XWLB.exists() and a.cmd == "score" and a.corpus == str(XWLB):
        print("../shared/corpus not found; skipped")
        return 0
    return cmd_sample(a) if a.cmd == "sample" else cmd_score(a)


if __name__ == "__main__":
    sys.exit(main())
