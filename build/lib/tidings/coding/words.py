"""The closed-class words the coder reads a clause by: light verbs, modals, intent and
reporting verbs, and the event families rules treat alike (what shifts in the future, what
is aimed at authority, what is domestic).
"""

from __future__ import annotations

LIGHT_VERBS = {
    "hold",
    "have",
    "conduct",
    "pay",
    "make",
    "express",
    "give",
    "extend",
    "reaffirm",
    "reach",
    "convey",
    "send",
    "offer",
    "begin",
    "start",
    "open",
    "attend",
    "stage",
    "launch",
    "mount",
    "carry",
    "impose",
    "declare",
    "issue",
    "lodge",
    "file",
    "announce",
    "order",
    "organize",
    "organise",
    "resume",
    "renew",
    "continue",
    "undertake",
    "reimpose",
    "speed",
    "accelerate",
    "step",
    "intensify",
    "escalate",
    "expand",
    "complete",
    "use",
    "reiterate",
    "repeat",
    "place",
    "slap",
}


HYPOTHETICAL = {"could", "would", "might", "may", "should", "must", "can"}


FUTURE_AUX = {"will", "shall", "'ll"}


INTENT_VERBS = {
    "plan",
    "intend",
    "expect",
    "agree",
    "pledge",
    "promise",
    "vow",
    "swear",
    "offer",
    "decide",
    "prepare",
    "schedule",
    "set",
    "want",
    "hope",
    "seek",
    "commit",
    "invite",
    "hesitate",  # "will not hesitate to impose costs": a pledge by litotes
}
# verbs whose negation asserts the act they govern ("will not hesitate to", "did not fail to")
LITOTES = {"hesitate", "fail"}


# "X wants / analysts expect Y to attack Z": a wish or a forecast about another's act (rule 5)
WISH_VERBS = {
    "want",
    "wish",
    "hope",
    "like",
    "prefer",
    "expect",
    "predict",
    "anticipate",
    "believe",
    "think",
    "fear",
    "forecast",
}


ATTEMPT_VERBS = {"attempt", "try"}  # "tried to hack", "attempted to assassinate": the attempt is the act


ATTEMPT_NOUNS = {"attempt", "bid"}  # "an attempt to assassinate X was thwarted"


STEP_NOUNS = {"step", "measure", "action"}  # "took steps to enhance freedoms": the steps are the act


TAKING_PART = {"engage", "participate", "involve", "take"}  # "were engaged in ethnic cleansing"


# passive forms that state the subject's own stance: "X is committed to", "X is opposed to"
STANCE_PASSIVES = {"commit", "oppose", "determine", "dedicate", "devote", "resolve"}


# "negotiators return to Geneva for talks": going somewhere for an event is taking part in it
MOTION_VERBS = {
    "return",
    "travel",
    "go",
    "come",
    "fly",
    "head",
    "arrive",
    "leave",
    "gather",
    "meet",
    "convene",
}


HABITUAL = {"always", "long", "traditionally", "usually", "often", "continuously", "consistently"}


BACKGROUND_MARKS = {"after", "before", "since", "because", "once", "until"}


BACKGROUND_PREPS = {"following", "after", "before", "since", "during", "ahead", "prior"}


# "issued a statement demanding that ...", "sent a letter urging ...": the participle is the act
STATEMENT_NOUNS = {
    "statement",
    "declaration",
    "letter",
    "communique",
    "resolution",
    "message",
    "note",
    "appeal",
    "petition",
    "report",
    "editorial",
    "speech",
    "video",
    "decree",
    "memorandum",
    "reminder",
    "warning",
}


# verbs that assert a that-clause as reporting verbs do: "X reiterated that Y must ..."
ASSERTING = {
    "demand",
    "insist",
    "urge",
    "reiterate",
    "conclude",
    "stress",
    "emphasize",
    "emphasise",
    "repeat",
    "argue",
    "maintain",
    "underline",
    "underscore",
}


MEASURE_NOUNS = {"day", "week", "month", "hour", "round", "series", "wave", "spate", "string", "night"}


STATE_NOUNS = {"alert", "strike", "standby"}  # "remained on alert", "went on strike"


TOPIC_PREPS = {"on", "over", "about", "regarding", "concerning"}  # "talks on a ceasefire": the topic


FUTURE_SHIFT = {
    "CONSULT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "SUPPORT": "AGREE",
    "RETREAT": "CONCEDE",
    "SANCTION": "THREATEN",
    "COERCE": "THREATEN",
    "ASSAULT": "THREATEN",
    "MOBILIZE": "THREATEN",
    "PROTEST": "THREATEN",
}


ENACTED_BY_DECISION = {"SANCTION", "COERCE"}


