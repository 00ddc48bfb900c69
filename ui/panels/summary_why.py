"""Why a summary sentence was picked, as the panel says it: a tooltip and a plain text.

The facts come from the core (``SummarySentence.why``, ``SummarySentence.ranks``);
this module only words them: "Rank 2 of 40 it could pick" (of the prose sentences,
not of every sentence the panel counts), the ``how`` line, the phrases that raised
the sentence, and its rank under the other algorithms once compared.
"""

from __future__ import annotations

import html

from reader import SummarySentence, algorithm_name

WHY_TITLE = "Why this sentence"


def why_lines(sentence: SummarySentence) -> list[str]:
    """Short plain lines: "Rank 2 of 40 it could pick · picked", "Because: …", …"""
    lines: list[str] = []
    why = sentence.why
    if why is not None:
        lines.append(f"Rank {why.rank} of {why.candidates} it could pick · {why.how}")
        if why.phrases:
            lines.append("Because: " + "; ".join(why.phrases))
    if sentence.ranks:
        ranks = ", ".join(f"{algorithm_name(a)} {rank}" for a, rank in sentence.ranks)
        lines.append(f"Rank under the others: {ranks}")
    return lines


def why_text(sentence: SummarySentence) -> str:
    """The explanation as one plain text (an item's accessible description), or ""."""
    lines = why_lines(sentence)
    return f"{WHY_TITLE}: " + ". ".join(lines) if lines else ""


def why_html(sentence: SummarySentence) -> str:
    """The explanation as a rich-text paragraph for a tooltip, escaped, or ""."""
    lines = why_lines(sentence)
    if not lines:
        return ""
    head, *rest = (html.escape(line) for line in lines)
    return f"<p><b>{head}</b>" + "".join(f"<br>{line}" for line in rest) + "</p>"
