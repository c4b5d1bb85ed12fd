"""The interactive network view: one self-contained HTML file (pyvis, vis-network inline).

``to_vis_data`` is pure and returns the nodes, edges and legend handed to pyvis; every
string from the input passes ``_text`` there, and the page only ever shows it as text
(canvas labels, ``innerText`` tooltips, JSON escaped for a script element), so nothing
in an article can run as script. pyvis's paths that would parse it as HTML (a heading,
the select and filter menus, ``innerHTML`` tooltips when a title holds "href") are off.
``to_html`` renders the page; ``write`` stores it atomically.
"""

from __future__ import annotations

import html as _html
import re
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph

from kg.export.atomic import write_text
from kg.export.lines import key_value
from kg.ontology import KG

COLOURS = {
    "Official": "#d62728",
    "Position": "#ff9896",
    "Region": "#1f77b4",
    "Company": "#2ca02c",
    "Project": "#ff7f0e",
    "Initiative": "#9467bd",
    "Observation": "#8c564b",
    "Section": "#7f7f7f",
}
LABELS_ZH = {"Official": "官员", "Position": "职务", "Region": "行政区", "Company": "企业", "Project": "项目",
             "Initiative": "政策举措", "Observation": "指标", "Section": "段落"}
_REGION_CLASSES = {KG.Region, KG.Country, KG.Province, KG.City, KG.District, KG.Zone}
# Edges drawn in the view (provenance edges to sections/documents would bury the network).
_EDGES = {KG.holdsPosition: "担任", KG.inRegion: "地区", KG.locatedIn: "位于", KG.implementedIn: "实施",
          KG.region: "地区", KG.speaker: "发言", KG.company: "企业", KG.partOf: "隶属"}
MAX_TITLE = 300


_HREF = re.compile(r"(?i)(h)(ref)")


def _text(s: str, limit: int = MAX_TITLE) -> str:
    """Input text for the view, shown as text whatever it holds.

    Labels are drawn on the canvas and tooltips set with ``innerText`` (vis-network 9), so
    markup in a name (``<img onerror=…>``, ``</script>``, ``javascript:``) is shown, never
    parsed; in the page the data is JSON with ``<``, ``>``, ``&`` and ``'`` escaped (Jinja's
    ``tojson``), so it cannot close its script element. Two more guards: pyvis switches
    every tooltip to ``innerHTML`` when any title contains "href", so that word gets an
    invisible word joiner; and control characters (a clean-up leftover in a hand-made
    graph) are dropped.

    >>> _text('<a href="javascript:alert(1)">x</a>') == '<a h\u2060ref="javascript:alert(1)">x</a>'
    True
    """
    s = "".join(ch for ch in s if ch.isprintable() or ch in "\n ")
    s = s if len(s) <= limit else s[: limit - 1] + "…"
    return _HREF.sub("\\1\u2060\\2", s)


def _label(s: str, limit: int = 40) -> str:
    """A node's label: one line (white space collapsed), never empty (pyvis shows the id instead)."""
    return _text(" ".join(s.split()), limit) or "—"


MAX_NODES = 3000  # a browser draws a few thousand nodes smoothly; a corpus graph keeps its hubs
_CLASS_OF = {str(KG[c]): c for c in COLOURS}
_CLASS_OF.update({str(c): "Region" for c in _REGION_CLASSES})
_EDGE_NAMES = {str(p): name for p, name in _EDGES.items()}
_RDF_TYPE, _LABEL = str(RDF.type), str(RDFS.label)
_WANT = {str(KG.indicator), str(KG.value), str(KG.unit), str(KG.title), str(KG.evidence)}
_SKIP = {str(KG.mentionedIn), str(KG.document), str(KG.startOffset), str(KG.endOffset), str(KG.period),
         str(KG.measure), str(KG.source), str(KG.sha256), str(KG.heading), str(KG.adminCode), str(KG.adminLevel),
         "http://www.w3.org/2004/02/skos/core#altLabel"}


