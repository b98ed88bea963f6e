//! Word lists: the one place each list of words lives, named for what it is and shared by the
//! readers, the aligner and the quotation finder. English; written by us for news wording.
//! A list is only as long as the words it was checked on: add a word with the case it fixes.

mod frames;
mod places;

pub(crate) use frames::FRAME_WORDS;
pub(crate) use places::is_country;

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

// ---------------------------------------------------------------------------------------------
// Calendar

/// Month names, in order.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its abbreviation in a regular expression (case left to the caller):
/// "January", "Jan", "Sept" (checked against [`MONTHS`] by a test).
pub(crate) const MONTH_PATTERN: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// The month (1–12) a name or abbreviation stands for: "January", "jan", "Sept"; "Mayday" is
/// none.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    if lower.len() < 3 || !lower.is_ascii() {
        return None;
    }
    let index = MONTHS.iter().position(|m| lower.starts_with(&m[..3]))?;
    (MONTHS[index].starts_with(&lower) || lower == "sept").then_some(index as u32 + 1)
}

/// Whether a lower-case word is a month's full name.
pub(crate) fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

/// Day names, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Short forms of day names as datelines write them ("Fri", "Thurs").
pub(crate) const WEEKDAY_ABBREVIATIONS: [&str; 10] = [
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Whether a lower-case word is a day's full name.
pub(crate) fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
}

// ---------------------------------------------------------------------------------------------
// Names

/// Lower-case words inside names: "Ana de la Vega".
#[rustfmt::skip]
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del",
    "della", "den", "der", "di", "do", "dos", "du", "e", "el", "ibn", "la", "le", "ter", "van",
    "von", "y",
];

// ---------------------------------------------------------------------------------------------
// Sentence similarity (the aligner)

/// English function words and reporting verbs: they say nothing about which claim a sentence
/// makes.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "added",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// The stop words of a language other than English, from the Stopwords ISO lists (the
/// `stop-words` crate); empty for a language it does not know. English keeps our own list,
/// tuned for news.
pub(crate) fn stop_words_of(language: &str) -> &'static HashSet<&'static str> {
    static SETS: OnceLock<Mutex<HashMap<String, &'static HashSet<&'static str>>>> = OnceLock::new();
    let mut sets = SETS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    sets.entry(language.to_string()).or_insert_with(|| {
        let words = stop_words::lookup(language).unwrap_or(&[]);
        // One set per language for the life of the process: a few dozen at most.
        Box::leak(Box::new(words.iter().copied().collect()))
    })
}

/// Whether a lower-case word is a function word of `language` (a primary subtag): our news list
/// for English, the Stopwords ISO list for the others.
pub(crate) fn is_function_word_of(language: &str, lower: &str) -> bool {
    if language == "en" {
        FUNCTION_WORDS.binary_search(&lower).is_ok()
    } else {
        stop_words_of(language).contains(lower)
    }
}

/// Abbreviations that stand for a multi-word name, expanded so both spellings meet.
pub(crate) const EXPANSIONS: &[(&str, &[&str])] = &[
    ("u.s", &["united", "states"]),
    ("us", &["united", "states"]),
    ("usa", &["united", "states"]),
    ("u.s.a", &["united", "states"]),
    ("u.k", &["united", "kingdom"]),
    ("uk", &["united", "kingdom"]),
    ("u.n", &["united", "nations"]),
    ("un", &["united", "nations"]),
    ("eu", &["european", "union"]),
];

