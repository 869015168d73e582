"""What a figure measures: the measures of ``quotelint/data/measures.yaml``, compiled once.

A figure is tied to a measure by a few words either side: a phrase before it ("a range of",
"death toll of", "weighs"), after it ("320 km range", "40 metres deep", "Russian troops",
"people were killed"), a distance from a named place ("20 miles from Lille"), the noun it
modifies ("the 912km pipeline") or the noun it counts ("14 million tonnes of crops"). The same
file holds the cue words that ``quantities.py`` uses to decide when two figures of one measure
are still not comparable (changes, parts, rates, sources, time words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...cache import compile_re
from ...data import load_data
from ...matching.alternation import alternation
from ...matching.end_search import EndSearch
from .figures import Figure
from .pattern import figure_grammar


@dataclass(frozen=True)
class MeasureTable:
    before: EndSearch
    after: re.Pattern
    names: list[str]
    dimensions: dict[str, frozenset[str]]
    display: dict[str, str]
    scoped: frozenset[str]  # shares of one vote or poll: keyed by the words around them too
    place: re.Pattern
    compound: re.Pattern
    determiner: re.Pattern
    of_noun: re.Pattern
    noun_of: re.Pattern
    stop: frozenset[str]
    everyone: frozenset[str]
    not_measured: frozenset[str]
    partial: frozenset[str]
    change_before: EndSearch
    change_after: re.Pattern
    proposal_before: re.Pattern
    difference_before: re.Pattern
    difference_after: re.Pattern
    rate_after: re.Pattern
    source_noun: re.Pattern
    source_before: re.Pattern
    source_context: re.Pattern
    attribution: re.Pattern
    generic_sources: frozenset[str]
    stopwords: frozenset[str]
    openers: frozenset[str]
    min_value: dict[str, float]
    times: re.Pattern
    distinguishers: frozenset[str]


def _figure_words() -> frozenset[str]:
    """Words that open a figure ("Thousands of", "Nearly 80"): never a sentence's subject."""
    grammar = figure_grammar()
    phrases = [*grammar.number_words, *grammar.scale_words, *grammar.vague, *grammar.approximators]
    return frozenset(w for phrase in phrases for w in phrase.split())



@lru_cache(maxsize=1)
def measure_table() -> MeasureTable:
    data = load_data("measures")
    stop = data["stop_modifiers"]
    modifier = rf"(?:(?!(?:{alternation(stop)})\b)[\w’'.&-]+[\s-]+)"
    before, after, names = [], [], []
    dimensions, display, min_value = {}, {}, {}
    for i, (name, spec) in enumerate(data["measures"].items()):
        names.append(name)
        dimensions[name] = frozenset(spec["dimensions"])
        if "min_value" in spec:
            min_value[name] = float(spec["min_value"])
        display[name] = spec.get("display", name)
        if spec.get("before"):
            before.append(rf"(?P<m{i}>{'|'.join(f'(?:{p})' for p in spec['before'])})")
        # re wants unique group names: "who" becomes w<i><j>.
        afters = [f"(?:{p.replace('(?P<who>', f'(?P<w{i}{j}>')})"
                  for j, p in enumerate(spec.get("after", []))]
        if spec.get("nouns"):
            afters.append(rf"(?:{modifier}{{0,3}}(?P<c{i}>{alternation(spec['nouns'])})\b)")
        if afters:
            after.append(rf"(?P<m{i}>{'|'.join(afters)})")
    directions = (r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                  r"(?:\s+of)?|from|away\s+from|outside|off|off\s+the\s+coast\s+of|inland\s+from")
    return MeasureTable(
        before=EndSearch(rf"(?i:{'|'.join(before)})\s*$"),
        after=compile_re(rf"[\s-]*(?i:{'|'.join(after)})"),
        names=names,
        dimensions=dimensions,
        display=display,
        scoped=frozenset(name for name, spec in data["measures"].items() if spec.get("scoped")),
        place=compile_re(
            rf"\s+(?i:{directions})\s+(?:the\s+)?(?:(?:capital|city|town|village|port|"
            r"coast|island)\s+(?:of\s+)?)?(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})(?![’']s)\b"),
        compound=compile_re(r"(?P<joint>-|\s)(?P<noun>[a-z]{3,})\b"),
        determiner=compile_re(r"(?i:\b(?:a|an|the|its|their|his|her|this|that|each|whose|our|"
                                 r"my|your)\s+)$"),
        of_noun=compile_re(r"\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?"
                           r"(?P<np>(?:[a-z][\w-]*|[A-Z]{2,5}\b)(?:\s+[a-z][\w-]*){0,2})"),
        noun_of=compile_re(r"\b(?P<noun>[a-z][a-z-]{2,})\s+of\s+$"),
        stop=frozenset(stop),
        everyone=frozenset(stem(w) for w in data["everyone"]),
        not_measured=frozenset(data["not_measured_nouns"]),
        partial=frozenset(w.lower() for w in data["partial_modifiers"]),
        change_before=EndSearch(rf"(?i:{data['change_before']})"),
        change_after=compile_re(rf"(?i:{data['change_after']})"),
        proposal_before=compile_re(rf"(?i:{data['proposal_before']})"),
        difference_before=compile_re(rf"(?i:{data['difference_before']})"),
        difference_after=compile_re(rf"(?i:{data['difference_after']})"),
        rate_after=compile_re(rf"(?i:{data['rate_after']})"),
        source_noun=compile_re(data["source_noun"]),
        source_before=compile_re(rf"(?i:{data['source_before']})"),
        source_context=compile_re(rf"(?i:{data['source_context']})"),
        attribution=compile_re(
            rf"\baccording\s+to\s+(?:the\s+)?(?P<a>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)"
            # "Moscow said", "Ukrainian intelligence said", "Russian officials say"
            rf"|\b(?P<b>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*"
            rf"(?:\s+(?!(?:also|has|have|had|later|then|now|earlier|previously)\b)[a-z]+)?)"
            # "The minister, Bernard Cazeneuve, said": an apposition ends with a comma
            rf",?\s+(?:has\s+|have\s+|had\s+)?"
            rf"(?:{alternation(data['attribution_verbs'])})\b"
            rf"|\b(?:{alternation(data['attribution_verbs'])})\s+(?P<c>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)"),
        generic_sources=frozenset(w.lower() for w in data["generic_sources"]),
        stopwords=frozenset(data["context_stopwords"]),
        openers=frozenset(data["common_openers"]) | frozenset(data["context_stopwords"])
        | frozenset(w.lower() for w in data["generic_sources"]) | _figure_words(),
        min_value=min_value,
        times=compile_re(rf"(?i:{data['time_markers']})"),
        distinguishers=frozenset(w.lower() for w in data["distinguishers"]),
    )