class ViewCollector:
    """Reads the merged stream of sorted lines (kg.export.lines) and keeps what the view draws:
    each node's class, first label and first evidence, and the edges between nodes."""

    def __init__(self) -> None:
        self.cls: dict[str, str] = {}
        self.label: dict[str, str] = {}
        self.extra: dict[str, dict[str, str]] = {}
        self.edges: list[tuple[str, str, str]] = []

    def line(self, ln: str) -> None:
        from kg.export.lines import parts

        s, p, okey, _st, _pt, _ot = parts(ln)
        self.triple(s, p, okey)

    def triple(self, s: str, p: str, okey: str) -> None:
        """Take one triple of the stream: subject IRI, predicate IRI, object key (kg.export.lines)."""
        if p in _SKIP:
            return
        if p == _RDF_TYPE:
            c = _CLASS_OF.get(okey[1:])
            if c is not None and s not in self.cls:
                self.cls[s] = c
        elif p == _LABEL:
            if okey[0] == "1" and s not in self.label:
                self.label[s] = key_value(okey)
        elif p in _EDGE_NAMES:
            if okey[0] == "0":
                self.edges.append((s, okey[1:], _EDGE_NAMES[p]))
        elif p in _WANT:
            d = self.extra.setdefault(s, {})
            if p not in d:
                d[p] = key_value(okey)

    def data(self, max_nodes: int = MAX_NODES) -> dict[str, Any]:
        """Return {"nodes", "edges", "legend", "total"} for the view (pure)."""
        import networkx as nx

        nodes: dict[str, dict[str, Any]] = {}
        for n in sorted(self.cls):
            c = self.cls[n]
            if c == "Section":
                continue
            x = self.extra.get(n, {})
            label = self.label.get(n, "")
            if c == "Observation":
                label = " ".join(x.get(str(k), "") for k in (KG.indicator, KG.value, KG.unit))
            elif c == "Position":
                label = x.get(str(KG.title), label)
            ev = x.get(str(KG.evidence), "")
            tip = f"{LABELS_ZH[c]} / {c}\n{label}" + (f"\n— {ev}" if ev else "")
            nodes[n] = {"cls": c, "label": label, "title": tip}
        edges = sorted({(a, b, t) for a, b, t in self.edges if a in nodes and b in nodes})
        G = nx.Graph()
        G.add_nodes_from(nodes)
        G.add_edges_from((a, b) for a, b, _ in edges)
        # regions that nothing else touches (a parent chain only) are left out of the view
        keep = {n for n in nodes if nodes[n]["cls"] != "Region" or any(
            nodes[m]["cls"] != "Region" for m in G.neighbors(n))}
        total = len(keep)
        if total > max_nodes:
            keep = set(sorted(keep, key=lambda n: (-G.degree(n), n))[:max_nodes])
        ids = {n: i for i, n in enumerate(sorted(keep))}
        out_nodes = []
        for key in sorted(keep):
            d = nodes[key]
            deg = sum(1 for m in G.neighbors(key) if m in keep)
            out_nodes.append({"id": ids[key], "label": _label(d["label"]), "title": _text(d["title"]),
                              "color": COLOURS[d["cls"]], "group": d["cls"], "size": 8 + min(40, 3 * deg)})
        out_edges = [{"from": ids[a], "to": ids[b], "title": _text(t)} for a, b, t in edges if a in ids and b in ids]
        legend = [{"cls": c, "zh": LABELS_ZH[c], "color": COLOURS[c]} for c in COLOURS if c != "Section"]
        return {"nodes": out_nodes, "edges": out_edges, "legend": legend, "total": total}


