"""`quotelint quotes`: the source list of a story, as a table and as the JSON of DESIGN §5."""

from __future__ import annotations

import json

DRAFT = ("The minister said the deal was dead.\n\n"
         "“We will not sign it,” she said. “Not now, not ever.”\n\n"
         "Critics called the plan a “red line” for the region.\n\n"
         "“Nobody asked the fishermen what they thought.”\n")


def test_json_is_one_object_per_quotation_with_offsets_into_the_text(cli, write):
    path = write("draft.txt", DRAFT)
    r = cli("quotes", "--format", "json", str(path))
    assert r.code == 0, r.err
    records = json.loads(r.out)
    assert [(q["line"], q["text"], q["speaker"], q["cue"]) for q in records] == [
        (3, "“We will not sign it,”", "she", "said"),
        (3, "“Not now, not ever.”", "she", "said"),
        (5, "“red line”", None, "called"),
        (7, "“Nobody asked the fishermen what they thought.”", None, None),
    ]
    assert [q["speaker_text"] for q in records] == ["she", "she", "Critics", None]
    for q in records:
        assert set(q) == {"path", "start", "end", "line", "text", "speaker", "speaker_text",
                          "speaker_start", "speaker_end", "cue", "speaker_name"}
        assert DRAFT[q["start"]:q["end"]] == q["text"]
        if q["speaker_text"] is not None:
            assert DRAFT[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]
    assert records[3]["speaker_start"] is None and records[3]["path"] == str(path)


def test_offsets_count_code_points_and_keep_crlf(cli, write):
    text = "Über 🙂 alles.\r\n“We will not sign it,” she said.\r\n"
    path = write("crlf.txt", text.encode("utf-8"))
    q, = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert (q["start"], q["end"], q["line"]) == (15, 37, 2)
    assert text[q["start"]:q["end"]] == q["text"]


def test_markdown_block_quote_is_listed_with_its_speaker(cli, write):
    path = write("draft.md", "The minister said:\n\n> We will not sign this deal.\n")
    q, = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert (q["text"], q["speaker"], q["cue"], q["line"]) == (
        "We will not sign this deal.", "The minister", "said", 3)


def test_text_table_and_who_is_quoted_how_often(cli, write):
    path = write("draft.txt", "Mayor Jane Okafor opened the bridge. " + DRAFT)
    r = cli("quotes", str(path))
    assert r.code == 0
    assert r.out.splitlines() == [
        f"{path}: 4 quotations",
        "  LINE:COL  SPEAKER            CUE     QUOTATION",
        "  3:1       she (Jane Okafor)  said    “We will not sign it,”",
        "  3:34      she (Jane Okafor)  said    “Not now, not ever.”",
        "  5:27      Critics            called  “red line”",
        "  7:1       —                          “Nobody asked the fishermen what they thought.”",
        "",
        "  QUOTED  SPEAKER",
        "       2  Jane Okafor  (named)",
        "       1  (no speaker)",
        "       1  Critics  (unnamed)",
        "",
    ]


def test_standard_input_and_errors(cli, write):
    r = cli("quotes", "--format", "json", "-", "--stdin-filename", "wire.txt",
            stdin="“We will not sign it,” she said.\n".encode())
    assert [q["path"] for q in json.loads(r.out)] == ["wire.txt"]
    r = cli("quotes", "no-such-file.txt")
    assert r.code == 2 and "no-such-file.txt: no such file or directory" in r.err
    empty = write("empty.txt", "The council approved the budget.\n")
    assert cli("quotes", str(empty)).out == f"{empty}: no quotations\n\n"


def test_speakers_of_the_seed_articles(cli):
    from conftest import ROOT

    r = cli("quotes", "--format", "json", "seeds/", cwd=ROOT)
    got = [(q["path"][-6:-4], q["line"], q["speaker"], q["cue"]) for q in json.loads(r.out)]
    assert got == [
        ("b8", 1, None, None),  # the headline's ‘Red Line’
        ("b8", 5, "Secretary of State Antony Blinken", "warned"),
        ("b8", 17, "Milley", "said"),
        ("b8", 19, "Ukrainian officials", "say"),
        ("54", 3, "Blinken", "said"),
        ("54", 3, "Blinken", "told"),
        ("54", 17, "He", "said"),
        ("e1", 16, "General Mark Milley", "said"),
        ("e1", 19, "Kurt Volker", "said"),
    ]


