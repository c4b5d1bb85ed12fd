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


def test_quickstart_summary_is_what_make_run_prints(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    shown = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("`make run` prints:", 1)[1]
    shown = shown.split("```", 2)[1].strip().splitlines()
    monkeypatch.chdir(ROOT)  # make run builds from the checkout's root
    r = CliRunner().invoke(main, ["build", "examples/000_153ddeac55c241ad.txt", "-o", str(tmp_path)],
                           catch_exceptions=False)
    got = r.output.strip().splitlines()
    strip = lambda lines: [ln for ln in lines if not ln.startswith(("time", "wrote"))]  # noqa: E731
    assert strip(got) == strip(shown)
