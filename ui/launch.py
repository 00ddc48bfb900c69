"""``article-reader``: the window, or the command line when a subcommand is given.

Nothing here imports Qt, so ``article-reader summarize FILE`` and ``--help``
start fast and work without a display.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence

from reader import COMMANDS, PROG, format_summary

_DESCRIPTION = """\
Read a local news article beside its extractive summary, the people, places and
organisations it names, and who says what. Everything runs offline.

Without a command, the window opens (with FILE, or the bundled sample with --sample).
With a command, results are printed instead:

  article-reader summarize FILE... [--algorithm lexrank] [--sentences N | --ratio 20%]
  article-reader entities FILE...
  article-reader stance FILE...
      (each takes --format text|markdown|json|jsonl; see article-reader COMMAND --help)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"Files: {format_summary()}.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("file", nargs="?", metavar="FILE", help="the article to open")
    source.add_argument("--sample", action="store_true", help="open the bundled sample article")
    return parser


def parse_gui_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """The window's own options, and whatever is left for Qt (``-platform ...``)."""
    return build_parser().parse_known_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    # Books are parsed in spawned worker processes; a frozen build must let them start.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        from reader import run_cli

        return run_cli(args)
    options, qt_args = parse_gui_args(args)  # --help and bad options end here, before Qt loads
    from ui.app import run

    return run(file=options.file, sample=options.sample, qt_args=qt_args)


if __name__ == "__main__":
    raise SystemExit(main())
