"""A local, read-only SPARQL 1.1 Protocol endpoint: a small ASGI app (Starlette) over pyoxigraph, run by uvicorn.

Routes:

- ``/sparql`` — the SPARQL 1.1 Protocol: ``GET ?query=``, ``POST`` as a form
  (``query=``) or as ``application/sparql-query``; ``default-graph-uri`` and
  ``named-graph-uri`` honoured. SELECT/ASK results as JSON (default), XML, CSV or TSV;
  CONSTRUCT/DESCRIBE as Turtle (default), JSON-LD, N-Triples or RDF/XML, chosen by
  ``Accept`` (or ``format=``). A ``GET`` without a query returns the service description.
- ``/`` — a query page (no network, no CDN) offering the cookbook as examples.
- ``/queries`` — the cookbook as JSON; ``/view`` — the interactive HTML graph view.

Safety: bound to 127.0.0.1 unless ``allow_remote``; UPDATE, LOAD and SERVICE refused
(403, with the reason); only loopback ``Host`` headers accepted on a loopback bind (DNS
rebinding); no CORS headers unless origins are given, and never with credentials; pages
carry a Content-Security-Policy that forbids any request to another origin.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from kg.errors import KgError
from kg.query import QueryError, QueryRefused, check_query, cookbook, results_format, serialize

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
MAX_BODY = 1 << 20  # bytes of a POSTed query
VIEW_LIMIT = 300_000  # triples; a larger graph is not drawn in /view

# name -> (media type sent, pyoxigraph format name)
SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "ttl", "application/x-turtle": "ttl",
    "application/ld+json": "jsonld", "application/json": "jsonld",
    "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "xml", "application/xml": "xml",
}
SENT_TYPES = {
    ("SELECT", "json"): "application/sparql-results+json", ("SELECT", "xml"): "application/sparql-results+xml",
    ("SELECT", "csv"): "text/csv; charset=utf-8", ("SELECT", "tsv"): "text/tab-separated-values; charset=utf-8",
    ("GRAPH", "ttl"): "text/turtle; charset=utf-8", ("GRAPH", "jsonld"): "application/ld+json",
    ("GRAPH", "nt"): "application/n-triples", ("GRAPH", "xml"): "application/rdf+xml",
}
PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
VIEW_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class ServeError(KgError):
    """The endpoint cannot start: a non-loopback address without --allow-remote, a busy port."""


# ---------------------------------------------------------------- content negotiation


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q-values, then order)."""
    items = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, bits[0].lower()))
    return [t for _q, _i, t in sorted(items)]


def negotiate(form: str, accept: str, fmt: str | None = None) -> str:
    """Return the output format name (json, xml, csv, tsv; ttl, jsonld, nt, xml) for a query form.

    ``fmt`` (the ``format=`` parameter) wins over ``Accept``; a missing or wildcard
    Accept gives JSON for SELECT/ASK and Turtle for CONSTRUCT/DESCRIBE.

    Raises:
        QueryError: when nothing acceptable can be produced (answered 406).

    >>> negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml")
    'xml'
    >>> negotiate("CONSTRUCT", "*/*")
    'ttl'
    """
    graph = form in ("CONSTRUCT", "DESCRIBE")
    table = GRAPH_TYPES if graph else SOLUTION_TYPES
    default = "ttl" if graph else "json"
    if fmt:
        names = set(table.values())
        if fmt not in names:
            raise QueryError(f"format={fmt} does not fit a {form} query; choose one of: {', '.join(sorted(names))}")
        return fmt
    types = _accepted(accept or "*/*")
    for t in types:
        if t in table:
            return table[t]
        if t in ("*/*", "application/*") or (t == "text/*" and graph):
            return default
        if t == "text/*":
            return "csv"
    raise QueryError(f"cannot answer a {form} query as {accept!r}; accepted: {', '.join(sorted(set(table)))}")


# ---------------------------------------------------------------- the app


