"""jieba-rs (rjieba) cuts as jieba does, on every text the quality floors are measured on.

kg.extract.lexicon.words uses rjieba for the dictionary-only cut because it is several times
faster (bench/bench_extract.py); this keeps that choice honest: on the sample and on every
annotated text (read from ../shared when it is there), each block is cut the same by both.
"""

from __future__ import annotations

import pytest

from kg.extract import lexicon

from .conftest import ROOT
from .corpus_eval import article_text, available, entries

SETS = ["random_dev.json", "random_dev2.json", "local_dev.json", "random_heldout.json", "random_heldout2.json", "local_heldout.json",
        "corpus_gold.json", "corpus_gold_heldout.json", "corpus_gold_final.json"]


def _differences(text: str) -> list[tuple[str, list[str], list[str]]]:
    import rjieba

    tk = lexicon.tokenizer()
    out = []
    for m in lexicon._BLOCK.finditer(text):
        block = m.group()
        a, b = list(tk.cut(block, HMM=False)), list(rjieba.cut(block, hmm=False))
        if a != b:
            out.append((block[:40], a[:12], b[:12]))
    return out


@pytest.mark.parametrize("block,cut", [
    ("重庆市委书记袁家军调研江津区", ["重庆市委", "书记", "袁家军", "调研", "江津", "区"]),
    ("GDP增长8.6%", ["GDP", "增长", "8", ".", "6", "%"]),
])
def test_the_cut_kg_uses(block, cut):
    assert lexicon.words(block) == cut


def test_sample_cuts_the_same():
    text = ROOT.joinpath("examples", "000_153ddeac55c241ad.txt").read_text(encoding="utf-8")
    assert _differences(text) == []


@pytest.mark.skipif(not available(), reason="../shared/corpus is not here")
@pytest.mark.parametrize("name", SETS)
def test_annotated_sets_cut_the_same(name):
    texts = [t for t in (article_text(e) for e in entries(name)) if t]
    assert texts
    diffs = [d for t in texts for d in _differences(t)]
    assert diffs == []


def test_dictionary_table_is_jiebas():
    """The cached table gives every frequency of jieba's Tokenizer.FREQ and every tag of jieba.posseg."""
    from jieba.posseg import POSTokenizer

    tk = lexicon.tokenizer()
    words = lexicon._table().whole()
    assert {w: lexicon.word_freq(w) for w in words if lexicon.word_freq(w)} == {w: f for w, f in tk.FREQ.items() if f}
    assert lexicon.word_tags() == POSTokenizer(tk).word_tag_tab
    assert lexicon.word_freq("重庆") == tk.FREQ["重庆"] and lexicon.word_tag("重庆") == "ns"
    assert lexicon.word_freq("重") == tk.FREQ["重"] and lexicon.word_freq("不是词的串") == 0
    assert lexicon.word_tag("不是词的串") is None


def test_cache_is_built_when_missing_and_again_when_unreadable(tmp_path, monkeypatch):
    from kg import cache

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return ("t",), {"重庆": 513}

    assert cache.cached("test-table", "abc", build) == (("t",), {"重庆": 513})
    assert cache.cached("test-table", "abc", build) == (("t",), {"重庆": 513})
    assert len(calls) == 1
    (tmp_path / "test-table-abc.marshal").write_bytes(b"\x00garbage")
    assert cache.cached("test-table", "abc", build) == (("t",), {"重庆": 513})
    assert len(calls) == 2
    assert cache.cached("test-table", "def", build)[1] == {"重庆": 513}  # other sources, another file
    assert len(calls) == 3
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    assert cache.cached("test-table", "abc", build)[1] == {"重庆": 513}
    assert len(calls) == 4


def test_words_looked_up_in_the_sorted_text_as_in_the_dict():
    import random

    whole = lexicon._table().whole()
    fresh = lexicon._Table(*lexicon._packed(lexicon._table().tags, whole))  # before its dict is made
    asked = random.Random(3).sample(sorted(whole), 3000) + ["", "不是词的串", "重庆市委书记", "\uffff", "a"]
    for w in asked:
        assert fresh.get(w) == whole.get(w), w
    assert fresh._dict is None
    fresh.WHOLE_AFTER = len(fresh._asked)  # from here on it makes its dict
    assert fresh.get("重庆") == whole["重庆"] and fresh._dict == whole


def test_common_names_are_what_the_ner_sets_make_them():
    # kg/data/common_names.txt is scripts/common_names.py's output on the NER sets (skipped without them):
    # words jieba tags as names that those sets use as common words, and not the names they mark
    import subprocess
    import sys

    from .conftest import SHARED

    if not (SHARED / "corpus" / "msra-ner").exists():
        pytest.skip("../shared/corpus is not here")
    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "common_names.py")], capture_output=True, text=True,
                          check=True).stdout
    assert made == (ROOT / "kg" / "data" / "common_names.txt").read_text(encoding="utf-8")
    common = lexicon.common_names()
    assert {"智慧", "养老", "文明"} <= common
    assert not {"莫斯科", "孔子", "秦岭", "柏林"} & common
