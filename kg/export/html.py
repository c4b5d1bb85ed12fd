"""The graph explorer: one self-contained, offline HTML file (pyvis, vis-network inline).

The page opens on an overview — every node of a small graph; for a large one the regions and
the most connected entities, with a note of how many are not drawn — and carries every node in
a compact table (``explore`` below), so a search finds any name, a click opens a side panel
(class, labels and aliases, posts in time order, figures as a table and an inline-SVG bar
chart, each evidence sentence with the mention highlighted and its document named), and a
double click (or the panel's button) draws the node's neighbours. Filters show one class,
one region with its sub-regions, or one document.

``ViewCollector`` reads the merged stream of sorted lines (kg.export.lines) plus, where the
caller has them, each document's own evidence (``evidence(doc, subject, sentence)``);
``data()`` returns what the page needs (pure); ``view_page`` renders it; ``to_html`` does both
for an rdflib Graph; ``write`` stores it atomically.

Every string from the input is data: the table is JSON inside a ``<script
type="application/json">`` element with ``<``, ``>``, ``&`` and line separators escaped, read
with ``JSON.parse`` and only ever put into the page with ``textContent`` or as canvas labels
and ``innerText`` tooltips (``_text``), so nothing in an article can run as script; the page
loads nothing from the network (a Content-Security-Policy forbids it).
"""

from __future__ import annotations

import html as _html
import json
import math
import re
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph

from kg.export.atomic import write_text
from kg.export.lines import key_value
from kg.ontology import KG

COLOURS = {
    "Official": "#d62728",
    "Region": "#1f77b4",
    "Company": "#2ca02c",
    "Project": "#ff7f0e",
    "Initiative": "#9467bd",
}
LABELS_ZH = {"Official": "官员", "Region": "行政区", "Company": "企业", "Project": "项目", "Initiative": "政策举措"}
CLASSES = tuple(COLOURS)
_REGION_CLASSES = {"Region", "Country", "Province", "City", "District", "Zone"}
_CLASS_RANK = {"Country": 1, "Province": 2, "City": 3, "Zone": 4, "District": 5, "Region": 9}
# links drawn between nodes, by kind (a post is drawn as official -> region, labelled with its title)
_EDGE_KINDS = ("post", "locatedIn", "implementedIn", "company", "partOf", "former")
_EDGE_ZH = {"post": "任职", "locatedIn": "位于", "implementedIn": "实施", "company": "企业", "partOf": "隶属",
            "former": "曾任"}
MAX_TITLE = 300
MAX_NODES = 3000  # the most a page draws at once (an overview, a filter)
OVERVIEW = 400  # a graph with more nodes than MAX_NODES opens on this many
EVIDENCE_PER_NODE = 4
FIGURES_PER_REGION = 60
SENTENCE_CHARS = 240

_HREF = re.compile(r"(?i)(h)(ref)")
NS = str(KG)
_RDF_TYPE, _LABEL = str(RDF.type), str(RDFS.label)
_ALT = ("http://www.w3.org/2004/02/skos/core#altLabel", "http://www.w3.org/2004/02/skos/core#hiddenLabel")
_DATE = "http://purl.org/dc/terms/date"
_P = {k: NS + k for k in ("holdsPosition", "formerPosition", "inRegion", "title", "locatedIn", "implementedIn",
                          "company", "partOf", "evidence", "document", "region", "indicator", "value", "unit",
                          "period", "measure", "firstSeen", "lastSeen", "mentionedIn", "source")}
# what ViewCollector.triple keeps of each predicate (any other is passed over)
_KIND = {_RDF_TYPE: "type", _LABEL: "label", **{a: "alt" for a in _ALT}, _DATE: "date",
         **{_P[k]: "link" for k in ("holdsPosition", "formerPosition", "inRegion", "locatedIn", "implementedIn",
                                    "company", "partOf", "region", "measure")},
         **{_P[k]: "value" for k in ("title", "indicator", "value", "unit", "period", "firstSeen", "lastSeen")},
         _P["document"]: "document", _P["evidence"]: "evidence"}


def _text(s: str, limit: int = MAX_TITLE) -> str:
    """Input text for the view, shown as text whatever it holds.

    Labels are drawn on the canvas and tooltips set with ``innerText`` (vis-network 9), so
    markup in a name (``<img onerror=…>``, ``</script>``, ``javascript:``) is shown, never
    parsed; in the page the data is JSON with ``<``, ``>``, ``&`` and ``'`` escaped, so it
    cannot close its script element. Two more guards: pyvis switches every tooltip to
    ``innerHTML`` when any title contains "href", so that word gets an invisible word joiner;
    and control characters are dropped.

    >>> _text('<a href="javascript:alert(1)">x</a>') == '<a h\u2060ref="javascript:alert(1)">x</a>'
    True
    """
    if not s.isprintable() and not s.replace("\n", "").isprintable():  # (most text is: nothing dropped)
        s = "".join(ch for ch in s if ch.isprintable() or ch in "\n ")
    s = s if len(s) <= limit else s[: limit - 1] + "…"
    return _HREF.sub("\\1\u2060\\2", s) if _HREF.search(s) else s


def _label(s: str, limit: int = 40) -> str:
    """A node's label: one line (white space collapsed), never empty (pyvis shows the id instead)."""
    return _text(" ".join(s.split()), limit) or "—"


