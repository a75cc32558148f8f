"""The same extraction on Dask, for an archive one machine cannot take in time.

    from dask.distributed import Client
    from gov_ner.dask_extract import extract_bag

    client = Client("scheduler:8786")                        # or Client(n_workers=2): a local cluster
    bag = extract_bag(paths, "models/zh_gov_ner_sm-0.6.0", npartitions=200)
    bag.map(json.dumps, ensure_ascii=False).to_textfiles("out/part-*.jsonl")

A Dask bag over file paths; each partition is extracted by `extract_or_error`, the function
`gov-ner extract` and `extract_many` use, with the worker process's one pipeline (loaded on its
first partition, kept for the next). Every result is a dict: `Report.to_dict()` or, for a file
that cannot be read, `ReportError.to_dict()`. The paths must be readable where the workers run
(a shared file system or object store mounted on each). Needs `pip install 'gov-ner[distributed]'`.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

_PIPELINES: dict = {}  # model -> pipeline, per worker process


def _pipeline(model: str):
    if model not in _PIPELINES:
        from .api import load

        _PIPELINES[model] = load(model)
    return _PIPELINES[model]


def extract_partition(paths: Iterable[str], model: str) -> list[dict]:
    from .api import extract_or_error

    nlp = _pipeline(model)
    return [extract_or_error(Path(p), nlp).to_dict() for p in paths]


def extract_bag(paths: Iterable[str | Path], model: str | Path, npartitions: int | None = None):
    """A lazy dask.bag.Bag of one result dict per path, in path order."""
    import dask.bag as db

    return db.from_sequence([str(p) for p in paths], npartitions=npartitions).map_partitions(
        extract_partition, str(model))
