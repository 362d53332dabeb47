//! Dates and timestamps: every export's spelling to ISO 8601.
//!
//! Each platform writes dates its own way ("16 Dec 2024", `"1/8/18, 6:14
//! PM"`, `2024-12-16 18:24:37 UTC`, unix seconds as a string, vCard
//! `--0412`). Events and birthdays must compare and sort, so they all become
//! ISO 8601 text: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (local, no zone when
//! the source gives none), a trailing `Z` for UTC, `±HH:MM` for other
//! offsets, and `--MM-DD` when there is no year. Fractions of a second are
//! dropped. We do the calendar arithmetic ourselves (no chrono) because it is
//! twenty lines and a dependency would be larger than the need.
//!
//! Ambiguity: `a/b/yyyy` is read month first (LinkedIn and Google are US
//! products) unless the first number cannot be a month (`31/12/1999`); `a.b.yyyy`
//! is always day first. That is the rule for a lone value; a file's dates are
//! read in one order decided for the whole file ([`FileOrder`]), so that
//! `14/02/2020` and `03/04/2021` in one file are not read in two orders. Two-
//! digit years follow POSIX `%y`: 69–99 are 19xx, 00–68 are 20xx.

/// Month names and abbreviations (English; exports use English here).
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Hour, minute and optional second.
type Clock = (u32, u32, Option<u32>);

/// A parsed date-time before formatting.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Parts {
    year: Option<u32>,
    month: u32,
    day: u32,
    time: Option<Clock>,
    /// "Z" or "+HH:MM" / "-HH:MM"
    zone: Option<String>,
}

fn is_leap(y: u32) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // With no year, 29 February is a real birthday.
        2 if year.is_none_or(is_leap) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Parts {
    fn date(year: Option<u32>, month: u32, day: u32) -> Parts {
        Parts {
            year,
            month,
            day,
            ..Parts::default()
        }
    }

    fn valid(&self) -> bool {
        let year_ok = self.year.is_none_or(|y| (1..=9999).contains(&y));
        let day_ok = self.day >= 1 && self.day <= days_in_month(self.year, self.month);
        let time_ok = self
            .time
            .is_none_or(|(h, m, s)| h <= 23 && m <= 59 && s.is_none_or(|s| s <= 59));
        year_ok && day_ok && time_ok
    }

    fn format(&self) -> Option<String> {
        if !self.valid() {
            return None;
        }
        let mut out = match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            // A time without a year means nothing useful; keep the day.
            None => return Some(format!("--{:02}-{:02}", self.month, self.day)),
        };
        if let Some((h, m, s)) = self.time {
            out.push_str(&format!("T{h:02}:{m:02}"));
            if let Some(s) = s {
                out.push_str(&format!(":{s:02}"));
            }
            if let Some(z) = &self.zone {
                out.push_str(z);
            }
        }
        Some(out)
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm,
/// proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let year = if m <= 2 { y + 1 } else { y };
    // d and m are bounded above, so the conversions cannot fail.
    (
        year,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

/// Unix seconds to `YYYY-MM-DDTHH:MM:SSZ`; `None` outside years 1–9999.
pub fn from_unix(secs: i64) -> Option<String> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if !(1..=9999).contains(&year) {
        return None;
    }
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z"
    ))
}

/// Parse a date in any of the formats the exports use; `None` when it is not
/// a valid date (the caller keeps the original text).
pub fn parse(s: &str) -> Option<String> {
    let s = crate::normalize::text::clean(s);
    if s.is_empty() {
        return None;
    }
    if let Some(out) = parse_unix(&s) {
        return Some(out);
    }
    let parsers: [fn(&str) -> Option<Parts>; 6] = [
        parse_iso,
        parse_basic,
        parse_no_year,
        parse_slashed,
        parse_ctime,
        parse_month_name,
    ];
    parsers.iter().find_map(|p| p(&s)).and_then(|p| p.format())
}

/// Which number comes first in a slashed date `a/b/yyyy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    DayFirst,
    MonthFirst,
}

