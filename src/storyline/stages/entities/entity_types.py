"""Name mentions -> one type per folded name, by evidence first and spaCy's labels second.

spaCy's small model labels the same surname PERSON, GPE and ORG in one article. A name's type is decided
once per document (and carried across the run) from weighted votes: a label counts 1, contextual
evidence counts more because it is read off the sentence rather than guessed from the word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .acronyms import join_acronym_names
from .lexicon import (
    EVENT_NAME_WORDS,
    EVENT_NOUNS,
    KINSHIP_NOUNS,
    NAME_TITLES,
    ORG_NAME_WORDS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PRODUCT_NAME_WORDS,
    PRODUCT_NOUNS,
    SPEECH_VERBS,
    TITLES_AND_ROLES,
    VESSEL_PREFIXES,
    is_portfolio,
)
from .mentions import Mention
from .names import form_of, surname_variants

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Weights chosen so that one piece of context outweighs a handful of contrary labels but a name labelled
# GPE thirty times and said to speak once stays a place ("Norway said" is metonymy, not a person).
# Speaking says a name is an actor, not which kind: organisations announce and say things too. Its votes
# are kept as ACTOR and given to PERSON or ORG only when the type is decided (see `winner`), after the
# name's own evidence (labels, titles, surnames, its written form) is in. NONPERSON records a form no
# person is written in: capitals ("the UN") or a definite article before a bare name ("the FDN").
WEIGHT_LABEL = 1
WEIGHT_TITLE = 4
WEIGHT_SURNAME = 4
WEIGHT_APPOSITIVE = 4
WEIGHT_SPEECH = 2
WEIGHT_PLACE_PREPOSITION = 2
WEIGHT_ORG_WORD = 10
WEIGHT_FORM = 1
WEIGHT_ACRONYM = 4
WEIGHT_KIND = 4
WEIGHT_VERSION = 4
ACTOR = "ACTOR"
NONPERSON = "NONPERSON"
PSEUDO_LABELS = (ACTOR, NONPERSON)
PLACE_LABELS = ("GPE", "LOC", "FAC")
PLACE_PREPOSITIONS = frozenset({"in", "near", "across", "throughout", "outside", "inside"})
PERSONISH = ("PERSON", "ORG", "GPE", "NORP")
THING_TYPES = ("EVENT", "PRODUCT")


def mention_evidence(doc: Doc, mention: Mention) -> list[tuple[str, int, str]]:
    """(type, weight, why) votes read off one mention's context."""
    votes: list[tuple[str, int, str]] = [(mention.label, WEIGHT_LABEL, f"tagged {mention.label}")]
    form = form_of(mention.name)
    head = doc[mention.head]
    if any(word in ORG_NAME_WORDS for word in form.words) and len(form.words) > 1:
        votes.append(("ORG", WEIGHT_ORG_WORD, "organisation word in the name"))
        return votes
    for kind, kind_words in (("EVENT", EVENT_NAME_WORDS), ("PRODUCT", PRODUCT_NAME_WORDS)):
        if any(word in kind_words for word in form.words):
            votes.append((kind, WEIGHT_ORG_WORD, f"{kind.lower()} word in the name"))
            return votes
    if is_vessel_name(mention.name):
        votes.append(("PRODUCT", WEIGHT_ORG_WORD, f"a ship's prefix '{mention.name.split()[0]}'"))
        return votes
    if has_version_number(form.words):
        votes.append(("PRODUCT", WEIGHT_VERSION, "a version number in the name"))
    votes.extend(kind_evidence(head))
    # "the Chief Public Relations Officer", "Press Officer, Defence": a portfolio beside a title is the
    # office the title serves, so what would say "a person" of a name says "an organisation" of it.
    portfolio = is_portfolio(form.words)
    if mention.title is not None or follows_title(doc, mention):
        votes.append(("ORG", WEIGHT_TITLE, "a portfolio after a title") if portfolio else ("PERSON", WEIGHT_TITLE, "follows a title"))
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in SPEECH_VERBS:
        votes.append((ACTOR, WEIGHT_SPEECH, f"subject of '{head.head.text}'"))
    if form.is_acronym:
        votes.append((NONPERSON, WEIGHT_FORM, "written as an acronym"))
    elif has_definite_article(doc, mention):
        votes.append((NONPERSON, WEIGHT_FORM, f"'{doc[mention.first - 1].text} {mention.name}'"))
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in PERSON_NOUNS | KINSHIP_NOUNS and not child.ent_type_:
            votes.append(("PERSON", WEIGHT_APPOSITIVE, f"described as '{child.text}'"))
    # A name in brackets glosses the word before it ("the secretary general of CEI (Italian Episcopal
    # Conference)"): the parser's appositive link is to whatever precedes, not a description of the name.
    bracketed = mention.first > 0 and doc[mention.first - 1].text == "("
    # A role word inside another name is that name's word ("the California Science Center in Los Angeles,
    # California": 'Center' is no basketball centre), hence `ent_type_`.
    governor = head.head
    if head.dep_ == "appos" and governor.lemma_.lower() in PERSON_NOUNS | KINSHIP_NOUNS and not bracketed and not governor.ent_type_:
        if portfolio:
            votes.append(("ORG", WEIGHT_APPOSITIVE, f"the portfolio of '{governor.text}'"))
        else:
            votes.append(("PERSON", WEIGHT_APPOSITIVE, f"described as '{governor.text}'"))
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS and mention.label in ("GPE", "LOC", "FAC", "ORG"):
        votes.append(("GPE", WEIGHT_PLACE_PREPOSITION, f"object of '{head.head.text}'"))
    return votes


