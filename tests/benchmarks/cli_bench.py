"""The command line's benchmark: a book from process start to JSON, batches against spaCy.

    python tests/benchmarks/cli_bench.py [--runs 3] [--articles 300] [--book PATH]
                                         [--skip-book] [--skip-batch] [--commands ...]

Prints tables of medians over ``--runs`` runs (it asserts nothing, but says
"NO" where a check fails):

- a book (``../shared/long/pg2701.txt``, *Moby-Dick*, when present), each
  command's wall time from process start to its JSON, and the peak resident
  memory of the command's process and of its largest worker; plus a check that
  the command line's summary reads the same sentences as the window's analysis
  (the sample, the long books);
- a batch of news articles (the dev articles of ``../shared/dev`` when present,
  else made-up ones): each command over all of them in one call, in articles a
  second and as the ratio to spaCy's own full pipeline (``nlp.pipe`` over the
  same texts in one process, the model's load left out; stock spaCy, and the
  model as this project loads it) measured in the same run;
- whether the batch's output is in the order of the files.

Timings move with the machine's load (shown); compare ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ARTICLE_READER_SHARED", ROOT.parent / "shared"))
DEV_SETS = ("summarization/bbc_dev.jsonl", "quotes/polnear_dev.jsonl")
COMMANDS = ("summarize", "entities", "stance")
PAGE = os.sysconf("SC_PAGE_SIZE")


# --- process trees: wall time and peak memory --------------------------------------------


@dataclass
class Run:
    seconds: float
    peaks_mb: dict[int, float] = field(default_factory=dict)  # pid -> peak resident MB
    stdout: str = ""
    returncode: int = 0
    cpu_seconds: float = 0.0  # user + system, the command and its workers

    @property
    def own_mb(self) -> float:
        return self.peaks_mb.get(self.root, 0.0)

    @property
    def worker_mb(self) -> float:
        return max((mb for pid, mb in self.peaks_mb.items() if pid != self.root), default=0.0)

    root: int = 0


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _peak_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def adopt_orphans() -> None:
    """Become the reaper of the commands' orphans (Linux): a process that outlives its
    command (the sentence workers' forkserver) is then waited for here, so that its CPU,
    and its workers', is counted with the command's."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap() -> None:
    """Wait for every child left (the command's orphans, see ``adopt_orphans``)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def run_tree(argv: list[str], **kwargs: object) -> Run:
    """Run ``argv``; its wall time and each process's peak memory (sampled every 20 ms)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]
    peaks: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            tree = _children()
            todo, seen = [process.pid], set()
            while todo:
                pid = todo.pop()
                if pid in seen:
                    continue
                seen.add(pid)
                mb = _peak_mb(pid)
                if mb is not None:
                    peaks[pid] = max(peaks.get(pid, 0.0), mb)
                todo.extend(tree.get(pid, []))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    _reap()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    run = Run(seconds, peaks, out.decode("utf-8", "replace"), process.returncode, cpu)
    run.root = process.pid
    return run


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from ui.launch import main; raise SystemExit(main())", *args]


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


# --- the book ------------------------------------------------------------------------------

SAME_SENTENCES = textwrap.dedent(
    """
    import sys
    from reader import analyze, analyze_progressively, load_document
    from reader.run import parallel

    if __name__ == "__main__":
        for path in sys.argv[1:]:
            document = load_document(path)
            window = next(analyze_progressively(document)).sentences  # every stage asked
            summary = analyze(document, stages=("summary",)).sentences  # the command's
            print(path, len(window), "yes" if window == summary else "NO")
        parallel.stop_workers()
    """
)


def book_tables(book: Path, runs: int) -> None:
    rows = []
    for command in COMMANDS:
        results = [
            run_tree(cli(command, str(book), "--format", "json"), env=ENV) for _ in range(runs)
        ]
        ok = all(r.returncode == 0 and json.loads(r.stdout) for r in results)
        rows.append(
            [
                command,
                f"{statistics.median(r.seconds for r in results):.2f} s",
                " / ".join(f"{r.seconds:.1f}" for r in results),
                f"{statistics.median(r.cpu_seconds for r in results):.1f} s",
                f"{statistics.median(r.own_mb for r in results):,.0f} MB",
                f"{statistics.median(r.worker_mb for r in results):,.0f} MB",
                "yes" if ok else "NO",
            ]
        )
    table(
        f"A book from process start to JSON ({book.name}, {words(book.read_text()):,} words)",
        ["command", "median", "runs (s)", "CPU", "peak: command", "peak: largest worker", "output"],
        rows,
    )
    from resources import sample_article

    files = [str(sample_article()), *sorted(str(p) for p in (SHARED / "long").glob("pg*.txt"))]
    result = subprocess.run(
        [sys.executable, "-c", SAME_SENTENCES, *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        check=False,
    )
    rows = [line.rsplit(" ", 2) for line in result.stdout.splitlines()]
    table(
        "The summary's sentences are the window's",
        ["file", "sentences", "same"],
        [[Path(p).name, f"{int(n):,}", same] for p, n, same in rows]
        or [["(failed)", result.stderr.strip()[-200:], "NO"]],
    )


# --- the batch -----------------------------------------------------------------------------


def dev_articles(folder: Path, count: int) -> list[Path]:
    """``count`` news articles as text files: the dev sets' when present, else made up."""
    texts: list[str] = []
    for name in DEV_SETS:
        path = SHARED / "dev" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                text, title = record["text"], record.get("title", "")
                texts.append(text if not title or text.startswith(title) else f"{title}\n\n{text}")
    if not texts:
        from tests.reader.test_parallel import generated_text

        texts = [generated_text(12, seed=n) for n in range(count)]
    paths = []
    for n, text in enumerate(texts[:count]):
        path = folder / f"article-{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


BASELINE = textwrap.dedent(
    """
    import importlib, json, sys, time
    from reader.nlp.model import MODEL_PACKAGES, _load
    texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
            break
        except ImportError:
            continue
    nlp = module.load() if sys.argv[1] == "stock" else _load(module)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    print(json.dumps([time.perf_counter() - started, time.process_time() - cpu]))
    """
)


def baseline_seconds(kind: str, paths: list[Path]) -> tuple[float, float]:
    """spaCy's full pipeline over ``paths`` in a fresh process: (wall, CPU) seconds."""
    result = subprocess.run(
        [sys.executable, "-c", BASELINE, kind, *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        check=True,
    )
    wall, cpu = json.loads(result.stdout)
    return float(wall), float(cpu)


def batch_tables(paths: list[Path], runs: int, commands: list[str]) -> None:
    count = len(paths)
    names = [str(p) for p in paths]
    measured: dict[str, list[tuple[float, float]]] = {"stock": [], "ours": []}
    ours: dict[str, list[Run]] = {c: [] for c in commands}
    ordered: dict[str, bool] = {}
    for _ in range(runs):  # interleaved, so that the load moves all of them alike
        measured["stock"].append(baseline_seconds("stock", paths))
        measured["ours"].append(baseline_seconds("ours", paths))
        for command in commands:
            run = run_tree(cli(command, *names, "--format", "jsonl"), env=ENV)
            ours[command].append(run)
            got = [json.loads(line)["path"] for line in run.stdout.splitlines()]
            ordered[command] = ordered.get(command, True) and got == names
    stock = statistics.median(w for w, _ in measured["stock"])
    stock_cpu = statistics.median(c for _, c in measured["stock"])
    own = statistics.median(w for w, _ in measured["ours"])
    own_cpu = statistics.median(c for _, c in measured["ours"])
    words_total = sum(words(p.read_text(encoding="utf-8")) for p in paths)
    rows = [
        ["spaCy's full pipeline, stock (nlp.pipe, one process)", f"{stock:.1f} s",
         f"{count / stock:.1f}", "1.00×", f"{stock_cpu:.1f} s", "1.00×", "", ""],
        ["spaCy's full pipeline, this project's model setup", f"{own:.1f} s",
         f"{count / own:.1f}", f"{own / stock:.2f}×", f"{own_cpu:.1f} s",
         f"{own_cpu / stock_cpu:.2f}×", "", ""],
    ]  # fmt: skip
    for command in commands:
        seconds = statistics.median(r.seconds for r in ours[command])
        cpu = statistics.median(r.cpu_seconds for r in ours[command])
        rows.append(
            [
                f"article-reader {command} (process start to end)",
                f"{seconds:.1f} s",
                f"{count / seconds:.1f}",
                f"{seconds / stock:.2f}×",
                f"{cpu:.1f} s",
                f"{cpu / stock_cpu:.2f}×",
                f"{statistics.median(r.worker_mb for r in ours[command]):,.0f} MB",
                "yes" if ordered[command] else "NO",
            ]
        )
    table(
        f"A batch of {count} articles ({words_total:,} words), medians of {runs}",
        ["run", "wall", "articles/s", "wall ratio to stock spaCy", "CPU", "CPU ratio",
         "peak: largest worker", "in order"],
        rows,
    )  # fmt: skip


# --- output --------------------------------------------------------------------------------


def words(text: str) -> int:
    return len(text.split())


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    print(f"\n## {title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--book", default=str(SHARED / "long" / "pg2701.txt"))
    parser.add_argument("--skip-book", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    args = parser.parse_args()
    adopt_orphans()
    print(
        f"# Article Reader: the command line ({os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f} at the start)"
    )
    book = Path(args.book)
    if not args.skip_book and book.exists():
        book_tables(book, args.runs)
    if not args.skip_batch:
        folder = Path(tempfile.mkdtemp(prefix="cli-bench-"))
        batch_tables(dev_articles(folder, args.articles), args.runs, args.commands)
    print(f"\n(load {os.getloadavg()[0]:.1f} at the end)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
