"""Regenerate kg/data/national_officials.tsv: Chinese officials the 新闻联播 corpus names with a national post.

    python scripts/national_officials.py [--jobs 2] > kg/data/national_officials.tsv

Runs the extractor over every item of ../shared/corpus/xwlb/ and keeps each person read with a
national post (国务院总理李强, 中央办公厅主任蔡奇) in at least ``MIN_DOCS`` items. A later text may
run such a name on into the word after it (蔡奇|同机抵达: 蔡奇同), where nothing else in the text
tells the name's end; the list tells it, as kg/data/foreign_officials.tsv does for foreign names.
A name that is the start of a longer listed name (a cut) or that a shorter listed name starts (a
name run on) is left out. Only names and counts are kept.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus_counts import count_from_args, held_posts  # noqa: E402  (scripts/, beside this file)

MIN_DOCS = 3
NEXT_SHARE = 0.75  # a name the same character follows this often in the corpus is the start of a longer one


def _find_all(text: str, sub: str):
    k = text.find(sub)
    while k >= 0:
        yield k
        k = text.find(sub, k + 1)


def _national(line: str) -> set[str]:
    from kg.extract import regions

    return {p.official for p in held_posts(line) if p.region == regions.COUNTRY}


def main() -> int:
    counted = count_from_args(_national, __doc__.splitlines()[0])
    if counted is None:
        return 2
    lines, seen = counted
    from kg.extract import regions

    forms = regions.gazetteer().forms
    text = "\n".join(json.loads(line)["text"] for line in lines)
    rows = []
    for name, n in seen.items():
        if n < MIN_DOCS or not 2 <= len(name) <= 4 or name in forms:
            continue
        if any(o != name and (o.startswith(name) or name.startswith(o)) and seen[o] >= n for o in seen):
            continue  # 李克 of 李克强: a cut; 韩正将 of 韩正: a name run on
        after = Counter(text[k + len(name) : k + len(name) + 1] for k in _find_all(text, name))
        if after and after.most_common(1)[0][1] >= NEXT_SHARE * sum(after.values()):
            continue  # 魏凤|和, 信习|近平: nearly always one character goes on, so the name is longer
        rows.append((name, n))
    print(f"# Chinese officials named with a national post in {MIN_DOCS} or more 新闻联播 items; "
          "made by scripts/national_officials.py\n# name\titems")
    for name, n in sorted(rows):
        print(f"{name}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
