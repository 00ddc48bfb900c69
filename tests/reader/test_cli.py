"""The command line, run in-process on real files with the real model."""

from __future__ import annotations

import io
import json

import pytest

from reader.output import cli
from resources import sample_article


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        args = cli.build_parser().parse_args(argv)
        code = cli.run(args, out, err)
    except cli.InvalidOption as error:
        return 2, out.getvalue(), str(error)
    return code, out.getvalue(), err.getvalue()


ARTICLE = (
    "Harbour Council Approves New Ferry Route\n\n"
    "The Harbour Council of Port Elsworth approved a new ferry route on Tuesday.\n"
    "Mayor Lena Brandt said the route would link the town with Kestrel Island by June.\n"
    "Critics warned that the budget was too small for the larger boats.\n"
    "Brandt answered that the state of Ostmark had promised extra money.\n"
    "The first ferry, named the Gull, is being built in Harlow.\n"
)


@pytest.fixture
def article(write_file):
    return write_file("ferry.txt", ARTICLE)


def test_summarize_jsonl_has_the_documented_shape(article):
    code, out, err = run("summarize", str(article), "--sentences", "2", "--format", "jsonl")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["path"] == str(article)
    assert data["title"] == "Harbour Council Approves New Ferry Route"
    assert data["algorithm"] == cli.DEFAULT_ALGORITHM
    assert len(data["sentences"]) == 2
    text = article.read_text(encoding="utf-8")
    indices = [s["index"] for s in data["sentences"]]
    assert indices == sorted(indices)
    for sentence in data["sentences"]:
        assert set(sentence) >= {"index", "start", "end", "text", "score"}
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["text"] != data["title"]


def test_a_summary_shorter_than_asked_says_how_many_it_has(article):
    code, out, _ = run("summarize", str(article), "--sentences", "30", "--algorithm", "lead")
    assert code == 0
    body = [line for line in out.splitlines() if line.startswith("• ")]
    assert 0 < len(body) < 30
    assert f"Summary by Lead, {len(body)} sentences (30 asked)" in out


@pytest.mark.parametrize("ratio", ["0.4", "40%", "40"])
def test_ratio_forms_agree(article, ratio):
    code, out, _ = run("summarize", str(article), "--ratio", ratio, "--format", "json")
    assert code == 0
    [data] = json.loads(out)
    assert data["length"] == "40%"
    assert len(data["sentences"]) == 2  # 40 % of the five body sentences


def test_every_algorithm_runs_from_the_command_line(article):
    for algorithm in cli.ALGORITHMS:
        code, out, err = run(
            "summarize", str(article), "-a", algorithm, "-n", "2", "--format", "jsonl"
        )
        assert code == 0, (algorithm, err)
        assert json.loads(out)["algorithm"] == algorithm


def test_entities_jsonl_spans_match_the_text(article):
    code, out, _ = run("entities", str(article), "--format", "jsonl")
    assert code == 0
    data = json.loads(out)
    text = article.read_text(encoding="utf-8")
    names = {e["name"]: e for e in data["entities"]}
    assert "Lena Brandt" in names
    brandt = names["Lena Brandt"]
    assert brandt["type"] == "PERSON"
    assert brandt["count"] == len(brandt["mentions"]) == 2
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_one_bad_file_does_not_stop_the_others(article, tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = run("summarize", str(missing), str(article), "--format", "jsonl")
    assert code == 1
    assert len(out.splitlines()) == 1
    [line] = err.splitlines()
    assert line.startswith(f"article-reader: {missing}: ")
    assert "Traceback" not in err


def test_text_and_markdown_formats(article):
    code, out, _ = run("summarize", str(article), "-n", "1")
    assert code == 0
    assert out.startswith("Harbour Council Approves New Ferry Route\n")
    assert "• " in out
    code, out, _ = run("entities", str(article), "--format", "markdown")
    assert code == 0
    assert out.startswith("# Harbour Council")
    assert "| Lena Brandt | PERSON | 2 |" in out


@pytest.mark.parametrize("ratio", ["lots", "0", "-0.2", "120%", "20%%", "nan"])
def test_bad_length_is_a_usage_error(article, ratio):
    code, _, message = run("summarize", str(article), "--ratio", ratio)
    assert code == 2
    assert len(message.strip().splitlines()) == 1
    assert f"--ratio takes a share of the sentences, 0.2 or 20%, not {ratio!r}" in message


def test_main_returns_an_exit_code_and_one_line(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    assert cli.run_cli(["entities", str(empty)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1


def test_the_bundled_sample_through_the_command_line():
    code, out, _ = run("stance", str(sample_article()), "--format", "jsonl")
    assert code == 0
    data = json.loads(out)
    assert data["statements"], "the sample has quoted statements"
    for statement in data["statements"]:
        assert statement["label"] in {"supportive", "critical", "neutral"}
