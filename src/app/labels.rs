//! How model values read in the planner's language. Every word comes from the
//! message table; numbers from `numfmt`.

use crate::calc::{CountGap, Gap, Status, Warning};
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::{Comparator, Date, Direction, Figure, Indicator, Kind, Level, Period};

pub fn status(lang: Lang, s: Status) -> &'static str {
    lang.t(match s {
        Status::Met => M::StatusMet,
        Status::OnTrack => M::StatusOnTrack,
        Status::Behind => M::StatusBehind,
        Status::NoData => M::StatusNoData,
    })
}

/// A stable class name for a status (styles and tests read it).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::OnTrack => "on-track",
        Status::Behind => "behind",
        Status::NoData => "no-data",
    }
}

pub fn level(lang: Lang, l: Level) -> &'static str {
    lang.t(match l {
        Level::Province => M::LevelProvince,
        Level::District => M::LevelDistrict,
        Level::Commune => M::LevelCommune,
        Level::Agency => M::LevelAgency,
        Level::Other => M::LevelOther,
    })
}

pub const KINDS: [&str; 5] = ["percent", "count", "fraction_of_units", "ratio", "reduction"];

pub use crate::plan::kind_code;

/// A kind chosen in a list; a ratio keeps the count labels it already had.
pub fn kind_from_code(code: &str, current: &Kind) -> Kind {
    match current {
        Kind::Ratio { numerator, denominator } => crate::plan::kind_from_code(code, numerator, denominator),
        _ => crate::plan::kind_from_code(code, "", ""),
    }
}

pub fn kind(lang: Lang, code: &str) -> &'static str {
    lang.t(match code {
        "count" => M::KindCount,
        "fraction_of_units" => M::KindFraction,
        "ratio" => M::KindRatio,
        "reduction" => M::KindReduction,
        _ => M::KindPercent,
    })
}

pub const COMPARATORS: [Comparator; 6] =
    [Comparator::AtLeast, Comparator::MoreThan, Comparator::AtMost, Comparator::LessThan, Comparator::Exactly, Comparator::Between];

pub fn comparator(lang: Lang, c: Comparator) -> &'static str {
    lang.t(match c {
        Comparator::AtLeast => M::CmpAtLeast,
        Comparator::MoreThan => M::CmpMoreThan,
        Comparator::AtMost => M::CmpAtMost,
        Comparator::LessThan => M::CmpLessThan,
        Comparator::Exactly => M::CmpExactly,
        Comparator::Between => M::CmpBetween,
    })
}

/// The sign a planner writes before a target: "> 97%".
pub fn comparator_sign(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "≥",
        Comparator::MoreThan => ">",
        Comparator::AtMost => "≤",
        Comparator::LessThan => "<",
        Comparator::Exactly => "=",
        Comparator::Between => "",
    }
}

pub fn direction(lang: Lang, d: Direction) -> &'static str {
    lang.t(match d {
        Direction::Higher => M::DirHigher,
        Direction::Lower => M::DirLower,
    })
}

pub fn period(lang: Lang, p: Period) -> String {
    const ROMAN: [&str; 5] = ["", "I", "II", "III", "IV"];
    match (lang, p) {
        (Lang::Vi, Period::Year(y)) => format!("Năm {y}"),
        (Lang::En, Period::Year(y)) => format!("{y}"),
        (Lang::Vi, Period::Half(y, 1)) => format!("6 tháng đầu năm {y}"),
        (Lang::Vi, Period::Half(y, _)) => format!("6 tháng cuối năm {y}"),
        (Lang::En, Period::Half(y, h)) => format!("H{h} {y}"),
        (Lang::Vi, Period::Quarter(y, q)) => format!("Quý {}/{y}", ROMAN[usize::from(q.clamp(1, 4))]),
        (Lang::En, Period::Quarter(y, q)) => format!("Q{q} {y}"),
        (_, Period::Date(d)) => d.dmy(),
    }
}

/// Reads a period typed by the planner: 2026, 2026-H1, 2026-Q2, 30/06/2026 or 2026-06-30.
pub fn parse_period(text: &str) -> Option<Period> {
    let t = text.trim();
    t.parse::<Period>().ok().or_else(|| t.parse::<Date>().ok().map(Period::Date))
}

