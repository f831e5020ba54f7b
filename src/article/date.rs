use std::fmt;
use std::str::FromStr;

/// A publication date: a day, optionally with a time and offset (RFC 3339).
///
/// Kept as the calendar fields plus a UTC sort key, so sorting by date is a plain integer compare
/// and display shows what the file said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Published {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Seconds since 1970-01-01T00:00:00Z; a date without time counts as midnight UTC.
    #[serde(skip)]
    pub sort_key: i64,
}

impl Published {
    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time such as `2026-03-04T09:30:00+01:00`.
    pub fn parse(text: &str) -> Result<Published, String> {
        let dt = toml::value::Datetime::from_str(text.trim())
            .map_err(|_| format!("`{text}` is not a date (use YYYY-MM-DD or RFC 3339)"))?;
        Published::from_toml(&dt)
    }

    /// Converts a TOML date or date-time (front matter may write either, quoted or not).
    pub fn from_toml(dt: &toml::value::Datetime) -> Result<Published, String> {
        let date = dt
            .date
            .ok_or_else(|| format!("`{dt}` has a time but no date"))?;
        let mut secs = days_from_civil(i32::from(date.year), date.month, date.day) * 86_400;
        if let Some(time) = dt.time {
            secs += i64::from(time.hour) * 3600
                + i64::from(time.minute) * 60
                + i64::from(time.second.unwrap_or(0));
        }
        if let Some(toml::value::Offset::Custom { minutes }) = dt.offset {
            secs -= i64::from(minutes) * 60;
        }
        Ok(Published {
            year: i32::from(date.year),
            month: date.month,
            day: date.day,
            sort_key: secs,
        })
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_dates_and_rfc3339() {
        let d = Published::parse("2026-03-04").unwrap();
        assert_eq!((d.year, d.month, d.day), (2026, 3, 4));
        let t = Published::parse("2026-03-04T10:00:00+02:00").unwrap();
        assert_eq!(t.sort_key, d.sort_key + 8 * 3600);
        assert_eq!(t.to_string(), "2026-03-04");
    }

    #[test]
    fn epoch_is_zero_and_order_holds() {
        assert_eq!(Published::parse("1970-01-01").unwrap().sort_key, 0);
        let a = Published::parse("1999-12-31").unwrap();
        let b = Published::parse("2000-01-01").unwrap();
        assert_eq!(b.sort_key - a.sort_key, 86_400);
    }

    #[test]
    fn rejects_non_dates() {
        assert!(Published::parse("yesterday").is_err());
        assert!(Published::parse("2026-13-45").is_err());
    }
}
