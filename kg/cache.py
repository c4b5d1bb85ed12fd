"""Tables derived from installed data, cached on disk between runs (never committed).

A table that takes long to build from its sources (jieba's dictionary, the division list) is
built once, written with ``marshal`` to the user's cache folder (``$XDG_CACHE_HOME/kg`` or
``~/.cache/kg``; the temporary folder when that cannot be written) under a name that holds a
hash of everything it was built from, and read back on the next run. A missing, unreadable or
stale file is simply built again; a cache that cannot be written costs only the time.
``KG_CACHE_DIR`` chooses the folder; ``KG_CACHE_DIR=off`` turns the cache off.

>>> len(key("dict.txt contents", "0.42.1"))
20
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_FORMAT = 1  # bump when a cached layout changes without its sources changing


def folders() -> list[Path]:
    """The folders tried for the cache, in order (none when ``KG_CACHE_DIR=off``)."""
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return [] if env == "off" else [Path(env)]
    out = []
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        out.append((Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "kg")
    except RuntimeError:  # no home folder
        pass
    return [*out, Path(tempfile.gettempdir()) / f"kg-cache-{_uid()}"]


def _ours(d: Path) -> bool:
    """Whether folder ``d`` belongs to this user and no one else may write to it: marshal reads
    only trusted files (a shared temporary folder could hold anyone's)."""
    try:
        st = d.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


def writable_folder() -> Path | None:
    """The first cache folder that exists or can be made, and can be written (None when none)."""
    for d in folders():
        try:
            d.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            continue
        if _ours(d) and os.access(d, os.W_OK | os.X_OK):
            return d
    return None


def _uid() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid else "user"


def key(*parts: str | bytes) -> str:
    """A short hash of ``parts`` (file contents, versions, code) to name a cached table by."""
    h = hashlib.sha1(str(_FORMAT).encode())
    for p in parts:
        b = p if isinstance(p, bytes) else p.encode("utf-8", "surrogatepass")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()[:20]


def cached(name: str, digest: str, build: Callable[[], Any]) -> Any:
    """Return the table ``name`` built from sources hashed as ``digest``: read from the cache
    when there, else ``build()`` and write it (atomically: a temporary file renamed into place).
    The table must be made of what ``marshal`` writes (dicts, lists, tuples, str, int …)."""
    fname = f"{name}-{digest}.marshal"
    dirs = folders()
    for d in dirs:
        if not _ours(d):
            continue
        try:
            data = (d / fname).read_bytes()
        except OSError:
            continue
        try:
            return marshal.loads(data)  # loads of bytes: marshal.load of a file reads it in small pieces
        except (EOFError, ValueError, TypeError):
            log.debug("cache file %s unreadable; building it again", d / fname)
    value = build()
    blob = marshal.dumps(value)
    for d in dirs:
        try:
            d.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _ours(d):
                continue
            fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=d)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(blob)
                os.replace(tmp, d / fname)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as e:
            log.debug("cannot write the cache in %s (%s)", d, e)
            continue
        _prune(d, name)
        break
    return value


def _prune(folder: Path, name: str, keep: int = 8) -> None:
    """Keep the ``keep`` newest versions of table ``name`` in ``folder`` (several checkouts of kg
    may share the folder, each with its own version), remove the older ones."""
    try:
        found = sorted(folder.glob(f"{name}-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for p in found[keep:]:
            p.unlink()
    except OSError:
        pass
