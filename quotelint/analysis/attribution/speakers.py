"""Speakers: the noun phrase that says something, read the way an editor reads it.

Not a parser: the words between the last clause boundary (a comma, a quotation, "and",
"that"...) and the verb, trimmed of auxiliaries and adverbs ("has also said"), accepted when
they look like a speaker: a pronoun, a phrase ending in a name, a determiner or a known head
noun ("two people familiar with the talks", "officials"). ``Smith, a Democrat, said`` and
``Smith, who ..., said`` reach back past the aside; ``“...,” said Kurt Volker, a former
envoy`` reads the speaker after the verb. All functions read the masked text of ``lexicon.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...cache import compile_regex
from ...matching.end_search import Tail
from .lexicon import (
    CONTRACTED,
    DASH,
    QUOTE,
    TOKEN,
    Span,
    capitalised,
    is_time,
    possessive,
    trim,
    verbish,
    words,
)


def np_span(t: str, a: int, b: int, *, lead_ok: bool = True, longer: bool = False,
            toks: list[regex.Match] | None = None) -> Span | None:
    """``t[a:b]`` trimmed to the speaker it names, or None if it does not look like one.

    ``longer``: after an inverted verb a title may run to eight words before the name ends
    it ("said energy analyst Orin Middleton of Barclays Capital"). ``toks``: the trimmed
    tokens of ``t[a:b]``, when the caller has them already."""
    w = words()
    if toks is None:
        toks = trim(list(TOKEN.finditer(t, a, b)))
    times = [i for i, m in enumerate(toks) if is_time(m.group()) and (
        m.group().lower() not in _TIME_DETERMINERS
        or (i + 1 < len(toks) and is_time(toks[i + 1].group())))]  # "this week", not "this man"
    if times:  # "On Monday Smith" -> Smith; "Antony Blinken on Wednesday" -> Antony Blinken
        after = trim(toks[times[-1] + 1:])
        toks = after if after else trim(toks[:times[0]])
    if not toks:
        return None
    while len(toks) > 1 and toks[0].group().lower() in _PARTICLES:
        toks = toks[1:]  # "about Comey", "of Florida"
    if lead_ok and toks[0].group().lower() in w.leading:
        return None
    texts = [m.group() for m in toks]
    lows = [x.lower() for x in texts]
    if lows[-1] in w.pronouns and lows[-1] not in ("it", "who") and not any(
            verbish(x) for x in texts[:-1]):
        return toks[-1].start(), toks[-1].end()  # "... on RT he blasted", "at 86 she says"
    if len(toks) == 1 and lows[0] in w.pronouns:
        return toks[0].start(), toks[0].end()
    contracted = CONTRACTED.fullmatch(lows[-1])
    if contracted and contracted.group(1) in w.pronouns and len(toks) == 1:
        return toks[0].start(), toks[0].start() + len(contracted.group(1))  # He’s claiming
    # An auxiliary ends the phrase unless it is part of a name ("Will Doyle"), looked for only
    # when there is one.
    auxiliaries = {x for x in lows if x in w.auxiliaries or x.endswith(("n't", "n’t"))}
    if len(toks) > 10 or (possessive(texts[-1]) and not _FIRM.search(t, a, b)) or (
            auxiliaries and not auxiliaries <= _in_names(texts)) \
            or any(x in w.pronouns for x in lows) or lows[-1] in w.joiners \
            or (lows[-1] in w.determiners and not texts[-1].isupper()):  # "the US said"
        return None
    if any(x in w.verb_class and x not in w.nouns for x in texts):  # "Read said" is a name
        return None
    if any(x.endswith("ed") and x.islower() and x not in _QUALIFIERS and y in _PARTICLES
           for x, y in zip(texts, lows[1:], strict=False)):  # a release linked to the report
        return None  # "the plan he said" is a clause, not a speaker
    named = capitalised(texts[-1]) and lows[-1] not in w.leading
    first_ok = capitalised(texts[0]) or lows[0] in w.determiners or lows[0] in w.prefixes \
        or lows[0] in w.nouns or ((named or lows[-1] in w.nouns)
                                  and len(toks) <= (8 if longer and named else 6)) \
        or (named and len(toks) > 2 and lows[1] in w.nouns and capitalised(texts[2]))
    # "conservative commentator Ann Ross of the Harbour Review": a described title, then a name
    led = lows[0] in w.determiners or capitalised(texts[0])
    last_ok = named or lows[-1] in w.nouns or (led and (
        len(toks) <= 6 or any(x in w.nouns for x in lows)))  # four people familiar with the call
    if not (first_ok and last_ok):
        return None
    return toks[0].start(), toks[-1].end()


_TIME_DETERMINERS = frozenset({"this", "last"})


def bare_plural(t: str, a: int, b: int) -> Span | None:
    """``“...,” café owners said``: right after a quotation, a short plural noun phrase with no
    determiner (no head-noun list can hold every "shop owners" and "local residents") is the
    speaker. Only lower-case words; the last one a plural that is neither a verb nor a small word.
    """
    w = words()
    toks = trim(list(TOKEN.finditer(t, a, b)))
    if not 1 <= len(toks) <= 4:
        return None
    lows = [m.group() for m in toks]
    last = lows[-1]
    if not all(x.replace("-", "").isalpha() and x.islower() for x in lows) \
            or not last.endswith("s") or last.endswith("ss") or len(last) < 4 \
            or any(x in w.small for x in lows) or any(x in w.verb_class for x in lows):
        return None
    return toks[0].start(), toks[-1].end()


def _in_names(texts: list[str]) -> set[str]:
    """Capitalised words that look like auxiliaries but are names: "Will Doyle", "Theresa
    May", "May wrote" (lower-cased, as ``np_span`` compares them); not the "Will" of "Will the
    plan", which a lower-case word follows."""
    caps = [capitalised(x) for x in texts]
    return {x.lower() for i, x in enumerate(texts) if caps[i] and (
        i + 1 == len(texts) or caps[i + 1] or (i > 0 and caps[i - 1]))}


