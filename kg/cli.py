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
    logging.getLogger("jieba").setLevel(logging.ERROR)
    import jieba

    jieba.setLogLevel(logging.ERROR)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl and graph.html (created if missing).")
@click.option("--base", default=None, help="Namespace of instance IRIs [default: https://w3id.org/kg-cn/id/].")
@click.option("--format", "formats", default="ttl,html", show_default=True,
              help="Comma-separated outputs: ttl, html.")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
@click.option("--store", "store_dir", default=None, type=click.Path(path_type=Path),
              help="Add the documents to a persistent store (Oxigraph) in this folder; "
                   "graph files are then written only when -o is given.")
def build(inputs: tuple[str, ...], outdir: Path, base: str | None, formats: str, quiet: bool,
          store_dir: Path | None) -> None:
    """Build one graph from INPUTS (files, folders, or - for stdin) and write it to -o.

    \b
    Examples:
        kg build article.txt -o out/
        kg build corpus/ more.jsonl -o out/ --base https://example.org/kg/
        cat article.txt | kg build - -o out/
        kg build corpus/ --store kgstore/     # add to a store; again: only new documents
    """
    if store_dir is not None:
        from click.core import ParameterSource

        from kg.cli_query import build_into_store

        explicit = click.get_current_context().get_parameter_source("outdir") != ParameterSource.DEFAULT
        build_into_store(list(inputs), store_dir, outdir if explicit else None, base, formats, quiet)
        return
    from kg.export import exporter, write_all
    from kg.pipeline import build_graph

    fmts = [f.strip() for f in formats.split(",") if f.strip()]
    writers = {f: exporter(f) for f in fmts}
    _prepare_outdir(outdir)
    report = BuildReport(quiet)
    res = report.run(lambda: build_graph(list(inputs), base=base, on_error=report.error, progress=report.progress))
    write_all(res.graph, outdir, list(writers))  # all files replaced together, or none
    if not quiet:
        click.echo(_summary(res, outdir, fmts))
    report.exit()


class BuildReport:
    """Input errors and progress of a build, one line each on stderr."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.errors: list[str] = []

    def error(self, e: KgError) -> None:
        self.errors.append(str(e))
        click.echo(f"kg: error: {e}", err=True)

    def progress(self, n: int) -> None:
        if not self.quiet and n % 500 == 0:
            click.echo(f"… {n} documents", err=True)

    def run(self, build):  # type: ignore[no-untyped-def]
        """Run ``build``; when every input failed (each already reported), exit 1 quietly."""
        try:
            return build()
        except KgError:
            if self.errors:
                sys.exit(1)
            raise

    def exit(self) -> None:
        """Exit 1 when any input was refused."""
        if self.errors:
            sys.exit(1)


def _prepare_outdir(outdir: Path) -> None:
    from kg.errors import OutputError

    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir}: exists and is not a folder; choose another -o")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{outdir}: cannot create folder ({e.strerror}); choose another -o") from e
    import os

    if not os.access(outdir, os.W_OK):
        raise OutputError(f"{outdir}: folder is not writable; choose another -o")


def _summary(res, outdir: Path, fmts: list[str]) -> str:
    from kg.export import FILENAMES

    c = res.counts
    lines = [f"documents read   {res.documents}" + (f"  ({len(res.failed)} failed)" if res.failed else "")]
    for cls in ("Official", "Position", "Region", "Company", "Project", "Initiative", "Observation"):
        lines.append(f"{cls:<16} {c.get(cls, 0)}")
    lines.append(f"facts            {res.facts}  (positions, observations, attributions)")
    lines.append(f"triples          {len(res.graph)}")
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
