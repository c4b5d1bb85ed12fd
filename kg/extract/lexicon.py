"""Shared lexical resources: jieba's dictionary (words, frequencies, tags), surnames, words.

The extractors read three things of jieba's dictionary: whether a string is a word, its
frequency and its part-of-speech tag. They come from a compact table built once from jieba's
own ``dict.txt``, exactly as ``jieba.Tokenizer`` (``FREQ``) and ``jieba.posseg`` (``word_tag_tab``)
read it, and cached on disk (``kg.cache``), keyed by jieba's version and the dictionary's hash:
loading it takes a fraction of jieba's prefix dictionary and its tagger, which kg does not need
to build a graph (the cuts come from jieba-rs, ``rjieba``). A jieba Tokenizer of kg's own (never
the global one) is still there for what needs jieba itself (``kg mentions``' HMM tagger).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def tokenizer():  # -> jieba.Tokenizer
    """Return this process's own jieba Tokenizer, initialised (dictionary loaded) once."""
    logger = logging.getLogger("jieba")
    level = logger.level
    import jieba

    if level:  # importing jieba sets its logger to DEBUG: keep the level the application chose
        logger.setLevel(level)

    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


_TAG_BITS = 8  # a word's entry in the table: frequency << _TAG_BITS | index of its tag


def is_word(s: str, min_freq: int = 1) -> bool:
    """Whether ``s`` is a word of jieba's dictionary with at least ``min_freq``."""
    return word_freq(s) >= min_freq


def word_freq(s: str) -> int:
    """The frequency of ``s`` in jieba's dictionary (0 when not a word), as ``Tokenizer.FREQ`` has it."""
    v = _table().get(s)
    return 0 if v is None else v >> _TAG_BITS


def word_tag(s: str) -> str | None:
    """jieba's part-of-speech tag of dictionary word ``s`` (None when not a word)."""
    t = _table()
    v = t.get(s)
    return None if v is None else t.tags[v & _MASK]


_MASK = (1 << _TAG_BITS) - 1


class _Table:
    """jieba's dictionary: word -> frequency << _TAG_BITS | tag index.

    Read from the cache as one text of the sorted words, their offsets and their entries (a few
    milliseconds) and looked up by binary search, each answer kept; ``whole()`` makes the dict
    (0.1 s: a build of many documents, and every worker, wants it), as does asking for many words.
    """

    WHOLE_AFTER = 20_000  # words asked before the dict is made

    def __init__(self, tags: tuple[str, ...], text: str, offsets: bytes, entries: bytes):
        from array import array

        self.tags = tags
        self._text = text
        self._offsets = array("q")
        self._offsets.frombytes(offsets)
        self._entries = array("q")
        self._entries.frombytes(entries)
        self._asked: dict[str, int | None] = {}
        self._dict: dict[str, int] | None = None
        self.get = self._lookup  # (dict.get once whole)

    def whole(self) -> dict[str, int]:
        if self._dict is None:
            self._dict = dict(zip(self._text.split("\n"), self._entries, strict=True))
            self.get = self._dict.get  # type: ignore[assignment]  # (dict.get is overloaded)
            self._asked = {}
        return self._dict

    def _lookup(self, word: str) -> int | None:
        try:
            return self._asked[word]
        except KeyError:
            pass
        if len(self._asked) >= self.WHOLE_AFTER:
            return self.whole().get(word)
        text, offsets = self._text, self._offsets
        lo, hi = 0, len(self._entries)
        while lo < hi:
            mid = (lo + hi) >> 1
            if text[offsets[mid] : offsets[mid + 1] - 1] < word:
                lo = mid + 1
            else:
                hi = mid
        found = self._entries[lo] if lo < len(self._entries) and text[offsets[lo] : offsets[lo + 1] - 1] == word \
            else None
        self._asked[word] = found
        return found


def _packed(tags: tuple[str, ...], words: dict[str, int]) -> tuple[tuple[str, ...], str, bytes, bytes]:
    """What the cache holds: the tags, the sorted words as one text, their offsets, their entries."""
    from array import array

    order = sorted(words)
    offsets = array("q", [0])
    for w in order:
        offsets.append(offsets[-1] + len(w) + 1)
    return tags, "\n".join(order), offsets.tobytes(), array("q", (words[w] for w in order)).tobytes()


