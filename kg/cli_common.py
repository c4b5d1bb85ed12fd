"""What the build commands share: checking the output folder, and the report of a build on
stderr (input errors one line each, a progress bar on a terminal)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from kg.errors import KgError, OutputError


def prepare_outdir(outdir: Path) -> None:
    """Create ``outdir`` if missing; fail with one line when it cannot be written.

    Raises:
        OutputError: when ``outdir`` is a file, cannot be created or is not writable.
    """
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir}: exists and is not a folder; choose another -o")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{outdir}: cannot create folder ({e.strerror}); choose another -o") from e
    if not os.access(outdir, os.W_OK):
        raise OutputError(f"{outdir}: folder is not writable; choose another -o")


class BuildReport:
    """Input errors and progress of a build on stderr.

    The progress bar (tqdm: documents, docs/s, ETA) shows only on a terminal and not with -q.
    """

    def __init__(self, quiet: bool, inputs: list[str] | None = None):
        self.quiet = quiet
        self.errors: list[str] = []
        self._bar: Any = None
        if not quiet and inputs is not None and sys.stderr.isatty():
            from tqdm import tqdm

            from kg.ingest import estimate_documents

            total = estimate_documents(inputs)
            if total is None or total > 1:
                self._bar = tqdm(total=total, unit="doc", desc="kg build", file=sys.stderr, leave=False,
                                 dynamic_ncols=True, smoothing=0.1, mininterval=0.5)

    def error(self, e: KgError) -> None:
        self.errors.append(str(e))
        if self._bar is not None:
            self._bar.write(f"kg: error: {e}", file=sys.stderr)
        else:
            click.echo(f"kg: error: {e}", err=True)

    def progress(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def run(self, build):  # type: ignore[no-untyped-def]
        """Run ``build``; when every input failed (each already reported), exit 1 quietly."""
        try:
            return build()
        except KgError:
            if self.errors:
                self.close()
                sys.exit(1)
            raise
        finally:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def exit(self) -> None:
        """Exit 1 when any input was refused."""
        if self.errors:
            sys.exit(1)
