"""Shortcuts taken for speed give exactly what the long way gives (issue 9)."""

from __future__ import annotations

import itertools

import pytest

from kg.extract import indicators


def _num_the_long_way(s: str) -> float | None:
    """indicators._num before its shortcuts: its own reader, else cn2an."""
    import cn2an

    got = indicators._chinese_number(s)
    if got is not None:
        return got
    try:
        return float(cn2an.cn2an(s, "normal"))
    except Exception:  # noqa: BLE001
        return None


@pytest.mark.parametrize("length", [1, 2, 3])
def test_numerals_read_as_cn2an_reads_them(length):
    """(checked once on every string of up to 5 characters, 1.6 million of them)"""
    for chars in itertools.product("零〇一二三四五六七八九十百千两", repeat=length):
        s = "".join(chars)
        for x in (s, s + "点五"):
            assert indicators._num(x) == _num_the_long_way(x), x


def _scan_the_long_way(gaz, text, start=0, end=None):
    """Gazetteer.scan before its two-character index: every length that starts with the character."""
    end = len(text) if end is None else end
    i = start
    while i < end:
        hit = 0
        for n in gaz.lengths.get(text[i], ()):
            if i + n <= end and text[i : i + n] in gaz.forms:
                hit = n
                break
        if hit and hit < 4 and text[i : i + hit] not in gaz.full and gaz._country_overlaps(text, i, hit, end):
            hit = 0
        if hit:
            yield i, i + hit, text[i : i + hit]
            i += hit
        else:
            i += 1


def test_scan_finds_what_every_length_finds(sample_text):
    from kg.extract import regions

    gaz = regions.gazetteer().local()
    texts = [sample_text, "川渝高竹新区和石柱土家族自治县的华溪村同德国总理会面，江北国际机场在重庆市江北区。"]
    for text in texts:
        list(regions.candidates(text, 0, len(text), gaz))  # registers the zones and villages it names
    assert gaz.added  # a view with forms of its own
    for g in (regions.gazetteer(), gaz):
        for text in texts:
            for start, end in ((0, len(text)), (3, len(text) - 5), (10, 11)):
                assert list(g.scan(text, start, end)) == list(_scan_the_long_way(g, text, start, end))
    gaz.register(regions.Region("Z-x", "闽", "zone", "350000", "min"))  # a form of one character
    assert [f for _s, _e, f in gaz.scan("闽南重庆")] == [f for _s, _e, f in _scan_the_long_way(gaz, "闽南重庆")]


def _words_the_long_way(text: str, max_block: int = 2000) -> list[str]:
    """lexicon.words before: the runs jieba cuts, and between them white space runs and single characters."""
    import re

    from kg.extract import lexicon

    out: list[str] = []
    pos = 0

    def rest(s: str) -> None:
        i = 0
        while i < len(s):
            sp = re.compile(r"\s+").match(s, i)
            out.append(sp.group() if sp else s[i])
            i = sp.end() if sp else i + 1

    for m in lexicon._BLOCK.finditer(text):
        rest(text[pos : m.start()])
        block = m.group()
        out.extend(lexicon._cut_block(block) if len(block) <= max_block else block)
        pos = m.end()
    rest(text[pos:])
    return out


def test_words_split_as_before(sample_text):
    from kg.extract import lexicon

    texts = [sample_text, "", " ", "a  b\n\nc", "你好 世界\t!!", "GDP增长8.6%，（二）", "\u3000\u3000国", "x" * 2500 + "，中"]
    for text in [*texts, *sample_text.splitlines()]:
        assert lexicon.words(text) == _words_the_long_way(text)
        bounds = {0}
        for w in _words_the_long_way(text):
            bounds.add(max(bounds) + len(w))
        assert lexicon.token_bounds(text) == (frozenset(bounds) if len(text) <= 2000 else frozenset(range(len(text) + 1)))


def test_view_text_as_before():
    import re

    from kg.export import html

    def long_way(s: str, limit: int = html.MAX_TITLE) -> str:
        s = "".join(ch for ch in s if ch.isprintable() or ch in "\n ")
        s = s if len(s) <= limit else s[: limit - 1] + "…"
        return re.sub(r"(?i)(h)(ref)", "\\1\u2060\\2", s)

    for s in ["重庆市江津区", "官员 / Official\n李应兰", "a\x00b\u200bc\td", '<a HREF="x">y</a> hReF', "\n\n", "",
              "x" * 400, "行\u2028分\u2029隔", "中\ud800文"]:
        for limit in (html.MAX_TITLE, 3):
            assert html._text(s, limit) == long_way(s, limit)


