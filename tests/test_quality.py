"""Quality floors: score.py on the sample and on the hand-annotated corpus articles must not
fall below the level reached (raise the floors when quality rises; never lower them silently)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.export.turtle import write
from kg.ontology import ontology_dir

from .conftest import GOLD, ROOT, SCORER, SHARED

DATA = ROOT / "tests" / "data"
FLOOR_OVERALL = 0.95  # 0.954 (0.949 before a brand opening a product line was read: 康佳MLED商显线实现量产)
FLOOR_PARTS = {"Official": 0.95, "Region": 0.95, "Company": 0.90, "Project": 0.90, "Initiative": 0.90,
               "positions": 0.95, "attributions": 0.88, "observations": 0.97}
# corpus articles: floor per article and for the mean (tests/data/corpus_gold*.json)
FLOOR_ARTICLE = 0.85
FLOOR_CORPUS_MEAN = 0.92  # 0.927: precision first in news costs one project (秦创原创新驱动平台), a slogan (共抓大保护、不搞大开发),
# and attributions carried from a story's opening (川渝's 成达万高铁: the region must be named near the name)
FLOOR_HELDOUT_MEAN = 0.83  # 0.840 (0.842 before an indicator of one character was dropped: judged wrong 32 times in 32, the
# scorer credits such figures by value and unit; 0.848, 0.855 before attributions needed their region named near the name)
FLOOR_FINAL_MEAN = 0.76  # 0.771 (water works read as projects); 0.759 (attributions need their region named near the name); 0.762: a wire story that quotes 全省 is read as news, which costs one quoted slogan (南菜北运)


def run_scorer(ttl: Path, gold: Path, out: Path) -> dict:
    subprocess.run([sys.executable, str(SCORER), "--graph", str(ttl), "--ontology", str(ontology_dir()),
                    "--gold", str(gold), "--json", str(out)], check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(sample_out, tmp_path_factory):
    if not SCORER.exists() or not GOLD.exists():
        pytest.skip("../shared/eval is not here")
    return run_scorer(sample_out / "graph.ttl", GOLD, tmp_path_factory.mktemp("score") / "s.json")


def test_overall_floor(scores):
    assert scores["overall_f1"] >= FLOOR_OVERALL


@pytest.mark.parametrize("part", sorted(FLOOR_PARTS))
def test_part_floor(scores, part):
    r = scores["entities"][part] if part[0].isupper() else scores[part]
    assert r["f1"] >= FLOOR_PARTS[part]


def corpus_entries(name: str) -> list[dict]:
    path = DATA / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def article_text(entry: dict) -> str | None:
    path = SHARED / "corpus" / entry["corpus"]
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as f:
        for line in f:
            if f'"{entry["id"]}"' in line[:200]:
                rec = json.loads(line)
                if rec.get("id") == entry["id"]:
                    return rec["text"][entry.get("start") or 0 : entry.get("end")]
    return None


def score_article(entry: dict, tmp: Path) -> float:
    text = article_text(entry)
    if text is None or not SCORER.exists():
        pytest.skip("../shared corpus or scorer is not here")
    src = tmp / f"{entry['id']}.txt"
    src.write_text(text, encoding="utf-8")
    write(kg.build([src]), tmp / "graph.ttl")
    return run_scorer(tmp / "graph.ttl", DATA / entry["gold"], tmp / "score.json")["overall_f1"]


_CORPUS = corpus_entries("corpus_gold.json")
_HELDOUT = corpus_entries("corpus_gold_heldout.json")
_FINAL = corpus_entries("corpus_gold_final.json")


@pytest.fixture(scope="module")
def corpus_scores(tmp_path_factory):
    return {e["id"]: score_article(e, tmp_path_factory.mktemp(e["id"])) for e in _CORPUS}


@pytest.mark.parametrize("entry", _CORPUS, ids=[e["id"] for e in _CORPUS])
def test_corpus_article_floor(corpus_scores, entry):
    assert corpus_scores[entry["id"]] >= FLOOR_ARTICLE


def test_corpus_mean_floor(corpus_scores):
    assert sum(corpus_scores.values()) / len(corpus_scores) >= FLOOR_CORPUS_MEAN


@pytest.mark.skipif(not _HELDOUT, reason="no held-out annotations")
def test_heldout_mean_floor(tmp_path_factory):
    got = [score_article(e, tmp_path_factory.mktemp(e["id"])) for e in _HELDOUT]
    assert sum(got) / len(got) >= FLOOR_HELDOUT_MEAN


@pytest.mark.skipif(not _FINAL, reason="no final held-out annotations")
def test_final_heldout_mean_floor(tmp_path_factory):
    got = [score_article(e, tmp_path_factory.mktemp(e["id"])) for e in _FINAL]
    assert sum(got) / len(got) >= FLOOR_FINAL_MEAN


# ---------------------------------------------------------------- random sets, scored pooled
# texts drawn at random with a fixed seed (bench/draw_random.py) and annotated blind; pooled:
# tp, system and gold summed over the set, so a fact invented where the gold has none costs.
# the held-out sets are scored, never inspected; their floors only keep them from falling. Each floor
# leaves one fact of margin: the judge (../shared/eval/score.py) is not deterministic on some items (the
# same graph of xwlb-20241024-08 scores 0.713 or 0.732 by its process's hash seed).
FLOOR_POOLED = {"random_dev.json": 0.88, "random_dev2.json": 0.86, "random_dev3.json": 0.82, "random_dev4.json": 0.84,
                "random_dev5.json": 0.88, "local_dev.json": 0.90,
                "random_heldout.json": 0.73, "random_heldout2.json": 0.84, "random_heldout3.json": 0.79,
                "random_heldout4.json": 0.79, "random_heldout5.json": 0.80, "random_heldout6.json": 0.81,
                "random_heldout7.json": 0.80, "random_heldout8.json": 0.80,
                "local_heldout.json": 0.77}


@pytest.mark.parametrize("name", sorted(FLOOR_POOLED))
def test_pooled_random_set_floor(name):
    from . import corpus_eval

    got = corpus_eval.score_set(name)
    if got is None:
        pytest.skip("../shared corpus or scorer is not here")
    _rows, pooled = got
    assert pooled["overall"]["f1"] >= FLOOR_POOLED[name]


# ---------------------------------------------------------------- the precision audit
# facts of the full 新闻联播 build judged blind (tests/data/audit/judgements.jsonl, bench/audit.py).
# The documents they come from are built again; among the judged facts the build still holds, the
# share judged right must stay at the level reached (raise the floors as precision rises).
# (set again after the eighth round of judgements, 388 more facts, 3,216 in all; a round of new
# judgements can lower a floor: it judges facts the earlier rounds never saw — for the same code
# (61e17bf) companies 0.871 -> 0.850, initiatives 0.574 -> 0.530, attributions 0.481 -> 0.458 when
# round 8 came in)
# (set again after round 9, 369 more facts, 3,585 in all, drawn from the build at ec4b57a: for the
# same code officials 0.833 -> 0.820, projects 0.606 -> 0.577, observations 0.676 -> 0.648)
# (set again after round 10, 355 more facts, 3,940 in all, drawn from the build at 023fd62: for the
# same code officials 0.820 -> 0.813, positions 0.824 -> 0.805, companies 0.841 -> 0.839, projects
# 0.588 -> 0.581, observations 0.691 -> 0.673; then two changes to figures took observations to 0.686)
# (set again after round 11, 366 more facts, 4,306 in all, drawn from the build at 419a62c, the end of
# that round: for the same code officials 0.815 -> 0.817, positions 0.809 -> 0.795, companies 0.839 ->
# 0.831, projects 0.581 -> 0.576, initiatives 0.569 -> 0.565, attributions 0.512 -> 0.510,
# observations 0.686 -> 0.676; then companies 0.843 after the trades rule)
# (set again after round 12, 354 more facts, 4,660 in all, drawn from the build at b21e91c: for the same
# code officials 0.820 -> 0.813, positions 0.801 -> 0.796, companies 0.843 -> 0.847, projects 0.584 ->
# 0.583, initiatives 0.565 -> 0.565, attributions 0.512 -> 0.498, observations 0.678 -> 0.674; then that
# round's rules: officials 0.823, positions 0.800, projects 0.604, initiatives 0.574, attributions 0.502,
# observations 0.678)
# (set again after round 13, 357 more facts, 5,017 in all, drawn from the build at 9e6d41a, the end of that
# round: for the same code officials 0.823 -> 0.825, positions 0.805 -> 0.790, companies 0.847 -> 0.848,
# projects 0.604 -> 0.583, initiatives 0.576 -> 0.580, attributions 0.506 -> 0.492, observations 0.678 -> 0.677)
# (set again after round 14, 339 more facts, 5,356 in all, drawn from the build at 9000f6c, the start of
# that round: for the same code officials 0.826 -> 0.826, positions 0.796 -> 0.799, companies 0.848 -> 0.848,
# projects 0.586 -> 0.586, initiatives 0.584 -> 0.580, attributions 0.491 -> 0.478, observations 0.677 ->
# 0.659; then that round's rules: officials 0.830, positions 0.804, companies 0.850, projects 0.615,
# initiatives 0.591, attributions 0.489, observations 0.672)
# (set again after round 15, 344 more facts, 5,700 in all, drawn from the build at 8b96dec, the start of
# that round: for the same code officials 0.830 -> 0.836, positions 0.804 -> 0.796, companies 0.850 -> 0.853,
# projects 0.615 -> 0.613, initiatives 0.591 -> 0.581, attributions 0.489 -> 0.474, observations 0.674 ->
# 0.680; then that round's rules: officials 0.860, positions 0.820, companies 0.865, projects 0.650,
# initiatives 0.619, attributions 0.489, observations 0.687)
# (set again after round 16, 345 more facts, 6,045 in all, drawn from the build at 4d95c3a, the start of
# that round: for the same code officials 0.860 -> 0.849, positions 0.825 -> 0.820, companies 0.867 -> 0.865,
# projects 0.650 -> 0.644, initiatives 0.619 -> 0.604, attributions 0.491 -> 0.498, observations 0.687 ->
# 0.680; then that round's rules: officials 0.871, positions 0.840, companies 0.866, projects 0.649,
# initiatives 0.607, attributions 0.507, observations 0.686)
# (set again after round 17, 342 more facts, 6,387 in all, drawn from the build at 89a13e2, the start of
# that round: for the same code officials 0.871 -> 0.868, positions 0.840 -> 0.837, companies 0.866 -> 0.867,
# projects 0.649 -> 0.640, initiatives 0.607 -> 0.613, attributions 0.507 -> 0.504, observations 0.686 ->
# 0.682; then that round's rules: officials 0.875, positions 0.840, companies 0.875, projects 0.644,
# initiatives 0.617, attributions 0.506, observations 0.688)
# (set again after round 18, 338 more facts, 6,725 in all, drawn from the build at 938ce44, the start of
# that round: for the same code officials 0.875 -> 0.869, positions 0.840 -> 0.841, companies 0.875 -> 0.875,
# projects 0.644 -> 0.640, initiatives 0.617 -> 0.599, attributions 0.506 -> 0.500, observations 0.688 ->
# 0.686; then that round's rules: officials 0.882, positions 0.843, companies 0.875, projects 0.643,
# initiatives 0.623, attributions 0.504, observations 0.688)
# (set again after round 19, 334 more facts, 7,059 in all, drawn from the build at dfbcaa7, the start of
# that round: for the same code officials 0.882 -> 0.880, positions 0.843 -> 0.847, companies 0.875 -> 0.874,
# projects 0.643 -> 0.646, initiatives 0.623 -> 0.613, attributions 0.504 -> 0.505, observations 0.688 ->
# 0.692; then that round's rules: officials 0.887, positions 0.850, companies 0.874, projects 0.652,
# initiatives 0.615, attributions 0.511, observations 0.695)
# (set again after round 20, 316 more facts, 7,375 in all, drawn from the build at e6ab593, the start of
# that round: for the same code officials 0.887 -> 0.881, positions 0.850 -> 0.850, companies 0.874 -> 0.876,
# projects 0.652 -> 0.648, initiatives 0.615 -> 0.609, attributions 0.511 -> 0.510, observations 0.695 -> 0.687;
# then that round's rules: officials 0.889, positions 0.854, companies 0.876, projects 0.670, initiatives 0.609,
# attributions 0.516, observations 0.691)
# (set again after round 21, 309 more facts, 7,684 in all, drawn from the build at e9cb96d, the start of
# that round: for the same code officials 0.889 -> 0.888, positions 0.854 -> 0.852, companies 0.876 -> 0.872,
# projects 0.670 -> 0.659, initiatives 0.609 -> 0.605, attributions 0.516 -> 0.517, observations 0.691 -> 0.691;
# then that round's rules: officials 0.888, positions 0.852, companies 0.873, projects 0.673, initiatives 0.613,
# attributions 0.529, observations 0.693)
# (set again after round 22, 320 more facts, 8,004 in all, drawn from the build at 4a72dc0: for the same code
# officials 0.888 -> 0.880, positions 0.852 -> 0.846, companies 0.873 -> 0.872, projects 0.673 -> 0.664,
# initiatives 0.613 -> 0.616, attributions 0.529 -> 0.525, observations 0.693 -> 0.688; then that round's rules:
# officials 0.887, positions 0.854, companies 0.872, projects 0.687, initiatives 0.619, attributions 0.535,
# observations 0.688)
# (set again after round 23, 312 more facts, 8,316 in all, drawn from the build at eb0e9c1: for the same code
# officials 0.887 -> 0.882, positions 0.854 -> 0.851, companies 0.872 -> 0.873, projects 0.687 -> 0.689,
# initiatives 0.619 -> 0.615, attributions 0.535 -> 0.530 (0.5299), observations 0.688 -> 0.684; then that
# round's rules: officials 0.887, positions 0.861, companies 0.873, projects 0.700, initiatives 0.615,
# attributions 0.532, observations 0.685)
# (set again after rounds 26 and 27, 614 more facts, 9,532 in all, drawn from the builds at 9b1f04f and
# 004c493: the code at the start of that work (d110b84) rechecks officials 0.889, positions 0.865, companies
# 0.884, projects 0.686, initiatives 0.629, attributions 0.567, observations 0.700; its rules: officials 0.909,
# positions 0.879, companies 0.884, projects 0.706, initiatives 0.638, attributions 0.571, observations 0.717;
# at f38c517 officials 0.910, positions 0.878, projects 0.712, initiatives 0.640, attributions 0.572)
FLOOR_AUDIT = {"officials": 0.91, "positions": 0.87, "companies": 0.88, "projects": 0.71, "initiatives": 0.63,
               "attributions": 0.57, "observations": 0.71}


def test_audit_precision_floor(tmp_path):
    import importlib.util

    import pyoxigraph as ox

    from kg.flow import build

    xwlb = SHARED / "corpus" / "xwlb" / "xwlb_articles.jsonl"
    if not xwlb.exists():
        pytest.skip("../shared/corpus/xwlb is not here")
    spec = importlib.util.spec_from_file_location("kg_bench_audit", ROOT / "bench" / "audit.py")
    assert spec is not None and spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    judged = audit.read_judgements()
    docs = {j["doc"] for j in judged.values() if j.get("doc")}
    src = tmp_path / "docs.jsonl"
    with xwlb.open(encoding="utf-8") as f, src.open("w", encoding="utf-8") as out:
        for line in f:
            if json.loads(line)["id"] in docs:
                out.write(line)
    build([src], tmp_path, ["ttl"], jobs=1)
    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    for cls, floor in FLOOR_AUDIT.items():
        present = {audit._key(r) for r in audit.facts(store, cls)}
        kept = [j["ok"] for k, j in judged.items() if j["class"] == cls and k in present]
        assert len(kept) >= 50, (cls, len(kept))
        assert sum(kept) / len(kept) >= floor, (cls, round(sum(kept) / len(kept), 3), len(kept))
