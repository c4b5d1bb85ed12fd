"""Score the extraction on the hand-annotated corpus texts, pooled over each set.

    python bench/score_corpus.py [SET ...] [-v] [--only ID] [--json FILE]

SET is an index file in tests/data (default: random_dev.json … random_dev5.json local_dev.json):
random_dev / random_dev2 / random_dev3 / random_dev4 / random_dev5 / random_heldout / random_heldout2 / random_heldout3 (texts drawn at
random from 新闻联播 and the 2026 work reports by bench/draw_random.py, each batch with its own seed), local_dev / local_heldout (the local-news pages), corpus_gold /
corpus_gold_heldout / corpus_gold_final (the earlier, hand-picked sets). ``all`` runs every set.

Each text is read from ../shared/corpus, built alone and judged by ../shared/eval/score.py.
The first line for each set is the **pooled** figure: tp, system and gold summed over the set and
over all parts (an entity invented in a text whose gold has none costs precision). Then the
pooled P/R/F1 per part, then one row per text (its overall F1 as score.py prints it).
Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.corpus_eval import PARTS, available, entries, part, pooled, score_entry  # noqa: E402

SETS = ["random_dev.json", "random_dev2.json", "random_dev3.json", "random_dev4.json", "random_dev5.json", "local_dev.json",
        "random_heldout.json", "random_heldout2.json",
        "random_heldout3.json", "random_heldout4.json", "random_heldout5.json", "random_heldout6.json", "random_heldout7.json",
        "random_heldout8.json",
        "local_heldout.json",
        "corpus_gold.json", "corpus_gold_heldout.json", "corpus_gold_final.json"]


def report(name: str, only: str | None, verbose: bool) -> dict | None:
    rows = []
    for e in entries(name):
        if only and e["id"] != only:
            continue
        r = score_entry(e, verbose)
        if r is None:
            print(f"{e['id']}: text not found; skipped")
            continue
        rows.append((e, r))
    if not rows:
        return None
    pool = pooled([r for _, r in rows])
    o = pool["overall"]
    print(f"== {name}: pooled overall F1 {o['f1']:.3f}  (P {o['precision']:.3f} R {o['recall']:.3f}; "
          f"tp {o['tp']} / system {o['system']} / gold {o['gold']}; {len(rows)} texts)")
    print(f"{'part':<14}{'P':>7}{'R':>7}{'F1':>7}   tp/system/gold")
    for p in PARTS:
        x = pool[p]
        print(f"{p:<14}{x['precision']:>7.3f}{x['recall']:>7.3f}{x['f1']:>7.3f}   {x['tp']}/{x['system']}/{x['gold']}")
    print(f"mean of pooled parts {pool['mean_of_parts']:.3f}; "
          f"mean of per-text overall F1 {sum(r['overall_f1'] for _, r in rows) / len(rows):.3f}")
    print(f"{'text':<22}" + "".join(f"{p[:8]:>9}" for p in PARTS) + f"{'overall':>9}")
    for e, r in rows:
        tag = Path(e["gold"]).stem
        cells = "".join(f"{part(r, p)['f1']:>9.3f}" if part(r, p)["gold"] else
                        (f"{'x' + str(part(r, p)['system']):>9}" if part(r, p)["system"] else f"{'-':>9}") for p in PARTS)
        print(f"{tag:<22}{cells}{r['overall_f1']:>9.3f}")
        if verbose:
            for k, v in r.get("details", {}).items():
                print(f"    ## {k} ({len(v)})")
                for x in v:
                    print(f"      {x}")
    print()
    return {"pooled": pool, "texts": {Path(e["gold"]).stem: r["overall_f1"] for e, r in rows}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=["random_dev.json", "random_dev2.json", "random_dev3.json", "random_dev4.json", "random_dev5.json",
                                                     "local_dev.json"],
                    help="index files in tests/data, or 'all'")
    ap.add_argument("-v", action="store_true", help="print score.py's misses and false positives")
    ap.add_argument("--only", help="one text id")
    ap.add_argument("--json", help="write the pooled figures here")
    a = ap.parse_args()
    if not available():
        print("../shared/eval or ../shared/corpus not found; skipped")
        return 0
    names = SETS if a.sets == ["all"] else [s if s.endswith(".json") else s + ".json" for s in a.sets]
    out = {}
    for name in names:
        res = report(name, a.only, a.v)
        if res is not None:
            out[name] = res
    if a.json:
        Path(a.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
