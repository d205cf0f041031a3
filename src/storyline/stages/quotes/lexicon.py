"""Word lists of the reported-speech sieves: which verbs, adjectives and prepositions cue an attribution,
and which of their dependents is its content. Each list says why it exists; each is a general class of
English words (Levin-style verb classes), never words picked from one text."""

from __future__ import annotations

from .cues import COGNITIVE_LEMMAS, DOCUMENT_NOUNS, SPEECH_LEMMAS, word_set
from .nouncues import SPEECH_NOUNS

# Adjectives of stance after "be": the subject holds a view about the clause or object that follows.
STANCE_ADJECTIVES = word_set(
    """concerned worried afraid fearful confident sure certain convinced hopeful optimistic pessimistic
    skeptical sceptical critical supportive frank clear adamant determined willing eager reluctant unwilling
    bearish bullish angry furious frustrated upset pleased proud aware doubtful uncertain unsure opposed
    coy vague silent cagey evasive reticent candid forthcoming vocal outspoken explicit emphatic passionate
    enthusiastic excited ready anxious nervous wary cautious"""
)
STANCE_PREPOSITIONS = frozenset({"about", "of", "on", "over", "with", "that", "to"})
# Verbs whose object is the addressee, not the content ("told reporters that ...", "urged voters to ...").
# Verbs of asking someone to act (FrameNet Request, Attempt_suasion): the addressee and the infinitive
# are what the source asks for ("implored voters to stay home", "challenged him to release ...").
REQUEST_LEMMAS = word_set(
    "implore exhort beg persuade convince lobby petition challenge dare beseech entreat order instruct"
)
ADDRESSEE_LEMMAS = word_set("tell ask urge warn advise remind encourage call press") | REQUEST_LEMMAS
# Verbs of intention and refusal (FrameNet Purpose, Agree_or_refuse_to_act): cues of their own, their
# infinitive the source's stated aim ("refuses to release his returns", "seeks to protect breaks"). PolNeAR
# dev: 11 of 16 such predictions right. "try" is no cue: an attempt is an act (3 of 17 right).
INTENTION_LEMMAS = word_set("seek intend threaten refuse aim strive endeavor resolve")
# Verbs whose infinitive is the content once they are cues ("wants to cut", "vowed to fight"); those
# outside INTENTION_LEMMAS are cues through other classes (want: a view; promise: saying) or not at all.
INTENT_LEMMAS = word_set("want plan hope expect try promise vow pledge decline") | INTENTION_LEMMAS
# Verbs of saying whose object is no content ("read the document", "signed the bill", "added a point").
NO_OBJECT_LEMMAS = word_set(
    "read continue sign add speak press pen scrawl inscribe text email message point raise present view"
)
# Verbs of stance, comparison, showing and publication: attributions of their object only, never cues of a
# quotation ("likened the rules to ...", "disputes the idea that ...", "published portions of ...").
STANCE_VERB_LEMMAS = word_set(
    """offer express reference liken highlight disclose publish document refer outline dispute ignore compare
    issue sing decline dismiss welcome advocate champion favor favour tout slam
    articulate propound chronicle extol deride chastise pitch invoke unveil espouse voice broach recite preach
    profess trumpet herald denigrate disparage belittle lambaste berate scold rebuke castigate excoriate chide
    assail rebut refute contradict debunk downplay understate overstate exaggerate commend laud deplore bemoan
    regret illustrate underscore underline expose record"""
)
REPORTING_LEMMAS = SPEECH_LEMMAS | STANCE_VERB_LEMMAS
# Outside quotation marks "I" and "we" are the writer, whose views are attributed too ("I know your
# returns are audited"); "you" addresses the reader generically.
GENERIC_PERSON = frozenset({"you"})
# Verbs of judgement whose passive names what is judged, with or without the judges ("was accused of ...",
# "is considered a threat", "was dubbed the winner").
JUDGEMENT_LEMMAS = word_set(
    """criticize criticise blame accuse charge dub label brand term describe praise condemn denounce attack
    view consider think believe deem hail fault credit suspect regard rate portray depict paint cast frame
    define classify"""
)
JUDGEMENT_PREPOSITIONS = frozenset({"for", "of", "as", "with"})
# Texts and media that say things themselves ("a tweet attacking ...", "an ad questioning ...").
MEDIUM_NOUNS = DOCUMENT_NOUNS | word_set(
    """ad advert advertisement video report paper study poll survey editorial article column op-ed film speech
    campaign group committee lawsuit complaint filing petition resolution bill"""
)
# Verbs of criticism or defence that also name the use of force ("defend the border").
FORCE_LEMMAS = word_set("attack hit target strike defend")
# "continued supporting Vega": a verb that says something only before a quotation, never with a verb.
ASPECT_LEMMAS = word_set("continue")
# "tell the truth", "tell jokes": what is told is content only as a clause ("told reporters that ...").
CLAUSE_ONLY_LEMMAS = word_set("tell")
# "asked the shaman": the noun after "ask" is the one asked unless it names a question ("asked a question").
ASKING_LEMMAS = word_set("ask")
# Verbs that mostly hand over or relate things ("conceded territory", "recounted this experience"): their
# object is content only when it names something said or thought ("agreed to a posting" is no statement,
# "agreed to a ceasefire" is). PolNeAR counts the object of "offer" and "question" as content ("offers loans",
# "questioned the very need for ..."), so those stay.
THING_OBJECT_LEMMAS = word_set("concede recount agree")
PROPOSITION_NOUNS = SPEECH_NOUNS | word_set(
    """plan idea proposal point position stance decision policy question concern demand request offer deal
    agreement ceasefire truce terms account version story theory assessment analysis conclusion opinion
    notion premise principle case commitment condolence sympathy apology support criticism praise"""
)
# Verbs that report their object themselves: a stance noun in their object is theirs, not a cue of its own.
NOUN_OBJECT_CUES = REPORTING_LEMMAS - NO_OBJECT_LEMMAS - CLAUSE_ONLY_LEMMAS
# "called for a ban", "pushed for talks": the demand is the content.
DEMAND_LEMMAS = word_set("call push press ask appeal argue plead lobby")
DEMAND_PREPOSITIONS = frozenset({"for"})
ABOUT_PREPOSITIONS = frozenset({"about", "of", "on", "over", "against", "to"})
# Verbs of talking and of attitude whose content is a prepositional object only ("talked about bringing
# communities together", "apologized for his remarks", "bristled at the question", "seized on comments").
PREPOSITIONAL_LEMMAS = word_set(
    """talk apologize apologise plead moralize moralise bristle balk rally campaign protest object rejoice
    despair grumble fret obsess rave rant gush harp reflect vouch lean seize poke dwell elaborate expound
    care weigh double fume seethe marvel gripe quarrel clash spar"""
)
# "talked with police leaders", "argued in an interview": "with" and "in" name the company or the setting.
STANCE_TOWARD_PREPOSITIONS = frozenset({"at", "for", "toward", "towards", "behind", "around"})
# "worried about the vote", "knows all about hate", "learned of the plan": what a thought is about.
COGNITIVE_PREPOSITIONS = frozenset({"about", "of", "over"})
# "likened the refugees to a snake": the comparison is the content, both its sides.
COMPARING_LEMMAS = word_set("liken compare equate")
# "linked cybersecurity to her email server", "chalks up the contradictions to politics": a claim that one
# thing causes or belongs with another, the object with its "to" phrase.
LINKING_LEMMAS = word_set("link tie connect attribute chalk ascribe")
# "as one adviser put it, ...": a verb of saying only in this idiom.
PUTTING_LEMMAS = word_set("put")
CAUSING_LEMMAS = word_set("ensure insure mean require guarantee")
# Verbs of wanting, knowing and feeling: their object is what the view is of ("want policies that ...",
# "despise the elites"); a pronoun object is left alone ("knew it": the content is elsewhere).
OBJECT_VIEW_LEMMAS = word_set(
    """want know understand believe doubt fear prefer admire despise resent love hate dislike enjoy dread
    appreciate trust distrust detest loathe respect"""
)
# Verbs of saying whose passive without an agent still reports its subject ("a curfew was announced").
UNSOURCED_PASSIVE_LEMMAS = word_set(
    """announce report propose reject deny confirm reveal disclose declare promise pledge predict recommend
    demand dispute endorse"""
)
# "responded to the charge", "pointed to the report", "referred to him as ...": after these verbs "to"
# governs what they are about; after any other verb of saying, thinking or attitude it names the addressee
# or a goal ("spoke to reporters", "sang to the crowd", "sold himself to voters", "fell to 40
# percent"), never the content. PolNeAR dev, contents taken from a "to" phrase: 9 of 22 right; after
# these verbs 8 of 14, after others 1 of 8 (a clause the parser hung on the addressee).
TO_CONTENT_LEMMAS = word_set(
    "respond reply react answer point refer allude object agree attest testify admit confess"
)
SPEAKING_TO_LEMMAS = (REPORTING_LEMMAS | PREPOSITIONAL_LEMMAS | COGNITIVE_LEMMAS) - TO_CONTENT_LEMMAS
# "would see their taxes go up": a bare infinitive clause after a verb of perception is what happens
# to the subject, not a view it holds ("sees that the plan fails" stays a view).
PERCEPTION_LEMMAS = word_set("see hear watch")
# "responded by using ...", "answered with attacks on ...": the means of the answer is its content.
ANSWER_LEMMAS = word_set("respond reply answer retort counter")
ANSWER_PREPOSITIONS = frozenset({"by", "with"})
# Verbs of naming: the quoted words in their content are the namer's term ("what she called a “reckless”
# plan", "groups calling themselves “defenders”"), kept as an attribution of their own inside
# another's report (reported.drop_nested); a past participle of one set off after a noun names the noun
# ("His group, called the Legacy Fund,": repairs._naming_participle).
NAMING_LEMMAS = word_set("call dub label term brand name nickname title")
# Verbs of agreeing: the one agreed with, and what about, is the view held ("agreed with the council about
# the fees", "disagrees with his old partner").
AGREEING_LEMMAS = word_set("agree disagree concur side")
AGREEMENT_PREPOSITIONS = frozenset({"about", "on", "over"})
# Judgement verbs (Levin 33) that cue attributions: their grounds are part of the judgement said
# ("criticized the mayor for the delay", "accused him of lying", "praised them for their work").
GROUNDS_LEMMAS = word_set(
    """criticize criticise blame accuse charge attack praise condemn denounce fault credit mock ridicule
    slam blast chastise laud commend applaud scold rebuke castigate lambaste berate excoriate chide assail
    deride hail"""
)
# Nouns of time: a "for" phrase headed by one is how long, not a judgement's grounds ("praised her for
# years", "mocked him for a week") even where the entity recognizer tags no DATE.
TIME_NOUNS = word_set(
    """moment second minute hour day night week weekend fortnight month year decade century morning afternoon
    evening while time period era spell stretch season term tenure"""
)
# "for the whole match", "for the entire flight": a phrase over all of something is its duration.
WHOLE_WORDS = word_set("whole entire")
# Verbs whose object does what their complement says: "forced Lee to admit", "left voters feeling".
CONTROL_LEMMAS = word_set(
    """force compel lead leave prompt push drive cause get persuade convince urge encourage ask tell invite
    pressure press allow let help inspire spur provoke dare challenge order instruct remind advise"""
)