/// The two leading numbers of a slashed date (`14/02/2020`, `3/4/21, 6:14 PM`), the only form
/// whose order is ambiguous; `None` for anything else.
pub fn slashed_numbers(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let date = s.split_once([',', ' ']).map_or(s, |(d, _)| d);
    let sep = slash_of(date)?;
    let mut fields = date.split(sep);
    let (a, b, y) = (fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() || a.len() > 2 || b.len() > 2 || !matches!(y.len(), 2 | 4) {
        return None;
    }
    Some((num(a)?, num(b)?))
}

/// The separator of a date whose order can be either way: `/`, or `-` before a four-digit year
/// (`7-3-1990`, Dutch and Danish Outlook); `None` for a dotted or any other date.
fn slash_of(date: &str) -> Option<char> {
    if date.contains('/') {
        Some('/')
    } else if date.matches('-').count() == 2
        && date.rsplit('-').next().is_some_and(|y| y.len() == 4)
    {
        Some('-')
    } else {
        None
    }
}

/// Like [`parse`], with a slashed date read in the given order.
pub fn parse_in(s: &str, order: Order) -> Option<String> {
    let cleaned = crate::normalize::text::clean(s);
    match slashed_numbers(&cleaned) {
        Some(_) => parse_slashed_in(&cleaned, Some(order)).and_then(|p| p.format()),
        None => parse(&cleaned),
    }
}

/// The order of one file's slashed dates, decided from all of them: a first number above 12
/// settles day first, a second one above 12 month first; when no value settles it, the file's
/// locale (a `;` separator, localized column names, dotted dates beside the slashed ones) says
/// day first, a 12-hour clock (`6:14 PM`, a US habit) month first; otherwise month first is a
/// guess the caller should warn about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOrder {
    /// No slashed date whose two numbers could swap.
    Unambiguous,
    /// Settled by a value that can be read one way only.
    Settled(Order),
    /// Both orders are proven by values of the file: each value is read as it can be.
    Mixed,
    /// Nothing settles it; the file's locale hints the order.
    Hinted(Order),
    /// Nothing settles it and nothing hints: month first, a guess.
    Guessed(Order),
}

impl FileOrder {
    /// The order to read ambiguous values in, if one was decided.
    pub fn order(self) -> Option<Order> {
        match self {
            FileOrder::Settled(o) | FileOrder::Hinted(o) | FileOrder::Guessed(o) => Some(o),
            FileOrder::Unambiguous | FileOrder::Mixed => None,
        }
    }
}

/// Decides [`FileOrder`] from the leading numbers of a file's slashed dates and what the file's
/// locale hints, if anything.
pub fn decide_order(numbers: &[(u32, u32)], hint: Option<Order>) -> FileOrder {
    let day_first = numbers.iter().any(|&(a, b)| a > 12 && b <= 12);
    let month_first = numbers.iter().any(|&(a, b)| b > 12 && a <= 12);
    let ambiguous = numbers
        .iter()
        .any(|&(a, b)| a != b && (1..=12).contains(&a) && (1..=12).contains(&b));
    match (day_first, month_first) {
        (true, true) => FileOrder::Mixed,
        (true, false) => FileOrder::Settled(Order::DayFirst),
        (false, true) => FileOrder::Settled(Order::MonthFirst),
        (false, false) if !ambiguous => FileOrder::Unambiguous,
        (false, false) => match hint {
            Some(order) => FileOrder::Hinted(order),
            None => FileOrder::Guessed(Order::MonthFirst),
        },
    }
}