def load() -> None:
    """Load the whole dictionary table now (before forking workers, say)."""
    _table().whole()


def jieba_dictionary() -> Path:
    """The path of jieba's default dictionary (``jieba/dict.txt``), found without importing jieba."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        raise ModuleNotFoundError("jieba is not installed: pip install jieba")
    return Path(spec.origin).parent / "dict.txt"


@lru_cache(maxsize=1)
def _table() -> _Table:
    """jieba's dictionary, from the cache or built from ``dict.txt``."""
    from kg import cache

    path = jieba_dictionary()
    data = path.read_bytes()
    version = re.search(rb"__version__\s*=\s*['\"]([^'\"]+)", (path.parent / "__init__.py").read_bytes())
    digest = cache.key(data, version.group(1) if version else b"?", Path(__file__).read_bytes())  # (and this code)
    return _Table(*cache.cached("jieba-lexicon", digest, lambda: _packed(*parse_dictionary(data))))


def parse_dictionary(data: bytes) -> tuple[tuple[str, ...], dict[str, int]]:
    """Read jieba's ``dict.txt`` (bytes) into (tag names, word -> frequency << 8 | tag index).

    Line by line as jieba does: ``Tokenizer.gen_pfdict`` takes the first two fields (a later
    line of the same word wins), ``POSTokenizer.load_word_tag`` the third.

    >>> parse_dictionary("AT&T 3 nz\\n重庆 2 ns\\n".encode())
    (('nz', 'ns'), {'AT&T': 768, '重庆': 513})

    Raises:
        ValueError: on a line jieba would refuse.
    """
    tag_index: dict[str, int] = {}
    words: dict[str, int] = {}
    for lineno, raw in enumerate(data.splitlines(), 1):
        line = raw.strip().decode("utf-8")
        fields = line.split(" ")
        if len(fields) != 3:
            raise ValueError(f"jieba dictionary line {lineno}: {line!r} is not 'word freq tag'")
        word, freq, tag = fields
        k = tag_index.setdefault(tag, len(tag_index))
        if k > _MASK:
            raise ValueError(f"jieba dictionary: more than {_MASK + 1} tags")
        words[word] = int(freq) << _TAG_BITS | k
    return tuple(tag_index), words


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Return (single-character surnames, compound surnames)."""
    text = resources.files("kg").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    rows = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    single = frozenset(rows[0])
    compound = frozenset(w for ln in rows[1:] for w in ln.split())
    return single, compound


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    """Words jieba's dictionary tags as a name (智慧, 养老 as nr; 海港 as ns) that people use as common
    words: kg/data/common_names.txt, made by scripts/common_names.py from the NER sets."""
    text = resources.files("kg").joinpath("data/common_names.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def word_tags() -> dict[str, str]:
    """jieba's tag table (``POSTokenizer.word_tag_tab``): a new dict, word -> tag."""
    t = _table()
    return {w: t.tags[v & _MASK] for w, v in t.whole().items()}


# jieba cuts each run of these characters on its own; everything else is one token per
# character (white space runs stay whole). Caching by run lets the sentence, its clauses and
# its windows share one cut.
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


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


_PARTS = re.compile(f"({_BLOCK.pattern})")  # split: the gaps at even places, the runs at odd ones
_GAP = re.compile(r"\s+|.", re.S)  # a gap's tokens: white space runs whole, any other character alone


def words(text: str, max_block: int = 2000) -> list[str]:
    """Return jieba's words of ``text`` (dictionary only, HMM off); a run longer than
    ``max_block`` characters is cut into single characters, so cost stays bounded."""
    out: list[str] = []
    parts = _PARTS.split(text)
    for k in range(len(parts)):
        part = parts[k]
        if k & 1:
            out.extend(_cut_block(part) if len(part) <= max_block else part)
        elif len(part) == 1:
            out.append(part)
        elif part:
            out.extend(_GAP.findall(part))
    return out


@lru_cache(maxsize=8192)
def token_bounds(text: str, max_chars: int = 2000) -> frozenset[int]:
    """Return the offsets where jieba puts a word boundary in ``text`` (HMM off, capped)."""
    if len(text) > max_chars:  # bounded cost per sentence whatever the input
        return frozenset(range(len(text) + 1))
    return frozenset(accumulate(map(len, words(text)), initial=0))
