"""The public functions: load a pipeline, extract from text or files."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .amounts import Money, Percent, parse_value
from .annotations.segment import segment_report
from .pipeline.consistency import finish_report
from .pipeline.tokenizer import offsets_of
from .report import Entity, Investment, Report, ReportError
from .text.reading import read_report_with_encoding

# the shipped models, by spaCy's naming, the default first (training/RESULTS.md says why):
# installed packages of these names, else the newest models/NAME-VERSION of this repository
PACKAGE_NAMES = ("zh_gov_ner_trf", "zh_gov_ner_sm")
REPO_MODELS = Path(__file__).resolve().parent.parent / "models"
_DEFAULT: Language | None = None


def default_model_path() -> str:
    """Where gov_ner.load() looks: $GOV_NER_MODEL, the installed package, the repo's models/."""
    env = os.environ.get("GOV_NER_MODEL")
    if env:
        return env
    import importlib.util

    for name in PACKAGE_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    for name in PACKAGE_NAMES:
        found = repo_model(name)
        if found is not None:
            return found
    raise OSError(f"no gov_ner model found: install one of {', '.join(PACKAGE_NAMES)}, set GOV_NER_MODEL, "
                  f"or pass a path to gov_ner.load()")


def repo_model(name: str) -> str | None:
    """The newest models/NAME-VERSION of this repository, if any."""
    from packaging.version import InvalidVersion, Version

    def version(path: Path):
        try:
            return Version(path.name[len(name) + 1:])
        except InvalidVersion:
            return Version("0")

    candidates = sorted(REPO_MODELS.glob(f"{name}-*"), key=version) if REPO_MODELS.is_dir() else []
    return str(candidates[-1]) if candidates else None


def resolve_model(name: str | Path | None) -> str | Path:
    """What load() loads: the default model for None; a shipped model's name (zh_gov_ner_sm) is
    the installed package if there is one, else this repository's models/zh_gov_ner_sm-VERSION."""
    if name is None:
        return default_model_path()
    if str(name) in PACKAGE_NAMES:
        import importlib.util

        if importlib.util.find_spec(str(name)) is None:
            return repo_model(str(name)) or name
    return name


def model_dir(spec: str | Path) -> Path | None:
    """The directory holding config.cfg of a model given as a path or an installed package name."""
    path = Path(spec)
    if (path / "config.cfg").is_file():
        return path
    import importlib.util

    try:
        found = importlib.util.find_spec(str(spec))
    except (ImportError, ValueError):
        return None
    for location in (found.submodule_search_locations or []) if found else []:
        for sub in sorted(Path(location).iterdir()):
            if (sub / "config.cfg").is_file():
                return sub
    return None


def load(name: str | Path | None = None) -> Language:
    """Load a gov_ner pipeline: a model directory, an installed package name, or the shipped model."""
    import spacy

    from . import pipeline  # noqa: F401  registers the components the config names

    from .pipeline.loading import config_factories, entry_point_scan_skipped

    name = resolve_model(name)
    found = model_dir(name)
    lang, factories = config_factories(found) if found is not None else (None, None)
    with entry_point_scan_skipped(lang, factories):
        return spacy.load(name)


def _default_nlp() -> Language:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT


def _entity(label: str, raw: str, start: int, end: int, model_text: str | None = None) -> Entity:
    """An Entity with raw offsets; its value is read from the normalised text (no pinyin glosses,
    simplified characters, ASCII digits), which is what the parser understands."""
    text = raw[start:end]
    parsed = parse_value(label, model_text if model_text is not None else text)
    if isinstance(parsed, Money):
        flags = tuple(f for f, on in (("approximate", parsed.approximate), ("redacted", parsed.redacted),
                                      ("range", parsed.is_range)) if on)
        return Entity(label, text, start, end, parsed.value, parsed.currency, flags)
    if isinstance(parsed, Percent):
        flags = tuple(f for f, on in (("points", parsed.points), ("redacted", parsed.redacted),
                                      ("range", parsed.high is not None)) if on)
        return Entity(label, text, start, end, parsed.value, None, flags)
    return Entity(label, text, start, end)


