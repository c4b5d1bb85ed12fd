"""Refresh tests/data/query_sample.ttl, the sample article's graph the cookbook tests run on.

The cookbook tests check expected rows on a fixed graph, so that work on the extractors
does not move them; refresh it after a deliberate change and update the expected rows
in tests/test_query.py:  python -m tests.query_snapshot
"""

from __future__ import annotations

import subprocess

import kg
from kg.export.turtle import to_turtle

from .conftest import ROOT, SAMPLE

SNAPSHOT = ROOT / "tests" / "data" / "query_sample.ttl"

if __name__ == "__main__":
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    head = (f"# The graph of {SAMPLE.relative_to(ROOT)} as built at commit {commit}: the cookbook tests\n"
            "# (tests/test_query.py) run on it. Refresh: python -m tests.query_snapshot\n")
    SNAPSHOT.write_text(head + to_turtle(kg.build([SAMPLE]), "https://w3id.org/kg-cn/id/"), encoding="utf-8")
    print("wrote", SNAPSHOT)
