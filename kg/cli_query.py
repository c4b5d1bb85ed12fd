"""Commands over a store or graph file: ``kg query``, ``kg queries``, ``kg serve``, ``kg remove``, ``kg export``,
and the ``--store`` half of ``kg build``. Each is a thin wrapper over ``kg.store``,
``kg.query`` or ``kg.serve``; ``register`` adds them to the ``kg`` group.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click

log = logging.getLogger("kg")

_FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld")


def _open_source(store_dir: Path | None, graphs: tuple[Path, ...]) -> Any:
    from kg.store import KgStore

    if store_dir is not None and graphs:
        raise click.UsageError("give --store DIR or --graph FILE, not both")
    if store_dir is not None:
        return KgStore.open(store_dir, read_only=True)
    if graphs:
        return KgStore.from_files(graphs)
    raise click.UsageError("say what to query: --store DIR (made by `kg build --store`) or --graph FILE (output/graph.ttl)")


def _read_query(query: str | None, qfile: str | None) -> tuple[str, Any]:
    """Return (SPARQL text, cookbook Recipe or None) from the QUERY argument or -f FILE."""
    import re

    from kg.query import QueryError, parse_recipe, recipe

    if query is not None and qfile is not None:
        raise click.UsageError("give a QUERY or -f FILE, not both")
    if qfile is not None:
        if qfile == "-":
            text = sys.stdin.read()
        else:
            try:
                text = Path(qfile).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise QueryError(f"{qfile}: cannot read the query ({getattr(e, 'strerror', None) or e})") from None
        if text.startswith("#"):
            try:
                return text, parse_recipe(Path(qfile).stem, text)
            except QueryError:
                return text, None
        return text, None
    if query is None:
        raise click.UsageError("give a QUERY (a cookbook name, see `kg queries`, or SPARQL text) or -f FILE")
    if re.match(r"^[A-Za-z0-9_-]+$", query):
        r = recipe(query)
        return r.text, r
    return query, None


@click.command("query")
@click.argument("query", required=False)
@click.option("--store", "store_dir", type=click.Path(path_type=Path), help="A store folder made by `kg build --store`.")
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="A graph file (ttl, nt, nq, trig, jsonld, rdf); repeat for several.")
@click.option("-f", "--file", "qfile", help="Read the query from a .rq file (- for stdin).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind variable ?NAME before running (cookbook parameters: see `kg queries NAME`).")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="table", show_default=True,
              help="table, csv, tsv, json, xml for SELECT/ASK; ttl, nt, jsonld, xml for CONSTRUCT/DESCRIBE.")
@click.option("--max-width", default=60, show_default=True, help="Cut table cells wider than this (0: never).")
def query_cmd(query: str | None, store_dir: Path | None, graphs: tuple[Path, ...], qfile: str | None,
              params: tuple[str, ...], fmt: str, max_width: int) -> None:
    """Run a SPARQL query on a store or a graph file, on Oxigraph.

    QUERY is a cookbook name (`kg queries` lists them) or SPARQL text. The prefixes
    kg:, rdfs:, skos:, xsd:, region:, official:, obs: … need no PREFIX line. UPDATE,
    LOAD and SERVICE are refused: a query never changes the store or fetches a URL.

    \b
    Examples:
        kg query --store kgstore/ officials
        kg query --store kgstore/ ranking -p indicator=GDP -p period=前三季度 -p measure=growth
        kg query --graph output/graph.ttl -f my.rq --format csv
        kg query --store kgstore/ 'SELECT ?name WHERE { ?o a kg:Official ; rdfs:label ?name }'
    """
    from kg.query import bind_params, parse_param_options, results_format, serialize, to_table

    text, rec = _read_query(query, qfile)
    values = parse_param_options(params)
    with _open_source(store_dir, graphs) as src:
        subs = bind_params(text, values, rec, src.base)
        form, results = src.query(text, subs)
        fmt_obj = results_format(form, fmt)
        if fmt == "table" and form in ("SELECT", "ASK"):
            click.echo(to_table(form, results, src.base, max_width))
            return
        data = serialize(form, results, fmt_obj, src.base)
    sys.stdout.flush()
    out = sys.stdout.buffer
    out.write(data)
    if sys.stdout.isatty() and data and not data.endswith(b"\n"):
        out.write(b"\n")
    out.flush()


@click.command("queries")
@click.argument("name", required=False)
def queries_cmd(name: str | None) -> None:
    """List the cookbook, one line each; with NAME, print that query.

    \b
    Examples:
        kg queries
        kg queries ranking > ranking.rq
    """
    from kg.query import cookbook, recipe

    if name:
        click.echo(recipe(name).text, nl=False)
        return
    book = cookbook()
    width = max(len(n) for n in book)
    for r in book.values():
        params = "".join(f" [-p {p.name}=…]" for p in r.params)
        click.echo(f"{r.name:<{width}}  {r.title}{params}")


@click.command("export")
@click.option("--store", "store_dir", required=True, type=click.Path(path_type=Path),
              help="A store folder made by `kg build --store`.")
@click.option("-o", "--out", "outdir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the files (created if missing).")
@click.option("--format", "formats", default="ttl,html", show_default=True,
              help="Comma-separated: ttl, nt, nq, trig, jsonld, graphml, csv, html (as for `kg build`).")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def export_cmd(store_dir: Path, outdir: Path, formats: str, quiet: bool) -> None:
    """Write a store's graph as files: any format `kg build` writes.

    The line formats (ttl, nt, jsonld, graphml, csv, html) hold the merged graph; nq and trig
    hold each document's graph as a named graph. Every file is replaced together, or none.

    \b
    Examples:
        kg export --store kgstore/ -o out/ --format trig          # GraphDB, Jena
        kg export --store kgstore/ -o out/ --format csv,graphml   # Excel, Gephi
    """
    from kg.cli_common import prepare_outdir
    from kg.export import FILENAMES, check_formats
    from kg.export.writers import export_store

    fmts = check_formats(formats)
    prepare_outdir(outdir)
    res = export_store(store_dir, outdir, fmts)
    if not quiet:
        click.echo(f"documents        {res.documents}\ntriples          {res.triples}\n"
                   "wrote            " + ", ".join(str(outdir / FILENAMES[f]) for f in fmts))


@click.command("remove")
@click.argument("doc_ids", nargs=-1, required=True, metavar="DOC-ID...")
@click.option("--store", "store_dir", required=True, type=click.Path(path_type=Path),
              help="The store folder.")
def remove_cmd(doc_ids: tuple[str, ...], store_dir: Path) -> None:
    """Remove documents from a store; entities other documents name stay.

    DOC-ID is the id `kg query --store DIR documents` lists (or the document's IRI).

    \b
    Example:
        kg remove 43bd90a4fc48cca5 --store kgstore/
    """
    from kg.store import KgStore

    with KgStore.open(store_dir) as st:
        for d in doc_ids:
            click.echo(f"removed {st.remove(d)}")
        click.echo(f"store            {store_dir}  {len(st.documents())} documents, {len(st)} triples")


@click.command("serve")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), help="A store folder made by `kg build --store`.")
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="A graph file to serve instead (ttl, nt, trig …); repeat for several.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port).")
@click.option("--allow-remote", is_flag=True, help="Allow a --host other machines can reach.")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Let pages from ORIGIN (e.g. https://yasgui.example.org, or *) read answers; never with credentials.")
def serve_cmd(store_dir: Path | None, graphs: tuple[Path, ...], host: str, port: int, allow_remote: bool,
              cors: tuple[str, ...]) -> None:
    """Serve a store read-only: SPARQL 1.1 Protocol at /sparql, a query page at /, the graph view at /view.

    Results come as JSON, XML, CSV or TSV (CONSTRUCT: Turtle, JSON-LD) by the Accept
    header. UPDATE, LOAD and SERVICE are refused; nothing is fetched from the network.
    Stop `kg serve` before changing the store with `kg build` or `kg remove`.

    \b
    Examples:
        kg serve --store kgstore/
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a kg:Official }' http://127.0.0.1:7878/sparql
    """
    from kg.serve import bind, serve, url_of

    sock = bind(host, port, allow_remote=allow_remote)
    try:
        src = _open_source(store_dir, graphs)
    except BaseException:
        sock.close()
        raise
    with src:
        url = url_of(sock)
        click.echo(f"kg serve: {url}  (SPARQL endpoint {url}sparql, graph view {url}view; Ctrl-C stops)")
        sys.stdout.flush()
        level = logging.getLogger().getEffectiveLevel()
        serve(src, sock, cors_origins=cors, allow_remote=allow_remote,
              log_level="info" if level <= logging.INFO else "warning")


def build_into_store(inputs: list[str], store_dir: Path, outdir: Path | None, base: str | None, fmts: list[str],
                     quiet: bool, engine: str | None = None, jobs: int | None = None,
                     scheduler: str | None = None, recall: bool = False) -> None:
    """``kg build --store DIR``: add the inputs to the store; write files only when -o was given."""
    from kg.cli_common import BuildReport, prepare_outdir
    from kg.export import FILENAMES
    from kg.store import build_store

    writers = list(fmts) if outdir is not None else []
    if outdir is not None:
        prepare_outdir(outdir)
    report = BuildReport(quiet, inputs)
    res = report.run(lambda: build_store(inputs, store_dir, base=base, on_error=report.error, progress=report.progress,
                                         engine=engine, jobs=jobs, scheduler=scheduler, recall=recall))
    if writers:
        from kg.export.writers import export_store

        export_store(store_dir, outdir, writers)  # type: ignore[arg-type]  # all files replaced together, or none
    if not quiet:
        lines = [f"documents read   {res.documents}" + (f"  ({len(res.failed)} failed)" if res.failed else ""),
                 f"added            {res.added}  (replaced {res.replaced}, unchanged {res.unchanged}, "
                 f"duplicates {res.duplicates})",
                 f"store            {store_dir}  {res.store_documents} documents, {res.store_triples} triples"]
        for cls in ("Official", "Position", "Region", "Company", "Project", "Initiative", "Observation"):
            lines.append(f"{cls:<16} {res.counts.get(cls, 0)}")
        for note in res.notes[:5]:
            lines.append(f"note: {note}")
        if len(res.notes) > 5:
            lines.append(f"note: … and {len(res.notes) - 5} more")
        lines.append(f"time             {res.seconds:.1f} s")
        if writers:
            lines.append("wrote            " + ", ".join(str(outdir / FILENAMES[f]) for f in writers))  # type: ignore[operator]
        click.echo("\n".join(lines))
    report.exit()


def register(group: click.Group) -> None:
    """Add query, queries, serve and remove to the ``kg`` command group."""
    for cmd in (query_cmd, queries_cmd, serve_cmd, remove_cmd, export_cmd):
        group.add_command(cmd)
