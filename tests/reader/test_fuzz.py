"""Property-based tests: every loader, fed random and mutated bytes, returns or says why not.

The only acceptable outcomes are a parsed document or a ``ReaderError``, within a
time bound. Mutations start from valid documents of each format (built by the
tests): truncation, flipped bytes, inserted junk, deleted or repeated slices,
and for archives the same done to a member before it is zipped again.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.loaders import Parsed, formats, load_document
from reader.loaders.registry import detect
from tests.reader import format_samples as samples

# Per loader and strategy; READER_FUZZ_EXAMPLES=2000 for a long run.
EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "50"))
# Seconds for one input. Most take milliseconds; the bound catches hangs and
# blow-ups, and is wide because this machine's two cores are shared and noisy.
TIME_BOUND = 15.0
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the explicit bound below; hypothesis' deadline flakes under load
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def seeds() -> dict[str, bytes]:
    """A valid document of each format, the seed of its mutations."""
    built = _build_seeds()
    for fmt in formats():  # each seed is valid, and lazy imports are done before any timing
        assert fmt.parse(built[fmt.name], f"seed.{fmt.name}").blocks
    return built


def _build_seeds() -> dict[str, bytes]:
    return {
        "pdf": samples.pdf_bytes(compress=False),
        "epub": samples.epub_bytes(),
        "docx": samples.docx_bytes(),
        "odt": samples.odt_bytes(),
        "rtf": samples.rtf_bytes(),
        "html": samples.xhtml("Pier", samples.PARAGRAPHS).encode(),
        "markdown": ("# Pier\n\n" + "\n\n".join(samples.PARAGRAPHS)).encode(),
        "text": "\n\n".join(samples.PARAGRAPHS).encode(),
    }


INNER = {"epub": "OEBPS/text/ch1.xhtml", "docx": "word/document.xml", "odt": "content.xml"}
LOADERS = {fmt.name: fmt.parse for fmt in formats()}


def test_every_registered_format_is_fuzzed():
    assert set(LOADERS) == set(seeds())


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` changed by one to three random edits."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        if not out:
            break
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat"]))
        at = draw(st.integers(0, len(out) - 1))
        if op == "truncate":
            del out[at:]
        elif op == "flip":
            for index in draw(st.lists(st.integers(0, len(out) - 1), min_size=1, max_size=16)):
                out[index] ^= draw(st.integers(1, 255))
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del out[at : at + draw(st.integers(1, 256))]
        else:
            out[at:at] = out[at : at + draw(st.integers(1, 256))] * draw(st.integers(1, 8))
    return bytes(out)


def check(parse: Callable[[bytes, str], Parsed], data: bytes, name: str) -> None:
    started = time.perf_counter()
    try:
        parsed = parse(data, name)
    except ReaderError as error:
        message = str(error)
        assert message and "\n" not in message
        assert name in message
    else:
        assert isinstance(parsed, Parsed)
        for block in parsed.blocks:
            assert 0 <= block.start < block.end <= len(parsed.text)
            assert "\n" not in parsed.text[block.start : block.end]
    assert time.perf_counter() - started < TIME_BOUND


@pytest.mark.parametrize("fmt", sorted(seeds()))
@FUZZ
@given(data=st.data())
def test_mutated_documents(fmt, data):
    content = data.draw(mutated(seeds()[fmt]), label="content")
    check(LOADERS[fmt], content, f"fuzz.{fmt}")


@pytest.mark.parametrize("fmt", sorted(INNER))
@FUZZ
@given(data=st.data())
def test_mutated_archive_members(fmt, data):
    seed = seeds()[fmt]
    member = INNER[fmt]
    inner = zipfile.ZipFile(io.BytesIO(seed)).read(member)
    content = samples.replace_member(seed, member, data.draw(mutated(inner), label="member"))
    check(LOADERS[fmt], content, f"fuzz.{fmt}")


@pytest.mark.parametrize("fmt", sorted(seeds()))
@FUZZ
@given(content=st.binary(max_size=4096))
def test_random_bytes(fmt, content):
    check(LOADERS[fmt], content, f"fuzz.{fmt}")


@FUZZ
@given(
    content=st.one_of(st.binary(max_size=2048), st.sampled_from(list(seeds().values()))),
    suffix=st.sampled_from([".txt", ".pdf", ".epub", ".docx", ".odt", ".rtf", ".html", ""]),
)
def test_load_document_detects_and_never_crashes(tmp_path_factory, content, suffix):
    path: Path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(content)
    try:
        document = load_document(path)
    except ReaderError as error:
        assert path.name in str(error)
    else:
        assert document.format == detect(content, path).name
