"""What admins see and what goes into training data carries no applicant identifiers."""
import pytest

from contact_center import privacy
from contact_center import receipts


@pytest.mark.parametrize(
    "text, masked",
    [
        ("status EAC-21-900-12345 pls", "status <RECEIPT> pls"),
        ("where is ioe0912345678", "where is <RECEIPT>"),
        ("receipt eac12345 is wrong", "receipt <RECEIPT> is wrong"),  # a malformed attempt too
        ("call me at 202 555 0147 please", "call me at <PHONE> please"),
        ("mi cel es +52 1 55 1234 5678", "mi cel es <PHONE>"),
        ("tel (415) 555-2671 o correo juan.perez@gmail.com", "tel <PHONE> o correo <EMAIL>"),
        ("ssn 123-45-6789", "ssn <NUMBER>"),
        ("filed my I-485 on 03/15/2024, 2 kids", "filed my I-485 on 03/15/2024, 2 kids"),
        ("", ""),
    ],
)
def test_mask(text, masked):
    assert privacy.mask(text) == masked


def test_pseudonymise_keeps_the_shape_and_validity_of_receipt_numbers():
    valid = privacy.pseudonymise("status EAC-21-900-12345 pls")
    assert "21-900-12345" not in valid.text
    (start, end), = valid.receipt_spans
    value = valid.text[start:end]
    assert value.startswith("EAC-") and len(value) == len("EAC-21-900-12345") and receipts.is_valid(value)

    short = privacy.pseudonymise("receipt eac12345 is wrong")
    assert short.receipt_spans == () and "12345" not in short.text
    assert receipts.check(short.text.split()[1]).problem == receipts.Problem.TOO_SHORT


def test_pseudonymise_replaces_contacts_with_fictional_ones():
    out = privacy.pseudonymise("call 415 555 2671 or write juan.perez@gmail.com").text
    assert "2671" not in out and "juan" not in out
    assert "202-555-01" in out and "applicant@example.com" in out
    # Deterministic: the same message always gets the same stand-ins.
    assert out == privacy.pseudonymise("call 415 555 2671 or write juan.perez@gmail.com").text


def test_masking_takes_time_linear_in_the_message_length():
    """A message of the largest size the channels admit (64 KiB body) and a long word with
    no address in it: 8 times the text takes well under 8 x 8 times as long."""
    import random
    import time

    random.seed(3)
    words = "my case EAC1234567890 call me 555-123-4567 or maria@example.com pending since 2021".split()

    def timed(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            privacy.find_sensitive(text)
            best = min(best, time.perf_counter() - start)
        return best

    for make in (lambda n: " ".join(random.choice(words) for _ in range(n // 6))[:n], lambda n: "a" * n):
        small, large = timed(make(8_000)), timed(make(64_000))
        assert large < 24 * max(small, 1e-4), (small, large)  # linear: ~8x; quadratic: ~64x


def test_control_characters_never_reach_the_admins_terminal():
    shown = privacy.mask("hola \x1b[2J\x1b[31mrojo\x07 \u202eolleh EAC1234567890\ttab\nline")
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "<RECEIPT>" in shown and "\t" in shown and "\n" in shown


@pytest.mark.parametrize(
    "text, shown",
    [
        ("my name is Maria Lopez and my receipt is EAC1234567890", "my name is <NAME> and my receipt is <RECEIPT>"),
        ("Hola, me llamo juan carlos perez, naci el 03/15/1985", "Hola, me llamo <NAME>, naci el <BIRTHDATE>"),
        ("mi nombre es Ana y necesito ayuda", "mi nombre es <NAME> y necesito ayuda"),
        ("I live at 1234 N Main St Apt 5, Houston", "I live at <ADDRESS>, Houston"),
        ("vivo en Calle Reforma 145, CDMX", "vivo en <ADDRESS>, CDMX"),
        ("send it to P.O. Box 4521", "send it to <ADDRESS>"),
        ("DOB: 03/15/1985", "DOB: <BIRTHDATE>"),
        ("born on March 3, 1990", "born on <BIRTHDATE>"),
        ("fecha de nacimiento 15 de marzo de 1985", "fecha de nacimiento <BIRTHDATE>"),
        # Not personal: kept as typed
        ("soy residente permanente", "soy residente permanente"),
        ("I am worried about my case", "I am worried about my case"),
        ("my interview is on 03/15/2027", "my interview is on 03/15/2027"),
    ],
)
def test_names_addresses_and_dates_of_birth_are_masked(text, shown):
    assert privacy.mask(text) == shown


def test_pseudonymised_training_text_has_made_up_names_and_addresses():
    made_up = privacy.pseudonymise("me llamo Juan Perez, vivo en 77 Oak Avenue, DOB 01/02/1980").text
    assert "Juan" not in made_up and "77 Oak" not in made_up and "01/02/1980" not in made_up
    assert "Ana Pérez" in made_up and "123 Main Street" in made_up
