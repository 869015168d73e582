"""A source's noun phrase read by structure: determiner, pre-modifiers, a person noun, and what
follows it.

"a senior aide in the mayor's office", "two people familiar with the talks", "Sanders’ aides",
"one former party leadership aide", "White House officials": a person or a group with no
personal name. The head is a person noun of the lexicons; the words after it must open a
post-modifier (a preposition, "familiar with", "close to", "briefed on", a relative clause), or
the phrase is something else ("Labour MP Jane Doe", where a name follows the noun).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...cache import compile_regex
from ...data import load_data
from .lexicon import required
from .lexicon import words as attribution_words

DESCRIBED, BARE, LATER, SPOKESPERSON = "described", "bare", "later", "spokesperson"

_TOKEN = compile_regex(r"[\w’'.&-]*\w[\w’'.&-]*|,")
_LAST_TOKEN = compile_regex(r"(?r)[\w’'.&-]*\w[\w’'.&-]*")
_DEFINITE = frozenset({"the", "these", "those"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
_VAGUE = frozenset({"many", "most", "some", "numerous", "various", "few", "other", "both"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# Words that open a phrase without belonging to it ("And officials said").
_OPENERS = frozenset({"and", "but", "yet", "even", "so", "while", "though", "although", "also",
                      "said", "says", "say", "told", "added", "according", "to", "citing"})
LEXICONS = ("anonymous_nouns", "partisan_nouns", "spokesperson_nouns", "unnamed_adjectives",
            "knowledge_qualifiers", "source_determiners", "body_modifiers")
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "on"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A source phrase: ``kind`` described, bare, later (a definite mention, to check against
    the sources before it) or spokesperson; ``head`` the head noun in lower case, as written:
    "the minister" is no later mention of "senior ministers"."""

    kind: str
    head: str
    start: int
    end: int
    partisan: bool = False


def _names_a_person(post: list[tuple[str, int, int]]) -> bool:
    """Does a post-modifier end on a personal name: two capitalised words after a lower-case
    one that is no article or preposition ("of rugby Jane Doe", not "at the State
    Department")?"""
    if len(post) < 3 or not (post[-1][0][:1].isupper() and post[-2][0][:1].isupper()):
        return False
    k = len(post) - 2
    while k > 0 and post[k - 1][0][:1].isupper():
        k -= 1
    return k > 0 and post[k - 1][0].lower() not in ("the", "of", "at", "for", "in", "from",
                                                    "on", "with", "and", "to", "a", "an")