SPEAKERS = ("Mr Alan Reeve chairs the ferry board. Ms Dana Holt runs the harbour.\n\n"
            "“The timetable is fixed,” she said.\n\n"
            "Mr Reeve disagreed. “We will add a late boat,” he said.\n\n"
            "The board met in Kansas City on Christmas Eve. “It was a long night,” he said.\n\n"
            "The Harbour Ministry said the works were on time. “The pier is safe,” the ministry "
            "said.\n")


def test_speaker_name_resolves_pronouns_by_sex_and_never_to_a_place(cli, write):
    path = write("draft.txt", SPEAKERS)
    records = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert [(q["speaker"], q["speaker_name"]) for q in records] == [
        ("she", "Ms Dana Holt"),
        ("he", "Mr Reeve"),
        ("he", "Mr Reeve"),
        ("the ministry", "Harbour Ministry"),
    ]


def test_text_listing_shows_the_speaker_name(cli, write):
    path = write("draft.txt", SPEAKERS)
    lines = cli("quotes", str(path)).out.splitlines()
    assert lines[2].split()[1:5] == ["she", "(Ms", "Dana", "Holt)"]
    assert lines[5].split()[1:4] == ["the", "ministry", "(Harbour"]


def test_the_company_and_it_name_the_organisation_that_spoke_last(cli, write):
    path = write("draft.txt", "Ferrolink said it would add a night boat from May.\n\n"
                              "“Demand has doubled since the bridge closed,” the company said. "
                              "“We expect it to stay high,” it added.\n")
    records = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert [(q["speaker"], q["speaker_name"]) for q in records] == [
        ("the company", "Ferrolink"), ("it", "Ferrolink")]


def test_a_person_only_described_has_no_speaker_but_keeps_the_words(cli, write):
    path = write("draft.txt",
                 "“The pier will open in May,” one council source said.\n\n"
                 "“Nobody told us,” a spokesman for the Harbour Alliance said.\n\n"
                 "“It was rushed,” his wife said.\n\n"
                 "“The works are on time,” the ministry said.\n\n"
                 "“We will not sign it,” Mayor Jane Okafor said.\n")
    records = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert [(q["speaker"], q["speaker_text"]) for q in records] == [
        (None, "one council source"),
        (None, "a spokesman for the Harbour Alliance"),
        (None, "his wife"),
        ("the ministry", "the ministry"),
        ("Mayor Jane Okafor", "Mayor Jane Okafor"),
    ]


def test_a_headline_label_gives_its_quotations_a_speaker(cli, write):
    path = write("draft.txt",
                 "Mayor Okafor: Harbour Works Are ‘On Time and On Budget.’\n\n"
                 "The mayor said the harbour would reopen in May.\n\n"
                 "Note: the council calls the plan ‘a fresh start.’ It meets on Monday.\n")
    records = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert [(q["line"], q["speaker"], q["cue"]) for q in records] == [
        (1, "Mayor Okafor", ":"), (5, "the council", "calls")]


def test_a_body_named_with_a_number_is_what_the_station_and_it_stand_for(cli, write):
    path = write("draft.txt", "Radio 9 said the night show would move to Fridays.\n\n"
                              "“Nobody can replace the old show,” said the radio station. "
                              "“We will find new voices,” it added.\n")
    records = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert [(q["speaker"], q["speaker_name"]) for q in records] == [
        ("the radio station", "Radio 9"), ("it", "Radio 9")]


def test_he_after_a_person_only_described_has_no_speaker_either(cli, write):
    path = write("draft.txt",
                 "Mr Tom Reeve, the harbour master, said the pier was safe.\n\n"
                 "A spokesman for the Harbour Trust said: “We were never consulted.” "
                 "He said the trust would “fight this in court.”\n")
    records = json.loads(cli("quotes", "--format", "json", str(path)).out)
    assert [(q["speaker"], q["speaker_text"], q["speaker_name"]) for q in records] == [
        (None, "A spokesman for the Harbour Trust", None), (None, "He", None)]
