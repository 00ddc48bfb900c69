"""Office Open XML packages made plain for python-docx, which reads only the common case.

Three things python-docx cannot handle are settled here, on the parts of a
package already read through the bounded ``archive.Archive``:

- the main part is found through the package relationships (``_rels/.rels``)
  and the content types, wherever it is (not only ``word/document.xml``);
- Strict OOXML (ISO/IEC 29500 Strict, ``http://purl.oclc.org/ooxml/...``)
  has its namespaces and relationship types mapped to the Transitional ones;
- in the main part, the wrappers whose text python-docx skips are unwrapped:
  content controls (``w:sdt``, block, row, cell and inline level), custom XML
  and smart tags, tracked insertions and moves (``w:ins``, ``w:moveTo``),
  simple fields and bidirectional runs. Deleted text (``w:del``,
  ``w:moveFrom``) stays wrapped, so it is not read; a content control that
  shows its placeholder ("Click here to enter text.") loses its runs.

XML is parsed with ``epub.xml_parser`` (no DTD loaded, no entity resolved, no
network). A part that needs no change is passed on as it was read.
"""

from __future__ import annotations

from lxml import etree

from .archive import Archive, resolve
from .epub import xml_parser

PACKAGE_RELS = "_rels/.rels"
CONTENT_TYPES = "[Content_Types].xml"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Word's other main parts (template, macros) read the same; python-docx wants WORD_MAIN.
_WORD_VARIANTS = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroenabled.main+xml",
        "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
    }
)
_WORD_TYPES = _WORD_VARIANTS | {WORD_MAIN}

_OPC_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OPC_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT = "http://purl.oclc.org/ooxml/"
_STRICT_RELS = _STRICT + "officeDocument/relationships"
_OFFICE_DOCUMENT = frozenset({_RELS + "/officeDocument", _STRICT_RELS + "/officeDocument"})
_MARKS = tuple("purl.oclc.org/ooxml/".encode(codec) for codec in ("utf-8", "utf-16-le"))

