from __future__ import annotations

import logging
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "000_153ddeac55c241ad.txt"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "gold" / "000_153ddeac55c241ad.json"
SCORER = SHARED / "eval" / "score.py"

logging.getLogger("jieba").setLevel(logging.ERROR)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc():
    from kg.ingest import make_document

    return make_document(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))


@pytest.fixture(scope="session")
def sample_analysis(sample_doc):
    from kg.pipeline import analyse

    return analyse(sample_doc)


@pytest.fixture(scope="session")
def sample_graph():
    import kg

    return kg.build([SAMPLE])


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory, sample_graph):
    from kg.export import html, turtle

    out = tmp_path_factory.mktemp("out")
    turtle.write(sample_graph, out / "graph.ttl")
    html.write(sample_graph, out / "graph.html")
    return out
