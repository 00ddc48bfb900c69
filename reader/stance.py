"""PLACEHOLDER (being replaced by issue 3's work)."""
from __future__ import annotations


def extract_statements(document, parsed, entities):
    return ()