# what a camera or a viewer records: "was seen on television praising X", "a video shows X
# saying": a description of pictures, not a report of an act (GUIDELINES 1)
DEPICTING = {"see", "show", "film", "picture", "photograph", "depict", "appear"}
BLAMING = {"ACCUSE", "REJECT"}  # aimed at who did what they condemn or reject
# what a state does to people in its reach: "X's arrest" is done to X, never by X; condemned,
# it accuses the state's police or authorities, not the one it was done to
STATE_ACTS = {
    "arrest",
    "detention",
    "jailing",
    "imprisonment",
    "incarceration",
    "conviction",
    "sentencing",
    "sentence",
    "trial",
    "prosecution",
    "deportation",
    "persecution",
}


JOINT_ACTS = {"AGREE", "SUPPORT"}  # done together: the first named acts towards the others


DECISION_VERBS = {"decide", "vote", "rule"}  # not "announce": an announced negative act is a threat (rule 3)


VISIT_HOSTS = {"receive", "host", "welcome"}


# "all of you", "both of them", "each of the ministers": the quantifier picks out people
QUANTIFIERS = {"all", "both", "each", "many", "some", "most", "several"}


# verbs that deny what their clause says: "Moscow denies [its troops are involved in the fighting]"
DENIALS = {"deny", "refute", "dispute", "dismiss"}


# where a weapon fired at no one falls: "fired projectiles into the sea" is a test
SEA_WORDS = {"sea", "ocean", "water", "waters"}


# protest verbs that take no object: with one ("demonstrate flexibility") they show something
INTRANSITIVE_PROTESTS = {"demonstrate", "rally", "march"}


# "It is our pleasure to welcome you": the speaker does what the infinitive says
PERFORMATIVE_NOUNS = {"pleasure", "honour", "honor", "privilege"}


# "Allow me to welcome you", "let us begin": the speaker's leave to do the next verb, not a concession
LEAVE_VERBS = {"allow", "let", "permit"}


SEPARATE_MEETINGS = {"meet", "receive", "visit", "call"}  # listed counterparts: one meeting each


MEETING_PLURALS = {
    "meeting",
    "discussion",
    "conversation",
    "session",
    "consultation",
}  # "held meetings with A and B"


OBLIGATION = {"must", "should"}


# acts answering an earlier occasion named after "on", "for" or "of" ("thanked X for ...")
REASON_VERBS = {
    "congratulate",
    "thank",
    "praise",
    "commend",
    "hail",
    "condemn",
    "criticize",
    "criticise",
    "blame",
    "accuse",
    "apologize",
    "apologise",
    "denounce",
}


SPAN_MARKS = {"since", "until", "till"}  # "since the truce took effect May 5": a span's edge


COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}


PRONOUN_SUBJECTS = {"it", "they", "he", "she", "we", "i"}


PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "off"}


PLACE_TIME_PREPS = {"in", "at", "on", "during", "after", "before", "since", "until", "near", "within", "for"}


REQUIRES_RECIPIENT = {"COOPERATE", "AID", "SANCTION", "AGREE", "SUPPORT"}
# verbs of holding captives: who holds them is who is asked to release them
HOLDING = {"hold", "detain", "jail", "imprison", "keep", "capture", "seize", "abduct", "kidnap"}
# messages that are events though they name no one ("expressed deep condolences to those who lost loved ones")
MESSAGES = {"condolence", "condolences", "sympathy", "congratulations", "congratulate", "solidarity"}
# prepositions that name whom an act is for: "send aid to X", "negotiate with X", "help for X"
RECIPIENT_PREPS = {"to", "with", "for", "into"}


# Acts aimed at authority: with no recipient in their own clause, the one their purpose names
# ("went on strike to demand the resignation of President X") is it.
AIMED_AT_AUTHORITY = {"PROTEST", "REQUEST", "REJECT", "THREATEN", "COERCE", "CONCEDE", "ACCUSE"}


# Domestic acts: with no recipient named at all, the country where they happen (or, failing
# that, the actors' own) is it, as event-data conventions code a protest in Algeria -> DZA.
DOMESTIC = {"PROTEST", "COERCE", "CONCEDE"}


# The classifier codes a sentence no trigger matched only when its best type is this likely.
FALLBACK_MIN = 0.5


FOLLOW = {"conj", "compound", "amod", "poss", "pobj", "nmod", "appos"}


PAIR_DEPS = {"nummod", "det", "predet", "preconj"}


# verbs that report their subject took place: "the meeting with X has ended", "talks concluded"
ENDING_VERBS = {"end", "conclude", "finish", "close", "wrap"}

# gatherings an organisation's name can label: "the G8 summit", "the ASEAN ministerial"
GATHERINGS = {"summit", "conference", "forum", "ministerial", "session", "meeting"}
