"""kg.patterns: a pattern behind its first-character lookahead finds exactly what it finds alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import indicators, initiatives, officials, projects, regions
from kg.patterns import first_chars, searchable

SAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "000_153ddeac55c241ad.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("pattern", "expected"), [
    ("产业园|码头", "产码"),
    (r"(?:常务|代理|代)?副?市长", "常代副市"),
    (r"(?:[全我]|(?<!资)本)省|省委", "全我本省"),
    (r"(?:同比)?(?:增长|下降)$", "同增下"),
    (r"[0-9]+号线|站", "0123456789站"),
    (r"(?=[甲乙])[甲乙丙]", "甲乙丙"),  # a lookahead adds nothing: the next item decides
])
def test_first_chars(pattern: str, expected: str) -> None:
    assert first_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    r"(?:在)?",  # may match nothing: any position
    r".站",  # any character
    r"[^，]站",  # a negated set
    r"\d+号",  # a category
    r"[\u4e00-\u9fff]{2}任",  # every Han character
    r"(?i)abc",  # case-insensitive
])
def test_no_lookahead(pattern: str) -> None:
    assert first_chars(pattern) is None
    assert searchable(pattern).pattern == pattern


# the patterns kg compiles with searchable, searched through the sample as the extractors do
SEARCHED = [projects.HEAD_RE, officials.ROLE_RE, indicators.FIGURE, initiatives.NAMED_HEADS,
            regions._WORK_OPENING, regions._SELF_QU, *regions._SELF_LEVEL.values()]


@pytest.mark.parametrize("rx", SEARCHED, ids=lambda rx: rx.pattern[:24])
def test_same_matches(rx: re.Pattern[str]) -> None:
    assert rx.pattern.startswith("(?=[")  # the lookahead is there
    plain = re.compile(rx.pattern[rx.pattern.index("])(?:") + 5 : -1])  # the pattern as written
    text = SAMPLE + "\n全省上下，我市市委，本县县长，区委书记，（一）实施乡村振兴。1-9月增长5%"
    found = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


# ---------------------------------------------------------------- prechecks
# Some extractors skip a sentence that holds none of a pattern's trigger words (or no space, no
# bracket) before searching it. A match without them would be lost silently, so each precheck is
# held to its pattern: on the texts below and, when ../shared is here, on 3,000 news articles.
XWLB = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "xwlb" / "xwlb_articles.jsonl"
EXAMPLES = [
    "张三同志任抚州市委书记。", "李四当选为县长，", "王五出任市长；", "任命韩俊为农业农村部部长。",
    "提名李四为副县长，", "选举王五为县长。", "决定赵六为市长。", "习近平总书记指出，", "李强总理出席。",
    "赵乐际委员长主持会议。", "王沪宁主席讲话。", "王五（抚州市副市长）：", "江津区委书记 李应兰",
    "上海市市长 龚　正",
]


def _texts() -> list[str]:
    texts = [SAMPLE, *EXAMPLES]
    if XWLB.exists():
        import json

        with XWLB.open(encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line, _ in zip(f, range(3000), strict=False)]
    return texts


def _sentences() -> list[str]:
    from kg.text import sentences

    return [t[s.start : s.end] for t in _texts() for s in sentences(t)]


@pytest.mark.parametrize(("rx", "needed"), [
    (officials._APPOINTED, lambda s: any(w in s for w in officials._APPOINTED_WORDS)),
    (officials._APPOINTED_AS, lambda s: any(w in s for w in officials._APPOINTED_WORDS)),
    (officials._NAME_THEN_TITLE, lambda s: any(w in s for w in officials._NATIONAL_TITLE_WORDS)),
    (officials._NAME_THEN_PAREN, lambda s: "（" in s or "(" in s),
], ids=["appointed", "appointed_as", "name_then_title", "name_then_paren"])
def test_precheck_holds_every_match(rx: re.Pattern[str], needed) -> None:  # noqa: ANN001
    found = [s for s in _sentences() if rx.search(s)]
    assert found  # the texts exercise the pattern
    assert [s for s in found if not needed(s)] == []


def test_speaker_heading_needs_a_space() -> None:
    from kg.text import SPEAKER_LINE, lines

    heads = [t[s:e].strip() for t in _texts() for s, e in lines(t)]
    found = [h for h in heads if SPEAKER_LINE.match(h)]
    assert found
    assert [h for h in found if " " not in h and "\u3000" not in h] == []
