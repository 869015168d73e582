"""The words of attribution, loaded once from ``quotelint/data/attribution.yaml``.

The attribution analysis reads a *masked* text: the document's flat prose with every top-level
quotation replaced by ``QUOTE`` characters (same length, so offsets still point into the file).
A speaker search therefore never reads into what was said, and to a pattern a quotation is a
single token. This module holds the word lists and the tests on single words that
``speakers.py`` (noun phrases) and ``cues.py`` (reporting verbs and phrases) share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import regex

from ...cache import compile_re, compile_regex
from ...data import load_data
from ...errors import MissingLexicon
from ...matching.alternation import alternation, trie
from ...matching.end_search import Tail
from ...matching.word_index import word_set

QUOTE = "\ue000"
Span = tuple[int, int]

TOKEN = compile_regex(r"[\w’'.&-]*\w[\w’'.&-]*|&")
DASH = r"(?:—|―|–|--)"


@dataclass(frozen=True)
class Words:
    verb_class: dict[str, str]  # verb form -> class (speech, written, speech_act, ...)
    invertible: frozenset[str]
    naming_verbs: frozenset[str]
    pronouns: frozenset[str]
    resolvable: frozenset[str]
    between: frozenset[str]
    auxiliaries: frozenset[str]
    prefixes: frozenset[str]
    joiners: frozenset[str]
    nouns: frozenset[str]
    determiners: frozenset[str]
    time_words: frozenset[str]
    calendar: frozenset[str]
    cut_after: frozenset[str]
    leading: frozenset[str]
    prepositions: frozenset[str]
    statement_nouns: frozenset[str]
    quote_only: frozenset[str]
    quote_near: frozenset[str]
    singular: frozenset[str]
    irregular: frozenset[str]
    small: frozenset[str]  # function words, never a noun phrase's head
    poll_nouns: frozenset[str]
    going_on: regex.Pattern
    question_cues: frozenset[str]
    verbs: re.Pattern
    possessed: regex.Pattern
    according: regex.Pattern
    boundary: regex.Pattern
    naming_before: Tail
    naming_after: regex.Pattern
    # The look-up words of the according-to phrases and the possessed statements
    # (word_index.word_set): a sentence with none of them is not searched for those cues.
    according_words: frozenset[str]
    # The first word of each verb form ("pointed" of "pointed out", "live" of "live-tweeted"),
    # or None when a form opens with no word character (cues.sentence_verbs then searches).
    verb_words: frozenset[str] | None
    possessed_words: frozenset[str]


def _alternation(phrases: list[str]) -> str:
    return alternation(p.lower() for p in phrases)


def _trie(phrases: list[str]) -> str:
    """For the lists searched along every sentence (alternation.py)."""
    return trie(p.lower() for p in phrases)


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    firsts = [re.match(r"\w+", p.lower()) for p in phrases]
    return None if None in firsts else frozenset(m.group() for m in firsts)


@lru_cache(maxsize=1)
def words() -> Words:
    data = load_data("attribution")
    verb_class: dict[str, str] = {}
    for cls, group in data["verbs"].items():
        forms = [f for fs in group.values() for f in fs] if isinstance(group, dict) else group
        for form in forms:
            verb_class.setdefault(form, cls)
    low = lambda key: frozenset(w.lower() for w in data[key])  # noqa: E731
    openers = _alternation(data["clause_openers"])
    small = frozenset().union(*(low(k) for k in (
        "pronouns", "determiners", "name_joiners", "auxiliaries", "prepositions",
        "leading_adverbs", "between_subject_and_verb", "irregular_verbs", "cut_after_speaker")))
    return Words(
        verb_class=verb_class,
        invertible=low("invertible"), naming_verbs=low("naming_verbs"),
        pronouns=low("pronouns"), resolvable=low("resolvable_pronouns"),
        between=low("between_subject_and_verb"), auxiliaries=low("auxiliaries"),
        prefixes=low("name_prefixes"), joiners=low("name_joiners"),
        nouns=low("speaker_nouns"), determiners=low("determiners"),
        time_words=low("time_words"), calendar=low("calendar_words"),
        cut_after=low("cut_after_speaker"),
        leading=low("leading_adverbs"), prepositions=low("prepositions"),
        statement_nouns=low("statement_nouns"),
        quote_only=low("quote_only_verbs"), quote_near=low("quote_near_verbs"),
        singular=low("singular_determiners"), irregular=low("irregular_verbs"), small=small,
        going_on=compile_regex(rf"(?i)\b(?:{_alternation(data['going_on_verbs'])})"
                               r"(?:\s+to\s+(?:say|note))?\s+that\b"),
        poll_nouns=low("poll_nouns"), question_cues=low("poll_question_cues"),
        possessed=compile_regex(rf"(?:['’]s?|\b(?:his|her|their|its))\s+"
                                rf"(?:{_trie(data['possessed_statements'])})\b"),
        verbs=compile_re(rf"\b(?:{trie(f.lower() for f in verb_class)})\b"),
        according=compile_regex(rf"(?i)\b(?:{_trie(data['according_to'])})\b"),
        # The start of the clause a speaker belongs to: punctuation, a quotation, a dash or
        # a word that opens a clause. Searched backwards from a verb.
        boundary=compile_regex(
            rf"(?r)(?<!\d),|,(?!\d)|[;:()\[\]{{}}\"“”«»{QUOTE}]|{DASH}|\s-\s"
            rf"|(?i:\b(?:{openers})\b)"),
        naming_before=Tail(
            rf"(?i)\b(?:{_trie(data['naming_cues'])})\s*[,:]?\s*$"),
        naming_after=compile_regex(rf"\s*(?:{_alternation(data['naming_after'])})\b"),
        according_words=word_set(data["according_to"]),
        verb_words=_first_words(verb_class),
        possessed_words=word_set(data["possessed_statements"]),
    )


# -- single words -------------------------------------------------------------------------------

def capitalised(token: str) -> bool:
    """"Blinken", "4Cast", "eBay": a word that starts a name."""
    return token[:1].isupper() or (token[:1].isalnum() and any(c.isupper() for c in token[1:3]))


def possessive(token: str) -> bool:
    return token.endswith(("’s", "'s", "s’", "s'"))


CONTRACTED = compile_regex(r"(\w+)['’](?:s|re|ve|d|ll|m)")


def is_time(token: str) -> bool:
    """A time word: "Monday" in any case, "last"/"morning" only in lower case."""
    w = words()
    return token in w.time_words or token.lower() in w.calendar


def is_between(token: str) -> bool:
    """Words between a speaker and the verb: "has also repeatedly", "cynically"."""
    low = token.lower()
    w = words()
    return low in w.between or low.endswith(("n't", "n’t")) or (
        token.islower() and low.endswith("ly") and low not in w.nouns)


def trim(toks: list[regex.Match]) -> list[regex.Match]:
    """Drop the auxiliaries and adverbs after a speaker and the conjunctions before one."""
    leading = words().leading
    auxiliaries = words().auxiliaries
    while toks and is_between(toks[-1].group()) and not (capitalised(toks[-1].group()) and (
            toks[-1].group().lower() in auxiliaries
            or (len(toks) > 1 and capitalised(toks[-2].group())))):
        toks = toks[:-1]  # "has also said", but not "Theresa May said" or "May wrote"
    while len(toks) > 1 and toks[0].group().lower() in leading:
        toks = toks[1:]
    return toks


def verbish(token: str) -> bool:
    """Does a lower-case word look like the verb a subject stops at?"""
    low = token.lower()
    w = words()
    if not token[:1].islower() or low in w.nouns or low in w.determiners or low in w.joiners:
        return False
    return low in w.irregular or low in w.verb_class or low in w.auxiliaries \
        or low.endswith("ed") or (low.endswith("s") and len(low) > 3 and not low.endswith("ss"))


def required(lexicons: Mapping[str, list[str]], names: Iterable[str],
             user: str) -> dict[str, list[str]]:
    """The lexicons ``names`` that an analysis needs; a missing one is an error naming it, so a
    rule never runs silently without the words it depends on."""
    missing = [name for name in names if name not in lexicons]
    if missing:
        raise MissingLexicon(user, missing)
    return {name: lexicons[name] for name in names}
