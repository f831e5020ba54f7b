//! The file a comparison is proposed to be exported to.

use std::path::{Path, PathBuf};

use crate::compare::Comparison;

/// `compare-<left>-vs-<right>-2026-12-01T1730.md` in the data folder's `exports` (or here,
/// without one), named after the two files and the time (UTC) `now` seconds after the epoch.
pub fn proposed_export_path(c: &Comparison, data_dir: Option<&Path>, now: u64) -> PathBuf {
    let name = format!(
        "compare-{}-vs-{}-{}.md",
        stem(&c.left.path),
        stem(&c.right.path),
        utc_minute(now)
    );
    data_dir.map_or_else(|| PathBuf::from(&name), |d| d.join("exports").join(&name))
}

/// The file name of a path without its extension, with only letters, digits and dashes.
fn stem(path: &str) -> String {
    let name = path.rsplit(['/', ':']).next().unwrap_or(path);
    let name = name.rsplit_once('.').map_or(name, |(s, _)| s);
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// "2026-12-01T1730": the minute, in UTC, of a time in seconds after the Unix epoch. A file
/// name holds no colon.
fn utc_minute(secs: u64) -> String {
    let (days, of_day) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_date(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}{:02}",
        of_day / 3600,
        of_day % 3600 / 60
    )
}

/// The Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_become_readable_minutes() {
        assert_eq!(utc_minute(0), "1970-01-01T0000");
        assert_eq!(utc_minute(1_796_146_200), "2026-12-01T1730");
        // A leap day.
        assert_eq!(utc_minute(1_709_165_100), "2024-02-29T0005");
    }

    #[test]
    fn names_keep_letters_digits_and_dashes() {
        assert_eq!(
            stem("/data/lib/Tessaly tram (wire).md"),
            "Tessaly_tram__wire_"
        );
        assert_eq!(stem("sample:valmora-crane-wire"), "valmora-crane-wire");
    }
}