def stem(word: str) -> str:
    word = word.lower().strip("’'-")
    if word.endswith("’s") or word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _family(dimension: str) -> str:
    return "money" if dimension.startswith("money:") else dimension


def find_measure(meas: MeasureTable, text: str, fig: Figure, left: str,
             right_end: int) -> tuple[str | None, str, str]:
    """(key, display, cue words) of what ``fig`` measures, or (None, "", "")."""
    family = _family(fig.dimension)
    # The phrase before is searched only when the words after name no measure: it is costlier.
    for search in (lambda: meas.after.match(text, fig.end, right_end),
                   lambda: meas.before.search(left)):
        found = search()
        if found is None:
            continue
        index = int(found.lastgroup[1:])
        name = meas.names[index]
        if family not in meas.dimensions[name]:
            continue
        groups = {k[0]: v for k, v in found.groupdict().items() if v and k[0] in "cw"}
        who = stem(groups.get("w", "people"))
        if who not in meas.everyone:  # "two children died": the children's death toll
            return f"{name}:{who}", f"{meas.display[name]} ({groups['w'].lower()})", found.group()
        # the cue: the counted noun, or the whole phrase
        return name, meas.display[name], groups.get("c") or found.group()
    if fig.unit is None or family in ("temperature", "speed"):
        return None, "", ""
    if family == "length" and not left.endswith("by "):  # "won by 25 metres from X": a margin
        place = meas.place.match(text, fig.end, right_end)
        if place:
            where = place.group("place")
            return f"distance:{where.lower()}", f"the distance from {where}", place.group()
    # "a 10-mile drive", "the 912km pipeline": the figure modifies a noun.
    compound = meas.compound.match(text, fig.end, right_end)
    if compound and compound.group("joint") != "-" and not meas.determiner.search(left):
        compound = None
    if compound and _measured(meas, compound.group("noun")):
        noun = compound.group("noun")
        return f"{family}:{stem(noun)}", f"the {noun}", noun
    of = meas.of_noun.match(text, fig.end, right_end)  # "14 million tonnes of crops"
    if of:
        words = of.group("np").split()
        cut = next((i for i, w in enumerate(words) if w in meas.stop), len(words))
        if cut and _measured(meas, words[cut - 1].lower()):
            noun = words[cut - 1].lower()  # "tonnes of crops", "tonnes of LNG"
            return f"{family}:{stem(noun)}", f"{_AMOUNT[family]} {noun}", of.group()
    noun_of = meas.noun_of.search(left)  # "a production capacity of 70 million tonnes"
    if noun_of and _measured(meas, noun_of.group("noun")):
        noun = noun_of.group("noun")
        return f"{family}:{stem(noun)}", f"the {noun}", noun_of.group()
    return None, "", ""


_AMOUNT = {"length": "the length of", "area": "the area of", "mass": "the amount of",
           "volume": "the amount of"}


def _measured(meas: MeasureTable, noun: str) -> bool:
    """Can ``noun`` name what a figure measures? Not a category ("race"), not a word."""
    return (noun not in meas.not_measured and stem(noun) not in meas.not_measured
            and noun not in meas.stop and len(noun) > 2)


