"""Form types are normalised like I-485, N-400, I-765, I-130, I-131, I-90."""
import pytest

from contact_center import form_types


@pytest.mark.parametrize(
    "text, forms",
    [
        ("i485", ["I-485"]),
        ("I 485", ["I-485"]),
        ("formulario i-130 y n400", ["I-130", "N-400"]),
        ("my I-90 renewal", ["I-90"]),
        ("I-765 and i-131", ["I-765", "I-131"]),
        ("I-821D", ["I-821D"]),
        ("la n 400 de mi esposo", ["N-400"]),
        ("ar11", ["AR-11"]),
        ("I\u2011751", ["I-751"]),
    ],
)
def test_form_types_are_found_and_normalised(text, forms):
    assert [f.value for f in form_types.find(text)] == forms


@pytest.mark.parametrize("text", ["I 20 years ago", "I 2 kids", "", "n", "EAC2190012345"])
def test_no_form_is_invented(text):
    assert form_types.find(text) == []


def test_normalise_single_value():
    assert form_types.normalise("i 765") == "I-765"
    assert form_types.normalise("hello") is None
    assert form_types.normalise(None) is None


def test_X4_the_form_named_instead():
    from contact_center import form_types

    assert form_types.changed_to("perdon me equivoque, no es la N-400, es la I-129 de mi patron", "N-400") == "I-129"
    assert form_types.changed_to("sorry i meant my work permit", "I-485") == "I-765"
    assert form_types.changed_to("the I-485", "I-485") is None


@pytest.mark.parametrize("text", ["quiero que me agilicen el permiso para viajar", "mi documento para viajar no sale"])
def test_the_i131_by_its_spanish_words_for_travel(text):
    # test set 17 in other words: the form was asked though named
    assert form_types.said(text) == "I-131"
