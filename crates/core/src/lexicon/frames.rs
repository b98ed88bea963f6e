//! The words that signal each frame dimension of the Policy Frames Codebook (Boydstun, Card,
//! Gross, Resnik & Smith 2014), in English and Spanish, written by us for news on politics and
//! foreign affairs. Each entry is a lower-case word beginning ("sanction" reads "sanctions",
//! "sanctioned") or, ending in `$`, a whole word ("oil$" is not "oily"). A word counts for the
//! first frame whose entry it matches, in the order below, so each word is explained once.
//!
//! The dimensions are the codebook's; "other" is left out. The lists favour words that mean the
//! dimension in most contexts over words that only sometimes do ("power" is left out: energy or
//! politics; "security" is defence, not "social security", which news rarely meets here).

/// Per dimension (its key as exported, e.g. "economic"): its word beginnings.
#[rustfmt::skip]
pub(crate) const FRAME_WORDS: &[(&str, &[&str])] = &[
    ("economic", &[
        "econom", "oil$", "crude$", "petrol", "barrel", "export", "import$", "imports$", "trade$",
        "trading", "market", "invest", "inflation", "currency", "dollar", "bolívar", "bolivar$",
        "gdp$", "debt", "budget", "revenue", "tariff", "price", "cost$", "costs$", "costly",
        "profit", "financ", "fiscal", "bank$", "banks$", "business", "compan", "industr",
        "commerc", "employ", "unemploy", "wage", "salar", "income", "recession", "growth",
        "energy", "gas$", "mining", "crédito", "deuda", "inversi", "mercado", "petróleo",
        "comercio", "empresa", "precio", "dinero", "aranceles", "exportac", "importac",
    ]),
    ("capacity", &[
        "resource", "capacity", "shortage", "infrastructure", "staff", "personnel",
        "logistic", "equipment", "supply", "supplies", "scarc", "funding", "underfunded",
        "manpower", "overwhelm", "strain", "electricity", "blackout", "recurso", "escasez",
        "capacidad", "suministro",
    ]),
    ("morality", &[
        "moral", "ethic", "religio", "church", "faith", "god$", "sin$", "evil", "conscience",
        "shame", "dignity", "duty", "values$", "virtue", "immoral", "iglesia", "ética", "dignidad",
    ]),
    ("fairness", &[
        "fair", "unfair", "equal", "inequal", "injustice", "discriminat", "bias", "rights$",
        "human rights", "persecut", "repress", "equity", "privilege", "marginali",
        "derechos", "desigualdad", "injusticia", "represi", "persecuci",
    ]),
    ("legality", &[
        "legal", "illegal", "law$", "laws$", "lawful", "unlawful", "court", "judge", "judicial",
        "constitution", "sovereign", "indict", "lawsuit", "ruling", "statute", "treaty",
        "jurisdiction", "legitima", "illegitima", "international law", "ley$", "leyes$",
        "tribunal", "constituci", "soberan", "legítim", "ilegítim", "jurídic",
    ]),
    ("policy", &[
        "policy", "policies", "strategy", "strategic", "approach", "framework", "measure",
        "plan$", "plans$", "proposal", "reform", "program", "initiative", "recalibrat",
        "engagement", "roadmap", "agenda", "implement", "política", "estrategia", "medida",
        "propuesta", "reforma",
    ]),
    ("crime", &[
        "crime", "criminal", "drug", "narco", "traffick", "smuggl", "cartel", "gang", "arrest",
        "prison", "jail", "detain", "detention", "prosecut", "convict", "sentence$", "police",
        "corrupt", "fraud", "launder", "capture", "kidnap", "murder", "extradit", "narcotráfico",
        "droga", "crimen", "delito", "preso", "cárcel", "detenid", "corrupci", "captur",
    ]),
    ("security", &[
        "security", "military", "militar", "army", "troop", "soldier", "weapon", "missile",
        "defense", "defence", "war$", "wars$", "warfare", "attack", "strike", "strikes$",
        "invasion", "invade", "threat", "terror", "armed", "navy", "naval", "warship", "bomb",
        "border", "intelligence", "combat", "conflict", "seguridad", "ejército", "fuerzas armadas",
        "guerra", "amenaza", "ataque", "frontera", "armas$",
    ]),
    ("health", &[
        "health", "hospital", "medic", "disease", "epidemic", "pandemic", "vaccin", "doctor",
        "patient", "illness", "death", "deaths", "dead$", "died$", "kill", "injur", "safety",
        "disaster", "salud", "hospital", "enfermedad", "muerte", "muertos",
    ]),
    ("quality_of_life", &[
        "migra", "migrant", "refugee", "displace", "exodus", "poverty", "hunger", "famine",
        "food", "housing", "living$", "daily life", "famil", "hardship", "humanitarian",
        "suffering", "welfare", "emigra", "pobreza", "hambre", "alimento", "vivienda", "familia",
        "migrante", "refugiado", "humanitari",
    ]),
    ("cultural_identity", &[
        "culture", "cultural", "tradition", "heritage", "identity", "nationalis", "patriot",
        "ideolog", "socialis", "communis", "chavis", "bolivarian", "revolution", "anti-imperial",
        "imperialis", "history$", "historic", "cultura", "identidad", "revoluci", "chavista",
        "bolivariana", "imperio",
    ]),
    ("public_opinion", &[
        "public opinion", "poll", "survey", "voter", "protest", "demonstrat", "rally", "rallies",
        "popular", "popularity", "backlash", "outrage", "criticis", "criticiz", "activist",
        "citizens", "civil society", "encuesta", "protesta", "manifestac", "ciudadan",
    ]),
    ("political", &[
        "politic", "election", "elect", "vote", "voting", "campaign", "opposition", "party$",
        "parties$", "regime", "government", "administration", "congress", "senate", "lawmaker",
        "legislat", "parliament", "democra", "authoritarian", "dictator",
        "partisan", "republican", "democrat", "negotiat", "dialogue", "talks$", "diplomat",
        "elección", "elecciones", "gobierno", "régimen", "oposición", "partido", "presidente",
        "diálogo", "negociaci", "diplomátic", "democracia", "dictadura",
    ]),
    ("external_reputation", &[
        "international", "sanction", "foreign", "relations$", "ally", "allies", "alliance",
        "isolation", "isolate", "embass", "ambassador", "envoy", "bilateral", "multilateral",
        "reputation", "image$", "global", "geopolit", "united nations", "recogni", "legitimacy",
        "normaliz", "normalis", "rapprochement", "sanciones", "internacional", "relaciones",
        "embajada", "embajador", "aislamiento", "exterior", "bilateral", "reconocimiento",
    ]),
];
