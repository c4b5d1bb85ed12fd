"""Inputs to Documents: files, folders, JSONL corpora, HTML pages and standard input.

Every document's text is decoded, cleaned (kg.text.clean) and given a stable id: the
corpus id when a JSONL record has one, else the first 16 hex digits of the SHA-256 of
its clean text. Problems with one input raise InputError naming the path and the reason;
``iter_documents`` reports them to a callback and goes on with the other inputs (and,
in a JSONL corpus, with the other lines).

What is read:

- UTF-8 (with or without BOM), UTF-16 and UTF-32 (BOM, or UTF-16 without one), GB18030
  (and so GBK and GB2312) and Big5, told apart by charset-normalizer when not UTF-8;
  the encoding is noted on the document when it is not UTF-8.
- HTML pages (``.html``, ``.htm``, ``.xhtml``, or text starting ``<!doctype html``/``<html``):
  the visible text, through a real HTML parser (selectolax/Lexbor), scripts and styles dropped.
- JSONL (``.jsonl``): one article per line with a ``text`` field, and ``id``, ``title``,
  ``date`` when present; read line by line, so a corpus of any size streams.
- Traditional Chinese: read as simplified, one character for one (offsets unchanged),
  so the simplified lexicons match; the document notes it.
- A plain text longer than ``PART_CHARS`` characters is cut at paragraph breaks into
  parts of at most that size, each a document, so memory stays bounded.

What is refused (InputError, one line: the input and the reason): a missing path, an
empty or white-space-only file, binary data (images, archives, executables, random
bytes), bytes that no supported encoding decodes, a JSONL line that is not JSON or has no
``text``.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO

from kg.errors import InputError
from kg.model import Document
from kg.text import clean

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".jsonl", ".json", ".html", ".htm", ".xhtml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PART_CHARS = 2_000_000  # a longer plain text is read in parts of at most this many characters
MAX_LINE_BYTES = 64 * 1024 * 1024  # a JSONL line longer than this is refused
MAX_FILE_BYTES = 512 * 1024 * 1024  # a text, HTML or JSON file larger than this is refused (JSONL streams)
# Encodings read, by charset-normalizer's names; GBK and GB2312 are read as their superset GB18030.
SUPPORTED = {"utf_8": "utf-8", "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030",
             "hz": None, "big5": "big5", "big5hkscs": "big5hkscs", "cp950": "cp950",
             "utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
             "utf_32": "utf-32", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be"}
SUPPORTED_NAMES = "UTF-8, UTF-16, GB18030/GBK or Big5"
# (byte-order mark, codec for the bytes after it, name noted on the document)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
         (codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"))
# Signatures of common binary formats: refused with their name.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"RIFF", "a RIFF file (WebP, WAV, AVI)"), (b"BM", None),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"\x00\x00\x01\x00", "an icon"),
    (b"PK\x03\x04", "a zip archive (or .docx/.xlsx/.epub)"), (b"PK\x05\x06", "an empty zip archive"),
    (b"%PDF-", "a PDF file"), (b"\x1f\x8b", "gzip data"), (b"BZh", None), (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!\x1a\x07", "a RAR archive"), (b"\x7fELF", "an executable"),
    (b"MZ", None), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"\x00asm", "WebAssembly"), (b"ID3", None),
    (b"OggS", "an Ogg media file"), (b"\x28\xb5\x2f\xfd", "zstd data"), (b"\xca\xfe\xba\xbe", "a Java class"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def shown(name: object, limit: int = 200) -> str:
    """Return ``name`` fit for a one-line message: control characters, bidi marks and
    unpaired surrogates (undecodable file names) escaped, long names shortened.

    >>> shown("a\\nb\\u202e.txt")
    'a\\\\nb\\\\u202e.txt'
    """
    s = str(name)
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    if s.isprintable():
        return s
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in s)


def _binary_kind(data: bytes) -> str | None:
    """Name the binary format of ``data`` when its first bytes give it away, else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _control_heavy(head: bytes) -> bool:
    """More than 1 in 20 bytes are C0 controls other than white space and ESC (text has almost none)."""
    ctrl = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return ctrl > len(head) // 20