def create_app(kstore: Any, *, cors_origins: Iterable[str] = (), allowed_hosts: Iterable[str] | None = None,
               view_limit: int = VIEW_LIMIT) -> Any:
    """Return the ASGI app serving ``kstore`` (a ``kg.store.KgStore``) read-only.

    Args:
        cors_origins: origins allowed to read answers from a browser (``*`` for any);
            none by default. Credentials are never allowed.
        allowed_hosts: ``Host`` header names accepted (None: any).
        view_limit: the largest graph (triples) drawn in ``/view``.
    """
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
    from starlette.routing import Route

    view_cache: dict[str, str] = {}

    def text(status: int, message: str) -> Response:
        return PlainTextResponse(message + "\n", status_code=status)

    async def read_body(request: Request) -> bytes | None:
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > MAX_BODY:
            return None
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_BODY:
                return None
        return bytes(body)

    async def sparql(request: Request) -> Response:
        params: list[tuple[str, str]] = list(request.query_params.multi_items())
        query: str | None = None
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await read_body(request)
            if body is None:
                return text(413, f"query too large (more than {MAX_BODY} bytes)")
            if ctype == "application/sparql-update":
                return text(403, "SPARQL UPDATE is refused: this endpoint is read-only")
            if ctype == "application/x-www-form-urlencoded":
                try:
                    params += parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
                except UnicodeDecodeError:
                    return text(400, "the form is not UTF-8")
            elif ctype == "application/sparql-query":
                try:
                    query = body.decode("utf-8")
                except UnicodeDecodeError:
                    return text(400, "the query is not UTF-8")
            else:
                return text(415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query")
        names = [k for k, _ in params]
        if "update" in names:
            return text(403, "SPARQL UPDATE is refused: this endpoint is read-only")
        queries = [v for k, v in params if k == "query"]
        if query is not None and queries:
            return text(400, "give the query once: in the body or as query=, not both")
        if query is None:
            if len(queries) > 1:
                return text(400, "more than one query= parameter")
            if not queries:
                if "text/html" in request.headers.get("accept", "") and request.method == "GET":
                    return RedirectResponse("/", status_code=303)
                return Response(_service_description(str(request.url_for("sparql"))),
                                media_type="text/turtle; charset=utf-8")
            query = queries[0]
        fmt = next((v for k, v in params if k == "format"), None)
        import pyoxigraph as ox

        try:
            default_graph = [ox.NamedNode(v) for k, v in params if k == "default-graph-uri"]
            named_graphs = [ox.NamedNode(v) for k, v in params if k == "named-graph-uri"]
        except ValueError as e:
            return text(400, f"invalid graph IRI: {e}")
        try:
            form = check_query(query)
        except QueryRefused as e:
            return text(403, str(e))
        except QueryError as e:
            return text(400, str(e))
        try:
            out = negotiate(form, request.headers.get("accept", ""), fmt)
        except QueryError as e:
            return text(406 if fmt is None else 400, str(e))

        def work() -> bytes:
            t0 = time.perf_counter()
            f, results = kstore.query(query, default_graph=default_graph or None, named_graphs=named_graphs or None)
            data = serialize(f, results, results_format(f, out), kstore.base)
            log.info("query %s in %.3f s", f, time.perf_counter() - t0)
            return data

        try:
            data = await run_in_threadpool(work)
        except QueryRefused as e:
            return text(403, str(e))
        except QueryError as e:
            return text(400, str(e))
        kind = "GRAPH" if form in ("CONSTRUCT", "DESCRIBE") else "SELECT"
        return Response(data, media_type=SENT_TYPES[(kind, out)])

    async def page(request: Request) -> Response:
        return HTMLResponse(query_page(), headers={"Content-Security-Policy": PAGE_CSP})

    async def queries(request: Request) -> Response:
        return JSONResponse(_cookbook_json())

    async def view(request: Request) -> Response:
        if "html" not in view_cache:
            view_cache["html"] = await run_in_threadpool(_view_html, kstore, view_limit)
        return HTMLResponse(view_cache["html"], headers={"Content-Security-Policy": VIEW_CSP})

    async def favicon(request: Request) -> Response:
        return Response(status_code=204)

    middleware = [Middleware(_Guard, allowed_hosts=None if allowed_hosts is None else set(allowed_hosts))]
    origins = list(cors_origins)
    if origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type"], allow_credentials=False))
    routes = [
        Route("/", page, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
        Route("/queries", queries, methods=["GET"]),
        Route("/view", view, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
    ]
    return Starlette(routes=routes, middleware=middleware)


class _Guard:
    """ASGI middleware: refuse unexpected Host headers; add safety headers to every answer."""

    def __init__(self, app: Any, allowed_hosts: set[str] | None):
        self.app = app
        self.allowed = allowed_hosts

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None:
            host = ""
            for k, v in scope.get("headers", []):
                if k == b"host":
                    host = v.decode("latin-1")
            if _host_name(host) not in self.allowed:
                from starlette.responses import PlainTextResponse

                resp = PlainTextResponse("unexpected Host header; open this endpoint at its loopback address\n",
                                         status_code=400)
                await resp(scope, receive, send)
                return

        async def send_safe(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"cross-origin-resource-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_safe)


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _service_description(endpoint: str) -> str:
    from kg.export.turtle import safe_iri

    endpoint = safe_iri(endpoint)
    fmts = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "JSON-LD", "N-Triples", "RDF_XML"))
    return ("@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
            f"<{endpoint}> a sd:Service ;\n"
            f"    sd:endpoint <{endpoint}> ;\n"
            "    sd:supportedLanguage sd:SPARQL11Query ;\n"
            f"    sd:resultFormat {fmts} ;\n"
            '    rdfs:comment "kg: a read-only endpoint; UPDATE, LOAD and SERVICE are refused" .\n')


def _cookbook_json() -> list[dict[str, Any]]:
    return [{"name": r.name, "title": r.title, "description": r.description,
             "params": [{"name": p.name, "kind": p.kind, "help": p.help} for p in r.params], "query": r.text}
            for r in cookbook().values()]


def _view_html(kstore: Any, limit: int) -> str:
    import html as _html

    n = len(kstore)
    if n > limit:
        return ("<!doctype html><meta charset=utf-8><title>kg view</title>"
                f"<p>The graph has {n} triples, more than the view draws ({limit}). "
                "Query it from <a href='/'>the query page</a>, or draw a part with "
                "<code>kg build FILES -o OUT</code>.</p>")
    from kg.export import html

    try:
        return html.to_html(kstore.to_rdflib(), title="kg")
    except Exception as e:  # noqa: BLE001 - the view is optional; the endpoint goes on
        log.warning("the graph view failed: %s", e, exc_info=True)
        return f"<!doctype html><meta charset=utf-8><p>The view could not be drawn: {_html.escape(str(e))}</p>"


def query_page() -> str:
    """Return the query page: plain HTML and script, nothing loaded from the network."""
    book = json.dumps(_cookbook_json(), ensure_ascii=False)
    book = book.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _PAGE.replace("__COOKBOOK__", book)


# ---------------------------------------------------------------- running


def is_loopback(host: str) -> bool:
    """Return whether every address ``host`` names is a loopback address.

    >>> is_loopback("127.0.0.1"), is_loopback("0.0.0.0"), is_loopback("::1")
    (True, False, True)
    """
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(str(i[4][0]).split("%")[0]).is_loopback for i in infos)


def bind(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, allow_remote: bool = False) -> socket.socket:
    """Return a listening socket on ``host:port`` (port 0: any free port).

    Raises:
        ServeError: for a non-loopback address without ``allow_remote``, or a busy port.
    """
    if not allow_remote and not is_loopback(host):
        raise ServeError(f"--host {host} would open the endpoint to other machines; "
                         "add --allow-remote if you mean it (default: 127.0.0.1)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        raise ServeError(f"--host {host}: cannot resolve ({e})") from None
    family, stype, proto, _c, addr = infos[0]
    sock = socket.socket(family, stype, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(addr)
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port} ({e.strerror}); choose another --port") from None
    return sock


def url_of(sock: socket.socket) -> str:
    """Return ``http://host:port/`` for a bound socket."""
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def serve(kstore: Any, sock: socket.socket, *, cors_origins: Iterable[str] = (), allow_remote: bool = False,
          log_level: str = "warning") -> None:
    """Serve ``kstore`` on a socket from ``bind`` until interrupted (Ctrl-C)."""
    import uvicorn

    host = sock.getsockname()[0]
    hosts = None if allow_remote else {"127.0.0.1", "localhost", "::1", host.lower()}
    app = create_app(kstore, cors_origins=cors_origins, allowed_hosts=hosts)
    config = uvicorn.Config(app, log_level=log_level, server_header=False, proxy_headers=False,
                            access_log=log_level in ("info", "debug"), lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])


_PAGE = r"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kg SPARQL</title>
<style>
 body { font: 14px/1.45 system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; }
 header { background: #1f3b57; color: #fff; padding: .5em 1em; display: flex; gap: 1.5em; align-items: baseline; }
 header a { color: #cde; }
 main { padding: 1em; }
 textarea { width: 100%; height: 16em; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }
 .bar { display: flex; gap: .8em; align-items: center; margin: .5em 0; flex-wrap: wrap; }
 #about { color: #555; margin: .3em 0; }
 #status { color: #555; }
 #status.err { color: #b00; white-space: pre-wrap; }
 table { border-collapse: collapse; margin-top: .5em; }
 th, td { border: 1px solid #ccc; padding: .2em .5em; text-align: left; vertical-align: top; max-width: 40em; }
 th { background: #eef; position: sticky; top: 0; }
 pre { background: #f6f6f6; padding: .5em; overflow: auto; }
 a.iri { color: #1f5fa0; cursor: pointer; text-decoration: none; }
</style>
</head>
<body>
<header><strong>kg SPARQL</strong>
 <span>endpoint <a href="/sparql">/sparql</a></span>
 <a href="/view">graph view</a>
 <a href="/queries">cookbook (JSON)</a></header>
<main>
<div class="bar">
 <label>cookbook <select id="book"><option value="">— choose an example —</option></select></label>
</div>
<div id="about"></div>
<textarea id="q" spellcheck="false"></textarea>
<div class="bar">
 <button id="run">Run (Ctrl+Enter)</button>
 <label>show as <select id="fmt">
  <option value="table">table</option><option value="json">JSON</option><option value="csv">CSV</option>
  <option value="tsv">TSV</option><option value="xml">XML</option></select></label>
 <span id="status"></span>
</div>
<div id="out"></div>
</main>
<script type="application/json" id="cookbook">__COOKBOOK__</script>
<script>
"use strict";
const book = JSON.parse(document.getElementById("cookbook").textContent);
const $ = (id) => document.getElementById(id);
const sel = $("book"), q = $("q"), out = $("out"), status = $("status"), about = $("about");
const PREFIXES = [
  ["kg:", "https://w3id.org/kg-cn/ontology#"], ["rdfs:", "http://www.w3.org/2000/01/rdf-schema#"],
  ["rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"], ["skos:", "http://www.w3.org/2004/02/skos/core#"],
  ["xsd:", "http://www.w3.org/2001/XMLSchema#"]];
for (const r of book) {
  const o = document.createElement("option");
  o.value = r.name; o.textContent = r.name + " — " + r.title; sel.appendChild(o);
}
function pick(name) {
  const r = book.find((x) => x.name === name);
  if (!r) return;
  q.value = r.query;
  let text = r.description;
  if (r.params.length) text += "  Parameters (bind them with kg query -p, or replace the variable): " +
      r.params.map((p) => "?" + p.name + " — " + p.help).join("; ");
  about.textContent = text;
}
sel.addEventListener("change", () => pick(sel.value));
function short(iri) {
  for (const [p, ns] of PREFIXES) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
  const m = iri.match(/\/id\/([a-z]+)\/([^\/]+)$/);
  return m ? m[1] + ":" + m[2] : iri;
}
function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    a.className = "iri"; a.title = term.value + " — click to describe"; a.textContent = short(term.value);
    a.addEventListener("click", () => {
      q.value = "SELECT ?p ?o WHERE {\n  <" + term.value + "> ?p ?o\n}\nORDER BY ?p ?o";
      run();
    });
    td.appendChild(a);
  } else {
    td.textContent = term.value;
  }
  return td;
}
function table(data) {
  out.replaceChildren();
  if (data.boolean !== undefined) { out.textContent = String(data.boolean); return "1 answer"; }
  const vars = data.head.vars, rows = data.results.bindings;
  const t = document.createElement("table"), tr = document.createElement("tr");
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; tr.appendChild(th); }
  t.appendChild(tr);
  for (const b of rows) {
    const r = document.createElement("tr");
    for (const v of vars) r.appendChild(cell(b[v]));
    t.appendChild(r);
  }
  out.appendChild(t);
  return rows.length + (rows.length === 1 ? " row" : " rows");
}
async function run() {
  const fmt = $("fmt").value;
  const accept = {table: "application/sparql-results+json, text/turtle;q=0.9", json: "application/sparql-results+json, application/ld+json;q=0.9",
    csv: "text/csv", tsv: "text/tab-separated-values", xml: "application/sparql-results+xml, application/rdf+xml;q=0.9"}[fmt];
  status.className = ""; status.textContent = "running…";
  const t0 = performance.now();
  let resp;
  try {
    resp = await fetch("/sparql", {method: "POST", headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
                                   body: new URLSearchParams({query: q.value})});
  } catch (e) { status.className = "err"; status.textContent = String(e); return; }
  const body = await resp.text();
  const ms = Math.round(performance.now() - t0);
  if (!resp.ok) { status.className = "err"; status.textContent = resp.status + ": " + body; out.replaceChildren(); return; }
  const type = resp.headers.get("Content-Type") || "";
  if (fmt === "table" && type.startsWith("application/sparql-results+json")) {
    status.textContent = table(JSON.parse(body)) + " in " + ms + " ms";
  } else {
    out.replaceChildren();
    const pre = document.createElement("pre"); pre.textContent = body; out.appendChild(pre);
    status.textContent = "in " + ms + " ms";
  }
}
$("run").addEventListener("click", run);
q.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
if (book.length) { const first = book.find((r) => r.name === "officials") || book[0]; sel.value = first.name; pick(first.name); }
</script>
</body>
</html>
"""
