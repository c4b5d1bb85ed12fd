"""Extraction speed against plain jieba.cut on the same texts, measured in one run (a ratio).

    python bench/bench_extract.py [--docs 300]

Reads the first N articles of ../shared/corpus/xwlb/xwlb_articles.jsonl (skips when absent),
times jieba.cut over all of them (the baseline, dictionary loaded beforehand), then
kg.pipeline.analyse over the same texts, and prints characters per second and the ratio.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "xwlb" / "xwlb_articles.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    a = ap.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} not found; skipped")
        return 0
    logging.getLogger("jieba").setLevel(logging.ERROR)
    texts = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= a.docs:
                break
    chars = sum(len(t) for t in texts)
    import jieba

    from kg.extract import lexicon, regions
    from kg.ingest import make_document
    from kg.pipeline import analyse

    jieba.setLogLevel(logging.ERROR)
    tk = lexicon.tokenizer()
    regions.gazetteer()
    lexicon.word_tag("重庆")
    t0 = time.perf_counter()
    for t in texts:
        for _w in tk.cut(t):
            pass
    base = time.perf_counter() - t0
    docs = [make_document(t, "bench") for t in texts]
    t0 = time.perf_counter()
    for d in docs:
        analyse(d)
    ours = time.perf_counter() - t0
    print(f"{len(texts)} articles, {chars} characters")
    print(f"jieba.cut       {base:6.2f} s  {chars / base / 1000:7.1f} k chars/s")
    print(f"kg analyse      {ours:6.2f} s  {chars / ours / 1000:7.1f} k chars/s")
    print(f"ratio kg/jieba  {ours / base:6.2f}  (time; lower is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