def is_pronoun(t: str, span: Span) -> bool:
    return t[span[0]:span[1]].lower() in words().pronouns


def is_name(t: str, span: Span) -> bool:
    """A proper name or title ("Kurt Volker", "the White House"), not a description."""
    toks = [m.group() for m in TOKEN.finditer(t, *span)]
    joiners = words().joiners
    return bool(toks) and capitalised(toks[-1]) and all(
        capitalised(x) or x.lower() in joiners or x[:1].isdigit() for x in toks[1:])


def segment_start(t: str, i: int, lo: int) -> int:
    m = words().boundary.search(t, lo, i)
    return m.end() if m else lo


# Participles that still describe a speaker: "two people involved in the talks".
_QUALIFIERS = frozenset({"involved", "briefed", "based", "concerned", "connected", "associated",
                         "affiliated", "related", "unnamed", "retired", "elected", "appointed",
                         "authorized", "authorised", "acquainted", "interviewed", "polled",
                         "surveyed", "named", "quoted", "cited"})
_PARTICLES = frozenset({"to", "by", "with", "in", "on", "at", "from", "for", "into", "about",
                        "up", "out", "down", "over"})
_DASH_BEFORE = Tail(rf"(?:\s-\s|{DASH})\s*$")
_DASH_ASIDE = compile_regex(rf"(?r)\s-\s|{DASH}")
_FIRM = compile_regex(r"&\s*\w+['’]s\b|\b(?:McDonald|Sainsbury|Macy|Moody)['’]s\b")  # S&P
_RELATIVE = Tail(r"(?i)\b(?:which|who|that)\s*$")
_RELATIVE_LEAD = compile_regex(r"\s*(?i:who|which)\b")
_CONJ_BEFORE = Tail(r"\b(?:and|or)$")
COORDINATE = Tail(r"(?i)\b(?:and|but|or|then)\s*$")



# "is alleged to have": what stands between a speaker and the verb of a reported hearsay.
RAISED = Tail(r"\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:alleged|said|reported|"
              r"understood|believed|thought|known|expected)\s+to(?:\s+have)?\s*$")


