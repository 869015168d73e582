"""Who a speaker stands for: the person a pronoun refers to, the body a description names.

``he``/``she`` resolve to the nearest earlier person they can refer to: a named speaker or a
person's name in the narration (never inside a quotation: the text is masked), that is not a
place, an institution, a date or an event ("Kansas City", "General Hospital", "Christmas Eve"),
a possessive ("the Prime Minister's") or a news agency, and whose sex, when the article shows
it, agrees: a title (Mr, Mrs, Ms, Sir, Lady: data/speakers.yaml) before the name or before
the same surname anywhere in the article, or an earlier pronoun resolved to the same person.
Salience comes first: the subject of the narration opening the quotation's own sentence, then
the subject of the sentence before; after a person only described ("a spokesman for X said")
the pronoun is that person, ``unnamed``, not the last named one.

The names the ``quotes`` listing gives a speaker are ``naming.py``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ...cache import compile_regex
from ...data import load_data
from .lexicon import QUOTE, TOKEN, Span, words
from .model import Attribution
from .speakers import is_name, leading_subject, people_before, trailing_name

if TYPE_CHECKING:
    from ...text.document import Document

MALE, FEMALE = "m", "f"
_REACH = 1500  # how far back a pronoun's person or a description's body is looked for


@dataclass(frozen=True)
class _Lists:
    titles: dict[str, str]
    first_names: dict[str, str]
    not_person: frozenset[str]
    place_openers: frozenset[str]
    agencies: frozenset[str]
    body_heads: frozenset[str]
    company_heads: frozenset[str]
    person_heads: frozenset[str]
    plural_heads: frozenset[str]
    head_sexes: dict[str, str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    data = load_data("speakers")
    low = lambda key: frozenset(w.lower() for w in data[key])  # noqa: E731
    titles = {w: MALE for w in low("male_titles")} | {w: FEMALE for w in low("female_titles")}
    first = {w: MALE for w in low("male_first_names")} | {
        w: FEMALE for w in low("female_first_names")}
    return _Lists(titles, first, low("not_person_heads"), low("place_openers"),
                  low("news_agencies"), low("body_heads"), low("company_heads"),
                  low("person_heads"), low("plural_person_heads"),
                  {w: MALE for w in low("male_person_heads")}
                  | {w: FEMALE for w in low("female_person_heads")})


_TITLED = compile_regex(r"\b([A-Z][a-z]{1,9})\.?\s+([A-Z][\w’'-]+)(?:\s+([A-Z][\w’'-]+))?")
_POSSESSIVE = compile_regex(r"['’]s?\b")


def _sexes(text: str) -> dict[str, str]:
    """Names whose sex the article shows: a title ("Mrs Robinson" -> robinson: f) or a first name
    ("Hillary Clinton" -> clinton: f) anywhere in it."""
    lists = _lists()
    out: dict[str, str] = {}
    for m in _TITLED.finditer(text):
        sex = lists.titles.get(m.group(1).lower()) or lists.first_names.get(m.group(1).lower())
        if sex is not None:
            for name in m.groups()[1:]:
                if name:
                    out.setdefault(_key(name), sex)
    return out


def _key(token: str) -> str:
    return token.lower().rstrip("’'s") if token.endswith(("’s", "'s")) else token.lower()


def is_person_name(t: str, span: Span) -> bool:
    """Could this capitalised phrase be a person who speaks?"""
    lists = _lists()
    toks = [m.group() for m in TOKEN.finditer(t, *span)]
    if not toks or _POSSESSIVE.match(t, span[1]) or toks[-1].endswith(("'", "’", "’s", "'s")):
        return False  # the Prime Minister's, the Law Lords'
    lows = [x.lower().rstrip(".") for x in toks]
    if lows[-1] in lists.not_person or " ".join(lows) in lists.agencies:
        return False
    if lows[0] in words().prefixes or "and" in lows or "&" in lows:
        return False  # "Former Wimbledon (champion)", "Jeb Bush and Chris Christie"
    if lows[0] in words().calendar or all(x.isupper() for x in toks if len(x) > 1):
        return False  # a date; a heading in capitals
    return not (len(lows) == 2 and lows[0] in lists.place_openers
                and lists.titles.get(lows[0]) is None)


def _titled(t: str, span: Span) -> bool:
    """Is the name led by a title or a role ("Mr Weiss", "Sen. Ted Cruz", "coach Bob Lee")?"""
    first = t[span[0]:span[1]].split()[0].lower().rstrip(".")
    before = t[max(0, span[0] - 20):span[0]].split()
    role = before[-1].lower().rstrip(".") if before else ""
    w = words()
    return any(x in _lists().titles or x in w.nouns or x in w.prefixes or x in _ROLES
               for x in (first, role))


_ROLES = frozenset({"sen", "rep", "gov", "dr", "prof", "gen", "col", "lt", "capt", "sgt",
                    "rev", "judge", "justice", "coach", "manager", "captain", "striker",
                    "player", "actor", "actress", "singer", "star", "author", "writer",
                    "columnist", "host", "anchor", "commissioner", "premier", "chancellor",
                    "ambassador", "envoy", "bishop", "archbishop", "sheriff", "detective",
                    "pastor", "pollster", "strategist", "activist", "nominee", "rival"})


def _sex(t: str, span: Span, sexes: dict[str, str]) -> str | None:
    titles = _lists().titles
    toks = [m.group() for m in TOKEN.finditer(t, *span)]
    before = t[max(0, span[0] - 12):span[0]].split()
    for word in ([before[-1]] if before else []) + toks[:1]:
        sex = titles.get(word.lower().rstrip("."))
        if sex is not None:
            return sex
    if len(toks) > 1 and toks[0].lower() in _lists().first_names:
        return _lists().first_names[toks[0].lower()]
    return sexes.get(_key(toks[-1])) or (sexes.get(_key(toks[0])) if len(toks) > 1 else None)


def resolve(doc: Document, t: str, out: list[Attribution]) -> list[Attribution]:
    """Each ``he``/``she`` speaker's person in ``resolved``; the other records unchanged."""
    resolvable = words().resolvable
    pronouns = [t[a.source[0]:a.source[1]].lower() in resolvable if a.source else False
                for a in out]
    if not any(pronouns):
        return out
    sexes = _sexes(doc.text)
    # The people who spoke so far: resolved persons, and named speakers whose name is read
    # only when a pronoun falls back on the nearest person (most never do).
    speakers: list[Span | Attribution] = []
    named = [a for a, p in zip(out, pronouns, strict=True) if a.source is not None and not p]
    names: dict[int, Span | None] = {}

    def name_of(a: Attribution) -> Span | None:
        if id(a) not in names:
            names[id(a)] = _person_speaker(t, a.source)
        return names[id(a)]

    @cache
    def surnames() -> frozenset[str]:
        return frozenset(_key(t[n[0]:n[1]].split()[-1]) for n in map(name_of, named)
                         if n is not None)

    result = []
    done: dict[Span, Span | None] = {}  # one "he" that speaks several quotations: one person
    unnamed: set[Span] = set()  # the pronouns that refer to a person only described
    last: Attribution | None = None  # the latest record with a speaker
    for a, is_pronoun in zip(out, pronouns, strict=True):
        src = a.source
        if src is not None and is_pronoun and src in done:
            a = replace(a, resolved=done[src], unnamed=src in unnamed)
        elif src is not None and is_pronoun:
            pronoun = t[src[0]:src[1]].lower()
            want = FEMALE if pronoun == "she" else MALE
            person = _own_subject(doc, t, a, want, sexes) \
                or _subject(doc, t, a.sentence, want, sexes)
            if person is None and last is not None and (last.source in unnamed or _described(
                    t, last.source, want)):
                unnamed.add(src)  # "A spokesman for X said ... He said": the spokesman
                a = replace(a, unnamed=True)
            elif person is None:
                latest = (s if isinstance(s, tuple) else name_of(s) for s in reversed(speakers))
                person = _person(t, src[0], (s for s in latest if s is not None), want, sexes,
                                 surnames)
            done[src] = person
            if person is not None:
                toks = [m.group() for m in TOKEN.finditer(t, *person)]
                sexes.setdefault(_key(toks[-1]), want)  # the chain: "he" again is him
                speakers.append(person)
            a = replace(a, resolved=person)
        elif src is not None:
            speakers.append(a)
        if src is not None:
            last = a
        result.append(a)
    return result


