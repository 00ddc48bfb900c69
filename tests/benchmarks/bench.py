"""Article Reader's speed benchmark: prints tables of medians, asserts nothing.

    python tests/benchmarks/bench.py [--runs 3] [--stock-timeout 120] [--skip-stock]
                                     [--books GLOB] [--skip-stance-model] [FILE ...]

Workloads: the bundled sample, a long article (about 6,000 words) and books
(``../shared/long/*.txt`` beside the checkout when present, plus any FILE).
Figures, each the median over ``--runs`` runs in this one process:

- process start to window shown (a fresh interpreter each run);
- window shown to article text visible, summary, entities, stance, portrayal
  (each name's portrayal counted), everything (every stage done, the job
  finished), with the spaCy model warm and the analysis cache off; then
  reopening the same file with the cache on;
- the GUI thread's stalls while a file is analysed: how late a 5 ms timer fires
  (longest and 99th percentile); and while the analysed file is browsed: its
  most mentioned entities highlighted and stepped through, the text scrolled;
- per summariser, our time and stock sumy's time on the same sentences, their
  ratio, and whether both pick the same sentences (on articles; a book's stock
  run stops at ``--stock-timeout`` seconds);
- peak memory of this process and of its worker processes;
- the stance model per (sentence, target) on one core (``stance_model.py``, run
  in a child process pinned to one core).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from queue import Empty

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
if "ARTICLE_READER_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.TemporaryDirectory(prefix="bench-cache-")  # removed at exit
    os.environ["ARTICLE_READER_CACHE_DIR"] = _CACHE.name

import reader  # noqa: E402
from reader.options import ALGORITHMS, NEWS  # noqa: E402
from reader.run import parallel  # noqa: E402
from reader.summary.summarize import raters as summarizer_raters  # noqa: E402
from reader.summary.summarize import summarize  # noqa: E402
from resources import sample_article  # noqa: E402
from tests.benchmarks.probes import Peaks, StallWatch, busy_core  # noqa: E402

SHARED_LONG = ROOT.parent / "shared" / "long"
LONG_ARTICLE_WORDS = 6000
#: The columns of the window's table: when each stage's result arrived.
STAGE_COLUMNS = ("text", "summary", "entities", "stance", "portrayal", "everything")


# --- workloads --------------------------------------------------------------------


@dataclass
class Workload:
    name: str
    path: Path
    is_article: bool
    words: int = 0


def long_article(folder: Path) -> Path:
    """About 6,000 words of running prose: the start of a book, or the sample repeated."""
    source = SHARED_LONG / "pg11.txt"
    if source.exists():
        text = source.read_text(encoding="utf-8")
        start = text.find("CHAPTER I.")
        words = text[max(start, 0) :].split(" ")
        text = " ".join(words[:LONG_ARTICLE_WORDS])
    else:
        sample = sample_article().read_text(encoding="utf-8")
        text = "\n\n".join([sample] * (LONG_ARTICLE_WORDS // max(1, len(sample.split())) + 1))
    path = folder / "long-article.txt"
    path.write_text(text, encoding="utf-8")
    return path


def workloads(extra: list[str], folder: Path, books: str = "pg*.txt") -> list[Workload]:
    found = [
        Workload("sample article", sample_article(), True),
        Workload("long article", long_article(folder), True),
    ]
    shelf = sorted(SHARED_LONG.glob(books)) if books and SHARED_LONG.is_dir() else []
    found += [Workload(f"book {p.name}", p, False) for p in shelf]
    found += [Workload(f"file {Path(p).name}", Path(p), False) for p in extra]
    for workload in found:
        workload.words = len(workload.path.read_text(encoding="utf-8", errors="replace").split())
    return found


# --- start-up -------------------------------------------------------------------------

STARTUP_PROBE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from ui.app import create_application
    from ui.main_window import MainWindow
    app = create_application()
    window = MainWindow()
    window.show()
    def shown():
        print(time.monotonic(), flush=True)
        window.close()
        app.quit()
    QTimer.singleShot(0, shown)
    app.exec()
    """
)