_PLAUSIBLE = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f\u3400-\u4dbf"
                        r"\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")


def _plausible(text: str) -> bool:
    """At least 90% of the first 5,000 characters are ordinary Chinese or Latin text.

    Guards the guesses for encodings that decode almost any bytes (UTF-16, GB18030):
    random bytes read as UTF-16 are about one third CJK and two thirds rare characters.
    """
    sample = text[:5000]
    return bool(sample) and len(_PLAUSIBLE.findall(sample)) >= 0.9 * len(sample)


@lru_cache(maxsize=1)
def _charset_normalizer():  # -> module
    import charset_normalizer

    return charset_normalizer


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Return (text, encoding name) for ``data``.

    Raises:
        InputError: when ``data`` is empty, white space only, binary, or not text in a
            supported encoding.
    """
    if not data:
        raise InputError(f"{where}: empty file (nothing to read)")
    if not data.strip():
        raise InputError(f"{where}: empty file (only white space)")
    binary = f"{where}: {{}}, not text; give a UTF-8, GB18030 or UTF-16 text, HTML or JSONL file"
    kind = _binary_kind(data)
    if kind:
        raise InputError(binary.format(kind))
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError as e:
                label = name.upper().replace("-SIG", "")
                raise InputError(f"{where}: starts with a {label} byte-order mark but is not {label} "
                                 f"(bad byte at {e.start + len(bom)}); convert it to UTF-8") from None
    head = data[:8192]
    if _control_heavy(head):
        # NUL-rich: UTF-16 without BOM, else binary
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text, enc
        raise InputError(binary.format("binary data"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    cn = _charset_normalizer()
    guess = None
    for match in cn.from_bytes(data):
        found = SUPPORTED.get(match.encoding)
        guess = guess or match.encoding
        if found:
            try:
                text = data.decode(found)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text, found
    # UTF-8 with a few broken bytes (a damaged download): read it, noting the repair
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if guess is None and 0 < bad <= max(3, len(data) // 1000):
        return text, f"utf-8 ({bad} undecodable byte{'s' if bad > 1 else ''} replaced by U+FFFD)"
    if guess is None and bad > len(text) // 10:
        raise InputError(binary.format("binary data"))
    looks = f" (looks like {guess})" if guess else ""
    raise InputError(f"{where}: not text in a supported encoding{looks}: invalid UTF-8 at byte "
                     f"{utf8_error.start}, and not {SUPPORTED_NAMES}; convert it to UTF-8")


# ------------------------------------------------------------------ HTML

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas",
              "-comment", "-doctype", "select", "button"}
_BLOCK_TAGS = {"p", "br", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "td", "th", "table", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote",
               "pre", "figure", "figcaption", "hr", "address", "form", "fieldset", "caption", "title", "body"}


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML page, block elements on their own lines,
    scripts, styles and comments dropped (selectolax's Lexbor parser).

    >>> html_to_text("<p>江津区<b>GDP</b>增长7%。</p><script>alert(1)</script><p>第二段</p>")
    '江津区GDP增长7%。\\n第二段'
    """
    return _html(html)[0]


