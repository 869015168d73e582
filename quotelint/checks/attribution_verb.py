"""``attribution-verb``: a reporting verb that takes sides, with the neutral verb as an unsafe
fix (applied only with ``--unsafe-fixes``: "said" for "admitted" changes what the sentence
says).

"Claimed" casts doubt on the speaker, "admitted" implies guilt, "noted" and "pointed out"
endorse what was said, and "smiled" is not speech (AP, Reuters, Wikipedia MOS:SAID; Bender et
al.). This kind reads the cues of the project's attribution analysis, so it reports a verb only
where it attributes speech ("he claimed that ...", "“...,” she admitted"), never in its plain
sense (``analysis/attribution/verb_sense.py``: "claimed the title", "admitted to hospital",
"into claims that", "the study revealed"). ``verbs`` maps each form to its neutral
replacement ("claimed": "said"); an empty replacement reports the verb with no fix ("smiled":
a smile is not a word, so the sentence needs rewriting, not a swap).

    - id: NEWS601
      name: doubt-verb
      kind: attribution-verb
      category: style
      severity: info
      message: "“{match}” casts doubt on the speaker: “{replacement}” is neutral."
      verbs: {claimed: said, claims: says}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..analysis.attribution.attributions import attributions
from ..analysis.attribution.verb_sense import plain_sense
from ..findings import Finding, Fix
from ..schema import Field, string_map
from ..text.document import Document
from .base import BuildContext, Check, flat
from .substitution import match_case


class AttributionVerbCheck(Check):
    PLACEHOLDERS = frozenset({"match", "replacement", "speaker"})
    PARAMS: ClassVar[dict[str, Field]] = {
        "verbs": Field(string_map, required=True,
                       doc="verb form as written -> neutral replacement ('' for none)"),
    }

    def setup(self, ctx: BuildContext) -> None:
        self.verbs = {" ".join(k.lower().split()): v for k, v in self.params["verbs"].items()}
        if not self.verbs:
            self.problem("verbs", "'verbs' must have at least one entry")

    def run(self, doc: Document) -> Iterator[Finding]:
        seen: set[int] = set()
        for a in attributions(doc):
            if a.cue is None or a.cue[0] in seen or a.verb_class in (
                    "according-to", "colon", "dash", "possessive"):
                continue
            written = doc.text[a.cue[0]:a.cue[1]]
            replacement = self.verbs.get(" ".join(written.lower().split()))
            if replacement is None:
                continue  # the cheap test first: most verbs are not this rule's
            if plain_sense(doc, a):
                continue  # "Chelsea claimed the title", "admitted to hospital", "her claim"
            seen.add(a.cue[0])
            # Never safe: "said" for "admitted" changes what the sentence says happened.
            fix = Fix(a.cue[0], a.cue[1], match_case(replacement, written), safe=False) \
                if replacement and "|" not in replacement else None
            speaker = flat(a.source_text(doc) or "")
            yield self.finding(doc, a.cue[0], a.cue[1], fix=fix, match=flat(written),
                               replacement=replacement or "said", speaker=speaker)