def startup_seconds() -> float:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return float(result.stdout.strip().splitlines()[-1]) - started


# --- the window --------------------------------------------------------------------


@dataclass
class WindowRun:
    text: float = float("nan")
    summary: float = float("nan")
    entities: float = float("nan")
    stance: float = float("nan")
    portrayal: float = float("nan")
    everything: float = float("nan")
    lateness_ms: list[float] = field(default_factory=list)


def window_run(window, path: Path, timeout_s: float = 600, watch=None) -> WindowRun:
    """Open ``path`` in ``window`` and time each stage's arrival on the GUI thread
    (``watch``, a ``probes.StallWatch``, sees each tick of the GUI thread)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

    run = WindowRun()
    clock = QElapsedTimer()
    loop = QEventLoop()
    controller = window.controller

    def seconds() -> float:
        return clock.nsecsElapsed() / 1e9

    def on_document(_document) -> None:
        if run.text != run.text:
            run.text = seconds()

    updates: list[float] = []  # when each analysis arrived

    def on_analysis(analysis) -> None:
        now = seconds()
        updates.append(now)
        if analysis.summary is not None and run.summary != run.summary:
            run.summary = now
        if analysis.entities and run.entities != run.entities:
            run.entities = now
        if analysis.statements and run.stance != run.stance:
            run.stance = now
        if analysis.portrayals and run.portrayal != run.portrayal:
            run.portrayal = now
            if run.stance != run.stance and len(updates) > 1:
                run.stance = updates[-2]  # no statements: the stance stage came just before

    def on_finished() -> None:
        run.everything = seconds()
        loop.quit()

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(5)
    last = [0.0]

    def tick() -> None:
        now = seconds()
        run.lateness_ms.append(max(0.0, (now - last[0]) * 1000 - 5))
        last[0] = now
        if watch is not None:
            watch.tick()

    ticker.timeout.connect(tick)
    controller.documentLoaded.connect(on_document)
    controller.analysisUpdated.connect(on_analysis)
    controller.finished.connect(on_finished)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    clock.start()
    ticker.start()
    window.open_file(str(path))
    loop.exec()
    ticker.stop()
    if watch is not None:
        watch.stop()
    for signal, slot in (
        (controller.documentLoaded, on_document),
        (controller.analysisUpdated, on_analysis),
        (controller.finished, on_finished),
    ):
        signal.disconnect(slot)
    for stage in ("summary", "entities", "stance", "portrayal"):
        if getattr(run, stage) != getattr(run, stage):  # the stage found nothing
            setattr(run, stage, run.everything)
    return run


def browse_lateness(window) -> list[float]:
    """Timer lateness (ms) while a person browses the analysed article: the three
    entities with most mentions highlighted in turn, 30 steps through each one's
    mentions, then the whole text scrolled in 200 steps."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    def pause(ms_: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms_, loop.quit)
        loop.exec()

    clock = time.perf_counter
    lateness: list[float] = []
    last = [clock()]

    def tick() -> None:
        now = clock()
        lateness.append(max(0.0, (now - last[0]) * 1000 - 5))
        last[0] = now

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    ticker.start()
    sidebar = window.entity_sidebar
    for entity in sorted(sidebar.entities(), key=lambda e: -e.count)[:3]:
        sidebar.select_entity(entity)
        pause(50)
        for _ in range(30):
            sidebar.next_mention()
            pause(15)
    bar = window.article_view.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 200)):
        bar.setValue(value)
        pause(8)
    ticker.stop()
    return lateness


