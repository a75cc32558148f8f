from gov_ner.annotations.schema import Record, Relation, Span
from gov_ner.convert import IOB_LABELS, blank_nlp, record_to_doc, records_to_dataset, records_to_docbin

RAW = "總投資8億元的中公科教小鎮(zhèn)在東昌區(qū)開工"


def make_record():
    def sp(sub, label):
        i = RAW.index(sub)
        return Span(i, i + len(sub), label)

    return Record("r#p0", RAW, [sp("8億元", "MONEY"), sp("中公科教小鎮(zhèn)", "PROJECT"), sp("東昌區(qū)", "LOC")],
                  [Relation(1, 0)])


def test_record_to_doc_aligns_noisy_spans():
    nlp = blank_nlp()
    doc = record_to_doc(make_record(), nlp)
    assert [(e.text, e.label_) for e in doc.ents] == [("8亿元", "MONEY"), ("中公科教小镇", "PROJECT"), ("东昌区", "LOC")]
    proj, money = doc.ents[1], doc.ents[0]
    assert doc._.rel == {(proj.start, money.start): {"INVESTMENT": 1.0}}
    assert [(p.text, m.text) for p, m, _ in doc._.investments] == [("中公科教小镇", "8亿元")]


def test_docbin_round_trip_keeps_relations_and_offsets():
    nlp = blank_nlp()
    db, report = records_to_docbin([make_record()], nlp)
    assert report.misaligned == [] and report.spans == 3 and report.relations == 1
    doc = list(db.get_docs(nlp.vocab))[0]
    assert len(doc._.rel) == 1
    from gov_ner.pipeline import offsets_of

    n = offsets_of(doc)
    e = doc.ents[1]
    assert RAW[slice(*n.to_raw(e.start_char, e.end_char))] == "中公科教小鎮(zhèn)"


def test_misaligned_span_is_counted():
    rec = make_record()
    i = RAW.index("東昌區(qū)")
    rec.spans.append(Span(i, i + 4, "LOC"))  # cuts the pinyin gloss: no model span matches
    rec.spans.pop(2)
    _, report = records_to_docbin([rec])
    assert len(report.misaligned) == 1 and "東昌區(" in report.misaligned[0]


def test_dataset_iob2():
    ds, report = records_to_dataset([make_record()])
    row = ds[0]
    tags = [IOB_LABELS[t] for t in row["ner_tags"]]
    assert row["tokens"][:5] == ["总", "投", "资", "8", "亿"]
    assert tags[3:6] == ["B-MONEY", "I-MONEY", "I-MONEY"] and tags[0] == "O"
    assert ds.features["ner_tags"].feature.names == IOB_LABELS
