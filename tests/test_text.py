from __future__ import annotations

import pytest

from kg.text import clean, sentences

CLEAN = [
    ("新引进项目6个、全\n\n国50强物流企业8家。", "新引进项目6个、全国50强物流企业8家。"),
    ("二、推进转化。推动产业生\n\n态化。", "二、推进转化。推动产业生态化。"),
    ("成绩来之不易,催人奋进。如\n\n全力以赴冲刺四季度\n\n今,距离年底只剩两个月。",
     "成绩来之不易,催人奋进。如今,距离年底只剩两个月。"),
    ("标题一行\n\n正文第一句。", "标题一行\n正文第一句。"),
    ("江津区委书记 李应兰\n\n江津区锚定目标。", "江津区委书记 李应兰\n江津区锚定目标。"),
    ("市政府副市长,西部科学城重庆高新区党工委书记 张安疆\n\n科学城高新区。",
     "市政府副市长,西部科学城重庆高新区党工委书记 张安疆\n科学城高新区。"),
    # a word set on its own line inside a sentence is kept, not taken for a pull quote
    ("企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称。", "企业找技术、成果找市场“双向揭榜挂帅”的简称。"),
    ("其中，由技术供给方带团队、带技术\n揭榜\n；成果找市场。", "其中，由技术供给方带团队、带技术揭榜；成果找市场。"),
    ("a\u200bb\u202ec\x00d\ufeff", "abcd"),
    ("一行\r\n二行\r三行", "一行\n二行\n三行"),
]


@pytest.mark.parametrize("raw,expected", CLEAN)
def test_clean(raw, expected):
    assert clean(raw).text == expected


def test_clean_offsets_point_into_raw():
    raw = "前言,全\n\n国50强\u200b企业。"
    c = clean(raw)
    for i, ch in enumerate(c.text):
        assert raw[c.offsets[i]] == ch


def test_pull_quote_noted():
    c = clean("成绩来之不易,催人奋进。如\n\n全力以赴冲刺四季度\n\n今,距离年底只剩两个月。")
    assert any("全力以赴冲刺四季度" in n for n in c.notes)


SENTS = [
    ("第一句。第二句！第三句", ["第一句。", "第二句！", "第三句"]),
    ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
    ("标题\n正文,继续。", ["标题", "正文,继续。"]),
]


@pytest.mark.parametrize("text,expected", SENTS)
def test_sentences(text, expected):
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got == expected
