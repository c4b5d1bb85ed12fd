"""Regenerate kg/data/common_names.txt: words jieba tags as names that are common words.

    python scripts/common_names.py > kg/data/common_names.txt

jieba's dictionary tags some common words as a person's or a place's name, an abbreviation or another
proper noun (智慧, 养老, 文明 as nr; 深水 as ns; 深加工, 开放型 as j, nz or nt). Before a project's head they would make a kind look named (智慧农业大数据中心). The
People's Daily and MSRA NER sets (../shared/corpus/peoples-daily-ner/, msra-ner/) show how people
use them: a word written at least ``MIN_USES`` times and never inside a person, place or
organisation there is a common word. A word the sets do not hold, or mark as a name even once
(莫斯科, 孔子, 秦岭), stays a name. Only the words are kept, not the texts.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
SETS = ("peoples-daily-ner/example.test", "peoples-daily-ner/example.dev", "msra-ner/msra_test_bio.txt")
TAGS = ("nr", "ns", "j", "nz", "nt")
MIN_USES = 3


def sentences(path: Path):
    """Yield (text, tags) per sentence of a character-per-line BIO file."""
    chars: list[str] = []
    tags: list[str] = []
    for line in path.open(encoding="utf-8"):
        parts = re.split(r"[\t ]", line.strip())
        if len(parts) < 2:
            if chars:
                yield "".join(chars), tags
            chars, tags = [], []
            continue
        chars.append(parts[0])
        tags.append(parts[-1])
    if chars:
        yield "".join(chars), tags


def main() -> int:
    from kg.extract import lexicon

    paths = [CORPUS / s for s in SETS]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"error: {', '.join(missing)} not found (the shared corpus sits beside the project)", file=sys.stderr)
        return 2
    words = {w for w, t in lexicon.word_tags().items() if len(w) >= 2 and t in TAGS}
    longest = max(map(len, words))
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for path in paths:
        for text, tags in sentences(path):
            for i in range(len(text)):
                for n in range(2, min(longest, len(text) - i) + 1):
                    w = text[i : i + n]
                    if w in words:
                        (inside if all(t != "O" for t in tags[i : i + n]) else outside)[w] += 1
    common = sorted(w for w in outside if outside[w] >= MIN_USES and not inside[w])
    print(f"# words jieba tags {'/'.join(TAGS)} that the People's Daily and MSRA NER sets use {MIN_USES}+ times and "
          "never inside a name; made by scripts/common_names.py")
    print("\n".join(common))
    return 0


if __name__ == "__main__":
    sys.exit(main())
