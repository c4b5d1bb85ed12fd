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
