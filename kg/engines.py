"""Engines: where the map work of a build runs. One interface, a registry of three.

An engine applies a function to a sequence of chunks and yields the results **in input order**
(so the output never depends on which worker was fastest), with a bounded number of chunks in
flight (so memory stays flat however long the input is). A ``context`` object (the finalized
entity table, for the emit step) is handed to every worker once, not with every chunk.

- ``local``: in this process, one chunk after another;
- ``process``: a pool of worker processes on this machine (``--jobs N``, all cores by default);
  on Linux the workers are forked after jieba's dictionary and the gazetteer are loaded, so
  they start at once and share that memory;
- ``dask``: tasks on a Dask cluster (``--scheduler tcp://host:8786``), or on a local cluster of
  ``--jobs`` worker processes when no scheduler is given (``pip install 'kg[dask]'``).

>>> list(engine("local").map(len, [[1, 2], [3]]))
[2, 1]
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg.errors import ConfigError

log = logging.getLogger(__name__)

_CONTEXT: Any = None  # the context object of this worker process


def context() -> Any:
    """Return the context object handed to this worker (``None`` outside a map with one)."""
    return _CONTEXT


def _set_context(ctx: Any) -> None:
    global _CONTEXT
    _CONTEXT = ctx


def _call(fn: Callable[[Any], Any], chunk: Any, ctx: Any = None) -> Any:
    if ctx is not None:
        _set_context(ctx)
    return fn(chunk)


def warm_up() -> None:
    """Load what every document needs (jieba's dictionary, the gazetteer, pypinyin for the
    slugs of IRIs) in this process."""
    from kg.extract import lexicon, regions
    from kg.iri import slug

    lexicon.load()
    lexicon.words("预热")
    regions.gazetteer()
    slug("预热")


class Engine:
    """Runs ``fn`` over chunks and yields the results in input order."""

    name = "engine"
    shares_files = True  # the workers read this machine's files (a task may name a temporary file)

    def __init__(self, jobs: int | None = None, scheduler: str | None = None):
        self.jobs = max(1, jobs or default_jobs())
        self.scheduler = scheduler

    def map(self, fn: Callable[[Any], Any], chunks: Iterable[Any], ctx: Any = None) -> Iterator[Any]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the workers."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalEngine(Engine):
    """Everything in this process (``--jobs 1``)."""

    name = "local"

    def map(self, fn: Callable[[Any], Any], chunks: Iterable[Any], ctx: Any = None) -> Iterator[Any]:
        old = _CONTEXT
        _set_context(ctx)
        try:
            for chunk in chunks:
                yield fn(chunk)
        finally:
            _set_context(old)


class ProcessEngine(Engine):
    """A pool of worker processes on this machine (``concurrent.futures.ProcessPoolExecutor``)."""

    name = "process"

    def map(self, fn: Callable[[Any], Any], chunks: Iterable[Any], ctx: Any = None) -> Iterator[Any]:
        import itertools
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        it = iter(chunks)
        head = list(itertools.islice(it, 2))
        if len(head) < 2:
            # one chunk (a single article, a few documents): starting workers costs more than it gives
            yield from LocalEngine(1).map(fn, head, ctx)
            return
        chunks = itertools.chain(head, it)
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        if method == "fork":
            warm_up()  # the forked workers inherit the loaded dictionary and gazetteer
        # one pool per map: a forked worker sees the context as it is now (no pickling)
        with ProcessPoolExecutor(self.jobs, mp_context=mp.get_context(method), initializer=_init_worker,
                                 initargs=(ctx, method != "fork")) as pool:
            yield from _ordered(lambda c: pool.submit(fn, c), chunks, 3 * self.jobs)


def _init_worker(ctx: Any, warm: bool) -> None:
    import logging as _logging

    _logging.getLogger("jieba").setLevel(_logging.ERROR)
    _set_context(ctx)
    if warm:
        warm_up()
    else:
        import gc

        # forked: what the parent made (dictionary, gazetteer, the entity table) stays shared;
        # the worker's collections would otherwise touch, and so copy, every page of it
        gc.freeze()


class DaskEngine(Engine):
    """Tasks on a Dask cluster: ``--scheduler ADDRESS``, or a ``LocalCluster`` of ``--jobs`` processes."""

    name = "dask"
    shares_files = False  # workers may be other machines: tasks carry their data

    def __init__(self, jobs: int | None = None, scheduler: str | None = None):
        super().__init__(jobs, scheduler)
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("the dask engine needs Dask: pip install 'kg[dask]' "
                              "(or pip install 'dask[distributed]')") from None
        self._cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=30)
            except OSError as e:
                raise ConfigError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({e})") from None
        else:
            self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self._cluster)
        self.client.run(_dask_worker_setup)

    def map(self, fn: Callable[[Any], Any], chunks: Iterable[Any], ctx: Any = None) -> Iterator[Any]:
        ctx_f = self.client.scatter(ctx, broadcast=True) if ctx is not None else None
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or self.jobs)
        yield from _ordered(lambda c: self.client.submit(_call, fn, c, ctx_f, pure=False), chunks, 3 * workers,
                            result=lambda f: f.result())

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _dask_worker_setup() -> None:
    import logging as _logging

    _logging.getLogger("jieba").setLevel(_logging.ERROR)
    warm_up()


def _ordered(submit: Callable[[Any], Any], chunks: Iterable[Any], in_flight: int,
             result: Callable[[Any], Any] = lambda f: f.result()) -> Iterator[Any]:
    """Submit chunks with at most ``in_flight`` pending; yield results in submission order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


ENGINES: dict[str, type[Engine]] = {"local": LocalEngine, "process": ProcessEngine, "dask": DaskEngine}


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def engine(name: str | None = None, jobs: int | None = None, scheduler: str | None = None) -> Engine:
    """Return the engine ``name`` (default: ``process`` for more than one job, else ``local``).

    Raises:
        ConfigError: for an unknown engine (listing the valid ones), or ``dask`` without Dask.
    """
    if name is None:
        name = "dask" if scheduler else ("process" if (jobs or default_jobs()) > 1 else "local")
    try:
        cls = ENGINES[name]
    except KeyError:
        raise ConfigError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}") from None
    if scheduler and name != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    return cls(jobs, scheduler)