_SECTION, _OBSERVATION = NS + "Section", NS + "Observation"
# what the figures table reads of an observation: the first value of each, in this order
_OBS_FIELDS = ("region", "document", "evidence", "value", "indicator", "unit", "period", "measure")
_OBS_INDEX = {f: i for i, f in enumerate(_OBS_FIELDS)}


class ViewCollector:
    """Reads the merged stream (``triple``) and documents' own evidence (``evidence``) and keeps
    what the explorer shows.

    The stream comes grouped by subject, each subject's types first (kg.export.lines): that is
    how a section (nothing the page shows) is passed over whole, and an observation kept as one
    short row of what the figures table reads, not a table of lists (a corpus has tens of
    thousands of both; their memory grew with it). IRIs that recur (documents, regions) are
    held once."""

    def __init__(self) -> None:
        self.cls: dict[str, str] = {}
        self.label: dict[str, str] = {}
        self.alt: dict[str, list[str]] = {}
        self.vals: dict[str, dict[str, list[str]]] = {}
        self.links: list[tuple[str, str, str]] = []
        self.doc_title: dict[str, str] = {}
        self.doc_date: dict[str, str] = {}
        self.paired: dict[str, list[tuple[str, str]]] = {}  # subject -> [(document IRI, sentence)]
        self.observations: list[tuple[str, ...]] = []  # one row (_OBS_FIELDS) per observation, in stream order
        self._strings: dict[str, str] = {}  # one object per recurring IRI
        self._subject: str | None = None  # the subject of the block being read, as first seen
        self._held = ""  # that subject as held (interned)
        self._mode = 0  # 0: kept, 1: passed over (a section), 2: an observation (its row in _obs)
        self._obs: list[str] | None = None

    def _intern(self, x: str) -> str:
        return self._strings.setdefault(x, x)

    def _end_observation(self) -> None:
        if self._obs is not None:
            self.observations.append(tuple(self._obs))
            self._obs = None

    def line(self, ln: str) -> None:
        from kg.export.lines import parts

        s, p, okey, _st, _pt, _ot = parts(ln)
        self.triple(s, p, okey)

    def triple(self, s: str, p: str, okey: str) -> None:
        """Take one triple of the stream: subject IRI, predicate IRI, object key (kg.export.lines)."""
        kind = _KIND.get(p)  # (one lookup: most triples of the stream are of no interest here)
        if kind is None:
            return
        if s != self._subject:  # a new subject's block, its types first
            self._end_observation()
            self._subject, self._mode = s, 0
            if kind == "type" and okey[0] == "0":
                if okey[1:] == _SECTION:
                    self._mode = 1
                    return
                if okey[1:] == _OBSERVATION:
                    self._mode, self._obs = 2, [""] * len(_OBS_FIELDS)
                    return
            self._held = self._intern(s)
        if self._mode:
            if self._mode == 2:
                self._observation(p, kind, okey)
            return
        s = self._held
        if kind == "type":
            c = okey[1 + len(NS):] if okey[1:].startswith(NS) else ""
            if c:
                old = self.cls.get(s)
                if old is None or _CLASS_RANK.get(c, 0) < _CLASS_RANK.get(old, 0):
                    self.cls[s] = c  # the most specific: District over Region, Country for 中国
        elif kind == "label":
            if okey[0] == "1" and s not in self.label:
                self.label[s] = key_value(okey)
        elif kind == "alt":  # aliases, and the hidden names a search should find too
            if okey[0] == "1":
                self.alt.setdefault(s, []).append(key_value(okey))
        elif kind == "date":
            self.doc_date[s] = key_value(okey)
        elif kind == "link":
            if okey[0] == "0":
                self.vals.setdefault(s, {}).setdefault(p[len(NS):], []).append(self._intern(okey[1:]))
        elif kind == "value":
            d = self.vals.setdefault(s, {})
            if p[len(NS):] not in d:
                d[p[len(NS):]] = [key_value(okey)]
        elif kind == "document":
            if okey[0] == "0":
                self.vals.setdefault(s, {}).setdefault("document", []).append(self._intern(okey[1:]))
        elif kind == "evidence":
            if okey[0] == "1":
                ev = self.vals.setdefault(s, {}).setdefault("evidence", [])
                if len(ev) < EVIDENCE_PER_NODE:
                    ev.append(key_value(okey)[:SENTENCE_CHARS])

    def _observation(self, p: str, kind: str, okey: str) -> None:
        """One triple of an observation: the first value of each field the figures table reads."""
        i = _OBS_INDEX.get(p[len(NS):]) if p.startswith(NS) else None
        row = self._obs
        if i is None or row is None or row[i]:
            return
        if kind in ("link", "document"):
            if okey[0] == "0":
                row[i] = self._intern(okey[1:])
        elif kind == "evidence":
            if okey[0] == "1":
                row[i] = key_value(okey)[:SENTENCE_CHARS]
        elif kind == "value":
            row[i] = self._intern(key_value(okey))

    def evidence(self, doc: str, s: str, sentence: str) -> None:
        """An evidence sentence of ``s`` in document ``doc`` (from that document's own graph)."""
        got = self.paired.setdefault(s, [])
        if len(got) < EVIDENCE_PER_NODE and all(d != doc for d, _ in got):
            got.append((doc, sentence[:SENTENCE_CHARS]))

    def document(self, doc: str, title: str) -> None:
        self.doc_title.setdefault(doc, title)

    # ------------------------------------------------------------ the table
    def explore(self) -> dict[str, Any]:
        """The explorer's table (pure): every node, link, post, figure and evidence sentence,
        as short arrays indexed by node number (see the page's script for the layout)."""
        v = self.vals
        for s, c in self.cls.items():
            if c == "Document":
                self.doc_title.setdefault(s, self.label.get(s, s.rsplit("/", 1)[-1]))
        docs = sorted(self.doc_title)
        doc_ix = {d: i for i, d in enumerate(docs)}
        kind_of = {s: ("Region" if c in _REGION_CLASSES else c) for s, c in self.cls.items()}
        nodes = sorted(s for s, k in kind_of.items() if k in COLOURS)
        ix = {s: i for i, s in enumerate(nodes)}
        sentences: dict[str, int] = {}

        def sent(t: str) -> int:
            return sentences.setdefault(t, len(sentences))

        edges: set[tuple[int, int, int, str]] = set()
        posts: dict[int, list[list[Any]]] = {}
        region_of: dict[int, int] = {}
        for s in nodes:
            i = ix[s]
            d = v.get(s, {})
            k = kind_of[s]
            if k == "Official":
                for status, prop in ((0, "holdsPosition"), (1, "formerPosition")):
                    for post in d.get(prop, []):
                        pv = v.get(post, {})
                        r = ix.get(pv.get("inRegion", [""])[0], -1)
                        title = pv.get("title", [self.label.get(post, "")])[0]
                        pdocs = sorted({doc_ix[x] for x in pv.get("document", []) if x in doc_ix})
                        dates = sorted(self.doc_date[x] for x in pv.get("document", []) if x in self.doc_date)
                        first = pv.get("firstSeen", [dates[0] if dates else ""])[0]
                        last = pv.get("lastSeen", [dates[-1] if dates else ""])[0]
                        ev = self._evidence_of(post, sent, doc_ix)
                        posts.setdefault(i, []).append([_text(title, 60), r, status, first, last, len(pdocs),
                                                        ev[0] if ev else None])
                        if r >= 0:
                            edges.add((i, r, _EDGE_KINDS.index("former" if status else "post"), _text(title, 60)))
                            if status == 0 and i not in region_of:
                                region_of[i] = r
                posts.get(i, []).sort(key=lambda p: (p[3] or "9999", p[4] or "9999", p[0]))
            for prop in ("locatedIn", "implementedIn", "company", "partOf"):
                for o in d.get(prop, []):
                    j = ix.get(o)
                    if j is not None and j != i:
                        edges.add((i, j, _EDGE_KINDS.index(prop), ""))
                        if prop != "company" and i not in region_of:
                            region_of[i] = j
        figures: dict[int, list[list[Any]]] = {}
        self._end_observation()
        for o_region, odoc, oev, o_value, o_indicator, o_unit, o_period, o_measure in self.observations:
            reg = ix.get(o_region)
            if reg is None:
                continue
            try:
                val = float(o_value or "nan")
            except ValueError:
                continue
            figures.setdefault(reg, []).append([
                _text(o_indicator, 40), val, _text(o_unit, 12), _text(o_period, 20), o_measure.rsplit("#", 1)[-1],
                sent(_text(oev)), doc_ix.get(odoc, -1)])
        for rows in figures.values():
            rows.sort(key=lambda x: (x[3], x[0], x[1]))
            del rows[FIGURES_PER_REGION:]
        evidence: dict[int, list[list[int]]] = {}
        for s in nodes:
            got = self._evidence_of(s, sent, doc_ix)
            if got:
                evidence[ix[s]] = got
        doc_nodes: dict[int, set[int]] = {}
        for s in nodes:
            for dd in v.get(s, {}).get("document", []):
                if dd in doc_ix:
                    doc_nodes.setdefault(doc_ix[dd], set()).add(ix[s])
        degree = [0] * len(nodes)
        for a, b, _k, _t in edges:
            degree[a] += 1
            degree[b] += 1
        return {
            "classes": list(CLASSES),
            "kinds": list(_EDGE_KINDS),
            "kindsZh": [_EDGE_ZH[k] for k in _EDGE_KINDS],
            "nodes": [[CLASSES.index(kind_of[s]), _label(self.label.get(s, ""), 60), region_of.get(ix[s], -1),
                       degree[ix[s]], self.cls[s]] for s in nodes],
            "iris": nodes,
            "aliases": {str(ix[s]): sorted({_label(a, 60) for a in self.alt[s]} - {_label(self.label.get(s, ""), 60)})
                        for s in nodes if self.alt.get(s)},
            "edges": sorted(edges),
            "posts": {str(i): p for i, p in posts.items()},
            "figures": {str(i): f for i, f in figures.items()},
            "evidence": {str(i): e for i, e in evidence.items()},
            "sentences": [_text(t, SENTENCE_CHARS) for t in sentences],
            "docs": [[_text(self.doc_title.get(d, ""), 80), self.doc_date.get(d, "")] for d in docs],
            "docNodes": {str(k): sorted(x) for k, x in doc_nodes.items()},
        }

    def _evidence_of(self, s: str, sent: Any, doc_ix: dict[str, int]) -> list[list[int]]:
        pairs = self.paired.get(s)
        if pairs:
            return [[sent(_text(t)), doc_ix.get(d, -1)] for d, t in pairs]
        d = self.vals.get(s, {})
        docs = d.get("document", [])
        one = doc_ix.get(docs[0], -1) if len(set(docs)) == 1 else -1
        return [[sent(_text(t)), one] for t in d.get("evidence", [])]

    def data(self, max_nodes: int = MAX_NODES) -> dict[str, Any]:
        """Return {"nodes", "edges", "legend", "total", "explore"}: the nodes drawn when the page
        opens (all of them up to ``max_nodes``, else the regions and the most connected entities),
        their links, and the whole table (pure)."""
        ex = self.explore()
        n = len(ex["nodes"])
        deg = [x[3] for x in ex["nodes"]]
        if n <= max_nodes:
            shown = list(range(n))
        else:
            want = min(OVERVIEW, max_nodes)
            regions = [i for i, x in enumerate(ex["nodes"]) if x[4] in ("Province", "Country")]
            rest = sorted((i for i in range(n) if i not in set(regions)), key=lambda i: (-deg[i], i))
            shown = sorted(set(regions[:want]) | set(rest[: max(0, want - len(regions))]))
        shown_set = set(shown)
        vis_nodes = [_vis_node(i, ex) for i in shown]
        vis_edges = [_vis_edge(e, ex) for e in ex["edges"] if e[0] in shown_set and e[1] in shown_set]
        legend = [{"cls": c, "zh": LABELS_ZH[c], "color": COLOURS[c]} for c in CLASSES]
        return {"nodes": vis_nodes, "edges": vis_edges, "legend": legend, "total": n, "explore": ex}


