//! Calendar dates and plan periods (year, half, quarter, exact date), with the
//! string forms used in plan files: "2025-06-30", "2025", "2025-H1", "2025-Q2".

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (31 February, month 13, …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    pub fn end_of_year(year: i32) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    pub fn start_of_year(year: i32) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil); lets the core
    /// measure how far along a deadline a date lies without any date crate.
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// `ngày 05 tháng 02 năm 2021` style parts are built by the UI; this is the
    /// day-first numeric form `31/12/2020` used in Vietnamese documents.
    pub fn dmy(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    /// Reads ISO `2020-12-31` and Vietnamese `31/12/2020`.
    fn from_str(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let bad = || format!("not a date: {s:?}");
        let nums: Vec<&str> = if s.contains('/') {
            s.split('/').collect()
        } else {
            s.split('-').collect()
        };
        if nums.len() != 3
            || nums
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let (y, m, d) = if s.contains('/') {
            (nums[2], nums[1], nums[0])
        } else {
            (nums[0], nums[1], nums[2])
        };
        let (y, m, d) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        Date::new(y, m, d).ok_or_else(bad)
    }
}

/// When a target or an actual figure is due: a whole year, a half, a quarter
/// or an exact date. Periods order by their end date, then by their kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Date(Date),
}

impl Period {
    /// The last day of the period: the deadline of a target set for it.
    pub fn end(self) -> Date {
        match self {
            Period::Year(y) => Date::end_of_year(y),
            Period::Half(y, 1) => Date {
                year: y,
                month: 6,
                day: 30,
            },
            Period::Half(y, _) => Date::end_of_year(y),
            Period::Quarter(y, q) => {
                let month = (q.clamp(1, 4)) * 3;
                Date {
                    year: y,
                    month,
                    day: days_in_month(y, month),
                }
            }
            Period::Date(d) => d,
        }
    }

    /// The first day of the period (an exact date is a period of one day).
    pub fn start(self) -> Date {
        let first = |year, month| Date {
            year,
            month,
            day: 1,
        };
        match self {
            Period::Year(y) | Period::Half(y, 1) => first(y, 1),
            Period::Half(y, _) => first(y, 7),
            Period::Quarter(y, q) => first(y, q.clamp(1, 4) * 3 - 2),
            Period::Date(d) => d,
        }
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Half(y, _) | Period::Quarter(y, _) => y,
            Period::Date(d) => d.year,
        }
    }

    /// Whether `self` lies within `other` (a quarter within its year).
    pub fn within(self, other: Period) -> bool {
        self.start() >= other.start() && self.end() <= other.end()
    }

    /// Reads a period the way planners write it, as well as the file forms:
    /// "2026", "năm 2026", "Quý I/2026", "quý 1 năm 2026", "Q1/2026", "Q1 2026",
    /// "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "H1/2026", "30/6/2026",
    /// "2026-06-30", "2026-Q1", "2026-H1".
    pub fn read(text: &str) -> Option<Period> {
        let t = text.trim();
        if let Ok(p) = t.parse::<Period>() {
            return Some(p);
        }
        if let Ok(d) = t.parse::<Date>() {
            return Some(Period::Date(d));
        }
        // words without diacritics, numbers and roman numerals as tokens
        let folded = crate::text::fold(t);
        let tokens: Vec<&str> = folded
            .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | ',' | '.' | ':'))
            .filter(|w| !w.is_empty())
            .collect();
        let year = tokens
            .iter()
            .rev()
            .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?
            .parse::<i32>()
            .ok()?;
        let rest: Vec<&str> = tokens
            .iter()
            .copied()
            .filter(|w| w.parse::<i32>().ok() != Some(year))
            .collect();
        let number = |w: &str| -> Option<u8> {
            match w {
                "1" | "i" => Some(1),
                "2" | "ii" => Some(2),
                "3" | "iii" => Some(3),
                "4" | "iv" => Some(4),
                _ => None,
            }
        };
        let words: Vec<&str> = rest
            .iter()
            .copied()
            .filter(|w| !matches!(*w, "nam" | "year" | "of"))
            .collect();
        match words.as_slice() {
            [] => Some(Period::Year(year)),
            ["quy" | "q" | "quarter", n] => number(n).map(|q| Period::Quarter(year, q)),
            [q] if q.starts_with('q') => number(&q[1..]).map(|q| Period::Quarter(year, q)),
            [h] if h.starts_with('h') => number(&h[1..])
                .filter(|h| *h <= 2)
                .map(|h| Period::Half(year, h)),
            ["6", "thang", "dau"] | ["first", "half"] => Some(Period::Half(year, 1)),
            ["6", "thang", "cuoi"] | ["second", "half"] => Some(Period::Half(year, 2)),
            _ => None,
        }
    }

    fn rank(self) -> u8 {
        match self {
            Period::Date(_) => 0,
            Period::Quarter(..) => 1,
            Period::Half(..) => 2,
            Period::Year(_) => 3,
        }
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.end(), self.rank()).cmp(&(other.end(), other.rank()))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Half(y, h) => write!(f, "{y}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Date(d) => write!(f, "{d}"),
        }
    }
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        let t = s.trim();
        let bad = || format!("not a period: {s:?} (expected 2025, 2025-H1, 2025-Q2 or 2025-06-30)");
        let year = |y: &str| -> Result<i32, String> {
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
                y.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        if let Some((y, rest)) = t.split_once('-') {
            let y = year(y)?;
            let upper = rest.to_ascii_uppercase();
            if let Some(h) = upper.strip_prefix('H') {
                return match h {
                    "1" | "2" => Ok(Period::Half(y, h.parse().unwrap_or(1))),
                    _ => Err(bad()),
                };
            }
            if let Some(q) = upper.strip_prefix('Q') {
                return match q {
                    "1" | "2" | "3" | "4" => Ok(Period::Quarter(y, q.parse().unwrap_or(1))),
                    _ => Err(bad()),
                };
            }
            return t.parse::<Date>().map(Period::Date).map_err(|_| bad());
        }
        year(t).map(Period::Year)
    }
}

