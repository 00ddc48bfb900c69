"""The speaker × target matrix, and the command line's stances, targets and portrayals."""

from __future__ import annotations

import io
import json

import pytest

from reader import MatrixCell, analyze, load_document, speaker_target_matrix
from reader.models import Speaker, Statement, TargetStance, TextRef
from reader.output import cli
from tests.reader.test_portrayal import FERRY


def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = cli.build_parser().parse_args(argv)
    if stdin is not None:
        import sys

        old, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            return cli.run(args, out, err), out.getvalue(), err.getvalue()
        finally:
            sys.stdin = old
    return cli.run(args, out, err), out.getvalue(), err.getvalue()


@pytest.fixture
def ferry(write_file):
    return write_file("ferry.txt", FERRY)


def statement(speaker: str | None, *stances: tuple[str, str]) -> Statement:
    who = Speaker(None, None, "(article)") if speaker is None else Speaker(0, 1, speaker, speaker)
    return Statement(
        speaker=who,
        cue=None,
        content=TextRef(0, 1, "x"),
        label=stances[0][1] if stances else "neutral",  # type: ignore[arg-type]
        score=0.0,
        targets=tuple(t for t, _ in stances),
        stances=tuple(TargetStance(t, label, 0.9) for t, label in stances),  # type: ignore[arg-type]
    )


def test_the_matrix_counts_each_speakers_stances_toward_each_target():
    statements = [
        statement("Ruiz", ("Authority", "supportive")),
        statement("Becker", ("Authority", "critical"), ("Ruiz", "critical")),
        statement("Ruiz", ("Authority", "supportive"), ("Becker", "neutral")),
        statement("Becker", ("Authority", "critical")),
        statement("Becker", ("Authority", "supportive")),
        statement(None, ("Authority", "critical")),  # the article's own voice: no row
    ]
    matrix = speaker_target_matrix(statements)
    assert matrix.speakers == ("Becker", "Ruiz")  # four stances against three
    assert matrix.targets == ("Authority", "Ruiz", "Becker")
    assert matrix.cell("Ruiz", "Authority") == MatrixCell("Ruiz", "Authority", 2, 0, 0, (0, 2))
    becker = matrix.cell("Becker", "Authority")
    assert becker is not None
    assert (becker.supportive, becker.critical, becker.count) == (1, 2, 3)
    assert becker.net == -1 and becker.label == "critical"
    assert becker.statements == (1, 3, 4)
    assert matrix.cell("Ruiz", "Ruiz") is None
    small = speaker_target_matrix(statements, max_speakers=1, max_targets=1)
    assert small.speakers == ("Becker",) and small.targets == ("Authority",)
    assert len(small.cells) == 1
    assert not speaker_target_matrix([statement(None, ("Authority", "critical"))])


def test_the_matrix_of_a_real_article(spacy_model, ferry):
    analysis = analyze(load_document(ferry))
    matrix = speaker_target_matrix(analysis.statements)
    assert set(matrix.speakers) == {"Elena Ruiz", "Tom Becker"}
    ruiz = matrix.cell("Elena Ruiz", "Harbour Authority")
    becker = matrix.cell("Tom Becker", "Harbour Authority")
    assert ruiz is not None and ruiz.label == "supportive" and ruiz.count == 2
    assert becker is not None and becker.label == "critical" and becker.count == 2


# --- the command line -------------------------------------------------------------------


def test_stance_json_has_stances_per_target(spacy_model, ferry):
    code, out, err = run("stance", str(ferry), "--format", "jsonl")
    assert code == 0, err
    (data,) = [json.loads(line) for line in out.splitlines()]
    for item in data["statements"]:
        assert 0 < item["confidence"] <= 1
        assert [s["target"] for s in item["stances"]] == item["targets"]
        for stance in item["stances"]:
            assert set(stance) == {"target", "label", "confidence"}
            assert stance["label"] in ("supportive", "neutral", "critical")


@pytest.mark.parametrize("name", ["Harbour Authority", "harbour authority", "Authority"])
def test_stance_keeps_the_statements_about_a_target(spacy_model, ferry, name):
    code, out, err = run("stance", str(ferry), "--target", name, "--format", "json")
    assert code == 0 and err == ""
    (data,) = json.loads(out)
    assert len(data["statements"]) == 4
    assert all("Harbour Authority" in s["targets"] for s in data["statements"])


