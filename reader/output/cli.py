"""``article-reader summarize|entities|stance FILE...``: the reader for scripts.

One command handles any number of files; with ``--format jsonl`` each file is
one JSON object on its own line. A file that fails prints one line on stderr
and the others go on; the exit status is 1 if any file failed. Each command
computes only the stages it prints (a summary: the sentences and the summary),
and a batch worth it is spread over one worker process per core, its output
still in the order of the files (``reader.run.batch``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TextIO

from ..errors import InvalidOption
from ..models import Analysis, AnalysisOptions, Document
from ..options import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH, parse_length
from ..run.sentence_workers import warm_up_for
from . import report, serialize
from .commands import PROG, OneLineParser
from .statement_filter import keep_statements

__all__ = ["build_parser", "run", "run_cli"]
log = logging.getLogger(__name__)
FORMATS = ("text", "markdown", "json", "jsonl")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog=PROG,
        description="Summaries, entities and who-says-what for local article files, offline.",
        epilog="Run without a command to open the window: article-reader [FILE] or --sample.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("files", nargs="+", metavar="FILE", help="article files to read")
        sub.add_argument(
            "--format", choices=FORMATS, default="text", help="output format (default: text)"
        )
        return sub

    summarize = command("summarize", "Print an extractive summary of each file.")
    summarize.add_argument(
        "--algorithm",
        "-a",
        choices=list(ALGORITHMS),
        default=DEFAULT_ALGORITHM,
        help=f"summariser (default: {DEFAULT_ALGORITHM})",
    )
    length = summarize.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences", "-n", type=int, help=f"number of sentences (default: {DEFAULT_LENGTH})"
    )
    length.add_argument("--ratio", "-r", help="share of the sentences: 0.2 or 20%%")
    command("entities", "List the people, organisations, places... each file names.")
    stance = command(
        "stance", "List who says what in each file, with the stance of each statement."
    )
    stance.add_argument(
        "--target",
        "-t",
        metavar="NAME",
        action="append",
        help="keep only the statements about this person, organisation or place (repeatable)",
    )
    stance.add_argument(
        "--speaker",
        "-s",
        metavar="NAME",
        action="append",
        help="keep only the statements this person or organisation makes (repeatable)",
    )
    toward = commands.add_parser(
        "toward",
        help="Say how each sentence portrays its target (JSON lines in and out).",
        description="Say how each sentence portrays its target: supportive, neutral or "
        'critical. Each input line is {"sentence": ..., "start": ..., "end": ...} (an "id" '
        "is passed through); each output line holds the label, its confidence and the "
        "three probabilities.",
    )
    toward.add_argument("files", nargs="+", metavar="FILE", help="JSON lines files, - for stdin")
    return parser


def ratio_percent(ratio: str) -> float:
    """``--ratio`` as a percentage: a share up to 1 ("0.2"), or a percentage with its sign
    ("20%") or without it ("20": a number above 1)."""
    raw = ratio.strip()
    sign = raw.endswith("%")
    try:
        value = float(raw.removesuffix("%"))
    except ValueError:
        value = float("nan")
    percent = value if sign or value > 1 else value * 100
    if not 0 < percent <= 100:  # nan too
        raise InvalidOption(f"--ratio takes a share of the sentences, 0.2 or 20%, not {ratio!r}.")
    return percent


def summary_length(args: argparse.Namespace) -> str:
    """The length as the pipeline takes it: "N" sentences or "N%"."""
    if args.sentences is not None:
        length = str(args.sentences)
    elif args.ratio is not None:
        length = f"{ratio_percent(args.ratio):g}%"
    else:
        length = DEFAULT_LENGTH
    parse_length(length)  # raises InvalidOption with a clear message
    return length


# --- what each command prints --------------------------------------------------------

Renderer = Callable[[Document, Analysis, str], str]


def _payload(command: str, document: Document, analysis: Analysis) -> dict[str, Any]:
    data = serialize.document_json(document)
    if command == "summarize":
        if analysis.summary is not None:
            data.update(serialize.summary_json(analysis.summary))
    elif command == "entities":
        data["entities"] = serialize.entities_json(analysis.entities, analysis.portrayals)
    else:
        data["statements"] = serialize.statements_json(analysis.statements)
    data["notes"] = serialize.notes_json(analysis.notes)
    return data


def _produced(command: str, analysis: Analysis) -> bool:
    """Whether the stage that ``command`` prints gave its result (empty is a result)."""
    note = analysis.note(_STAGE_OF[command])
    if command == "summarize" and analysis.summary is None:
        return False
    return note is None or not note.failed


def _render_text(command: str, document: Document, analysis: Analysis, markdown: bool) -> str:
    if command == "summarize":
        assert analysis.summary is not None
        if markdown:
            return report.summary_markdown(document, analysis.summary)
        return report.summary_text(document, analysis.summary)
    heading = f"# {document.title}\n\n" if markdown else f"{document.title}\n\n"
    if command == "entities":
        entities = report.entities_markdown if markdown else report.entities_text
        return heading + entities(analysis.entities, analysis.portrayals)
    statements = report.statements_markdown if markdown else report.statements_text
    return heading + statements(analysis.statements)


_STAGE_OF = {"summarize": "summary", "entities": "entities", "stance": "stance"}
_STAGES_OF = {"entities": ("entities", "portrayal")}


def _stages(command: str) -> tuple[str, ...]:
    return _STAGES_OF.get(command, (_STAGE_OF[command],))


def with_ranks(document: Document, analysis: Analysis) -> Analysis:
    """``analysis`` with each summary sentence's rank under every algorithm (for the
    JSON), unless the document is book-sized. Runs where the file was analysed."""
    from ..summary.compare import ranks_if_cheap

    if analysis.summary is None:
        return analysis
    summary = ranks_if_cheap(document, analysis.sentences, analysis.summary)
    return replace(analysis, summary=summary)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "toward":
        from .toward import run_toward

        return run_toward(args.files, out, err)
    options = AnalysisOptions(
        algorithm=getattr(args, "algorithm", DEFAULT_ALGORITHM),
        length=summary_length(args) if args.command == "summarize" else DEFAULT_LENGTH,
    )
    failures = 0
    collected: list[dict[str, Any]] = []
    json_summary = args.command == "summarize" and args.format in ("json", "jsonl")
    then = with_ranks if json_summary else None
    stages = _stages(args.command)
    # A book's summary: its sentence workers' server starts loading senter before this
    # process imports the analysis (a sixth of a second), see ``sentence_workers``.
    warm_up_for(args.files, stages)
    from ..run.batch import analyze_files

    results = analyze_files(args.files, options, stages, then=then)
    for index, result in enumerate(results):
        path = result.path
        for message in result.warnings:
            print(f"{PROG}: {path}: warning: {message}", file=err)
        if result.error is not None:
            failures += 1
            print(f"{PROG}: {path}: {result.error}", file=err)
            continue
        document, analysis = result.document, result.analysis
        assert document is not None and analysis is not None
        targets, speakers = getattr(args, "target", None), getattr(args, "speaker", None)
        if targets or speakers:
            analysis, warnings = keep_statements(analysis, targets or (), speakers or ())
            for message in warnings:
                print(f"{PROG}: {path}: warning: {message}", file=err)
        if not _produced(args.command, analysis):
            failures += 1
            if args.format not in ("json", "jsonl"):
                continue  # the warning said it; a script still gets the other results
        if args.format == "jsonl":
            out.write(json.dumps(_payload(args.command, document, analysis), ensure_ascii=False))
            out.write("\n")
            out.flush()
        elif args.format == "json":
            collected.append(_payload(args.command, document, analysis))
        else:
            if index and len(args.files) > 1:
                out.write("\n")
            out.write(_render_text(args.command, document, analysis, args.format == "markdown"))
    if args.format == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 1 if failures else 0


def run_cli(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run(args, sys.stdout, sys.stderr)
    except InvalidOption as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into head
        return 0


if __name__ == "__main__":
    raise SystemExit(run_cli())