def subject_before(t: str, i: int, lo: int, seg: int | None = None) -> Span | None:
    """The speaker of a verb at ``i`` standing before it: ``Milley said``, ``Smith, a ..., said``,
    ``Reid (D-Nev.) told``, ``the department which reported``, ``Trump ... and said``, ``Mr
    Houston is alleged to have said``."""
    raised = RAISED.ends(t, lo, i)
    if raised is not None:
        i = raised.start()
    if raised is not None or seg is None:  # ``seg``: the caller's segment_start(t, i, lo)
        seg = segment_start(t, i, lo)
    toks = trim(list(TOKEN.finditer(t, seg, i)))  # tokenised once: 7 calls an article
    if seg > lo and t[seg - 1] == ")" and not toks:
        opening = t.rfind("(", lo, seg)  # Harry Reid (D-Nev.) told reporters
        if opening > lo:
            return subject_before(t, opening, lo)
    span = np_span(t, seg, i, toks=toks)
    if span is None and len(toks) > 1 and toks[-1].group().lower() in ("who", "which", "that"):
        head = np_span(t, toks[0].start(), toks[-2].end())  # the Protestants who pledged
        if head is None and toks[-1].group().lower() == "who":
            tail = tail_np(t, (toks[0].start(), toks[-2].end()))  # made by a surrogate who
            head = np_span(t, *tail) if tail[0] > toks[0].start() else None
        if head is not None:
            head = tail_np(t, head)
            return trailing_name(t, head) if is_name(t, trailing_name(t, head)) else head
    if len(toks) == 2 and toks[0].group().lower() in ("who", "whom", "which", "that") \
            and toks[1].group().lower() in words().pronouns:
        return toks[1].start(), toks[1].end()  # President Obama, who he noted was “...”
    if _RELATIVE_LEAD.match(t, seg, i) and (span is None or is_relative(t, span)):
        head = seg  # "Smith, who has in the past described": the speaker is Smith
        while head > lo and t[head - 1] in " ,":
            head -= 1
        antecedent = np_span(t, segment_start(t, head, lo), head)
        return antecedent and trailing_name(t, antecedent)  # the mouth of Donald Trump, who
    blank = not toks
    if span is None and blank and seg > lo:
        rel = _RELATIVE.ends(t, lo, seg)
        if rel is not None:  # the Chicago Police Department which (also) reported “...”
            return np_span(t, segment_start(t, rel.start(), lo), rel.start())
        if COORDINATE.ends(t, lo, seg):  # Trump doubled down and said ...
            return leading_subject(t, lo, seg)
    if span is None and _CONJ_BEFORE.ends(t, lo, seg):
        wider = np_span(t, segment_start(t, _CONJ_BEFORE.ends(t, lo, seg).start(), lo), i)
        if wider is not None:  # the former secretary of state and current nominee said
            return wider
    if span is not None:
        return span
    if seg > lo and t[seg - 1] == "," and blank:
        aside = _appositive(t, seg - 1, lo)
        close = seg - 2
        while close > lo and t[close] == " ":
            close -= 1
        if aside is None and t[close] == ")":  # Gov. John Kasich (R-OH), said
            opening = t.rfind("(", lo, close)
            if opening > lo:
                return subject_before(t, opening, lo)
        return aside
    dash = _DASH_BEFORE.ends(t, lo, seg)
    if dash is not None and blank:  # Andrei Illarionov - then an adviser to Putin - told
        opening = _DASH_ASIDE.search(t, lo, dash.start())
        if opening is not None:
            return np_span(t, segment_start(t, opening.start(), lo), opening.start())
    return None


def is_relative(t: str, span: Span) -> bool:
    return t[span[0]:span[1]].lower() in ("who", "which")


_ASIDE_START = compile_regex(rf"(?r)(?<!\d),|,(?!\d)|[;:\"“”{QUOTE}]|\((?![^()]*\))")


