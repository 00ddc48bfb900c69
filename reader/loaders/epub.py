"""EPUB (2 and 3): the chapters of the spine, in reading order, as blocks.

The archive is read through ``archive.open_archive`` (bounded decompression).
``META-INF/container.xml`` names the package document (OPF); its metadata
gives the title and author, its spine the chapters. Each chapter is XHTML,
turned into blocks by the HTML loader's walk over the visible text (never
trafilatura's main-text extraction, which can drop real paragraphs of a book).

Only members of the archive are read: a reference that leaves it, a remote
URL, a DTD or an external entity is never followed, and nothing is fetched.
"""

from __future__ import annotations

import re
from html.entities import html5

from lxml import etree
from lxml.html import HtmlElement

from ..errors import CorruptFile, DecodeError, UnsupportedFormat
from .archive import Archive, open_archive, resolve
from .build import Parsed, Part, assemble, clean_inline, place_title
from .decode import decode_text
from .html import drop_hidden, parse_tree, visible_parts
from .limits import check_text

_CONTAINER = "META-INF/container.xml"
_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})
_CHAPTER_SUFFIXES = (".xhtml", ".html", ".htm", ".xml")
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def xml_parser() -> etree.XMLParser:
    """A parser that loads no DTD, resolves no entity and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_epub(data: bytes, name: str) -> Parsed:
    with open_archive(data, name, "EPUB") as archive:
        opf_path = _package_path(archive, name)
        package = _xml(archive, opf_path, name)
        title = _first_text(package, "//opf:metadata/dc:title")
        metadata: dict[str, str] = {}
        creators = package.xpath("//opf:metadata/dc:creator", namespaces=_NS)
        authors = [clean_inline("".join(c.itertext())) for c in creators]
        if any(authors):
            metadata["author"] = ", ".join(a for a in authors if a)
        date = _first_text(package, "//opf:metadata/dc:date")
        if date:
            metadata["date"] = date
        parts: list[Part] = []
        length = 0
        for member in _spine(package, opf_path):
            if member in archive:
                chapter = _chapter_parts(archive.read(member), name)
                length += sum(len(part.text) for part in chapter)
                check_text(length, name)  # before the next chapter: a small EPUB can unpack far
                parts.extend(chapter)
    return assemble(place_title(parts, title), title, metadata)


def _package_path(archive: Archive, name: str) -> str:
    if _CONTAINER in archive:
        container = _xml(archive, _CONTAINER, name)
        for full_path in container.xpath("//c:rootfile/@full-path", namespaces=_NS):
            member = resolve("", str(full_path))
            if member and member in archive:
                return member
    for member in archive.names():  # a missing or wrong container: any package document
        if member.lower().endswith(".opf"):
            return member
    raise CorruptFile(f'"{name}" is not a valid EPUB file: it has no package document (OPF).')


def _xml(archive: Archive, member: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(archive.read(member), xml_parser())
    except etree.XMLSyntaxError as error:
        raise CorruptFile(f'"{name}" is not a valid EPUB file: "{member}" is damaged.') from error


def _first_text(root: etree._Element, path: str) -> str:
    for element in root.xpath(path, namespaces=_NS):
        text = clean_inline("".join(element.itertext()))
        if text:
            return text
    return ""


def _spine(package: etree._Element, opf_path: str) -> list[str]:
    """Archive members of the linear spine items that are chapters, in reading order."""
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in package.xpath("//opf:manifest/opf:item", namespaces=_NS):
        manifest[str(item.get("id", ""))] = (
            str(item.get("href", "")),
            str(item.get("media-type", "")).lower(),
            str(item.get("properties", "")),
        )
    members: list[str] = []
    for itemref in package.xpath("//opf:spine/opf:itemref", namespaces=_NS):
        if str(itemref.get("linear", "yes")).lower() == "no":
            continue
        entry = manifest.get(str(itemref.get("idref", "")))
        if entry is None:
            continue
        href, media_type, properties = entry
        if "nav" in properties.split():
            continue
        if media_type not in _CHAPTER_TYPES and not href.lower().endswith(_CHAPTER_SUFFIXES):
            continue
        member = resolve(opf_path, href)
        if member is not None and member not in members:
            members.append(member)
    return members


def _chapter_parts(raw: bytes, name: str) -> list[Part]:
    tree = _chapter_tree(raw, name)
    if tree is None:
        return []
    drop_hidden(tree)
    return visible_parts(tree)


def _chapter_tree(raw: bytes, name: str) -> HtmlElement | None:
    """XHTML read as XML (so ``<title/>`` and friends mean what they say), else as HTML.

    Entities are never expanded from a DTD (no "billion laughs"): a reference to
    one of HTML's named characters becomes that character, any other is dropped,
    and an internal DTD never shows up as text.
    """
    try:
        root = etree.fromstring(raw, xml_parser())
    except etree.XMLSyntaxError:
        try:
            text = decode_text(raw, name)
        except (DecodeError, UnsupportedFormat) as error:
            message = f'"{name}" is not a valid EPUB file: a chapter is damaged.'
            raise CorruptFile(message) from error
        return parse_tree(_ENTITY_REF.sub(_named_character, _INTERNAL_DTD.sub("", text, 1)))
    _replace_entity_refs(root)
    return parse_tree(etree.tostring(root, method="html", encoding="unicode"))


_INTERNAL_DTD = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_ENTITY_REF = re.compile(r"&([A-Za-z][\w.-]*);")


def _named_character(match: re.Match[str]) -> str:
    return html5.get(match.group(1) + ";", "")


def _replace_entity_refs(root: etree._Element) -> None:
    """Each unexpanded entity reference as HTML's character of that name, or nothing."""
    for ref in list(root.iter(etree.Entity)):
        value = html5.get(ref.name + ";", "") + (ref.tail or "")
        parent = ref.getparent()
        if parent is None:
            continue
        previous = ref.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + value
        else:
            parent.text = (parent.text or "") + value
        parent.remove(ref)
