"""Quality floor: score.py on the sample's graph must not fall below the level reached."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import GOLD, SCORER

FLOOR_OVERALL = 0.85
FLOOR_PARTS = {"Official": 0.90, "Region": 0.95, "Company": 0.75, "Project": 0.85, "Initiative": 0.85,
               "positions": 0.75, "attributions": 0.75, "observations": 0.75}


@pytest.fixture(scope="module")
def scores(sample_out, tmp_path_factory):
    if not SCORER.exists() or not GOLD.exists():
        pytest.skip("../shared/eval is not here")
    out = tmp_path_factory.mktemp("score") / "s.json"
    from kg.ontology import ontology_dir

    subprocess.run([sys.executable, str(SCORER), "--graph", str(sample_out / "graph.ttl"), "--ontology",
                    str(ontology_dir()), "--gold", str(GOLD), "--json", str(out)], check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def test_overall_floor(scores):
    assert scores["overall_f1"] >= FLOOR_OVERALL


@pytest.mark.parametrize("part", sorted(FLOOR_PARTS))
def test_part_floor(scores, part):
    r = scores["entities"][part] if part[0].isupper() else scores[part]
    assert r["f1"] >= FLOOR_PARTS[part]