def is_vessel_name(name: str) -> bool:
    """ "INS Kaveri", "HMS Victory": a ship's prefix in capitals opening a name of one to three more words,
    the next of which is no title ("INS Commissioner Ruiz" is the agency's officer)."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and words[0].isupper()
        and words[0].lower().rstrip(".") in VESSEL_PREFIXES
        and words[1].lower() not in TITLES_AND_ROLES
    )


def follows_title(doc: Doc, mention: Mention) -> bool:
    """A title word right before the name and said of it ("former Senator Ruiz": 'former' hangs on the
    name). A title word said of the noun the name modifies is not: in "former Transport Secretary Ana Ruiz"
    'former' describes the secretary, and 'Transport' is the portfolio."""
    if mention.first == 0:
        return False
    before = doc[mention.first - 1]
    return before.lower_.rstrip(".") in NAME_TITLES and mention.first <= before.head.i < mention.last


def has_numbered_end(key: str) -> bool:
    """ "Block 9", "Pier 7", "Apollo 11": a name whose last word is a number names a place, a group or
    a thing, never a person (a regnal number is written in Roman numerals)."""
    words = key.split()
    return len(words) > 1 and words[-1].isdigit()


def has_version_number(words: Sequence[str]) -> bool:
    """ "IE6", "STS-1": letters then a number in one word, as products and missions are numbered. Two letters
    at least, since one-letter groups ("G8") and numbers first ("3M", "76ers") are organisations; a number
    word after a name ("Pier 7", "Part 2") is as often a place or a part as a version."""
    for word in words:
        stem = word.rstrip("0123456789").rstrip("-")
        if stem != word and len(stem) >= 2 and stem.isalpha():
            return True
    return False


def kind_evidence(head: Token) -> list[tuple[str, int, str]]:
    """A noun said of the name that tells its kind: an appositive ("X, a cruise ship"), a copula's
    predicate ("X is the #2 browser"), a common noun the name is written before ("the Kumbh pilgrimage"),
    or a place noun it names ("the town of X", "a neighbourhood named X")."""
    nouns: list[Token] = [child for child in head.children if child.dep_ == "appos" and child.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        nouns.append(head.head)
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        nouns.extend(child for child in head.head.children if child.dep_ == "attr" and child.pos_ == "NOUN")
    votes = []
    for noun in nouns:
        lemma = noun.lemma_.lower()
        for kind, kind_nouns in (("EVENT", EVENT_NOUNS), ("PRODUCT", PRODUCT_NOUNS)):
            if lemma in kind_nouns:
                votes.append((kind, WEIGHT_KIND, f"said to be a '{noun.text}'"))
        if lemma in PLACE_NOUNS:
            votes.append(("GPE", WEIGHT_KIND, f"said to be a '{noun.text}'"))
    if (place := named_place_noun(head)) is not None:
        votes.append(("GPE", WEIGHT_KIND, f"the name of a '{place.text}'"))
    # Written before a noun, a name is what the noun names only for event and vehicle nouns ("the X
    # pilgrimage", "the X spacecraft"); before a made thing it is as often the maker ("the X device").
    noun = head.head
    if head.dep_ == "compound" and noun.pos_ == "NOUN" and noun.i == head.i + 1:
        lemma = noun.lemma_.lower()
        for kind, kind_nouns in (("EVENT", EVENT_NOUNS), ("PRODUCT", PRODUCT_NAME_WORDS)):
            if lemma in kind_nouns:
                votes.append((kind, WEIGHT_KIND, f"written before '{noun.text}'"))
    return votes


def named_place_noun(head: Token) -> Token | None:
    """The place noun a name is given to: "the town of X" (X the object of 'of' after the noun) or "a
    neighbourhood named X" / "called X" (X the predicate of the participle)."""
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ == "of" and governor.head.lemma_.lower() in PLACE_NOUNS:
        noun = governor.head
        # "the people of X" is no place noun, and "a city of X" ("a city of millions") gives no name.
        return noun if any(c.lower_ == "the" for c in noun.children) else None
    if head.dep_ == "oprd" and governor.lemma_.lower() in ("name", "call") and governor.dep_ == "acl":
        noun = governor.head
        return noun if noun.lemma_.lower() in PLACE_NOUNS else None
    return None


