"""Large and pathological inputs: time and peak memory of loading (and analysing) each.

    python tests/benchmarks/large_inputs.py [--analyse]

Each input is generated in a temporary folder (no corpus text), then read by
``load_document`` in a fresh process; with ``--analyse`` the documents that
load are analysed too (every stage). The table gives the outcome (loaded, or
the one-line refusal), the wall time, the peak of the process's resident memory
above what it held before (it had imported the reader, and loaded the model
with ``--analyse``), sampled every 2 ms, and that as a multiple of the size of
the text (of the file, when it is refused). It asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from resources import sample_article  # noqa: E402

MB = 1024 * 1024
WORDS = str.split(
    "the ferry crossed harbour council storm pier timetable engineers said would "
    "island crossing passengers freight slipway winter morning boat captain"
)

PROBE = textwrap.dedent(
    """
    import json, os, sys, threading, time
    sys.path.insert(0, {root!r})
    import reader
    from reader import loaders
    from reader import nlp

    PAGE = os.sysconf("SC_PAGE_SIZE")

    def resident() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * PAGE

    # Every library a loader may import on first use, so its import is not measured.
    import charset_normalizer, docx, lxml.html, markdown_it, pypdf, striprtf, trafilatura
    reader.load_document({sample!r})
    if {analyse!r}:
        nlp.load_model()
    peak = [0]
    done = threading.Event()

    def sample() -> None:  # the true peak of the measured part, every 2 ms
        while not done.wait(0.002):
            peak[0] = max(peak[0], resident())

    before = resident()
    threading.Thread(target=sample, daemon=True).start()
    started = time.perf_counter()
    outcome, chars = "", 0
    try:
        document = reader.load_document(sys.argv[1])
        chars = len(document.text)
        outcome = f"loaded: {{chars:,}} characters, {{len(document.blocks):,}} blocks"
        if {analyse!r}:
            analysis = reader.analyze(document)
            outcome += f"; {{len(analysis.sentences):,}} sentences"
            if analysis.notes:
                outcome += "; " + "; ".join(n.message for n in analysis.notes)
    except reader.ReaderError as error:
        outcome = "refused: " + str(error)
    seconds = time.perf_counter() - started
    done.set()
    peak[0] = max(peak[0], resident())
    print(json.dumps({{"outcome": outcome, "seconds": seconds,
                      "extra_kb": (peak[0] - before) // 1024, "chars": chars}}))
    """
)


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def short_lines(size: int, rng: random.Random, count: int | None = None) -> str:
    lines: list[str] = []
    total = 0
    while total < size and (count is None or len(lines) < count):
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def one_line(size: int, rng: random.Random) -> str:
    parts, total = [], 0
    while total < size:
        part = sentence(rng, rng.randint(5, 20))
        parts.append(part)
        total += len(part) + 1
    return " ".join(parts)


def html_page(size: int, rng: random.Random) -> str:
    paragraphs, total = [], 0
    while total < size:
        paragraph = f"<p>{' '.join(sentence(rng, 12) for _ in range(5))}</p>\n"
        paragraphs.append(paragraph)
        total += len(paragraph)
    body = "".join(paragraphs)
    head = "<html><head><title>Big page</title></head>"
    return f"{head}<body><article>{body}</article></body></html>"


def epub(chapters: int, chapter_size: int, rng: random.Random) -> bytes:
    text = one_line(chapter_size, rng)
    chapter = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title/></head><body><p>{text}</p></body></html>"
    )
    items = "".join(
        f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>'
        for n in range(chapters)
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(chapters))
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Big</dc:title>'
        f"</metadata><manifest>{items}</manifest><spine>{spine}</spine></package>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container, zipfile.ZIP_DEFLATED)
        archive.writestr("content.opf", opf, zipfile.ZIP_DEFLATED)
        for n in range(chapters):
            archive.writestr(f"c{n}.xhtml", chapter, zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def inputs(folder: Path) -> list[tuple[str, Path]]:
    rng = random.Random(7)
    made = {
        "short lines, 49 MB (.txt)": ("short-49.txt", short_lines(49 * MB, rng)),
        "one line, 49 MB (.txt)": ("line-49.txt", one_line(49 * MB, rng)),
        "plain web page, 40 MB (.html)": ("page-40.html", html_page(40 * MB, rng)),
        "web page, 9 MB (.html)": ("page-9.html", html_page(9 * MB, rng)),
        "200 chapters of 1 MB (.epub)": ("chapters.epub", epub(200, MB, rng)),
        "emphasis marks, 3 MB (.md)": ("marks.md", "# Marks\n\n" + "a*" * (3 * MB // 2)),
        "short lines, 240,000 (.txt)": ("short-240k.txt", short_lines(49 * MB, rng, 240_000)),
        "one line, 2 MB (.txt)": ("line-2.txt", one_line(2 * MB, rng)),
    }
    paths = []
    for label, (name, content) in made.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append((label, path))
    return paths


def measure(path: Path, analyse: bool) -> dict[str, object]:
    probe = PROBE.format(root=str(ROOT), analyse=analyse, sample=str(sample_article()))
    result = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyse", action="store_true", help="analyse what loads, too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="large-inputs-") as folder:
        rows = []
        for label, path in inputs(Path(folder)):
            found = measure(path, analyse=args.analyse)
            chars = int(found["chars"]) or path.stat().st_size  # refused: the file's size
            extra_mb = int(found["extra_kb"]) / 1024
            rows.append(
                [
                    label,
                    f"{found['seconds']:.2f} s",
                    f"{extra_mb:,.0f} MB",
                    f"{extra_mb * MB / chars:.1f}x",
                    str(found["outcome"])[:110],
                ]
            )
        header = ["input", "time", "peak above idle", "per text size", "outcome"]
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, ["-" * w for w in widths], *rows]:
            print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