/// Each group's words are one term; the first word names it. Words whose stems collide with
/// another sense are left out ("authorities" and "author" share a stem; "renewed" and "revived"
/// say more than "restored"; "initiate" and "initial" share one).
pub(crate) const SYNONYM_GROUPS: &[&[&str]] = &[
    &[
        "talk",
        "discussion",
        "dialogue",
        "dialog",
        "negotiation",
        "conversation",
    ],
    &["restore", "reestablish", "re-establish", "resume"],
    &["begin", "start", "launch", "commence"],
    &["end", "finish", "conclude", "halt", "cease"],
    &["rise", "increase", "climb", "soar"],
    &["fall", "decrease", "drop", "decline", "plunge", "slump"],
    &["evacuate", "relocate"],
    &["kill", "die", "dead", "death"],
    &["injure", "injury", "wound", "hurt"],
    &["agreement", "deal", "accord", "pact"],
    &["meeting", "summit"],
    &["company", "firm", "corporation"],
    &["warn", "warning", "caution"],
    &[
        "criticize",
        "criticise",
        "criticism",
        "condemn",
        "condemnation",
        "denounce",
    ],
    &["announce", "announcement", "declare", "unveil"],
    &["plan", "proposal"],
    &["aim", "seek", "intend", "goal", "objective"],
    &["expand", "widen", "broaden"],
    &["cut", "reduce", "reduction", "slash"],
    &["buy", "purchase", "acquire", "acquisition"],
    &["help", "aid", "assist", "assistance"],
    &["law", "legislation"],
    &["arrest", "detain", "detention"],
    &["prison", "jail"],
    &[
        "migrant",
        "migration",
        "immigrant",
        "immigration",
        "migrate",
    ],
    &["preliminary", "exploratory", "initial", "tentative"],
    &["relation", "relationship", "tie"],
    &["country", "nation"],
    &["government", "administration"],
    &["oil", "crude", "petroleum"],
    &["economy", "economic"],
    &["military", "army", "troop"],
    &["attack", "assault"],
    &["bomb", "blast", "explosion", "explosive"],
    &["fire", "blaze"],
    &["flood", "flooding", "inundate"],
    &["ship", "vessel", "boat"],
    &["car", "vehicle"],
    &["money", "fund", "funding"],
    &["reveal", "disclose"],
    &["investigate", "investigation", "probe", "inquiry"],
    &["protest", "demonstration", "rally"],
    &["resident", "inhabitant"],
    &["approve", "approval", "endorse"],
    &["reject", "rejection", "refuse", "refusal"],
    &["ease", "relax", "loosen", "lift"],
    &[
        "tension",
        "friction",
        "hostility",
        "antagonism",
        "estrangement",
        "animosity",
        "acrimony",
    ],
    &["cooperation", "collaboration", "cooperate", "collaborate"],
    &[
        "reassessment",
        "reassess",
        "recalibration",
        "recalibrate",
        "readjustment",
        "realignment",
        "reorientation",
        "rethink",
        "overhaul",
    ],
    &["gradual", "incremental", "phased", "sequenced", "piecemeal"],
    &[
        "secret",
        "covert",
        "discreet",
        "confidential",
        "backchannel",
        "back-channel",
    ],
    &["isolation", "ostracism"],
    &["pressure", "coercion", "leverage"],
    &[
        "skepticism",
        "scepticism",
        "skeptical",
        "sceptical",
        "distrust",
        "mistrust",
        "suspicion",
        "wariness",
        "wary",
    ],
    &[
        "normalization",
        "normalisation",
        "normalize",
        "normalise",
        "thaw",
        "rapprochement",
    ],
];

// ---------------------------------------------------------------------------------------------
// Quotations and their speakers

/// Capitalised words that are not names: sentence openers, determiners, pronouns, discourse
/// words. Days and months (but "May", also a name) count too (see [`is_not_name`]).
#[rustfmt::skip]
pub(crate) const NOT_NAME_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "one", "two", "three", "four", "five",
    "some", "many", "several", "most", "all", "both", "each", "every", "other", "another", "any",
    "no", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "our", "my",
    "your", "in", "on", "at", "for", "from", "with", "by", "of", "to", "after", "before", "during",
    "as", "and", "but", "or", "yet", "so", "if", "when", "while", "according", "however",
    "meanwhile", "later", "earlier", "still", "then", "now", "today", "yesterday", "also",
    "separately", "instead", "indeed", "finally", "speaking", "asked", "there", "here", "what",
    "who", "why", "how", "where", "which", "not", "even", "only", "just", "more", "less", "such",
    "last", "next",
];

/// Whether a lower-case, capitalised-in-the-text word cannot be (part of) a speaker's name.
pub(crate) fn is_not_name(lower: &str) -> bool {
    NOT_NAME_WORDS.contains(&lower) || is_weekday(lower) || (is_month(lower) && lower != "may")
}

