"""One record of who said what: ``Attribution``, shared by the analysis and its users.

``attributions.py`` builds these records and re-exports the class; it lives here so that the
modules that build them (``attributions.py`` and ``carryover.py``) need not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...text.marks import Quote
from .lexicon import Span

if TYPE_CHECKING:
    from ...text.document import Document

KINDS = ("direct", "mixed", "indirect", "according-to")


# Not frozen, though never changed once made (replace() makes a changed copy): a frozen
# dataclass sets each field through object.__setattr__, six times the cost of a plain slot,
# and an article makes hundreds of these records. The same holds for sentences, figures,
# quantities and mentions (docs/architecture.md).
@dataclass(slots=True, unsafe_hash=True)
class Attribution:
    """Who said what. Spans are (start, end) code-point offsets into ``doc.text``.

    ``content`` is the quotation (marks included) or the reported clause; ``sentence`` the
    index of the sentence it starts in; ``verb_class`` the cue's class in
    ``data/attribution.yaml`` (speech, written, speech_act, mental, non_speech) or
    according-to, colon, dash, possessive.
    """

    kind: str
    content: Span
    source: Span | None
    cue: Span | None
    sentence: int
    quote: Quote | None = None
    via: str = "cue"
    verb_class: str | None = None
    resolved: Span | None = None
    unnamed: bool = False  # a he/she that refers to a person only described ("a spokesman")

    def source_text(self, doc: Document) -> str | None:
        return None if self.source is None else doc.text[self.source[0]:self.source[1]]

    def cue_text(self, doc: Document) -> str | None:
        return None if self.cue is None else doc.text[self.cue[0]:self.cue[1]]
