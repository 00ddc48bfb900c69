"""The stance model: how a sentence portrays a target, per statement and per entity."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

import reader
from reader import analyze, load_document, nlp, stance_toward
from reader.models import Entity, Mention, Sentence
from reader.portrayal.count import SAMPLE_PER_ENTITY, count_portrayals, plan_portrayals
from reader.portrayal.judge import (
    Judgement,
    TargetQuery,
    has_stance_parse,
    judge_sentences,
    judge_targets,
    parse_sentences,
    shared_judge,
)
from reader.portrayal.model import LABELS

FERRY = (
    "Harbour Town Splits Over Ferry Plan\n\n"
    "Mayor Elena Ruiz praised the Harbour Authority for its careful work on the new ferry "
    "terminal.\n\n"
    '"The Harbour Authority has done a wonderful job and deserves our thanks," Ruiz said.\n\n'
    "Fisherman Tom Becker blasted the Harbour Authority, saying the project was a reckless "
    "waste of public money.\n\n"
    "Becker said the Harbour Authority had ignored the town and broken every promise it made."
    "\n\nThe first ferry will leave the terminal in May.\n"
)


def span(sentence: str, name: str) -> tuple[int, int]:
    start = sentence.index(name)
    return start, start + len(name)


# --- stance toward one target ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "target", "label"),
    [
        ("Critics praised Smith for his courage during the floods.", "Smith", "supportive"),
        ("Smith was arrested for fraud and faces ten years in prison.", "Smith", "critical"),
        ("Smith will travel to Ohio on Tuesday for the annual meeting.", "Smith", "neutral"),
        # the one who attacks is not the one portrayed badly
        ("Senator Hall accused the Veltra company of lying to its workers.", "Veltra", "critical"),
    ],
)
def test_stance_toward_a_target(spacy_model, sentence, target, label):
    found, probability = stance_toward(sentence, *span(sentence, target))
    assert found == label
    assert 1 / 3 < probability <= 1


def test_two_targets_of_one_sentence_get_their_own_stance(spacy_model):
    sentence = (
        "Smith thanked the volunteers for their wonderful help, while Jones was arrested for fraud."
    )
    assert stance_toward(sentence, *span(sentence, "Smith"))[0] == "supportive"
    assert stance_toward(sentence, *span(sentence, "Jones"))[0] == "critical"


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (0, 400), (6, 2), (5, 6)])
def test_a_span_that_is_not_a_target_is_refused(spacy_model, start, end):
    with pytest.raises(ValueError, match="not a span"):
        stance_toward("Smith and Jones met.", start, end)


def test_the_parse_carries_what_the_model_reads(spacy_model):
    """Without tok2vec vectors the model silently loses its best inputs."""
    (doc,) = parse_sentences(["Critics praised Smith for his courage."])
    assert has_stance_parse(doc)
    assert doc.tensor.shape == (len(doc), 96)
    doc.tensor = np.zeros((0,), dtype="float32")  # what the staged parse leaves
    assert not has_stance_parse(doc)


def test_an_articles_own_parse_is_reused_and_agrees_with_a_fresh_one(spacy_model, write_file):
    document = load_document(write_file("ferry.txt", FERRY))
    parsed = nlp.parse(document)
    assert all(has_stance_parse(block.doc) for block in parsed)
    text = document.text
    queries = []
    for sentence in ("Mayor Elena Ruiz praised", "Fisherman Tom Becker blasted"):
        start = text.index(sentence)
        end = text.index(".", start) + 1
        target = text.index("Harbour Authority", start)
        queries.append(TargetQuery((start, end), (target, target + len("Harbour Authority"))))
    reused = judge_targets(text, queries, parsed)
    fresh = judge_targets(text, queries)
    assert [j.label for j in reused] == [j.label for j in fresh] == ["supportive", "critical"]
    for a, b in zip(reused, fresh, strict=True):
        assert a.confidence == pytest.approx(b.confidence, abs=0.1)


def test_the_workers_unit_of_work_gives_the_same_answers(spacy_model):
    sentence = (
        "Smith thanked the volunteers for their wonderful help, while Jones was arrested for fraud."
    )
    items = [(sentence, (span(sentence, "Smith"), span(sentence, "Jones")))]
    (answers,) = judge_sentences(items)
    assert [a.label for a in answers] == ["supportive", "critical"]
    assert answers[0].label == stance_toward(sentence, *span(sentence, "Smith"))[0]


def test_evidence_names_the_words_near_the_target(spacy_model):
    sentence = "Critics praised Smith for his courage, but Jones was arrested for fraud."
    (doc,) = parse_sentences([sentence])
    judgement = shared_judge().judge(doc, *span(sentence, "Jones"))
    assert judgement.label == "critical"
    assert "fraud" in judgement.evidence or "arrested" in judgement.evidence


def test_judgement_probabilities_sum_to_one():
    j = Judgement.from_probabilities((2.0, 1.0, 1.0))
    assert j.label == "supportive" and j.confidence == 0.5
    assert j.supportive + j.neutral + j.critical == pytest.approx(1.0)


# --- the weights shipped -------------------------------------------------------------


def test_the_weights_are_small_and_say_what_they_were_trained_on():
    weights = resources.files("reader.portrayal") / "weights.npz"
    assert weights.stat().st_size <= 20 * 1024 * 1024  # type: ignore[attr-defined]
    meta = shared_judge().model.meta
    assert meta["labels"] == list(LABELS) == ["positive", "neutral", "negative"]
    assert meta["spacy_model"] == "en_core_web_sm-3.8.0"
    assert len(meta["train_sha256"]) == 64
    with np.load(str(weights), allow_pickle=False) as arrays:
        # the only text: single lowercase words of the pretrained vectors
        words = bytes(arrays["glove_words"]).decode("utf-8").split("\n")
        assert all(" " not in w for w in words)
        assert json.loads(bytes(arrays["meta"]).decode("utf-8")) == meta


# --- portrayal per entity -------------------------------------------------------------


def test_a_much_named_entity_is_judged_on_an_even_sample():
    sentences = tuple(Sentence(i, i * 20, i * 20 + 19, i) for i in range(200))
    mentions = tuple(Mention(i * 20, i * 20 + 5, "Smith") for i in range(150))
    plan = plan_portrayals(sentences, [Entity("Smith", "PERSON", mentions)])
    assert len(plan.queries) == SAMPLE_PER_ENTITY
    assert plan.queries[0].sentence == (0, 19)
    assert plan.queries[-1].sentence == (149 * 20, 149 * 20 + 19)
    assert plan.mentioned == {"Smith": 150}
    judged = [Judgement.from_probabilities((1, 0, 0))] * len(plan.queries)
    (portrayal,) = count_portrayals(plan, judged)
    assert (portrayal.positive, portrayal.judged, portrayal.sentences) == (60, 60, 150)
    assert "a sample of 60 of its 150 sentences" in reader.portrayal_phrase(portrayal)


def test_only_people_organisations_and_places_are_portrayed():
    sentences = (Sentence(0, 0, 30, 0),)
    entities = [
        Entity("May", "DATE", (Mention(0, 3, "May"),)),
        Entity("Oslo", "GPE", (Mention(10, 14, "Oslo"),)),
    ]
    plan = plan_portrayals(sentences, entities)
    assert plan.owners == ("Oslo",)


def test_the_article_portrays_each_entity(spacy_model, write_file):
    analysis = analyze(load_document(write_file("ferry.txt", FERRY)))
    authority = analysis.portrayal_of("Harbour Authority")
    assert authority is not None
    assert authority.sentences == authority.judged == 4
    assert authority.positive >= 1 and authority.negative >= 1
    assert analysis.portrayal_of("May") is None  # a date has no portrayal
    names = [p.entity for p in analysis.portrayals]
    assert names == [e.name for e in analysis.entities if e.name in names]


# --- statements --------------------------------------------------------------------------


def test_each_statement_carries_its_stance_toward_each_target(spacy_model, write_file):
    analysis = analyze(load_document(write_file("ferry.txt", FERRY)))
    by_speaker = {}
    for statement in analysis.statements:
        by_speaker.setdefault(statement.speaker.entity, set()).add(statement.label)
        if statement.cue.text == "saying":
            # "blasted the Harbour Authority, saying the project was a reckless waste":
            # a statement of its own that names nobody, labelled by its tone
            assert not statement.targets and not statement.stances
            continue
        assert statement.stances, statement.content.text
        main = statement.stances[0]
        assert main.target == "Harbour Authority"
        assert statement.targets[0] == main.target
        assert 0 < statement.confidence <= 1
    assert by_speaker == {"Elena Ruiz": {"supportive"}, "Tom Becker": {"critical"}}


def test_reasons_say_toward_whom_and_why(spacy_model, write_file):
    analysis = analyze(load_document(write_file("ferry.txt", FERRY)))
    blasted = next(s for s in analysis.statements if s.cue and s.cue.text == "blasted")
    first = blasted.reasons[0]
    assert first.startswith("critical toward Harbour Authority (")
    assert "‘reckless’" in first or "‘waste’" in first
    assert "cue ‘blasted’ leans critical" in blasted.reasons


def test_the_cue_counts():
    from reader.statements.stance import with_cue

    unsure = Judgement.from_probabilities((0.3, 0.4, 0.3))
    assert with_cue(unsure, -1).label == "critical"
    assert with_cue(unsure, 1).label == "supportive"
    assert with_cue(unsure, 0) is unsure


def test_a_statement_naming_nobody_is_labelled_by_its_tone(spacy_model, write_file):
    path = write_file("t.txt", "The mayor said that the new hospital is a wonderful gift.\n")
    (statement,) = analyze(load_document(path)).statements
    assert statement.stances == ()
    assert statement.label == "supportive"
    assert any(r.startswith("content sentiment") for r in statement.reasons)


def test_an_unsure_label_says_so(spacy_model):
    from reader.models import UNCERTAIN_BELOW
    from reader.output.report import stance_phrase

    assert stance_phrase("critical", UNCERTAIN_BELOW - 0.01).startswith("critical? (")
    assert stance_phrase("critical", 0.9) == "critical (90 %)"


def test_a_book_is_judged_within_the_budget():
    from reader.portrayal.count import MIN_SAMPLE, fit_budget

    assert fit_budget([3, 5, 80], 60, 1200) == (60, 1)  # an article: everything
    cap, least = fit_budget([200] * 30 + [1] * 700, 60, 1200)
    assert cap == MIN_SAMPLE and least == 2  # samples shrink, then the one-off names go
    assert sum(min(n, cap) for n in [200] * 30 + [1] * 700 if n >= least) <= 1200
    sentences = tuple(Sentence(i, i * 20, i * 20 + 19, i) for i in range(400))
    hero = Entity("Ahab", "PERSON", tuple(Mention(i * 20, i * 20 + 4, "Ahab") for i in range(300)))
    extra = Entity("Pip", "PERSON", (Mention(20 * 350, 20 * 350 + 3, "Pip"),))
    plan = plan_portrayals(sentences, [hero, extra], budget=20)
    assert plan.owners.count("Ahab") == MIN_SAMPLE and "Pip" not in plan.owners
    judged = [Judgement.from_probabilities((0, 1, 0))] * len(plan.queries)
    ahab, pip = count_portrayals(plan, judged)
    assert (ahab.neutral, ahab.sentences) == (MIN_SAMPLE, 300)
    assert (pip.judged, pip.sentences) == (0, 1)
    assert reader.portrayal_phrase(pip).startswith("not judged")
