"""Regenerate tests/data/golden_graph.ttl after a deliberate change: python -m tests.golden"""

from __future__ import annotations

from pathlib import Path

import kg
from kg.export.turtle import write

DATA = Path(__file__).parent / "data"

if __name__ == "__main__":
    write(kg.build([DATA / "golden_input.txt"]), DATA / "golden_graph.ttl")
    print("wrote", DATA / "golden_graph.ttl")
