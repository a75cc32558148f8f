"""The distributed path: a Dask bag over files on a local cluster of two worker processes gives
what extract_many gives (tiny model)."""
import pytest

import gov_ner
from gov_ner.dask_extract import extract_bag

distributed = pytest.importorskip("dask.distributed")


def test_two_dask_workers_extract_what_extract_many_does(tiny_model, tmp_path, corpus_texts):
    paths = []
    for i, text in enumerate(list(corpus_texts.values()) * 2):
        paths.append(tmp_path / f"r{i:02d}.txt")
        paths[-1].write_text(text[:4000], encoding="utf-8" if i % 2 else "gb18030")
    paths.insert(3, tmp_path / "missing.txt")
    expected = [r.to_dict() for r in gov_ner.extract_many(paths, nlp=gov_ner.load(tiny_model))]
    with distributed.Client(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        results = extract_bag(paths, tiny_model, npartitions=4).compute()
        workers = client.run(lambda: __import__("gov_ner.dask_extract").dask_extract._PIPELINES.__len__())
    assert results == expected
    assert results[3] == {"source": str(tmp_path / "missing.txt"), "error": expected[3]["error"]}
    assert sorted(workers.values()) == [1, 1]  # both workers did work, each with one pipeline