def doc_to_report_parts(doc: Doc, raw: str, offset: int = 0) -> tuple[list[Entity], list[Investment]]:
    """Entities and investments of one Doc, in raw-text offsets (+ offset of the paragraph)."""
    norm = offsets_of(doc)
    by_ent = {}
    entities = []
    for ent in doc.ents:
        s, e = norm.to_raw(ent.start_char, ent.end_char)
        item = _entity(ent.label_, raw, s + offset, e + offset, ent.text)
        by_ent[ent.start] = item
        entities.append(item)
    investments = [Investment(by_ent[p.start], by_ent[m.start], float(score))
                   for p, m, score in (doc._.investments if Doc.has_extension("investments") else [])]
    return entities, investments


def _may_name_a_file(item) -> bool:
    """A Path, or a str short enough and without newlines to be a file name rather than text."""
    return isinstance(item, Path) or (isinstance(item, str) and "\n" not in item and len(item) < 4096)


def _is_path(item) -> bool:
    return isinstance(item, Path) or (_may_name_a_file(item) and os.path.isfile(item))


# what a bad input raises (a missing or unreadable file, undecodable bytes, neither text nor path);
# extract() raises it, extract_many() yields it as a ReportError and goes on
INPUT_ERRORS = (OSError, ValueError, TypeError)


def read_input(item) -> tuple[str, str | None, str | None]:
    """(text, source path or None, encoding or None) of a report given as text or as a path."""
    if _is_path(item):
        path = Path(item)
        if path.exists() and not path.is_file() and not path.is_dir():  # a FIFO would block the run forever
            raise OSError(f"{path}: not a regular file")
        text, encoding = read_report_with_encoding(path)
        return text, str(item), encoding
    if not isinstance(item, str):
        raise TypeError(f"expected report text or a path, got {type(item).__name__}")
    if _may_name_a_file(item) and os.path.isdir(item):
        raise IsADirectoryError(f"{item}: is a directory, not a report file (extract_many takes its files)")
    return item, None, None


def _extract_one(item, nlp: Language, batch_size: int) -> Report:
    raw, source, encoding = read_input(item)
    segments = segment_report(raw)
    report = Report(raw, source=source, encoding=encoding)
    docs = finish_report(nlp, nlp.pipe((raw[s.start:s.end] for s in segments), batch_size=batch_size))
    for seg, doc in zip(segments, docs):
        ents, invs = doc_to_report_parts(doc, raw, seg.start)
        report.entities.extend(ents)
        report.investments.extend(invs)
    return report


def extract_or_error(item, nlp: Language, batch_size: int = 16) -> Report | ReportError:
    """A Report, or the ReportError saying why this input gave none."""
    try:
        return _extract_one(item, nlp, batch_size)
    except INPUT_ERRORS as err:
        return ReportError(str(item) if _may_name_a_file(item) else None, str(err), err)


def extract(text_or_path: str | Path, nlp: Language | None = None, batch_size: int = 16) -> Report:
    """Entities and investments of one report (text, or a path: Path objects and existing files).

    Long reports are cut into paragraphs and run through nlp.pipe; the pipeline's report-level
    steps (names found in one paragraph labelled in the others) then see all paragraphs of the
    report. Every offset is an offset into the text as given (or as read from the file). A bad
    input raises (OSError, ReportDecodeError, TypeError) with a message naming the file.
    """
    return _extract_one(text_or_path, nlp or _default_nlp(), batch_size)


def extract_many(items: Iterable[str | Path], nlp: Language | None = None, batch_size: int = 16,
                 n_process: int = 1) -> Iterator[Report | ReportError]:
    """Stream one result per input, in input order: a Report, or a ReportError for an input that
    cannot be read (the stream goes on). n_process > 1 runs whole reports in that many worker
    processes, each with the pipeline (see gov_ner.parallel); items are consumed lazily."""
    nlp = nlp or _default_nlp()
    if n_process <= 1:
        for item in items:
            yield extract_or_error(item, nlp, batch_size)
        return
    from .parallel import map_in_order

    yield from map_in_order(extract_or_error, items, n_process, nlp, batch_size=batch_size)
