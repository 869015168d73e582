"""The name a reader would give a speaker, for the ``quotes`` listing.

``speaker_name``: the resolved name of a pronoun, the name a phrase ends with ("Southampton
boss Harry Redknapp"), the body an ``it`` or a definite description stands for ("the ministry"
after "the Finance Ministry", "the report" after "a World Bank report"), else None.
``unnamed_person``: a speaker the text only describes ("one campaign source").
"""

from __future__ import annotations

from ...cache import compile_regex
from .lexicon import TOKEN, Span, capitalised, words
from .model import Attribution
from .resolution import _REACH, _after_article, _lists, _person_speaker, _titled, is_person_name
from .speakers import is_name, trailing_name


def speaker_name(t: str, a: Attribution, bodies: list[Span]) -> Span | None:
    """The name a reader would give for ``a``'s speaker, or None (see the module's docstring).

    ``bodies``: the named bodies that speak in the article (``speaking_bodies``), for ``it``."""
    src = a.source
    if src is None:
        return None
    if a.resolved is not None:
        return a.resolved
    low = t[src[0]:src[1]].lower()
    if low in words().pronouns:
        return next((b for b in reversed(bodies) if b[1] <= src[0]), None) \
            if low == "it" else None
    name = trailing_name(t, src)
    if low in words().nouns:
        return None  # "Critics called it ...": a capitalised noun, not a name
    if is_name(t, name) and capitalised(t[name[0]:name[1]].split()[-1]) \
            and not _after_article(t, src, name) and (
                " " in t[name[0]:name[1]] or name[0] == src[0] or _titled(t, name)):
        return name  # not "a pro-Clinton super PAC"
    toks = low.split()
    if 2 <= len(toks) <= 3 and toks[0] in ("the", "this") and toks[-1] in _lists().body_heads:
        named = _named_body(t, src[0], toks[-1])  # "the ministry", "the radio station"
        if named is None and toks[-1] in _lists().company_heads:
            return next((b for b in reversed(bodies) if b[1] <= src[0]), None)
        return named
    return None


def unnamed_person(t: str, a: Attribution, name: Span | None) -> bool:
    """Whether ``a``'s speaker is a person the text describes but never names ("one campaign
    source", "a spokesman for the alliance", "his wife", "protesters"): no name stands for it
    (``name``, from ``speaker_name``) and the description's head, before any "for"/"of"
    phrase, is a person's noun, not a body's ("the ministry") or a document's."""
    src = a.source
    if a.unnamed:
        return True  # "He said", after "a spokesman for the alliance"
    if src is None or name is not None:
        return False
    toks = [m.group().lower() for m in TOKEN.finditer(t, *src)]
    if not toks or toks[0] in words().pronouns:
        return False
    cut = next((i for i, w in enumerate(toks) if w == "of" or w in words().prepositions),
               len(toks))
    head = next((i for i in range(cut - 1, -1, -1) if toks[i] in _lists().person_heads), None)
    return head is not None and (head == 0 or toks[0] in words().determiners) and not any(
        w in _lists().body_heads for w in toks[head + 1:cut])


_NUMBERED = compile_regex(r"[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*)*[ \t]+\d+")


def speaking_bodies(t: str, records: list[Attribution]) -> list[Span]:
    """The named speakers of ``records`` that are bodies, not people, in text order."""
    pronouns = words().pronouns
    out = []
    for a in records:
        src = a.source
        if src is None or t[src[0]:src[1]].lower() in pronouns:
            continue
        if _NUMBERED.fullmatch(t, *src):
            out.append(src)  # "Radio 1 said", "Channel 4 said"
            continue
        name = trailing_name(t, src)
        if is_name(t, name) and not _after_article(t, src, name) and (
                not is_person_name(t, name) or _person_speaker(t, src) is None):
            out.append(name)  # "Microsoft said" (no person's full name)
    return sorted(out)


_CAPS_RUN = compile_regex(
    r"\b[A-Z][\w’'&.-]*(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+)?[A-Z][\w’'&.-]*)*")


def _run_ending(t: str, lo: int, end: int) -> Span | None:
    """The run of capitalised words ("Finance and Economy Ministry") that ends at ``end``."""
    for run in _CAPS_RUN.finditer(t, max(lo, end - 80), end):
        if run.end() == end:
            return run.start(), run.end()
    return None


def _named_body(t: str, at: int, head: str) -> Span | None:
    """The nearest earlier "Finance Ministry" (a name with the head) or "World Bank report" (a
    name before the head) for "the ministry" / "the report": a body is named once, and may be
    referred to by its head a long way on."""
    lo = max(0, at - 2 * _REACH)
    for m in reversed(list(compile_regex(rf"(?i)\b{head}\b").finditer(t, lo, at))):
        if t[m.start()].isupper():  # "... Finance and Economy Ministry": the head ends the name
            run = _run_ending(t, lo, m.end())
            if run is not None and run[0] < m.start():
                span = _without_article(t, run)
                if span[0] < m.start():
                    return span
            continue
        end = m.start()
        while end > lo and t[end - 1].isspace():
            end -= 1
        run = _run_ending(t, lo, end)  # "a World Bank report"
        if run is not None and t[run[0]:run[1]].lower() not in words().small:
            return _without_article(t, run)
    return None


def _without_article(t: str, span: Span) -> Span:
    for article in ("The ", "A "):
        if t.startswith(article, span[0]) and span[0] + len(article) < span[1]:
            return span[0] + len(article), span[1]
    return span