def _html(html: str) -> tuple[str, str]:
    """(visible text, title) of a page; iterative, so any nesting depth is fine."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    t = tree.css_first("title")
    title = " ".join(t.text(deep=True).split()) if t is not None else ""
    out: list[str] = []
    root = tree.body or tree.root
    stack: list[tuple[object, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, leaving = stack.pop()
        if leaving:
            out.append("\n")
            continue
        tag = node.tag  # type: ignore[attr-defined]
        if tag == "-text":
            out.append(node.text_content or "")  # type: ignore[attr-defined]
            continue
        if tag is None or tag in _SKIP_TAGS:
            continue
        if tag in _BLOCK_TAGS:
            out.append("\n")
            stack.append((node, True))
        children = []
        child = node.first_child  # type: ignore[attr-defined]
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    text = re.sub(r"[ \t\r\f\v]*\n\s*", "\n", "".join(out))
    return text.strip(), title


# ------------------------------------------------------------------ documents

_SIMPLIFY_MIN = 3  # at least this many traditional-only characters ...
_SIMPLIFY_RATIO = 3  # ... and this many times more than simplified-only ones


@lru_cache(maxsize=1)
def _ts_table() -> tuple[dict[int, str], frozenset[str]]:
    """(traditional → simplified one-character table, simplified-only characters), from OpenCC's data."""
    from importlib import resources

    base = resources.files("opencc_purepy").joinpath("dicts")

    def pairs(name: str) -> Iterator[tuple[str, str]]:
        for line in base.joinpath(name).read_text(encoding="utf-8").splitlines():
            src, _, dst = line.partition("\t")
            first = dst.split(" ")[0] if dst else ""
            if len(src) == 1 and len(first) == 1 and src != first:
                yield src, first

    ts = {ord(t): s for t, s in pairs("TSCharacters.txt")}
    simplified_only = frozenset(s for s, _t in pairs("STCharacters.txt")) - {chr(c) for c in ts}
    return ts, simplified_only


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """The characters ``_ts_table`` maps."""
    return frozenset(chr(c) for c in _ts_table()[0])


def simplify(text: str) -> tuple[str, int]:
    """Return (text read as simplified Chinese, characters mapped) when ``text`` is written in
    traditional characters; else (text, 0). The mapping is one character for one, so
    offsets into the result are offsets into ``text``.

    >>> simplify("江津區委書記 李應蘭")
    ('江津区委书记 李应兰', 5)
    """
    ts, simplified_only = _ts_table()
    if _traditional().isdisjoint(text):
        return text, 0  # (most texts: a set test walks the text faster than the count below)
    trad = sum(1 for ch in text if ord(ch) in ts)
    if trad < _SIMPLIFY_MIN:
        return text, 0
    simp = sum(1 for ch in text if ch in simplified_only)
    if trad <= _SIMPLIFY_RATIO * simp:
        return text, 0
    out = text.translate(ts)
    return out, trad