def make_window(use_cache: bool):
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.tasks import AnalysisController

    folder = Path(tempfile.mkdtemp(prefix="bench-settings-"))
    settings = Settings(QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    try:
        from reader.run.cache import AnalysisCache

        cache = AnalysisCache(folder / "cache.sqlite3") if use_cache else None
        controller = AnalysisController(cache=cache)
    except TypeError:  # a controller without a cache
        controller = AnalysisController()
    window = MainWindow(settings, controller)
    window.resize(1280, 800)
    window.show()
    return window


# --- summarisers ------------------------------------------------------------------


def _stock_worker(document, sentences, algorithm: str, length: str, queue) -> None:
    started = time.perf_counter()
    summary = summarize(document, sentences, algorithm, length, engine="stock")
    queue.put((time.perf_counter() - started, [s.index for s in summary.sentences]))


def stock_timing(document, sentences, algorithm: str, length: str, timeout: float):
    """Stock sumy in a child process, so a run that takes forever can be stopped."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(
        target=_stock_worker, args=(document, sentences, algorithm, length, queue)
    )
    child.start()
    try:
        return queue.get(timeout=timeout)
    except Empty:
        return None
    finally:
        if child.is_alive():
            child.terminate()
        child.join()


def median_seconds(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


# --- output ----------------------------------------------------------------------------


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    print(f"\n## {title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def ms(seconds: float) -> str:
    return "—" if seconds != seconds else f"{seconds * 1000:,.0f} ms"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="more files to measure, e.g. books")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stock-timeout", type=float, default=60.0)
    parser.add_argument("--length", default="5", help="summary length (default 5)")
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument(
        "--books",
        default="pg*.txt",
        help="which books of ../shared/long to measure, a glob (default pg*.txt; '' for none)",
    )
    parser.add_argument(
        "--skip-stance-model", action="store_true", help="leave out stance_model.py's table"
    )
    parser.add_argument(
        "--busy",
        action="store_true",
        help="keep one core busy with another CPU-bound process during the analyses",
    )
    parser.add_argument(
        "--why-stalls",
        type=float,
        metavar="MS",
        help="dump every thread's stack when the GUI thread stalls over MS ms; list the culprits",
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    loads = workloads(args.files, folder, args.books)
    print(f"# Article Reader benchmark ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
    if args.busy:
        print("Busy: another process keeps one core busy during the analyses.")
    print("Workloads: " + ", ".join(f"{w.name} ({w.words:,} words)" for w in loads))

    startup = statistics.median(startup_seconds() for _ in range(args.runs))
    table("Start-up", ["measure", "median"], [["process start to window shown", ms(startup)]])

    from PySide6.QtCore import qInstallMessageHandler

    from ui.app import create_application

    def quiet(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform's chatter
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(quiet)
    app = create_application()
    window = make_window(use_cache=False)
    window_run(window, loads[0].path)  # warm the model and the worker processes
    rows, stalls, memory = [], [], []
    watch = StallWatch(args.why_stalls) if args.why_stalls else None
    peaks = Peaks(lambda: pool.pids() if (pool := parallel.running_pool()) else [])
    for workload in loads:
        peaks.start()
        with busy_core(args.busy):
            runs = [window_run(window, workload.path, watch=watch) for _ in range(args.runs)]
        memory.append([workload.name, mb(peaks.own_mb()), mb(peaks.largest_worker_mb())])

        def med(stage: str, runs: list[WindowRun] = runs) -> str:
            return ms(statistics.median(getattr(r, stage) for r in runs))

        rows.append(
            [
                workload.name,
                *(med(s) for s in STAGE_COLUMNS),
            ]
        )
        late = [x for r in runs for x in r.lateness_ms]
        stalls.append(
            [workload.name, f"{max(late, default=0):.0f} ms", f"{percentile(late, 0.99):.0f} ms"]
        )
    window.close()
    cached_window = make_window(use_cache=True)
    reopen, browsing = [], []
    for workload in loads:
        window_run(cached_window, workload.path)  # fills the cache
        again = [window_run(cached_window, workload.path).everything for _ in range(args.runs)]
        reopen.append([workload.name, ms(statistics.median(again))])
        late = browse_lateness(cached_window)
        browsing.append(
            [workload.name, f"{max(late, default=0):.0f} ms", f"{percentile(late, 0.99):.0f} ms"]
        )
    cached_window.close()
    app.processEvents()

    table(
        "Window shown to ... (model warm, cache off)",
        ["workload", *STAGE_COLUMNS],
        rows,
    )
    table("Reopening an analysed file (cache on)", ["workload", "everything"], reopen)
    table(
        "GUI thread stalls during analysis (5 ms timer lateness)",
        ["workload", "longest", "p99"],
        stalls,
    )
    table(
        "Peak memory during the analyses (resident; the window's process, the largest worker)",
        ["workload", "window", "worker"],
        memory,
    )
    if watch is not None:
        table(
            f"What ran when the GUI thread stalled over {args.why_stalls:.0f} ms "
            "(innermost frame ← the project's)",
            ["thread: frame", "dumps"],
            [[where, str(n)] for where, n in watch.culprits()] or [["no stall", "0"]],
        )
        longest = sorted(watch.stalls, reverse=True)[:5]
        table(
            "The longest stalls, and the GUI thread's own CPU time in them",
            ["stall", "GUI thread on the CPU"],
            [[f"{wall:,.0f} ms", f"{cpu:,.0f} ms"] for wall, cpu in longest] or [["—", "—"]],
        )
    table(
        "GUI thread stalls while highlighting and scrolling (5 ms timer lateness)",
        ["workload", "longest", "p99"],
        browsing,
    )

    rows, differences = [], []
    # sumy's algorithms import sumy and NLTK on first use (a second the News summariser
    # never pays): import them before timing, so the table times the summarisers
    summarizer_raters("fast")
    for workload in loads:
        document = reader.load_document(workload.path)
        sentences = reader.analyze(document, stages=()).sentences
        for algorithm in ALGORITHMS:
            ours, summary = median_seconds(
                partial(summarize, document, sentences, algorithm, args.length), args.runs
            )
            picks = [s.index for s in summary.sentences]
            if args.skip_stock or algorithm == NEWS:  # ours alone: no stock counterpart
                stock = None
            else:
                timeout = args.stock_timeout
                stock = stock_timing(document, sentences, algorithm, args.length, timeout)
            if stock is None:
                stock_s, ratio, same = (
                    "—",
                    "—",
                    "not run" if args.skip_stock or algorithm == NEWS else f"> {timeout:.0f} s",
                )
            else:
                stock_s, ratio = ms(stock[0]), f"{stock[0] / max(ours, 1e-6):,.1f}×"
                same = "yes" if stock[1] == picks else "NO"
                if stock[1] != picks:
                    differences.append(
                        f"{workload.name} / {algorithm}: ours {picks}, stock {stock[1]}"
                    )
            rows.append(
                [
                    workload.name,
                    ALGORITHMS[algorithm],
                    f"{len(sentences):,}",
                    ms(ours),
                    stock_s,
                    ratio,
                    same,
                ]
            )
    table(
        f"Summarisers ({args.length} sentences, sentences given)",
        ["workload", "algorithm", "sentences", "ours", "stock sumy", "speed-up", "same picks"],
        rows,
    )
    if differences:
        print("\nDifferent picks:\n" + "\n".join(differences))

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pool = parallel.running_pool()
    workers = [peak_mb(pid) for pid in pool.pids()] if pool is not None else []
    known = [mb for mb in workers if mb is not None]
    table(
        "Peak memory (resident)",
        ["process", "peak"],
        [
            ["this process (GUI + analysis)", f"{own:,.0f} MB"],
            ["largest parse worker", f"{max(known):,.0f} MB" if known else "—"],
            ["other child processes (start-up, stock sumy)", f"{children:,.0f} MB"],
        ],
    )
    if not args.skip_stance_model:
        stance_model_table()
    return 0


def stance_model_table() -> None:
    """``stance_model.py``'s table, from a fresh process pinned to one core."""
    script = Path(__file__).with_name("stance_model.py")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    print(result.stdout.rstrip() or f"\n(stance_model.py failed: {result.stderr.strip()})")


def mb(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} MB"


def peak_mb(pid: int) -> float | None:
    """A live process's peak resident memory (Linux only)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


if __name__ == "__main__":
    raise SystemExit(main())
