"""Atomic file writes: a temporary file in the same folder, then rename.

``write_text`` replaces one file; ``write_texts`` replaces several only once all of them
are complete on disk, so a run that fails or is killed while writing leaves every
previous file as it was (a kill between two renames, a window of microseconds, leaves
some files new and the others old, each of them whole).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from kg.errors import OutputError


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically; the old file stays until the new one is complete.

    Raises:
        OutputError: when the folder is missing or not writable, or the disk is full.
    """
    write_texts({Path(path): text})


def write_texts(files: dict[Path, str]) -> None:
    """Write each ``{path: text}`` to a temporary file, then rename them all into place.

    Nothing is replaced unless every file was written completely.

    Raises:
        OutputError: when a folder is missing or not writable, or the disk is full;
            no file is replaced then and no temporary file is left.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            temps.append((_write_temp(Path(path), text), Path(path)))
        for tmp, path in temps:
            try:
                os.replace(tmp, path)
            except OSError as e:
                raise OutputError(f"{path}: cannot replace ({e.strerror or e}); choose another -o") from e
    except BaseException:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


def _write_temp(path: Path, text: str) -> str:
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{folder}: not a folder; create it or choose another -o")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(f"{folder}: cannot write here ({e.strerror or e}); choose another -o") from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            try:
                f.write(text)
            except UnicodeEncodeError:  # an unpaired surrogate: always write valid UTF-8
                f.seek(0)
                f.truncate()
                f.write(re.sub("[\ud800-\udfff]", "\ufffd", text))
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write ({e.strerror or e}); nothing was replaced") from e
        raise
    return tmp


def commit(moves: list[tuple[Path, Path]]) -> None:
    """Move finished files (or folders of files) written elsewhere on the same disk into place.

    Every file is flushed to disk first; only then is each renamed over its target (a folder
    replaces the old folder, which is removed afterwards), so a failure or a kill before the
    renames leaves every previous output as it was.

    Raises:
        OutputError: when a file cannot be synced or renamed (the disk is full, ...).
    """
    try:
        for src, _dst in moves:
            for f in ([src] if src.is_file() else sorted(p for p in src.rglob("*") if p.is_file())):
                fd = os.open(f, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        umask = os.umask(0)
        os.umask(umask)
        for src, _dst in moves:
            if src.is_file():
                os.chmod(src, 0o666 & ~umask)
            else:  # a folder made by mkdtemp (0700): as any folder the user makes
                os.chmod(src, 0o777 & ~umask)
                for f in src.rglob("*"):
                    os.chmod(f, (0o777 if f.is_dir() else 0o666) & ~umask)
    except OSError as e:
        raise OutputError(f"{moves[0][1].parent}: cannot write ({e.strerror or e}); nothing was replaced") from e
    for src, dst in moves:
        try:
            if src.is_dir():
                old = None
                if dst.exists():
                    old = dst.with_name(f".{dst.name}.old-{os.getpid()}")
                    os.replace(dst, old)
                os.replace(src, dst)
                if old is not None:
                    import shutil

                    shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(src, dst)
        except OSError as e:
            raise OutputError(f"{dst}: cannot replace ({e.strerror or e}); choose another -o") from e
