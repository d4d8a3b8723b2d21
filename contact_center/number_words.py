"""Number words in English and Spanish, defined once: digits said one by one (receipts, phone
numbers), the numbers that make a form ("one twenty nine"), and the days and hours of a date
("the twenty first", "el quince", "at ten"). Readers (spoken.py, contact.py, dates.py) build
their patterns from these tables."""
from __future__ import annotations

EN_DIGITS = "zero one two three four five six seven eight nine".split()
ES_DIGITS = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()
EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
EN_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
               "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
ES_TO_THIRTY = ES_DIGITS + ("diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve veinte "
                            "veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho "
                            "veintinueve treinta").split()

# One digit said, as the character it stands for; "oh" and "o" are zero when numbers are read out.
DIGITS = {**{w: str(i) for i, w in enumerate(EN_DIGITS)}, **{w: str(i) for i, w in enumerate(ES_DIGITS)},
          "oh": "0", "o": "0"}
UNITS = {w: i for i, w in enumerate(EN_DIGITS)}
TEENS = {w: 10 + i for i, w in enumerate(EN_TEENS)}
TENS = {w: 10 * (i + 2) for i, w in enumerate(EN_TENS)}

# A day of the month or an hour: up to thirty-nine in English (with or without the hyphen) and up
# to thirty-one in Spanish.
CARDINALS = {**{w: i for i, w in enumerate(EN_DIGITS + EN_TEENS)}, **{w: i for i, w in enumerate(ES_TO_THIRTY)},
             "una": 1, "un": 1, "twenty": 20, "thirty": 30, "primero": 1, "treinta y uno": 31}
ORDINALS = {**{w: i for i, w in enumerate(EN_ORDINALS)}, "thirtieth": 30}
for _tens, _base in (("twenty", 20), ("thirty", 30)):
    for _unit in range(1, 10):
        for _join in (" ", "-"):
            CARDINALS[f"{_tens}{_join}{EN_DIGITS[_unit]}"] = _base + _unit
            ORDINALS[f"{_tens}{_join}{EN_ORDINALS[_unit]}"] = _base + _unit

# The minutes of a time said in words: "six fifty", "eight oh five", "ten forty-five", "seven
# o'clock"; in Spanish after "y": "siete y veinte", "ocho y cuarenta y cinco".
MINUTES = {**{f"{zero} {EN_DIGITS[u]}": u for zero in ("oh", "o") for u in range(1, 10)},
           **{w: 10 + i for i, w in enumerate(EN_TEENS)}, "o'clock": 0, "oclock": 0}
ES_MINUTES = {w: i for i, w in enumerate(ES_TO_THIRTY) if i}
for _i, _tens in enumerate(EN_TENS[:4]):
    MINUTES[_tens] = 20 + 10 * _i
    for _unit in range(1, 10):
        for _join in (" ", "-"):
            MINUTES[f"{_tens}{_join}{EN_DIGITS[_unit]}"] = 20 + 10 * _i + _unit
for _tens, _base in (("cuarenta", 40), ("cincuenta", 50)):
    ES_MINUTES[_tens] = _base
    for _unit in range(1, 10):
        ES_MINUTES[f"{_tens} y {ES_DIGITS[_unit]}"] = _base + _unit


# Spanish numbers up to 999, as a form's number is said ("la I cuatrocientos ochenta y cinco",
# "la I ciento treinta", "la N cuatrocientos"): test set 15.
ES_HUNDREDS = {"cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500,
               "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900}
ES_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90}
ES_UNDER_THIRTY = {w: i for i, w in enumerate(ES_TO_THIRTY) if i < 30}
