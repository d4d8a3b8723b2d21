"""What admins see and what goes into training data carries no applicant identifiers."""
import pytest

from admin import privacy
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
