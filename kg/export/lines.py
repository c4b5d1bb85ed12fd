"""Triples as sortable lines: the one order every serialisation is written in.

A triple becomes one line whose prefix sorts as the Turtle writer orders a graph (subject; then
``rdf:type``, labels, other predicates; then objects, IRIs before literals) and whose tail holds
the triple's terms already written out. Lines from any number of workers, sorted in runs and
merged (``merge``), give one stream with every triple once, in one order, whatever the engine:
the Turtle, N-Triples and the view are all read off that stream, so a corpus is written without
a graph in memory, and the bytes do not depend on how the work was split.

    line = subject \\x01 predicate-rank predicate \\x01 object-key \\x02 s-term \\x02 p-term \\x02 o-term \\x02 nt-object
"""

from __future__ import annotations

import heapq
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import SKOS

from kg.terms import Lit, from_rdflib

FIRST = (str(RDF.type), str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel))
_TYPE = str(RDF.type)
_RANK = {p: f"{i:02d}" for i, p in enumerate(FIRST)}
_OTHER = f"{len(FIRST):02d}"
_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_CTRL = re.compile("[\x00-\x1f\x7f\u2028\u2029\x85]")
_UNCTRL = re.compile("\x03(.)", re.S)


def _key_text(s: str) -> str:
    """A literal's text for a sort key: control and line-break characters as \\x03 plus a letter,
    so a line never breaks and the separators \\x01, \\x02 never occur inside a field."""
    return _CTRL.sub(lambda m: "\x03" + chr(0x100 + ord(m.group())), s) if _CTRL.search(s) else s


def key_value(okey: str) -> str:
    """The value (IRI or literal text) an object key holds."""
    if okey[0] == "0":
        return okey[1:]
    text = okey.split("\x01", 2)[2]
    return _UNCTRL.sub(lambda m: chr(ord(m.group(1)) - 0x100), text) if "\x03" in text else text
# the namespaces a kg graph uses, with their prefixes (instance folders are added per base)
NAMESPACES = {
    "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS), "xsd": "http://www.w3.org/2001/XMLSchema#",
    "kg": "https://w3id.org/kg-cn/ontology#", "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#", "dcterms": "http://purl.org/dc/terms/",
}
INSTANCE_FOLDERS = ("region", "country", "official", "position", "company", "project", "initiative", "obs", "doc")


_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]')


def escape(s: str) -> str:
    """Escape a literal's text for Turtle and N-Triples (a quoted string on one line)."""
    if not _NEEDS_ESCAPE.search(s):
        return s
    out = []
    for ch in s:
        o = ord(ch)
        if ch in _ESC:
            out.append(_ESC[ch])
        elif o < 0x20 or o == 0x7F or 0xFFFE <= o <= 0xFFFF:
            out.append(f"\\u{o:04X}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\uFFFD")
        else:
            out.append(ch)
    return "".join(out)


