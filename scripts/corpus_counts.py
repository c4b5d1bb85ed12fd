"""Shared by the scripts that draw gazetteers from the 新闻联播 corpus (foreign_officials.py,
national_officials.py): run a function over every item in worker processes and count what it returns."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XWLB = ROOT.parent / "shared" / "corpus" / "xwlb" / "xwlb_articles.jsonl"


def count_items(per_item: Callable[[str], Iterable[Hashable]], jobs: int) -> tuple[list[str], Counter] | None:
    """``per_item`` over every line of the corpus (a JSON item), ``jobs`` processes; return the lines and
    how many items returned each value. None, with a message, when the corpus is not beside the project."""
    if not XWLB.exists():
        print(f"error: {XWLB} not found (the shared corpus sits beside the project)", file=sys.stderr)
        return None
    with XWLB.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    seen: Counter = Counter()
    with ProcessPoolExecutor(jobs) as pool:
        for i, found in enumerate(pool.map(per_item, lines, chunksize=64)):
            seen.update(found)
            if i % 2000 == 0:
                print(f"{i}/{len(lines)}", file=sys.stderr)
    return lines, seen


def held_posts(line: str) -> list:
    """The posts (kg.model.Post) the extractor reads as held, not former, in one item (a JSON line)."""
    from kg.ingest import make_document
    from kg.pipeline import analyse

    doc = json.loads(line)
    return [p for p in analyse(make_document(doc["text"], doc["id"])).posts if not p.former]


def count_from_args(per_item: Callable[[str], Iterable[Hashable]], description: str) -> tuple[list[str], Counter] | None:
    """Read ``--jobs`` from the command line and run ``count_items``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    return count_items(per_item, ap.parse_args().jobs)
