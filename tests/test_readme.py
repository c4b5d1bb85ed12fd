"""The README's example SPARQL queries run on the sample and give the rows it shows."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from .conftest import ROOT

SECTION = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Example SPARQL", 1)[1].split("\n## ", 1)[0]
QUERIES = re.findall(r"```sparql\n(.*?)```\n→ (.*?)\n", SECTION, re.S)


@pytest.fixture(scope="module")
def store(sample_out):
    s = ox.Store()
    s.load(path=str(sample_out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return s


def test_three_examples():
    assert len(QUERIES) == 3


@pytest.mark.parametrize("query,shown", QUERIES, ids=["officials", "gdp", "docks"])
def test_example_gives_rows_shown(store, query, shown):
    rows = [" ".join(str(t.value) for t in row) for row in store.query(query)]
    count = re.match(r"(\d+) rows", shown)
    if count:
        assert len(rows) == int(count.group(1))
    for example in re.findall(r"`([^`]+)`", shown):
        example = example.rstrip("…").strip()
        assert any(r.startswith(example) for r in rows), (example, rows[:5])