def _appositive(t: str, comma: int, lo: int) -> Span | None:
    """``Smith, a Democrat, said`` / ``Smith, who ran, said``: the speaker before the aside,
    which may hold "and" or a long description ("China, Pyongyang's only ally and its economic
    lifeline to the outside world, said")."""
    m = _ASIDE_START.search(t, lo, comma)
    s1 = m.end() if m else lo
    words_inside = s1 - 1 >= lo and t[s1 - 1] == ","
    if words_inside and _RELATIVE_LEAD.match(t, s1, comma):
        end = s1 - 1  # "X (WSIS), which is meeting in Geneva, told": X, not Geneva
        while end > lo and t[end - 1] == " ":
            end -= 1
        if t[end - 1:end] == ")" and t.rfind("(", lo, end) > lo:
            end = t.rfind("(", lo, end)
        head = np_span(t, segment_start(t, end, lo), end)
        return head if head is not None and not is_pronoun(t, head) else None
    if words_inside:
        s0 = segment_start(t, s1 - 1, lo)
        head = np_span(t, s0, s1 - 1)
        if head is not None and not is_pronoun(t, head):
            aside = np_span(t, s1, comma)
            if aside is not None and is_name(t, aside) and not is_name(t, head):
                return aside  # the campaign manager, Robby Mook, said
            return head
    aside = np_span(t, segment_start(t, comma, lo), comma)
    return aside if aside is not None and not is_pronoun(t, aside) else None


_AFTER_END = compile_regex(rf"[,;:()\[\]\"“”{QUOTE}]|{DASH}|\s-\s|\.\s*$")


# Determiners that stand for a speaker on their own after a quotation and its verb.
_LONE_SPEAKERS = frozenset({"one", "another", "others", "some", "many", "several", "most"})
_NOT_SPEAKERS = frozenset({"that", "this", "it", "there", "what", "how", "why", "whether", "if",
                           "of", "to", "about"})
_KEEP_AFTER_SOURCE = frozenset({"in", "at", "on", "to", "who", "which", "that", "and"})


def subject_after(t: str, j: int, hi: int, *, qualifiers: bool = False,
                  inverted: bool = False) -> Span | None:
    """The speaker after an inverted verb: ``said Kurt Volker, a former US special envoy``.

    ``qualifiers`` keeps "involved in the talks" in ``according to two people involved in the
    talks``: after "according to" and "citing" what follows the head still describes it.
    ``inverted``: after a verb, where a clause ("said the message was") or a quotation
    ("said the Trump “train”") after the phrase shows it is the object, not the speaker.
    """
    w = words()
    m = _AFTER_END.search(t, j, hi)
    end = m.start() if m else hi
    toks = list(TOKEN.finditer(t, j, end))
    if not toks or toks[0].group().lower() in w.cut_after | w.prepositions | _NOT_SPEAKERS:
        return None  # "said on Twitter", "responded that the businessman"
    cut = w.cut_after - _KEEP_AFTER_SOURCE if qualifiers else w.cut_after
    head = toks
    for k, tok in enumerate(toks):
        if k and (tok.group().lower() in cut or is_time(tok.group())):
            end = toks[k - 1].end()
            head = toks[:k]
            break
    if inverted and ((m is not None and m.group() == QUOTE and head is toks) or any(
            x.group() in w.auxiliaries or x.group() in w.irregular for x in head)):
        return None  # "said the message was that ...", "said the Trump “train ...”" (but
        # "said Will Doyle", "said Robert Currington who is taking part")
    first = toks[0].group()
    if first.lower() in ("he", "she") or (inverted and len(head) == 1
                                          and first.lower() in _LONE_SPEAKERS):
        return toks[0].start(), toks[0].end()  # “...,” tweeted another
    span = np_span(t, toks[0].start(), end, longer=inverted)
    if span is None and qualifiers:  # a 52-count civil complaint filed by the SEC and ...
        for k in range(min(len(toks), 8), 0, -1):
            span = np_span(t, toks[0].start(), toks[k - 1].end())
            if span is not None:
                break
    if span is None or not (capitalised(first) or first.lower() in w.determiners
                            or is_name(t, trailing_name(t, span))
                            or t[span[0]:span[1]].split()[-1].lower() in w.nouns):
        return None
    return span


_COMMA = compile_regex(r",")


