"""Clean text and cut it into sections and sentences, keeping character offsets.

``clean`` makes the one text every offset refers to: control and invisible characters
dropped, newspaper line breaks inside sentences repaired, stray pull quotes dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from kg.model import Section, Sentence

# Characters removed right after decoding: C0/C1 controls but newline and tab, format
# characters (zero-width, bidi marks, BOM) and unpaired surrogates.
_KEEP = {"\n", "\t"}


def _dropped(ch: str) -> bool:
    if ch in _KEEP:
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Cs", "Co", "Cn") and ch != "\u200d" or ch == "\ufeff"


_TERMINAL = set("。！？!?；;：:…”」』）)】")
_MIDSENTENCE = re.compile(r"[，,；;。！？!?]")
ROLE_WORDS = (
    "书记|市长|区长|县长|省长|州长|旗长|盟长|镇长|乡长|主席|主任|部长|厅长|局长|秘书长|总理|"
    "委员|常委|组长|院长|检察长|司令员|政委|理事长|董事长|总经理|会长|行长|署长|校长"
)
# "江津区委书记 李应兰", "市政府副市长,西部科学城重庆高新区党工委书记 张安疆", "上海市市长 龚 正"
SPEAKER_LINE = re.compile(
    rf"^(?P<posts>[^。！？!?；;：:]{{1,60}}?(?:{ROLE_WORDS}))[ \u3000]+"
    r"(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})$"
)
_PUNCT = re.compile(r"[，,。！？!?；;：:、“”\"'‘’（）()《》]")
PULL_QUOTE_MAX = 16


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: list[int]  # offsets[i] = index in the raw text of text[i]
    notes: tuple[str, ...]


def clean(raw: str) -> Cleaned:
    """Return the text every offset refers to, with an offset map back to ``raw``.

    Drops control/invisible characters, turns CR/CRLF and tabs into newlines/spaces,
    joins paragraphs split inside a sentence (“全\\n\\n国50强”) and drops a short
    pull quote dropped into a sentence.

    >>> clean("新引进项目6个、全\\n\\n国50强企业8家。").text
    '新引进项目6个、全国50强企业8家。'
    """
    chars: list[str] = []
    offs: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r":
            chars.append("\n")
            offs.append(i)
            if i + 1 < n and raw[i + 1] == "\n":
                i += 1
        elif ch == "\t" or ch == "\u3000" or ch == "\xa0":
            chars.append(" ")
            offs.append(i)
        elif not _dropped(ch):
            chars.append(ch)
            offs.append(i)
        i += 1
    text = "".join(chars)
    # paragraphs: runs of non-newline text, each with its start in `text`
    paras = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    paras = [(s + len(p) - len(p.lstrip()), p.strip()) for s, p in paras if p.strip()]
    out_chars: list[str] = []
    out_offs: list[int] = []
    notes: list[str] = []
    k = 0

    def emit(start: int, p: str) -> None:
        for j, c in enumerate(p):
            out_chars.append(c)
            out_offs.append(offs[start + j])

    joined = False
    while k < len(paras):
        s, p = paras[k]
        if out_chars and not joined:
            out_chars.append("\n")
            out_offs.append(out_offs[-1])
        emit(s, p)
        joined = False
        if _continues(p) and k + 1 < len(paras):
            nxt = paras[k + 1][1]
            if (
                len(nxt) <= PULL_QUOTE_MAX
                and not _PUNCT.search(nxt)
                and k + 2 < len(paras)
                and not _PUNCT.search(nxt[-1:])
            ):
                notes.append(f"dropped pull quote “{nxt}” inside a sentence")
                k += 2
            else:
                k += 1
            joined = True
            continue
        k += 1
    return Cleaned("".join(out_chars), out_offs, tuple(notes))


def _continues(p: str) -> bool:
    """A paragraph that stops inside a sentence: clause punctuation but no end mark."""
    if not p or p[-1] in _TERMINAL or SPEAKER_LINE.match(p):
        return False
    # clause punctuation inside, or a break right after a list comma (“…6个、全”)
    return bool(_MIDSENTENCE.search(p)) or bool(re.search(r"[、“]\S{0,2}$", p))


# ------------------------------------------------------------------ sentences

_SENT_END = re.compile(r"[。！？!?；;]+[”’」』]?|\n")


def sentences(text: str, start: int = 0, end: int | None = None, section: int = 0) -> Iterator[Sentence]:
    """Yield sentences of ``text[start:end]`` as offset spans (white space trimmed)."""
    end = len(text) if end is None else end
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        yield from _trimmed(text, pos, m.end(), section)
        pos = m.end()
    if pos < end:
        yield from _trimmed(text, pos, end, section)


def _trimmed(text: str, s: int, e: int, section: int) -> Iterator[Sentence]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield Sentence(s, e, section)


def lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every non-empty line."""
    for m in re.finditer(r"[^\n]+", text):
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
