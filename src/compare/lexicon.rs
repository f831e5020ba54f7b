//! Every word list the comparison engine uses, as data. Nothing here decides anything: the
//! stages that read a list say what it is for.

/// Names of the days, for date checks and the weekday signal in matching.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
pub const MONTHS: &[&str] = &[
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

/// What is counted in news of harm, by the words that say it. A number near one of these
/// words counts that class ("at least 31 people dead", "killing 31", "11 injured"), so two
/// reports' figures are compared only when they count the same class, wherever they stand.
pub const COUNTED_CLASSES: &[(&str, &[&str])] = &[
    (
        "dead",
        &[
            "dead",
            "died",
            "die",
            "dies",
            "dying",
            "killed",
            "kill",
            "kills",
            "killing",
            "death",
            "deaths",
            "fatalities",
            "fatality",
            "perished",
            "lives",
            "bodies",
        ],
    ),
    (
        "injured",
        &[
            "injured",
            "injuring",
            "injure",
            "injures",
            "injuries",
            "wounded",
            "wounding",
            "hurt",
            "hospitalised",
            "hospitalized",
        ],
    ),
    ("missing", &["missing", "unaccounted"]),
    (
        "arrested",
        &["arrested", "arrests", "detained", "detentions", "charged"],
    ),
    (
        "displaced",
        &["evacuated", "evacuees", "displaced", "homeless"],
    ),
];

/// A death toll named before its figure ("the death toll ... is at least 11").
pub const TOLL_WORDS: &[&str] = &["toll"];

/// Words that end the clause a counted number belongs to, looking forward from the number:
/// in "killed 3 people and injured 11", the 3 does not count the injured.
pub const CLAUSE_LINKS: &[&str] = &[
    "and",
    "or",
    "but",
    "while",
    "as",
    "after",
    "when",
    "including",
];

/// Words before a number that make it approximate, or a bound.
pub const APPROXIMATE: &[&str] = &[
    "about",
    "around",
    "roughly",
    "some",
    "nearly",
    "almost",
    "approximately",
    "approx",
    "estimated",
];

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
