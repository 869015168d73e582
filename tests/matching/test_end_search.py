"""Patterns that end where the text ends, matched backwards (quotelint/analysis/tails.py): a
reverse match at the end finds what a forward search finds, at the same place, for every such
pattern the attribution and sourcing analyses use."""

from __future__ import annotations

import pytest
import regex
from conftest import seed_documents, seed_sentences

from quotelint.analysis.attribution import anonymity, attributions, cues, sourcing, speakers, titles
from quotelint.analysis.attribution.lexicon import words
from quotelint.config.settings import Settings
from quotelint.matching.end_search import EndSearch, Tail
from quotelint.text import sentences


def _tails() -> dict[str, Tail]:
    found = {f"{m.__name__.rsplit('.', 1)[-1]}.{name}": value
             for m in (anonymity, attributions, cues, sentences, sourcing, speakers, titles)
             for name, value in vars(m).items() if isinstance(value, Tail)}
    found["words.naming_before"] = words().naming_before
    finder = next(r.finder for r in Settings().ruleset().checks if hasattr(r, "finder"))
    found.update({f"anonymity.{k}": v for k, v in vars(finder).items() if isinstance(v, Tail)})
    return found


# Where a caller reads the match (its start, a group), it must be the forward search's; the
# others only ask whether there is one (naming_before's trie may match "called" where the
# forward search matches "so-called").
SPAN_READ = {"speakers.RAISED", "speakers._RELATIVE", "speakers._CONJ_BEFORE",
             "sentences.WORD_BEFORE"}
TAILS = _tails()
SENTENCES = [
    "Trump doubled down and",
    "The minister, who was speaking in London, is alleged to have",
    "the Chicago Police Department which",
    "Andrei Illarionov - then an adviser to Putin -",
    "a video posted by",
    "He was frequently",
    "“We will not back down,”",
    "what was once called the so-called",
    "the Jinshajiang - or",
    "Officials, who spoke on condition of anonymity, said,",
    "He has been",
    "She’s",
    "the league denounced it and then",
    "citing two people familiar with the talks, according to",
    "Gen. Mark Milley met U.S. officials and the No. 10 team at 10.30 in St. Paul’s",
    *seed_sentences(),
]


def test_the_analyses_use_tails():
    # The patterns below must be found, or this test would compare nothing.
    assert {"speakers.RAISED", "speakers.COORDINATE", "sentences.WORD_BEFORE", "cues._PASSIVE",
            "words.naming_before", "anonymity.cue_before",
            "anonymity.named_appositive"} | SPAN_READ <= set(TAILS)


@pytest.mark.parametrize("name", sorted(TAILS))
def test_a_tail_matches_where_a_forward_search_does(name):
    tail = TAILS[name]
    forward = regex.compile(tail.reverse.pattern, tail.reverse.flags & ~regex.REVERSE)
    hits = 0
    for sentence in SENTENCES:
        for end in range(len(sentence) + 1):  # every prefix: the words before a verb
            want = forward.search(sentence, 0, end)
            got = tail.ends(sentence, 0, end)
            assert (got is None) == (want is None), (name, sentence[:end])
            if name in SPAN_READ and got is not None:
                assert got.span() == want.span(), (name, sentence[:end])
            hits += want is not None
    assert hits, f"{name} never matched: add a sentence that it matches"


def test_end_search_gives_the_leftmost_match():
    # Two overlapping phrases end the text: the forward search's (the leftmost) is returned.
    search = EndSearch(r"(?i:range of|a range of|of)\s*$")
    m = search.search("The missile has a range of ")
    assert m.group() == "a range of "
    assert search.search("The missile has a range") is None


def test_the_word_before_a_period_after_a_line_break_is_the_forward_searchs():
    # Searched forwards, `$` also matched before a final line break: "Gen\n." reads "Gen".
    assert sentences.word_before("He met Gen\n. Milley", 11) == "Gen"
    assert sentences.word_before("He met Gen. Milley", 10) == "Gen"
    assert sentences.word_before("He met ’U.S. Milley", 11) == "U.S"


def _last_person_reference(t: str, before: int):
    skip = words().leading | words().determiners
    for m in regex.finditer(speakers._PERSON, t, pos=max(0, before - 1500), endpos=before):
        if m.group().split()[0].lower() not in skip:
            return m.start(), m.end()
    return None


LOOK_BACK = [
    "The Government said Mr O’Brien Smith and The Treasury met. He said",
    "They met Mr D’The Treasury, then Ms O’This Ministry; she",  # a name glued to the next
    "Prime Minister Boris Johnson told Mr Boris Johnson-Smith that John F. Kennedy had",
    "Sen. Ted Cruz, The President and the Home Office; they",
    *(d.flat for d in seed_documents()),
]


@pytest.mark.parametrize("text", LOOK_BACK)
def test_last_person_finds_what_a_backward_scan_finds(text):
    # From every position, mid-word ones included: the first name found backwards ends where
    # a word ends or where the search ends (speakers._PERSON_AT_WORD_END).
    found = 0
    for before in range(len(text) + 1):
        want = _last_person_reference(text, before)
        assert speakers.last_person(text, before) == want, text[:before][-60:]
        found += want is not None
    assert found
