"""The e-mail after two unanswered callback attempts (rule C4), in English or Spanish.

Rule C4: if the first call is not answered, leave a message and try again 60 to 90
minutes later; if the second also fails, send an e-mail telling the applicant to
call back or use the other tools. This module writes that e-mail; sending it is
`contact_center.mailer`.

It is plain, kind and short, in the applicant's language (usted form in Spanish),
and it names the callback reference so the applicant can quote it when they call.
E-mail is not a private channel, so it never carries a full phone number: only the
last four digits of each number tried ("ending in 0142"), enough for the applicant
to recognise which phone we called.
"""
from __future__ import annotations

import textwrap
from typing import Iterable, List, Tuple

import phonenumbers

from contact_center.language import ENGLISH, SPANISH

CONTACT_CENTER_PHONE = "800-375-5283"
CONTACT_CENTER_TTY = "800-767-1833"
CASE_STATUS_URL = "https://egov.uscis.gov/"
ACCOUNT_URL = "https://my.uscis.gov/"
_REGION = "US"
_WIDTH = 72  # plain text that reads well in any mail client
# Subjects are kept short enough to stay on one header line with a reference such as
# CB-7K3M-9QXD: Python folds a longer one onto the next line, and some readers then
# show it with a leading space.


def phone_endings(phone_numbers: Iterable[str]) -> List[str]:
    """Last four digits of each distinct number, in order; numbers that do not parse are left out.

    The extension, if any, is ignored (it is not the number we dialled), and a
    number of fewer than seven digits is left out, since its last four would be
    most of it.
    """
    endings: List[str] = []
    for raw in phone_numbers or ():
        try:
            number = phonenumbers.parse(str(raw), _REGION)
        except phonenumbers.NumberParseException:
            continue
        digits = str(number.national_number)
        if len(digits) < 7:
            continue
        ending = digits[-4:]
        if ending not in endings:
            endings.append(ending)
    return endings


def _join(items: List[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def _english(reference: str, endings: List[str]) -> Tuple[str, List[str]]:
    if not endings:
        where = ""
    elif len(endings) == 1:
        where = f" at the number ending in {endings[0]}"
    else:
        where = f" at the numbers ending in {_join(endings, 'and')}"
    subject = f"We could not reach you: callback request {reference}"
    paragraphs = [
        "Hello,",
        f"We tried to call you twice{where} about your callback request {reference}, "
        "and we could not reach you. We are sorry we missed you.",
        f"Please call the USCIS Contact Center at {CONTACT_CENTER_PHONE} (TTY {CONTACT_CENTER_TTY}), "
        "Monday to Friday, 8 a.m. to 8 p.m. Eastern time. "
        "Have your callback reference with you.",
        "You can also use our online tools:\n"
        f"- Case status: {CASE_STATUS_URL}\n"
        f"- Your USCIS online account: {ACCOUNT_URL}",
        "Please do not reply to this e-mail; replies to this address are not read.",
        "USCIS Contact Center",
    ]
    return subject, paragraphs


def _spanish(reference: str, endings: List[str]) -> Tuple[str, List[str]]:
    if not endings:
        where = ""
    elif len(endings) == 1:
        where = f" al número que termina en {endings[0]}"
    else:
        where = f" a los números que terminan en {_join(endings, 'y')}"
    subject = f"No pudimos comunicarnos con usted: solicitud de llamada {reference}"
    paragraphs = [
        "Hola:",
        f"Intentamos llamarle dos veces{where} por su solicitud de llamada {reference}, "
        "pero no pudimos comunicarnos con usted. Lamentamos no haber podido atenderle.",
        f"Por favor, llame al Centro de Contacto de USCIS al {CONTACT_CENTER_PHONE} "
        f"(TTY {CONTACT_CENTER_TTY}), de lunes a viernes, de 8 a.m. a 8 p.m., hora del Este. "
        "Tenga a mano su referencia de llamada.",
        "También puede usar nuestras herramientas en línea:\n"
        f"- Estado de su caso: {CASE_STATUS_URL}\n"
        f"- Su cuenta en línea de USCIS: {ACCOUNT_URL}",
        "No responda a este correo electrónico; las respuestas a esta dirección no se leen.",
        "Centro de Contacto de USCIS",
    ]
    return subject, paragraphs


def _fill(paragraph: str) -> str:
    # Lists keep their lines; phone numbers and links are never split.
    if "\n" in paragraph:
        return paragraph
    return textwrap.fill(paragraph, _WIDTH, break_long_words=False, break_on_hyphens=False)


def compose(language: str, reference: str, phone_numbers_tried: Iterable[str]) -> Tuple[str, str]:
    """(subject, body) of the C4 e-mail, in `language` ("en" or "es", e.g. "es-US" too).

    Raises ValueError for another language or a reference that is empty or spans lines.
    """
    base = (language or "").strip().lower().replace("_", "-").split("-")[0]
    if base not in (ENGLISH, SPANISH):
        raise ValueError("the C4 e-mail is written in English (en) or Spanish (es) only")
    reference = (reference or "").strip()
    if not reference or any(not ch.isprintable() for ch in reference):
        raise ValueError("the callback reference must be one non-empty line")
    endings = phone_endings(phone_numbers_tried)
    subject, paragraphs = (_english if base == ENGLISH else _spanish)(reference, endings)
    body = "\n\n".join(_fill(p) for p in paragraphs) + "\n"
    return subject, body
