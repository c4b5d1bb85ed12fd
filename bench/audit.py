"""A precision audit of a built graph: random facts per class, judged by people, with intervals.

    python bench/audit.py sample --graph out/graph.ttl [-n 60] [--seed 1] -o sheet.jsonl
    python bench/audit.py sample --build ../shared/corpus/xwlb/ -o sheet.jsonl     # build first (all cores)
    python bench/audit.py sample --store kgstore/ -o sheet.jsonl
    python bench/audit.py report sheet.jsonl [--judgements tests/data/audit/judgements.jsonl]
    python bench/audit.py recheck --graph new/graph.ttl [-v]     # the judged facts a later build still holds

``sample`` draws, with a fixed seed, N facts of each class (officials, positions, companies,
projects, initiatives, attributions, observations) from the graph, each with the sentence it was
read from, and writes a judging sheet (one JSON object a line). A fact judged before (same class,
label and evidence, in tests/data/audit/judgements.jsonl) carries its judgement; the others have
``"ok": null`` and are judged by someone who has not seen the rules: ``true`` when the evidence
sentence says what the fact says (tests/data/ANNOTATION.md says what each class is), ``false``
otherwise, with a short ``note``. ``report`` adds the sheet's judgements to the judgement file
and prints precision per class with a 95% Wilson interval over the judged rows.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGEMENTS = ROOT / "tests" / "data" / "audit" / "judgements.jsonl"
CLASSES = ("officials", "positions", "companies", "projects", "initiatives", "attributions", "observations")
P = ("PREFIX kg: <https://w3id.org/kg-cn/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
     "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
QUERIES = {
    "officials": "SELECT ?n ?l ?ev WHERE { ?n a kg:Official ; rdfs:label ?l ; kg:evidence ?ev }",
    "positions": "SELECT ?p ?o ?t ?r ?ev WHERE { ?x kg:holdsPosition ?p ; rdfs:label ?o . ?p kg:title ?t ; "
                 "kg:inRegion/rdfs:label ?r ; kg:evidence ?ev }",
    "companies": "SELECT ?n ?l ?ev WHERE { ?n a kg:Company ; rdfs:label ?l ; kg:evidence ?ev }",
    "projects": "SELECT ?n ?l ?ev WHERE { ?n a kg:Project ; rdfs:label ?l ; kg:evidence ?ev }",
    "initiatives": "SELECT ?n ?l ?ev WHERE { ?n a kg:Initiative ; rdfs:label ?l ; kg:evidence ?ev }",
    "attributions": "SELECT ?n ?l ?r ?ev WHERE { ?n kg:locatedIn|kg:implementedIn ?g ; rdfs:label ?l ; kg:evidence ?ev . "
                    "?g rdfs:label ?r }",
    "observations": "SELECT ?n ?r ?i ?v ?u ?ev WHERE { ?n a kg:Observation ; kg:region/rdfs:label ?r ; kg:indicator ?i ; "
                    "kg:value ?v ; kg:unit ?u ; kg:evidence ?ev }",
}


def _load(graph: list[str] | None, store: str | None, build: list[str] | None):  # -> pyoxigraph.Store
    import pyoxigraph as ox

    if store:
        return ox.Store.read_only(store)
    if build:
        from kg.flow import build as run

        out = Path(tempfile.mkdtemp(prefix="kg-audit-"))
        run(build, out, ["ttl"])
        graph = [str(out / "graph.ttl")]
    s = ox.Store()
    for g in graph or []:
        s.bulk_load(path=g, format=ox.RdfFormat.TURTLE)
    return s


def facts(store, cls: str) -> list[dict]:
    """Every fact of ``cls`` as {fact, evidence}: one row per fact (its first evidence sentence
    that names the region, for an attribution; else its first)."""
    rows: dict[tuple, list[str]] = {}
    for sol in store.query(P + QUERIES[cls]):
        vals = [t.value if t is not None else "" for t in sol]
        if cls == "officials" or cls in ("companies", "projects", "initiatives"):
            key = (vals[1],)
        elif cls == "positions":
            key = (vals[1], vals[2], vals[3])
        elif cls == "attributions":
            key = (vals[1], vals[2])
        else:
            key = (vals[1], vals[2], vals[3], vals[4], vals[5])  # an observation: its sentence is part of it
        rows.setdefault(key, []).append(vals[-1])
    out = []
    for key, evs in sorted(rows.items()):
        evs = sorted(set(evs))
        ev = evs[0]
        if cls == "attributions":
            ev = next((e for e in evs if key[1][:2] in e), evs[0])
        out.append({"class": cls, "fact": list(key), "evidence": ev})
    return out


def _key(row: dict) -> str:
    return json.dumps([row["class"], row["fact"], row["evidence"]], ensure_ascii=False)


def read_judgements(path: Path = JUDGEMENTS) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                out[_key(j)] = j
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of k successes in n."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def cmd_sample(a: argparse.Namespace) -> int:
    store = _load(a.graph, a.store, a.build)
    known = read_judgements(Path(a.judgements))
    rng = random.Random(a.seed)
    out = []
    for cls in CLASSES:
        rows = facts(store, cls)
        pick = rng.sample(rows, min(a.n, len(rows)))
        for r in pick:
            j = known.get(_key(r))
            r["ok"] = j["ok"] if j else None
            r["note"] = j.get("note", "") if j else ""
            out.append(r)
        print(f"{cls:<14} {len(rows):>7} facts, {len(pick)} drawn, {sum(1 for r in pick if r['ok'] is None)} to judge",
              file=sys.stderr)
    Path(a.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    return 0


def locate(rows: list[dict], corpus: Path) -> None:
    """Set each row's ``doc``: the id of the corpus document whose text holds its evidence."""
    import bisect

    ids, offs, parts, pos = [], [], [], 0
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            ids.append(r.get("id", ""))
            offs.append(pos)
            parts.append(r.get("text", ""))
            pos += len(parts[-1]) + 1
    big = "\x00".join(parts)
    for r in rows:
        if not r.get("doc"):
            k = big.find(r["evidence"])
            if k >= 0:
                r["doc"] = ids[bisect.bisect_right(offs, k) - 1]


