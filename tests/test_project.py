"""Rules of the project's shape: the core stays Qt-free, CI runs the README's command."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_CORE = ("PySide6", "shiboken6", "ui")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_reader_never_imports_qt_or_ui():
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & set(FORBIDDEN_IN_CORE))
        for path in (ROOT / "reader").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_core_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys, reader\n"
        "for module in pkgutil.walk_packages(reader.__path__, 'reader.'):\n"
        "    importlib.import_module(module.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_ui_holds_no_nlp():
    for path in (ROOT / "ui").rglob("*.py"):
        assert not imported_modules(path) & {"spacy", "sumy", "nltk", "vaderSentiment"}, path


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"Install the test extras.*?```bash\n(.+?)\n```", readme, re.S)
    assert match, "the README's quick start names the test command"
    command = match.group(1).strip()
    assert "pytest" in command
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci_lines


def test_nltk_data_is_never_downloaded():
    for folder in ("reader", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            assert "nltk.download" not in path.read_text(encoding="utf-8"), path


def test_the_window_module_imports_no_nlp_library():
    """The window shows before sumy, NLTK, SciPy and spaCy are loaded (they load in workers)."""
    code = (
        "import sys, ui.main_window;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sumy', 'nltk', 'scipy', 'spacy', 'thinc', 'trafilatura', 'vaderSentiment'}))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


MAX_MODULE_LINES = 600


def test_no_module_has_more_than_one_job_worth_of_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for folder in ("reader", "ui")
        for path in (ROOT / folder).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_the_readme_names_every_folder_of_the_core_and_the_window():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    built = readme[readme.index("## How it is built") :]
    folders = [
        path.relative_to(ROOT).as_posix()
        for top in ("reader", "ui")
        for path in [ROOT / top, *(ROOT / top).iterdir()]
        if path.is_dir() and (path / "__init__.py").exists()
    ]
    missing = [folder for folder in folders if f"{folder}/" not in built]
    assert missing == []


def test_the_readme_lists_the_formats_of_the_registry():
    """The format registry is the one source of the formats: the README's table follows it."""
    from reader.loaders import formats

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Formats") :]
    rows = {
        label.strip(): sorted(re.findall(r"`(\.\w+)`", extensions))
        for label, extensions in re.findall(r"^\| ([^|]+) \| ([^|]*`\.[^|]*) \|", table, re.M)
    }
    assert rows == {fmt.label: sorted(fmt.extensions) for fmt in formats()}


@pytest.mark.parametrize(
    "script",
    ["bench.py", "cli_bench.py", "large_inputs.py", "stance_model.py", "book_entities.py"],
)
def test_the_benchmarks_still_start(script):
    """Not run in the suite (they time things), but they must not rot: they import and parse."""
    path = ROOT / "tests" / "benchmarks" / script
    result = subprocess.run(
        [sys.executable, str(path), "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