def _described(t: str, src: Span, want: str) -> bool:
    """Is ``src`` one person of sex ``want`` (or of no known sex) that the text describes but
    does not name: "a spokesman for the alliance", "one aide", "his wife"?"""
    toks = [m.group().lower() for m in TOKEN.finditer(t, *src)]
    if len(toks) < 2 or toks[0] not in words().singular | {"the", "his", "her", "their"}:
        return False
    cut = next((i for i, w in enumerate(toks) if w == "of" or w in words().prepositions),
               len(toks))
    head = toks[cut - 1]
    lists = _lists()
    if head not in lists.person_heads or head.endswith("s") or head in lists.plural_heads:
        return False
    return lists.head_sexes.get(head) in (None, want)


def _subject(doc: Document, t: str, index: int, want: str, sexes: dict[str, str]) -> Span | None:
    """The person the sentence before is about, when it opens with one: "McAuliffe signed the
    order on Friday. “...,” he said." (salience: the subject, not the nearest name)."""
    if index == 0:
        return None
    before = doc.sentences[index - 1]
    if doc.sentence_index(before.start) != index - 1 or _QUOTE_OPEN.match(t, before.start):
        return None
    span = leading_subject(t, before.start, before.end)
    if span is None:
        return None
    for part in _conjuncts(t, span):  # "Clinton and husband Bill thanked ...": she is Clinton
        name = _person_speaker(t, part)
        if name is not None and _sex(t, name, sexes) in (None, want):
            return name
    return None