def leading_subject(t: str, lo: int, hi: int) -> Span | None:
    """The subject of a sentence's main clause, for ``..., saying``: ``Trump hailed it, saying``.

    Adverbials are skipped ("On Monday, ...", "And then Trump went ...").
    """
    w = words()
    pos = lo
    place = False  # the adverbial skipped last ends "in Salem": a state or country may follow
    for seg_end in [m.start() for m in _COMMA.finditer(t, lo, hi)] + [hi]:
        toks = list(TOKEN.finditer(t, pos, seg_end))
        pos = seg_end + 1
        if toks and seg_end < hi and (toks[0].group().lower() in w.prepositions or (
                toks[0].group().endswith("ing") and capitalised(toks[0].group()))):
            place = len(toks) > 1 and capitalised(toks[-1].group()) and any(
                m.group().lower() in w.prepositions for m in toks[1:-1])
            continue  # "In an incendiary press conference, Trump ...", "Writing in the
            # Guardian, Mr Brown ...": an adverbial
        if place and seg_end < hi and 0 < len(toks) <= 3 and all(
                capitalised(m.group()) for m in toks):
            place = False
            continue  # "Speaking in Salem, New Hampshire, Trump ...": the place goes on
        place = False
        while toks and toks[0].group().lower() in w.leading | w.between:
            toks = toks[1:]
        if not toks:
            continue
        if toks[0].group().lower() in w.pronouns:
            return toks[0].start(), toks[0].end()
        contracted = CONTRACTED.fullmatch(toks[0].group().lower())
        if contracted and contracted.group(1) in w.pronouns:
            return toks[0].start(), toks[0].start() + len(contracted.group(1))
        run = []
        for tok in toks[:8]:
            if verbish(tok.group()):
                break
            run.append(tok)
        while run and run[-1].group().lower() in w.joiners:
            run.pop()  # "Trump and has aides": Trump
        span = np_span(t, run[0].start(), run[-1].end()) if run else None
        if span is not None:
            return span
    return None


def trailing_name(t: str, span: Span) -> Span:
    """The name a longer phrase ends with: "footage of Hillary Clinton" -> "Hillary Clinton"."""
    toks = list(TOKEN.finditer(t, *span))
    k = len(toks)
    while k > 0 and (capitalised(toks[k - 1].group())
                     or (k < len(toks) and toks[k - 1].group().lower() in words().joiners)):
        k -= 1
    while k < len(toks) and not capitalised(toks[k].group()):
        k += 1
    return (toks[k].start(), span[1]) if 0 <= k < len(toks) else span


def is_person(t: str, span: Span) -> bool:
    """A speaker that can talk: a pronoun, a name ("Southampton boss Harry Redknapp" ends with
    one), or a head noun like "minister"."""
    head = t[span[0]:span[1]].split()[-1].lower()
    return is_pronoun(t, span) or is_name(t, trailing_name(t, span)) or head in words().nouns


def tail_np(t: str, span: Span) -> Span:
    """The phrase after the last verb of a span: "Lori Bernstein held up a sign" -> "a sign"."""
    toks = list(TOKEN.finditer(t, *span))
    k = max((i for i, m in enumerate(toks) if verbish(m.group()) or m.group() == "up"),
            default=-1)
    return (toks[k + 1].start(), span[1]) if 0 <= k < len(toks) - 1 else span


def is_determined(t: str, span: Span) -> bool:
    first = t[span[0]:span[1]].split()[0].lower()
    return first in words().determiners


_PERSON = (r"(?r)\b(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof)\.?\s+[A-Z][\w’'-]+"
           r"|[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w’'-]+)")
# A person's name, matched ending where a word ends. Searched backwards, the name was tried at every
# position of the 1,500 characters, each time reading the word to its left back to its capital.
# A match ending inside a word extends to the word's end, so
# the first match found backwards ends at a word's end or where the searched text ends, which
# the look-ahead takes for the text's end: each search ends where the last match started.
_PERSON_AT_WORD_END = compile_regex(_PERSON + r"(?![\w’'-])")


def last_person(t: str, before: int) -> Span | None:
    """The last name of a person in the 1,500 characters before ``before``."""
    return next(people_before(t, before, max(0, before - 1500)), None)


def people_before(t: str, before: int, lo: int) -> Iterator[Span]:
    """Names of people in ``t[lo:before]``, the nearest first."""
    skip = words().leading | words().determiners
    end = before
    while end > lo:
        m = _PERSON_AT_WORD_END.search(t, lo, end)
        if m is None:
            return
        if m.group().split()[0].lower() not in skip:
            yield m.start(), m.end()
        end = m.start()
