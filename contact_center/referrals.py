"""Rule G7: who handles what USCIS does not (outcome REFER_ELSEWHERE)."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from contact_center import appointments, form_types, receipts
from contact_center.text import fold

STATE_DEPARTMENT = "state_department"
IRS = "irs"
SSA = "ssa"
DMV = "dmv"
IMMIGRATION_COURT = "immigration_court"
HOME_CONSULATE = "home_consulate"
AGENCIES = (STATE_DEPARTMENT, IRS, SSA, DMV, IMMIGRATION_COURT, HOME_CONSULATE)

# Nationalities applicants name with their own country's passport (hand test: "my mexican
# passport" was sent to the U.S. Department of State, which issues only U.S. passports).
_NATIONALITIES = (r"mexican|mexicano|guatemalan|guatemalteco|honduran|hondureno|salvadoran|salvadoreno|colombian|"
                  r"colombiano|venezuelan|venezolano|cuban|cubano|dominican|dominicano|nicaraguan|nicaraguense|"
                  r"peruvian|peruano|ecuadorian|ecuatoriano|haitian|haitiano|brazilian|brasileno|argentine|argentino|"
                  r"chinese|indian|filipino|vietnamese|nigerian|ukrainian|ucraniano|russian|ruso|foreign|extranjero")

# Countries named after "passport of": "se me vencio mi pasaporte de guatemala" (test set 17: sent to the State
# Department). Not the United States: a U.S. passport is the State Department's.
_COUNTRIES = (r"mexico|guatemala|honduras|el salvador|salvador|colombia|venezuela|cuba|republica dominicana|dominicana|"
              r"dominican republic|nicaragua|peru|ecuador|haiti|brasil|brazil|argentina|china|india|filipinas|philippines|"
              r"vietnam|nigeria|ucrania|ukraine|rusia|russia|bolivia|chile|paraguay|uruguay|costa rica|panama|jamaica")

# Order matters: the first agency whose words appear is the one named.
# Text is matched lower-case with accents removed.
_AGENCIES = (
    (HOME_CONSULATE, rf"\b(my|mi|our|nuestro|his|her|su) ({_NATIONALITIES}) passports?\b|\bpasaportes? ({_NATIONALITIES})\b|"
                     rf"\b({_NATIONALITIES}) passports?\b|(passports?|pasaportes?) (from|of|de) (my|mi) (country|pais)\b|"
                     rf"\b(passports?|pasaportes?) (from|of|de|del) (la |el )?({_COUNTRIES})\b|\b({_COUNTRIES}) passports?\b"),
    (SSA, r"social security|seguro social|\bssn\b|\bssa\b|\bss card\b|social card|numero social|tarjeta social|tarjeta del social"),
    (IRS, r"\birs\b|\btax(es)?\b|tax refund|\bitin\b|impuesto|declaracion de renta|\bw-?2\b|reembolso de impuestos|taxes"),
    # "el CESCO no me quiere renovar la licencia" (Puerto Rico's DMV), "renew my license" (test set 15)
    (DMV, r"driver'?s? licen[cs]e|drivers? licen[cs]e|driving licen[cs]e|licencia de (conducir|manejo|manejar)|\bdmv\b|real id|state id|"
          r"identificacion estatal|\bcesco\b|\bmvd\b|\bbmv\b|\brmv\b|(renew|renovar|renueven|renovarme|sacar) (my |mi |la |the )?(licen[cs]e|licencia)\b"),
    (
        STATE_DEPARTMENT,
        r"passport|pasaporte|embass(y|ies)|embajada|consulate|consulado|consular|\bds-?160\b|"
        r"tourist visa|visa de turista|visitor visa|visa stamp|visa appointment|cita (de|para la) visa|"
        r"visa interview|entrevista (de|para la) visa|\bvisa (in|en) (mexico|honduras|guatemala|el salvador|colombia)",
    ),
    (
        IMMIGRATION_COURT,
        r"immigration court|corte de inmigracion|\beoir\b|\bice\b|\bla migra\b|detention|detenido|deportation hearing|"
        r"audiencia|master calendar|immigration judge|juez de inmigracion",
    ),
)
_COMPILED = tuple((agency, re.compile(pattern)) for agency, pattern in _AGENCIES)

# What only USCIS issues or does: with one of these named, the message is (also) about a
# USCIS matter, so it goes to that flow ("my passport was stolen with my green card in it").
_USCIS_MATTER = re.compile(
    r"\buscis\b|green ?card|\bmica\b|residencia|tarjeta de residen|biometric|huellas|finger ?prints?|receipt (number|notice)|"
    r"numero de recibo|\bi-?797\b|\bnoa\b|naturali[sz]|citizenship|ciudadan|work permit|permiso de trabajo|\bead\b|"
    r"employment authori[sz]|travel document|advance parole|permiso de viaje|\brfe\b|\bnoid\b|oath|juramento"
)


# USCIS named only as the one asked to act on another agency's matter ("they refused his visa at the
# embassy, can uscis fix that"): no USCIS matter of its own; it had been filed as an accommodation.
_USCIS_ASKED = re.compile(r"\b(can|could|will|would|does|do|puede|podria|pueden|podrian) (the |la )?uscis\b"
                          r"|\buscis (can|could|puede|podria|pueden)\b")


# USCIS named to say it is not the matter: "my hearing, not the uscis interview, my court date with
# the immigration judge" (test set 10: rescheduled as a USCIS interview).
_USCIS_DENIED = re.compile(r"\b(not|no|isnt|is not|no es|nothing to do with|nada que ver con)\s+(the |my |a |an |la |el |mi |una |un |con )?"
                           r"(uscis|de uscis)(\s+(interview|appointment|entrevista|cita|one))?\b"
                           r"|\b(not|no|isnt|no es)\s+(the |my |la |el |mi )?(interview|entrevista|cita) (de |with |con )?(uscis)\b")


# "the notice says bring my passport but i tested positive for covid": the passport is something to
# bring to the appointment (hand test: the covid reschedule got the State Department's address).
_ID = r"(passport|pasaporte|drivers? licen[cs]e|licencia( de conducir)?|id|identificacion)\b"
_TO_BRING = re.compile(r"\b(bring|take|show|llevar|lleve|traer|traiga|presentar|mostrar)( (my|your|the|his|her|their|mi|su|el|tu))? " + _ID)
# An ID needed at an appointment the message names: "for my husbands bio appt does he need his passport or is
# his EAD enough" (test set 14: sent to the State Department). Without the appointment, "i need my passport
# renewed" is the State Department's.
_ID_NEEDED = re.compile(r"\b(need|needs|necesita|necesito|ocupa|ocupo)( (my|your|the|his|her|their|mi|su|sus|el|tu))? " + _ID)


# The stamp put in a passport at a USCIS office (the I-551 stamp, proof of residence while a card is
# replaced) is USCIS's, though it names the passport: "i want the stamp in my passport before that",
# "necesito el sello en mi pasaporte" (test set 11: sent to the State Department).
_USCIS_STAMP = re.compile(
    r"\b(stamp|stamps|stamped|sello|sellos|sellar|sellen|sellado)\b(\s+\w+){0,3}?\s+(passport|pasaporte)s?\b"
    r"|\b(passport|pasaporte)\s+(stamp|stamped|sellado)\b|\bi-?551 stamp\b"
)


def _read(text: str) -> str:
    """The folded text the agencies are looked for in, a USCIS stamp in a passport named as such."""
    return _USCIS_STAMP.sub(" uscis stamp ", fold(text[:2000]).lower())


# Words of a USCIS matter the classifier may not place: such a message is not "not USCIS".
_OWN_CASE = re.compile(r"\b(my|mi|mis|our|nuestro) (case|caso|application|solicitud|petition|peticion|form|formulario|"
                       r"appointment|cita|card|tarjeta|notice|aviso|carta|letters?|cartas)\b|immigra|inmigra|\bimmigration\b")


def names_a_uscis_matter(text: Optional[str]) -> bool:
    """True when the message talks about a USCIS matter (its own case, a form, a receipt
    notice, a green card...), whatever the classifier made of it."""
    if not text:
        return False
    folded = fold(text[:2000])
    return bool(_USCIS_MATTER.search(folded) or _OWN_CASE.search(folded) or receipts.find(text[:2000])
                or form_types.said(text[:2000]))


def agency_for(text: Optional[str]) -> Optional[str]:
    """The agency that handles a non-USCIS request, or None for plain off-topic text (G7)."""
    if not text:
        return None
    folded = _read(text)
    for agency, pattern in _COMPILED:
        if pattern.search(folded):
            return agency
    # "y no me pueden cambiar mejor la fecha de la corte?": a court date to move, its court unnamed
    return IMMIGRATION_COURT if court_date_to_move(text) else None


def agencies_for(text: Optional[str]) -> Tuple[str, ...]:
    """Every agency whose matter the message names, in the order the applicant names them
    ("a social security card and ... my drivers license": SSA, then the DMV). Words already
    taken by an agency earlier in the table are not another's ("my mexican passport" is the
    consulate's, not also the State Department's)."""
    if not text:
        return ()
    folded = _read(text)
    taken: List[Tuple[int, int]] = []
    found: List[Tuple[int, str]] = []
    for agency, pattern in _COMPILED:
        for match in pattern.finditer(folded):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            if agency not in (a for _, a in found):
                found.append((span[0], agency))
    return tuple(agency for _, agency in sorted(found))


def documents_to_bring(text: Optional[str]) -> bool:
    """True when the message asks about an ID to bring or show ("do i need to bring my passport or is
    my drivers license ok?"): a question about the appointment, not the other agency's matter."""
    folded = fold((text or "")[:2000])
    return bool(_TO_BRING.search(folded)) or (bool(_ID_NEEDED.search(folded)) and appointments.named_in(folded) is not None)


# An appointment at an embassy or consulate is the State Department's, even when the USCIS petition
# behind it is named ("my moms visa interview at the embassy in manila got cancelled, im the one who
# filed her I-130"; test set 12 had it rescheduled as a USCIS interview).
_CONSULAR_APPOINTMENT = re.compile(
    r"\b(?:visa interview|entrevista (?:de|para) (?:la |su )?visa|(?:interview|appointment) (?:at|with) the (?:us |u\.s\. )?"
    r"(?:embassy|consulate)|(?:embassy|consulate|consular) (?:interview|appointment)|(?:cita|entrevista) (?:en|de|con|del) (?:la |el )?(?:embajada|consulado))\b")


# The court's date asked to be moved, though a USCIS appointment is named beside it: "my AOS interview is
# the same morning. can you move the court one", "no me pueden cambiar mejor la fecha de la corte?"
# (test sets 12 and 14: a USCIS reschedule was started). Only EOIR moves a hearing (G7).
_MOVE_OF = re.compile(
    r"\b(move|change|reschedule|postpone|push back|cambiar|cambiarme|cambien|cambie|mover|moverme|reprogramar|posponer|aplazar)"
    r"\b(?P<between>(?:\s+\w+){0,4}?)\s+(?:the |my |la |mi |el )?(?:court|hearing|audiencia|corte|immigration judge|juez|"
    # ICE's check-in: "can you move the ice one for me" (test set 15)
    r"ice|ice check ?-?in|check ?-?in (?:with|at|de|con) ice|cita (?:con|de|en) (?:ice|migracion|la migra))\b"
)
# Words that may stand between the move and the court ("cambiar mejor la fecha de la corte"); any other word
# ("change my address before my court hearing", "reschedule my interview because of my hearing") is another object.
_BETWEEN_COURT = frozenset("the my la mi el de del of for me please por favor mejor date fecha court corte hearing audiencia "
                           "immigration inmigracion ice one check in".split())


# A USCIS document the DMV refused, or the DMV asked to be called: "the d m v says my work permit card isnt
# good enough to renew my license, can you call them", "el CESCO no me quiere renovar la licencia porque ...
# mi residencia esta vencida" (test set 15: not understood).
_DMV_REFUSED = re.compile(
    r"\b(says?|said|told me|wont|won'?t|will not|refus\w*|dicen?|dijeron|no (me )?(quiere|quieren|quiso|quisieron|acepta\w*))\b"
    r"(\s+\S+){0,8}?\s+(renew|renovar|give|dar|accept|aceptar|good enough|enough|sirve|vale|valid|valida)\b"
    r"|\b(call|contact|llamar|llamen|llame|hablarle|comunicarse)\b(\s+\S+){0,2}?\s+(them|the dmv|al dmv|al cesco|a ellos|dmv|cesco)\b"
)


# A USCIS service asked for beside the DMV's refusal: "... because my work permit expired, I need to expedite my
# I-765" is an expedite (a review).
_USCIS_SERVICE_ASKED = re.compile(
    r"\b(expedit\w*|acelerar\w*|agiliz\w*|reschedul\w*|status|estatus|replace|reponer|apply|aplicar|solicitar|"
    r"renew (?:my |the )?(?:work permit|green card|ead|card)|renovar (?:mi |el |la )?(?:permiso|residencia|green|mica|tarjeta))\b"
)


def court_date_to_move(text: Optional[str]) -> bool:
    """True when the message asks for an immigration court hearing itself to be moved (EOIR's)."""
    for found in _MOVE_OF.finditer(_read(text or "")):
        if set(found.group("between").split()) <= _BETWEEN_COURT:
            return True
    return False


def only_another_agency(text: Optional[str]) -> Optional[str]:
    """The agency when a message names another agency's matter and nothing only USCIS
    handles ("my social security card never came", "reschedule my visa interview at the
    embassy"), else None: such a message is not a USCIS service request, whatever its
    words share with one (G7)."""
    agency = agency_for(text)
    if agency is None:
        return None
    folded = _USCIS_DENIED.sub(" ", _USCIS_ASKED.sub(" ", _read(text)))
    if _TO_BRING.search(folded):
        return None  # a document to bring to an appointment, not the other agency's matter
    if agency == STATE_DEPARTMENT and _CONSULAR_APPOINTMENT.search(folded) and not receipts.find(text[:2000]):
        return agency
    if agency == IMMIGRATION_COURT and court_date_to_move(text) and not receipts.find(text[:2000]):
        return agency
    if agency == DMV and _DMV_REFUSED.search(folded) and not receipts.find(text[:2000]) and not _USCIS_SERVICE_ASKED.search(folded):
        return agency  # the USCIS document is what the DMV refused: the matter is the DMV's
    if _USCIS_MATTER.search(folded) or receipts.find(text[:2000]) or form_types.said(text[:2000]):
        return None
    return agency


def topic_referred(text: Optional[str]) -> Optional[str]:
    """The agency when the matter a person is asked for about is only another agency's (G7:
    "my husband got detained by ICE today, i need to know where he is" had a callback offered),
    else None. An appointment named keeps it a live topic ("they kept my passport at my
    interview" may be USCIS's), unless it is an embassy's or a consulate's."""
    agency = only_another_agency(text)
    if agency is None or appointments.named_in(text) is None:
        return agency
    return agency if agency == STATE_DEPARTMENT and _CONSULAR_APPOINTMENT.search(_read(text or "")) else None
