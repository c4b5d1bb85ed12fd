"""Regenerate kg/data/known_projects.txt: names of works the corpus writes whole.

    python scripts/known_projects.py > kg/data/known_projects.txt

Reads the 新闻联播 corpus and the 31 provincial work reports of 2026 (../shared/corpus/), runs the
extractor on every text, and keeps each project name that stands alone — right after the start of a
clause, a quote or a bracket — in at least ``MIN_DOCS`` texts (港珠澳大桥, 大秦铁路, 白鹤滩水电站).
A name the corpus knows whole wins over the words a clause glues before it in one text
(刷新|港珠澳大桥, 拱北海关所属|港珠澳大桥): see ``kg.extract.projects.known_start``. Only the names are
kept, not the texts.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = (CORPUS / "xwlb" / "xwlb_articles.jsonl", CORPUS / "gov-reports-2026" / "gov_reports_2026.jsonl")
MIN_DOCS = 2
MIN_LEN = 4
# what may stand right before a name that starts clean: the start of the text, a clause's or a list's
# punctuation, a quote or a bracket, a line break
_CLEAN_BEFORE = set("，,。；;：:、“”‘’「」《》（）()【】!！?？ \n\t")


def _whole_names(line: str) -> tuple[str, set[str]]:
    from kg.ingest import make_document
    from kg.model import PROJECT
    from kg.pipeline import analyse

    doc = json.loads(line)
    text = doc["text"]
    a = analyse(make_document(text, doc["id"]))
    names = {m.text for m in a.mentions if m.cls == PROJECT and m.text == m.key and len(m.key) >= MIN_LEN
             and (m.start == 0 or text[m.start - 1] in _CLEAN_BEFORE)}
    return doc["id"], names


def main() -> int:
    missing = [p for p in SOURCES if not p.exists()]
    if missing:
        print(f"error: {missing[0]} not found (the shared corpus sits beside the project)", file=sys.stderr)
        return 2
    lines = [ln for p in SOURCES for ln in p.open(encoding="utf-8")]
    docs: dict[str, set[str]] = defaultdict(set)
    with Pool() as pool:
        for i, (doc_id, names) in enumerate(pool.imap_unordered(_whole_names, lines, chunksize=64), 1):
            for n in names:
                docs[n].add(doc_id)
            if i % 2000 == 0:
                print(f"{i}/{len(lines)} texts read", file=sys.stderr)
    print("# names of works the corpus writes whole, at a clause's start, in at least "
          f"{MIN_DOCS} texts (scripts/known_projects.py)")
    for name in sorted(n for n, ids in docs.items() if len(ids) >= MIN_DOCS):
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
