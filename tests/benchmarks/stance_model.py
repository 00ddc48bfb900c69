"""The stance model's speed, per (sentence, target), on one core: prints a table, asserts nothing.

    python tests/benchmarks/stance_model.py [--rounds 5] [--cpu 0]

Over ~40 news-like sentences written for this benchmark (1-3 named targets
each), after a warm-up round, the process pinned to one core and one BLAS
thread (before NumPy loads, so every thread it starts inherits that):

- the model alone on an already-parsed sentence: the sentence is a span of its
  paragraph's full parse, as an article's own parse is reused (``Judge.judge``;
  VADER's score of the sentence is computed afresh for its first target);
- the model and a fresh parse of the sentence alone, as long documents do on
  the parse workers: one sentence at a time (``parse_sentences`` of it, then
  each target), and all sentences in one call (``judge_sentences``, batched as
  a worker gets them);
- the weights' load time (``StanceModel.load``, the file in the page cache) and
  the file's size.

Each timed call is one (sentence, target) pair, or a sentence's parse and its
targets divided by their number; the table gives the median and the 90th
percentile of those over ``--rounds`` rounds, beside the issue's target of
5 ms. ``bench.py`` runs this script and prints its table too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_MS = 5.0

# (paragraph of sentences, each with the names it is asked about). The first
# occurrence of each name in its sentence is the target.
PARAGRAPHS: list[list[tuple[str, tuple[str, ...]]]] = [
    [
        (
            "Mayor Dana Whitcombe praised the Harbour Authority for finishing the new "
            "ferry terminal two months ahead of schedule.",
            ("Dana Whitcombe", "Harbour Authority"),
        ),
        (
            "Opposition councillor Raymond Oyelaran accused Whitcombe of hiding the "
            "terminal's true cost from voters.",
            ("Raymond Oyelaran", "Whitcombe"),
        ),
        (
            "The Harbour Authority said the budget had been published in full last spring.",
            ("Harbour Authority",),
        ),
        (
            "Residents of Portmere told reporters they were relieved the crossings would "
            "resume before winter.",
            ("Portmere",),
        ),
    ],
    [
        (
            "Brennix Labs fired its chief financial officer on Tuesday after auditors "
            "found irregularities in three years of accounts.",
            ("Brennix Labs",),
        ),
        (
            "Analysts at Calder & Finch called the move overdue and said investors had "
            "lost patience with the company's board.",
            ("Calder & Finch",),
        ),
        (
            "Chief executive Maria Estevan defended the board, saying it acted within "
            "hours of receiving the auditors' report.",
            ("Maria Estevan",),
        ),
        (
            "Regulators in Brussels opened an inquiry into whether Brennix Labs misled "
            "shareholders about its cash reserves.",
            ("Brussels", "Brennix Labs"),
        ),
        (
            "Shares in Brennix Labs fell 14 percent, their steepest drop since the "
            "company listed in Frankfurt.",
            ("Brennix Labs", "Frankfurt"),
        ),
    ],
    [
        (
            "Senator Ellen Marwick introduced a bill that would cap the price of insulin "
            "at 35 dollars a month.",
            ("Ellen Marwick",),
        ),
        (
            "The Pharmaceutical Producers Council warned that the cap would choke "
            "research into new treatments.",
            ("Pharmaceutical Producers Council",),
        ),
        (
            "Patient groups hailed Marwick as a rare champion of families struggling "
            "with medical bills.",
            ("Marwick",),
        ),
        (
            "Senator Paul Hendry, who chairs the finance committee, dismissed the bill "
            "as a campaign stunt with no chance of passing.",
            ("Paul Hendry",),
        ),
        (
            "Marwick said Hendry had taken more money from drug makers than any other "
            "member of the Senate.",
            ("Marwick", "Hendry", "Senate"),
        ),
    ],
    [
        (
            "Flooding along the Tarrow River forced more than 2,000 people from their "
            "homes in Lindell and Esk Bridge overnight.",
            ("Lindell", "Esk Bridge"),
        ),
        (
            "Volunteers from the Red Cross worked through the night to set up shelters "
            "in the town's two schools.",
            ("Red Cross",),
        ),
        (
            "Residents criticised the Environment Agency for ignoring repeated warnings "
            "about the state of the flood defences.",
            ("Environment Agency",),
        ),
        (
            "Agency director Tom Akintola apologised and promised a full review of "
            "maintenance on the river.",
            ("Tom Akintola",),
        ),
        (
            "Prime Minister Helen Shaw visited Lindell on Sunday and thanked emergency "
            "crews for their courage.",
            ("Helen Shaw", "Lindell"),
        ),
    ],
    [
        (
            "The Valdoran government arrested six journalists in a dawn raid on the "
            "offices of the newspaper La Voz.",
            ("La Voz",),
        ),
        (
            "Press freedom groups condemned Valdora's interior ministry for what they "
            "called a campaign of intimidation.",
            ("Valdora",),
        ),
        (
            "President Arturo Benitez insisted the arrests had nothing to do with the "
            "paper's reporting on his family's business dealings.",
            ("Arturo Benitez",),
        ),
        (
            "The United Nations urged Benitez to release the reporters and allow "
            "independent observers into the country.",
            ("United Nations", "Benitez"),
        ),
    ],
    [
        (
            "Kingsford United sacked manager Leo Brandt after a run of seven defeats "
            "left the club bottom of the league.",
            ("Kingsford United", "Leo Brandt"),
        ),
        (
            "Fans had chanted against the club's owners, the Harlan Group, throughout "
            "Saturday's loss to Northby.",
            ("Harlan Group", "Northby"),
        ),
        (
            "Brandt thanked the players for their loyalty and said he was proud of the "
            "young squad he had built.",
            ("Brandt",),
        ),
        (
            "Former captain Sam Okafor said the Harlan Group had starved the club of "
            "money for years and betrayed its supporters.",
            ("Sam Okafor", "Harlan Group"),
        ),
    ],
    [
        (
            "A report by the Tessaly Institute found that the city's new bus lanes cut "
            "journey times by a fifth.",
            ("Tessaly Institute",),
        ),
        (
            "Transport commissioner Nadia Roth welcomed the findings as proof that the "
            "scheme was working.",
            ("Nadia Roth",),
        ),
        (
            "Taxi drivers blamed Roth for gridlock on the side streets and staged a "
            "protest outside City Hall.",
            ("Roth", "City Hall"),
        ),
        (
            "The Tessaly Institute receives part of its funding from the city council, "
            "a fact its critics were quick to point out.",
            ("Tessaly Institute",),
        ),
        (
            "Roth met union leaders from the Cab Drivers Alliance on Thursday.",
            ("Roth", "Cab Drivers Alliance"),
        ),
    ],
    [
        (
            "Police in Marrow County admitted that officers had destroyed evidence in "
            "the case of a man wrongly jailed for eleven years.",
            ("Marrow County",),
        ),
        (
            "James Pell, now 52, walked free after the Innocence Trust proved that "
            "the confession had been forced.",
            ("James Pell", "Innocence Trust"),
        ),
        (
            "Sheriff Donna Kerrigan refused to apologise and blamed her predecessor for "
            "the failings.",
            ("Donna Kerrigan",),
        ),
        (
            "Lawyers for Pell praised the Innocence Trust's investigators, saying they "
            "had never given up on him.",
            ("Pell", "Innocence Trust"),
        ),
    ],
    [
        (
            "Solenne Motors will build a battery plant near Aldport, creating an "
            "estimated 3,000 jobs.",
            ("Solenne Motors", "Aldport"),
        ),
        (
            "Governor Ray Castellano called the deal a triumph for the state's workers "
            "and credited Solenne's chairman, Hugo Lenz.",
            ("Ray Castellano", "Hugo Lenz"),
        ),
        (
            "Environmental campaigners said the plant would drain wetlands that supply "
            "Aldport's drinking water.",
            ("Aldport",),
        ),
        (
            "Lenz said the company would publish an independent assessment of the site "
            "before construction begins.",
            ("Lenz",),
        ),
    ],
]


def pairs() -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    """Every sentence and its targets as (start, end) offsets into it."""
    out = []
    for paragraph in PARAGRAPHS:
        for sentence, names in paragraph:
            spans = []
            for name in names:
                start = sentence.find(name)
                if start < 0:
                    raise ValueError(f"{name!r} not in {sentence!r}")
                spans.append((start, start + len(name)))
            out.append((sentence, tuple(spans)))
    return out


def pin(cpu: int) -> None:
    """This process, and every thread it starts from now on, on one core, one BLAS thread."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[var] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(rounds: int) -> tuple[list[list[str]], str]:
    """The table's rows, and a line on the workload."""
    sys.path.insert(0, str(ROOT))
    from importlib import resources

    from reader.nlp import load_model
    from reader.portrayal import judge as judge_module
    from reader.portrayal.judge import judge_sentences, parse_sentences, shared_judge
    from reader.portrayal.model import StanceModel

    started = time.perf_counter()
    judge = shared_judge()  # weights and VADER, first use (imports included)
    first_load = time.perf_counter() - started
    weights = resources.files(judge_module.__package__) / judge_module.WEIGHTS
    with resources.as_file(weights) as path:
        size_mb = path.stat().st_size / 1e6
        loads = []
        for _ in range(3):
            started = time.perf_counter()
            StanceModel.load(path)
            loads.append(time.perf_counter() - started)

    nlp = load_model()
    items = pairs()
    n_pairs = sum(len(targets) for _, targets in items)
    texts = [" ".join(s for s, _ in paragraph) for paragraph in PARAGRAPHS]
    article = list(nlp.pipe(texts, batch_size=32))  # an article's own full parse
    spans = []
    for paragraph, text, doc in zip(PARAGRAPHS, texts, article, strict=True):
        for sentence, _ in paragraph:
            origin = text.index(sentence)
            span = doc.char_span(origin, origin + len(sentence), alignment_mode="expand")
            if span is None:
                raise ValueError(f"no span for {sentence!r}")
            spans.append((span, origin))
    scores_cache = getattr(judge, "_scores", {})

    def parsed_round() -> list[float]:
        times = []
        for (span, origin), (_, targets) in zip(spans, items, strict=True):
            scores_cache.clear()  # the sentence's VADER score is part of its first target
            for start, end in targets:
                began = time.perf_counter()
                judge.judge(span, start + origin, end + origin)
                times.append(time.perf_counter() - began)
        return times

    def fresh_round() -> list[float]:
        times = []
        for sentence, targets in items:
            scores_cache.clear()
            began = time.perf_counter()
            (doc,) = parse_sentences([sentence])
            for start, end in targets:
                judge.judge(doc, start, end)
            each = (time.perf_counter() - began) / len(targets)
            times.extend([each] * len(targets))
        return times

    def batched_round() -> list[float]:
        scores_cache.clear()
        began = time.perf_counter()
        judge_sentences(items)
        return [(time.perf_counter() - began) / n_pairs]

    rows = []
    for label, run in (
        ("(a) model alone, sentence already parsed (articles)", parsed_round),
        ("(b) model + fresh parse, one sentence at a time", fresh_round),
        ("(b) model + fresh parse, all sentences in one call (workers)", batched_round),
    ):
        run()  # warm-up
        times = [t for _ in range(rounds) for t in run()]
        median_ms, p90_ms = statistics.median(times) * 1000, percentile(times, 0.9) * 1000
        verdict = (
            "yes" if p90_ms < TARGET_MS else ("median only" if median_ms < TARGET_MS else "NO")
        )
        rows.append(
            [label, f"{median_ms:.2f} ms", f"{p90_ms:.2f} ms", f"{TARGET_MS:g} ms", verdict]
        )
    rows.append(
        [
            "weights: first use (StanceModel.load + VADER, imports)",
            f"{first_load * 1000:.0f} ms",
            "",
            "",
            "",
        ]
    )
    rows.append(
        [
            "weights: StanceModel.load again (median of 3)",
            f"{statistics.median(loads) * 1000:.0f} ms",
            "",
            "",
            "",
        ]
    )
    rows.append(["weights: file size (weights.npz)", f"{size_mb:.1f} MB", "", "", ""])
    workload = (
        f"{len(items)} sentences, {n_pairs} (sentence, target) pairs, {rounds} rounds after "
        f"a warm-up; cores allowed: {sorted(os.sched_getaffinity(0))}; "
        f"spaCy model {nlp.meta.get('name')} {nlp.meta.get('version')}"
    )
    return rows, workload


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    print(f"\n## {title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--cpu", type=int, default=0, help="the core to run on (default 0)")
    args = parser.parse_args()
    pin(args.cpu)  # before NumPy loads: its threads inherit the one core
    rows, workload = measure(max(1, args.rounds))
    table(
        "Stance model, per (sentence, target), one core",
        ["measure", "median", "p90", "target", "p90 under target"],
        rows,
    )
    print(f"\n{workload}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