/// 10 digits are unix seconds, 13 digits unix milliseconds (Facebook,
/// Telegram `date_unixtime`, Instagram). Other lengths are not timestamps:
/// 8 digits is a basic ISO date.
fn parse_unix(s: &str) -> Option<String> {
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    match s.len() {
        10 => from_unix(n),
        13 => from_unix(n.div_euclid(1000)),
        _ => None,
    }
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A zone suffix: `Z`, `UTC`, `GMT`, `+00:00`, `+0000`, `-05:00`, `-0500`.
fn parse_zone(z: &str) -> Option<String> {
    let z = z.trim();
    if z.is_empty() {
        return None;
    }
    if matches!(z.to_ascii_uppercase().as_str(), "Z" | "UTC" | "GMT") {
        return Some("Z".to_string());
    }
    let sign = z.chars().next().filter(|c| matches!(c, '+' | '-'))?;
    let digits: String = z.chars().skip(1).filter(|c| *c != ':').collect();
    if digits.len() != 4 && digits.len() != 2 {
        return None;
    }
    let h = num(digits.get(..2)?)?;
    let m = if digits.len() == 4 {
        num(digits.get(2..)?)?
    } else {
        0
    };
    if h > 14 || m > 59 {
        return None;
    }
    if h == 0 && m == 0 {
        return Some("Z".to_string());
    }
    Some(format!("{sign}{h:02}:{m:02}"))
}

/// `HH:MM[:SS[.fff]]` followed by an optional zone, as in ISO and the
/// LinkedIn/Google exports.
fn parse_clock(s: &str) -> Option<(Clock, Option<String>)> {
    let s = s.trim();
    // Split off the zone: a letter, '+' or '-' after the digits.
    let zone_at = s
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_ascii_alphabetic() || matches!(c, '+' | '-'))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let (clock, zone) = (s.get(..zone_at)?.trim(), s.get(zone_at..)?.trim());
    let zone = if zone.is_empty() {
        None
    } else {
        Some(parse_zone(zone)?)
    };
    let clock = clock.split('.').next()?; // drop fractions
    let mut fields = clock.split(':');
    let h = num(fields.next()?)?;
    let m = num(fields.next()?)?;
    let sec = fields.next().map(num);
    if fields.next().is_some() {
        return None;
    }
    let sec = match sec {
        Some(Some(v)) => Some(v),
        Some(None) => return None,
        None => None,
    };
    Some(((h, m, sec), zone))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by `T` or a space and a
/// clock with an optional zone (`2024-12-16 18:24:37 UTC`,
/// `2023-01-05T10:00:00`, `1985-04-12T10:00:00Z`).
fn parse_iso(s: &str) -> Option<Parts> {
    let date_part = s.get(..10)?;
    let rest = s.get(10..)?;
    let sep = date_part.chars().nth(4)?;
    if !matches!(sep, '-' | '/') || date_part.chars().nth(7)? != sep {
        return None;
    }
    let year = num(date_part.get(..4)?)?;
    let month = num(date_part.get(5..7)?)?;
    let day = num(date_part.get(8..10)?)?;
    let mut parts = Parts::date(Some(year), month, day);
    let rest = rest.strip_prefix(['T', 't', ' ']).unwrap_or(rest);
    if !rest.is_empty() {
        let (time, zone) = parse_clock(rest)?;
        parts.time = Some(time);
        parts.zone = zone;
    }
    Some(parts)
}

/// Basic ISO: `YYYYMMDD`, optionally `THHMM[SS]` and a zone (vCard
/// `20090808T1430-0500`).
fn parse_basic(s: &str) -> Option<Parts> {
    let (date, time) = match s.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    if date.len() != 8 || !date.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut parts = Parts::date(
        Some(num(date.get(..4)?)?),
        num(date.get(4..6)?)?,
        num(date.get(6..8)?)?,
    );
    if let Some(t) = time {
        let digits_end = t
            .char_indices()
            .find(|(_, c)| !c.is_ascii_digit())
            .map(|(i, _)| i)
            .unwrap_or(t.len());
        let (clock, zone) = (t.get(..digits_end)?, t.get(digits_end..)?);
        let h = num(clock.get(..2)?)?;
        let m = num(clock.get(2..4)?)?;
        let sec = match clock.len() {
            4 => None,
            6 => Some(num(clock.get(4..6)?)?),
            _ => return None,
        };
        parts.time = Some((h, m, sec));
        parts.zone = if zone.is_empty() {
            None
        } else {
            Some(parse_zone(zone)?)
        };
    }
    Some(parts)
}

/// Dates without a year: vCard `--MMDD`, `--MM-DD` (Google birthdays).
fn parse_no_year(s: &str) -> Option<Parts> {
    let rest = s.strip_prefix("--")?;
    let digits: String = rest.chars().filter(|c| *c != '-').collect();
    if digits.len() != 4 || rest.len() > 5 {
        return None;
    }
    Some(Parts::date(
        None,
        num(digits.get(..2)?)?,
        num(digits.get(2..)?)?,
    ))
}

/// 12-hour clock: `6:14 PM`, `12:05 AM`; also a plain 24-hour `14:51`.
fn parse_ampm(s: &str) -> Option<Clock> {
    let upper = s.trim().to_ascii_uppercase();
    let (clock, pm) = if let Some(c) = upper.strip_suffix("PM") {
        (c.trim(), Some(true))
    } else if let Some(c) = upper.strip_suffix("AM") {
        (c.trim(), Some(false))
    } else {
        (upper.as_str(), None)
    };
    let ((h, m, sec), zone) = parse_clock(clock)?;
    if zone.is_some() {
        return None;
    }
    let h = match pm {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(true) => h % 12 + 12,
        Some(false) => h % 12,
        None => h,
    };
    Some((h, m, sec))
}

/// `M/D/YY[, h:mm AM]` (LinkedIn), `M/D/YYYY`, `D-M-YYYY`, `D.M.YYYY`.
fn parse_slashed(s: &str) -> Option<Parts> {
    parse_slashed_in(s, None)
}

/// [`parse_slashed`] with the order of a slashed date given (`None`: month first unless the
/// first number cannot be a month). A value that cannot be read in the given order (a first
/// number above 12 read month first) is read the other way, as a lone value would be.
fn parse_slashed_in(s: &str, order: Option<Order>) -> Option<Parts> {
    let (date, time) = match s.split_once([',', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let sep = slash_of(date).unwrap_or('.');
    let mut fields = date.split(sep);
    let (a, b, y) = (fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b) = (num(a)?, num(b)?);
    let year = match y.len() {
        2 => {
            let yy = num(y)?;
            if yy >= 69 {
                1900 + yy
            } else {
                2000 + yy
            }
        }
        4 => num(y)?,
        _ => return None,
    };
    // Dotted dates are European (day first); slashed ones US unless impossible or the file
    // says otherwise.
    let day_first = match order {
        _ if sep == '.' => true,
        Some(Order::DayFirst) => b <= 12,
        _ => a > 12 && b <= 12,
    };
    let (month, day) = if day_first { (b, a) } else { (a, b) };
    let mut parts = Parts::date(Some(year), month, day);
    if let Some(t) = time.map(str::trim).filter(|t| !t.is_empty()) {
        parts.time = Some(parse_ampm(t)?);
    }
    Some(parts)
}

fn month_of(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
    let abbrev = lower.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == abbrev)?;
    // "Mar" and "March" both count, "Marx" does not.
    let full_names = [
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
    let full_ok = full_names.get(index).is_some_and(|f| *f == lower);
    let sept = lower == "sept";
    (lower.len() == 3 || full_ok || sept).then(|| u32::try_from(index + 1).unwrap_or(0))
}

fn is_weekday(word: &str) -> bool {
    let lower = word.trim_end_matches(',').to_ascii_lowercase();
    lower
        .get(..3)
        .is_some_and(|w| WEEKDAYS.contains(&w) && lower.chars().all(|c| c.is_ascii_alphabetic()))
}

/// `Tue Jun 20 12:25:51 UTC 2023` (Unix `date`, X archive) and
/// `Wed Oct 10 20:19:24 +0000 2018`.
fn parse_ctime(s: &str) -> Option<Parts> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let [wd, mon, day, clock, rest @ ..] = words.as_slice() else {
        return None;
    };
    if !is_weekday(wd) {
        return None;
    }
    let (zone, year) = match rest {
        [zone, year] => (Some(parse_zone(zone)?), *year),
        [year] => (None, *year),
        _ => return None,
    };
    if year.len() != 4 {
        return None;
    }
    let mut parts = Parts::date(Some(num(year)?), month_of(mon)?, num(day)?);
    let (time, clock_zone) = parse_clock(clock)?;
    parts.time = Some(time);
    parts.zone = zone.or(clock_zone);
    Some(parts)
}

/// `16 Dec 2024`, `4 July 2023`, `Dec 16, 2024`, `Jan 11, 1111`, and the
/// year-less `Jan 11` / `11 Jan`; an optional leading weekday is ignored.
fn parse_month_name(s: &str) -> Option<Parts> {
    // Excel re-saves LinkedIn's dates as `18-Jun-24` (d-MMM-yy): the only dashed form with a
    // month name, and the only one here whose two-digit year is accepted.
    let dashed: Vec<&str> = s.split('-').collect();
    if let [d, m, y] = dashed.as_slice() {
        if month_of(m).is_some() && (y.len() == 2 || y.len() == 4) {
            let year = match y.len() {
                2 => num(y).map(|yy| if yy >= 69 { 1900 + yy } else { 2000 + yy })?,
                _ => num(y)?,
            };
            return Some(Parts::date(
                Some(year),
                month_of(m)?,
                num(d).filter(|d| *d <= 31)?,
            ));
        }
    }
    let cleaned = s.replace(',', " ");
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| is_weekday(w) && month_of(w).is_none())
    {
        words.remove(0);
    }
    // A clock after a full date: `Dec 12, 2025 9:27:43 pm` (Meta's HTML pages).
    let mut time = None;
    if words.get(3).is_some_and(|w| w.contains(':')) {
        time = Some(parse_ampm(&words.get(3..)?.join(" "))?);
        words.truncate(3);
    }
    let day_of = |w: &str| num(w.trim_end_matches('.')).filter(|d| *d <= 31);
    let (month, day, year) = match words.as_slice() {
        [d, m, y] if month_of(m).is_some() => (month_of(m)?, day_of(d)?, Some(*y)),
        [m, d, y] => (month_of(m)?, day_of(d)?, Some(*y)),
        [d, m] if month_of(m).is_some() => (month_of(m)?, day_of(d)?, None),
        [m, d] => (month_of(m)?, day_of(d)?, None),
        _ => return None,
    };
    let year = match year {
        Some(y) if y.len() == 4 => Some(num(y)?),
        Some(_) => return None,
        None => None,
    };
    let mut parts = Parts::date(year, month, day);
    if time.is_some() {
        year?;
        parts.time = time;
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_cases() {
        let cases = [
            // LinkedIn
            ("16 Dec 2024", Some("2024-12-16")),
            ("04 Jul 2023", Some("2023-07-04")),
            ("1/8/18, 6:14 PM", Some("2018-01-08T18:14")),
            ("10/25/17, 4:50 PM", Some("2017-10-25T16:50")),
            ("6/27/26, 7:35 AM", Some("2026-06-27T07:35")),
            ("12/15/24, 12:05 AM", Some("2024-12-15T00:05")),
            ("12/15/24, 12:30 PM", Some("2024-12-15T12:30")),
            ("2024-12-16 18:24:37 UTC", Some("2024-12-16T18:24:37Z")),
            ("2024/12/07 14:51:07 UTC", Some("2024-12-07T14:51:07Z")),
            ("2025-08-24 19:58:46", Some("2025-08-24T19:58:46")),
            ("Jan 11", Some("--01-11")),
            ("Mar 31", Some("--03-31")),
            ("Jan 11, 1111", Some("1111-01-11")),
            // Meta's HTML pages: a clock after the date, in the account's time zone.
            ("Dec 12, 2025 9:27:43 pm", Some("2025-12-12T21:27:43")),
            ("Jan 14, 2023, 3:08 PM", Some("2023-01-14T15:08")),
            ("Jul 25, 2026 1:28 am", Some("2026-07-25T01:28")),
            ("Jan 11 9:27 pm", None),
            // X, Unix
            ("Tue Jun 20 12:25:51 UTC 2023", Some("2023-06-20T12:25:51Z")),
            ("18-Jun-24", Some("2024-06-18")),
            ("3-Jan-1999", Some("1999-01-03")),
            ("31-Feb-24", None),
            (
                "Wed Oct 10 20:19:24 +0000 2018",
                Some("2018-10-10T20:19:24Z"),
            ),
            ("2023-01-01T10:00:00.000Z", Some("2023-01-01T10:00:00Z")),
            // Telegram, vCard, Google
            ("2023-01-05T10:00:00", Some("2023-01-05T10:00:00")),
            ("1985-04-12T10:00:00Z", Some("1985-04-12T10:00:00Z")),
            (
                "1985-04-12T10:00:00+02:00",
                Some("1985-04-12T10:00:00+02:00"),
            ),
            ("1985-04-12", Some("1985-04-12")),
            ("19850412", Some("1985-04-12")),
            ("20090808T1430-0500", Some("2009-08-08T14:30-05:00")),
            ("--0412", Some("--04-12")),
            ("--12-01", Some("--12-01")),
            ("--02-29", Some("--02-29")),
            ("12/31/1999", Some("1999-12-31")),
            ("31/12/1999", Some("1999-12-31")),
            ("31.12.1999", Some("1999-12-31")),
            ("31-12-1999", Some("1999-12-31")),
            ("24-12-16", None),
            ("December 16, 2024", Some("2024-12-16")),
            ("16 September 2024", Some("2024-09-16")),
            ("Sept 1, 2020", Some("2020-09-01")),
            // unix timestamps
            ("1704276000", Some("2024-01-03T10:00:00Z")),
            ("1704276000123", Some("2024-01-03T10:00:00Z")),
            ("0000000000", Some("1970-01-01T00:00:00Z")),
            // invalid
            ("", None),
            ("yesterday", None),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("2024-04-31", None),
            ("32 Dec 2024", None),
            ("13/13/2024", None),
            ("2024-12-16 25:00", None),
            ("1/8/18, 13:14 PM", None),
            ("--13-01", None),
            ("123456", None),
            ("Marx 3", None),
            ("2024-12-16 18:24:37 Mars", None),
            ("日本 2024", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input).as_deref(), expected, "input {input:?}");
        }
    }

    #[test]
    fn a_file_decides_the_order_of_its_slashed_dates() {
        use FileOrder::*;
        use Order::*;
        let day = Some(DayFirst);
        assert_eq!(decide_order(&[(14, 2), (3, 4)], None), Settled(DayFirst));
        assert_eq!(decide_order(&[(2, 14), (3, 4)], day), Settled(MonthFirst));
        assert_eq!(decide_order(&[(14, 2), (2, 14)], None), Mixed);
        assert_eq!(decide_order(&[(3, 4)], day), Hinted(DayFirst));
        assert_eq!(
            decide_order(&[(3, 4)], Some(MonthFirst)),
            Hinted(MonthFirst)
        );
        assert_eq!(decide_order(&[(3, 4)], None), Guessed(MonthFirst));
        assert_eq!(decide_order(&[(5, 5), (13, 13)], None), Unambiguous);
        assert_eq!(decide_order(&[], None), Unambiguous);
    }

    #[test]
    fn parse_in_reads_slashed_dates_in_the_given_order() {
        assert_eq!(
            parse_in("03/04/2021", Order::DayFirst).as_deref(),
            Some("2021-04-03")
        );
        assert_eq!(
            parse_in("03/04/2021", Order::MonthFirst).as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            parse_in("14/02/2020", Order::MonthFirst).as_deref(),
            Some("2020-02-14")
        );
        assert_eq!(
            parse_in("3/4/21, 6:14 PM", Order::DayFirst).as_deref(),
            Some("2021-04-03T18:14")
        );
        assert_eq!(
            parse_in("14.02.2020", Order::MonthFirst).as_deref(),
            Some("2020-02-14")
        );
        assert_eq!(
            parse_in("16 Dec 2024", Order::DayFirst).as_deref(),
            Some("2024-12-16")
        );
        assert_eq!(slashed_numbers("1/8/18, 6:14 PM"), Some((1, 8)));
        assert_eq!(slashed_numbers("2024/12/07 14:51:07 UTC"), None);
        assert_eq!(slashed_numbers("14.02.2020"), None);
        assert_eq!(slashed_numbers("7-3-1990"), Some((7, 3)));
        assert_eq!(slashed_numbers("1990-03-07"), None);
        assert_eq!(slashed_numbers("18-Jun-24"), None);
    }

    #[test]
    fn from_unix_cases() {
        let cases = [
            (0, Some("1970-01-01T00:00:00Z")),
            (951_782_400, Some("2000-02-29T00:00:00Z")),
            (1_704_276_000, Some("2024-01-03T10:00:00Z")),
            (-1, Some("1969-12-31T23:59:59Z")),
            (253_402_300_799, Some("9999-12-31T23:59:59Z")),
            (253_402_300_800, None),
            (i64::MAX, None),
            (i64::MIN, None),
        ];
        for (input, expected) in cases {
            assert_eq!(from_unix(input).as_deref(), expected, "input {input:?}");
        }
    }
}
