"""The ``article-reader`` entry point: the CLI without Qt, the window otherwise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import COMMANDS
from reader.loaders import formats
from ui import launch

from .article_samples import short_article


def test_help_explains_window_and_commands(capsys) -> None:
    assert launch.main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps the epilog
    for word in ("FILE", "--sample", *COMMANDS, "--speaker"):
        assert word in out
    for fmt in formats():  # from the registry: every format the reader opens
        assert fmt.label in out
        assert all(extension in out for extension in fmt.extensions)


@pytest.mark.parametrize(
    ("name", "says"), [("", "is a folder, not a file"), ("nothing.txt", "nor an existing file")]
)
def test_a_folder_or_a_missing_file_is_a_mistake_for_the_window(
    tmp_path, capsys, name, says
) -> None:
    with pytest.raises(SystemExit) as stop:
        launch.parse_gui_args([str(tmp_path / name)])
    assert stop.value.code == 2
    assert says in capsys.readouterr().err.strip().splitlines()[-1]


def test_subcommand_runs_the_cli(capsys, write_file, spacy_model) -> None:
    path = write_file("bridge.txt", short_article())
    assert launch.main(["summarize", str(path), "--sentences", "2"]) == 0
    out = capsys.readouterr().out
    assert "Maria Lopez" in out or "bridge" in out.lower()


def test_cli_and_help_never_import_qt(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(short_article(), encoding="utf-8")
    code = (
        "import sys, contextlib, io\n"
        "from ui import launch\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        launch.main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"    launch.main(['entities', {str(path)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
