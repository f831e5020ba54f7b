//! Words of dates and figures.

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

/// Numbers written as words, with their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];
