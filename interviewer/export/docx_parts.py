"""Provides the Word-package details python-docx leaves to us: page size, language, page-number fields, clean properties."""

from __future__ import annotations

import re
from datetime import datetime
from xml.sax.saxutils import escape

from interviewer import __version__
from interviewer.export.page_setup import DocumentSetup

PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_\- ]{0,40}s?\]")
"""[PERSON 3], [HOSPITAL 1], [AGE 40s]: the anonymiser's placeholders."""
NO_BREAK_SPACE = "\u00a0"
TEMPLATE_LEFTOVERS = ("metadata/thumbnail", "/customXml", "/stylesWithEffects")
"""Relationship types of python-docx's template parts that describe the template, not our document."""


def unbreakable_placeholders(text: str) -> str:
    """'[PLACE 2]' -> '[PLACE\u00a02]', so a placeholder is never split across lines."""
    return PLACEHOLDER.sub(lambda match: match.group(0).replace(" ", NO_BREAK_SPACE), text)


def set_page(word, setup: DocumentSetup) -> None:
    """Paper size from the study setting, portrait, with 2.54 cm margins all round."""
    from docx.shared import Cm, Mm

    width, height = setup.size_mm
    for section in word.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2.54)


def set_language(word, language: str) -> None:
    """The proofing language of every run (the document defaults) and of the theme fonts."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = _child(defaults, "w:rPrDefault")
    properties = _child(run_defaults, "w:rPr")
    lang = _child(properties, "w:lang")
    lang.set(qn("w:val"), language)
    theme_language = word.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:val"), language)


def _child(parent, tag: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def add_field(paragraph, instruction: str, shown: str = "1"):
    """A Word field (PAGE, NUMPAGES) as begin/instruction/separate/result/end runs; the result is updated on render."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(element):
        run = paragraph.add_run()
        run.element.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def set_properties(word, *, title: str, subject: str, comments: str, language: str, author: str,
                   created: datetime) -> None:
    """Core properties that describe this export (not python-docx's template of 2013), and a fresh app.xml."""
    properties = word.core_properties
    properties.title = title
    properties.subject = subject
    properties.comments = comments
    properties.language = language
    properties.author = author
    properties.last_modified_by = author
    properties.created = properties.modified = created
    properties.revision = 1
    properties.keywords = properties.category = ""
    _drop_template_parts(word)
    _replace_app_properties(word)


def _drop_template_parts(word) -> None:
    for rels in (word.part.package.rels, word.part.rels):
        for rel_id in [rel_id for rel_id, rel in rels.items()
                       if any(rel.reltype.endswith(kind) for kind in TEMPLATE_LEFTOVERS)]:
            rels.pop(rel_id)


def _replace_app_properties(word) -> None:
    """docProps/app.xml of the template names another application, a template and page counts; write our own."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = word.part.package
    for rel_id in [rel_id for rel_id, rel in package.rels.items()
                   if rel.reltype == RELATIONSHIP_TYPE.EXTENDED_PROPERTIES]:
        package.rels.pop(rel_id)
    blob = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{escape(f'interviewer {__version__}')}</Application><DocSecurity>0</DocSecurity>"
            "</Properties>").encode("utf-8")
    part = Part(PackURI("/docProps/app.xml"), CONTENT_TYPE.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RELATIONSHIP_TYPE.EXTENDED_PROPERTIES)