def cmd_report(a: argparse.Namespace) -> int:
    path = Path(a.judgements)
    known = read_judgements(path)
    rows = [json.loads(x) for x in Path(a.sheet).read_text(encoding="utf-8").splitlines() if x.strip()]
    if Path(a.corpus).exists():
        locate(rows, Path(a.corpus))  # the documents, so tests/test_quality.py can build them again
    new = 0
    for r in rows:
        if r.get("ok") is not None and _key(r) not in known:
            known[_key(r)] = {"class": r["class"], "fact": r["fact"], "evidence": r["evidence"], "ok": r["ok"],
                              "note": r.get("note", ""), "doc": r.get("doc", "")}
            new += 1
    if new and not a.dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(j, ensure_ascii=False) + "\n" for _k, j in sorted(known.items())),
                        encoding="utf-8")
    print(f"{'class':<14}{'judged':>7}{'right':>7}{'precision':>11}   95% interval   (unjudged)")
    for cls in CLASSES:
        mine = [r for r in rows if r["class"] == cls]
        js = [known[_key(r)]["ok"] for r in mine if _key(r) in known]
        k, n = sum(1 for x in js if x), len(js)
        lo, hi = wilson(k, n)
        prec = f"{k / n:.3f}" if n else "-"
        print(f"{cls:<14}{n:>7}{k:>7}{prec:>11}   [{lo:.3f}, {hi:.3f}]   ({len(mine) - n})")
    if new:
        print(f"{new} new judgements {'(dry run, not saved)' if a.dry_run else f'added to {path}'}")
    return 0


def cmd_recheck(a: argparse.Namespace) -> int:
    """Which judged facts a (new) graph still holds: precision among them, and what was dropped."""
    store = _load(a.graph, a.store, a.build)
    known = read_judgements(Path(a.judgements))
    present = {_key(r) for cls in CLASSES for r in facts(store, cls)}
    print(f"{'class':<14}{'judged':>7}{'kept':>6}{'right':>7}{'precision':>11}   95% interval   "
          f"dropped right/wrong")
    for cls in CLASSES:
        js = [j for j in known.values() if j["class"] == cls]
        kept = [j for j in js if _key(j) in present]
        k = sum(1 for j in kept if j["ok"])
        lo, hi = wilson(k, len(kept))
        gone_ok = sum(1 for j in js if j["ok"] and _key(j) not in present)
        gone_bad = sum(1 for j in js if not j["ok"] and _key(j) not in present)
        prec = f"{k / len(kept):.3f}" if kept else "-"
        print(f"{cls:<14}{len(js):>7}{len(kept):>6}{k:>7}{prec:>11}   [{lo:.3f}, {hi:.3f}]   {gone_ok}/{gone_bad}")
        if a.verbose:
            for j in kept:
                if not j["ok"]:
                    print(f"    kept wrong: {j['fact']} | {j.get('note', '')[:70]}")
            for j in js:
                if j["ok"] and _key(j) not in present:
                    print(f"    dropped right: {j['fact']} | {j['evidence'][:60]}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw facts per class into a judging sheet")
    src = s.add_mutually_exclusive_group(required=True)
    src.add_argument("--graph", nargs="+", help="Turtle file(s) written by kg build")
    src.add_argument("--store", help="a store folder made by kg build --store")
    src.add_argument("--build", nargs="+", help="inputs to build first")
    s.add_argument("-n", type=int, default=60, help="facts per class (default 60)")
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--judgements", default=str(JUDGEMENTS))
    s.add_argument("-o", "--out", required=True, help="the judging sheet (JSONL)")
    r = sub.add_parser("report", help="precision per class from a judged sheet")
    r.add_argument("sheet")
    r.add_argument("--judgements", default=str(JUDGEMENTS))
    r.add_argument("--dry-run", action="store_true", help="do not add the sheet's judgements to the file")
    r.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "xwlb" / "xwlb_articles.jsonl"),
                   help="the corpus the facts came from (each judgement records its document)")
    c = sub.add_parser("recheck", help="precision among the judged facts a graph still holds")
    src2 = c.add_mutually_exclusive_group(required=True)
    src2.add_argument("--graph", nargs="+")
    src2.add_argument("--store")
    src2.add_argument("--build", nargs="+")
    c.add_argument("--judgements", default=str(JUDGEMENTS))
    c.add_argument("-v", "--verbose", action="store_true", help="list the wrong facts still there")
    a = ap.parse_args()
    return {"sample": cmd_sample, "report": cmd_report, "recheck": cmd_recheck}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