def has_definite_article(doc: Doc, mention: Mention) -> bool:
    """ "the FDN said": a bare name heading its own noun phrase after "the" is not a person's name (a name
    that only modifies the phrase, as in "the Vega government", is not counted)."""
    if mention.first == 0 or doc[mention.first - 1].lower_ != "the":
        return False
    return doc[mention.first - 1].head.i == mention.head and doc[mention.head].dep_ != "compound"


def decide_types(
    doc: Doc,
    mentions: Sequence[Mention],
    prior: Mapping[str, Counter] | None = None,
    known_surnames: frozenset[str] = frozenset(),
) -> tuple[dict[str, str], dict[str, Counter]]:
    """Folded name -> type for every name in the document, and the vote tallies behind each decision.

    `prior` holds tallies from earlier articles of the run (corpus evidence), added before deciding.
    Acronym pairs are applied first (`join_acronym_names`), as `cluster_names` does, so both see one name
    for "Council for Peace in Central Asia (CPCA)".
    """
    mentions = join_acronym_names(doc, mentions)
    tallies: dict[str, Counter] = {}
    for mention in mentions:
        key = form_of(mention.name).key
        tally = tallies.setdefault(key, Counter())
        for label, weight, _why in mention_evidence(doc, mention):
            tally[label] += weight
    # "the Northern Defence Front (FDN)": the bracketed acronym is whatever its expansion is.
    # An acronym paired with its expansion is an organisation's (the commoner case by far), unless the
    # expansion is mostly tagged a place ("United Arab Emirates (UAE)").
    for mention in mentions:
        expansion = mention.features.get("expansion")
        if expansion in tallies:
            tally = tallies[expansion]
            if max(tally["GPE"], tally["LOC"]) <= tally["ORG"] + tally["PERSON"]:
                tally["ORG"] += WEIGHT_ACRONYM
            tallies[form_of(mention.name).key] += tally
    # A single word that is the surname of a multi-word person name is a person wherever it stands alone.
    # A given name is weaker evidence: places begin person-like names the tagger invents ("Virginia
    # Governor(s"), so it does not count for a word its own votes make a place.
    person_surnames: set[tuple[str, ...]] = set()
    given_names: set[tuple[str, ...]] = set()
    thing_words: dict[str, str] = {}
    for key, tally in tallies.items():
        combined = tally + (prior or {}).get(key, Counter())
        if len(key.split()) > 1 and type_of(key, combined) == "PERSON":
            person_surnames |= surname_variants(form_of(key))
            given_names.add(tuple(key.split()[:1]))
        elif len(key.split()) > 1 and winner(combined) in THING_TYPES:
            # "Hurricane Delia" ... "Delia destroyed": the last word alone is the storm, as a surname
            # alone is the person; not when it is the kind word ("the Science Fair" names no "Fair").
            last = key.split()[-1]
            if last not in EVENT_NOUNS | PRODUCT_NOUNS:
                thing_words[last] = winner(combined)
    counts = Counter(form_of(m.name).key for m in mentions)
    surname_words = {variant[-1] for variant in person_surnames if len(variant) == 1} | known_surnames
    for key, tally in tallies.items():
        words = key.split()
        combined = tally + (prior or {}).get(key, Counter())
        surname = tuple(words) in person_surnames and not written_unlike_person(combined)
        if surname or (tuple(words) in given_names and not read_as_place(combined)):
            tally["PERSON"] += WEIGHT_SURNAME * counts[key]
        elif len(words) == 1 and key in thing_words and tuple(words) not in person_surnames | given_names:
            tally[thing_words[key]] += WEIGHT_SURNAME * counts[key]
        elif len(words) > 1 and words[-1] in surname_words and not any(w in ORG_NAME_WORDS for w in words):
            # "Mo Cheeks" beside "Maurice Cheeks": a full name ending in a known person's surname.
            tally["PERSON"] += WEIGHT_SURNAME * counts[key]
        if tally.get("GPE") and any(ch.isdigit() for ch in key):
            tally["ORG"] += WEIGHT_PLACE_PREPOSITION * counts[key]  # places have no digits ("76ers")
    types = {key: type_of(key, tally + (prior or {}).get(key, Counter())) for key, tally in tallies.items()}
    return types, tallies


