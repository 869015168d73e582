"""Is a loaded reporting verb used in its plain sense? "The Taliban claimed responsibility",
"admitted to hospital", "an investigation into claims that", "the study revealed": none of
these casts doubt on a speaker, implies guilt or a secret, and none may be rewritten as "said".

The tests, cheapest first, on the words around the verb (word lists in
``data/verb_senses.yaml``, keyed by the verb's stem, "admit" for "admitted"):

- a determiner, possessive or preposition before it makes it a noun ("her claim of"), and
  so does a plural verb right after a plural form ("jobless claims jumped", but "which Yukos
  claims was sold" reports); "by" after it makes it a participle
  ("systems maintained by Sun");
- a particle after it gives the plain sense ("admitted to", "confessed to", "insisted on"),
  unless it opens a time or an audience before a clause ("insisted on Monday that",
  "admitted to reporters that"), and some make it report speech whatever follows ("claim to
  be");
- a speaker that cannot disclose, only show ("the survey revealed");
- an object instead of a reported clause: the words after the verb up to the end of their
  phrase (a comma, "which", "after", ...) hold no finite verb ("claimed victory after the
  vote was counted", "maintains the title of chief executive");
- an admission of wrongdoing is a confession, and the verb says what happened ("admitted he
  had lied").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...data import load_data
from ...text.document import Document
from .lexicon import TOKEN, is_time, possessive, words
from .model import Attribution


@dataclass(frozen=True)
class Senses:
    noun_before: frozenset[str]
    plain_after: dict[str, frozenset[str]]
    reported_after: dict[str, frozenset[str]]
    plain_subjects: dict[str, frozenset[str]]
    confession_words: dict[str, frozenset[str]]
    breaks: frozenset[str]
    participle_after: frozenset[str]
    singular_verbs: frozenset[str]
    plain_objects: dict[str, frozenset[str]]


@cache
def senses() -> Senses:
    data = load_data("verb_senses")

    def by_stem(key: str) -> dict[str, frozenset[str]]:
        return {stem: frozenset(w.lower() for w in ws) for stem, ws in data[key].items()}

    return Senses(frozenset(data["noun_before"]), by_stem("plain_after"),
                  by_stem("reported_after"), by_stem("plain_subjects"),
                  by_stem("confession_words"), frozenset(data["phrase_breaks"]),
                  frozenset(data["participle_after"]), frozenset(data["singular_verbs"]),
                  by_stem("plain_objects"))


def _for(table: dict[str, frozenset[str]], verb: str) -> frozenset[str]:
    for stem, entries in table.items():
        if verb.startswith(stem):
            return entries
    return frozenset()


_PHRASE_END = frozenset(",;:()[]—–\"“”")


def _finite(token: str, previous: str) -> bool:
    """A finite verb (or an auxiliary): what a reported clause has and an object lacks."""
    low = token.lower()
    w = words()
    if low in w.auxiliaries or low in w.irregular or low.endswith(("n't", "n’t")):
        return True
    # "the deal collapsed"; not "the armed group", "into advanced age"
    before = previous.lower()
    return low.endswith("ed") and token.islower() and before not in w.determiners \
        and before not in w.prepositions


def _makes_a_noun(word: str, s: Senses) -> bool:
    """"her claim", "Villalba's claims", "the biggest claim", "two claims"."""
    low = word.lower()
    return low in s.noun_before or possessive(word) or word.isdigit() or (
        word.islower() and len(low) > 5 and low.endswith("est"))


def _phrase(after: list, text: str, s: Senses) -> list[str]:
    """The words after the verb up to the end of their phrase."""
    out: list[str] = []
    for i, m in enumerate(after):
        if m.group().lower() in s.breaks or (i and any(
                c in _PHRASE_END for c in text[after[i - 1].end():m.start()])):
            break
        out.append(m.group())
        if m.group()[-1] in ".!?":  # the sentence ends ("victim." is one token)
            break
    return out


def _reports_after_all(after: list, text: str, s: Senses) -> bool:
    """"insisted on Monday that ...", "admitted to reporters that ...": the particle opens a
    time or an audience, and a clause follows."""
    phrase = _phrase(after, text, s)
    return (len(phrase) > 1 and is_time(phrase[1])) or "that" in phrase[1:]


def plain_sense(doc: Document, a: Attribution) -> str | None:
    """Why the cue of ``a`` is used in its plain sense ("noun", "participle", "particle",
    "subject", "object", "confession"), or None when it reports speech."""
    if a.cue is None:
        return None
    text = doc.text
    verb = " ".join(text[a.cue[0]:a.cue[1]].lower().split())
    s = senses()
    before = [m.group() for m in TOKEN.finditer(text, max(0, a.cue[0] - 40), a.cue[0])]
    if before and _makes_a_noun(before[-1], s) and not text[a.cue[0] - 1:a.cue[0]].strip() \
            and a.kind != "direct":
        return "noun"
    # to the end of the sentence: the analysis may have read the clause before the verb
    # ("The servers are maintained by ...") as what was said
    sentences = doc.sentences
    end = sentences[a.sentence].end if 0 <= a.sentence < len(sentences) else a.content[1]
    start, end = a.cue[1], max(a.cue[1], a.content[1], end)
    after = list(TOKEN.finditer(text, start, end))
    if after and any(c in _PHRASE_END for c in text[start:after[0].start()]):
        after = []  # "Nobody, he claimed, could ...": a parenthesis, the clause around it
    first = after[0].group().lower() if after else ""
    if verb.endswith("s") and after and _finite(after[0].group(), verb) and \
            first not in s.singular_verbs:
        return "noun"  # "jobless claims jumped", "the claims were"; not "Yukos claims was"
    if first in s.participle_after:
        return "participle"  # "systems maintained by Sun", "the lives claimed by the fire"
    if a.kind != "indirect":
        return None  # a quotation's verb attributes what was said
    if first in _for(s.plain_objects, verb):
        return "object"  # "a gunman claiming allegiance to ...", "conceded defeat"
    if first in _for(s.reported_after, verb):
        return None
    if first in _for(s.plain_after, verb) and not _reports_after_all(after, text, s):
        return "particle"
    subjects = _for(s.plain_subjects, verb)
    if subjects and any(t.lower() in subjects for t in (a.source_text(doc) or "").split()):
        return "subject"
    confessions = _for(s.confession_words, verb)
    if confessions and any(m.group().lower() in confessions for m in after):
        return "confession"
    if first == "that":
        return None
    phrase = _phrase(after, text, s)
    if any(_finite(token, phrase[i - 1] if i else "") for i, token in enumerate(phrase)):
        return None
    # "claimed, without evidence, that ...": no words before the break, so no object
    return "object" if phrase else None