def test_stance_about_a_speaker_who_is_nobodys_target(spacy_model, ferry):
    code, out, err = run("stance", str(ferry), "--target", "Becker")
    assert code == 0
    assert "No attributed statements found." in out
    (line,) = err.splitlines()  # says why, and what keeps Becker's statements
    assert "warning: no statement is about" in line and "Becker" in line
    assert "--speaker" in line


def test_stance_keeps_the_statements_a_speaker_makes(spacy_model, ferry):
    code, out, err = run("stance", str(ferry), "--format", "json")
    (everything,) = json.loads(out)
    becker = [s for s in everything["statements"] if "Becker" in (s["speaker"]["entity"] or "")]
    assert becker, "the sample has statements by Becker"
    code, out, err = run("stance", str(ferry), "--speaker", "becker", "--format", "json")
    assert code == 0 and err == ""
    (data,) = json.loads(out)
    assert data["statements"] == becker
    # with a target too, both must hold
    target = becker[0]["targets"][0]
    code, out, _ = run("stance", str(ferry), "-s", "Becker", "-t", target, "--format", "json")
    (both,) = json.loads(out)
    assert both["statements"] == [s for s in becker if target in s["targets"]]


def test_a_target_the_file_never_names_is_a_warning(spacy_model, ferry):
    code, out, err = run("stance", str(ferry), "--target", "Atlantis", "--format", "jsonl")
    assert code == 0
    assert err.count("\n") == 1
    assert "no person, organisation or place named 'Atlantis'" in err
    assert json.loads(out)["statements"] == []


def test_entities_json_has_a_portrayal_per_person_organisation_and_place(spacy_model, ferry):
    code, out, err = run("entities", str(ferry), "--format", "json")
    assert code == 0, err
    (data,) = json.loads(out)
    by_name = {e["name"]: e for e in data["entities"]}
    authority = by_name["Harbour Authority"]["portrayal"]
    assert set(authority) == {"positive", "neutral", "negative", "sentences"}
    assert authority["positive"] >= 1 and authority["negative"] >= 1
    assert sum(authority[k] for k in ("positive", "neutral", "negative")) == 4
    assert by_name["May"]["portrayal"] is None


def test_entities_text_says_how_each_is_portrayed(spacy_model, ferry):
    code, out, _ = run("entities", str(ferry))
    assert code == 0
    lines = out.splitlines()
    at = lines.index(next(line for line in lines if "Harbour Authority [ORG]" in line))
    assert lines[at + 1].strip().startswith("portrayed: ")


def test_toward_answers_each_line(spacy_model, write_file):
    questions = [
        {"id": "a", "sentence": "Critics praised Smith for his courage.", "start": 15, "end": 20},
        {"id": 7, "sentence": "Smith was jailed for fraud.", "target_start": 0, "target_end": 5},
    ]
    path = write_file("q.jsonl", "".join(json.dumps(q) + "\n" for q in questions))
    code, out, err = run("toward", str(path))
    assert code == 0, err
    answers = [json.loads(line) for line in out.splitlines()]
    assert [(a["id"], a["label"]) for a in answers] == [("a", "supportive"), (7, "critical")]
    for a in answers:
        assert sum(a["probabilities"].values()) == pytest.approx(1, abs=1e-3)
        assert a["confidence"] == max(a["probabilities"].values())


def test_toward_reads_standard_input_and_reports_bad_lines(spacy_model):
    lines = [
        '{"sentence": "Smith was jailed.", "start": 0, "end": 5}',
        "not json",
        '{"sentence": "Smith.", "start": 3, "end": 99}',
        '{"start": 0, "end": 1, "id": "q4"}',
        "[1, 2]",
        '{"sentence": "Smith won.", "start": "zero", "end": 5}',
    ]
    code, out, err = run("toward", "-", stdin="\n".join(lines) + "\n")
    assert code == 1
    answers = [json.loads(line) for line in out.splitlines()]  # a line out for each line in
    assert answers[0]["label"] == "critical"
    problems = [
        "not a line of JSON",
        "3:99 is not a span of the sentence",
        'no "sentence" text',
        "not a JSON object",
        '"start" and "end" must be whole numbers',
    ]
    ids = [None, None, "q4", None, None]
    assert answers[1:] == [{"id": i, "error": p} for i, p in zip(ids, problems, strict=True)]
    assert err.splitlines() == [f"article-reader: -:{n}: {p}" for n, p in enumerate(problems, 2)]


def test_toward_a_missing_file(spacy_model, tmp_path):
    code, out, err = run("toward", str(tmp_path / "none.jsonl"))
    assert code == 1 and out == ""
    assert "cannot read it" in err and err.count("\n") == 1