def prefix_table(base: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The prefixes of a kg graph with instance namespace ``base`` (and any ``extra`` bindings)."""
    from kg.export.turtle import _valid_iri

    ns = dict(extra or {})
    ns.update(NAMESPACES)
    if base:
        ns["kgr"] = base
        for folder in INSTANCE_FOLDERS:
            ns[folder] = base + folder + "/"
    return {p: u for p, u in ns.items() if _prefix_ok(p) and u[-1:] in ("/", "#") and _valid_iri(u)}


def _prefix_ok(p: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9_-]*$", p))


class Terms:
    """Writes terms as Turtle (prefixed names where they fit) and N-Triples; remembers the prefixes used."""

    def __init__(self, prefixes: dict[str, str]):
        # longest namespace first so region: beats kgr:
        self.prefixes = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.used: set[str] = set()
        self._iri: dict[str, str] = {}
        self._nt: dict[str, str] = {}
        # a predicate's parts of a line, (rank and IRI, Turtle form): a dozen predicates, every triple
        self.predicates: dict[Any, tuple[str, str]] = {}

    def iri(self, s: str) -> str:
        t = self._iri.get(s)
        if t is None:
            from kg.export.turtle import safe_iri

            t = f"<{safe_iri(s)}>"
            for p, u in self.prefixes:
                if s.startswith(u) and _PN_LOCAL.match(s[len(u):]):
                    self.used.add(p)
                    t = f"{p}:{s[len(u):]}"
                    break
            if len(self._iri) < 200_000:
                self._iri[s] = t
        return t

    def predicate(self, p: Any) -> tuple[str, str]:
        """A predicate's (rank and IRI, Turtle form) in a line; ``p`` a str or an rdflib term."""
        got = self.predicates.get(p)
        if got is None:
            p_str = str(p)
            # rdf:type is written "a" (rdflib terms are equal when of the same type and text)
            p_term = "a" if p_str == _TYPE and type(p) in (str, URIRef) else self.iri(p_str)
            got = self.predicates[p] = (f"{_RANK.get(p_str, _OTHER)}{p_str}", p_term)
        return got

    def nt(self, s: str) -> str:
        """An IRI as N-Triples writes it (``<…>``, repaired by ``safe_iri`` when it must be)."""
        t = self._nt.get(s)
        if t is None:
            from kg.export.turtle import safe_iri

            t = f"<{safe_iri(s)}>"
            if len(self._nt) < 200_000:
                self._nt[s] = t
        return t

    def literal(self, t: Lit) -> tuple[str, str]:
        """Return (Turtle, N-Triples) of a literal."""
        body = f'"{escape(t.text)}"'
        if t.lang:
            return f"{body}@{t.lang}", f"{body}@{t.lang}"
        if t.datatype:
            return f"{body}^^{self.iri(t.datatype)}", f"{body}^^{self.nt(t.datatype)}"
        return body, body


def line(s: Any, p: Any, o: Any, terms: Terms) -> str:
    """Return the sortable line of one triple: of plain terms (``kg.terms``: an IRI a str, a literal
    a ``Lit``, as the emitter makes them) or of rdflib's (blank nodes by their id)."""
    # (type(x) is … first, plain terms before rdflib's: isinstance on rdflib's terms goes through
    # their ABC, and this runs per triple)
    if type(s) is str:
        s_str = s
        s_term = terms.iri(s)
    elif type(s) is not URIRef and isinstance(s, BNode):
        s_str, s_term = f"_:{s}", f"_:b{re.sub(r'[^A-Za-z0-9]', '', str(s))}"
    else:
        s_str = str(s)
        s_term = terms.iri(s_str)
    p_key, p_term = terms.predicate(p)
    to = type(o)
    if to is not Lit and to is not str and to is not URIRef and isinstance(o, Literal):
        o, to = from_rdflib(o), Lit
    if to is Lit:
        okey = f"1{o.datatype}\x01{o.lang}\x01{_key_text(o.text)}"
        o_term, o_nt = terms.literal(o)
    elif to is not str and to is not URIRef and isinstance(o, BNode):
        okey = f"0_:{o}"
        o_term = o_nt = f"_:b{re.sub(r'[^A-Za-z0-9]', '', str(o))}"
    else:
        o_str = o if to is str else str(o)
        okey = f"0{o_str}"
        o_term = terms.iri(o_str)
        o_nt = terms.nt(o_str)
    return f"{s_str}\x01{p_key}\x01{okey}\x02{s_term}\x02{p_term}\x02{o_term}\x02{o_nt}\n"


def to_lines(triples: Iterable[tuple[Any, Any, Any]], terms: Terms) -> list[str]:
    """Return the sorted, distinct lines of ``triples``."""
    return sorted({line(s, p, o, terms) for s, p, o in triples})


def parts(ln: str) -> tuple[str, str, str, str, str, str]:
    """Split a line into (subject IRI, predicate IRI, object key, s-term, p-term, o-term)."""
    key, s_term, p_term, o_term, _o_nt = ln.rstrip("\n").split("\x02")
    s_str, prank_p, okey = key.split("\x01", 2)
    return s_str, prank_p[2:], okey, s_term, p_term, o_term


class Runs:
    """Sorted runs of lines on disk, merged into one sorted, distinct stream (an external sort)."""

    def __init__(self, folder: str | Path | None = None, limit: int = 400_000):
        self._dir = tempfile.TemporaryDirectory(prefix="kg-runs-", dir=folder)
        self.paths: list[Path] = []
        self._buf: list[str] = []
        self.limit = limit

    def add(self, lines: Iterable[str]) -> None:
        """Add lines (any order); a run is written whenever the buffer is full."""
        self._buf.extend(lines)
        if len(self._buf) >= self.limit:
            self._flush()

    @property
    def folder(self) -> str:
        """The folder of the runs (``add_file`` takes files written there)."""
        return self._dir.name

    def add_file(self, path: str | Path) -> None:
        """Add a run that a worker wrote, sorted, to a file in ``folder`` (nothing for ``""``)."""
        if path:
            self.paths.append(Path(path))

    def add_sorted(self, text: str | bytes) -> None:
        """Add one run that is already sorted (a worker's output, str or UTF-8), as it is."""
        if text:
            self._write(text)

    def _flush(self) -> None:
        if self._buf:
            self._write("".join(sorted(set(self._buf))))
            self._buf = []

    def _write(self, text: str | bytes) -> None:
        path = Path(self._dir.name) / f"run-{len(self.paths):06d}"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        self.paths.append(path)

    def prepare(self) -> None:
        """Write what is buffered and combine the runs down to 64: after this, ``merged`` only reads
        (so two processes may read the same runs at once)."""
        self._flush()
        while len(self.paths) > 64:
            self._combine(64)

    def merged(self) -> Iterator[str]:
        """Yield every line once, in order (runs are merged 64 at a time when there are many)."""
        self.prepare()
        files = [open(p, encoding="utf-8", newline="\n") for p in self.paths]
        try:
            prev = None
            for ln in heapq.merge(*files):
                if ln != prev:
                    yield ln
                    prev = ln
        finally:
            for f in files:
                f.close()

    def _combine(self, n: int) -> None:
        head, self.paths = self.paths[:n], self.paths[n:]
        out = Path(self._dir.name) / f"run-m{len(self.paths):06d}-{os.getpid()}-{id(head)}"
        files = [open(p, encoding="utf-8", newline="\n") for p in head]
        with open(out, "w", encoding="utf-8", newline="\n") as w:
            prev = None
            for ln in heapq.merge(*files):
                if ln != prev:
                    w.write(ln)
                    prev = ln
        for f, p in zip(files, head, strict=True):
            f.close()
            p.unlink()
        self.paths.append(out)

    def close(self) -> None:
        self._dir.cleanup()


def write_stream(lines: Iterable[str], ttl: Any = None, nt: Any = None, view: Any = None) -> int:
    """Read the merged stream once: write its Turtle blocks to ``ttl``, its N-Triples to ``nt``
    (file-like, either may be None) and give each triple to ``view`` (``.triple(s, p, okey)``).
    Return the number of triples. One split of each line serves all three."""
    from kg.export.turtle import safe_iri

    n = 0
    cur_s = None
    subj = ""
    preds: list[str] = []  # "    p o1, o2" of the current subject
    last_p: str | None = None
    last_pt = ""
    objs: list[str] = []
    first = True
    tw = ttl.write if ttl is not None else None
    nw = nt.write if nt is not None else None
    vt = view.triple if view is not None else None

    def flush() -> None:
        nonlocal first
        if cur_s is None or tw is None:
            return
        body = " ;\n".join(preds)
        tw(("" if first else "\n") + f"{subj}\n{body} .\n")
        first = False

    for ln in lines:
        n += 1
        key, s_term, p_term, o_term, o_nt = ln.rstrip("\n").split("\x02")
        s_str, rest = key.split("\x01", 1)
        p_key, okey = rest.split("\x01", 1)
        if vt is not None:
            vt(s_str, p_key[2:], okey)
        if nw is not None:
            s_nt = s_str if s_str.startswith("_:") else f"<{safe_iri(s_str)}>"
            nw(f"{s_nt} <{safe_iri(p_key[2:])}> {o_nt} .\n")
        if tw is None:
            continue
        if s_str != cur_s:
            if objs:
                preds.append(f"    {last_pt} {', '.join(objs)}")
            flush()
            cur_s, subj, preds, objs, last_p = s_str, s_term, [], [], None
        if p_key != last_p:
            if objs:
                preds.append(f"    {last_pt} {', '.join(objs)}")
            objs, last_p, last_pt = [], p_key, p_term
        objs.append(o_term)
    if tw is not None and cur_s is not None:
        if objs:
            preds.append(f"    {last_pt} {', '.join(objs)}")
        flush()
    return n


def turtle_head(used: Iterable[str], prefixes: dict[str, str]) -> str:
    from kg.export.turtle import safe_iri

    return "".join(f"@prefix {p}: <{safe_iri(prefixes[p])}> .\n" for p in sorted(set(used)) if p in prefixes) + "\n"