def _tooltip(i: int, ex: dict[str, Any]) -> str:
    c, label, _r, _deg, _sub = ex["nodes"][i]
    cls = ex["classes"][c]
    ev = ex["evidence"].get(str(i))
    tip = f"{LABELS_ZH[cls]} / {cls}\n{label}"
    if ev:
        tip += "\n— " + ex["sentences"][ev[0][0]]
    return _text(tip)


def _vis_node(i: int, ex: dict[str, Any]) -> dict[str, Any]:
    c, label, _r, deg, _sub = ex["nodes"][i]
    cls = ex["classes"][c]
    return {"id": i, "label": _label(label), "title": _tooltip(i, ex), "color": COLOURS[cls], "group": cls,
            "size": _size(deg)}


def _size(deg: int) -> float:
    """A node's size grows with the log of its links (hubs stand out without covering the page)."""
    return round(8 + min(32.0, 6 * math.log2(1 + deg)), 1)


def _vis_edge(e: list[Any] | tuple[Any, ...], ex: dict[str, Any]) -> dict[str, Any]:
    a, b, k, t = e
    return {"from": a, "to": b, "title": _text(t or ex["kindsZh"][k])}


_PAIRED_FOLDERS = ("official/", "position/", "company/", "project/", "initiative/")


def view_evidence(doc_iri: str, triples: Any, base: str) -> list[tuple[str, str, str]]:
    """The (document, subject, sentence) of each evidence triple of one document's graph (plain
    terms, ``kg.terms``, as the emitter makes them), for the nodes whose panel shows evidence
    (observations have one document already)."""
    ev = str(KG.evidence)
    prefixes = tuple(base + f for f in _PAIRED_FOLDERS)
    return [(doc_iri, s, o.text[:SENTENCE_CHARS]) for s, p, o in triples
            if p == ev and s.startswith(prefixes)]


