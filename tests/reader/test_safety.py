"""Zip bombs, path traversal, remote resources, local files outside the document, writes."""

from __future__ import annotations

import http.server
import io
import sys
import threading
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from reader import load_document
from reader.errors import ArchiveTooLarge, CorruptFile, DocumentTooLarge, UnsafeArchive
from reader.loaders import archive
from tests.reader import format_samples as samples
from tests.reader.format_samples import PARAGRAPHS

ARCHIVES = {
    "epub": ("OEBPS/text/ch1.xhtml", samples.epub_bytes),
    "docx": ("word/document.xml", samples.docx_bytes),
    "odt": ("content.xml", samples.odt_bytes),
}


# --- zip bombs ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(ARCHIVES))
def test_zip_bomb_is_refused_not_unpacked(write_file, fmt):
    member, build = ARCHIVES[fmt]
    bomb = samples.replace_member(
        build(), member, b"<p>" + b" " * (archive.MAX_MEMBER_BYTES + 1) + b"</p>"
    )
    path = write_file(f"bomb.{fmt}", bomb)
    assert path.stat().st_size < 200_000  # small on disk

    started = time.perf_counter()
    with pytest.raises(ArchiveTooLarge) as caught:
        load_document(path)
    assert time.perf_counter() - started < 2.0  # refused from the directory, not after inflating
    message = str(caught.value)
    assert f"bomb.{fmt}" in message
    assert "64 MB" in message


@pytest.mark.parametrize("fmt", sorted(ARCHIVES))
def test_an_archive_of_a_zip_version_python_cannot_read_is_refused_plainly(write_file, fmt):
    data = bytearray(ARCHIVES[fmt][1]())
    entry = data.index(b"PK\x01\x02")  # the first member's central directory entry
    data[entry + 6 : entry + 8] = (148).to_bytes(2, "little")  # "needs zip version 14.8"
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(io.BytesIO(data))  # what Python's zipfile does with it
    with pytest.raises(CorruptFile, match="zip version"):
        load_document(str(write_file(f"future.{fmt}", bytes(data))))


def test_high_compression_ratio_is_refused(write_file):
    bomb = samples.replace_member(samples.epub_bytes(), "OEBPS/text/ch1.xhtml", b"\x00" * (8 << 20))
    with pytest.raises(ArchiveTooLarge) as caught:
        load_document(write_file("ratio.epub", bomb))
    assert f"{archive.MAX_RATIO} times" in str(caught.value)


def test_member_that_lies_about_its_size_is_not_inflated_past_the_limit(write_file, monkeypatch):
    """A directory that declares a small size: the bytes actually inflated are counted."""
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 1 << 20)
    real = samples.replace_member(
        samples.epub_bytes(), "OEBPS/text/ch1.xhtml", b"<p>" + b"a" * (4 << 20)
    )
    info = next(
        i for i in zipfile.ZipFile(io.BytesIO(real)).infolist() if i.filename.endswith("ch1.xhtml")
    )
    declared = info.file_size.to_bytes(4, "little")
    lying = real.replace(declared, (1000).to_bytes(4, "little"))  # local header and directory
    assert lying != real

    with pytest.raises((ArchiveTooLarge, CorruptFile)):
        load_document(write_file("liar.epub", lying))


def test_too_many_members(write_file, monkeypatch):
    monkeypatch.setattr(archive, "MAX_ENTRIES", 50)
    extra = [(f"OEBPS/img/{n}.png", b"x") for n in range(60)]
    with pytest.raises(ArchiveTooLarge) as caught:
        load_document(write_file("many.epub", samples.epub_bytes(extra_members=extra)))
    assert "limit of 50" in str(caught.value)


def test_the_real_limits_are_sane():
    assert issubclass(ArchiveTooLarge, DocumentTooLarge)
    assert archive.MAX_MEMBER_BYTES >= 16 << 20  # a long book's chapter fits
    assert archive.MAX_RATIO >= 50  # XML compresses about 10x


# --- paths that leave the archive or the document -----------------------------------


def test_member_name_with_parent_parts_is_refused(write_file):
    data = samples.epub_bytes(extra_members=[("../../evil.xhtml", "<p>x</p>")])
    with pytest.raises(UnsafeArchive) as caught:
        load_document(write_file("escape.epub", data))
    assert "escape.epub" in str(caught.value)


@pytest.mark.parametrize(
    "name, expected", [("a/b.xml", True), ("../b", False), ("/etc/passwd", False), ("C:x", False)]
)
def test_safe_member_names(name, expected):
    assert archive.safe_member_name(name) is expected


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside the document's folder that no loader may read."""
    path = tmp_path / "secret.xhtml"
    path.write_text("<html><body><p>TOPSECRET contents</p></body></html>", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    return path


def test_epub_never_reads_files_outside_itself(tmp_path, secret):
    entity = f'<!DOCTYPE package [<!ENTITY leak SYSTEM "file://{secret}">]>'
    chapter = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        f'<p>Start &leak; end.</p><iframe src="file://{secret}"></iframe>'
        f'<object data="../secret.xhtml"></object><p>{PARAGRAPHS[0]}</p></body></html>'
    )
    # a spine item that points out of the archive, to the secret file next to it
    outside = '<item id="out" href="../../secret.xhtml" media-type="application/xhtml+xml"/>'
    data = samples.epub_bytes(
        [("c.xhtml", chapter)],
        opf_prefix=entity,
        extra_manifest=outside,
        extra_spine='<itemref idref="out"/>',
    )
    path = tmp_path / "docs" / "leak.epub"
    path.write_bytes(data)

    try:
        doc = load_document(path)
    except CorruptFile:
        return  # refusing is fine too; reading the secret is not
    assert "TOPSECRET" not in doc.text
    assert "TOPSECRET" not in doc.title


