"""``article-reader``: the window, or the command line when a command is given.

Nothing here imports Qt, so ``article-reader summarize FILE``, ``--help``,
``--version`` and every mistake on the command line are answered fast, without
a display: the window opens only for ``article-reader``, ``--sample`` or an
existing file. A mistake is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Sequence

from reader import COMMANDS, PROG, OneLineParser, command_of, format_summary, version

from .system_check import window_problem

_DESCRIPTION = f"""\
Read a local news article beside its extractive summary, the people, places and
organisations it names, and who says what. Everything runs offline.

Without a command, the window opens (with each FILE in a tab, or the bundled sample
with --sample; the tabs of the last session come back unless turned off in View).
With a command, results are printed or written instead:

  {PROG} summarize FILE... [--algorithm lexrank] [--sentences N | --ratio 20%]
  {PROG} entities FILE...
  {PROG} stance FILE... [--target NAME] [--speaker NAME]
  {PROG} toward FILE.jsonl...   (how each sentence portrays its target)
  {PROG} report FILE... --output report.pdf|.html|.md|FOLDER
      (see {PROG} COMMAND --help)
"""

# Qt's own command-line options (with a value or not), passed on to QApplication.
_QT_OPTIONS_WITH_VALUE = frozenset(
    {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-style", "-stylesheet",
     "-geometry", "-display", "-name", "-title", "-qwindowgeometry", "-qwindowtitle",
     "-qwindowicon", "-session"}
)  # fmt: skip
_QT_FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog=PROG,
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"Files: {format_summary()}.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {version()}")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "files", nargs="*", default=[], metavar="FILE", help="the articles to open, each in a tab"
    )
    source.add_argument("--sample", action="store_true", help="open the bundled sample article")
    source.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Article Reader to the desktop's applications menu (for this user)",
    )
    return parser


def parse_gui_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """The window's own options, and Qt's (``-platform offscreen``); anything else ends here."""
    parser = build_parser()
    options, rest = parser.parse_known_args(list(argv))
    qt_args, unknown = _split_qt_options(rest)
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    for file in options.files:
        if not os.path.isfile(file):
            commands = ", ".join(COMMANDS)
            if os.path.exists(file):
                parser.error(f"{file!r} is a folder, not a file or a command ({commands})")
            parser.error(f"{file!r} is neither a command ({commands}) nor an existing file")
    return options, qt_args


def _split_qt_options(rest: list[str]) -> tuple[list[str], list[str]]:
    qt_args: list[str] = []
    unknown: list[str] = []
    items = iter(rest)
    for item in items:
        if item in _QT_OPTIONS_WITH_VALUE:
            qt_args += [item, next(items, "")]
        elif item in _QT_FLAGS:
            qt_args.append(item)
        else:
            unknown.append(item)
    return qt_args, unknown


def main(argv: Sequence[str] | None = None) -> int:
    # Books are parsed in spawned worker processes; a frozen build must let them start.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    command = command_of(args[0]) if args else None
    if command == "report":  # PDF needs Qt, which the core never imports
        from .report_command import run_report

        return run_report(args[1:])
    if command is not None:
        from reader import run_cli

        return run_cli([command, *args[1:]])
    try:
        options, qt_args = parse_gui_args(args)
    except SystemExit as stop:  # --help, --version, or a mistake (said on stderr)
        return int(stop.code or 0)
    if options.install_desktop_entry:
        from .desktop import install_desktop_entry

        return install_desktop_entry()
    problem = window_problem()
    if problem is not None:  # Qt would abort with a misleading message
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 1
    from ui.app import run

    return run(files=options.files, sample=options.sample, qt_args=qt_args)


if __name__ == "__main__":
    raise SystemExit(main())
