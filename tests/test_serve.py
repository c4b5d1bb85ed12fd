"""The SPARQL endpoint, started for real (`kg serve` in a subprocess) on a free loopback port."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import select
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query import cookbook
from kg.serve import bind, is_loopback, negotiate
from kg.store import build_store

from .conftest import ROOT, SAMPLE


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("serve") / "kgstore"
    build_store([SAMPLE], d)
    return d


@contextlib.contextmanager
def running(*args: str):
    """Run `kg serve ARGS --port 0` and yield its base URL; stop it afterwards."""
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", *args, "--port", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        line = proc.stdout.readline() if ready else ""
        assert line.startswith("kg serve: http://127.0.0.1:"), (line, proc.poll())
        url = line.split()[2]
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def endpoint(store_dir):
    with running("--store", str(store_dir)) as url:
        yield url


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """Return (status, headers, body) without raising on 4xx."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def post_query(endpoint: str, query: str, accept: str) -> tuple[int, object, bytes]:
    body = urllib.parse.urlencode({"query": query}).encode()
    return http(endpoint + "sparql", body, {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})


@pytest.mark.parametrize("name", sorted(cookbook()))
def test_http_gives_the_same_rows_as_kg_query(endpoint, store_dir, name):
    status, headers, body = post_query(endpoint, cookbook()[name].text, "text/csv")
    assert status == 200, body
    assert headers["Content-Type"].startswith("text/csv")
    r = CliRunner().invoke(main, ["query", "--store", str(store_dir), name, "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert body == r.stdout_bytes
    assert len(list(csv.reader(io.StringIO(r.output)))) > 1 or name in ("shared-initiatives", "same-name")  # none on one article


def test_get_with_json_results(endpoint):
    q = "SELECT ?name WHERE { ?o a kg:Official ; rdfs:label ?name } ORDER BY ?name"
    status, headers, body = http(endpoint + "sparql?" + urllib.parse.urlencode({"query": q}))
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert "李应兰" in names and names == sorted(names)


@pytest.mark.parametrize("accept,ctype,start", [
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?n\n"),
    ("text/csv;q=0.5, application/sparql-results+json", "application/sparql-results+json", b'{"head"'),
])
def test_result_formats_by_accept(endpoint, accept, ctype, start):
    status, headers, body = post_query(endpoint, "SELECT ?n WHERE { ?o a kg:Official ; rdfs:label ?n }", accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype) and body.startswith(start)


def test_post_sparql_query_body_and_construct_formats(endpoint):
    from rdflib import Graph

    q = b"CONSTRUCT WHERE { ?o a kg:Official ; rdfs:label ?n }"
    status, headers, body = http(endpoint + "sparql", q, {"Content-Type": "application/sparql-query"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert len(g) > 10
    status, headers, body = http(endpoint + "sparql", q, {"Content-Type": "application/sparql-query",
                                                          "Accept": "application/ld+json"})
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    assert len(Graph().parse(data=body.decode("utf-8"), format="json-ld")) == len(g)


@pytest.mark.parametrize("how,message", [
    ("update-body", "SPARQL UPDATE is refused: this endpoint is read-only"),
    ("update-form", "SPARQL UPDATE is refused: this endpoint is read-only"),
    ("insert-as-query", "SPARQL UPDATE (INSERT) is refused"),
    ("load", "LOAD is refused"),
    ("service", "SERVICE is refused"),
])
def test_update_load_service_are_refused(endpoint, how, message):
    upd = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    if how == "update-body":
        status, _h, body = http(endpoint + "sparql", upd.encode(), {"Content-Type": "application/sparql-update"})
    elif how == "update-form":
        status, _h, body = http(endpoint + "sparql", urllib.parse.urlencode({"update": upd}).encode(),
                                {"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "insert-as-query":
        status, _h, body = post_query(endpoint, upd, "*/*")
    elif how == "load":
        status, _h, body = post_query(endpoint, "LOAD <http://127.0.0.1:9/x.ttl>", "*/*")
    else:
        status, _h, body = post_query(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } }", "*/*")
    assert status == 403
    assert message in body.decode("utf-8")
    status, _h, body = post_query(endpoint, "ASK { <http://x/a> <http://x/b> <http://x/c> }", "application/json")
    assert json.loads(body)["boolean"] is False  # nothing was written


def test_service_sends_no_request(endpoint):
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(0.5)
    port = srv.getsockname()[1]
    status, _h, _b = post_query(endpoint, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                                "*/*")
    assert status == 403
    with pytest.raises(socket.timeout):
        srv.accept()
    srv.close()


@pytest.mark.parametrize("query,status", [("SELECT * WHERE {", 400), ("", 400)])
def test_bad_queries_are_400(endpoint, query, status):
    got, _h, body = post_query(endpoint, query, "*/*")
    assert got == status and body.strip()


def test_no_query_gives_the_service_description(endpoint):
    status, headers, body = http(endpoint + "sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert b"sd:SPARQL11Query" in body


def test_unacceptable_accept_is_406(endpoint):
    status, _h, _b = post_query(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "image/png")
    assert status == 406


def test_no_cors_by_default_and_foreign_hosts_refused(endpoint):
    status, headers, _b = http(endpoint + "sparql?query=ASK%7B%7D", headers={"Origin": "https://evil.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    port = urllib.parse.urlsplit(endpoint).port
    status, _h, _b = http(endpoint + "sparql?query=ASK%7B%7D", headers={"Host": f"evil.example:{port}"})
    assert status == 400  # a DNS-rebinding page cannot read the endpoint


def test_cors_only_for_named_origins_and_never_with_credentials():
    snapshot = ROOT / "tests" / "data" / "query_sample.ttl"
    with running("--graph", str(snapshot), "--cors", "https://yasgui.example") as url:
        q = url + "sparql?" + urllib.parse.urlencode({"query": "SELECT ?n WHERE { ?o a kg:Official ; rdfs:label ?n }"})
        status, headers, body = http(q, headers={"Origin": "https://yasgui.example"})
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 9
        assert headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
        assert "Access-Control-Allow-Credentials" not in headers
        status, headers, _b = http(q, headers={"Origin": "https://other.example"})
        assert "Access-Control-Allow-Origin" not in headers
        status, headers, _b = http(url + "sparql", method="OPTIONS", headers={
            "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        assert status == 200 and "POST" in headers["Access-Control-Allow-Methods"]
        assert "Access-Control-Allow-Credentials" not in headers


def test_query_page_is_offline_and_offers_the_cookbook(endpoint):
    status, headers, body = http(endpoint)
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    assert "src=" not in page and "<link" not in page  # nothing loaded: no CDN
    for name in cookbook():
        assert f'"name": "{name}"' in page
    status, _h, body = http(endpoint + "queries")
    assert [q["name"] for q in json.loads(body)] == list(cookbook())


def test_graph_view(endpoint):
    status, headers, body = http(endpoint + "view")
    assert status == 200 and b"vis.Network" in body
    assert "connect-src 'none'" in headers["Content-Security-Policy"]


def test_sparqlwrapper_talks_to_it(endpoint):
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    sw = SPARQLWrapper.SPARQLWrapper(endpoint + "sparql")
    sw.setQuery("PREFIX kg: <https://w3id.org/kg-cn/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?o a kg:Official }")
    sw.setReturnFormat(SPARQLWrapper.JSON)
    res = sw.query().convert()
    assert int(res["results"]["bindings"][0]["n"]["value"]) > 5


# ---------------------------------------------------------------- binding and negotiation


def test_non_loopback_bind_needs_the_flag(store_dir):
    r = CliRunner().invoke(main, ["serve", "--store", str(store_dir), "--host", "0.0.0.0", "--port", "0"])
    assert r.exit_code == 2
    assert "--allow-remote" in r.output and "Traceback" not in r.output
    sock = bind("0.0.0.0", 0, allow_remote=True)
    sock.close()


def test_busy_port_is_one_line(store_dir):
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    try:
        r = CliRunner().invoke(main, ["serve", "--store", str(store_dir), "--port", str(port)])
        assert r.exit_code == 2 and "choose another --port" in r.output
    finally:
        sock.close()


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
                                       ("0.0.0.0", False), ("192.168.1.10", False), ("::", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


@pytest.mark.parametrize("form,accept,fmt,expected", [
    ("SELECT", "", None, "json"),
    ("SELECT", "*/*", None, "json"),
    ("ASK", "application/sparql-results+xml", None, "xml"),
    ("SELECT", "text/csv", None, "csv"),
    ("SELECT", "text/html,application/xhtml+xml,*/*;q=0.8", None, "json"),
    ("SELECT", "application/json", "tsv", "tsv"),
    ("CONSTRUCT", "", None, "ttl"),
    ("DESCRIBE", "application/ld+json", None, "jsonld"),
    ("CONSTRUCT", "application/n-triples", None, "nt"),
    ("CONSTRUCT", "application/rdf+xml", None, "xml"),
])
def test_negotiate(form, accept, fmt, expected):
    assert negotiate(form, accept, fmt) == expected
