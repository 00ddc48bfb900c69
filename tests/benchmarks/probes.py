"""What the benchmark watches besides time: peak memory per process, a busy core, and
what held the window's GIL when it stalled.

- ``Peaks``: the peak resident memory of this process and of the parse workers over
  one stretch (Linux: the kernel's high-water mark, reset through ``clear_refs``).
- ``busy_core()``: another CPU-bound process for as long as it is held, so that the
  window's stalls are measured as on a slower or busier machine.
- ``StallWatch``: a watchdog that dumps every thread's Python stack whenever the GUI
  thread has not run for ``threshold_ms`` (``faulthandler`` dumps without taking the
  GIL); ``culprits`` counts the innermost frames of the other threads in those dumps,
  which name the long calls that held the GIL, or the GUI thread's own work; and the
  GUI thread's own CPU time in each stall tells its own work from a wait.
"""

from __future__ import annotations

import contextlib
import faulthandler
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path


def _status_mb(pid: int | str, field: str) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak(pid: int | str) -> None:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/clear_refs", "w") as refs:
        refs.write("5")  # resets VmHWM to the current resident size


class Peaks:
    """Peak resident memory of this process and of ``workers()``'s processes from
    ``start()`` on (MB)."""

    def __init__(self, workers) -> None:
        self.workers = workers  # () -> list of pids

    def start(self) -> None:
        for pid in ["self", *self.workers()]:
            _reset_peak(pid)

    def own_mb(self) -> float | None:
        return _status_mb("self", "VmHWM")

    def largest_worker_mb(self) -> float | None:
        peaks = [mb for pid in self.workers() if (mb := _status_mb(pid, "VmHWM")) is not None]
        return max(peaks, default=None)


@contextlib.contextmanager
def busy_core(enabled: bool = True) -> Iterator[None]:
    """Another process spinning on one core while the block runs (if ``enabled``)."""
    if not enabled:
        yield
        return
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        spinner.kill()
        spinner.wait()


class StallWatch:
    """Dumps every thread's stack when the GUI thread misses ``threshold_ms``.

    Call ``tick()`` from the GUI thread at each timer tick (it re-arms the
    watchdog); ``stop()`` when done; then ``culprits()``.
    """

    def __init__(self, threshold_ms: float = 40.0) -> None:
        self.threshold = threshold_ms / 1000
        #: Each stall: (its length, the GUI thread's own CPU time in it), ms. A stall
        #: the GUI thread spent on the CPU is its own work (Qt's layout, a slot); one
        #: it did not is a wait: for the GIL, or for a free core.
        self.stalls: list[tuple[float, float]] = []
        self._last: tuple[float, float] | None = None
        # open for the watch's whole life: the watchdog writes to its descriptor
        self._file = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="stalls-", suffix=".txt", delete=False
        )
        self.path = Path(self._file.name)

    def tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())
        if self._last is not None and now[0] - self._last[0] > self.threshold:
            self.stalls.append(((now[0] - self._last[0]) * 1000, (now[1] - self._last[1]) * 1000))
        self._last = now
        faulthandler.cancel_dump_traceback_later()
        faulthandler.dump_traceback_later(self.threshold, repeat=False, file=self._file)

    def stop(self) -> None:
        self._last = None
        faulthandler.cancel_dump_traceback_later()
        self._file.flush()

    def culprits(self, top: int = 8) -> list[tuple[str, int]]:
        """What each dump caught, counted: the busy threads' innermost frame (and the
        project's innermost frame under it), or that no Python thread was busy (the GUI
        thread in Qt's own code, or waiting for a core)."""
        text = self.path.read_text(encoding="utf-8", errors="replace")
        found: Counter[str] = Counter()
        for dump in text.split("Timeout (")[1:]:
            busy = []
            for thread in re.split(r"\n(?=(?:Current thread|Thread) 0x)", dump)[1:]:
                frames = re.findall(r'File "([^"]+)", line (\d+) in (\S+)', thread)
                if not frames or frames[0][2] in _WAITING:
                    continue
                gui = any(name in ("window_run", "browse_lateness") for _, _, name in frames)
                if gui and frames[0][2] in ("window_run", "browse_lateness"):
                    continue  # in Qt's event loop: not Python's doing
                own = next((f for f in frames if "/reader/" in f[0] or "/ui/" in f[0]), frames[0])
                where = _frame(frames[0]) + ("" if own == frames[0] else f" ← {_frame(own)}")
                busy.append(f"{'GUI' if gui else 'analysis'}: {where}")
            for where in busy or ["no Python code running: Qt's own work, or no free core"]:
                found[where] += 1
        return found.most_common(top)


#: Innermost frames of a thread that waits (a lock, a pipe, a queue): not a culprit.
_WAITING = frozenset(
    {"wait", "_wait_for_tstate_lock", "get", "select", "poll", "_poll", "_send", "_recv",
     "recv_bytes", "accept", "sleep", "acquire", "_recv_bytes", "readinto"}
)  # fmt: skip


def _frame(frame: tuple[str, str, str]) -> str:
    path, line, name = frame
    parts = Path(path).parts
    short = "/".join(parts[-2:]) if len(parts) > 1 else path
    return f"{short}:{line} {name}"
