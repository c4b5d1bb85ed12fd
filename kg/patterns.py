r"""Regular expressions that are searched through every sentence, compiled to skip fast.

Python's ``re`` has no index of where a match can start: a search tries the whole pattern at
every position, and an alternation of many words (the head nouns of projects, the role words of
posts) tries each word in turn. ``searchable`` puts a lookahead of the characters a match can
start with in front of the pattern (derived from the pattern itself, so it follows every edit of
a rule), and a position whose character starts no alternative fails at once. The matches are
the same, group numbers and names too; searching news text gets several times faster.

>>> rx = searchable(r"产业园|码头|(?:常务)?副?市长")
>>> [m.group() for m in rx.finditer("新建码头和产业园，常务副市长出席")]
['码头', '产业园', '常务副市长']
>>> searchable(r"[\u4e00-\u9fff]{2}任").pattern   # any Han character can start it: left as it is
'[\\u4e00-\\u9fff]{2}任'
"""

from __future__ import annotations

import re

# the re module's own parser (public as sre_parse before Python 3.11, which kg does not support):
# the first characters are read from the parsed pattern, as re itself reads a literal prefix
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]

MAX_FIRST = 400  # more possible first characters than this and a lookahead no longer pays


def searchable(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern`` behind a lookahead of the characters its matches can start with.

    The pattern is compiled as written when that set cannot be told (a match may be empty or
    start with any character, a back reference, case-insensitive flags) or is larger than
    ``MAX_FIRST``.
    """
    chars = first_chars(pattern, flags)
    if chars is None:
        return re.compile(pattern, flags)
    guard = "".join(re.escape(c) for c in sorted(chars))
    try:
        return re.compile(f"(?=[{guard}])(?:{pattern})", flags)
    except re.error:  # a pattern that must stand first (global inline flags): as written
        return re.compile(pattern, flags)


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with, or None when they cannot be listed.

    >>> sorted(first_chars(r"(?:[全我]|(?<!资)本)省|省委"))
    ['全', '我', '本', '省']
    >>> first_chars(r"(?:在)?") is None   # may match the empty string
    True
    """
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _first(list(parsed))
    if found is None:
        return None
    chars, nullable = found
    if nullable or not chars or len(chars) > MAX_FIRST:
        return None
    return frozenset(chars)


def _first(items: list) -> tuple[set[str], bool] | None:
    """(first characters, whether the sequence can match the empty string) of a parsed sequence;
    None when unknown."""
    out: set[str] = set()
    for op, av in items:
        item = _first_item(op, av)
        if item is None:
            return None
        chars, nullable = item
        out |= chars
        if len(out) > MAX_FIRST:
            return None
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[set[str], bool] | None:  # noqa: ANN001 - re's parser types are private
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is _c.LITERAL:
                chars.add(chr(a))
            elif o is _c.RANGE and a[1] - a[0] <= MAX_FIRST:
                chars.update(chr(x) for x in range(a[0], a[1] + 1))
            else:  # a negated set, a category (\s, \d) or a wide range
                return None
        return chars, False
    if op is _c.BRANCH:
        chars, nullable = set(), False
        for alt in av[1]:
            found = _first(list(alt))
            if found is None:
                return None
            chars |= found[0]
            nullable = nullable or found[1]
        return chars, nullable
    if op is _c.SUBPATTERN:
        return _first(list(av[3]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        found = _first(list(av[2]))
        if found is None:
            return None
        return found[0], found[1] or av[0] == 0
    if op is _c.ATOMIC_GROUP:
        return _first(list(av))
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # zero width: the next item gives the first character
    return None  # any character, a category, a back reference, a conditional group