def _one_line(s: object, limit: int = 300) -> str:
    """A title or date from the input: invisible characters dropped, white space collapsed."""
    t = " ".join(clean(str(s)).text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def make_document(raw: str, source: str, doc_id: str | None = None, title: str = "", date: str = "",
                  encoding: str = "") -> Document:
    """Clean ``raw`` text into a Document.

    Raises:
        InputError: if nothing readable is left after clean-up.
    """
    c = clean(raw)
    if not c.text.strip():
        raise InputError(f"{source}: no text left after clean-up (only white space or control characters)")
    text, mapped = simplify(c.text)
    notes = list(c.notes)
    if mapped:
        notes.append(f"traditional Chinese: {mapped} characters read as simplified (one for one, offsets kept)")
    if encoding and encoding != "utf-8":
        notes.append(f"decoded as {encoding}")
    did = _safe_id(doc_id) if doc_id not in (None, "") else hashlib.sha256(c.text.encode("utf-8")).hexdigest()[:16]
    return Document(did, text, source, _one_line(title), _one_line(date, 40), tuple(notes),
                    c.text if mapped else "")


def _safe_id(s: object) -> str:
    """An id for IRIs: ASCII letters, digits, ``.``, ``_``, ``-``; a changed id gets a hash of the original.

    >>> _safe_id("xwlb-20220101-01"), _safe_id("新闻 1")
    ('xwlb-20220101-01', '1-7da2379e')
    """
    raw = str(s)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", raw).strip("-.")[:80]
    if safe == raw:
        return safe
    h = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{safe}-{h}" if safe else h


def _parts(text: str, limit: int | None = None) -> list[str]:
    """Cut a long text at paragraph breaks (else line breaks, else anywhere) into parts ≤ limit."""
    limit = limit or PART_CHARS
    if len(text) <= limit:
        return [text]
    out = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + limit)
        if end < len(text):
            cut = text.rfind("\n\n", pos + limit // 2, end)
            if cut < 0:
                cut = text.rfind("\n", pos + limit // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append(text[pos:end])
        pos = end
    return out


Item = Document | InputError


def documents_from_bytes(data: bytes, source: str, suffix: str = "") -> Iterator[Document]:
    """Yield the documents in one file's bytes (one, several parts, or one per JSONL line).

    Raises:
        InputError: for the first problem found (use ``iter_documents`` to go on past them).
    """
    for item in _from_bytes(data, source, suffix):
        if isinstance(item, InputError):
            raise item
        yield item


def _from_bytes(data: bytes, source: str, suffix: str = "") -> Iterator[Item]:
    text, enc = decode(data, source)
    head = text[:200].lstrip()
    if suffix == ".jsonl" or (suffix in ("", ".json") and head.startswith("{") and "\n{" in text[:1_000_000]):
        yield from _jsonl_lines(text.split("\n"), source, enc)
        return
    if suffix == ".json":
        yield from _json(text, source, enc)
        return
    title = ""
    if suffix in HTML_SUFFIXES or re.match(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype html|<html", head, re.I | re.S):
        text, title = _html(text)
        if not text.strip():
            raise InputError(f"{source}: HTML page with no visible text")
    parts = _parts(text)
    if len(parts) == 1:
        yield make_document(text, source, title=title, encoding=enc)
        return
    for i, part in enumerate(parts, 1):
        try:
            doc = make_document(part, f"{source} (part {i} of {len(parts)})", title=title, encoding=enc)
        except InputError:
            continue  # a part of nothing but white space
        yield Document(doc.id, doc.text, doc.source, doc.title, doc.date,
                       doc.notes + (f"long text ({len(text):,} characters) read in {len(parts)} parts",))


def _record(rec: object, where: str, enc: str) -> Item:
    if not isinstance(rec, dict):
        return InputError(f"{where}: a JSON {type(rec).__name__}, not an object with a \"text\" field")
    t = rec.get("text")
    if not isinstance(t, str):
        what = "no \"text\" field" if t is None else f"\"text\" is a {type(t).__name__}, not a string"
        return InputError(f"{where}: {what}; each line needs {{\"text\": \"…\"}}")
    if not t.strip():
        return InputError(f"{where}: empty \"text\"")
    try:
        return make_document(t, where, rec.get("id"), str(rec.get("title") or ""), str(rec.get("date") or ""),
                             encoding=enc)
    except InputError as e:
        return e


def _jsonl_line(line: str, where: str, enc: str) -> Item | None:
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(f"{where}: not JSON (column {e.colno}: {e.msg}); line skipped")
    except RecursionError:
        return InputError(f"{where}: JSON nested too deeply; line skipped")
    return _record(rec, where, enc)


def _jsonl_lines(lines: Iterable[str], source: str, enc: str = "utf-8") -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        item = _jsonl_line(line, f"{source}:{n}", enc)
        if item is not None:
            yield item


def _json(text: str, source: str, enc: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield InputError(f"{source}: not JSON (line {e.lineno}, column {e.colno}: {e.msg})")
        return
    except RecursionError:
        yield InputError(f"{source}: JSON nested too deeply")
        return
    if isinstance(data, list):
        for i, rec in enumerate(data):
            yield _record(rec, f"{source}[{i}]", enc)
    else:
        yield _record(data, source, enc)


def _stream_jsonl(f: IO[bytes], source: str) -> Iterator[Item]:
    """Read a JSONL file line by line (bounded memory): UTF-8, or per line GB18030; UTF-16/32 with BOM."""
    head = f.read(8192)
    kind = _binary_kind(head) or ("binary data" if _control_heavy(head) and not head.startswith(
        tuple(b[0] for b in _BOMS)) else None)
    if kind:
        yield InputError(f"{source}: {kind}, not text; a .jsonl file holds one JSON object per line")
        return
    f.seek(0)
    for bom, _codec, name in _BOMS:
        if head.startswith(bom) and name != "utf-8-sig":
            yield from _jsonl_lines(io.TextIOWrapper(f, encoding=name, errors="replace"), source, name)
            return
    n = 0
    blank = True
    for n, raw in enumerate(f, 1):
        if blank and raw.strip():
            blank = False
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        where = f"{source}:{n}"
        if len(raw) > MAX_LINE_BYTES:
            yield InputError(f"{where}: line of {len(raw):,} bytes, over the limit of {MAX_LINE_BYTES:,}; skipped")
            continue
        enc = "utf-8"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line, enc = raw.decode("gb18030"), "gb18030"
            except UnicodeDecodeError as e:
                yield InputError(f"{where}: not UTF-8 or GB18030 (bad byte at {e.start}); line skipped")
                continue
        item = _jsonl_line(line.rstrip("\r\n"), where, enc)
        if item is not None:
            yield item
    if blank:
        yield InputError(f"{source}: empty file ({'only white space' if n else 'nothing to read'})")


def expand(inputs: Iterable[str | Path]) -> Iterator[Path | str]:
    """Yield files to read: folders walked in sorted order (by name, whatever the disk's order);
    ``-`` passes through. Hidden files and files of other types inside folders are skipped."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        p = Path(item)
        if p.is_dir():
            found = []
            for f in p.rglob("*"):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                try:
                    if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES:
                        found.append(f)
                except OSError:
                    continue
            yield from sorted(found, key=lambda f: [part.encode("utf-8", "surrogateescape") for part in f.parts])
        else:
            yield p


def estimate_documents(inputs: Iterable[str | Path]) -> int | None:
    """Return about how many documents the inputs hold (a JSONL file: its lines), for a
    progress bar; None when it cannot be told without reading (standard input)."""
    n = 0
    for item in expand(inputs):
        if item == "-":
            return None
        p = Path(item)
        try:
            if p.suffix.lower() == ".jsonl" and p.is_file():
                with p.open("rb") as f:
                    n += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
            else:
                n += 1
        except OSError:
            n += 1
    return n


def _read(item: Path | str) -> Iterator[Item]:
    if item == "-":
        yield from _from_bytes(sys.stdin.buffer.read(), "-")
        return
    path = Path(item)
    name = shown(path)
    if not path.exists():
        yield InputError(f"{name}: no such file or folder")
        return
    if path.is_dir():  # a folder given inside a list is expanded by ``expand``; here only via Path
        yield InputError(f"{name}: is a folder")
        return
    if not path.is_file() and not path.is_fifo():
        yield InputError(f"{name}: not a regular file")
        return
    suffix = path.suffix.lower()
    try:
        if path.is_file() and suffix != ".jsonl" and path.stat().st_size > MAX_FILE_BYTES:
            yield InputError(f"{name}: {path.stat().st_size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for one "
                             "text; split it, or give a corpus as JSONL (read line by line, any size)")
            return
        if suffix == ".jsonl":
            with path.open("rb") as f:
                yield from _stream_jsonl(f, name)
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError(f"{name}: cannot read ({e.strerror or e})")
        return
    yield from _from_bytes(data, name, suffix)


def iter_documents(inputs: Iterable[str | Path], on_error: Callable[[InputError], None] | None = None,
                   ) -> Iterator[Document]:
    """Yield Documents from paths, folders and ``-``; report unreadable inputs to ``on_error``.

    A problem with one file (or one JSONL line) is reported and reading goes on. A corpus
    id seen before with another text gets the text's hash appended, so no article is lost.

    Raises:
        InputError: for an unreadable input when no ``on_error`` is given.
    """
    seen: dict[str, str] = {}
    for item in expand(inputs):
        try:
            for got in _read(item):
                if isinstance(got, InputError):
                    if on_error is None:
                        raise got
                    on_error(got)
                    continue
                yield _unique(got, seen)
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)
        except (UnicodeError, ValueError, OSError, RecursionError, MemoryError) as e:
            err = InputError(f"{shown(item)}: cannot read ({type(e).__name__}: {shown(e, 160)})")
            if on_error is None:
                raise err from e
            on_error(err)


def _unique(doc: Document, seen: dict[str, str]) -> Document:
    h = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    prev = seen.get(doc.id)
    if prev is None or prev == h:
        seen[doc.id] = h
        return doc
    new_id = f"{doc.id}-{h[:8]}"
    seen[new_id] = h
    return Document(new_id, doc.text, doc.source, doc.title, doc.date,
                    doc.notes + (f"id {doc.id!r} already used by another text; this one is {new_id}",))
