"""Clean text and cut it into sections and sentences, keeping character offsets.

``clean`` makes the one text every offset refers to: control and invisible characters
dropped, newspaper line breaks inside sentences repaired, stray pull quotes dropped.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.model import Section, Sentence

# Characters removed right after decoding: C0/C1 controls but newline and tab, format
# characters (zero-width, bidi marks, BOM; the zero-width joiner of emoji sequences is
# kept), unpaired surrogates, private-use and unassigned code points.
_KEEP = {"\n", "\t", "\r", "\u200d"}
_DROP_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn")
# One-for-one replacements (offsets unchanged): white space to a plain space, line and
# paragraph separators to newlines, full-width ASCII letters, digits, % . + to ASCII
# (“ＧＤＰ增长７．６％” reads as “GDP增长7.6%”; full-width Chinese punctuation is kept).
_ONE_TO_ONE = {ord("\t"): " ", 0x3000: " ", 0xA0: " ", 0x2028: "\n", 0x2029: "\n", 0x85: "\n",
               **{c: " " for c in (*range(0x2000, 0x200B), 0x202F, 0x205F, 0x1680)}}
_FULL_WIDTH = {c: chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                            *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0B, 0xFF0E)}
_FULL_WIDTH_RE = re.compile("[" + "".join(chr(c) for c in _FULL_WIDTH) + "]")
_ONE_TO_ONE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _ONE_TO_ONE) + "]")
# What a line may hold and still be printable in str.isprintable's sense after the
# one-for-one replacements (so a line of ordinary text skips the per-character check).
_PROBE = {ord(c): "a" for c in ("\r", "\t", "\u3000", "\xa0", "\u2028", "\u2029", "\u200d")}


def _dropped(ch: str) -> bool:
    if ch in _KEEP or ord(ch) in _ONE_TO_ONE:
        return False
    return unicodedata.category(ch) in _DROP_CATEGORIES


_TERMINAL = set("。！？!?；;：:…”」』）)】")
_MIDSENTENCE = re.compile(r"[，,；;。！？!?]")
ROLE_WORDS = (
    "委员长|秘书长|总检察长|检察长|审计长|参谋长|司令员|理事长|董事长|总经理|书记|市长|区长|县长|省长|州长|旗长|盟长|镇长|乡长|"
    "主席|主任委员|主任|部长|厅长|局长|处长|科长|所长|站长|队长|团长|社长|台长|馆长|庭长|一级巡视员|二级巡视员|巡视员|"
    "总理|党组成员|政治委员|委员|常委|组长|院长|政委|会长|行长|署长|校长|行政长官|"
    # posts of other countries (俄罗斯总统普京, 日本首相岸田文雄, 卢森堡大公纪尧姆, 乌克兰外长库列巴)
    "总统|首相|国王|女王|王储|亲王|大公|议长|外长|防长|大臣|国务卿|总督|大使|发言人|资政|总司令|新闻秘书|助理|特别代表|特使"
)
# "江津区委书记 李应兰", "市政府副市长,西部科学城重庆高新区党工委书记 张安疆", "上海市市长 龚 正"
SPEAKER_LINE = re.compile(
    rf"^(?P<posts>[^。！？!?；;：:]{{0,60}}?(?:{ROLE_WORDS}))[ \u3000]+"
    r"(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})$"
)
_PUNCT = re.compile(r"[，,。！？!?；;：:、“”\"'‘’（）()《》]")
PULL_QUOTE_MAX = 16


class OffsetMap(Sequence[int]):
    """Where each character of a cleaned text was in the raw text: ``m[i]`` is an index into raw.

    Stored as runs (clean start, raw start) in which both advance together, so the map of a
    long text costs a few entries, not one integer per character.
    """

    __slots__ = ("_starts", "_raws", "_len")

    def __init__(self, runs: list[tuple[int, int]], length: int):
        self._starts = [c for c, _ in runs]
        self._raws = [r for _, r in runs]
        self._len = length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset map index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._raws[k] + (i - self._starts[k])


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: Sequence[int]  # offsets[i] = index in the raw text of text[i]
    notes: tuple[str, ...]


def _scrub(raw: str) -> tuple[str, list[tuple[int, int]], int]:
    """Drop invisible/control characters and the CR of CRLF; return (text, runs, dropped count)."""
    drop: list[int] = []
    pos = 0
    for line in raw.split("\n"):
        if not line.isprintable() and not line.translate(_PROBE).isprintable():
            drop.extend(pos + j for j, ch in enumerate(line) if _dropped(ch))
        pos += len(line) + 1
    crlf = [m.start() for m in re.finditer("\r\n", raw)]
    if not drop and not crlf:
        return raw, [(0, 0)], 0
    cut = sorted(set(drop) | set(crlf))
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    prev = 0
    out_len = 0
    for p in cut:
        if p > prev:
            runs.append((out_len, prev))
            parts.append(raw[prev:p])
            out_len += p - prev
        prev = p + 1
    if prev < len(raw):
        runs.append((out_len, prev))
        parts.append(raw[prev:])
    return "".join(parts), runs or [(0, 0)], len(drop)


def _raw_at(runs: list[tuple[int, int]], starts: list[int], i: int) -> int:
    k = bisect_right(starts, i) - 1
    return runs[k][1] + (i - runs[k][0])


def clean(raw: str) -> Cleaned:
    """Return the text every offset refers to, with an offset map back to ``raw``.

    Drops control/invisible characters, turns CR/CRLF and tabs into newlines/spaces,
    full-width letters and digits into ASCII (one for one), joins paragraphs split inside
    a sentence (“全\\n\\n国50强”) and drops a short pull quote dropped into a sentence.

    >>> clean("新引进项目6个、全\\n\\n国50强企业8家。").text
    '新引进项目6个、全国50强企业8家。'
    """
    text, runs1, n_dropped = _scrub(raw)
    n_wide = len(_FULL_WIDTH_RE.findall(text))
    if _ONE_TO_ONE_RE.search(text):  # (translate looks every character up: only when one is there)
        text = text.translate(_ONE_TO_ONE)
    text = text.replace("\r", "\n")
    if n_wide:
        text = text.translate(_FULL_WIDTH)
    starts1 = [c for c, _ in runs1]
    # paragraphs: runs of non-newline text, each with its start in `text`
    paras = []
    for m in re.finditer(r"[^\n]+", text):
        p = m.group()
        stripped = p.strip()
        if stripped:
            paras.append((m.start() + len(p) - len(p.lstrip()), stripped))
    out: list[str] = []
    runs: list[tuple[int, int]] = []  # (position in output, raw offset) where a run starts
    out_len = 0
    notes: list[str] = []
    if n_dropped:
        notes.append(f"removed {n_dropped} invisible or control character{'s' if n_dropped > 1 else ''}")
    if n_wide:
        notes.append(f"read {n_wide} full-width letter{'s' if n_wide > 1 else ''}/digit{'s' if n_wide > 1 else ''} as ASCII")

    last_raw = 0

    def emit(start: int, p: str) -> None:
        nonlocal out_len, last_raw
        out.append(p)
        # split the paragraph where the scrub's runs break, so every run is one-for-one
        i = start
        end = start + len(p)
        while i < end:
            k = bisect_right(starts1, i) - 1
            nxt = starts1[k + 1] if k + 1 < len(starts1) else end
            runs.append((out_len + i - start, runs1[k][1] + (i - runs1[k][0])))
            i = min(nxt, end)
        out_len += len(p)
        last_raw = _raw_at(runs1, starts1, end - 1)

    k = 0
    joined = False
    cur = ""  # the paragraph as joined so far
    while k < len(paras):
        s, p = paras[k]
        if out and not joined:
            out.append("\n")
            runs.append((out_len, last_raw))  # the joining newline points at the char before it
            out_len += 1
        cur = cur + p if joined else p
        emit(s, p)
        joined = False
        if _continues(cur) and k + 1 < len(paras):
            nxt = paras[k + 1][1]
            if (
                len(nxt) <= PULL_QUOTE_MAX
                and not _PUNCT.search(nxt)
                and k + 2 < len(paras)
                and _is_pull_quote(p, nxt, paras[k + 2][1])
            ):
                notes.append(f"dropped pull quote “{nxt}” inside a sentence")
                k += 2
            else:
                k += 1
            joined = True
            continue
        k += 1
    return Cleaned("".join(out), OffsetMap(runs or [(0, 0)], out_len), tuple(notes))


def _is_pull_quote(before: str, line: str, after: str) -> bool:
    """Whether a short line between two halves of a sentence is a pull quote set into it
    (“…如\n全力以赴冲刺四季度\n今,距离…”: 如今 reads on) rather than its own middle
    (“…双向\n揭榜\n挂帅”: 双向揭榜挂帅)."""
    from kg.extract.lexicon import is_word

    if not after or _PUNCT.match(after):
        return False
    return is_word(before[-1] + after[0], 5) and not is_word(before[-1] + line[0], 5)


def _continues(p: str) -> bool:
    """A paragraph that stops inside a sentence: clause punctuation but no end mark."""
    if not p or p[-1] in _TERMINAL or SPEAKER_LINE.match(p):
        return False
    # clause punctuation inside, or a break right after a list comma (“…6个、全”)
    # or a quotation opened and not yet closed (“双向\n揭榜\n挂帅”)
    return bool(_MIDSENTENCE.search(p)) or bool(re.search(r"[、“]\S{0,2}$", p)) or p.count("“") > p.count("”")


# ------------------------------------------------------------------ sentences

_SENT_END = re.compile(r"[。！？!?；;]+[”’」』]?|\n")
MAX_SENTENCE = 2000  # characters; a longer run without an end mark is cut into pieces of at most this
_SOFT_BREAK = re.compile(r"[，,、：:）)\s]")


def sentences(text: str, start: int = 0, end: int | None = None, section: int = 0,
              max_len: int = MAX_SENTENCE) -> Iterator[Sentence]:
    """Yield sentences of ``text[start:end]`` as offset spans (white space trimmed).

    A "sentence" longer than ``max_len`` (a line of a megabyte without punctuation) is
    cut into pieces of at most ``max_len`` characters, at a comma or space when there is
    one in the second half of the piece, so every part of the text is read and no
    piece is too long for the tokenizer.
    """
    end = len(text) if end is None else end
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        yield from _pieces(text, pos, m.end(), section, max_len)
        pos = m.end()
    if pos < end:
        yield from _pieces(text, pos, end, section, max_len)


def _pieces(text: str, s: int, e: int, section: int, max_len: int) -> Iterator[Sentence]:
    while e - s > max_len:
        cut = s + max_len
        soft = None
        for m in _SOFT_BREAK.finditer(text, s + max_len // 2, cut):
            soft = m.end()
        cut = soft or cut
        yield from _trimmed(text, s, cut, section)
        s = cut
    yield from _trimmed(text, s, e, section)


def _trimmed(text: str, s: int, e: int, section: int) -> Iterator[Sentence]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield Sentence(s, e, section)


_LINE = re.compile(r"[^\n]+")


def lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every non-empty line."""
    for m in _LINE.finditer(text):
        if m.group().strip():
            yield m.start(), m.end()


