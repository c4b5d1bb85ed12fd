"""SPARQL on Oxigraph: the safety check, the cookbook, parameters and output formats.

Queries run on Oxigraph (``pyoxigraph``), never on rdflib's pure-Python engine. Before a
query runs, ``check_query`` refuses what kg never does: SPARQL UPDATE (the store changes
only through ``kg build`` and ``kg remove``), ``LOAD`` and ``SERVICE`` (both would make
the engine fetch a URL named in the query).

The cookbook is the ``queries/*.rq`` folder (packaged as ``kg/queries_files``): each file
starts with a comment whose first line says what it answers; ``# @param NAME KIND  help``
lines declare optional parameters. A parameter is a variable of the query that
``--param NAME=VALUE`` binds before evaluation (SPARQL substitution); left unbound, the
query answers for every value.

>>> r = recipe("officials")
>>> r.title
'Officials and the posts they hold, by region.'
>>> [p.name for p in r.params]
['region']
>>> check_query("SELECT * WHERE { ?s ?p ?o }")
'SELECT'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.ontology import DEFAULT_BASE, NS

log = logging.getLogger(__name__)


class QueryError(KgError):
    """A query that cannot run: bad syntax, unknown cookbook name, bad parameter or format."""


class QueryRefused(QueryError):
    """A query asking for what kg never does: SPARQL UPDATE, LOAD or SERVICE."""


VOCAB_PREFIXES = {
    "kg": NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
}
INSTANCE_FOLDERS = ("region", "country", "official", "position", "company", "project", "initiative", "obs", "doc")


def prefixes(base: str | None = None) -> dict[str, str]:
    """Return the prefixes every query may use without declaring them.

    The vocabulary prefixes (``kg:``, ``rdfs:``, ``skos:`` …) and one per instance folder
    under ``base`` (``region:``, ``official:``, ``obs:`` …).

    >>> prefixes()["region"]
    'https://w3id.org/kg-cn/id/region/'
    """
    base = base or DEFAULT_BASE
    out = dict(VOCAB_PREFIXES)
    out.update({f: f"{base}{f}/" for f in INSTANCE_FOLDERS})
    return out


# ---------------------------------------------------------------- the safety check

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
             |\"\"\"(?:(?:\"|\"\")?(?:[^"\\]|\\.))*\"\"\"
             |'(?:[^'\\\n\r]|\\.)*'
             |"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\s(){}\[\],;.=!<>*/+|&^"'#-]+)
  | (?P<pname>[^\W\d][\w.\u00B7-]*:[\w.:%\\\u00B7-]*|:[\w.:%\\\u00B7-]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def _unescape(text: str) -> str:
    def sub(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group(0)

    return _ESCAPE.sub(sub, text)


def _words(text: str) -> tuple[list[str], set[str]]:
    """Return the bare keywords (upper-cased, in order) and the variable names of ``text``."""
    words: list[str] = []
    variables: set[str] = set()
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            words.append(m.group().upper())
        elif kind == "var":
            variables.add(m.group()[1:])
    return words, variables


def _form(words: list[str]) -> str | None:
    i = 0
    while i < len(words) and words[i] in ("PREFIX", "BASE"):
        i += 1  # the prefix name and the IRI are not words
    return words[i] if i < len(words) else None


def check_query(text: str) -> str:
    """Return the form of a read-only SPARQL query (SELECT, CONSTRUCT, DESCRIBE or ASK).

    The check is lexical and conservative: comments, strings and IRIs are skipped, and
    the text is read both as written and with its ``\\u`` escapes decoded.

    Raises:
        QueryRefused: for SPARQL UPDATE (INSERT, DELETE, LOAD, CLEAR, DROP …) and for
            SERVICE anywhere in the query.
        QueryError: for an empty text or one that is not a query.

    >>> check_query("PREFIX kg: <x:> ASK { ?s a kg:Official }")
    'ASK'
    >>> check_query("LOAD <http://example.org/data.ttl>")
    Traceback (most recent call last):
    ...
    kg.query.QueryRefused: LOAD is refused: kg never fetches a URL named in a query; add the file with `kg build FILE --store DIR`
    """
    if not text or not text.strip():
        raise QueryError("empty query; give SPARQL text, a cookbook name (see `kg queries`) or -f FILE")
    form = None
    for variant in (text, _unescape(text)):
        words, _ = _words(variant)
        if "SERVICE" in words:
            raise QueryRefused("SERVICE is refused: kg sends no request to another endpoint; "
                               "query the data in this store only")
        first = _form(words)
        if first == "LOAD" or (first in UPDATE_WORDS and "LOAD" in words):
            raise QueryRefused("LOAD is refused: kg never fetches a URL named in a query; "
                               "add the file with `kg build FILE --store DIR`")
        if first in UPDATE_WORDS:
            raise QueryRefused(f"SPARQL UPDATE ({first}) is refused: queries are read-only; "
                               "change a store with `kg build … --store DIR` or `kg remove ID --store DIR`")
        form = form or first
    if form not in QUERY_FORMS:
        raise QueryError(f"not a SPARQL query: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found {form or 'nothing'}")
    return form


def query_variables(text: str) -> set[str]:
    """Return the names of the variables in a query (without ``?``).

    >>> sorted(query_variables("SELECT ?a WHERE { ?a ?b $c }"))
    ['a', 'b', 'c']
    """
    return _words(text)[1]


# ---------------------------------------------------------------- the cookbook

PARAM_KINDS = {
    "zh": "a Chinese name, matched as a @zh label",
    "str": "a plain string",
    "iri": "an IRI: <…>, or a prefixed name (region:500116, obs:…)",
    "kg": "a term of the kg ontology: growth, or kg:growth",
}


@dataclass(frozen=True)
class Param:
    """An optional parameter of a cookbook query: a variable bound by ``--param NAME=VALUE``."""

    name: str
    kind: str
    help: str = ""


@dataclass(frozen=True)
class Recipe:
    """One cookbook query: ``queries/NAME.rq``."""

    name: str
    title: str  # the first comment line: what it answers
    description: str  # the rest of the header comment
    params: tuple[Param, ...]
    text: str

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        takes = ", ".join(p.name for p in self.params) or "no parameters"
        raise QueryError(f"unknown parameter {name!r} for {self.name}; it takes: {takes}")


_PARAM_LINE = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)\s*(.*)$")


def parse_recipe(name: str, text: str) -> Recipe:
    """Read a ``.rq`` file's header: title, description and ``@param`` lines.

    Raises:
        QueryError: when the file has no header comment or declares an unknown kind.
    """
    head: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _PARAM_LINE.match(line)
        if m:
            pname, kind, help_ = m.groups()
            if kind not in PARAM_KINDS:
                raise QueryError(f"{name}.rq: @param {pname}: unknown kind {kind!r}; "
                                 f"choose one of: {', '.join(PARAM_KINDS)}")
            params.append(Param(pname, kind, help_.strip()))
        else:
            head.append(line.lstrip("#").strip())
    if not head or not head[0]:
        raise QueryError(f"{name}.rq: the first line must be a comment saying what the query answers")
    desc = " ".join(x for x in head[1:] if x)
    return Recipe(name, head[0], desc, tuple(params), text)


def queries_dir() -> Path:
    """Return the cookbook folder (``queries/``, packaged as ``kg/queries_files``)."""
    return Path(str(resources.files("kg").joinpath("queries_files")))


@lru_cache(maxsize=1)
def cookbook() -> dict[str, Recipe]:
    """Return every cookbook query by name, sorted by name."""
    out = {}
    for f in sorted(queries_dir().glob("*.rq")):
        out[f.stem] = parse_recipe(f.stem, f.read_text(encoding="utf-8"))
    return out


def recipe(name: str) -> Recipe:
    """Return the cookbook query ``name``.

    Raises:
        QueryError: for an unknown name, listing the valid ones.
    """
    book = cookbook()
    try:
        return book[name]
    except KeyError:
        raise QueryError(f"no cookbook query {name!r}; choose one of: {', '.join(book)} (see `kg queries`)") from None


# ---------------------------------------------------------------- parameters


def parse_term(value: str, kind: str | None = None, base: str | None = None) -> Any:
    """Turn a ``--param`` value into an RDF term (pyoxigraph).

    With a declared kind: ``zh`` gives ``"…"@zh``, ``str`` a plain string, ``iri`` an IRI,
    ``kg`` a term of the ontology. Without one (a query of your own), the value is read
    as SPARQL writes it: ``<iri>``, ``prefix:name``, ``"text"@zh``, ``"text"``, a number,
    and anything else as a plain string.

    Raises:
        QueryError: for an IRI that is not valid or a prefix that is not known.

    >>> parse_term("江津区", "zh")
    <Literal value=江津区 language=zh>
    >>> parse_term("growth", "kg").value
    'https://w3id.org/kg-cn/ontology#growth'
    """
    import pyoxigraph as ox

    pref = prefixes(base)
    v = value.strip()

    def iri(s: str) -> ox.NamedNode:
        if s.startswith("<") and s.endswith(">"):
            s = s[1:-1]
        elif re.match(r"^[A-Za-z][\w-]*:", s) and s.split(":", 1)[0] in pref:
            p, local = s.split(":", 1)
            s = pref[p] + local
        elif not re.match(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|urn:)", s):
            raise QueryError(f"{value!r} is not an IRI; write <https://…> or a prefixed name with one of "
                             f"{', '.join(p + ':' for p in sorted(pref))}")
        try:
            return ox.NamedNode(s)
        except ValueError as e:
            raise QueryError(f"{value!r} is not a valid IRI ({e})") from None

    if kind == "zh":
        return ox.Literal(v, language="zh")
    if kind == "str":
        return ox.Literal(v)
    if kind == "iri":
        return iri(v)
    if kind == "kg":
        return iri(v if ":" in v else "kg:" + v)
    m = re.match(r'^"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?$', v, re.DOTALL)
    if m:
        text, lang, dt = m.groups()
        if lang:
            return ox.Literal(text, language=lang)
        if dt:
            return ox.Literal(text, datatype=iri(dt))
        return ox.Literal(text)
    if v.startswith("<") or (re.match(r"^[A-Za-z][\w-]*:", v) and v.split(":", 1)[0] in pref):
        return iri(v)
    if re.match(r"^[+-]?\d+$", v):
        return ox.Literal(v, datatype=ox.NamedNode(VOCAB_PREFIXES["xsd"] + "integer"))
    if re.match(r"^[+-]?\d*\.\d+$", v):
        return ox.Literal(v, datatype=ox.NamedNode(VOCAB_PREFIXES["xsd"] + "decimal"))
    return ox.Literal(v)


def bind_params(text: str, params: Mapping[str, str], rec: Recipe | None = None,
                base: str | None = None) -> dict:
    """Return the substitutions (variable -> term) for ``--param NAME=VALUE`` pairs.

    Raises:
        QueryError: for a parameter the cookbook query does not declare, or a variable
            that does not occur in the query.
    """
    import pyoxigraph as ox

    out = {}
    variables = query_variables(text) if params else set()
    for name, value in params.items():
        kind = rec.param(name).kind if rec is not None else None
        if name not in variables:
            raise QueryError(f"--param {name}: the query has no variable ?{name}")
        out[ox.Variable(name)] = parse_term(value, kind, base)
    return out


def parse_param_options(items: Iterable[str]) -> dict[str, str]:
    """Split ``NAME=VALUE`` strings (``--param``) into a dict.

    Raises:
        QueryError: for an item without ``=`` or with an empty name.

    >>> parse_param_options(["region=江津区"])
    {'region': '江津区'}
    """
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.match(r"^\w+$", name):
            raise QueryError(f"--param {item!r}: write NAME=VALUE, e.g. --param region=江津区")
        out[name] = value
    return out


# ---------------------------------------------------------------- running and formats


def run(store: Any, text: str, substitutions: dict | None = None, *, union: bool = False,
        base: str | None = None, default_graph: list | None = None, named_graphs: list | None = None) -> tuple[str, Any]:
    """Check and run a query on a pyoxigraph Store; return (form, results).

    Args:
        store: a ``pyoxigraph.Store``.
        text: the SPARQL query.
        substitutions: variables bound before evaluation (from ``bind_params``).
        union: query the union of all graphs instead of the default graph.
        base: the instance namespace, for the predefined prefixes.
        default_graph, named_graphs: the SPARQL Protocol's ``default-graph-uri`` and
            ``named-graph-uri`` (pyoxigraph NamedNodes).

    Returns:
        The form (SELECT, ASK, CONSTRUCT, DESCRIBE) and pyoxigraph's results object.

    Raises:
        QueryRefused: for UPDATE, LOAD and SERVICE.
        QueryError: for a syntax error, with Oxigraph's position.
    """
    form = check_query(text)
    kwargs: dict[str, Any] = {"prefixes": prefixes(base), "substitutions": substitutions or None}
    if default_graph:
        kwargs["default_graph"] = default_graph
    elif union:
        kwargs["use_default_graph_as_union"] = True
    if named_graphs:
        kwargs["named_graphs"] = named_graphs
    try:
        results = store.query(text, **kwargs)
    except SyntaxError as e:
        msg = str(e).splitlines()[0] if str(e) else "invalid query"
        raise QueryError(f"query syntax error: {msg if len(msg) <= 160 else msg[:159] + '…'}") from None
    except (OSError, ValueError, RuntimeError) as e:
        raise QueryError(f"query failed: {e}") from None
    return form, results


SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("table", "ttl", "nt", "jsonld", "xml", "json")
FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld")


def results_format(form: str, fmt: str) -> Any:
    """Return the pyoxigraph format for writing ``form`` results as ``fmt``.

    ``table`` has no pyoxigraph format (None); for CONSTRUCT and DESCRIBE it means Turtle
    and ``json`` means JSON-LD.

    Raises:
        QueryError: for a format that does not fit the query form, listing the ones that do.
    """
    import pyoxigraph as ox

    table: dict[str, Any]
    valid: tuple[str, ...]
    if form in ("SELECT", "ASK"):
        table = {"table": None, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                 "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
        valid = SOLUTION_FORMATS
    else:
        table = {"table": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD, "json": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}
        valid = GRAPH_FORMATS
    if fmt not in table:
        raise QueryError(f"format {fmt!r} does not fit a {form} query; choose one of: {', '.join(valid)}")
    return table[fmt]


def serialize(form: str, results: Any, fmt: Any, base: str | None = None) -> bytes:
    """Write results in a pyoxigraph format (from ``results_format``) and return the bytes."""
    import pyoxigraph as ox

    if form in ("CONSTRUCT", "DESCRIBE"):
        pref = prefixes(base) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        return ox.serialize(results, format=fmt, prefixes=pref) or b""
    return results.serialize(format=fmt) or b""


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def term_text(term: Any, names: list[tuple[str, str]] | None = None) -> str:
    """Return a term as a table cell: a literal's text, an IRI in prefixed form when it can be.

    Control characters (newlines, terminal escapes from the input) become spaces.
    """
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        s = term.value
        for p, ns in names or ():
            if s.startswith(ns) and re.match(r"^[\w.-]*$", s[len(ns):]):
                s = f"{p}:{s[len(ns):]}"
                break
    elif isinstance(term, ox.Literal):
        s = term.value
    elif isinstance(term, ox.BlankNode):
        s = f"_:{term.value}"
    else:
        s = str(term)
    return _CONTROL.sub(" ", s)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)


def _clip(s: str, limit: int) -> str:
    if limit <= 0 or _width(s) <= limit:
        return s
    out, w = [], 0
    for c in s:
        cw = _width(c)
        if w + cw > limit - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def to_table(form: str, results: Any, base: str | None = None, max_width: int = 60) -> str:
    """Return results as an aligned text table (CJK characters count two columns).

    SELECT gives a header, a rule, one line per row and a ``(N rows)`` line; ASK gives
    ``true`` or ``false``; CONSTRUCT and DESCRIBE give Turtle.

    Args:
        max_width: cut cells wider than this many columns (0: never cut).
    """
    if form == "ASK":
        return "true" if bool(results) else "false"
    if form in ("CONSTRUCT", "DESCRIBE"):
        import pyoxigraph as ox

        return serialize(form, results, ox.RdfFormat.TURTLE, base).decode("utf-8")
    names = sorted(prefixes(base).items(), key=lambda kv: -len(kv[1]))
    header = [v.value for v in results.variables]
    rows = [[_clip(term_text(sol[i], names), max_width) for i in range(len(header))] for sol in results]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out)
