"""The fine-tuned token classifier: decoding, MSRA mapping, and train -> save -> load -> predict."""
from __future__ import annotations

import numpy as np
import pytest
import spacy

from gov_ner.pipeline.token_classifier import TAG_ID, TAGS, decode_spans, viterbi
from gov_ner.training.msra import map_sentence, read_bmes


def _logp(tags: list[str]) -> np.ndarray:
    out = np.full((len(tags), len(TAGS)), -5.0)
    for i, t in enumerate(tags):
        out[i, TAG_ID[t]] = -0.1
    return out


def test_viterbi_never_starts_an_entity_with_i():
    logp = _logp(["O", "I-ORG", "I-ORG", "O"])
    logp[1, TAG_ID["B-ORG"]] = -0.5  # B is second best
    path = [TAGS[i] for i in viterbi(logp)]
    assert path == ["O", "B-ORG", "I-ORG", "O"]


def test_viterbi_respects_forced_o():
    logp = _logp(["B-LOC", "I-LOC", "I-LOC"])
    path = [TAGS[i] for i in viterbi(logp, np.array([False, True, False]))]
    assert path[1] == "O" and path[2] != "I-LOC"


def test_decode_spans_merges_pieces():
    pieces = {(0, 2): _logp(["B-LOC"])[0], (2, 3): _logp(["I-LOC"])[0], (3, 4): _logp(["O"])[0]}
    assert decode_spans("天津市的", pieces) == [(0, 3, "LOC")]
    assert decode_spans("", {}) == []