def test_html_never_reads_files_outside_itself(tmp_path, secret):
    page = (
        f'<!DOCTYPE html SYSTEM "file://{secret}"><html><head><title>Pier</title>'
        f'<link rel="stylesheet" href="../secret.xhtml"></head><body>'
        f'<iframe src="../secret.xhtml"></iframe><p>{PARAGRAPHS[0]}</p>'
        f'<img src="file://{secret}"></body></html>'
    )
    path = tmp_path / "docs" / "page.html"
    path.write_text(page, encoding="utf-8")

    doc = load_document(path)

    assert "TOPSECRET" not in doc.text


_OPENED: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _OPENED is not None and isinstance(args[0], str | bytes | Path):
        _OPENED.append(str(args[0]))


@pytest.fixture
def opened_files() -> Iterator[list[str]]:
    """The paths Python code opens while the test runs (an audit hook; C libraries excluded)."""
    global _OPENED
    if not getattr(sys, "_reader_audit_installed", False):
        sys.addaudithook(_audit)
        sys._reader_audit_installed = True  # type: ignore[attr-defined]
    _OPENED = []
    try:
        yield _OPENED
    finally:
        _OPENED = None


def every_format() -> dict[str, bytes]:
    return {
        "a.pdf": samples.pdf_bytes(),
        "b.epub": samples.epub_bytes(),
        "c.docx": samples.docx_bytes(),
        "d.odt": samples.odt_bytes(),
        "e.rtf": samples.rtf_bytes(),
        "f.html": f"<html><body><p>{PARAGRAPHS[0]}</p></body></html>".encode(),
    }


def test_loading_opens_only_the_document(tmp_path, opened_files):
    files = every_format()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        load_document(tmp_path / name)  # warm up: lazy imports open their modules
    opened_files.clear()

    for name in files:
        load_document(tmp_path / name)

    assert sorted(opened_files) == sorted(str(tmp_path / name) for name in files)


def test_loading_never_writes_to_the_file_or_its_folder(tmp_path):
    for name, data in every_format().items():
        (tmp_path / name).write_bytes(data)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()}
    folder_mtime = tmp_path.stat().st_mtime_ns

    for name in every_format():
        load_document(tmp_path / name)

    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()}
    assert after == before
    assert tmp_path.stat().st_mtime_ns == folder_mtime


# --- no network: a local server counts every request ---------------------------------


class _Counter(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b"body { color: red } /* remote */"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    _Counter.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Counter.requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def remote_page(base: str) -> str:
    return f"""<!DOCTYPE html SYSTEM "{base}/dtd">
<html><head><meta charset="utf-8"><title>Pier notes</title>
<meta http-equiv="refresh" content="0; url={base}/refresh">
<link rel="stylesheet" href="{base}/style.css"><link rel="preload" href="{base}/font.woff2">
<link rel="dns-prefetch" href="{base}/"><link rel="import" href="{base}/import.html">
<style>@import url("{base}/import.css"); @font-face {{ src: url({base}/f.woff) }}
body {{ background: url({base}/bg.png) }}</style>
<script src="{base}/script.js"></script>
<script>document.write('<img src="{base}/written.png">INJECTED'); fetch("{base}/fetch");</script>
</head><body onload="fetch('{base}/onload')">
<h1>Pier notes</h1>
<p>{PARAGRAPHS[0]}</p><img src="{base}/pier.jpg" srcset="{base}/pier2.jpg 2x">
<iframe src="{base}/frame.html"></iframe><object data="{base}/object.swf"></object>
<video poster="{base}/poster.jpg"><source src="{base}/clip.mp4"></video>
<p>{PARAGRAPHS[1]}</p><svg><image href="{base}/svg.png"/></svg>
<p>{PARAGRAPHS[2]}</p></body></html>
"""


def test_html_with_remote_resources_makes_no_request(write_file, counting_server):
    base, requests = counting_server
    doc = load_document(write_file("remote.html", remote_page(base)))

    assert PARAGRAPHS[0] in doc.text
    assert "INJECTED" not in doc.text  # no script ran
    assert requests == []
    _server_counts(base, requests)


def test_epub_with_remote_resources_makes_no_request(write_file, counting_server):
    base, requests = counting_server
    chapter = remote_page(base).replace("<!DOCTYPE html", "<!DOCTYPE x", 1)
    remote_item = f'<item id="r" href="{base}/remote.xhtml" media-type="application/xhtml+xml"/>'
    data = samples.epub_bytes(
        [("c.xhtml", chapter)], extra_manifest=remote_item, extra_spine='<itemref idref="r"/>'
    )

    doc = load_document(write_file("remote.epub", data))

    assert PARAGRAPHS[0] in doc.text
    assert "INJECTED" not in doc.text
    assert requests == []
    _server_counts(base, requests)


def _server_counts(base: str, requests: list[str]) -> None:
    """The server does count: one request from the test itself shows up."""
    with urllib.request.urlopen(f"{base}/probe", timeout=5) as response:
        response.read()
    assert requests == ["/probe"]
