"""A newsroom for the tests of parallel and distributed runs: three configurations (a desk
that extends the newsroom's with a house rule file, a sports desk that selects one rule), a
story-wide rule (the tests' own kind, ``helper_story_kind``), suppression comments, a Markdown
file, an undecodable file and fixable findings: 26 files, each written for these tests."""

from __future__ import annotations

from pathlib import Path

import quotelint.checks

STORY_RULES = """\
rules:
  - id: T501
    name: distance-differs
    kind: test-distance
    category: number-consistency
    message: "{match} differs from the first article"
"""
HOUSE_RULES = """\
rules:
  - id: HOUSE010
    name: house-spelling
    kind: substitution
    category: style
    severity: info
    message: "House style: “{replacement}”, not “{match}”."
    ignore_case: true
    swap: {'per cent': percent, 'focussed': focused}
"""
ARTICLES = [
    "The missile flew 300 km before it fell into the sea, the defence ministry said.\n"
    "It is believed the launch was a test.\n",
    "Its range is 320 km, officials said. Prices rose 4 per cent in March.\n",
    "The council met on Tuesday.\n\nMinisters reportedly agreed to delay the vote, and it is "
    "thought the budget will pass.\n",
    "<!-- quotelint-disable-next-line T501 -- the wire's own figure -->\n"
    "Its range is 320 km, the agency said.\n",
    "“We are focussed on the recovery,” the mayor said. Turnout fell 3 per cent.\n",
    "The trial, which began in May, was adjourned. It has been reported that the judge is "
    "ill.\n",
]
MARKDOWN = ("# Budget vote delayed\n\nMinisters **reportedly** agreed to wait.\n\n"
            "```\nIt is believed\n```\n\nThe cut is 5 per cent.\n")


def register_story_kind() -> None:
    """Make the tests' story-wide kind known (in this process; a worker process calls it too)."""
    quotelint.checks.KINDS["test-distance"] = "helper_story_kind:DistanceCheck"


def build(tmp_path: Path) -> Path:
    root = tmp_path / "newsroom"
    (root / ".git").mkdir(parents=True)
    (root / "story.yaml").write_text(STORY_RULES, encoding="utf-8")
    (root / ".quotelint.yaml").write_text("rules: [story.yaml]\nextend_select: [T501]\n",
                                          encoding="utf-8")
    desk = root / "desk"
    desk.mkdir()
    (desk / "house.yaml").write_text(HOUSE_RULES, encoding="utf-8")
    (desk / ".quotelint.yaml").write_text(
        "extends: ../.quotelint.yaml\nrules: [house.yaml]\nseverity: {QL401: error}\n",
        encoding="utf-8")
    sport = root / "sport"
    sport.mkdir()
    (sport / ".quotelint.yaml").write_text("select: [QL402]\n", encoding="utf-8")
    for offset, folder in enumerate((root, desk, sport)):
        for i in range(8):
            (folder / f"a{i:02}.txt").write_text(ARTICLES[(i + offset) % 6], encoding="utf-8")
    (desk / "budget.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "latin1.txt").write_bytes("Caf\xe9 owners said it is believed.\n".encode("latin-1"))
    return root
