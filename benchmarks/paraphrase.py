"""A harder restatement for ``benchmarks/numbers_accuracy.py``: the figure said of its noun
phrase, in a sentence of its own, instead of its own sentence repeated.

    "Gerrard's 20-yard drive capped the comeback."  ->  "Gerrard's drive was 18 metres."
    "Ethiopia produced 14.27 million tonnes of crops in 2004."  ->  "The crops were ..."
    "... a production capacity of 70 million tonnes."  ->  "The production capacity was ..."

The noun phrase is found by a few surface rules written for the benchmark alone (quotelint's
own analysis does not find it for the benchmark; that would grade the linter with its own
answers): the noun the figure modifies ("a 25-yard drive", "the 60m hurdles"), the noun it
counts ("tonnes of crops") or the noun it is "of" ("a range of"), with the determiner or
possessor and up to two modifiers before the figure. Figures with no such noun ("scored from
18 yards", "cleared 4.89 metres") get no paraphrase; the benchmark reports how many do.
"""

from __future__ import annotations

import re

DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these",
               "those", "our", "my", "your"}
# Words that cannot be the noun a figure belongs to, nor a modifier of it.
NOT_NOUNS = DETERMINERS | {
    # prepositions, conjunctions, particles, directions
    "of", "in", "on", "at", "to", "from", "by", "for", "with", "into", "onto", "over", "under",
    "and", "or", "but", "as", "than", "per", "off", "out", "up", "down", "away", "across",
    "along", "above", "below", "behind", "beyond", "before", "after", "about", "around",
    "between", "through", "within", "without", "inside", "outside", "near", "past", "since",
    "until", "towards", "toward", "against", "via", "so", "if", "when", "while", "which",
    "who", "whose", "where", "there", "here", "then", "now", "north", "south", "east", "west",
    # verbs and auxiliaries
    "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "do", "does", "did", "said", "says",
    "took", "takes", "relies", "slip", "giving",
    # words a figure is said with rather than of
    "long", "high", "tall", "wide", "deep", "short", "apart", "ahead", "adrift", "further",
    "farther", "more", "less", "each", "every", "year", "years", "day", "days", "week",
    "weeks", "month", "months", "hour", "hours", "minute", "minutes", "second", "seconds",
    "square", "cubic", "capable", "worth", "full", "part", "top", "front", "non-stop",
    "it", "they", "he", "she", "we", "you", "i",
}
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*")
_AFTER = re.compile(r"[\s-]+(?P<w1>[A-Za-z][\w’'-]*)(?:\s+(?P<w2>[A-Za-z][\w’'-]*))?")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<np>[a-zA-Z][\w-]*(?:\s+[a-zA-Z][\w-]*){0,2})")
_NOUN_OF_BEFORE = re.compile(
    rf"(?:\b(?P<det>{'|'.join(DETERMINERS)})\s+(?P<mod>[a-z][\w-]*\s+)?)?"
    r"(?P<noun>[a-z][\w-]*)\s+of\s+$")


def noun_phrase(sentence: str, start: int, end: int) -> str | None:
    """The noun phrase the figure at ``sentence[start:end]`` belongs to, without the figure,
    as it would open a sentence ("The production capacity"), or None."""
    left, right = sentence[:start], sentence[end:]
    before = _determiner(left)
    noun = _compound(right)
    if noun and before is not None:
        return _cap(" ".join([*before, noun]))
    m = _OF_AFTER.match(right)
    if m:
        words = _until_not_noun(m.group("np").split())
        if words:
            return _cap("the " + " ".join(words))
    m = _NOUN_OF_BEFORE.search(left)
    if m and _is_noun(m.group("noun")):
        words = [m.group("mod").strip()] if m.group("mod") and _is_noun(m.group("mod")) else []
        return _cap(" ".join(["the", *words, m.group("noun")]))
    return None


def sentence_for(phrase: str, figure: str) -> str:
    """'<phrase> is <figure>.' ("The pipeline is 567 miles.")"""
    head = phrase.split()[-1]
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s", "lens"))
    return f"{phrase} {'are' if plural else 'is'} {figure}."


def rate(sentence: str, end: int) -> str:
    """A rate that the figure ending at ``end`` is stated in ("5 million tonnes of LNG a
    year"): part of the quantity, so the paraphrase keeps it (" a year"), else ""."""
    m = _RATE.match(sentence, end)
    return f" {m.group('rate')}" if m else ""


_RATE = re.compile(r"(?:\s+of(?:\s+[\w-]+){1,3}?)?\s+(?P<rate>(?:a|an|per|each|every)\s+"
                   r"(?:year|month|week|day|hour|capita|head)|annually)\b")


def _is_noun(word: str) -> bool:
    word = word.lower()
    return word not in NOT_NOUNS and not word.endswith(("ly", "ed")) and len(word) > 2


def _compound(right: str) -> str | None:
    """The noun right after the figure ("-yard drive", " pipeline will"); an acronym takes the
    next word with it ("26-inch LCD TV")."""
    m = _AFTER.match(right)
    if not m or not _is_noun(m.group("w1")):
        return None
    first, second = m.group("w1"), m.group("w2")
    if first.isupper() and second and second.isupper():
        return f"{first} {second}"
    if first[0].isupper():
        return None  # a name: "the 133-hectare Texas ranch" is left alone
    return first


def _determiner(left: str) -> list[str] | None:
    """The determiner or possessor right before the figure, with at most one modifier between
    ("Gerrard's", "his powerful", "the closest", "the women's"), or None if there is none."""
    tokens = _TOKEN.findall(left[-60:])
    if left.rstrip()[-1:] in ",;:([-–—":
        return None  # "(12cm by ...", "- one of them from": not a noun phrase
    taken: list[str] = []
    for token in reversed(tokens[-3:]):
        word = token.lower()
        if word in DETERMINERS:
            return ["the" if word in ("a", "an") else word, *taken]
        if word.endswith(("'s", "’s")):
            taken.insert(0, token)
            if len(tokens) > len(taken) and tokens[-len(taken) - 1].lower() == "the":
                taken.insert(0, "the")
            return taken
        if not _is_noun(token) or taken:
            return None
        taken.insert(0, token)
    return None


def _until_not_noun(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if not _is_noun(w):
            break
        out.append(w)
    return out


def _cap(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
