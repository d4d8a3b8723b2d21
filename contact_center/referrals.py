"""Rule G7: who handles what USCIS does not (outcome REFER_ELSEWHERE)."""
from __future__ import annotations

import re
from typing import Optional

from contact_center.text import fold

STATE_DEPARTMENT = "state_department"
IRS = "irs"
SSA = "ssa"
DMV = "dmv"
IMMIGRATION_COURT = "immigration_court"

# Order matters: the first agency whose words appear is the one named.
# Text is matched lower-case with accents removed.
_AGENCIES = (
    (SSA, r"social security|seguro social|\bssn\b|\bssa\b|numero social|tarjeta social"),
    (IRS, r"\birs\b|\btax(es)?\b|tax refund|\bitin\b|impuesto|declaracion de renta|\bw-?2\b|reembolso de impuestos|taxes"),
    (DMV, r"driver'?s? licen[cs]e|drivers? licen[cs]e|driving licen[cs]e|licencia de (conducir|manejo|manejar)|\bdmv\b|real id|state id|identificacion estatal"),
    (
        STATE_DEPARTMENT,
        r"passport|pasaporte|embass(y|ies)|embajada|consulate|consulado|consular|\bds-?160\b|"
        r"tourist visa|visa de turista|visitor visa|visa stamp|visa appointment|cita (de|para la) visa|"
        r"visa interview|entrevista (de|para la) visa|\bvisa (in|en) (mexico|honduras|guatemala|el salvador|colombia)",
    ),
    (
        IMMIGRATION_COURT,
        r"immigration court|corte de inmigracion|\beoir\b|\bice\b|detention|detenido|deportation hearing|"
        r"audiencia|master calendar|immigration judge|juez de inmigracion",
    ),
)
_COMPILED = tuple((agency, re.compile(pattern)) for agency, pattern in _AGENCIES)



def agency_for(text: Optional[str]) -> Optional[str]:
    """The agency that handles a non-USCIS request, or None for plain off-topic text (G7)."""
    if not text:
        return None
    folded = fold(text[:2000])
    for agency, pattern in _COMPILED:
        if pattern.search(folded):
            return agency
    return None
