"""Readable, stable ASCII names: the pieces every instance IRI is made of.

These helpers are pure and sit below the whole flow (the gazetteer names the zones it reads
with them, the resolver mints IRIs with them), so no module has to import upwards for them.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache


@lru_cache(maxsize=65536)
def slug(text: str, limit: int = 40) -> str:
    """Return a readable ASCII slug of ``text`` (pinyin for Han characters).

    >>> slug("李应兰")
    'li-ying-lan'
    """
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    out = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")
    return out[:limit].rstrip("-") or "x"


def digest(text: str, n: int = 8) -> str:
    """Return the first ``n`` hex digits of the SHA-1 of ``text`` (a short, stable tie-breaker).

    >>> digest("李应兰")
    '65df7a0a'
    """
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]