macro_rules! string_serde {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
string_serde!(Date);
string_serde!(Period);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_both_ways_and_reject_impossible_days() {
        assert_eq!(
            "2020-12-31".parse::<Date>().unwrap(),
            Date::new(2020, 12, 31).unwrap()
        );
        assert_eq!(
            "31/12/2020".parse::<Date>().unwrap(),
            Date::new(2020, 12, 31).unwrap()
        );
        assert!("2021-02-29".parse::<Date>().is_err());
        assert!("2020-02-29".parse::<Date>().is_ok());
        assert!("2020-13-01".parse::<Date>().is_err());
        assert!("hôm nay".parse::<Date>().is_err());
        assert_eq!(Date::new(2021, 2, 8).unwrap().dmy(), "08/02/2021");
    }

    #[test]
    fn day_numbers_count_real_days() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
        let a = Date::new(2020, 12, 31).unwrap().day_number();
        let b = Date::new(2021, 12, 31).unwrap().day_number();
        assert_eq!(b - a, 365);
        let c = Date::new(2024, 12, 31).unwrap().day_number();
        assert_eq!(c - Date::new(2023, 12, 31).unwrap().day_number(), 366);
    }

    #[test]
    fn periods_are_read_the_way_planners_write_them() {
        let cases = [
            ("2026", Period::Year(2026)),
            ("Năm 2026", Period::Year(2026)),
            ("Quý I/2026", Period::Quarter(2026, 1)),
            ("quý IV năm 2026", Period::Quarter(2026, 4)),
            ("Quý 2/2026", Period::Quarter(2026, 2)),
            ("Q1/2026", Period::Quarter(2026, 1)),
            ("Q3 2026", Period::Quarter(2026, 3)),
            ("2026-Q1", Period::Quarter(2026, 1)),
            ("6 tháng đầu năm 2026", Period::Half(2026, 1)),
            ("6 tháng cuối năm 2026", Period::Half(2026, 2)),
            ("H1/2026", Period::Half(2026, 1)),
            ("2026-H2", Period::Half(2026, 2)),
            ("30/6/2026", Period::Date(Date::new(2026, 6, 30).unwrap())),
            ("2026-06-30", Period::Date(Date::new(2026, 6, 30).unwrap())),
        ];
        for (text, period) in cases {
            assert_eq!(Period::read(text), Some(period), "{text}");
        }
        for bad in [
            "",
            "Quý V/2026",
            "Q5/2026",
            "H3/2026",
            "tháng 13/2026",
            "31/2/2026",
            "sáu tháng",
            "2026 2027 x",
        ] {
            assert_eq!(Period::read(bad), None, "{bad}");
        }
    }

    #[test]
    fn periods_start_on_their_first_day_and_nest() {
        assert_eq!(
            Period::Quarter(2026, 3).start(),
            Date::new(2026, 7, 1).unwrap()
        );
        assert_eq!(
            Period::Half(2026, 2).start(),
            Date::new(2026, 7, 1).unwrap()
        );
        assert!(Period::Quarter(2026, 2).within(Period::Year(2026)));
        assert!(Period::Quarter(2026, 2).within(Period::Half(2026, 1)));
        assert!(!Period::Quarter(2026, 3).within(Period::Half(2026, 1)));
        assert!(!Period::Year(2026).within(Period::Quarter(2026, 4)));
    }

    #[test]
    fn periods_round_trip_and_end_on_their_last_day() {
        for s in [
            "2025",
            "2025-H1",
            "2025-H2",
            "2025-Q1",
            "2025-Q4",
            "2025-06-15",
        ] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
        assert_eq!(
            Period::Quarter(2024, 1).end(),
            Date::new(2024, 3, 31).unwrap()
        );
        assert_eq!(Period::Half(2025, 1).end(), Date::new(2025, 6, 30).unwrap());
        assert!(Period::Quarter(2025, 2) < Period::Year(2025));
        assert!(Period::Half(2025, 1) > Period::Quarter(2025, 2));
        assert!("2025-Q5".parse::<Period>().is_err());
        assert!("25".parse::<Period>().is_err());
    }
}