#: Strict namespace → Transitional namespace.
NAMESPACES = {
    _STRICT + strict: "http://schemas.openxmlformats.org/" + transitional
    for strict, transitional in {
        "wordprocessingml/main": "wordprocessingml/2006/main",
        "officeDocument/relationships": "officeDocument/2006/relationships",
        "officeDocument/math": "officeDocument/2006/math",
        "officeDocument/sharedTypes": "officeDocument/2006/sharedTypes",
        "officeDocument/extendedProperties": "officeDocument/2006/extended-properties",
        "officeDocument/customProperties": "officeDocument/2006/custom-properties",
        "officeDocument/docPropsVTypes": "officeDocument/2006/docPropsVTypes",
        "officeDocument/customXml": "officeDocument/2006/customXml",
        "officeDocument/customXmlDataProps": "officeDocument/2006/customXmlDataProps",
        "officeDocument/bibliography": "officeDocument/2006/bibliography",
        "officeDocument/characteristics": "officeDocument/2006/characteristics",
        "drawingml/main": "drawingml/2006/main",
        "drawingml/wordprocessingDrawing": "drawingml/2006/wordprocessingDrawing",
        "drawingml/picture": "drawingml/2006/picture",
        "drawingml/chart": "drawingml/2006/chart",
        "drawingml/chartDrawing": "drawingml/2006/chartDrawing",
        "drawingml/diagram": "drawingml/2006/diagram",
        "drawingml/compatibility": "drawingml/2006/compatibility",
        "drawingml/lockedCanvas": "drawingml/2006/lockedCanvas",
        "drawingml/spreadsheetDrawing": "drawingml/2006/spreadsheetDrawing",
        "spreadsheetml/main": "spreadsheetml/2006/main",
        "presentationml/main": "presentationml/2006/main",
        "schemaLibrary/main": "schemaLibrary/2006/main",
    }.items()
}
#: Strict relationship types whose Transitional name is not the same word under _RELS.
_REL_TYPES = {
    _STRICT_RELS + "/extendedProperties": _RELS + "/extended-properties",
    _STRICT_RELS + "/customProperties": _RELS + "/custom-properties",
    _STRICT_RELS + "/metadata/thumbnail": _OPC_RELS + "/metadata/thumbnail",
}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SDT = _W + "sdt"  # its content is in w:sdtContent, which is unwrapped too
_WRAPPERS = tuple(
    _W + name
    for name in ("sdt", "customXml", "smartTag", "ins", "moveTo", "fldSimple", "dir", "bdo")
)
_PROPERTIES = frozenset(
    _W + name for name in ("sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "fldData")
)
_FALSE = frozenset({"0", "false", "off"})


def main_part(archive: Archive) -> str | None:
    """The member the package relationship of type officeDocument names, if it is there."""
    if PACKAGE_RELS not in archive:
        return None
    rels = parse(transitional(archive.read(PACKAGE_RELS)))
    for relation in rels.iter(f"{{{_OPC_RELS}}}Relationship"):
        if relation.get("Type") not in _OFFICE_DOCUMENT or relation.get("TargetMode") == "External":
            continue
        member = resolve("", str(relation.get("Target", "")).lstrip("/"))
        if member is not None and member in archive:
            return member
    return None


class ContentTypes:
    """``[Content_Types].xml``: the type of each part, by name or by extension."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self._root = parse(raw)
        self._defaults: dict[str, str] = {}
        self._overrides: dict[str, etree._Element] = {}
        for element in self._root.iter(f"{{{_OPC_TYPES}}}Default"):
            extension = str(element.get("Extension", "")).lower()
            self._defaults[extension] = str(element.get("ContentType", "")).lower()
        for element in self._root.iter(f"{{{_OPC_TYPES}}}Override"):
            self._overrides[str(element.get("PartName", "")).lower()] = element

    def of(self, member: str) -> str | None:
        override = self._overrides.get("/" + member.lower())
        if override is not None:
            return str(override.get("ContentType", "")).lower()
        return self._defaults.get(member.rsplit(".", 1)[-1].lower() if "." in member else "")

    def is_other_office_file(self, main: str) -> bool:
        """Whether ``main`` is the main part of a workbook, a presentation... not a Word file's."""
        kind = self.of(main) or ""
        return kind.endswith(".main+xml") and kind not in _WORD_TYPES

    def is_xml(self, member: str) -> bool:
        kind = self.of(member) or ""
        return member.lower().endswith((".xml", ".rels")) or kind.endswith(("+xml", "/xml"))

    def for_word(self, main: str) -> bytes:
        """The content types with ``main`` typed as a Word document (a template, say, is not)."""
        if self.of(main) not in _WORD_VARIANTS:
            return self.raw
        override = self._overrides.get("/" + main.lower())
        if override is None:
            override = etree.SubElement(self._root, f"{{{_OPC_TYPES}}}Override")
            override.set("PartName", "/" + main)
        override.set("ContentType", WORD_MAIN)
        return _serialize(self._root)


def transitional(raw: bytes, *, main: bool = False) -> bytes:
    """A part with Strict names made Transitional and, if ``main``, its wrappers unwrapped.

    Raises ``etree.XMLSyntaxError`` if the part is to be changed and is not XML.
    """
    strict = any(mark in raw for mark in _MARKS)
    if not strict and not main:
        return raw
    root = parse(raw)
    changed = _rename(root) if strict else False
    if main:
        changed = _unwrap(root) or changed
    if not changed:
        return raw
    return _serialize(root)


def parse(raw: bytes) -> etree._Element:
    return etree.fromstring(raw, xml_parser())


def _serialize(root: etree._Element) -> bytes:
    """``root`` as a part of its own; it has no DTD, so entity references (unresolved) go."""
    etree.strip_elements(root, etree.Entity, with_tail=False)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _rename(root: etree._Element) -> bool:
    """Every Strict element, attribute and relationship type under ``root`` made Transitional."""
    changed = False
    for element in root.iter():
        if not isinstance(element.tag, str):  # an entity reference left as it is
            continue
        tag = _transitional_name(element.tag)
        if tag != element.tag:
            element.tag = tag
            changed = True
        for name in [n for n in element.attrib if n.startswith("{" + _STRICT)]:
            element.set(_transitional_name(name), element.attrib.pop(name))
            changed = True
        if tag == f"{{{_OPC_RELS}}}Relationship":
            kind = str(element.get("Type", ""))
            if kind.startswith(_STRICT_RELS + "/"):
                element.set("Type", _REL_TYPES.get(kind, _RELS + kind[len(_STRICT_RELS) :]))
                changed = True
    return changed


def _transitional_name(name: str) -> str:
    if not name.startswith("{" + _STRICT):
        return name
    namespace, local = name[1:].split("}", 1)
    return f"{{{NAMESPACES.get(namespace, namespace)}}}{local}"


def _unwrap(root: etree._Element) -> bool:
    """Put the content of every wrapper in its place (so python-docx reads it); True if any.

    ``strip_tags`` and ``strip_elements`` work in one pass over the tree, so a
    long document of many wrappers costs no more than parsing it.
    """
    if next(root.iter(*_WRAPPERS), None) is None:
        return False
    for sdt in [s for s in root.iter(_SDT) if _shows_placeholder(s)]:
        for run in list(sdt.iterfind(f"{_W}sdtContent//{_W}r")):
            run.getparent().remove(run)
    etree.strip_elements(root, *_PROPERTIES, with_tail=False)
    etree.strip_tags(root, *_WRAPPERS, _W + "sdtContent")
    return True


def _shows_placeholder(sdt: etree._Element) -> bool:
    flag = sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr")
    return flag is not None and str(flag.get(_W + "val", "true")).lower() not in _FALSE
