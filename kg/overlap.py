"""The one overlap policy: longest span first, then earliest, then source priority."""

from __future__ import annotations

from collections.abc import Iterable

from kg.model import Mention


def filter_spans(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: longest first, then earliest, then higher priority.

    >>> from kg.model import Mention
    >>> a = Mention(0, 2, "重庆", "Region", "500000")
    >>> b = Mention(0, 10, "重庆人工智能创新中心", "Project", "x")
    >>> [m.text for m in filter_spans([a, b])]
    ['重庆人工智能创新中心']
    """
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, -m.priority, m.cls, m.key))
    taken: list[Mention] = []
    used = bytearray()
    for m in ordered:
        if len(used) < m.end:
            used.extend(b"\0" * (m.end - len(used)))
        if any(used[m.start : m.end]):
            continue
        used[m.start : m.end] = b"\1" * (m.end - m.start)
        taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.end))
