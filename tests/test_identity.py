"""Identity floors: one node per real person and thing, measured on judged pairs of same-name
mentions from the 新闻联播 corpus (tests/data/identity_pairs.jsonl, bench/identity.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED

XWLB = SHARED / "corpus" / "xwlb" / "xwlb_articles.jsonl"
PAIRS = ROOT / "tests" / "data" / "identity_pairs.jsonl"
FLOOR_PRECISION = 0.97
FLOOR_RECALL = 0.95
FLOOR_BCUBED = 0.97


def _bench():
    spec = importlib.util.spec_from_file_location("kg_bench_identity", ROOT / "bench" / "identity.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def decided():
    if not XWLB.exists():
        pytest.skip("../shared/corpus/xwlb is not here")
    pairs = [json.loads(x) for x in PAIRS.read_text(encoding="utf-8").splitlines() if x.strip()]
    judged = [p for p in pairs if p.get("same") in (True, False)]
    assert len(judged) >= 150
    bench = _bench()
    pred = bench.predicted(judged, Path(XWLB))
    kept = [p for p in judged if pred[p["id"]] is not None]
    # nearly every judged mention is still read with its name (164 of 194: the precision rules leave
    # out on purpose a company read from a project's name in news, 华电 of 华电…热电公司, a person
    # named only with a post of an international body — 议联秘书长纯贡, 国际奥委会主席巴赫, 东盟秘书长
    # 高金洪: 9 of the 30 — whom the annotation guide puts on ignore and the audit judged no officials,
    # and one named only as an event's organising-committee chair, 大运会组委会主席怀进鹏; since round 16 of
    # the audit, 160: three more heads of international bodies — 金融稳定理事会主席贝利, 国际大体联代理主席
    # 艾德, 国际残奥委会主席帕森斯 — and a scholar named only as 学部委员, 蔡昉; since round 19, 159: a
    # person named only with a people's organisation's post, 全国总工会书记处第一书记陈刚; since round 20,
    # 153: six more named only with a post of an international body in the clause before them —
    # 联合国贸发会议秘书长格林斯潘 (3 mentions), 联合国秘书长发言人迪雅里克, 欧盟委员会执行副主席里贝拉,
    # 亚奥理事会第一副主席霍震霆, and 欧盟委员会前主席普罗迪; since round 26, 150: a society's head holds no public post,
    # 美中贸易全国委员会会长艾伦, and an obituary's posts of past terms are held by no one now, 桑国卫, 朱镕基)
    assert len(kept) >= 0.77 * len(judged)
    return bench, kept, {k: bool(v) for k, v in pred.items() if v is not None}


def test_pairwise_identity_floor(decided):
    _bench, judged, pred = decided
    tp = sum(1 for p in judged if p["same"] and pred[p["id"]])
    fp = sum(1 for p in judged if not p["same"] and pred[p["id"]])
    fn = sum(1 for p in judged if p["same"] and not pred[p["id"]])
    assert tp / (tp + fp) >= FLOOR_PRECISION
    assert tp / (tp + fn) >= FLOOR_RECALL


def test_bcubed_identity_floor(decided):
    bench, judged, pred = decided
    p, r = bench.bcubed(judged, pred)
    assert p >= FLOOR_BCUBED and r >= FLOOR_BCUBED