def first_evidence(evidence: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The (document, subject, sentence) of ``evidence`` that ViewCollector.evidence could keep,
    whatever it holds already: for each subject the first of each document, at most
    EVIDENCE_PER_NODE (it keeps that many, from distinct documents, in order)."""
    docs: dict[str, list[str]] = {}
    out = []
    for e in evidence:
        seen = docs.setdefault(e[1], [])
        if len(seen) < EVIDENCE_PER_NODE and e[0] not in seen:
            seen.append(e[0])
            out.append(e)
    return out


def collect_graph(g: Graph) -> ViewCollector:
    """A collector fed with an rdflib graph (each evidence paired with its document when the
    graph says which: a subject with one document)."""
    from kg.export.lines import Terms, parts, prefix_table, to_lines

    view = ViewCollector()
    for ln in to_lines(g, Terms(prefix_table(None))):
        s, p, okey, *_ = parts(ln)
        view.triple(s, p, okey)
    return view


def to_vis_data(g: Graph, max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """Return {"nodes", "edges", "legend", "total", "explore"} for the view of ``g`` (pure).

    Args:
        g: the graph.
        max_nodes: above this many nodes the page opens on an overview (regions and the most
            connected entities); ``total`` says how many there are, all of them in ``explore``.
    """
    return collect_graph(g).data(max_nodes)


def to_html(g: Graph, title: str = "kg") -> str:
    """Return the self-contained HTML page of the explorer (no request leaves the page)."""
    return view_page(to_vis_data(g), title)


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its script element or be read as markup (<, >, & and line separators escaped)."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_VIS_OPTIONS = {"interaction": {"hover": True, "tooltipDelay": 200}, "physics": {"stabilization": {"iterations": 150}}}
# pyvis versions whose Network.generate_html _pyvis_page writes byte for byte (tests/test_html.py)
_PYVIS_CHECKED = ("0.3.2",)


def _pyvis_network_page(data: dict[str, Any]) -> str:
    """The page pyvis's ``Network`` writes for the view's nodes and edges (vis-network inline)."""
    from pyvis.network import Network

    # heading, select_menu and filter_menu stay off: pyvis writes them into the page unescaped
    net = Network(height="86vh", width="100%", directed=True, cdn_resources="in_line", heading="",
                  select_menu=False, filter_menu=False)
    for nd in data["nodes"]:
        # not vis's "group": a group's palette colour wins over the node's own (and the legend's)
        net.add_node(nd["id"], label=nd["label"], title=nd["title"], color=nd["color"], size=nd["size"])
        net.node_map[nd["id"]]["kgClass"] = nd["group"]
    for e in data["edges"]:
        net.add_edge(e["from"], e["to"], title=e["title"])
    net.toggle_physics(True)
    net.set_options(json.dumps(_VIS_OPTIONS))
    return net.generate_html(notebook=False)


def _pyvis_page(data: dict[str, Any]) -> str:
    """The same page as ``_pyvis_network_page``, rendered from pyvis's own template and files
    without importing ``pyvis.network`` (which imports networkx, IPython and jsonpickle: 0.2-0.5 s)
    and without its list scans per node and edge; jinja2's compiled templates are cached
    (kg.cache). Only for the pyvis versions checked to give the same bytes; else pyvis itself."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    root = Path(spec.origin).parent if spec is not None and spec.origin else None
    version = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", (root / "_version.py").read_text(encoding="utf-8")) \
        if root is not None and (root / "_version.py").is_file() else None
    if root is None or version is None or version.group(1) not in _PYVIS_CHECKED:
        return _pyvis_network_page(data)
    from jinja2 import Environment, FileSystemLoader

    # what Network.add_node, add_edge, set_options and generate_html do with these arguments
    nodes: list[dict[str, Any]] = []
    node_map: dict[Any, dict[str, Any]] = {}
    for nd in data["nodes"]:
        n_id = nd["id"]
        if not isinstance(n_id, (str, int)):
            raise TypeError(f"node id {n_id!r} is not a str or int")
        if n_id not in node_map:
            node_map[n_id] = {"color": nd["color"], "title": nd["title"], "size": nd["size"], "id": n_id,
                              "label": nd["label"] or n_id, "shape": "dot"}
            nodes.append(node_map[n_id])
        node_map[n_id]["kgClass"] = nd["group"]
    edges = []
    for e in data["edges"]:
        if e["from"] not in node_map or e["to"] not in node_map:
            raise ValueError(f"edge {e['from']!r} -> {e['to']!r} names a node not drawn")
        edges.append({"title": e["title"], "from": e["from"], "to": e["to"], "arrows": "to"})
    options = json.loads(json.dumps(_VIS_OPTIONS).replace("\n", "").replace(" ", ""))
    physics = options["physics"].get("enabled", True) if "physics" in options else True
    env = Environment(loader=FileSystemLoader(str(root / "templates") + "/"), bytecode_cache=_template_cache())
    return env.get_template("template.html").render(
        height="86vh", width="100%", nodes=nodes, edges=edges, heading="", options=json.dumps(options),
        physics_enabled=physics, use_DOT=False, dot_lang="", widget=False, bgcolor="#ffffff", conf=False,
        tooltip_link=any(n.get("title") and "href" in n["title"] for n in nodes), neighborhood_highlight=False,
        select_menu=False, filter_menu=False, notebook=False, cdn_resources="in_line")


def _template_cache() -> Any:
    """jinja2's cache of compiled templates in kg's cache folder (None when none can be written)."""
    from jinja2 import FileSystemBytecodeCache

    from kg.cache import writable_folder

    folder = writable_folder()
    return FileSystemBytecodeCache(str(folder), "jinja2-%s.cache") if folder is not None else None


def view_page(data: dict[str, Any], title: str = "kg") -> str:
    """Return the page for view data (``to_vis_data``, ``ViewCollector.data``)."""
    page = _pyvis_page(data)
    # pyvis links Bootstrap from a CDN even with in_line resources; the view does not need it
    page = re.sub(r"<link\b[^>]*?href=\"https?://[^\"]*\"[^>]*>", "", page, flags=re.S)
    page = re.sub(r"<script\b[^>]*?src=\"https?://[^\"]*\"[^>]*>\s*</script>", "", page, flags=re.S)
    page = re.sub(r"<!--\s*<link.*?-->", "", page, flags=re.S)
    legend = "".join(
        f'<span class="kg-key"><span class="kg-dot" style="background:{x["color"]}"></span> '
        f'{_html.escape(x["zh"])} {x["cls"]}</span>' for x in data["legend"]
    )
    filters = "".join(
        f'<label><input type="checkbox" class="kg-cls" value="{x["cls"]}" checked> {_html.escape(x["zh"])}</label> '
        for x in data["legend"]
    )
    drawn, total = len(data["nodes"]), data["total"]
    note = (f"{drawn} of {total} nodes drawn (the regions and the most connected); search finds every one"
            if total > drawn else f"{drawn} nodes")
    bar = (f'<div id="kg-legend"><b>{_html.escape(title)}</b> — <span id="kg-note">{note}</span>, '
           f'<span id="kg-edges">{len(data["edges"])}</span> edges. {legend}<br>'
           '<input id="kg-search" type="search" placeholder="搜索名称 / search any name" autocomplete="off"> '
           '<span id="kg-found"></span> '
           '<input id="kg-region" list="kg-regions" placeholder="地区 / region" autocomplete="off"> '
           '<datalist id="kg-regions"></datalist>'
           '<select id="kg-doc"><option value="">全部文档 / every document</option></select> '
           '<button id="kg-reset" type="button">总览 / overview</button> '
           f'显示 / show: {filters}<div id="kg-results"></div></div>'
           '<aside id="kg-panel" hidden><button id="kg-close" type="button">×</button><div id="kg-body"></div></aside>')
    page = page.replace("<body>", "<body>\n" + bar, 1)
    script = ('<script type="application/json" id="kg-data">' + _json_for_script(data["explore"]) + "</script>\n"
              + _CONTROLS)
    page = page.replace("</body>", script + "\n</body>", 1)
    page = page.replace("<head>", '<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
                        "content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'\">\n<style>" + _STYLE
                        + "</style>", 1)
    return page


_STYLE = """
body { margin: 0; font: 14px sans-serif; }
#kg-legend { padding: 6px; }
.kg-key { display: inline-block; margin-right: 12px; }
.kg-dot { display: inline-block; width: 12px; height: 12px; border-radius: 6px; }
#kg-search { width: 16em; } #kg-region { width: 10em; } #kg-doc { max-width: 22em; }
#kg-results button { margin: 2px; font-size: 13px; }
#kg-panel { position: fixed; top: 0; right: 0; width: 380px; height: 100vh; overflow-y: auto; background: #fff;
            border-left: 1px solid #ccc; padding: 10px 12px; box-sizing: border-box; z-index: 10; }
#kg-panel h2 { font-size: 18px; margin: 4px 0; } #kg-panel h3 { font-size: 14px; margin: 12px 0 4px; }
#kg-panel table { border-collapse: collapse; font-size: 12px; } #kg-panel td, #kg-panel th { border: 1px solid #ddd; padding: 2px 4px; }
#kg-panel .kg-ev { margin: 4px 0; font-size: 13px; } #kg-panel .kg-doc { color: #666; font-size: 12px; }
#kg-panel mark { background: #ffe066; } #kg-close { float: right; }
"""

# The explorer. The table (kg-data) holds, by node number: nodes [class, label, region, degree,
# subclass], edges [from, to, kind, title], posts {official: [[title, region, former, first, last,
# documents, [sentence, doc]]]}, figures {region: [[indicator, value, unit, period, measure,
# sentence, doc]]}, evidence {node: [[sentence, doc]]}, sentences, docs [[title, date]], docNodes
# {doc: [nodes]}. Text from the input reaches the page only through textContent, canvas labels
# and vis's innerText tooltips.
_CONTROLS = r"""<script>
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var COLOURS = {Official: "#d62728", Region: "#1f77b4", Company: "#2ca02c", Project: "#ff7f0e", Initiative: "#9467bd"};
  var ZH = {Official: "官员", Region: "行政区", Company: "企业", Project: "项目", Initiative: "政策举措"};
  var MAXDRAW = 3000, N = D.nodes.length;
  var adj = [], parent = {}, children = {};
  for (var i = 0; i < N; i++) { adj.push([]); }
  D.edges.forEach(function (e) {
    adj[e[0]].push([e[1], e[2], e[3]]); adj[e[1]].push([e[0], e[2], e[3]]);
    if (D.kinds[e[2]] === "partOf" && D.classes[D.nodes[e[0]][0]] === "Region") {
      parent[e[0]] = e[1]; (children[e[1]] = children[e[1]] || []).push(e[0]);
    }
  });
  function cls(i) { return D.classes[D.nodes[i][0]]; }
  function el(tag, text, attrs) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) { x.textContent = String(text); }
    if (attrs) { Object.keys(attrs).forEach(function (k) { x.setAttribute(k, attrs[k]); }); }
    return x;
  }
  function tip(i) {
    var t = ZH[cls(i)] + " / " + cls(i) + "\n" + D.nodes[i][1], ev = D.evidence[i];
    if (ev && ev.length) { t += "\n— " + D.sentences[ev[0][0]]; }
    return t;
  }
  function visNode(i) {
    return {id: i, label: D.nodes[i][1], title: tip(i), color: COLOURS[cls(i)], size: Math.round(10 * (8 + Math.min(32, 6 * Math.log2(1 + D.nodes[i][3])))) / 10,
            kgClass: cls(i), shape: "dot"};
  }
  function edgeId(a, b, k) { return a + "-" + b + "-" + k; }
  function ready() {
    if (typeof nodes === "undefined" || typeof network === "undefined" || !network) { setTimeout(ready, 100); return; }
    var off = {}, filterSet = null;
    var note = document.getElementById("kg-note"), found = document.getElementById("kg-found");
    var results = document.getElementById("kg-results"), panel = document.getElementById("kg-panel");
    var body = document.getElementById("kg-body");
    function visible(i) { return !off[cls(i)] && (!filterSet || filterSet.has(i)); }
    function linkDrawn(list) {
      var drawn = new Set(nodes.getIds()), add = [];
      list.forEach(function (i) {
        adj[i].forEach(function (x) {
          if (drawn.has(x[0])) {
            var a = Math.min(i, x[0]), b = Math.max(i, x[0]), id = edgeId(a, b, x[1]);
            if (!edges.get(id)) { add.push({id: id, from: a, to: b, title: x[2] || D.kindsZh[x[1]]}); }
          }
        });
      });
      var seen = {}; add = add.filter(function (e) { if (seen[e.id]) { return false; } seen[e.id] = 1; return true; });
      if (add.length) { edges.add(add); }
    }
    function draw(list) {
      var have = new Set(nodes.getIds()), add = [];
      list.forEach(function (i) { if (!have.has(i) && add.length + have.size < MAXDRAW) { have.add(i); add.push(i); } });
      if (add.length) { nodes.add(add.map(function (i) { var n = visNode(i); n.hidden = !visible(i); return n; })); }
      linkDrawn(add);
      count();
      return add;
    }
    function count() {
      var drawn = nodes.length;
      note.textContent = drawn + " of " + N + " nodes drawn" + (drawn < N ? "; search finds every one" : "");
      document.getElementById("kg-edges").textContent = edges.length;
    }
    function expand(i) { draw(adj[i].map(function (x) { return x[0]; }).slice(0, 300)); }
    window.kgExpand = expand;
    network.on("doubleClick", function (p) { if (p.nodes.length) { expand(p.nodes[0]); } });
    network.on("click", function (p) { if (p.nodes.length) { show(p.nodes[0]); } });
    function focus(i) {
      draw([i]);
      nodes.update({id: i, hidden: false});
      network.selectNodes([i]);
      network.focus(i, {scale: 1.2, animation: false});
      show(i);
    }
    window.kgFocus = focus;
    // ---------------------------------------------------------------- search over every node
    var box = document.getElementById("kg-search");
    function search() {
      var q = box.value.trim();
      while (results.firstChild) { results.removeChild(results.firstChild); }
      if (!q) { found.textContent = ""; network.unselectAll(); return; }
      var hits = [];
      for (var i = 0; i < N && hits.length < 50; i++) {
        var al = D.aliases[i] || [];
        if (D.nodes[i][1].indexOf(q) >= 0 || al.some(function (a) { return a.indexOf(q) >= 0; })) { hits.push(i); }
      }
      found.textContent = hits.length + (hits.length >= 50 ? "+" : "") + " found";
      hits.slice(0, 20).forEach(function (i) {
        var b = el("button", D.nodes[i][1] + " · " + ZH[cls(i)], {type: "button", "class": "kg-hit", "data-node": i});
        b.style.borderColor = COLOURS[cls(i)];
        b.addEventListener("click", function () { focus(i); });
        results.appendChild(b);
      });
      var drawnHits = hits.filter(function (i) { return nodes.get(i); });
      if (drawnHits.length) { network.selectNodes(drawnHits); }
    }
    box.addEventListener("input", search);
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { var b = results.querySelector("button"); if (b) { b.click(); } }
    });
    // ---------------------------------------------------------------- filters
    function applyVisibility() {
      nodes.update(nodes.get().map(function (n) { return {id: n.id, hidden: !visible(n.id)}; }));
    }
    document.querySelectorAll(".kg-cls").forEach(function (c) {
      c.addEventListener("change", function () { off[c.value] = !c.checked; applyVisibility(); });
    });
    var regionBox = document.getElementById("kg-region"), regionList = document.getElementById("kg-regions");
    var regionByName = {};
    for (var r = 0; r < N; r++) {
      if (cls(r) === "Region") { regionByName[D.nodes[r][1]] = r; regionList.appendChild(el("option", null, {value: D.nodes[r][1]})); }
    }
    function subtree(r) {
      var out = new Set([r]), stack = [r];
      while (stack.length) { (children[stack.pop()] || []).forEach(function (c) { if (!out.has(c)) { out.add(c); stack.push(c); } }); }
      return out;
    }
    function filterTo(set) {
      filterSet = set;
      draw(Array.from(set).sort(function (a, b) { return D.nodes[b][3] - D.nodes[a][3]; }).slice(0, 600));
      applyVisibility();
      network.fit();
    }
    regionBox.addEventListener("change", function () {
      var r = regionByName[regionBox.value.trim()];
      if (r === undefined) { if (!regionBox.value.trim()) { filterSet = null; applyVisibility(); } return; }
      var regs = subtree(r), set = new Set(regs);
      for (var i = 0; i < N; i++) { if (regs.has(D.nodes[i][2])) { set.add(i); } }
      filterTo(set);
    });
    var docSel = document.getElementById("kg-doc");
    D.docs.forEach(function (d, k) {
      if (D.docNodes[k]) { docSel.appendChild(el("option", (d[1] ? d[1] + " " : "") + d[0], {value: String(k)})); }
    });
    docSel.addEventListener("change", function () {
      if (docSel.value === "") { filterSet = null; applyVisibility(); return; }
      filterTo(new Set(D.docNodes[docSel.value] || []));
    });
    document.getElementById("kg-reset").addEventListener("click", function () {
      filterSet = null; regionBox.value = ""; docSel.value = ""; applyVisibility(); network.fit();
    });
    // ---------------------------------------------------------------- the side panel
    function highlighted(sentence, names) {
      var p = el("div", null, {"class": "kg-ev"}), s = String(sentence), pos = 0;
      names = names.filter(function (n) { return n && n.length >= 2; }).sort(function (a, b) { return b.length - a.length; });
      while (pos < s.length) {
        var best = -1, len = 0;
        names.forEach(function (n) { var k = s.indexOf(n, pos); if (k >= 0 && (best < 0 || k < best)) { best = k; len = n.length; } });
        if (best < 0) { p.appendChild(document.createTextNode(s.slice(pos))); break; }
        p.appendChild(document.createTextNode(s.slice(pos, best)));
        p.appendChild(el("mark", s.slice(best, best + len)));
        pos = best + len;
      }
      return p;
    }
    function docName(k) { if (k < 0 || !D.docs[k]) { return ""; } var d = D.docs[k]; return "《" + d[0] + "》" + (d[1] ? " " + d[1] : ""); }
    function bars(rows) {
      var pts = rows.filter(function (f) { return f[2] === "%"; }).slice(0, 12);
      if (!pts.length) { return null; }
      var ns = "http://www.w3.org/2000/svg", w = 340, h = 18 * pts.length + 4;
      var max = Math.max.apply(null, pts.map(function (f) { return Math.abs(f[1]); })) || 1;
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("width", w); svg.setAttribute("height", h); svg.setAttribute("class", "kg-bars");
      pts.forEach(function (f, k) {
        var y = 2 + 18 * k, len = Math.max(1, 110 * Math.abs(f[1]) / max);
        var label = document.createElementNS(ns, "text");
        label.setAttribute("x", 0); label.setAttribute("y", y + 12); label.setAttribute("font-size", "11");
        label.textContent = (f[3] ? f[3] + " " : "") + f[0];
        var rect = document.createElementNS(ns, "rect");
        rect.setAttribute("x", 170); rect.setAttribute("y", y + 2); rect.setAttribute("height", 12);
        rect.setAttribute("width", len); rect.setAttribute("fill", f[1] < 0 ? "#d62728" : "#1f77b4");
        var val = document.createElementNS(ns, "text");
        val.setAttribute("x", 174 + len); val.setAttribute("y", y + 12); val.setAttribute("font-size", "11");
        val.textContent = f[1] + f[2];
        svg.appendChild(label); svg.appendChild(rect); svg.appendChild(val);
      });
      return svg;
    }
    function show(i) {
      while (body.firstChild) { body.removeChild(body.firstChild); }
      var c = cls(i), names = [D.nodes[i][1]].concat(D.aliases[i] || []);
      body.appendChild(el("div", ZH[c] + " / " + (D.nodes[i][4] || c), {"class": "kg-cls-name"}));
      body.appendChild(el("h2", D.nodes[i][1]));
      if ((D.aliases[i] || []).length) { body.appendChild(el("div", "又名 / aliases: " + D.aliases[i].join("、"))); }
      if (D.nodes[i][2] >= 0) { body.appendChild(el("div", "地区 / region: " + D.nodes[D.nodes[i][2]][1])); }
      var btn = el("button", "展开邻居 / expand (" + adj[i].length + ")", {type: "button", id: "kg-expand"});
      btn.addEventListener("click", function () { expand(i); });
      body.appendChild(btn);
      var posts = D.posts[i];
      if (posts && posts.length) {
        body.appendChild(el("h3", "职务 / posts (in time order)"));
        var t = el("table"), head = el("tr");
        ["post", "region", "first seen", "last seen", "docs"].forEach(function (x) { head.appendChild(el("th", x)); });
        t.appendChild(head);
        posts.forEach(function (p) {
          var tr = el("tr");
          [p[0] + (p[2] ? " (原 / former)" : ""), p[1] >= 0 ? D.nodes[p[1]][1] : "", p[3], p[4], p[5]].forEach(function (x) { tr.appendChild(el("td", x)); });
          t.appendChild(tr);
        });
        body.appendChild(t);
      }
      var figs = D.figures[i];
      if (figs && figs.length) {
        body.appendChild(el("h3", "指标 / figures"));
        var svg = bars(figs); if (svg) { body.appendChild(svg); }
        var ft = el("table"), fh = el("tr");
        ["indicator", "value", "period", "measure"].forEach(function (x) { fh.appendChild(el("th", x)); });
        ft.appendChild(fh);
        figs.forEach(function (f) {
          var tr = el("tr");
          [f[0], f[1] + f[2], f[3], f[4]].forEach(function (x) { tr.appendChild(el("td", x)); });
          tr.title = D.sentences[f[5]] + (f[6] >= 0 ? "\n" + docName(f[6]) : "");
          ft.appendChild(tr);
        });
        body.appendChild(ft);
      }
      var ev = D.evidence[i] || [];
      if (ev.length) {
        body.appendChild(el("h3", "证据 / evidence"));
        ev.forEach(function (x) {
          body.appendChild(highlighted(D.sentences[x[0]], names));
          if (x[1] >= 0) { body.appendChild(el("div", docName(x[1]), {"class": "kg-doc"})); }
        });
      }
      var near = adj[i].slice(0, 40);
      if (near.length) {
        body.appendChild(el("h3", "关系 / links"));
        near.forEach(function (x) {
          var b = el("button", D.kindsZh[x[1]] + (x[2] ? " " + x[2] : "") + " · " + D.nodes[x[0]][1], {type: "button", "class": "kg-link"});
          b.addEventListener("click", function () { focus(x[0]); });
          body.appendChild(b);
        });
      }
      panel.hidden = false;
    }
    window.kgShow = show;
    document.getElementById("kg-close").addEventListener("click", function () { panel.hidden = true; });
    count();
  }
  ready();
})();
</script>"""


def write(g: Graph, path: str | Path, title: str = "kg") -> None:
    """Write the view of ``g`` to ``path`` atomically (UTF-8)."""
    write_text(path, to_html(g, title))
