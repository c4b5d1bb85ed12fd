"""Shared lexical resources: jieba tokenizer (owned, never the global one), surnames, words."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def tokenizer():  # -> jieba.Tokenizer
    """Return this process's own jieba Tokenizer, initialised (dictionary loaded) once."""
    import jieba

    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def is_word(s: str, min_freq: int = 1) -> bool:
    """Whether ``s`` is a word of jieba's dictionary with at least ``min_freq``."""
    return tokenizer().FREQ.get(s, 0) >= min_freq


def word_freq(s: str) -> int:
    return int(tokenizer().FREQ.get(s, 0))


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Return (single-character surnames, compound surnames)."""
    text = resources.files("kg").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    rows = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    single = frozenset(rows[0])
    compound = frozenset(w for ln in rows[1:] for w in ln.split())
    return single, compound


def word_tag(s: str) -> str | None:
    """jieba's part-of-speech tag of dictionary word ``s`` (None when not a word)."""
    return _word_tags().get(s)


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    from jieba.posseg import POSTokenizer

    return POSTokenizer(tokenizer()).word_tag_tab


# jieba cuts each run of these characters on its own; everything else is one token per
# character (white space runs stay whole). Caching by run lets the sentence, its clauses and
# its windows share one cut.
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def _cut_block(block: str) -> tuple[str, ...]:
    return tuple(_cutter()(block))


@lru_cache(maxsize=1)
def _cutter():  # -> Callable[[str], list[str]]
    """The dictionary-only cut: jieba-rs (rjieba) when installed, which cuts as jieba does with
    the same dictionary (tests/test_lexicon.py checks it on every annotated text) at several times
    the speed; else jieba itself."""
    try:
        import rjieba
    except ImportError:  # pragma: no cover - rjieba is a dependency; jieba is the fallback
        tk = tokenizer()
        return lambda block: tk.cut(block, HMM=False)
    return lambda block: rjieba.cut(block, hmm=False)


def words(text: str, max_block: int = 2000) -> list[str]:
    """Return jieba's words of ``text`` (dictionary only, HMM off); a run longer than
    ``max_block`` characters is cut into single characters, so cost stays bounded."""
    out: list[str] = []
    pos = 0
    for m in _BLOCK.finditer(text):
        _rest(text[pos : m.start()], out)
        block = m.group()
        out.extend(_cut_block(block) if len(block) <= max_block else block)
        pos = m.end()
    _rest(text[pos:], out)
    return out


def _rest(s: str, out: list[str]) -> None:
    i = 0
    while i < len(s):
        sp = _SPACE.match(s, i)
        if sp:
            out.append(sp.group())
            i = sp.end()
        else:
            out.append(s[i])
            i += 1


@lru_cache(maxsize=8192)
def token_bounds(text: str, max_chars: int = 2000) -> frozenset[int]:
    """Return the offsets where jieba puts a word boundary in ``text`` (HMM off, capped)."""
    if len(text) > max_chars:  # bounded cost per sentence whatever the input
        return frozenset(range(len(text) + 1))
    out = {0}
    pos = 0
    for w in words(text):
        pos += len(w)
        out.add(pos)
    return frozenset(out)