def to_vis_data(g: Graph, max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """Return {"nodes", "edges", "legend", "total"} for the view of ``g`` (pure).

    Args:
        g: the graph.
        max_nodes: above this many nodes the view keeps the most connected ones; ``total``
            says how many there were.
    """
    from kg.export.lines import Terms, prefix_table, to_lines

    view = ViewCollector()
    for ln in to_lines(g, Terms(prefix_table(None))):
        view.line(ln)
    return view.data(max_nodes)


def to_html(g: Graph, title: str = "kg") -> str:
    """Return the self-contained HTML page of the network (no request leaves the page)."""
    return view_page(to_vis_data(g), title)


def view_page(data: dict[str, Any], title: str = "kg") -> str:
    """Return the page for view data (``to_vis_data``, ``ViewCollector.data``)."""
    from pyvis.network import Network

    # heading, select_menu and filter_menu stay off: pyvis writes them into the page unescaped
    net = Network(height="92vh", width="100%", directed=True, cdn_resources="in_line", heading="",
                  select_menu=False, filter_menu=False)
    for nd in data["nodes"]:
        # not vis's "group": a group's palette colour wins over the node's own (and the legend's)
        net.add_node(nd["id"], label=nd["label"], title=nd["title"], color=nd["color"], size=nd["size"])
        net.node_map[nd["id"]]["kgClass"] = nd["group"]
    for e in data["edges"]:
        net.add_edge(e["from"], e["to"], title=e["title"])
    net.toggle_physics(True)
    page = net.generate_html(notebook=False)
    # pyvis links Bootstrap from a CDN even with in_line resources; the view does not need it
    page = re.sub(r"<link\b[^>]*?href=\"https?://[^\"]*\"[^>]*>", "", page, flags=re.S)
    page = re.sub(r"<script\b[^>]*?src=\"https?://[^\"]*\"[^>]*>\s*</script>", "", page, flags=re.S)
    page = re.sub(r"<!--\s*<link.*?-->", "", page, flags=re.S)
    legend = "".join(
        f'<span style="display:inline-block;margin-right:12px"><span style="display:inline-block;width:12px;'
        f'height:12px;border-radius:6px;background:{x["color"]}"></span> {_html.escape(x["zh"])} {x["cls"]}</span>'
        for x in data["legend"]
    )
    filters = "".join(
        f'<label style="margin-right:8px"><input type="checkbox" class="kg-cls" value="{x["cls"]}" checked> '
        f'{_html.escape(x["zh"])}</label>' for x in data["legend"]
    )
    bar = (f'<div id="kg-legend" style="font:14px sans-serif;padding:6px">'
           f'<b>{_html.escape(title)}</b> — {len(data["nodes"])} nodes'
           + (f' (the {len(data["nodes"])} most connected of {data["total"]})' if data["total"] > len(data["nodes"]) else "")
           + f', {len(data["edges"])} edges. {legend}<br>'
           f'<input id="kg-search" type="search" placeholder="搜索名称 / search a name" style="width:16em"> '
           f'<span id="kg-found"></span> 显示 / show: {filters}</div>')
    page = page.replace("<body>", "<body>\n" + bar, 1)
    page = page.replace("</body>", _CONTROLS + "\n</body>", 1)
    page = page.replace("<head>", '<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
                        "content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'\">", 1)
    return page


# Search and class filter over the data pyvis already put in the page (nodes, network); no
# input text is ever written into the DOM as HTML: counts only, through textContent.
_CONTROLS = """<script>
(function () {
  function init() {
    if (typeof nodes === "undefined" || typeof network === "undefined" || !network) { setTimeout(init, 100); return; }
    var box = document.getElementById("kg-search"), found = document.getElementById("kg-found");
    function search() {
      var q = box.value.trim();
      if (!q) { network.unselectAll(); found.textContent = ""; return; }
      var ids = nodes.get({filter: function (n) { return !n.hidden && String(n.label).indexOf(q) >= 0; }})
                     .map(function (n) { return n.id; });
      network.selectNodes(ids);
      found.textContent = ids.length + " found";
      if (ids.length) { network.focus(ids[0], {scale: 1.2, animation: false}); }
    }
    box.addEventListener("input", search);
    var boxes = document.querySelectorAll(".kg-cls");
    function filter() {
      var off = {};
      boxes.forEach(function (c) { if (!c.checked) { off[c.value] = true; } });
      nodes.update(nodes.get().map(function (n) { return {id: n.id, hidden: !!off[n.kgClass]}; }));
    }
    boxes.forEach(function (c) { c.addEventListener("change", filter); });
  }
  init();
})();
</script>"""


def write(g: Graph, path: str | Path, title: str = "kg") -> None:
    """Write the view of ``g`` to ``path`` atomically (UTF-8)."""
    write_text(path, to_html(g, title))
