"""Rule S2: receipt numbers are normalised, checked, and failed attempts explained."""
import pytest

from contact_center import receipts
from contact_center.receipts import Problem


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("EAC2190012345", "EAC2190012345"),
        ("EAC-21-900-12345", "EAC2190012345"),
        ("eac 2190012345", "EAC2190012345"),
        ("IOE*0912345678", "IOE0912345678"),
        ("lin 21 901 23456", "LIN2190123456"),
        ("msc.2190012345", "MSC2190012345"),
        ("WAC\u201322\u2013123\u201345678", "WAC2212345678"),  # en dashes
        ("EAC\uff12\uff11\uff19\uff10\uff10\uff11\uff12\uff13\uff14\uff15", "EAC2190012345"),  # full-width
        ("SRC\u0662\u0661\u0669\u0660\u0660\u0661\u0662\u0663\u0664\u0665", "SRC2190012345"),  # Arabic-Indic
        ("  nbc2190012345  ", "NBC2190012345"),
    ],
)
def test_S2_valid_receipts_normalise_to_13_characters(typed, expected):
    result = receipts.check(typed)
    assert result.valid, result
    assert result.normalised == expected
    assert len(result.normalised) == 13


@pytest.mark.parametrize("prefix", sorted(receipts.KNOWN_PREFIXES))
def test_S2_every_known_prefix_is_accepted(prefix):
    assert receipts.is_valid(f"{prefix}2190012345")


@pytest.mark.parametrize(
    "typed, problem",
    [
        ("", Problem.EMPTY),
        (None, Problem.EMPTY),
        ("   ", Problem.EMPTY),
        ("ABC2190012345", Problem.BAD_PREFIX),
        ("XYZ-21-900-12345", Problem.BAD_PREFIX),
        ("2190012345", Problem.MISSING_PREFIX),
        ("EAC219001234", Problem.TOO_SHORT),  # 12 characters
        ("EAC21900123456", Problem.TOO_LONG),  # 14 characters
        ("EAC21900I2345", Problem.BAD_CHARACTERS),  # letter among the digits
        ("EAC2190O12345", Problem.BAD_CHARACTERS),
        ("E4C2190012345", Problem.BAD_PREFIX),
    ],
)
def test_S2_invalid_receipts_say_what_is_wrong(typed, problem):
    result = receipts.check(typed)
    assert not result.valid
    assert result.problem == problem


def test_S2_very_long_input_is_bounded_and_rejected():
    result = receipts.check("EAC" + "1" * 100_000)
    assert result.problem == Problem.TOO_LONG
    assert receipts.find("x " * 60_000 + "EAC2190012345") == []  # beyond the scanned part


@pytest.mark.parametrize(
    "text, found",
    [
        ("my receipt is EAC-21-900-12345 thanks", ["EAC2190012345"]),
        ("status of eac 2190012345?", ["EAC2190012345"]),
        ("IOE*0912345678", ["IOE0912345678"]),
        ("SRC9999102777 y LIN9999106498", ["SRC9999102777", "LIN9999106498"]),
        ("caso LIN 21 901 23456 por favor", ["LIN2190123456"]),
        ("msc-2190012345 and call me at 555 1234", ["MSC2190012345"]),
    ],
)
def test_S2_receipts_are_found_in_free_text(text, found):
    mentions = receipts.find(text)
    assert [m.check.normalised for m in mentions if m.check.valid] == found


@pytest.mark.parametrize(
    "text, problem",
    [
        ("my number is EAC219001234", Problem.TOO_SHORT),
        ("EAC21900123456", Problem.TOO_LONG),
        ("ABC1234567890", Problem.BAD_PREFIX),
        ("EAC21900I2345", Problem.BAD_CHARACTERS),
        ("mi numero de recibo es 2190012345", Problem.MISSING_PREFIX),
        ("receipt number 2190012345", Problem.MISSING_PREFIX),
    ],
)
def test_S2_invalid_attempts_in_text_are_recognised(text, problem):
    mentions = receipts.find(text)
    assert len(mentions) == 1
    assert mentions[0].check.problem == problem


@pytest.mark.parametrize(
    "text",
    [
        "",
        "call me at 2025551234",
        "tel 2025551234",
        "the 2025551234",
        "I filed in 2021 and paid 1225 dollars",
        "my I-485 is pending",
        "1234",
        "\U0001F600\U0001F600",
        "\u05e9\u05dc\u05d5\u05dd EAC",  # right-to-left text
    ],
)
def test_S2_no_receipt_is_invented(text):
    assert receipts.find(text) == []


@pytest.mark.parametrize("text, digits", [
    ("ugh the paper only says 2190012345 at the top", "2190012345"),
    ("es el 219-001-2345", "219-001-2345"),
    ("EAC2190012345", None),  # a whole number: find() has it
    ("i dont have it", None),
    ("123", None),
])
def test_S2_digits_alone_at_the_receipt_question_are_the_number_without_its_letters(text, digits):
    assert receipts.digits_answer(text) == digits
    if digits:
        assert receipts.check(digits).problem == receipts.Problem.MISSING_PREFIX


@pytest.mark.parametrize("text", ["quiero ver mi caso, el numero es 2190012345", "about my case, the number is 2190012345"])
def test_S2_digits_after_naming_the_case_and_its_number_are_an_attempt(text):
    [mention] = receipts.find(text)
    assert mention.check.problem == Problem.MISSING_PREFIX


def test_S2_a_phone_number_is_not_a_receipt_attempt():
    assert receipts.find("mi numero es 3055550178, llamenme sobre mi caso") == []


def test_S2_a_letter_o_typed_for_the_last_zero_is_a_bad_character():
    from contact_center import receipts

    (mention,) = receipts.find("status of WAC333333333O please")
    assert mention.check.problem is receipts.Problem.BAD_CHARACTERS
