"""Accuracy of quotations and speakers on PolNeAR (train and dev splits), read by path.

    python benchmarks/quotes.py [--data PATH] [--split dev] [--errors N]

The data stays where it is (its licence forbids copying it into the project). For each
article it lists quotations with ``analysis/attributions.py`` and runs the orphan-quote rule
(QL201), then reports, per split:

- quotation F1: a predicted quotation matches a gold one when they overlap by at least 30 % of
  the gold span (GGT-style, one-to-one). ``attributed`` compares the quotations quotelint gives
  a speaker with the gold quotations that have one (what sayswho and textacy extract);
  ``all marks`` compares every listed quotation with every gold quotation-mark span;
- speaker accuracy: matched attributed quotations whose predicted speaker span overlaps a gold
  source span (a missing speaker counts as wrong);
- false orphans: gold attributed quotations that QL201 reports;
- synthetic orphans: an attributed quotation whose gold source and cue sit in its paragraph,
  with them deleted and the commas tidied, should be reported: all of them; those of at least
  ``min_words`` words (the only ones the rule can report); and the *clean* ones, long ones
  whose paragraph keeps no other gold speaker after the deletion (elsewhere an editor would
  still read a speaker: "X said he thinks ... “...”", a second attribution of the sentence);
- the same two orphan figures with ``paragraph_continuation: true`` (the British reading: a
  speaker goes on into a paragraph that opens with a quotation after X's quotation or X's
  reported words, and into a quotation right after a sentence about X);
- rule time per article.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from collections import Counter
from pathlib import Path

import regex

from quotelint.analysis.attribution.attributions import quotations, quote_attribution
from quotelint.checks.ruleset import load_rules
from quotelint.text.document import Document
from quotelint.text.marks import word_count

DEFAULT_DATA = Path("/work/shared/eval/polnear/polnear_trainval.jsonl")
OVERLAP = 0.3


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching, gold index -> pred index, best overlaps first."""
    pairs = sorted(((_overlap(g, p), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred)
                    if _overlap(g, p) >= OVERLAP * max(1, g[1] - g[0])), reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


class Orphans:
    """The QL201 rule as shipped (or with other parameters), run on one text."""

    def __init__(self, **params: object) -> None:
        self.check = copy.copy(load_rules().find("QL201"))
        self.check.params = {**self.check.params, **params}

    def spans(self, text: str) -> list[tuple[int, int]]:
        doc = Document(text, "article.txt", markdown=False)
        return [(f.start, f.end) for f in self.check.run(doc)]


_TIDY = [
    (regex.compile(r"[ \t]{2,}"), " "),
    (regex.compile(r" +([,.;:!?])"), r"\1"),
    (regex.compile(r",\s*([,.;:])"), r"\1"),
    (regex.compile(r",([”\"’'])\s*([.;])"), r".\1"),
    (regex.compile(r"(^|\n)[ ,;:]+"), r"\1"),
    (regex.compile(r"[ ,;:]+(\n|$)"), r".\1"),
]


def synthetic_orphan(text: str, quote: dict, attribution: dict) -> tuple[str, int] | None:
    """Delete the quotation's gold source and cue from its paragraph: (new text, new start)."""
    para_start = text.rfind("\n", 0, quote["start"]) + 1
    para_end = text.find("\n", quote["end"])
    para_end = len(text) if para_end < 0 else para_end
    spans = [(s, e) for s, e, _ in attribution["source"] + attribution["cue"]]
    if not spans or not all(para_start <= s and e <= para_end for s, e in spans):
        return None
    if any(_overlap((s, e), (quote["start"], quote["end"])) for s, e in spans):
        return None
    marker = "\x00"
    chars = list(text)
    chars[quote["start"]] = marker + chars[quote["start"]]
    for s, e in spans:
        chars[s:e] = [""] * (e - s)
    new = "".join(chars)
    for pattern, repl in _TIDY:
        new = pattern.sub(repl, new)
    at = new.find(marker)
    return new.replace(marker, ""), at


def evaluate(rows: list[dict], errors: int = 0) -> dict:
    orphans = Orphans()
    british = Orphans(paragraph_continuation=True)
    c: Counter = Counter()
    shown = 0
    elapsed = 0.0
    for row in rows:
        text = row["text"]
        t0 = time.perf_counter()
        doc = Document(text, "article.txt", markdown=False)
        listed = quotations(doc)
        attrs = [quote_attribution(doc, q) for q in listed]
        flagged = [(f.start, f.end) for f in orphans.check.run(doc)]
        elapsed += time.perf_counter() - t0
        flagged_british = [(f.start, f.end) for f in british.check.run(doc)]
        gold = row["quotes"]
        gold_all = [(g["start"], g["end"]) for g in gold]
        pred_all = [(q.start, q.end) for q in listed]
        m_all = match(gold_all, pred_all)
        c["all_gold"] += len(gold_all)
        c["all_pred"] += len(pred_all)
        c["all_tp"] += len(m_all)
        gold_att = [g for g in gold if g["label"] == "attributed"]
        pred_att = [(q, a) for q, a in zip(listed, attrs, strict=True) if a and a.source]
        m_att = match([(g["start"], g["end"]) for g in gold_att],
                      [(q.start, q.end) for q, _ in pred_att])
        c["att_gold"] += len(gold_att)
        c["att_pred"] += len(pred_att)
        c["att_tp"] += len(m_att)
        # Speaker accuracy over gold attributed quotations matched by any listed quotation.
        m_spk = match([(g["start"], g["end"]) for g in gold_att], pred_all)
        for gi, pi in m_spk.items():
            g, a = gold_att[gi], attrs[pi]
            ok = a is not None and a.source is not None and any(
                _overlap(a.source, (s, e)) for s, e in g["speaker_spans"])
            c["spk_n"] += 1
            c["spk_ok"] += ok
            if not ok and shown < errors:
                shown += 1
                _show(text, g, a, doc)
        for g in gold_att:
            c["att_quotes"] += 1
            c["false_orphans"] += any(_overlap(f, (g["start"], g["end"])) for f in flagged)
            c["false_orphans_british"] += any(_overlap(f, (g["start"], g["end"]))
                                              for f in flagged_british)
        by_id = {a["id"]: a for a in row["attributions"]}
        for g in gold_att:
            attribution = by_id[g["attr_id"]]
            made = synthetic_orphan(text, g, attribution)
            if made is None:
                continue
            new, at = made
            long = word_count(g["text"]) >= orphans.check.params["min_words"]
            hit = any(s <= at < e for s, e in orphans.spans(new))
            c["syn_n"] += 1
            c["syn_hit"] += hit
            if long:
                c["syn_long_n"] += 1
                c["syn_long_hit"] += hit
                c["syn_british_hit"] += any(s <= at < e for s, e in british.spans(new))
                if _clean(text, g, attribution, row["attributions"]):
                    c["syn_clean_n"] += 1
                    c["syn_clean_hit"] += hit
    return {**c, "articles": len(rows), "seconds": elapsed}


def _clean(text: str, quote: dict, deleted: dict, attributions: list[dict]) -> bool:
    """Does the quotation's paragraph keep no gold speaker once ``deleted`` is gone?"""
    start = text.rfind("\n", 0, quote["start"]) + 1
    end = text.find("\n", quote["end"])
    end = len(text) if end < 0 else end
    return not any(start <= s and e <= end for a in attributions if a is not deleted
                   for s, e, _ in a["source"])


def _show(text: str, gold: dict, attribution, doc: Document) -> None:
    line_start = text.rfind("\n", 0, gold["start"]) + 1
    line_end = text.find("\n", gold["end"])
    para = text[line_start:line_end if line_end > 0 else None]
    predicted = attribution.source_text(doc) if attribution and attribution.source else None
    print(f"--- gold {gold['speaker']!r}  predicted {predicted!r}", file=sys.stderr)
    print("    " + para[:400].replace("\n", " "), file=sys.stderr)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def report(name: str, c: dict) -> str:
    p, r = _ratio(c["att_tp"], c["att_pred"]), _ratio(c["att_tp"], c["att_gold"])
    pa, ra = _ratio(c["all_tp"], c["all_pred"]), _ratio(c["all_tp"], c["all_gold"])
    f1 = _ratio(2 * p * r, p + r)
    f1_all = _ratio(2 * pa * ra, pa + ra)
    return "\n".join([
        f"{name}: {c['articles']} articles, {c['att_quotes']} attributed quotations",
        f"  quotation F1 (attributed)  {f1:.3f}  (P {p:.3f}, R {r:.3f})",
        f"  quotation F1 (all marks)   {f1_all:.3f}  (P {pa:.3f}, R {ra:.3f})",
        f"  speaker accuracy           {_ratio(c['spk_ok'], c['spk_n']):.3f}"
        f"  ({c['spk_ok']}/{c['spk_n']} matched)",
        f"  false orphans              {_ratio(c['false_orphans'], c['att_quotes']):.1%}"
        f"  ({c['false_orphans']}/{c['att_quotes']})",
        f"  synthetic orphans flagged  {_ratio(c['syn_hit'], c['syn_n']):.1%}"
        f" of all ({c['syn_hit']}/{c['syn_n']}), "
        f"{_ratio(c['syn_long_hit'], c['syn_long_n']):.1%}"
        f" of >= min_words ({c['syn_long_hit']}/{c['syn_long_n']}), "
        f"{_ratio(c['syn_clean_hit'], c['syn_clean_n']):.1%}"
        f" of clean ({c['syn_clean_hit']}/{c['syn_clean_n']})",
        f"  British reading (paragraph_continuation: true): false orphans "
        f"{_ratio(c['false_orphans_british'], c['att_quotes']):.1%}, synthetic flagged "
        f"{_ratio(c['syn_british_hit'], c['syn_long_n']):.1%} of >= min_words",
        f"  rule time                  {1000 * _ratio(c['seconds'], c['articles']):.1f} ms"
        f" per article (analysis + QL201)",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", action="append", choices=["train", "dev"],
                        help="split(s) to evaluate (default: dev, then train)")
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many speaker errors to stderr")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    for split in args.split or ["dev", "train"]:
        print(report(split, evaluate([r for r in rows if r["split"] == split], args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