def _own_subject(doc: Document, t: str, a: Attribution, want: str,
                 sexes: dict[str, str]) -> Span | None:
    """The person the narration opening the quotation's own sentence is about: "Mosman saw
    it differently: “...,” he said." (a pronoun after the quotation)."""
    if a.source is None or a.source[0] < a.content[1]:
        return None
    lo = doc.sentences[doc.sentence_index(a.content[0])].start
    if not t[lo:a.content[0]].strip():
        return None
    span = leading_subject(t, lo, a.content[0])
    name = _person_speaker(t, span) if span is not None else None
    return name if name is not None and _sex(t, name, sexes) in (None, want) else None


_AND = compile_regex(r"\s+and\s+")


def _conjuncts(t: str, span: Span) -> list[Span]:
    """``span`` and, when it joins two phrases with "and", each of them."""
    m = _AND.search(t, *span)
    if m is None:
        return [span]
    return [(span[0], m.start()), (m.end(), span[1])]


_QUOTE_OPEN = compile_regex(rf"\s*{QUOTE}")


def _person_speaker(t: str, src: Span) -> Span | None:
    """The person a speaker names: a name of two words or more ("Kurt Volker", "Mr Weiss"), or
    a surname the article gives in full elsewhere ("Volker")."""
    name = trailing_name(t, src)
    if not is_name(t, name) or not is_person_name(t, name) or _after_article(t, src, name):
        return None
    toks = list(TOKEN.finditer(t, *name))
    while len(toks) > 1 and toks[0].group().lower() in words().prefixes:
        toks = toks[1:]  # "Former Wimbledon champion ..."
    name = toks[0].start(), toks[-1].end()
    text = t[name[0]:name[1]]
    if text.lower() in words().pronouns:
        return None
    if " " not in text and not _full_name(t, text):
        return None  # "Cost estimates", "Audiences said": a capitalised word, not a name
    return name


# Two capitalised words in one sentence: "Kurt Volker", "Mr. Volker", "J. Volker" (not "UK.
# Microsoft", where a sentence ends).
_PAIR = compile_regex(r"\b(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z][a-z]{0,3}\.|[A-Z]\.)[ \t]+"
                      r"([A-Z][\w’'-]+)")


@lru_cache(maxsize=8)
def _second_names(t: str) -> frozenset[str]:
    """Every capitalised word that follows another in ``t``: the surnames of full names."""
    return frozenset(m.group(1) for m in _PAIR.finditer(t, overlapped=True))


def _full_name(t: str, surname: str) -> bool:
    return surname in _second_names(t)


def _after_article(t: str, src: Span, name: Span) -> bool:
    """"the Wisconsin Republican": a description in capitals, not a name."""
    before = t[src[0]:name[0]].split()
    return bool(before) and before[-1].lower() in words().determiners


def _person(t: str, at: int, latest: Iterable[Span], want: str, sexes: dict[str, str],
            surnames: Callable[[], frozenset[str]]) -> Span | None:
    """The nearest earlier person of sex ``want`` (or of unknown sex): a speaker (``latest``:
    the speakers so far, the latest first), or a name in the narration that is titled or the
    surname of someone who speaks in the article (``surnames``, read only when needed)."""
    def fits(span: Span) -> bool:
        return is_person_name(t, span) and _sex(t, span, sexes) in (None, want)

    speaker = next((s for s in latest if s[1] <= at and fits(s)), None)
    lo = max(0, at - _REACH, speaker[1] if speaker else 0)
    mention = next((s for s in people_before(t, at, lo) if fits(s) and (
        _titled(t, s) or _key(t[s[0]:s[1]].split()[-1]) in surnames())), None)
    if speaker is None or (mention is not None and mention[0] > speaker[0]
                           and _SENTENCE_BREAK.search(t, speaker[1], mention[0])):
        return mention  # not a name in the speaker's own description ("X, an adviser to Y,")
    return speaker


_SENTENCE_BREAK = compile_regex(r"[a-z\d][.!?][\"'”’]*\s")
