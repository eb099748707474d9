//! RFC 3339 timestamps. Parsed by hand because the only thing the app needs is
//! validation and ordering; a date crate would add tens of KB of wasm for that.

use std::cmp::Ordering;
use std::fmt;

/// A moment in time, kept as the text the source sent (for `<time datetime>`) and as
/// seconds since the Unix epoch (for ordering and "was this updated later?").
#[derive(Debug, Clone, Eq, serde::Deserialize, serde::Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp {
    text: String,
    unix_seconds: i64,
}

impl TryFrom<String> for Timestamp {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text)
    }
}

impl From<Timestamp> for String {
    fn from(timestamp: Timestamp) -> Self {
        timestamp.text
    }
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("{text:?} is not an RFC 3339 time such as \"2026-11-03T08:30:00Z\"");
        let bytes = text.as_bytes();
        if bytes.len() < 20
            || bytes[4] != b'-'
            || bytes[7] != b'-'
            || bytes[13] != b':'
            || bytes[16] != b':'
        {
            return Err(bad());
        }
        if !matches!(bytes[10], b'T' | b't' | b' ') {
            return Err(bad());
        }
        let number = |range: std::ops::Range<usize>| -> Result<i64, String> {
            let part = text.get(range).ok_or_else(bad)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(bad());
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err(bad());
        }
        let mut rest = &text[19..];
        if let Some(fraction) = rest.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(bad());
            }
            rest = &fraction[digits..];
        }
        let offset_seconds = match rest {
            "Z" | "z" => 0,
            _ if rest.len() == 6
                && (rest.starts_with('+') || rest.starts_with('-'))
                && &rest[3..4] == ":" =>
            {
                let sign = if rest.starts_with('-') { -1 } else { 1 };
                let hours = number(text.len() - 5..text.len() - 3)?;
                let minutes = number(text.len() - 2..text.len())?;
                if hours > 23 || minutes > 59 {
                    return Err(bad());
                }
                sign * (hours * 3600 + minutes * 60)
            }
            _ => return Err(bad()),
        };
        let unix_seconds =
            days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
                - offset_seconds;
        Ok(Self {
            text: text.to_owned(),
            unix_seconds,
        })
    }

    /// The instant `unix_seconds` after the epoch, written in UTC: `2026-11-03T08:30:00Z`.
    pub fn from_unix_seconds(unix_seconds: i64) -> Self {
        let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
        let seconds = unix_seconds.rem_euclid(86_400);
        Self {
            text: format!(
                "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60
            ),
            unix_seconds,
        }
    }

    /// The text as the source sent it, fit for `<time datetime>` and for `Intl`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn unix_seconds(&self) -> i64 {
        self.unix_seconds
    }

    /// The calendar date in UTC as (year, month, day), for rendering where `Intl` is not available.
    pub fn utc_date(&self) -> (i64, u32, u32) {
        self.utc_date_days_before(0)
    }

    /// The calendar date in UTC `days` days before this instant's.
    pub fn utc_date_days_before(&self, days: i64) -> (i64, u32, u32) {
        civil_from_days(self.unix_seconds.div_euclid(86_400) - days)
    }

    /// The instant in UTC as RFC 822 writes it (with a four-digit year, as RFC 2822 does), the
    /// date format of RSS: `Tue, 03 Nov 2026 08:30:00 +0000`.
    pub fn rfc822(&self) -> String {
        const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let days = self.unix_seconds.div_euclid(86_400);
        let seconds = self.unix_seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        // 1 January 1970 was a Thursday.
        let weekday = WEEKDAYS[days.rem_euclid(7) as usize];
        format!(
            "{weekday}, {day:02} {} {year} {:02}:{:02}:{:02} +0000",
            MONTHS[month as usize - 1],
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.unix_seconds == other.unix_seconds
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.unix_seconds.cmp(&other.unix_seconds)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_and_offsets_to_the_same_instant() {
        let utc = Timestamp::parse("2026-11-03T08:30:00Z").unwrap();
        let offset = Timestamp::parse("2026-11-03T10:30:00+02:00").unwrap();
        assert_eq!(utc, offset);
        assert_eq!(utc.unix_seconds(), 1_793_694_600);
        assert_eq!(offset.as_str(), "2026-11-03T10:30:00+02:00");
    }

    #[test]
    fn an_instant_in_seconds_is_written_in_utc_and_reads_back() {
        let written = Timestamp::from_unix_seconds(1_793_694_600);
        assert_eq!(written.as_str(), "2026-11-03T08:30:00Z");
        assert_eq!(Timestamp::parse(written.as_str()).unwrap(), written);
        assert_eq!(
            Timestamp::from_unix_seconds(-1).as_str(),
            "1969-12-31T23:59:59Z"
        );
    }

    #[test]
    fn accepts_fractions_and_lower_case() {
        let t = Timestamp::parse("2024-02-29t23:59:59.123z").unwrap();
        assert_eq!(t.utc_date(), (2024, 2, 29));
    }

    #[test]
    fn epoch_and_calendar_round_trip() {
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00Z")
                .unwrap()
                .unix_seconds(),
            0
        );
        assert_eq!(
            Timestamp::parse("1969-12-31T23:00:00-01:00")
                .unwrap()
                .unix_seconds(),
            0
        );
        let late = Timestamp::parse("2026-11-03T23:30:00-05:00").unwrap();
        assert_eq!(late.utc_date(), (2026, 11, 4));
    }

    #[test]
    fn rejects_what_is_not_rfc_3339() {
        for text in [
            "",
            "2026-11-03",
            "2026-11-03T08:30:00",
            "2026-13-03T08:30:00Z",
            "2026-02-30T08:30:00Z",
            "2025-02-29T08:30:00Z",
            "2026-11-03T24:00:00Z",
            "2026-11-03T08:30:00+0200",
            "2026-11-03T08:30:00.Z",
            "yesterday at noon",
            "2026-11-03T08:30:00Z trailing",
            "２０２６-11-03T08:30:00Z",
        ] {
            assert!(
                Timestamp::parse(text).is_err(),
                "{text:?} should be rejected"
            );
        }
    }

    #[test]
    fn writes_rss_dates_in_utc() {
        let time = Timestamp::parse("2026-11-03T09:30:05+01:00").unwrap();
        assert_eq!(time.rfc822(), "Tue, 03 Nov 2026 08:30:05 +0000");
        let epoch = Timestamp::parse("1970-01-01T00:00:00Z").unwrap();
        assert_eq!(epoch.rfc822(), "Thu, 01 Jan 1970 00:00:00 +0000");
        let leap = Timestamp::parse("2024-02-29T23:59:59Z").unwrap();
        assert_eq!(leap.rfc822(), "Thu, 29 Feb 2024 23:59:59 +0000");
    }

    #[test]
    fn orders_by_instant() {
        let a = Timestamp::parse("2026-11-03T08:30:00Z").unwrap();
        let b = Timestamp::parse("2026-11-03T08:30:01Z").unwrap();
        assert!(a < b);
    }
}