/// A value in the indicator's unit: "98,3%", "103 dịch vụ".
pub fn value(lang: Lang, ind: &Indicator, v: f64) -> String {
    let n = numfmt::format(v, lang, 1);
    match ind.unit_label.trim() {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

/// A figure as shown in print and summaries: "1.249/1.567 (79,7%)" or "98,3%".
pub fn figure(lang: Lang, ind: &Indicator, f: Figure) -> String {
    match (f, crate::calc::value(&ind.kind, f)) {
        (Figure::Counts { .. }, Some(v)) if ind.kind.is_percent() => {
            format!("{} ({})", numfmt::format_figure(f, lang), numfmt::percent(v, lang))
        }
        (_, Some(v)) => value(lang, ind, v),
        (_, None) => numfmt::format_figure(f, lang),
    }
}

/// The gap in the indicator's unit and, where known, in whole items.
pub fn gap(lang: Lang, ind: &Indicator, g: &Gap) -> (String, Option<String>) {
    if g.met {
        return (lang.t(M::GapMet).to_string(), None);
    }
    let main = value(lang, ind, g.remaining);
    let counts = g.counts.map(|c| match c {
        CountGap::More(n) => format!("{} {}", lang.t(M::More), numfmt::format(n as f64, lang, 0)),
        CountGap::Fewer(n) => format!("{} {}", lang.t(M::Fewer), numfmt::format(n as f64, lang, 0)),
        CountGap::Unreachable => lang.t(M::Unreachable).to_string(),
    });
    (main, counts)
}

pub fn warning(lang: Lang, w: &Warning) -> String {
    let (m, at) = match w {
        Warning::TargetWeakerThanBaseline { period, .. } => (M::WarnWeakerThanBaseline, Some(*period)),
        Warning::PercentAbove100 { .. } => (M::WarnAbove100, None),
        Warning::NumeratorAboveDenominator { .. } => (M::WarnNumeratorAbove, None),
        Warning::NegativeFigure { .. } => (M::WarnNegative, None),
        Warning::CountAboveUnits { .. } => (M::WarnUnitsAbove, None),
        Warning::WeakerThanParent { period, .. } => (M::WarnWeakerThanParent, Some(*period)),
        Warning::DeadlineOutsidePeriod { period, .. } => (M::WarnOutsidePeriod, Some(*period)),
        Warning::MissingBaseline { .. } => (M::WarnMissingBaseline, None),
    };
    match at {
        Some(p) => format!("{} ({})", lang.t(m), period(lang, p)),
        None => lang.t(m).to_string(),
    }
}

/// The name in the interface's language, falling back to Vietnamese marked
/// as not translated.
pub fn name(lang: Lang, ind: &Indicator) -> String {
    match lang {
        Lang::En if !ind.name.en.trim().is_empty() => ind.name.en.clone(),
        Lang::En if !ind.name.vi.trim().is_empty() => format!("{} ({})", ind.name.vi, lang.t(M::NotTranslated)),
        _ => ind.name.vi.clone(),
    }
}

pub fn num_error(e: numfmt::NumError) -> M {
    match e {
        numfmt::NumError::Empty => M::NumEmpty,
        numfmt::NumError::NotANumber => M::NumNotANumber,
        numfmt::NumError::TooLarge => M::NumTooLarge,
        numfmt::NumError::Negative => M::NumNegative,
    }
}

/// Why a file could not be opened, in the planner's language: the file's
/// name, what is wrong, where, and what was expected.
pub fn read_error(lang: Lang, file: &str, e: &crate::file::ReadError) -> String {
    use crate::file::{Problem, ReadError};
    use crate::i18n::fill;
    match e {
        ReadError::TooLarge { bytes } => {
            let mb = numfmt::format(*bytes as f64 / 1_048_576.0, lang, 1);
            let limit = (crate::file::MAX_FILE_BYTES / 1_048_576).to_string();
            fill(lang.t(M::ErrTooLarge), &[file, &mb, &limit])
        }
        ReadError::Syntax { line, column } => fill(lang.t(M::ErrSyntax), &[file, &line.to_string(), &column.to_string()]),
        ReadError::TooDeep => fill(lang.t(M::ErrTooDeep), &[file]),
        ReadError::NotAPlan => fill(lang.t(M::ErrNotAPlan), &[file]),
        ReadError::TooNew { version } => {
            fill(lang.t(M::ErrTooNew), &[file, &version.to_string(), &crate::file::VERSION.to_string()])
        }
        ReadError::Invalid { path, problem } => {
            let what = match problem {
                Problem::Missing(f) => fill(lang.t(M::ProbMissing), &[f]),
                Problem::Unknown(f) => fill(lang.t(M::ProbUnknown), &[f]),
                Problem::WrongType { found, expected } => fill(lang.t(M::ProbWrongType), &[found, expected]),
                Problem::NotAFigure => lang.t(M::ProbNotAFigure).to_string(),
                Problem::DuplicateId(id) => fill(lang.t(M::ProbDuplicateId), &[id]),
                Problem::PeriodReversed => lang.t(M::ProbPeriodReversed).to_string(),
                Problem::DuplicatePeriod(p) => fill(lang.t(M::ProbDuplicatePeriod), &[p]),
                Problem::Other(m) => fill(lang.t(M::ProbOther), &[m]),
            };
            fill(lang.t(M::ErrInvalid), &[file, path, &what])
        }
    }
}
