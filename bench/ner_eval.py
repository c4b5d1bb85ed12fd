"""Entity recognition on the People's Daily and MSRA test sets with `kg mentions`' library call.

    python bench/ner_eval.py [--limit N]

Reads the BIO files from ../shared/corpus (skips when absent), runs kg.mentions.find_mentions
on every sentence and prints precision, recall and F1 per type (exact span and type match),
mapping Official/Person -> PER, Region/Place -> LOC, Company/Organization -> ORG.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SETS = {"peoples-daily": SHARED / "peoples-daily-ner" / "example.test", "msra": SHARED / "msra-ner" / "msra_test_bio.txt"}


def read_bio(path: Path):
    chars, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if chars:
                yield "".join(chars), tags
            chars, tags = [], []
            continue
        if len(parts) == 1:
            parts = [" ", parts[0]] if parts[0][:2] in ("B-", "I-") or parts[0] == "O" else [parts[0], "O"]
        chars.append(parts[0][0])
        tags.append(parts[-1])
    if chars:
        yield "".join(chars), tags


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, kind = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != kind):
            if start is not None:
                out.add((start, i, kind))
                start, kind = None, None
            if t.startswith("B-") or t.startswith("I-"):
                start, kind = i, t[2:]
    return out


def evaluate(path: Path, limit: int | None, tagger: str = "jieba") -> tuple[dict, int, float]:
    from kg.mentions import NER_TYPE, find_mentions

    tp, sys_n, gold_n = Counter(), Counter(), Counter()
    n = chars = 0
    t0 = time.perf_counter()
    for text, tags in read_bio(path):
        gold = spans(tags)
        pred = {(m["start"], m["end"], NER_TYPE[m["class"]]) for m in find_mentions(text, tagger=tagger) if m["class"] in NER_TYPE}
        for _s, _e, k in gold:
            gold_n[k] += 1
        for _s, _e, k in pred:
            sys_n[k] += 1
        for _s, _e, k in gold & pred:
            tp[k] += 1
        n += 1
        chars += len(text)
        if limit and n >= limit:
            break
    secs = time.perf_counter() - t0
    res = {}
    for k in ("PER", "LOC", "ORG", "ALL"):
        a, b, c = (sum(x.values()) for x in (tp, sys_n, gold_n)) if k == "ALL" else (tp[k], sys_n[k], gold_n[k])
        p = a / b if b else 0.0
        r = a / c if c else 0.0
        res[k] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return res, chars, secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="sentences per set (default: all)")
    ap.add_argument("--tagger", choices=["jieba", "lac"], default="jieba", help="general names from jieba or LAC")
    a = ap.parse_args()
    logging.getLogger("jieba").setLevel(logging.ERROR)
    import jieba

    jieba.setLogLevel(logging.ERROR)
    for name, path in SETS.items():
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        res, chars, secs = evaluate(path, a.limit, a.tagger)
        print(f"{name}: {chars} chars in {secs:.1f} s ({chars / secs / 1000:.1f} k chars/s)")
        for k, (p, r, f) in res.items():
            print(f"  {k:<4} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
