"""Closed word lists the entity sieves read: titles, role nouns, kinship, pronoun features, speech verbs.

General English news vocabulary only: nothing here names a particular person, place or story.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())

# Words that precede a person's name as a title ("President Vega", "Dr. Ruiz").
NAME_TITLES = words(
    """
    president vice mr mrs ms miss dr prof professor sir dame lord lady king queen prince princess pope
    senator sen rep representative congressman congresswoman governor gov mayor minister premier
    chancellor judge justice general gen colonel col captain capt lieutenant lt sergeant sgt commander
    admiral ambassador secretary chairman chairwoman chief director father sister brother rev reverend
    rabbi imam sheikh emir sultan ayatollah archbishop bishop cardinal saint st former late
    then-president
    """
)

# Nouns that head a noun phrase naming a person by role ("the Chilean leader", "the former soldier").
PERSON_NOUNS = words(
    """
    president leader minister official spokesman spokeswoman spokesperson director chief head executive
    rebel guerrilla fighter commander general senator lawmaker legislator politician candidate
    ambassador diplomat envoy mayor governor king queen prince princess monarch premier chancellor
    secretary chairman chairwoman founder ceo boss manager owner man woman boy girl father mother son
    daughter brother sister wife husband widow child professor researcher scientist expert analyst
    author writer novelist poet artist actor actress singer musician player coach striker captain driver
    pilot doctor lawyer attorney judge prosecutor officer soldier policeman detective journalist
    reporter editor activist advocate critic economist historian biologist teacher student priest pope
    bishop spokesperson counterpart successor predecessor incumbent opponent rival ally victim suspect
    defendant witness survivor
    """
) | words(
    """
    people person kid parent resident citizen voter user fan member worker employee staff participant
    attendee visitor customer farmer protester protestor demonstrator patient troop volunteer delegate
    supporter colleague friend partner manufacturer developer designer engineer photographer astronaut
    crew athlete competitor winner champion inventor entrepreneur investor graduate pupil audience adult
    teenager baby infant individual immigrant refugee migrant worshipper pilgrim
    """
)

# Agent and occupation nouns of general news ("the pirates", "the gunman", "the host").
PERSON_NOUNS = PERSON_NOUNS | words(
    """
    pirate brigand bandit raider robber thief burglar kidnapper hijacker gunman shooter killer murderer
    attacker assailant terrorist militant insurgent extremist jihadist gangster smuggler trafficker
    dealer hacker spy agent informant hostage captive prisoner inmate detainee convict fugitive
    sailor seaman marine commando sniper guard bodyguard trooper ranger medic nurse surgeon physician
    dentist pharmacist therapist psychologist psychiatrist paramedic firefighter lifeguard rescuer
    host emcee presenter anchor comedian comic performer entertainer dancer rapper band star celebrity
    producer director filmmaker screenwriter playwright composer conductor organizer organiser
    accountant receptionist clerk cashier secretary assistant aide adviser advisor consultant banker
    broker trader economist executive shareholder trustee chairperson president-elect nominee contender
    challenger frontrunner governor-elect congressman senator-elect minister-designate deputy
    spokesperson negotiator mediator observer monitor inspector investigator auditor regulator
    scholar academic lecturer linguist philosopher physicist chemist mathematician astronomer geologist
    archaeologist anthropologist sociologist ecologist zoologist botanist
    driver passenger pedestrian cyclist motorist commuter tourist traveller traveler resident neighbour
    neighbor landlord tenant homeowner shopkeeper vendor merchant owner operator farmer fisherman
    miner worker labourer laborer builder carpenter plumber electrician mechanic
    quarterback pitcher goalkeeper defender forward midfielder batsman bowler guard center referee
    umpire manager trainer owner teammate rookie veteran coach lineman receiver
    bride groom spouse boyfriend girlfriend fiance fiancee grandparent relative sibling twin baby toddler
    teen youngster youth elder senior retiree pensioner widower orphan climber mountaineer hiker skier
    swimmer runner diver surfer hunter camper guide rescuer searcher cop
    grandmother grandfather grandson granddaughter uncle aunt nephew niece cousin bystander crewmember
    """
)

# Nouns that head a noun phrase naming an organisation ("the group", "the company").
ORG_NOUNS = words(
    """
    group company firm organization organisation party government administration agency ministry
    department army navy military movement union coalition team club committee council university institute bank
    network corporation court parliament congress senate authority commission board office cartel
    militia alliance association federation foundation newspaper broadcaster station embassy police
    school college church camp community business legislature jury
    """
)

# Title words and role nouns together: either, before a name, is no part of it.
TITLES_AND_ROLES = NAME_TITLES | PERSON_NOUNS

# The common nouns of a government's or an organisation's portfolios, capitalised when they name the office
# a title serves ("Press Officer, Defence", "Secretary (Finance)", "Public Relations Officer"), and the
# adjectives that open such a portfolio ("Foreign Affairs", "Public Relations"). A name made only of these
# words beside a title is that title's office, not the person holding it.
PORTFOLIO_NOUNS = words(
    """
    defence defense finance treasury justice interior health education transport transportation labour
    labor energy trade commerce industry agriculture fisheries environment housing tourism culture sport
    sports communications information relations affairs operations security intelligence revenue customs
    immigration welfare planning development infrastructure administration personnel logistics
    procurement media
    """
)
PORTFOLIO_ADJECTIVES = words("public foreign home internal external international social economic")
PORTFOLIO_WORDS = PORTFOLIO_NOUNS | PORTFOLIO_ADJECTIVES


def is_portfolio(name_words: Sequence[str]) -> bool:
    """ "Defence", "Public Relations", "Foreign Affairs": words that name an office's portfolio, and nothing
    else (a person's name carries at least one word outside these lists)."""
    return any(word in PORTFOLIO_NOUNS for word in name_words) and all(
        word in PORTFOLIO_WORDS for word in name_words
    )


# Nouns that head the name of a body, not of a place ("the Forum for Dialogue in Southeast Asia (FDAS)",
# "the Fund for Peace in Africa"): a place named inside such a name only says where the body works.
ORG_HEAD_NOUNS = words(
    """
    forum society fund trust bureau secretariat initiative programme program observatory mission league
    platform partnership consortium academy council institute centre center commission agency authority
    foundation board office network alliance union coalition federation association committee
    """
)

# Words inside a name that make it an organisation whatever the tagger said.
ORG_NAME_WORDS = words(
    """
    office ministry department house group party army union council institute university center centre
    agency bank company corporation corp inc ltd llc association foundation committee commission court
    parliament congress senate assembly front alliance movement coalition federation organization
    organisation network forces force administration school college hospital church times post news
    press embassy police
    """
)

# Words that make a name an event's or a made thing's, not an actor's ("the Autumn Games", "Cyclone
# Lorna", "Space Shuttle Orion"): spaCy's small model tags such names PERSON or ORG, and GUM and ECB+
# annotate people and organisations only. A name that also has an organisation word stays an organisation.
EVENT_NAME_WORDS = words(
    """
    olympics paralympics festival fair expo carnival month week cup championship championships tournament
    marathon hurricane cyclone typhoon storm war summit pilgrimage
    """
)
PRODUCT_NAME_WORDS = words(
    """
    shuttle spacecraft probe rover telescope satellite orbiter rocket
    """
)
# Prefixes a navy or shipping line writes before a ship's name ("INS Kaveri", "HMS Victory", "MV Nordic
# Star"): a name opening with one, in capitals, is a vessel (spaCy's small model tags them PERSON).
VESSEL_PREFIXES = words(
    """
    uss usns uscgc hms hmas hmcs hmnzs hmhs rms ins pns bns slns roks kri tcg mv
    """
)
# Nouns for places that a name is the name of ("the town of X", "a neighbourhood named X").
PLACE_NOUNS = words(
    """
    town city village hamlet neighbourhood neighborhood district province region county state country
    island municipality suburb borough settlement
    """
)
# Nouns that say what kind of thing a name is when predicated of it ("X, a ship", "X is the #2 browser").
EVENT_NOUNS = EVENT_NAME_WORDS | words("tournament race election ceremony celebration holiday")
PRODUCT_NOUNS = PRODUCT_NAME_WORDS | words(
    """
    ship vessel aircraft plane jet browser software app application game film movie album book novel
    drug vaccine phone device car vehicle computer
    """
)

# Titles of heads of state or government: one so titled is also "the leader" ("Prime Minister X ... the
# veteran leader").
LEADER_TITLES = words("president premier prime chancellor king queen monarch emir sultan ayatollah")

# Verbs whose "as" phrase describes their object, not their subject ("hired him as coach", "see the mayor as
# a threat"; Levin's appoint and characterize classes): after any other verb it describes the subject
# ("visited the mine as a young reporter", "joined the group as a student").
OBJECT_AS_VERBS = words(
    """
    appoint elect name nominate hire fire sack dismiss recruit install choose select pick cast crown
    designate employ sign draft keep retain replace see view regard treat describe portray depict
    characterize characterise label brand dub call know identify recognize recognise list rank count
    present paint hail denounce condemn accept welcome introduce remember consider
    """
)

# Family relations: "his father, X" names a different person than the possessor.
KINSHIP_NOUNS = words(
    """
    father mother son daughter brother sister wife husband uncle aunt nephew niece cousin grandfather
    grandmother grandson granddaughter parent child children stepfather stepmother stepson stepdaughter
    widow widower fiancee fiance partner
    """
)

MALE_WORDS = words(
    """
    mr father son brother husband uncle nephew grandfather grandson king prince man boy sir lord widower
    spokesman chairman congressman policeman actor
    """
)
FEMALE_WORDS = words(
    """
    mrs ms miss mother daughter sister wife aunt niece grandmother granddaughter queen princess woman
    girl lady dame widow spokeswoman chairwoman congresswoman actress
    """
)
# Words ending in "man" that are no "-man" compound naming a man ("a human", "a German").
NOT_MAN_COMPOUNDS = words("human german roman shaman ottoman caiman cayman talisman")


def noun_gender(lemma: str) -> str | None:
    """The sex a person noun names: the lists above, then the "-man"/"-woman" compounds they cannot all
    hold ("gunman", "ferryman", "businesswoman")."""
    if lemma in FEMALE_WORDS or lemma.endswith("woman"):
        return "female"
    if lemma in MALE_WORDS or (lemma.endswith("man") and len(lemma) > 4 and lemma not in NOT_MAN_COMPOUNDS):
        return "male"
    return None

# Verbs whose subject is a speaker: a name that says things is a person or an organisation, never a place.
SPEECH_VERBS = words(
    """
    say tell ask add write argue claim insist explain note warn reply respond answer recall admit
    acknowledge announce declare state comment describe call urge accuse deny praise criticise criticize
    complain suggest believe think want
    """
)

# Verbs that introduce a quotation ("Stan remarked, '...'"): the speech verbs and more ways of saying,
# kept apart from SPEECH_VERBS so the name-typing vote is unchanged.
QUOTE_VERBS = SPEECH_VERBS | words(
    """
    remark observe tweet post report confirm concede mention stress emphasize emphasise reveal predict
    promise joke shout exclaim boast lament testify plead retort quip muse whisper cry continue conclude
    """
)

# Third-person pronouns with the features the sieve checks (gender, number, animacy).
PRONOUNS: dict[str, dict[str, str]] = {}
for _word, _case in (("he", "subj"), ("him", "obj"), ("his", "poss"), ("himself", "refl")):
    PRONOUNS[_word] = {"gender": "male", "number": "singular", "animacy": "person", "case": _case}
for _word, _case in (("she", "subj"), ("her", "obj"), ("hers", "poss"), ("herself", "refl")):
    PRONOUNS[_word] = {"gender": "female", "number": "singular", "animacy": "person", "case": _case}
for _word, _case in (("it", "subj"), ("its", "poss"), ("itself", "refl")):
    PRONOUNS[_word] = {"gender": "neuter", "number": "singular", "animacy": "thing", "case": _case}
for _word, _case in (("they", "subj"), ("them", "obj"), ("their", "poss"), ("theirs", "poss"), ("themselves", "refl")):
    PRONOUNS[_word] = {"gender": "any", "number": "plural", "animacy": "any", "case": _case}
for _word, _case in (("i", "subj"), ("me", "obj"), ("my", "poss"), ("mine", "poss"), ("myself", "refl")):
    PRONOUNS[_word] = {"gender": "any", "number": "singular", "animacy": "person", "case": _case, "person": "1"}
for _word, _case in (("we", "subj"), ("us", "obj"), ("our", "poss"), ("ours", "poss"), ("ourselves", "refl")):
    PRONOUNS[_word] = {"gender": "any", "number": "plural", "animacy": "any", "case": _case, "person": "1"}

for _word, _case in (("you", "subj"), ("your", "poss"), ("yours", "poss"), ("yourself", "refl")):
    PRONOUNS[_word] = {"gender": "any", "number": "singular", "animacy": "person", "case": _case, "person": "2"}

# Function words skipped when an acronym is read off a name ("Council for Peace in Central Asia" = CPCA).
ACRONYM_SKIP = frozenset(["of", "on", "for", "the", "and", "in", "at", "to", "de", "del", "la", "los", "las", "y", "el"])


@lru_cache(maxsize=1)
def verb_forms() -> frozenset[str]:
    """The verbs the pipeline's lemmatizer knows ("enter", "cue"): a sentence's capitalised first word that
    is one may be an imperative run into a name ("Cue Lena Park."). Empty when the model has no such table."""
    from ...pipeline import load_nlp  # late: the pipeline module loads the stages

    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))