/// Verbs of saying: they attribute a quotation to its speaker.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "explains",
    "noted",
    "notes",
    "argued",
    "argues",
    "stated",
    "states",
    "warned",
    "warns",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "asked",
    "asks",
    "wrote",
    "writes",
    "commented",
    "comments",
    "replied",
    "replies",
    "recalled",
    "recalls",
    "acknowledged",
    "acknowledges",
    "stressed",
    "stresses",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "continued",
    "continues",
    "observed",
    "observes",
    "concluded",
    "concludes",
    "admitted",
    "admits",
    "announced",
    "announces",
    "declared",
    "declares",
    "remarked",
    "remarks",
    "responded",
    "responds",
    "cautioned",
    "cautions",
    "countered",
    "counters",
    "conceded",
    "concedes",
    "predicted",
    "predicts",
    "maintained",
    "maintains",
    "agreed",
    "agrees",
    "confirmed",
    "confirms",
    "testified",
    "tweeted",
    "posted",
    "quipped",
    "joked",
    "recounted",
    "recounts",
    "shouted",
    "shouts",
    "whispered",
    "whispers",
    "yelled",
    "yells",
    // Spanish: "dijo", "afirmó", "señaló"…, as wire copy in Spanish attributes.
    "dijo",
    "dice",
    "afirmó",
    "afirma",
    "señaló",
    "señala",
    "aseguró",
    "asegura",
    "explicó",
    "explica",
    "declaró",
    "indicó",
    "añadió",
    "agregó",
    "advirtió",
    "sostuvo",
    "manifestó",
    "destacó",
    "subrayó",
    "comentó",
    "respondió",
    "expresó",
    "apuntó",
    "precisó",
    "insistió",
];

/// Verbs in "-ing" that attribute after a comma: "…, saying", "…, accusing him of": the
/// sentence's subject speaks.
pub(crate) const PARTICIPLE_VERBS: &[&str] = &[
    "saying",
    "adding",
    "accusing",
    "calling",
    "describing",
    "warning",
    "insisting",
    "claiming",
    "arguing",
    "urging",
    "vowing",
    "denouncing",
    "branding",
    "noting",
    "declaring",
    "telling",
];

/// Adverbs that may sit between a source and its verb ("he also said", "she later told").
pub(crate) const ATTRIBUTION_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "earlier",
    "repeatedly",
    "once",
    "recently",
    "separately",
    "further",
    "finally",
    "today",
    "yesterday",
    "tonight",
    "también",
    "luego",
];

/// Verbs of naming ("called", "described"): they introduce partial quotations.
pub(crate) const NAMING_VERBS: &[&str] = &[
    "called",
    "calls",
    "described",
    "describes",
    "termed",
    "terms",
    "dubbed",
    "dubs",
    "labelled",
    "labeled",
    "labels",
    "branded",
    "brands",
    "accused",
    "accuses",
    "urged",
    "urges",
    "vowed",
    "pledged",
    "promised",
    "demanded",
    "complained",
    "condemned",
    "denounced",
    "praised",
    "criticised",
    "criticized",
    "expressed",
    "voiced",
    "characterised",
    "characterized",
    "hailed",
    "hails",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "urged",
    "urges",
    "suggested",
    "suggests",
    "suggesting",
    "signaled",
    "signalled",
    "signals",
    "referred",
    "refers",
];

/// Titles and offices that stand before or for a name ("President", "Foreign Minister"): a
/// role, not a name.
pub(crate) const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "general",
    "gen",
    "admiral",
    "adm",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "major",
    "ambassador",
    "chancellor",
    "chief",
    "deputy",
    "assistant",
    "director",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "judge",
    "justice",
    "attorney",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "interior",
    "defense",
    "defence",
    "finance",
    "economy",
    "energy",
    "trade",
    "health",
    "opposition",
    "leader",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "professor",
    "executive",
    "officer",
    "mp",
    "mps",
    "administrator",
    "firefighter",
    "detective",
    "constable",
    "inspector",
    "superintendent",
    "treasurer",
    "coach",
    "councillor",
    "councilor",
    "premier",
    "emir",
    "sultan",
    "crown",
    "special",
    "envoy",
    "acting",
    "former",
    "senior",
    "supreme",
    "commander",
    "marshal",
    "speaker",
    "state",
];

/// Last words of the names of institutions that speak: "Foreign Ministry", "White House".
pub(crate) const INSTITUTIONS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "agency",
    "council",
    "commission",
    "committee",
    "court",
    "bank",
    "government",
    "embassy",
    "party",
    "army",
    "navy",
    "command",
    "house",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "university",
    "institute",
    "company",
    "corporation",
    "group",
    "association",
    "union",
    "organization",
    "organisation",
    "administration",
    "service",
    "police",
    "authority",
    "board",
    "bureau",
    "foundation",
    "fund",
    "federation",
    "coalition",
    "alliance",
    "forces",
    "corps",
    "cabinet",
    "palace",
    "secretariat",
    "mission",
];

