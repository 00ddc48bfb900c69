"""The words every summariser reads: sumy's tokenizer rules, its stop words, Snowball
stems, and a News summary that never imports NLTK (a second saved on a book)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.options import ALGORITHMS, NEWS, algorithm_key
from reader.summary.words import STOP_WORDS, stem, to_words


def test_words_as_sumy_splits_them():
    assert to_words("The U.S. mayor's plan didn't pass: 42 votes, “we'll see”.") == (
        "The",
        "US",
        "mayor",
        "plan",
        "didn't",
        "pass",
        "votes",
        "we",
        "see",
    )


def test_stop_words_are_sumys_english_list():
    assert {"the", "and", "would"} <= STOP_WORDS
    assert "harbour" not in STOP_WORDS


def test_snowball_stems_lower_cased():
    assert stem("Running") == stem("runs") == "run"
    assert stem("generously") == "generous"
    assert stem("added") == "add"  # the current Snowball rules, not the older "ad"


@pytest.mark.parametrize(
    "key", [k for k in map(algorithm_key, ALGORITHMS) if k not in (NEWS, "lead")]
)
def test_each_sumy_summariser_normalises_and_stems_words_as_sumys_own_functions(key):
    from sumy.summarizers._summarizer import AbstractSummarizer

    from reader.summary.sumy_adapter import RATERS, build_dom

    dom = build_dom([([], [(0, "Harbour Running generously, didn't it?")])])
    summarizer = RATERS[key].make(dom, 1)
    for word in ("Harbour", "RUNNING", "generously", "didn't", "Ærø", "US"):
        assert summarizer.normalize_word(word) == AbstractSummarizer.normalize_word(word)
        assert summarizer.stem_word(word) == AbstractSummarizer.stem_word(summarizer, word)


def test_a_news_summary_imports_no_nltk(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(
        "Harbour Vote Passes\n\n"
        + " ".join(
            f"The council met for the {n}th time to discuss the harbour wall and its cost."
            for n in range(4, 30)
        ),
        encoding="utf-8",
    )
    script = (
        "import sys\n"
        "from reader import load_document\n"
        "from reader.run.pipeline import analyze\n"
        f"analysis = analyze(load_document({str(article)!r}), stages=('summary',))\n"
        "assert analysis.summary.sentences, analysis.notes\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('nltk', 'sumy')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    imported = done.stdout.strip()
    assert "nltk" not in imported and "sumy.summarizers" not in imported, imported