def is_heading_like(line: str) -> bool:
    """A short line with no sentence punctuation: a title, heading or byline."""
    return 0 < len(line) <= 40 and not re.search(r"[。！？!?；;，,：:]", line)


def sections_from_speakers(text: str, speakers: list[tuple[int, int, str, tuple]]) -> list[Section]:
    """Cut the text into sections at speaker lines and bylines.

    Args:
        text: the document text.
        speakers: (line start, line end, speaker name, posts) of each speaker heading, in order.

    Returns:
        Section 0 is everything before the first speaker (the preamble); each speaker starts
        a section whose heading is the heading-like line just above the speaker line.
    """
    bounds: list[tuple[int, str, str, int, int, tuple]] = []
    all_lines = list(lines(text))
    line_starts = [s for s, _ in all_lines]
    for s, e, name, posts in speakers:
        idx = line_starts.index(s) if s in line_starts else -1
        heading, start = "", s
        if idx > 0:
            ps, pe = all_lines[idx - 1]
            prev = text[ps:pe].strip()
            if is_heading_like(prev) or not re.search(r"[。！？!?]$", prev):
                heading, start = prev, ps
        name_at = text.rfind(name.replace(" ", "")[-1], s, e)
        bounds.append((start, heading, name, max(s, name_at - len(name) + 1), e, posts))
    # bylines (□本报评论员) close the previous speech
    for s, e in all_lines:
        ln = text[s:e].strip()
        if ln[:1] in "□■" and len(ln) <= 20:
            bounds.append((s, ln, "", -1, -1, ()))
    bounds.sort()
    out: list[Section] = []
    first = bounds[0][0] if bounds else len(text)
    out.append(Section(0, first, 0))
    for i, (start, heading, name, ns, ne, posts) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        out.append(Section(start, end, i + 1, heading, name, ns, ne, posts))
    return [s for s in out if s.end > s.start or s.index == 0]
