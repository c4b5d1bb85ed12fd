"""Score the extraction on hand-annotated corpus texts, one at a time and pooled.

Shared by ``tests/test_quality.py`` (the floors) and ``bench/score_corpus.py`` (the report).
An index file in ``tests/data`` lists texts as ``{"id", "corpus", "start", "end", "gold"}``;
the text is read from ``../shared/corpus`` and built alone, and the judge is
``../shared/eval/score.py`` (loaded in-process, not copied).

**Pooled** figures sum tp, system and gold over the texts of a set, so a company invented in
a text whose gold has none costs precision (a mean of per-text F1s leaves such parts out).
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
PARTS = ("Official", "Region", "Company", "Project", "Initiative", "positions", "attributions", "observations")
ENTITY_PARTS = PARTS[:5]


@lru_cache(maxsize=1)
def scorer_module() -> Any:
    spec = importlib.util.spec_from_file_location("kg_eval_score", SCORER)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def entries(name: str) -> list[dict]:
    path = DATA / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


@lru_cache(maxsize=8)
def _corpus_index(corpus: str) -> dict[str, str]:
    out = {}
    with (SHARED / "corpus" / corpus).open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out[rec["id"]] = rec["text"]
    return out


def article_text(entry: dict) -> str | None:
    """The text an index entry names, or None when ../shared/corpus is not here."""
    if not (SHARED / "corpus" / entry["corpus"]).exists():
        return None
    text = _corpus_index(entry["corpus"]).get(entry["id"])
    if text is None:
        return None
    return text[entry.get("start") or 0 : entry.get("end")]


def available() -> bool:
    return SCORER.exists() and (SHARED / "corpus").exists()


def score_entry(entry: dict, verbose: bool = False, build_args: dict | None = None) -> dict | None:
    """Build the entry's text alone and score its graph; None when the text is not here.

    The result is score.py's JSON, plus ``details`` (misses and false positives) when verbose.
    """
    import kg
    from kg.export.turtle import write
    from kg.ontology import ontology_dir

    text = article_text(entry)
    if text is None or not SCORER.exists():
        return None
    sc = scorer_module()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{entry['id']}.txt"
        src.write_text(text, encoding="utf-8")
        ttl = Path(tmp) / "graph.ttl"
        write(kg.build([src], **(build_args or {})), ttl)
        g = sc.load([str(ttl), str(ontology_dir())])
    gold = json.loads((DATA / entry["gold"]).read_text(encoding="utf-8"))
    s = sc.Scorer(g, gold)
    res = s.run()
    if verbose:
        res["details"] = {k: list(v) for k, v in sorted(s.details.items())}
    return res


def part(res: dict, name: str) -> dict:
    return res["entities"][name] if name in ENTITY_PARTS else res[name]


def pooled(results: list[dict]) -> dict:
    """Sum tp/system/gold per part over ``results``; return {part: prf, "overall": micro prf, "mean": …}."""
    sc = scorer_module()
    out: dict[str, Any] = {}
    tp_all = sys_all = gold_all = 0
    for p in PARTS:
        tp = sum(part(r, p)["tp"] for r in results)
        n_sys = sum(part(r, p)["system"] for r in results)
        n_gold = sum(part(r, p)["gold"] for r in results)
        out[p] = sc.prf(tp, n_sys, n_gold)
        tp_all, sys_all, gold_all = tp_all + tp, sys_all + n_sys, gold_all + n_gold
    out["overall"] = sc.prf(tp_all, sys_all, gold_all)
    scored = [out[p]["f1"] for p in PARTS if out[p]["gold"]]
    out["mean_of_parts"] = round(sum(scored) / len(scored), 4) if scored else 0.0
    return out


def score_set(name: str, verbose: bool = False) -> tuple[list[tuple[dict, dict]], dict] | None:
    """Score every text of index ``name``; return ([(entry, result)], pooled) or None when absent."""
    if not available():
        return None
    rows = []
    for e in entries(name):
        r = score_entry(e, verbose)
        if r is not None:
            rows.append((e, r))
    if not rows:
        return None
    return rows, pooled([r for _, r in rows])