class PhraseReader:
    """Reads source phrases; built once per rule load from the lexicons."""

    def __init__(self, lexicons: Mapping[str, list[str]]) -> None:
        lx = required(lexicons, LEXICONS, "the anonymous-source analysis")
        low = lambda key: frozenset(w.lower() for w in lx[key])  # noqa: E731
        self.nouns = low("anonymous_nouns")
        self.partisans = low("partisan_nouns")
        self.spokes = low("spokesperson_nouns")
        self.unnamed = low("unnamed_adjectives")
        self.qualifier_words = frozenset(q.split()[0] for q in low("knowledge_qualifiers"))
        self.determiners = sorted((tuple(d.split()) for d in low("source_determiners")),
                                  key=len, reverse=True)
        self.heads = self.nouns | self.partisans | self.spokes
        data = load_data("sourcing")
        self.post_openers = frozenset(data["post_modifier_openers"]) | self.qualifier_words
        self.capital_heads = frozenset(data["capitalised_heads"]) | self.partisans
        self.body = low("body_modifiers")
        attribution = attribution_words()
        self.small = attribution.small - self.heads - self.body
        self.function_words = self.small | (frozenset(attribution.verb_class) - self.heads -
                                            self.body)

    def runs_on(self, text: str, start: int, end: int) -> bool:
        """May the phrase ``text[start:end]`` run on past ``end``: does it end on a function
        word ("familiar with"), or does the next word open a post-modifier ("familiar")?"""
        last = _LAST_TOKEN.search(text, start, end)
        if last is not None and last.group().lower() in self.small:
            return True
        m = _TOKEN.search(text, end, end + 40)
        return m is not None and m.group().lower() in self.post_openers

    def _head_at(self, words: list[str], j: int) -> int:
        """How many words from ``j`` make a person noun (0, 1 or 2: "inner circle")."""
        if j + 1 < len(words) and f"{words[j]} {words[j + 1]}" in self.heads:
            return 2
        return 1 if words[j] in self.heads else 0

    def _head(self, toks: list[tuple[str, int, int]], words: list[str], i: int) -> int:
        """The head: the first person noun, within eight words, that a post-modifier or the end
        follows ("sources close to the minister"), read past a name or another person noun
        ("Prime Minister Jane Doe's official spokesman", "staff members", "friends and
        advisers"). A comma first means an appositive ("Jane Doe, a senior official")."""
        head = -1
        j = i
        while j < min(len(toks), i + 8) and toks[j][0] != ",":
            size = self._head_at(words, j)
            if not size:
                j += 1
                continue
            after = j + size
            if after >= len(toks) or toks[after][0] == ",":
                return j
            if toks[after][0][:1].isupper() or self._head_at(words, after) or (
                    words[after] in ("and", "or") and after + 1 < len(toks)
                    and self._head_at(words, after + 1)):
                head = j  # a name or another person noun may follow: read on
            elif words[after] in self.post_openers:
                return j  # what follows modifies this noun: "sources close to the minister"
            j = after
        return head

    def _modifiers(self, toks: list[tuple[str, int, int]], words: list[str], i: int,
                   head: int) -> bool:
        """Are the words between the determiner and the head pre-modifiers? Not a function
        word (save "of", "for", "and" inside a name: "the Department for Work and Pensions",
        or "and" joining person nouns), an adverb or a verb."""
        for k in range(i, head):
            word = words[k]
            if word in self.function_words:
                inside_name = word in _NAME_JOINERS and k > i and \
                    toks[k - 1][0][:1].isupper() and toks[k + 1][0][:1].isupper()
                joined = word in ("and", "or") and self._head_at(words, k - 1) if k > i \
                    else False
                if not (inside_name or joined):
                    return False
            elif word.endswith(("ly", "ing")) and not toks[k][0][:1].isupper() and \
                    word not in self.body:
                return False  # "normally loyal MPs", "prompting unions"
            elif self._head_at(words, k) and k + 1 < head and toks[k + 1][0][:1].isupper():
                run = k + 1
                while run + 1 < head and toks[run + 1][0][:1].isupper():
                    run += 1
                if not toks[run][0].endswith(("’s", "'s", "’", "'")):
                    return False  # "former minister Jane Doe MP": a title and a name
        return True

    def read(self, text: str, start: int, end: int) -> Phrase | None:
        """The source phrase in ``text[start:end]``, or None when it is not a person noun
        phrase without a name."""
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        while toks and toks[-1][0] == ",":
            toks.pop()
        i = 0
        while i < len(toks) - 1 and (toks[i][0].lower() in _OPENERS or (
                toks[i][0].lower().endswith("ly") and toks[i][0].lower() not in self.heads)):
            i += 1  # "And officials said", "Privately, ministers ..."
        words = [t[0].lower() for t in toks]
        det = ""
        for option in self.determiners:
            if tuple(words[i:i + len(option)]) == option:
                det, i = " ".join(option), i + len(option)
                break
        head = self._head(toks, words, i)
        if head < 0:
            return None
        size = self._head_at(words, head)
        noun = toks[head][0]
        mods = words[i:head]
        post = toks[head + size:]
        if not self._modifiers(toks, words, i, head):
            return None  # "saw normally loyal MPs", "a committee of MPs": not one phrase
        title_case = bool(det) and all(
            t[0][:1].isupper() for t in toks[i - len(det.split()):head])
        if noun[:1].isupper() and (mods or det) and words[head] not in self.capital_heads \
                and not title_case:
            return None  # "Business Insider", "the Foreign Minister": a name or a title
        if noun[:1].isupper() and any(t[0][:1].isupper() for t in toks[head + size:]):
            return None  # "Union Director of Public Affairs Jane Doe": a title, then the name
        if noun[:1].isupper() and not det and mods and toks[head - 1][0][:1].isupper():
            return None  # "Jane Doe MP"
        while post and post[-1][0].lower() in self.small:
            post.pop()  # "an insider in the talks as [saying]": the phrase ends on a noun
        if _names_a_person(post):
            return None  # "director of rugby Jane Doe": the title, then the name
        if post:
            first = post[0][0]
            if first[:1].isupper():
                return None  # "Labour MP Jane Doe": the name follows
            if first == "," and len(post) > 1 and post[1][0][:1].isupper():
                return None  # "an aide, Jane Doe,"
            if first.lower() not in self.post_openers and first != ",":
                return None  # not a post-modifier: the phrase is something else
        # A clause set off by commas ("An official, who spoke on condition of anonymity,")
        # adds to the source but does not identify it: the phrase ends before it.
        comma = next((k for k, t in enumerate(post) if t[0] == ","), len(post))
        if comma + 1 < len(post) and post[comma + 1][0][:1].isupper() and \
                post[comma + 1][0].lower() not in self.function_words:
            return None  # "director of planning, Jane Doe": the name in apposition
        post = post[:comma]
        last = post[-1][2] if post else toks[head + size - 1][2]
        phrase_start = toks[i - len(det.split()) if det else i][1]
        if words[head] in ("member", "members") and mods and \
                all(t[0][:1].isupper() for t in toks[i:head]):
            return None  # "Opec members said": member states, the body speaking
        kind = self._kind(" ".join(words[head:head + size]), det, mods, bool(post), head, toks)
        if kind is None:
            return None
        return Phrase(kind, " ".join(words[head:head + size]), phrase_start, last,
                      partisan=words[head] in self.partisans)

    def _kind(self, head: str, det: str, mods: list[str], post: bool, index: int,
              toks: list[tuple[str, int, int]]) -> str | None:
        possessed = any(w.endswith(("’s", "'s", "s’", "s'", "’", "'")) for w in mods)
        if head in self.spokes:
            return None if det in _DEFINITE and not possessed else SPOKESPERSON
        described = post or any(w in self.unnamed for w in mods)
        if head in ("person", "people", "individual", "individuals"):
            return DESCRIBED if described else None  # "people said": a vague group
        if head in self.partisans:
            counted = det and det not in _DEFINITE and det not in _VAGUE and \
                det not in _POSSESSIVE_PRONOUNS
            return DESCRIBED if counted else None  # "several Democrats said", not "Democrats"
        if det == "its" and not head.endswith("s"):
            return None  # "its chief executive": the one holder of a body's office
        if det in _DEFINITE and not possessed:
            return DESCRIBED if any(w in self.unnamed for w in mods) else LATER
        if possessed and not head.endswith("s") and det not in _INDEFINITE and \
                head not in ("aide", "adviser", "advisor", "ally", "confidant", "confidante",
                             "friend", "associate", "source", "inner circle"):
            return None  # "London's most senior police officer": one office, one person
        if det in _VAGUE and not mods and not post:
            return None  # "many officials", "some members": a vague group
        if not det and not post and (not mods or (possessed and len(mods) == 1 and
                                                  head in ("source", "sources"))):
            # "officials said", "according to POLITICO's sources": no description at all
            return BARE if head.endswith("s") or head == "staff" else None
        if det in _INDEFINITE and not mods and not post:
            return BARE  # "an official said", "a source said"
        return DESCRIBED
