"""Check gold annotation files for the mistakes that make a score meaningless.

    python bench/check_gold.py tests/data/gold_random/*.json

Each file must be the JSON that ../shared/eval/score.py reads (tests/data/ANNOTATION.md):
the keys are there, entity types are the scored ones, every position's official and every
attribution's entity is an entity's name, every region is a Region's name (or, for the posts of
foreign officials, a name on the ignore list), observation values are numbers. Prints one line
per problem and exits 1 when there is any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TYPES = {"Official", "Region", "Company", "Project", "Initiative"}
KEYS = ("document", "entities", "ignore", "positions", "sections", "attributions", "observations")


def problems(gold: dict) -> list[str]:
    out = []
    for k in KEYS:
        if k not in gold:
            out.append(f"missing key {k!r}")
    if out:
        return out
    names: dict[str, str] = {}
    for e in gold["entities"]:
        if set(e) - {"type", "name", "aliases"} or e.get("type") not in TYPES or not isinstance(e.get("aliases"), list):
            out.append(f"bad entity {e}")
            continue
        if e["name"] in names and names[e["name"]] != e["type"]:
            out.append(f"{e['name']} is both {names[e['name']]} and {e['type']}")
        names[e["name"]] = e["type"]
    ignore = set(gold["ignore"])
    regions = {n for n, t in names.items() if t == "Region"}
    for p in gold["positions"]:
        if p.get("official") not in names and p.get("official") not in ignore:
            out.append(f"position of {p.get('official')!r}: not an entity")
        if not p.get("titles"):
            out.append(f"position of {p.get('official')!r}: no titles")
        if p.get("region") not in regions and p.get("region") not in ignore:
            out.append(f"position of {p.get('official')!r}: region {p.get('region')!r} is not a Region (nor ignored)")
    for a in gold["attributions"]:
        if names.get(a.get("entity")) not in ("Company", "Project", "Initiative"):
            out.append(f"attribution of {a.get('entity')!r}: not a company, project or initiative")
        if a.get("region") not in regions:
            out.append(f"attribution of {a.get('entity')!r}: region {a.get('region')!r} is not a Region")
    for o in gold["observations"]:
        if not isinstance(o.get("value"), (int, float)) or o.get("region") not in regions or "unit" not in o \
                or not isinstance(o.get("indicator_aliases", []), list) or "indicator" not in o:
            out.append(f"bad observation {o}")
    for s in gold["sections"]:
        if s.get("speaker") not in names:
            out.append(f"section speaker {s.get('speaker')!r}: not an entity")
    return out


def main(argv: list[str]) -> int:
    bad = 0
    for f in argv:
        try:
            gold = json.loads(Path(f).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{f}: {e}")
            bad += 1
            continue
        for p in problems(gold):
            print(f"{f}: {p}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
