"""Whole reports in worker processes, results in input order, memory flat in the number of inputs.

A worker takes whole reports, not paragraphs (spaCy's own `nlp.pipe(n_process=...)` splits a
stream of docs): the report-level steps need every paragraph of a report together. Each worker
has one pipeline: where processes fork (Linux) it is the parent's, shared copy-on-write and not
loaded again; elsewhere each worker loads it from its directory. At most `window` reports are in
flight, so a folder of thousands of files is read as the results are consumed.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

_NLP = None  # the pipeline of this worker process


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9, OOM) would wait on its task queue forever."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _init_worker(nlp_or_path, parent: int) -> None:
    global _NLP
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if isinstance(nlp_or_path, str):
        from .api import load

        nlp_or_path = load(nlp_or_path)
    _NLP = nlp_or_path


def _call(func: Callable, item, kwargs: dict) -> Any:
    return func(item, _NLP, **kwargs)


def map_in_order(func: Callable, items: Iterable, n_process: int, nlp, window: int | None = None,
                 **kwargs) -> Iterator[Any]:
    """func(item, nlp, **kwargs) for each item in n_process workers, yielded in input order."""
    fork = "fork" in mp.get_all_start_methods()
    if not fork and getattr(nlp, "path", None) is None:
        raise ValueError("without fork, worker processes load the pipeline from disk: load it from a directory")
    ctx = mp.get_context("fork" if fork else "spawn")
    pool = ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init_worker,
                               initargs=(nlp if fork else str(nlp.path), os.getpid()))
    window = window or 2 * n_process
    pending: deque = deque()
    try:
        for item in items:
            pending.append(pool.submit(_call, func, item, kwargs))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # also when the consumer stops early (an interrupted run): no orphan workers
        pool.shutdown(wait=True, cancel_futures=True)
