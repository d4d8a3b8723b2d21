"""Contact details for e-Requests and callbacks (E1, C3), checked with phonenumbers and email-validator."""
import pytest

from contact_center import contact
from contact_center.contact import display_phone, find_phone_numbers, parse_contact


def test_an_email_address():
    found = parse_contact("you can write me at Maria.Lopez@example.com please")
    assert found.usable and found.email == "Maria.Lopez@example.com"


@pytest.mark.parametrize("text", ["(202) 555-0143", "202-555-0143", "+1 202 555 0143", "mi cel es 202.555.0143"])
def test_a_us_phone_number_in_e164(text):
    assert list(parse_contact(text).phone_numbers) == ["+12025550143"]


def test_C3_several_phone_numbers():
    found = parse_contact("home 202-555-0143 or cell 305 555 0199, work +52 55 1234 5678")
    assert list(found.phone_numbers) == ["+12025550143", "+13055550199", "+525512345678"]


def test_the_same_number_twice_is_one():
    assert find_phone_numbers("202-555-0143 / (202) 555-0143") == ["+12025550143"]


@pytest.mark.parametrize(
    "text, problem",
    [("maria@", "bad_email"), ("maria@@example..com", "bad_email"), ("call me at 202-555-014", "bad_phone"),
     ("", "none"), ("no tengo", "none"), ("🙂🙂", "none"), ("<script>alert(1)</script>", "none")],
)
def test_nothing_usable_says_what_is_wrong(text, problem):
    found = parse_contact(text)
    assert not found.usable
    assert found.problem == problem


def test_display():
    assert display_phone("+12025550143") == "(202) 555-0143"
    assert display_phone("+525512345678").startswith("+52")


@pytest.mark.parametrize("text, only", [
    ("m.diaz@example.org", True),
    ("my cell is 646 555 0199", True),
    ("mi correo es ana.r@example.com", True),
    ("my card never came, write to me at ana.r@example.com", False),
    ("the name is wrong", False),
])
def test_E1_contact_details_and_nothing_else(text, only):
    from contact_center.contact import only_contact

    assert only_contact(text) is only


def test_a_phone_number_after_three_letters_is_no_receipt_number():
    # "cel 305 555 0117" had been read as a receipt number (3 letters, 10 digits) and dropped.
    from contact_center.contact import contact_said

    assert contact_said("cel 305 555 0117").phone_numbers == ("+13055550117",)
    assert contact_said("EAC2190012345") is None


@pytest.mark.parametrize("text, only", [
    ("WAC3333333333", True),
    ("mi numero de recibo es src 222 222 2222", True),
    ("sorry here's the receipt: lin-111-111-1111, and my cell 415 555 0172", True),
    ("m.diaz@example.org", True),
    ("IOE4444444444 its the c8 asylum one", False),  # the category is said too
    ("el caso MSC5555555555 es de mi esposo, el mio es otro", False),
    ("i dont know", False),
    ("SRC22222222222", False),  # too long: its own check says so (S2)
])
def test_X4_E1_a_receipt_number_or_contact_details_and_nothing_else(text, only):
    from contact_center.contact import only_details

    assert only_details(text) is only


@pytest.mark.parametrize("text", ["i dont really use email", "casi no uso el correo", "I never check email honestly"])
def test_C4_no_email_said_in_ones_own_words(text):
    """Test set 6: "i dont really use email" was asked for a valid address three times."""
    assert contact.declines_email(text)


def test_C4_no_email_said_as_not_doing_email():
    """Test set 7: "i dont do email" at the callback's e-mail question was asked again."""
    from contact_center.contact import declines_email
    assert declines_email("i dont do email")


@pytest.mark.parametrize("text, email", [
    ("write to j dot ortega at example dot com please", "j.ortega@example.com"),
    ("mi correo es luis punto mora arroba example punto com", "luis.mora@example.com"),
])
def test_E1_an_email_said_in_words(text, email):
    assert parse_contact(text).email == email


@pytest.mark.parametrize("text, phone", [
    ("my cell is four one five, five five five, zero one nine nine", "+14155550199"),
    ("llamenme al dos uno cero cinco cinco cinco cero uno cuatro cuatro", "+12105550144"),
])
def test_C3_a_phone_said_in_words(text, phone):
    assert parse_contact(text).phone_numbers == (phone,)


def test_a_few_number_words_are_no_phone():
    assert parse_contact("i can talk at one or two, not at seven").problem == "none"


@pytest.mark.parametrize("previous, latest, email, phones", [
    ("my cell is 602 555", "0185", None, ("+16025550185",)),
    ("mi correo es rosa.maria.vega", "perdon se me fue, @example.com", "rosa.maria.vega@example.com", ()),
    ("its 713-555", "-0128 thats my cell", None, ("+17135550128",)),
])
def test_C3_E1_a_contact_sent_in_two_messages_is_one_contact(previous, latest, email, phones):
    joined = contact.joined_contact(previous, latest)
    assert joined is not None and joined.email == email and joined.phone_numbers == phones


@pytest.mark.parametrize("previous, latest", [
    ("602 555 0185", "yes"),  # the first was whole
    ("my birth date says", "march 7 1990"),
    ("i have 2 kids", "and 3 dogs 5555555"),
    ("hello", "@example.com"),
])
def test_C3_E1_two_messages_that_make_no_contact_together_are_not_joined(previous, latest):
    assert contact.joined_contact(previous, latest) is None
