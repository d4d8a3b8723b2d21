"""Numbers and codes said in words (contact_center/spoken.py), as on the phone: S2 receipts, forms (X4)."""
import pytest

from contact_center import contact, form_types, receipts


@pytest.mark.parametrize("text, receipt", [
    ("m s c five five five five five five five five five five", "MSC5555555555"),
    ("uh its l i n one one one one one one one one one one", "LIN1111111111"),
    ("es i o e cuatro cuatro cuatro cuatro cuatro cuatro cuatro cuatro cuatro cuatro", "IOE4444444444"),
    ("ah ya lo vi este es w a c tres tres tres tres tres tres tres tres tres tres", "WAC3333333333"),
    ("E.A.C. two one nine oh oh one two three four five", "EAC2190012345"),
    ("MSC five five five five five five five five five five", "MSC5555555555"),
])
def test_S2_a_receipt_number_said_letter_by_letter_and_digit_by_digit(text, receipt):
    found = receipts.find(text)
    assert [m.check.normalised for m in found] == [receipt]
    assert found[0].check.valid


def test_S2_a_receipt_said_short_of_digits_is_an_attempt_with_its_problem():
    found = receipts.find("m s c five five five five five five five five five")
    assert found and found[0].check.problem is receipts.Problem.TOO_SHORT


@pytest.mark.parametrize("text", ["i have a dog and two cats", "e a c one two three", "call me at five",
                                  "the cat sat one two three four five six seven eight"])
def test_S2_words_that_are_no_receipt_are_not_read_as_one(text):
    assert receipts.find(text) == []


@pytest.mark.parametrize("text, form", [
    ("my employer filed an i one twenty nine for me", "I-129"),
    ("my i seven sixty five", "I-765"),
    ("the n four hundred", "N-400"),
    ("the i seven five one", "I-751"),
    ("i ninety", "I-90"),
    ("the i four eighty five and my work permit", "I-485"),
])
def test_X4_a_form_said_in_words(text, form):
    assert form in [m.value for m in form_types.find(text)]


@pytest.mark.parametrize("text", ["i am one of two", "i one", "can i come at one thirty"])
def test_X4_numbers_after_the_word_i_are_no_form(text):
    assert form_types.find(text) == []


def test_C3_a_phone_number_said_digit_by_digit():
    assert contact.parse_contact("three oh five five five five oh one four two").phone_numbers == ("+13055550142",)


@pytest.mark.parametrize("text, form", [
    ("la I cuatrocientos ochenta y cinco", "I-485"),
    ("es la I ciento treinta de mi esposa", "I-130"),
    ("me pueden acelerar la I quinientos treinta y nueve?", "I-539"),
    ("la N cuatrocientos", "N-400"),
    ("la I setecientos cincuenta y uno", "I-751"),
    ("la I noventa", "I-90"),
])
def test_a_form_said_in_spanish_words(text, form):
    from contact_center import form_types
    assert [m.value for m in form_types.find(text)] == [form]


@pytest.mark.parametrize("text", ["mi hijo y yo", "i y mi esposa", "la i dos veces"])
def test_no_form_in_spanish_words_that_make_none(text):
    from contact_center import form_types
    assert form_types.find(text) == []
