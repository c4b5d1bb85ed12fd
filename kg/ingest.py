"""Inputs to Documents: files, folders, JSONL corpora, HTML pages and standard input.

Every document's text is decoded, cleaned (kg.text.clean) and given a stable id: the
corpus id when a JSONL record has one, else the first 16 hex digits of the SHA-256 of
its clean text. Problems with one input raise InputError naming the path and the reason;
``iter_documents`` reports them to a callback and goes on with the other inputs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Document
from kg.text import clean

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".jsonl", ".json", ".html", ".htm", ".xhtml"}
_ENCODINGS = ("utf-8", "gb18030")


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Return (text, encoding name) for ``data``; raise InputError if it is not text."""
    if not data.strip():
        raise InputError(f"{where}: empty file (nothing to read)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without BOM: every other byte NUL in mostly-ASCII text
        if head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4:
            enc = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
        raise InputError(f"{where}: binary data, not text (NUL bytes); give a UTF-8, GB18030 or UTF-16 text file")
    for enc in _ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(f"{where}: not decodable as UTF-8, GB18030 or UTF-16; convert it to UTF-8")


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML page, scripts and styles dropped."""
    from html.parser import HTMLParser

    class _P(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in ("script", "style", "noscript", "template"):
                self.skip += 1
            elif tag in ("p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"):
                self.out.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style", "noscript", "template") and self.skip:
                self.skip -= 1
            elif tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"):
                self.out.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.out.append(data)

    p = _P()
    p.feed(html)
    p.close()
    return "".join(p.out)


def make_document(raw: str, source: str, doc_id: str | None = None, title: str = "", date: str = "",
                  encoding: str = "") -> Document:
    """Clean ``raw`` text into a Document; raise InputError if nothing readable is left."""
    c = clean(raw)
    if not c.text.strip():
        raise InputError(f"{source}: no text left after clean-up (only white space or control characters)")
    did = _safe_id(doc_id) if doc_id else hashlib.sha256(c.text.encode("utf-8")).hexdigest()[:16]
    notes = c.notes + ((f"decoded as {encoding}",) if encoding and encoding not in ("utf-8",) else ())
    return Document(did, c.text, source, title, date, notes)


def _safe_id(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", str(s)).strip("-.")
    return s[:80] or hashlib.sha256(str(s).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def documents_from_bytes(data: bytes, source: str, suffix: str = "") -> Iterator[Document]:
    """Yield the documents in one file's bytes (one, or one per JSONL line)."""
    text, enc = decode(data, source)
    if suffix in (".jsonl",) or (suffix in ("", ".json") and text.lstrip().startswith("{") and "\n{" in text):
        yield from _jsonl(text, source)
        return
    if suffix in (".html", ".htm", ".xhtml") or re.match(r"\s*(<!doctype html|<html)", text[:200], re.I):
        text = html_to_text(text)
    yield make_document(text, source, encoding=enc)


def _jsonl(text: str, source: str) -> Iterator[Document]:
    bad = 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            bad += 1
            log.warning("%s: not JSON (%s); line skipped", where, e.msg)
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            bad += 1
            log.warning("%s: no \"text\" field; line skipped", where)
            continue
        try:
            yield make_document(rec["text"], where, rec.get("id"), str(rec.get("title") or ""), str(rec.get("date") or ""))
        except InputError as e:
            bad += 1
            log.warning("%s", e)
    if bad:
        log.warning("%s: %d line(s) skipped", source, bad)


def expand(inputs: Iterable[str | Path]) -> Iterator[Path | str]:
    """Yield files to read: folders walked in sorted order; ``-`` passes through."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield p


def iter_documents(inputs: Iterable[str | Path], on_error: Callable[[InputError], None] | None = None,
                   ) -> Iterator[Document]:
    """Yield Documents from paths, folders and ``-``; report unreadable inputs to ``on_error``.

    Raises:
        InputError: for an unreadable input when no ``on_error`` is given.
    """
    for item in expand(inputs):
        try:
            if item == "-":
                data = sys.stdin.buffer.read()
                yield from documents_from_bytes(data, "-")
                continue
            path = Path(item)
            if not path.exists():
                raise InputError(f"{path}: no such file or folder")
            try:
                data = path.read_bytes()
            except OSError as e:
                raise InputError(f"{path}: cannot read ({e.strerror})") from e
            yield from documents_from_bytes(data, str(path), path.suffix.lower())
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)