def test_clean_looks_for_every_character_it_replaces():
    from kg import text

    for c in text._ONE_TO_ONE:
        assert text._ONE_TO_ONE_RE.fullmatch(chr(c)), hex(c)
    assert text.clean("a\tb\u3000c\xa0d\u2028e").text == "a b c d\ne"


def test_cached_gazetteer_is_the_one_built(tmp_path, monkeypatch):
    from kg.extract import regions

    fresh = regions._national_regions()
    assert list(regions.gazetteer().regions.values()) == fresh
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    regions.gazetteer.cache_clear()
    try:
        built, read = regions.gazetteer(), None  # built and written to tmp_path
        regions.gazetteer.cache_clear()
        read = regions.gazetteer()  # read back from tmp_path
        assert list(tmp_path.glob("gazetteer-*.marshal"))
        for g in (built, read):
            assert list(g.regions.values()) == fresh
            assert g.forms == built.forms and g.full == built.full and g.pairs == built.pairs
    finally:
        regions.gazetteer.cache_clear()


def test_spill_slices_are_the_chunks(tmp_path):
    from kg.flow import Spill

    spill = Spill(tmp_path)
    try:
        recs = [f"r{i}" for i in range(57)]
        for k in (16, 16, 5, 16, 4):  # batches as the map step writes them
            spill.write(recs[:k])  # type: ignore[arg-type]
            recs = recs[k:]
        for n in (1, 7, 16, 20, 57, 500):
            assert [s.load() for s in spill.slices(n)] == list(spill.chunks(n))
    finally:
        spill.close()


def test_first_evidence_keeps_what_the_view_keeps():
    import random

    from kg.export.html import ViewCollector, first_evidence

    rng = random.Random(9)
    for _ in range(200):
        before = [(f"d{rng.randrange(6)}", f"s{rng.randrange(3)}", f"t{i}") for i in range(rng.randrange(8))]
        chunk = [(f"d{rng.randrange(6)}", f"s{rng.randrange(3)}", f"u{i}") for i in range(rng.randrange(20))]
        a, b = ViewCollector(), ViewCollector()
        for v in (a, b):
            for e in before:
                v.evidence(*e)
        for e in chunk:
            a.evidence(*e)
        for e in first_evidence(chunk):
            b.evidence(*e)
        assert a.paired == b.paired


def _two_docs(tmp_path):
    from .conftest import SAMPLE

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (d / "b.txt").write_text("江津区委书记 李应兰\n江津区前三季度GDP增长7%。重庆果园港开通新航线。", encoding="utf-8")
    return d


def test_view_rendered_apart_is_the_same_page(tmp_path, monkeypatch):
    from kg import flow

    d = _two_docs(tmp_path)
    for jobs in (1, 2):
        (tmp_path / f"o{jobs}").mkdir()
    flow.build([d], tmp_path / "o1", ["ttl", "html"], jobs=1, engine="local")
    monkeypatch.setattr(flow, "MAP_CHUNK", 1)  # two chunks: the process engine starts workers
    monkeypatch.setattr(flow, "VIEW_APART_MIN", 1)
    flow.build([d], tmp_path / "o2", ["ttl", "html"], jobs=2, engine="process")
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "o2" / name).read_bytes() == (tmp_path / "o1" / name).read_bytes()


def test_view_rendered_apart_raises_its_error_here(tmp_path, monkeypatch):
    from kg import flow
    from kg.export import html

    def boom(*a, **k):
        raise RuntimeError("view failed")

    d = _two_docs(tmp_path)
    (tmp_path / "o").mkdir()
    monkeypatch.setattr(flow, "MAP_CHUNK", 1)
    monkeypatch.setattr(flow, "VIEW_APART_MIN", 1)
    monkeypatch.setattr(html, "view_page", boom)
    with pytest.raises(RuntimeError, match="view failed"):
        flow.build([d], tmp_path / "o", ["ttl", "html"], jobs=2, engine="process")
    assert not list((tmp_path / "o").iterdir())  # nothing written, no temporary file left
