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