def labels_of(tally: Counter) -> Counter:
    return Counter({label: n for label, n in tally.items() if label not in PSEUDO_LABELS})


def read_as_place(tally: Counter) -> bool:
    """The word's own votes make it a place more than a person ("in Virginia", tagged GPE). A given name
    tagged ORG once is the tagger's slip ("Veronica"), so only place votes count against it."""
    labels = labels_of(tally)
    return labels["GPE"] + labels["LOC"] > labels["PERSON"]


def written_unlike_person(tally: Counter) -> bool:
    """ "the Polaroid": a word written as no person's name is (after "the", in capitals) and mostly
    labelled something else is not made a person by a namesake's surname."""
    labels = labels_of(tally)
    return bool(tally.get(NONPERSON)) and sum(labels.values()) - labels["PERSON"] > labels["PERSON"]


def resolve_actor(tally: Counter) -> Counter:
    """The tally with its ACTOR votes given to a type: an organisation when the name's own evidence says it
    is one (written in capitals or after "the", or tagged ORG more often than PERSON), dropped when that
    evidence says place (a country that "said" is metonymy), otherwise a person."""
    types = labels_of(tally)
    actor = tally.get(ACTOR, 0)
    if not actor:
        return types
    # Labels count as the name's own evidence only by a clear majority: spaCy splits a person's surname
    # between PERSON and ORG about evenly, a company is seldom tagged PERSON.
    if tally.get(NONPERSON, 0) or types["ORG"] > 2 * types["PERSON"]:
        # A group named by a nationality ("the Democrats said") speaks as an organisation would.
        places = max((types[label] for label in PLACE_LABELS), default=0)
        if types["ORG"] >= places:
            types["ORG"] += actor
        return types
    types["PERSON"] += actor
    return types


def type_of(key: str, tally: Counter) -> str:
    """The type a folded name's votes give it, except that a name ending in a number is no person: it takes
    the best of its other votes, or ORG when it has none ("Local 100", "Channel 4")."""
    decided = winner(tally)
    if decided != "PERSON" or not has_numbered_end(key):
        return decided
    others = Counter({label: n for label, n in tally.items() if label not in ("PERSON", ACTOR)})
    return winner(others) if any(labels_of(others).values()) else "ORG"


def winner(tally: Counter) -> str:
    types = resolve_actor(tally)
    if not any(types.values()):
        return "ORG"
    # Ties go to the commoner news actor types, in this order.
    order = {label: n for n, label in enumerate(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"))}
    return max(types.items(), key=lambda item: (item[1], -order.get(item[0], 9)))[0]
