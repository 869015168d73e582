"""Code-point offsets as LSP positions: UTF-16 units by default, LSP's three line breaks."""

from __future__ import annotations

from quotelint.lsp.positions import LineIndex


def test_an_emoji_counts_two_utf16_units_and_one_code_point():
    text = "Tens 🎉 of 𝔘 people\nsaid so"
    at = text.index("people")  # code point 12, after two astral characters
    assert LineIndex(text).position(at) == (0, 14)
    assert LineIndex(text, "utf-32").position(at) == (0, 12)
    assert LineIndex(text, "utf-8").position(at) == (0, 18)
    assert LineIndex(text).position(text.index("said")) == (1, 0)


def test_offsets_round_trip_and_a_position_inside_a_pair_falls_before_it():
    text = "ab🎉cd\r\nef"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        if text[offset - 1:offset + 1] != "\r\n":  # not between the two halves of a break
            assert index.offset(*index.position(offset)) == offset
    assert index.offset(0, 3) == 2  # the middle of the emoji's surrogate pair
    assert index.offset(0, 99) == 5  # past the end of the line: its end, before \r\n
    assert index.offset(7, 0) == len(text)


def test_carriage_returns_end_lines_as_lsp_has_it():
    index = LineIndex("one\rtwo\r\nthree\nfour")
    assert [index.position(i)[0] for i in (0, 4, 9, 15)] == [0, 1, 2, 3]
    assert index.line_end(1) == 7