def test_word_edge_penalty_moves_an_edge_out_of_a_lexicon_word():
    # 中央 is one lexicon word; the classifier (weakly) starts the name at 央
    text = "由中央改革办牵头"
    logp = _logp(["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])
    logp[1, TAG_ID["B-ORG"]] = logp[2, TAG_ID["I-ORG"]] = -0.3  # starting at 中 is a close second
    pieces = {(i, i + 1): logp[i] for i in range(len(text))}
    assert decode_spans(text, pieces) == [(2, 6, "ORG")]
    assert decode_spans(text, pieces, word_edge_penalty=1.0) == [(1, 6, "ORG")]
    # a confident edge stays where the classifier put it
    logp[1, TAG_ID["B-ORG"]] = -8.0
    assert decode_spans(text, pieces, word_edge_penalty=1.0) == [(2, 6, "ORG")]


def test_viterbi_edge_cost_applies_between_positions():
    logp = _logp(["B-LOC", "O", "O"])
    logp[1, TAG_ID["I-LOC"]] = -0.5
    assert [TAGS[i] for i in viterbi(logp)] == ["B-LOC", "O", "O"]
    path = viterbi(logp, edge_cost=np.array([0.0, 1.0, 0.0]))
    assert [TAGS[i] for i in path] == ["B-LOC", "I-LOC", "O"]


def test_msra_mapping_follows_the_guide():
    lines = ["北 B-LOC", "京 M-LOC", "市 E-LOC", "政 O", "府 O", "和 O", "张 B-PER", "三 E-PER", "在 O",
             "河 B-LOC", "北 M-LOC", "省 E-LOC", "石 B-LOC", "家 M-LOC", "庄 E-LOC", "，", "十 B-ORG", "五 M-ORG",
             "大 E-ORG", "投 O", "资 O", "3 O", "亿 O", "元 O", "京 S-LOC"]
    (text, spans), = list(read_bmes(lines[:15]))
    mapped = map_sentence(text, spans)
    got = {(text[s:e], lab) for s, e, lab in mapped.spans}
    assert ("北京市政府", "ORG") in got  # a place + 政府 is one body
    assert ("河北省石家庄", "LOC") in got  # a chain is one place
    assert not any(lab == "PER" for *_, lab in mapped.spans)
    text2, spans2 = list(read_bmes(lines[16:]))[0]
    mapped2 = map_sentence(text2, spans2)
    assert mapped2.spans == []  # a party congress is an event; 京 alone is not trusted
    missing = {text2[s:e] for s, e in mapped2.missing}
    assert "3亿元" in missing and "京" in missing


@pytest.fixture(scope="module")
def finetuned(tiny_bert, tmp_path_factory, repo):
    from gov_ner.training.finetune import DataArguments, LoopArguments, ModelArguments, train

    out = tmp_path_factory.mktemp("ft")
    data = DataArguments(stage="guide", annotations=(str(repo / "annotations/gold/000_71dc593d3b27a9df.jsonl"),),
                         heldout=(), msra_rehearsal=0, max_length=64, stride=8)
    loop = LoopArguments(output_dir=str(out), max_steps=4, batch_size=4, eval_steps=2, save_steps=2, log_steps=1,
                         threads=1)
    return train(ModelArguments(encoder=str(tiny_bert)), data, loop), out, (data, loop)


def test_finetune_writes_best_checkpoint_and_log(finetuned):
    best, out, _ = finetuned
    assert (best / "config.json").is_file() and (out / "checkpoint" / "state.pt").is_file()
    assert (out / "DONE").is_file() and (out / "log.jsonl").read_text().count("\n") >= 4


def test_finetune_resumes_from_its_checkpoint(finetuned, tiny_bert):
    import json

    from gov_ner.training.finetune import LoopArguments, ModelArguments, train

    best, out, (data, loop) = finetuned
    more = LoopArguments(**{**loop.__dict__, "max_steps": 6})
    train(ModelArguments(encoder=str(tiny_bert)), data, more)
    steps = [json.loads(line)["step"] for line in (out / "log.jsonl").read_text().splitlines()
             if "loss" in json.loads(line)]
    assert steps[-2:] == [5, 6] and steps.count(1) == 1  # went on from step 4, did not start again


def test_pipeline_assembles_saves_loads_and_predicts(finetuned, repo, tmp_path):
    import gov_ner
    from spacy.util import load_config, load_model_from_config

    best, _, _ = finetuned
    config = load_config(repo / "configs/trf-finetuned.cfg", overrides={"paths.classifier": str(best)},
                         interpolate=False)
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    nlp.to_disk(tmp_path / "model")
    loaded = gov_ner.load(tmp_path / "model")
    text = "宝坻区人民政府推动总投资8亿元的中公科教小镇建设，同比增长7.5%。"
    a, b = nlp(text), loaded(text)
    assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [(e.start_char, e.end_char, e.label_) for e in b.ents]
    assert {e.label_ for e in b.ents} >= {"MONEY", "PERCENT"}
    assert len(loaded("")) == 0 and gov_ner.extract("", nlp=loaded).entities == []
    # the window settings round-trip, and an evaluation spec can change them without touching the model
    from gov_ner.training.results import load_system

    ner = loaded.get_pipe("ner")
    assert (ner.max_length, ner.stride, ner.window_merge) == (128, 32, "max_context")
    other = load_system(f"{tmp_path / 'model'}-consistency@windows=16,4,mean")
    assert (other.get_pipe("ner").max_length, other.get_pipe("ner").window_merge) == (16, "mean")
    assert "consistency" not in other.pipe_names
    # loading in a fresh process leaves scikit-learn unimported (import_transformers: a fifth of load time)
    import subprocess
    import sys

    code = "import sys, gov_ner; nlp = gov_ner.load(sys.argv[1]); nlp('在红旗路建设污水处理厂'); print('sklearn' in sys.modules)"
    fresh = subprocess.run([sys.executable, "-c", code, str(tmp_path / "model")], capture_output=True, text=True,
                           check=True)
    assert fresh.stdout.strip().splitlines()[-1] == "False"


def test_initialize_without_a_classifier_says_what_is_missing():
    nlp = spacy.blank("zh")
    nlp.add_pipe("gov_ner_token_classifier", name="ner")
    with pytest.raises(ValueError, match="initialize needs"):
        nlp.initialize()


def test_merge_windows_reads_a_piece_from_its_most_central_window():
    from gov_ner.pipeline.token_classifier import merge_windows

    # pieces (0,1)..(5,6); window A reads 0-3, window B reads 2-5; specials have empty offsets
    a_offsets = [(0, 0), (0, 1), (1, 2), (2, 3), (3, 4), (0, 0)]
    b_offsets = [(0, 0), (2, 3), (3, 4), (4, 5), (5, 6), (0, 0)]
    a = np.full((6, len(TAGS)), -1.0)
    b = np.full((6, len(TAGS)), -3.0)
    central = merge_windows([(a_offsets, a), (b_offsets, b)])
    mean = merge_windows([(a_offsets, a), (b_offsets, b)], "mean")
    # (2,3) is A's third of four pieces (1 on its narrower side) and B's first (0): read from A;
    # (3,4) is A's last (0) and B's second (1): read from B
    assert central[(2, 3)][0] == -1.0 and central[(3, 4)][0] == -3.0
    assert central[(0, 1)][0] == -1.0 and central[(5, 6)][0] == -3.0
    assert mean[(2, 3)][0] == mean[(3, 4)][0] == -2.0 and mean[(0, 1)][0] == -1.0
    assert set(central) == set(mean) == {(i, i + 1) for i in range(6)}
    with pytest.raises(ValueError, match="window_merge"):
        merge_windows([(a_offsets, a)], "vote")


def test_window_search_settings_are_checked_and_applied(finetuned, repo):
    import argparse

    from spacy.util import load_config, load_model_from_config

    from gov_ner.training.window_search import parse_setting, set_windows

    assert parse_setting("128,32,max_context") == (128, 32, "max_context", 0.0)
    assert parse_setting("128,32,max_context,2.5") == (128, 32, "max_context", 2.5)
    for bad in ("128,32", "128,200,mean", "128,32,vote", "a,32,mean", "128,32,mean,-1", "128,32,mean,1,2"):
        with pytest.raises(argparse.ArgumentTypeError, match="--setting"):
            parse_setting(bad)
    best, _, _ = finetuned
    config = load_config(repo / "configs/trf-finetuned.cfg", overrides={"paths.classifier": str(best)},
                         interpolate=False)
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    text = "宝坻区人民政府推动总投资8亿元的中公科教小镇建设，同比增长7.5%。" * 6
    set_windows(nlp, (16, 4, "mean", 1.5))
    short = [(e.start_char, e.end_char) for e in nlp(text).ents]
    ner = nlp.get_pipe("ner")
    assert (ner.max_length, ner.stride, ner.window_merge, ner.word_edge_penalty) == (16, 4, "mean", 1.5)
    # a search reads each text once per window setting, whatever the penalty
    from gov_ner.training.window_search import cache_reads

    cache_reads(nlp)
    first = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    set_windows(nlp, (16, 4, "mean", 0.0))
    nlp(text)
    assert len(ner.read_cache) == 1
    set_windows(nlp, (16, 4, "mean", 1.5))
    assert [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents] == first
    set_windows(nlp, (32, 4, "mean", 1.5))
    nlp(text)
    assert len(ner.read_cache) == 2
    assert {"MONEY", "PERCENT"} <= {e.label_ for e in nlp(text).ents} and short
    with pytest.raises(ValueError, match="no gov_ner_token_classifier"):
        set_windows(spacy.blank("zh"), (16, 4, "mean", 0.0))


def test_word_edges_counts_gold_edges_inside_lexicon_words():
    from gov_ner.annotations.schema import Record, Span
    from gov_ner.training.word_edges import split_edges

    lexicon = frozenset({"中央", "改革"})
    recs = [Record("a", "由中央改革办牵头", [Span(1, 6, "ORG")]),   # on word edges
            Record("b", "由中央改革办牵头", [Span(2, 6, "ORG")]),   # starts inside 中央
            Record("c", "中央改革", [Span(0, 3, "PROJECT"), Span(0, 2, "MONEY")])]  # ends inside 改革
    total, split, examples = split_edges(recs, lexicon)
    assert total == {"ORG": 2, "PROJECT": 1} and split == {"ORG": 1, "PROJECT": 1}
    assert examples["ORG"] == ["由中[央改革办]牵头"]


def test_finetune_stop_after_keeps_the_longer_schedule(tiny_bert, tmp_path, repo):
    import json

    from gov_ner.training.finetune import DataArguments, LoopArguments, ModelArguments, train

    data = DataArguments(stage="guide", annotations=(str(repo / "annotations/gold/000_71dc593d3b27a9df.jsonl"),),
                         heldout=(), msra_rehearsal=0, max_length=64, stride=8)
    loop = LoopArguments(output_dir=str(tmp_path), max_steps=8, stop_after=3, batch_size=4, eval_steps=100,
                         save_steps=100, log_steps=1, warmup_ratio=0.0, threads=1)
    train(ModelArguments(encoder=str(tiny_bert)), data, loop)
    rows = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    losses = [r for r in rows if "loss" in r]
    assert [r["step"] for r in losses] == [1, 2, 3] and rows[-1]["step"] == 3 and "dev" in rows[-1]
    assert losses[-1]["lr"] > 0.5 * loop.learning_rate  # a linear decay over 8 steps, not over 3
    assert (tmp_path / "checkpoint" / "state.pt").is_file() and (tmp_path / "best" / "config.json").is_file()
    assert json.loads((tmp_path / "DONE").read_text())["step"] == 3
