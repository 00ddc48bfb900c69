"""AnalysisController with real files, the real spaCy model and real threads."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt

import reader
from reader.models import Analysis, AnalysisOptions, Document
from ui.tasks import AnalysisController

from .article_samples import long_article, short_article
from .window_helpers import TIMEOUT


class Recorder:
    """Everything the controller emits, in order."""

    def __init__(self, controller: AnalysisController) -> None:
        self.events: list[tuple[str, object]] = []
        controller.documentLoaded.connect(lambda d: self.events.append(("document", d)))
        controller.analysisUpdated.connect(lambda a: self.events.append(("analysis", a)))
        controller.summaryUpdated.connect(lambda s: self.events.append(("summary", s)))
        controller.stageChanged.connect(lambda t: self.events.append(("stage", t)))
        controller.failed.connect(lambda m: self.events.append(("failed", m)))
        controller.finished.connect(lambda: self.events.append(("finished", None)))

    def of(self, kind: str) -> list:
        return [payload for k, payload in self.events if k == kind]

    def mark(self) -> int:
        return len(self.events)


@pytest.fixture
def controller(qtbot, spacy_model) -> Iterator[AnalysisController]:
    ctrl = AnalysisController(cache=None)  # every open really analyses
    yield ctrl
    assert ctrl.shutdown(TIMEOUT)
    assert ctrl.pool.activeThreadCount() == 0
    ctrl.deleteLater()


def drain(controller: AnalysisController) -> None:
    """Let every job end and every queued signal be delivered."""
    assert controller.pool.waitForDone(TIMEOUT)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()


def test_open_emits_document_then_growing_analyses(controller, qtbot, write_file) -> None:
    path = write_file("bridge.txt", short_article())
    events = Recorder(controller)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        controller.submit_open(str(path), AnalysisOptions("lexrank", "2"))
    kinds = [k for k, _ in events.events if k in ("document", "analysis", "finished")]
    assert kinds[0] == "document" and kinds[-1] == "finished"
    assert set(kinds[1:-1]) == {"analysis"}
    document: Document = events.of("document")[0]
    assert document.text == reader.load_document(path).text
    analyses: list[Analysis] = events.of("analysis")
    assert analyses[0].summary is None  # the text and sentences come first
    final = analyses[-1]
    assert final.summary is not None and len(final.summary.sentences) == 2
    assert {e.name for e in final.entities} >= {"Maria Lopez"}
    for sentence in final.summary.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
    stages = events.of("stage")
    assert stages[0] == "Loading…"
    assert "Summarising…" in stages and "Finding entities…" in stages
    assert not events.of("failed")
    assert not controller.is_busy()


def test_second_open_drops_every_result_of_the_first(controller, qtbot, write_file) -> None:
    first = write_file("first.txt", long_article(200))
    second = write_file("second.txt", short_article("Second Article About Bridges"))
    expected = reader.analyze(reader.load_document(second), AnalysisOptions("lexrank", "3"))
    events = Recorder(controller)

    with qtbot.waitSignal(controller.documentLoaded, timeout=TIMEOUT):
        controller.submit_open(str(first), AnalysisOptions("lexrank", "3"))
    switch = events.mark()
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        controller.submit_open(str(second), AnalysisOptions("lexrank", "3"))
    drain(controller)  # the first job may still be winding down: let it try to emit

    later = events.events[switch:]
    documents = [p for k, p in later if k == "document"]
    assert [d.path for d in documents] == [str(second)]
    analyses = [p for k, p in later if k == "analysis"]
    assert analyses, "the second article was analysed"
    for analysis in analyses:
        assert analysis.sentences == expected.sentences
    assert analyses[-1].entities == expected.entities
    assert analyses[-1].summary == expected.summary
    assert events.of("finished") == [None]


def test_cancel_stops_forwarding(controller, qtbot, write_file) -> None:
    path = write_file("long.txt", long_article(200))
    events = Recorder(controller)
    with qtbot.waitSignal(controller.documentLoaded, timeout=TIMEOUT):
        controller.submit_open(str(path))
    assert controller.is_busy()
    with qtbot.waitSignal(controller.finished, timeout=1000):
        controller.cancel()
    after_cancel = events.mark()
    assert not controller.is_busy()
    drain(controller)
    assert events.events[after_cancel:] == []
    assert not events.of("failed")


def test_shutdown_mid_analysis_ends_all_threads(qtbot, write_file, spacy_model) -> None:
    controller = AnalysisController(cache=None)
    path = write_file("long.txt", long_article(200))
    events = Recorder(controller)
    with qtbot.waitSignal(controller.documentLoaded, timeout=TIMEOUT):
        controller.submit_open(str(path))
    assert controller.shutdown(TIMEOUT)
    assert controller.pool.activeThreadCount() == 0
    stopped = events.mark()
    QCoreApplication.processEvents()
    assert events.events[stopped:] == []
    assert controller.submit_open(str(path)) == -1  # closed for good
    assert controller.pool.activeThreadCount() == 0


def test_resummarise_is_debounced_and_reuses_sentences(controller, qtbot, write_file) -> None:
    path = write_file("bridge.txt", short_article())
    events = Recorder(controller)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        controller.submit_open(str(path), AnalysisOptions("lexrank", "2"))
    document = events.of("document")[0]
    analysis = events.of("analysis")[-1]
    start = events.mark()
    with qtbot.waitSignal(controller.summaryUpdated, timeout=TIMEOUT) as blocker:
        for length in ("1", "2", "3"):
            controller.submit_summary(document, analysis.sentences, AnalysisOptions("lead", length))
    drain(controller)
    summaries = [p for k, p in events.events[start:] if k == "summary"]
    assert summaries == [blocker.args[0]]
    summary = summaries[0]
    assert (summary.algorithm, summary.length, len(summary.sentences)) == ("lead", "3", 3)
    sentence_spans = {(s.start, s.end) for s in analysis.sentences}
    assert all((s.start, s.end) in sentence_spans for s in summary.sentences)
    # Nothing was loaded or parsed again.
    later_kinds = {k for k, _ in events.events[start:]}
    assert "document" not in later_kinds and "analysis" not in later_kinds


def test_summary_for_an_old_document_is_dropped_when_a_new_one_loads(
    controller, qtbot, write_file
) -> None:
    first = write_file("a.txt", short_article("First"))
    second = write_file("b.txt", short_article("Second"))
    events = Recorder(controller)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        controller.submit_open(str(first))
    doc, analysis = events.of("document")[0], events.of("analysis")[-1]
    start = events.mark()
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        controller.submit_open(str(second))
        controller.submit_summary(doc, analysis.sentences, AnalysisOptions("lead", "1"), delay_ms=0)
    drain(controller)
    later = events.events[start:]
    summaries = [p for k, p in later if k == "summary"]
    # Either the old summary arrived before the new document, or not at all.
    if summaries:
        kinds = [k for k, _ in later]
        assert kinds.index("summary") < kinds.index("document")


@pytest.mark.parametrize(
    ("name", "content"),
    [("missing.txt", None), ("empty.txt", b""), ("binary.txt", bytes(range(256)) * 64)],
)
def test_bad_files_fail_with_a_message(controller, qtbot, tmp_path, name, content) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    events = Recorder(controller)
    with qtbot.waitSignal(controller.failed, timeout=TIMEOUT) as blocker:
        controller.submit_open(str(path))
    drain(controller)
    message = blocker.args[0]
    assert isinstance(message, str) and message.strip()
    assert "Traceback" not in message
    assert not events.of("document") and not events.of("analysis")
    assert events.of("finished") == [None]


def test_bad_algorithm_fails_without_crashing(controller, qtbot, write_file) -> None:
    path = write_file("bridge.txt", short_article())
    events = Recorder(controller)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        controller.submit_open(str(path))
    document, analysis = events.of("document")[0], events.of("analysis")[-1]
    with qtbot.waitSignal(controller.failed, timeout=TIMEOUT):
        controller.submit_summary(
            document, analysis.sentences, AnalysisOptions("no-such-method", "3")
        )
    drain(controller)
    assert not events.of("summary")


def test_results_already_queued_for_an_old_article_are_dropped(
    controller, qtbot, write_file
) -> None:
    """A partial analysis emitted by the old job, still waiting in the GUI event queue
    when the user opens another file, never reaches the window."""
    first = write_file("first.txt", long_article(120))
    second = write_file("second.txt", short_article("Second"))
    worker_emitted = threading.Event()
    # Runs in the worker thread: tells the test that a payload is now queued.
    controller._relay.analysis.connect(
        lambda *_: worker_emitted.set(), Qt.ConnectionType.DirectConnection
    )
    events = Recorder(controller)
    controller.submit_open(str(first))
    # The job starts on the next turn of the event loop; then the GUI thread waits here.
    qtbot.waitUntil(lambda: controller.pool.activeThreadCount() > 0, timeout=TIMEOUT)
    assert worker_emitted.wait(TIMEOUT / 1000)  # the GUI thread has not delivered it yet
    assert events.of("analysis") == []
    switch = events.mark()
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        controller.submit_open(str(second))
    drain(controller)
    expected = reader.analyze(reader.load_document(second))
    later = events.events[switch:]
    assert [d.path for k, d in later if k == "document"] == [str(second)]
    analyses = [a for k, a in later if k == "analysis"]
    assert analyses and all(a.sentences == expected.sentences for a in analyses)
    # The first article's queued analysis was delivered to the controller and dropped.
    assert all(a.sentences == expected.sentences for a in events.of("analysis"))


def test_an_open_superseded_before_its_turn_never_starts(controller, qtbot, write_file) -> None:
    first = write_file("first.txt", short_article("First"))
    second = write_file("second.txt", short_article("Second"))
    started: list[int] = []
    # Runs in the worker thread: each job says "Loading…" first.
    controller._relay.stage.connect(
        lambda ticket, _text: started.append(ticket), Qt.ConnectionType.DirectConnection
    )
    events = Recorder(controller)
    old = controller.submit_open(str(first))
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        new = controller.submit_open(str(second))
    drain(controller)
    assert old not in started and new in started
    assert [d.path for d in events.of("document")] == [str(second)]
    # Cancelled before its turn: nothing starts, and the controller is idle.
    started.clear()
    controller.submit_open(str(first))
    controller.cancel()
    drain(controller)
    assert started == [] and not controller.is_busy()


def test_a_job_waits_for_the_window_to_take_each_result(controller, qtbot, write_file) -> None:
    from ui.tasks import HANDOVER_WAIT_S

    path = write_file("bridge.txt", short_article())
    reader.analyze(reader.load_document(path))  # warm: every stage now takes milliseconds
    emitted: list[object] = []
    first = threading.Event()

    def in_worker(_ticket, analysis, _shown) -> None:  # runs in the worker thread
        emitted.append(analysis)
        first.set()

    controller._relay.analysis.connect(in_worker, Qt.ConnectionType.DirectConnection)
    events = Recorder(controller)
    controller.submit_open(str(path))
    qtbot.waitUntil(lambda: controller.pool.activeThreadCount() > 0, timeout=TIMEOUT)
    assert first.wait(TIMEOUT / 1000)
    time.sleep(HANDOVER_WAIT_S / 2)  # the GUI thread is busy: the job does not go on
    assert len(emitted) == 1
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
        pass  # once the window takes results in, the job goes on to the end
    drain(controller)
    assert len(emitted) > 1 and events.of("analysis")[-1] is emitted[-1]


def test_a_result_counts_as_taken_once_the_window_has_repainted(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.tasks import AfterRepaint

    order: list[str] = []

    class Label(QLabel):
        def paintEvent(self, event) -> None:
            order.append("paint")
            super().paintEvent(event)

    label = Label("before")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitUntil(lambda: "paint" in order, timeout=TIMEOUT)
    order.clear()

    class Flag(threading.Event):
        def set(self) -> None:
            order.append("flag")
            super().set()

    after_repaint = AfterRepaint()
    flag = Flag()
    label.setText("after: a longer text")  # as a slot taking in a result would
    after_repaint.set_later(flag)
    assert not flag.is_set()
    qtbot.waitUntil(flag.is_set, timeout=TIMEOUT)
    assert order == ["paint", "flag"]


def test_the_result_is_stored_once_the_window_has_painted_it(qtbot, write_file, tmp_path) -> None:
    from reader.run.cache import AnalysisCache, cache_key
    from ui.tasks import HANDOVER_WAIT_S

    path = write_file("bridge.txt", short_article())
    document = reader.load_document(path)
    reader.analyze(document)  # warm: every stage now takes milliseconds
    cache = AnalysisCache(tmp_path / "analyses.sqlite3")
    controller = AnalysisController(cache=cache)
    complete = threading.Event()

    def in_worker(_ticket, analysis, _shown) -> None:  # runs in the worker thread
        if analysis.statements:
            complete.set()

    controller._relay.analysis.connect(in_worker, Qt.ConnectionType.DirectConnection)
    try:
        controller.submit_open(str(path))
        qtbot.waitUntil(lambda: controller.pool.activeThreadCount() > 0, timeout=TIMEOUT)
        assert complete.wait(TIMEOUT / 1000)
        time.sleep(HANDOVER_WAIT_S / 5)  # the GUI thread is busy: nothing is stored yet
        assert cache.get(cache_key(document)) is None
        with qtbot.waitSignal(controller.finished, timeout=TIMEOUT):
            pass
        assert cache.get(cache_key(document)) is not None
    finally:
        assert controller.shutdown(TIMEOUT)
