"""Regenerate kg/data/national_initiatives.txt: the programmes of the whole country.

    python scripts/national_initiatives.py > kg/data/national_initiatives.txt

Reads the 31 provincial government work reports of 2026 (../shared/corpus/gov-reports-2026/),
runs the extractor on each, and keeps every initiative named in at least ``MIN_REPORTS`` of them:
what many provinces each report doing is a national programme (“两个维护”, 以旧换新, 城市更新行动),
and in a news story it is the country's (a region's own report keeps it as its own). Names that
hold a region's level or are a region's own kind (文化强省, 国家生态文明建设示范区) are left out: each
province has its own. Only the names are kept, not the texts.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORTS = ROOT.parent / "shared" / "corpus" / "gov-reports-2026" / "gov_reports_2026.jsonl"
MIN_REPORTS = 5
_OWN_KIND = re.compile(r"[省市县区州]|先行区|示范区|试验区")


def main() -> int:
    from kg.ingest import make_document
    from kg.model import INITIATIVE
    from kg.pipeline import analyse

    if not REPORTS.exists():
        print(f"error: {REPORTS} not found (the shared corpus sits beside the project)", file=sys.stderr)
        return 2
    count: Counter[str] = Counter()
    with REPORTS.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            a = analyse(make_document(doc["text"], doc["id"]))
            count.update({m.key for m in a.mentions if m.cls == INITIATIVE})
    keep = sorted(k for k, n in count.items() if n >= MIN_REPORTS and not _OWN_KIND.search(k))
    print(f"# initiatives named in {MIN_REPORTS} or more of the 31 provincial work reports of 2026; "
          "made by scripts/national_initiatives.py")
    print("\n".join(keep))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