/// Forms of address before a name ("Mr", "Dr"): left out of the name.
pub(crate) const HONORIFICS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame", "rev", "hon", "lord", "lady",
];

/// Nouns for people by what they do or are ("official", "diplomat", "resident"): a source
/// described by one and not named is anonymous.
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "official",
    "diplomat",
    "source",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "analyst",
    "expert",
    "observer",
    "adviser",
    "advisor",
    "aide",
    "minister",
    "negotiator",
    "lawmaker",
    "legislator",
    "senator",
    "envoy",
    "ambassador",
    "officer",
    "commander",
    "resident",
    "witness",
    "activist",
    "leader",
    "member",
    "person",
    "insider",
    "economist",
    "professor",
    "researcher",
    "historian",
    "scholar",
    "worker",
    "employee",
    "executive",
    "director",
    "manager",
    "critic",
    "supporter",
    "voter",
    "citizen",
    "banker",
    "trader",
    "investor",
    "lawyer",
    "attorney",
    "judge",
    "doctor",
    "engineer",
    "politician",
    "man",
    "woman",
    "someone",
    "colleague",
    "friend",
    "relative",
    "neighbor",
    "neighbour",
    "student",
    "teacher",
    "farmer",
    "fellow",
    "strategist",
    "consultant",
    "specialist",
    "commentator",
    "journalist",
    "reporter",
    "editor",
    "author",
    "writer",
    "candidate",
    "ally",
    "opponent",
    "prosecutor",
    "investigator",
    "administrator",
    "staffer",
    "head",
    "soldier",
    "protester",
    "protestor",
    "organizer",
    "organiser",
    "participant",
    "delegate",
    "mediator",
    "nurse",
    "survivor",
    "victim",
    "owner",
    "founder",
    "chief",
    "deputy",
    "general",
    "figure",
    "technician",
    "firefighter",
    "medic",
    "guard",
    "driver",
    "pilot",
    "scientist",
    "physician",
    "surgeon",
    "veteran",
    "holder",
    "user",
    "customer",
    "tenant",
    "fisherman",
    "villager",
    "militant",
    "gunman",
    "dispatcher",
    "detainee",
    "eyewitness",
];

/// Last words of the names of places ("Gulf Coast", "Orinoco River", "Zulia State").
#[rustfmt::skip]
pub(crate) const PLACE_WORDS: &[&str] = &[
    "airport", "bay", "beach", "bridge", "canal", "center", "centre", "city", "coast", "county",
    "desert", "district", "gulf", "harbour", "harbor", "heights", "hill", "hills", "island",
    "islands", "lake", "mountains", "ocean", "oval", "park", "peninsula", "province", "region",
    "river", "road", "sea", "square", "stadium", "station", "strait", "street", "territory",
    "valley",
];

/// First words of place names ("New South Wales", "Northern Territory", "South Australia"):
/// a name starting with one and naming no institution is a place.
pub(crate) const PLACE_NAME_STARTS: &[&str] = &[
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper",
    "lower", "central", "greater", "san", "santa", "port", "fort", "mount", "lake",
];

/// Adjectives of places that no rule of suffixes reaches ("British" is of Britain).
pub(crate) const IRREGULAR_DEMONYMS: &[&str] = &[
    "afghan",
    "afghans",
    "british",
    "dutch",
    "english",
    "filipino",
    "filipinos",
    "french",
    "greek",
    "greeks",
    "irish",
    "scottish",
    "spanish",
    "swiss",
    "thai",
    "thais",
    "turkish",
    "welsh",
    "arab",
    "arabs",
    "basque",
    "kurdish",
    "kurds",
];

/// Nouns after a person's name that make the person the head of a government: "the Biden
/// administration", "Maduro's government".
pub(crate) const ROLE_HEADS: &[&str] = &[
    "administration",
    "government",
    "regime",
    "gobierno",
    "régimen",
];

/// Words of a role that speaks for a state or a public body ("minister", "spokesperson",
/// "official"): a source described by one is an official.
#[rustfmt::skip]
pub(crate) const OFFICIAL_ROLE_WORDS: &[&str] = &[
    "administration", "ambassador", "cabinet", "chancellor", "commissioner", "congressman",
    "congresswoman", "department", "diplomat", "embassy", "envoy", "foreign", "general",
    "government", "governor", "lawmaker", "legislator", "mayor", "military", "minister",
    "ministry", "negotiator", "official", "officials", "president", "prime", "representative",
    "secretary", "senator", "spokesman", "spokesperson", "spokeswoman", "state", "vice",
    "canciller", "embajador", "gobierno", "ministro", "ministra", "portavoz", "presidente",
    "presidenta", "vocero", "vocera",
];

