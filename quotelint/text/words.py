"""A document's word index, made once, and the units of a document that have given words:
the cheap test before a costly pattern (``matching/word_index.py`` says why)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..matching.word_index import WordIndex, WordSet, units_with

if TYPE_CHECKING:
    from .document import Document


def word_index(doc: Document) -> WordIndex:
    """The word index of ``doc``; use ``doc.cached(word_index)``."""
    return WordIndex(doc.flat)


def triggered_indexes(doc: Document, units: list[tuple[int, int]],
                      triggers: Sequence[WordSet]) -> list[int]:
    """The indexes of the units (sorted, non-overlapping spans of ``doc.flat``) that contain a
    word of every trigger."""
    return units_with(doc.cached(word_index), units, triggers)


def triggered(doc: Document, units: list[tuple[int, int]],
              triggers: Sequence[WordSet]) -> list[tuple[int, int]]:
    """The units that contain a word of every trigger."""
    return [units[i] for i in triggered_indexes(doc, units, triggers)]
