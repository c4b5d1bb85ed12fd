"""Draw the random evaluation sets (fixed seed) from ../shared/corpus.

    python bench/draw_random.py [--seed 20261203] [--xwlb 30] [--gwr 10] [--heldout-xwlb 9] [--heldout-gwr 3]

Writes ``tests/data/random_dev.json`` and ``tests/data/random_heldout.json``: one entry per
text (corpus, id, start, end, gold path), in the format ``bench/score_corpus.py`` reads.
新闻联播 items are drawn uniformly from the whole corpus; an item longer than
``--max-chars`` is cut to its first paragraphs. A government work report contributes a window
of about ``--window`` characters that starts and ends at a paragraph break, at a random
paragraph. Articles already annotated for the project (tests/data/corpus_gold*.json) are never
drawn, nor is a report twice. The draw depends only on the seed and the corpus files, so it can
be checked by running it again (``--check`` compares with the files on disk).

``--batch NAME`` draws a further set with its own seed into ``tests/data/random_NAME.json``
(``--xwlb`` and ``--gwr`` texts, no held-out part), leaving out every text an earlier set holds:
more random development text, scored blind before anyone reads its errors.

The local-news pages are annotated whole (``tests/data/local_news.json``, all 30, split into a
development and a held-out part by the same seed).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "corpus"
XWLB = "xwlb/xwlb_articles.jsonl"
GWR = "gov-reports-2026/gov_reports_2026.jsonl"
LOCAL = "local-news/local_news.jsonl"


def _read(name: str) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _cut_at_paragraph(text: str, start: int, size: int) -> tuple[int, int]:
    """A window of about ``size`` characters from paragraph break ``start`` to the next break after it."""
    end = text.find("\n", start + size)
    return start, (len(text) if end < 0 else end)


def _entry(corpus: str, doc_id: str, start: int, end: int | None, prefix: str) -> dict:
    tag = doc_id if start == 0 and end is None else f"{doc_id}_{start}"
    return {"id": doc_id, "corpus": corpus, "start": start, "end": end, "gold": f"{prefix}/{tag}.json"}


def draw(seed: int, n_xwlb: int, n_gwr: int, h_xwlb: int, h_gwr: int, max_chars: int, window: int,
         exclude: str = "corpus_gold*.json") -> tuple[list, list]:
    taken = set()
    for f in sorted(DATA.glob(exclude)):
        taken |= {e["id"] for e in json.loads(f.read_text(encoding="utf-8"))}
    rng = random.Random(seed)
    xwlb = [r for r in _read(XWLB) if r["id"] not in taken and r["text"].strip()]
    picks = rng.sample(xwlb, n_xwlb + h_xwlb)
    x_entries = []
    for r in picks:
        text = r["text"]
        end = None
        if len(text) > max_chars:
            _, end = _cut_at_paragraph(text, 0, max_chars - 500)
        x_entries.append(_entry(XWLB, r["id"], 0, end, "gold_random"))
    reports = [r for r in _read(GWR) if r["id"] not in taken]
    rpicks = rng.sample(reports, n_gwr + h_gwr)
    g_entries = []
    for r in rpicks:
        text = r["text"]
        breaks = [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text) - window]
        start = rng.choice(breaks)
        s, e = _cut_at_paragraph(text, start, window)
        g_entries.append(_entry(GWR, r["id"], s, e, "gold_random"))
    dev = x_entries[:n_xwlb] + g_entries[:n_gwr]
    held = x_entries[n_xwlb:] + g_entries[n_gwr:]
    return dev, held


def draw_local(seed: int, n_dev: int) -> tuple[list, list]:
    rows = _read(LOCAL)
    ids = [r["id"] for r in rows]
    rng = random.Random(seed)
    order = ids[:]
    rng.shuffle(order)
    dev = sorted(order[:n_dev])
    held = sorted(order[n_dev:])
    mk = lambda i: _entry(LOCAL, i, 0, None, "gold_local")  # noqa: E731
    return [mk(i) for i in dev], [mk(i) for i in held]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--xwlb", type=int, default=30)
    ap.add_argument("--gwr", type=int, default=10)
    ap.add_argument("--heldout-xwlb", type=int, default=9)
    ap.add_argument("--heldout-gwr", type=int, default=3)
    ap.add_argument("--local-dev", type=int, default=20)
    ap.add_argument("--max-chars", type=int, default=3000)
    ap.add_argument("--window", type=int, default=2000)
    ap.add_argument("--batch", metavar="NAME", help="draw a further set into tests/data/random_NAME.json, "
                    "leaving out the texts of every earlier set")
    ap.add_argument("--check", action="store_true", help="only compare the draw with the files on disk")
    a = ap.parse_args()
    if not CORPUS.exists():
        print("../shared/corpus not found", file=sys.stderr)
        return 2
    if a.batch:
        if a.seed == ap.get_default("seed"):
            ap.error("--batch needs a --seed of its own")
        dev, _ = draw(a.seed, a.xwlb, a.gwr, 0, 0, a.max_chars, a.window, exclude="*.json")
        files = {f"random_{a.batch}.json": dev}
    else:
        dev, held = draw(a.seed, a.xwlb, a.gwr, a.heldout_xwlb, a.heldout_gwr, a.max_chars, a.window)
        ldev, lheld = draw_local(a.seed, a.local_dev)
        files = {"random_dev.json": dev, "random_heldout.json": held, "local_dev.json": ldev, "local_heldout.json": lheld}
    bad = 0
    for name, entries in files.items():
        body = json.dumps(entries, ensure_ascii=False, indent=1) + "\n"
        path = DATA / name
        if a.check:
            same = path.exists() and path.read_text(encoding="utf-8") == body
            print(f"{name}: {'same' if same else 'DIFFERENT'}")
            bad += not same
        else:
            path.write_text(body, encoding="utf-8")
            print(f"{name}: {len(entries)} texts")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
