"""The command line: a thin layer over the library (``kg --help``)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

log = logging.getLogger("kg")


class _OneLine(click.Group):
    """Turn every KgError (and any unexpected error) into one line and a non-zero exit."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except KgError as e:
            click.echo(f"kg: error: {e}", err=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader went away (kg queries | head): stop quietly, as Unix tools do
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as e:  # noqa: BLE001 - the CLI never shows a traceback
            log.debug("unexpected error", exc_info=True)
            click.echo(f"kg: internal error: {type(e).__name__}: {e} (run with -v for details; please report)", err=True)
            sys.exit(3)


@click.group(cls=_OneLine, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Build knowledge graphs (RDF) from Chinese government news.

    \b
    Example:
        kg build article.txt -o output/
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=level, format="kg: %(levelname)s: %(message)s", stream=sys.stderr)
    logging.getLogger("jieba").setLevel(logging.ERROR)  # what jieba.setLogLevel does, without importing jieba


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the outputs (created if missing).")
@click.option("--base", default=None, help="Namespace of instance IRIs [default: https://w3id.org/kg-cn/id/].")
@click.option("--format", "formats", default="ttl,html", show_default=True,
              help="Comma-separated outputs: ttl (graph.ttl), nt (graph.nt), html (graph.html), "
                   "nq (nq/part-NNNNN.nq, each document a named graph), trig (graph.trig, the same in one file), "
                   "jsonld (graph.jsonld), graphml (graph.graphml, for Gephi), "
                   "csv (csv/officials.csv, observations.csv, entities.csv, for Excel and pandas).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: all cores]; --jobs 1 runs in this process. The output is the same.")
@click.option("--engine", type=click.Choice(["local", "process", "dask"]), default=None,
              help="Where the work runs [default: process with more than one job, else local]; "
                   "dask needs pip install 'kg[dask]'.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A Dask scheduler (tcp://host:8786) for --engine dask; without it a local cluster of --jobs workers.")
@click.option("--recall", is_flag=True,
              help="Also keep the names the rules are unsure of (a kind rather than one thing: 人才中心, 支持政策).")
@click.option("-q", "--quiet", is_flag=True, help="No summary and no progress bar.")
@click.option("--store", "store_dir", default=None, type=click.Path(path_type=Path),
              help="Add the documents to a persistent store (Oxigraph) in this folder; "
                   "graph files are then written only when -o is given.")
def build(inputs: tuple[str, ...], outdir: Path, base: str | None, formats: str, jobs: int | None,
          engine: str | None, scheduler: str | None, recall: bool, quiet: bool, store_dir: Path | None) -> None:
    """Build one graph from INPUTS (files, folders, or - for stdin) and write it to -o.

    \b
    Examples:
        kg build article.txt -o out/
        kg build corpus/ more.jsonl -o out/ --base https://example.org/kg/
        cat article.txt | kg build - -o out/
        kg build corpus/ -o out/ --jobs 1            # one process; the same bytes
        kg build corpus/ -o out/ --format ttl,nq     # plus N-Quads shards, a graph per document
        kg build corpus/ -o out/ --format csv,graphml,jsonld   # tables, Gephi, JSON-LD
        kg build corpus/ -o out/ --engine dask --scheduler tcp://10.0.0.5:8786
        kg build corpus/ --store kgstore/     # add to a store; again: only new documents
    """
    from kg.cli_common import BuildReport, prepare_outdir
    from kg.export import check_formats

    fmts = check_formats(formats)
    if store_dir is not None:
        from click.core import ParameterSource

        from kg.cli_query import build_into_store

        explicit = click.get_current_context().get_parameter_source("outdir") != ParameterSource.DEFAULT
        build_into_store(list(inputs), store_dir, outdir if explicit else None, base, fmts, quiet,
                         engine=engine, jobs=jobs, scheduler=scheduler, recall=recall)
        return
    from kg.flow import build as run_build

    prepare_outdir(outdir)
    report = BuildReport(quiet, list(inputs))
    res = report.run(lambda: run_build(list(inputs), outdir, fmts, base=base, engine=engine, jobs=jobs,
                                       scheduler=scheduler, on_error=report.error, progress=report.progress,
                                       recall=recall))
    if not quiet:
        click.echo(_summary(res, outdir, fmts))
    report.exit()


def _summary(res, outdir: Path, fmts: list[str]) -> str:
    from kg.export import FILENAMES

    c = res.counts
    lines = [f"documents read   {res.documents}" + (f"  ({len(res.failed)} failed)" if res.failed else "")]
    for cls in ("Official", "Position", "Region", "Company", "Project", "Initiative", "Observation"):
        lines.append(f"{cls:<16} {c.get(cls, 0)}")
    lines.append(f"facts            {res.facts}  (positions, observations, attributions)")
    lines.append(f"triples          {res.triples}")
    for note in res.notes[:5]:
        lines.append(f"note: {note}")
    if len(res.notes) > 5:
        lines.append(f"note: … and {len(res.notes) - 5} more (kg -v build … lists them all)")
        for note in res.notes[5:]:
            log.info("note: %s", note)
    lines.append(f"time             {res.seconds:.1f} s")
    lines.append("wrote            " + ", ".join(str(outdir / FILENAMES[f]) for f in fmts))
    return "\n".join(lines)


def _register() -> None:
    from kg.cli_mentions import mentions

    main.add_command(mentions)


_register()

from kg.cli_query import register  # noqa: E402 - the query commands live in their own module

register(main)

if __name__ == "__main__":
    main()
