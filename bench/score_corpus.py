"""Score the extraction on the hand-annotated corpus articles (tests/data/corpus_gold.json).

    python bench/score_corpus.py [-v] [--only ID]

For each entry: read its text from ../shared/corpus (by id, sliced to start:end), build the
graph, write it as Turtle and run ../shared/eval/score.py on it. Prints each article's
parts and the mean of the overall F1s. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"


sys.path.insert(0, str(ROOT))
from tests.test_quality import article_text  # noqa: E402  (one reader of the corpus, shared with the tests)


def score(entry: dict, verbose: bool = False) -> dict | None:
    import kg
    from kg.export.turtle import write
    from kg.ontology import ontology_dir

    text = article_text(entry)
    if text is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{entry['id']}.txt"
        src.write_text(text, encoding="utf-8")
        g = kg.build([src])
        ttl = Path(tmp) / "graph.ttl"
        write(g, ttl)
        out = Path(tmp) / "score.json"
        args = [sys.executable, str(SCORER), "--graph", str(ttl), "--ontology", str(ontology_dir()),
                "--gold", str(DATA / entry["gold"]), "--json", str(out)] + (["-v"] if verbose else [])
        r = subprocess.run(args, capture_output=True, text=True, check=True)
        if verbose:
            print(r.stdout)
        return json.loads(out.read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", action="store_true", help="print score.py's misses and false positives")
    ap.add_argument("--only", help="one article id")
    ap.add_argument("--set", default="corpus_gold.json", help="index file in tests/data (corpus_gold_heldout.json: held out)")
    a = ap.parse_args()
    if not SCORER.exists():
        print("../shared/eval not found; skipped")
        return 0
    entries = json.loads((DATA / a.set).read_text(encoding="utf-8"))
    overall = []
    parts = ["Official", "Region", "Company", "Project", "Initiative", "positions", "attributions", "observations"]
    print(f"{'article':<18}" + "".join(f"{p[:8]:>9}" for p in parts) + f"{'overall':>9}")
    for e in entries:
        if a.only and e["id"] != a.only:
            continue
        res = score(e, a.v)
        if res is None:
            print(f"{e['id']}: text not found; skipped")
            continue
        row = []
        for p in parts:
            r = res["entities"][p] if p[0].isupper() else res[p]
            row.append(f"{r['f1']:>9.3f}" if r["gold"] else f"{'-':>9}")
        print(f"{e['id']:<18}" + "".join(row) + f"{res['overall_f1']:>9.3f}")
        overall.append(res["overall_f1"])
    if overall:
        print(f"mean overall F1 {sum(overall) / len(overall):.3f} over {len(overall)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