/// Words of a role that studies or judges from outside ("analyst", "professor", "think
/// tank"): a source described by one is an expert.
#[rustfmt::skip]
pub(crate) const EXPERT_ROLE_WORDS: &[&str] = &[
    "academic", "analyst", "center", "centre", "consultant", "economist", "expert", "fellow",
    "historian", "institute", "lecturer", "professor", "researcher", "scholar", "scientist",
    "specialist", "strategist", "tank", "university", "analista", "experto", "experta",
    "investigador", "investigadora", "profesor", "profesora", "universidad", "economista",
];

/// Prepositions: a name after one is its object ("the ambassador to Mexico"), not a speaker.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "at",
    "in",
    "on",
    "from",
    "with",
    "by",
    "to",
    "into",
    "over",
    "under",
    "about",
    "against",
    "between",
    "among",
    "during",
    "after",
    "before",
    "without",
    "within",
    "across",
    "around",
    "near",
    "toward",
    "towards",
    "via",
    "per",
    "like",
    "than",
    "as",
    "behind",
    "inside",
    "outside",
    "through",
    "throughout",
    "since",
    "until",
];

/// Auxiliary and linking verbs and adverbs that may stand between a name and its verb
/// ("Lopez also said", "Lopez has said").
pub(crate) const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "again",
    "once",
    "further",
    "previously",
    "recently",
    "earlier",
    "is",
    "was",
    "were",
    "are",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "shall",
    "may",
    "might",
    "should",
    "must",
    "can",
    "not",
    "never",
    "always",
    "often",
    "first",
    "now",
    "today",
    "yesterday",
    "just",
    "simply",
    "reportedly",
    "publicly",
    "privately",
    "separately",
    "repeatedly",
    "once",
];

/// Conjunctions that start a clause before an attribution ("and", "but", "while").
pub(crate) const CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "as", "while", "so", "yet", "when", "because", "although", "though",
    "whereas", "where", "if",
];

/// Relative pronouns that start a clause after a name ("Lopez, who …").
pub(crate) const RELATIVES: &[&str] = &["who", "whom", "whose", "which", "that"];

// ---------------------------------------------------------------------------------------------
// Article heads: bylines, date lines, section labels

/// The word that opens a byline, in the languages we meet most ("By", "Por", "Von", "Par",
/// "Door", "Av").
pub(crate) const BYLINE_PREFIXES: &[&str] = &["by", "por", "von", "par", "door", "av"];

/// Section labels that start an article body on some sites ("Key Facts", "Quick Summary"): they
/// head a section of the article, they are not its headline.
#[rustfmt::skip]
pub(crate) const SECTION_LABELS: &[&str] = &[
    "key facts", "key points", "key takeaways", "takeaways", "quick summary", "summary",
    "highlights", "at a glance", "in brief", "in short", "overview", "background", "context",
    "tl;dr", "tldr", "table of contents", "contents", "introduction", "faq", "faqs",
    "frequently asked questions", "editor's note", "analysis", "opinion", "breaking news",
    "live updates", "latest", "top stories", "what we know", "what to know", "why it matters",
    "the big picture", "main points", "bottom line", "conclusion", "to conclude", "news",
];

/// Words of publication names ("Daily News", "Morning Herald"): a byline part with one is an outlet.
#[rustfmt::skip]
pub(crate) const NEWSROOM_WORDS: &[&str] = &[
    "news", "newspaper", "times", "post", "press", "journal", "herald", "tribune", "gazette",
    "daily", "media", "agency", "wire", "network", "radio", "tv", "television", "magazine",
    "chronicle", "observer", "telegraph", "standard", "weekly", "broadcasting", "morning",
];

/// Words that credit a newsroom as a whole after its name ("Coastline News Desk", "AP Staff").
pub(crate) const NEWSROOM_CREDIT_WORDS: &[&str] =
    &["desk", "staff", "newsroom", "team", "reporters", "editors"];

/// Words of newsroom jobs ("Senior Correspondent", "Staff Writer"): a job, not a name.
#[rustfmt::skip]
pub(crate) const ROLE_WORDS: &[&str] = &[
    "correspondent", "reporter", "writer", "editor", "contributor", "columnist", "staff",
    "bureau", "chief", "desk", "analyst", "producer", "journalist", "freelance", "special",
    "contributing", "associate", "managing", "senior", "team", "photographer",
];

