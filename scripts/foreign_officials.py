"""Regenerate kg/data/foreign_officials.tsv: foreign officials the 新闻联播 corpus names with their country.

    python scripts/foreign_officials.py [--jobs 2] > kg/data/foreign_officials.tsv

Runs the extractor over every item of ../shared/corpus/xwlb/ and keeps each person read with a
post of another country (俄罗斯总统普京, 老挝人民革命党中央总书记、国家主席通伦) in at least
``MIN_DOCS`` items and with that country's post in most of them: a later text may name them before a bare title only
(普京总统, 通伦总书记), which says nothing of the country. A name that is the start of a longer name
of the same country (米舒斯 of 米舒斯京) is a cut and left out. Only names and countries are kept.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus_counts import count_from_args, held_posts  # noqa: E402  (scripts/, beside this file)

MIN_DOCS = 3
SHARE = 0.6  # of the items that read the name with a post, those with this country's


def _foreign_posts(line: str) -> set[tuple[str, str]]:
    from kg.extract import regions

    gaz = regions.gazetteer()
    # every post read now; a post with no region (联合国秘书长) counts against a country
    return {(p.official, p.region if p.region in gaz.regions and gaz[p.region].foreign else "") for p in held_posts(line)}


def main() -> int:
    counted = count_from_args(_foreign_posts, __doc__.splitlines()[0])
    if counted is None:
        return 2
    _lines, seen = counted
    by_name: dict[str, Counter[str]] = {}
    for (name, country), n in seen.items():
        by_name.setdefault(name, Counter())[country] += n
    from kg.extract import regions

    forms = regions.gazetteer().forms
    rows = []
    for name, countries in by_name.items():
        country, n = countries.most_common(1)[0]
        if not country or n < MIN_DOCS or n < SHARE * sum(countries.values()) or len(name) < 2 or name in forms:
            continue  # (古特雷斯's posts are mostly of no country: 联合国秘书长)
        longer = [o for o, c in by_name.items() if o != name and o.startswith(name) and c.get(country, 0) >= n]
        shorter = [o for o, c in by_name.items() if o != name and name.startswith(o) and c.get(country, 0) > n]
        if longer or shorter:
            continue  # 米舒斯 of 米舒斯京: a cut; 普京未 of 普京: a name run on
        rows.append((name, country, n))
    print(f"# foreign officials named with their country's post in {MIN_DOCS} or more 新闻联播 items; "
          "made by scripts/foreign_officials.py\n# name\tcountry\titems")
    for name, country, n in sorted(rows):
        print(f"{name}\t{country}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
