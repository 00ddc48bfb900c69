"""``article-reader report FILE... --output OUT``: reports written to files, no window.

The format follows ``OUT``'s extension (PDF, HTML or Markdown); with several
files, ``OUT`` is a folder and each report is named after its article's title.
A PDF is laid out by Qt on its offscreen platform, so no display is needed.
Like the other commands: the files are analysed on one worker process per core
when there are enough of them (``reader.analyze_files``), one line on stderr for
a file that fails, the others go on, and the exit status is 1 if any failed (2
for a mistake in the command).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import reader
from reader import PROG, OneLineParser

from .report_files import REPORT_FORMATS, format_of, report_name, write_report

DEFAULT_EXTENSION = ".pdf"


def build_parser() -> OneLineParser:
    extensions = ", ".join(e for f in REPORT_FORMATS for e in f.extensions)
    parser = OneLineParser(
        prog=f"{PROG} report",
        description="Write the report of each file (summary, entities, who says what) "
        f"as PDF, HTML or Markdown: the format follows the output's extension ({extensions}).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files to read")
    parser.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="OUT",
        help="the report file, or a folder for several (reports named after the articles)",
    )
    parser.add_argument(
        "--format",
        choices=[f.extensions[0].lstrip(".") for f in REPORT_FORMATS],
        help="the format of reports written into a folder (default: pdf)",
    )
    return parser


def run_report(argv: Sequence[str], err: TextIO | None = None) -> int:
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as stop:
        return int(stop.code or 0)
    out = Path(args.output)
    into_folder = len(args.files) > 1 or out.is_dir()
    if into_folder:
        if not out.is_dir() and (out.exists() or format_of(out)):
            print(f"{PROG}: {out}: several reports need a folder to go in, not a file.", file=err)
            return 2
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"{PROG}: {out}: cannot make the folder ({_reason(error)}).", file=err)
            return 2
    elif (named := format_of(out)) is None:
        parser.error(f"{str(out)!r} is not a report file name (.pdf, .html or .md)")
    elif args.format and f".{args.format}" not in named.extensions:
        parser.error(f"--format {args.format} but the report's name ends in {out.suffix}")
    elif not out.parent.is_dir():
        print(f"{PROG}: {out}: there is no folder {str(out.parent)!r}.", file=err)
        return 2
    suffix = f".{args.format or DEFAULT_EXTENSION.lstrip('.')}"
    if (suffix if into_folder else out.suffix.lower()) == ".pdf":
        _start_offscreen_qt()
    failures = 0
    for result in reader.analyze_files(args.files):  # on one worker per core when it pays
        path = result.path
        if result.document is None or result.analysis is None:
            failures += 1
            print(f"{PROG}: {path}: {result.error}", file=err)
            continue
        document, analysis = result.document, result.analysis
        target = out / report_name(document, suffix) if into_folder else out
        try:
            write_report(document, analysis, target)
        except OSError as error:
            failures += 1
            print(f"{PROG}: {target}: cannot write the report ({_reason(error)}).", file=err)
            continue
        except (reader.ReaderError, ValueError) as error:
            failures += 1
            print(f"{PROG}: {path}: {error}", file=err)
            continue
        for message in result.warnings:
            print(f"{PROG}: {path}: warning: {message}", file=err)
    return 1 if failures else 0


def _reason(error: OSError) -> str:
    """ "Permission denied", not "[Errno 13] Permission denied: '/x/.report-k2j.pdf'"."""
    return error.strerror or str(error)


_application: object = None


def _start_offscreen_qt() -> None:
    """A Qt application on the offscreen platform: PDF layout needs one, a display not."""
    global _application
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _application = QApplication([PROG])
