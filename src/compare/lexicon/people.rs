//! Words about people: who speaks, their titles and roles, who governs.

/// Verbs that report speech: the name beside one is who is quoted.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "asked",
    "explained",
    "explains",
    "noted",
    "notes",
    "insisted",
    "insists",
    "warned",
    "warns",
    "wrote",
    "writes",
    "declared",
    "announced",
    "claimed",
    "argued",
    "recalled",
    "replied",
    "urged",
    "stressed",
    "lauded",
    "continued",
    "according",
    "remarked",
    "acknowledged",
    "admitted",
    "conceded",
    "called",
    "described",
    "mentioned",
    "confirmed",
    "promised",
    "vowed",
];

/// Reporting verbs whose next name is who was spoken to, not who spoke ("told the AP").
pub const SPOKEN_TO_VERBS: &[&str] = &["told", "tells", "asked", "urged"];

/// Pronouns that stand for the last person named.
pub const PERSONAL_PRONOUNS: &[&str] = &["he", "she"];

/// Words before a capitalised run that make it a place, not a speaker ("in Kursk").
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "near", "of", "to", "into", "across", "outside", "inside", "toward",
    "towards",
];

/// Titles written two ways: the short form stands for the words of the long one.
pub const TITLE_ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("ceo", &["chief", "executive"]),
    ("cfo", &["chief", "financial", "officer"]),
    ("pm", &["prime", "minister"]),
    ("chairman", &["chair"]),
    ("chairwoman", &["chair"]),
    ("spokesman", &["spokesperson"]),
    ("spokeswoman", &["spokesperson"]),
    ("councilor", &["councillor"]),
];

/// Titles too general to contradict a specific one: "leader Xi Jinping" and "President Xi
/// Jinping" agree.
pub const GENERAL_TITLES: &[&str] = &[
    "leader",
    "head",
    "officer",
    "official",
    "representative",
    "manager",
    "chief",
    "executive",
    "general",
];

/// Nouns that, after a name, say who governs: "the Biden administration".
pub const GOVERNMENT_NOUNS: &[&str] = &["administration", "government"];

/// Words that say who someone is rather than what happened (sorted).
pub const ROLE_WORDS: &[&str] = &[
    "acting",
    "ambassador",
    "assistant",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "commissioner",
    "councillor",
    "councilor",
    "deputy",
    "director",
    "ex",
    "executive",
    "former",
    "general",
    "governor",
    "head",
    "interim",
    "judge",
    "leader",
    "manager",
    "mayor",
    "minister",
    "officer",
    "opposition",
    "premier",
    "president",
    "prime",
    "representative",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "vice",
];

/// Role words that change what a title means ("former mayor" is not the mayor).
pub const ROLE_MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "deputy",
    "ex",
    "former",
    "interim",
    "vice",
];