/// Words of headings and labels that are not person names ("Key Facts", "Latest News"); days
/// and months count too.
#[rustfmt::skip]
pub(crate) const BYLINE_NOT_NAMES: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "from", "by", "amid", "over",
    "after", "as", "is", "are", "was", "key", "facts", "summary", "quick", "news", "update",
    "updates", "live", "latest", "breaking", "analysis", "opinion", "editorial", "overview",
    "background", "highlights", "related", "share", "subscribe", "follow", "home", "world",
    "politics", "business", "contents", "takeaways", "points", "exclusive", "report", "video",
    "photos", "watch", "listen", "read", "more", "top", "stories", "about", "us", "comment",
    "comments", "advertisement", "sponsored", "source", "published", "updated", "posted", "today",
    "yesterday", "new", "why", "how", "what", "who", "when",
];

/// Words a date line may hold besides the date ("Published on", "Updated 10:32 am"); day names
/// and their short forms count too.
#[rustfmt::skip]
pub(crate) const DATE_LINE_WORDS: &[&str] = &[
    "published", "updated", "posted", "last", "first", "modified", "edited", "date", "on", "at",
    "originally", "publication", "am", "pm", "a.m", "p.m", "a.m.", "p.m.",
];

/// Wire services as datelines and bylines name them (lower case, without a leading "the"), with
/// the name to store.
#[rustfmt::skip]
pub(crate) const WIRE_SERVICES: &[(&str, &[&str])] = &[
    ("Associated Press", &["ap", "associated press"]),
    ("Agence France-Presse", &["afp", "agence france-presse", "agence france presse"]),
    ("Reuters", &["reuters", "reuter", "thomson reuters"]),
    ("United Press International", &["upi", "united press international"]),
    ("Deutsche Presse-Agentur", &["dpa", "deutsche presse-agentur"]),
    ("EFE", &["efe"]),
    ("ANSA", &["ansa"]),
    ("Xinhua", &["xinhua"]),
    ("Bloomberg", &["bloomberg"]),
    ("TASS", &["tass", "itar-tass"]),
    ("Kyodo News", &["kyodo", "kyodo news"]),
    ("Yonhap", &["yonhap"]),
    ("Press Trust of India", &["pti", "press trust of india"]),
    ("Indo-Asian News Service", &["ians"]),
    ("Anadolu Agency", &["anadolu", "anadolu agency", "aa"]),
    ("Europa Press", &["europa press"]),
    ("Agencia Brasil", &["agência brasil", "agencia brasil"]),
    ("Canadian Press", &["cp", "the canadian press", "canadian press"]),
    ("Australian Associated Press", &["aap", "australian associated press"]),
    ("Press Association", &["pa", "pa media", "press association"]),
];

/// Abbreviations that end in a full stop without ending a sentence (as the last word of a
/// line: "… Jr.", "… Co."), as written.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Jr", "Sr", "St", "Inc", "Ltd", "Co", "Corp", "Dr", "Mr", "Mrs", "Ms",
];

/// Words that open a date line on a web page, in the languages pages are commonly in
/// ("Published 9 January", "Actualizado el …", "Mis à jour le …"); a regex alternation.
pub(crate) const DATE_LINE_LEADS: &str = r"published|updated|posted|last\s+updated|first\s+published|publicado|actualizado|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|公開|更新|نشر|تحديث";

/// Lower-case words inside an outlet's name in a dateline ("Bank of England", "El País y Más").
pub(crate) const OUTLET_CONNECTORS: &[&str] = &["of", "the", "and", "de", "del", "y", "&", "for"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_month_pattern_reads_every_month_and_its_abbreviation() {
        let whole = regex::Regex::new(&format!("(?i)^{MONTH_PATTERN}$")).unwrap();
        for (i, month) in MONTHS.iter().enumerate() {
            assert!(
                whole.is_match(month) && whole.is_match(&month[..3]),
                "{month}"
            );
            assert_eq!(month_number(month), Some(i as u32 + 1));
            assert_eq!(month_number(&month[..3].to_uppercase()), Some(i as u32 + 1));
        }
        assert!(whole.is_match("Sept") && month_number("Sept") == Some(9));
        assert!(!whole.is_match("Mayday") && month_number("Mayday").is_none());
    }

    #[test]
    fn sorted_lists_stay_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
