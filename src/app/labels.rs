//! How model values read in the planner's language. Every word comes from the
//! message table; numbers from `numfmt`.

use crate::calc::{CountGap, CumulativeNeed, Gap, RequiredRate, Status, Step, Warning};
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::{Comparator, Direction, Figure, Indicator, Kind, Level, Period};

pub fn status(lang: Lang, s: Status) -> &'static str {
    lang.t(match s {
        Status::Met => M::StatusMet,
        Status::OnTrack => M::StatusOnTrack,
        Status::Behind => M::StatusBehind,
        Status::NotMet => M::StatusNotMet,
        Status::NoActual => M::StatusNoActual,
        Status::NoTarget => M::StatusNoTarget,
        Status::Tracked => M::StatusTracked,
    })
}

/// A stable class name for a status (styles and tests read it).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::OnTrack => "on-track",
        Status::Behind => "behind",
        Status::NotMet => "not-met",
        Status::NoActual => "no-actual",
        Status::NoTarget => "no-target",
        Status::Tracked => "tracked",
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

pub const KINDS: [&str; 5] = [
    "percent",
    "count",
    "fraction_of_units",
    "ratio",
    "reduction",
];

pub use crate::plan::kind_code;

/// A kind chosen in a list; a ratio keeps the count labels it already had.
pub fn kind_from_code(code: &str, current: &Kind) -> Kind {
    match current {
        Kind::Ratio {
            numerator,
            denominator,
        } => crate::plan::kind_from_code(code, numerator, denominator),
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

pub const COMPARATORS: [Comparator; 6] = [
    Comparator::AtLeast,
    Comparator::MoreThan,
    Comparator::AtMost,
    Comparator::LessThan,
    Comparator::Exactly,
    Comparator::Between,
];

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

/// The kind of document: "Kế hoạch", "Quyết định".
pub fn document_type(lang: Lang, t: crate::plan::DocumentType) -> &'static str {
    use crate::plan::DocumentType as D;
    lang.t(match t {
        D::Plan => M::DocPlan,
        D::Decision => M::DocDecision,
        D::Resolution => M::DocResolution,
        D::Report => M::DocReport,
        D::Letter => M::DocLetter,
    })
}

pub fn direction(lang: Lang, d: Direction) -> &'static str {
    lang.t(match d {
        Direction::Higher => M::DirHigher,
        Direction::Lower => M::DirLower,
        Direction::Tracked => M::DirTracked,
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
        (Lang::Vi, Period::Quarter(y, q)) => {
            format!("Quý {}/{y}", ROMAN[usize::from(q.clamp(1, 4))])
        }
        (Lang::En, Period::Quarter(y, q)) => format!("Q{q} {y}"),
        (_, Period::Date(d)) => d.dmy(),
    }
}

/// Reads a period typed by the planner (`Period::read`): 2026, Quý I/2026,
/// Q1/2026, 6 tháng đầu năm 2026, 30/6/2026, and the file forms.
pub fn parse_period(text: &str) -> Option<Period> {
    Period::read(text)
}

/// A value in the indicator's unit: "98,3%", "103 dịch vụ". Every share
/// reads in percent, a share of units too (its unit label names the units
/// counted, never the percent).
pub fn value(lang: Lang, ind: &Indicator, v: f64) -> String {
    let n = numfmt::format(v, lang, 1);
    if matches!(ind.kind, Kind::FractionOfUnits | Kind::Reduction { .. }) {
        return format!("{n}%");
    }
    match ind.unit_label.trim() {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {}", unit_word(lang, u)),
    }
}

/// The catalog's unit words and those plans commonly use, with their English.
/// A plan's own words are its data and stay as written, but these read in the
/// planner's language.
const UNIT_WORDS: [(&str, &str); 43] = [
    ("xã", "communes"),
    ("huyện", "districts"),
    ("đơn vị", "units"),
    ("cơ quan", "agencies"),
    ("dịch vụ", "services"),
    ("thủ tục", "procedures"),
    ("hồ sơ", "dossiers"),
    ("hồ sơ trực tuyến", "online dossiers"),
    ("văn bản", "documents"),
    ("cuộc họp", "meetings"),
    ("giờ họp", "meeting hours"),
    ("cơ sở dữ liệu", "databases"),
    ("hệ thống", "systems"),
    ("máy tính", "computers"),
    ("người", "people"),
    ("cán bộ", "officials"),
    ("điểm", "points"),
    ("văn bản xử lý trên hệ thống", "documents handled in the system"),
    ("văn bản đi có ký số", "digitally signed outgoing documents"),
    ("văn bản điện tử", "electronic documents"),
    ("hồ sơ công việc", "work files"),
    ("hồ sơ công việc xử lý trên mạng", "work files handled online"),
    ("hồ sơ công việc ký số cá nhân", "work files with personal digital signatures"),
    ("báo cáo qua hệ thống", "reports through the system"),
    ("báo cáo định kỳ", "periodic reports"),
    ("văn bản chỉ đạo, điều hành", "directive documents"),
    ("văn bản trao đổi giữa các cơ quan", "documents exchanged between agencies"),
    ("văn bản điện tử đi", "outgoing electronic documents"),
    ("hạng", "places"),
    ("hồ sơ có phí, lệ phí", "dossiers with fees"),
    ("hồ sơ qua bưu chính", "dossiers by public post"),
    ("hồ sơ qua hệ thống", "dossiers through the system"),
    ("hồ sơ quá hạn", "overdue dossiers"),
    ("hồ sơ thanh toán trực tuyến", "dossiers paid online"),
    ("hồ sơ xử lý trực tuyến", "dossiers processed online"),
    ("hồ sơ đã giải quyết", "dossiers settled"),
    ("hồ sơ đúng hạn", "dossiers on time"),
    ("hồ sơ, kết quả được số hoá", "dossiers and results digitised"),
    ("kết quả số hoá", "digitised results"),
    ("kết quả điện tử", "electronic results"),
    ("tổng số hồ sơ", "dossiers in all"),
    ("tổng số hồ sơ, kết quả", "dossiers and results in all"),
    ("tổng số kết quả", "results in all"),
];

/// A unit word in the planner's language, where it is one of `UNIT_WORDS`.
pub fn unit_word(lang: Lang, word: &str) -> String {
    let w = word.trim();
    match lang {
        Lang::En => UNIT_WORDS
            .iter()
            .find(|(vi, _)| *vi == w)
            .map_or_else(|| w.to_string(), |(_, en)| en.to_string()),
        Lang::Vi => w.to_string(),
    }
}

/// The word for the items an indicator counts, for gaps in whole items:
/// a ratio's numerator ("hồ sơ trực tuyến"), the units of a share of units
/// ("xã"), a count's unit ("dịch vụ"), a reduction's amount. Empty for a
/// plain percent, whose counts are of whatever its denominator counts.
pub fn items_word(lang: Lang, ind: &Indicator) -> String {
    let word = match &ind.kind {
        Kind::Ratio { numerator, .. } => numerator.trim(),
        Kind::Reduction { amount } => amount.trim(),
        Kind::Count | Kind::FractionOfUnits => ind.unit_label.trim(),
        Kind::Percent => "",
    };
    if word == "%" {
        String::new()
    } else {
        unit_word(lang, word)
    }
}

/// A figure as shown in print and summaries: "1.249/1.567 (79,7%)", "98,3%",
/// "45/60 (giảm 25%)".
pub fn figure(lang: Lang, ind: &Indicator, f: Figure) -> String {
    match (f, crate::calc::value(&ind.kind, f)) {
        (Figure::Counts { .. }, Some(v)) if matches!(ind.kind, Kind::Reduction { .. }) => {
            format!(
                "{} ({})",
                numfmt::format_figure(f, lang),
                crate::i18n::fill(lang.t(M::CutShort), &[&numfmt::percent(v, lang)])
            )
        }
        (Figure::Counts { .. }, Some(v)) if ind.kind.is_percent() => {
            format!(
                "{} ({})",
                numfmt::format_figure(f, lang),
                numfmt::percent(v, lang)
            )
        }
        (_, Some(v)) => value(lang, ind, v),
        (_, None) => numfmt::format_figure(f, lang),
    }
}

/// What a figure cell shows beside the typed figure: the share counts make
/// ("= 68%"), the cut a reduction makes ("giảm 20%"), the units a share of
/// units makes ("≈ 9/15").
pub fn derived(lang: Lang, ind: &Indicator, f: Figure, units: usize) -> Option<String> {
    let v = crate::calc::value(&ind.kind, f)?;
    match (&ind.kind, f) {
        (Kind::Reduction { .. }, _) => Some(crate::i18n::fill(
            lang.t(M::CutShort),
            &[&numfmt::percent(v, lang)],
        )),
        (Kind::FractionOfUnits, Figure::Value(p)) if units > 0 => Some(format!(
            "≈ {}/{units}",
            numfmt::format(p * units as f64 / 100.0, lang, 1)
        )),
        (Kind::Count, _) => None,
        (_, Figure::Counts { .. }) => Some(format!("= {}", numfmt::percent(v, lang))),
        _ => None,
    }
}

/// What to type in a figure cell of this indicator, shown while editing.
pub fn hint(lang: Lang, ind: &Indicator, target: bool) -> String {
    let fill = crate::i18n::fill;
    let or_word = |w: &str, fallback: M| {
        if w.trim().is_empty() {
            lang.t(fallback).to_string()
        } else {
            unit_word(lang, w)
        }
    };
    let base = match &ind.kind {
        Kind::Percent => lang.t(M::HintValue).to_string(),
        Kind::Count => lang.t(M::HintCount).to_string(),
        Kind::FractionOfUnits => lang.t(M::HintUnits).to_string(),
        Kind::Ratio {
            numerator,
            denominator,
        } => fill(
            lang.t(M::HintRatio),
            &[
                &or_word(numerator, M::NumeratorLabel),
                &or_word(denominator, M::DenominatorLabel),
            ],
        ),
        Kind::Reduction { amount } => {
            fill(lang.t(M::HintReduction), &[&or_word(amount, M::ItemsWord)])
        }
    };
    if target {
        format!("{base}; {}", lang.t(M::HintTarget))
    } else {
        base
    }
}

/// A number of whole items with the word for them: "250 hồ sơ trực tuyến".
/// "thêm 250 hồ sơ" / "250 more hồ sơ": `how` is `M::More` or `M::Fewer`
/// (`M::ShortBy`, `M::OverBy` once the period is over).
fn items_change(lang: Lang, how: M, ind: &Indicator, n: u64) -> String {
    let n = numfmt::format(n as f64, lang, 0);
    crate::i18n::fill(lang.t(how), &[&n, &items_word(lang, ind)])
        .trim_end()
        .to_string()
}

/// A target as written before its figure: "> 97%", "2–5 hệ thống".
pub fn target_bound(lang: Lang, ind: &Indicator, low: f64, high: f64) -> String {
    match ind.comparator {
        Comparator::Between => format!(
            "{}–{}",
            numfmt::format(low, lang, 1),
            value(lang, ind, high)
        ),
        c => format!("{} {}", comparator_sign(c), value(lang, ind, low)),
    }
}

/// The gap in the indicator's unit and, where known, in whole items:
/// ("20%", "thêm 3 xã"). At the bound of a strict comparator the gap says
/// what is still needed ("cần > 97%"), never "0%".
pub fn gap(
    lang: Lang,
    ind: &Indicator,
    g: &Gap,
    target: Option<(f64, f64)>,
) -> (String, Option<String>) {
    if g.met {
        let met = if g.from_baseline {
            M::GapBaselineMet
        } else {
            M::GapMet
        };
        return (lang.t(met).to_string(), None);
    }
    let main = match target {
        Some((lo, _)) if g.at_bound => crate::i18n::fill(
            lang.t(M::GapNeedsMore),
            &[comparator_sign(ind.comparator), &value(lang, ind, lo)],
        ),
        _ => value(lang, ind, g.remaining),
    };
    // once the period is over, what was short (or too many), not what is still to do
    let (more, fewer) = if g.missed {
        (M::ShortBy, M::OverBy)
    } else {
        (M::More, M::Fewer)
    };
    let counts = g.counts.map(|c| match c {
        CountGap::More(n) => items_change(lang, more, ind, n),
        CountGap::Fewer(n) => items_change(lang, fewer, ind, n),
        CountGap::Unreachable => lang.t(M::Unreachable).to_string(),
    });
    let counts = counts.or_else(|| {
        g.needs_forecast.then(|| {
            let word = items_word(lang, ind);
            crate::i18n::fill(
                lang.t(M::GapNeedsForecast),
                &[if word.is_empty() {
                    lang.t(M::ItemsWord)
                } else {
                    &word
                }],
            )
        })
    });
    (main, counts)
}

/// The unit of a rate's change: percentage points for shares, the counted
/// unit for counts.
fn rate_unit(lang: Lang, ind: &Indicator) -> String {
    if ind.kind.is_percent() {
        lang.t(M::PointsWord).to_string()
    } else {
        unit_word(lang, &ind.unit_label)
    }
}

/// The rate still needed, in words: "+8,5 điểm % mỗi năm, từ 68% (30/06/2026)
/// đến 100% (31/12/2027); tương đương tăng trưởng 14,2% mỗi năm".
pub fn rate(lang: Lang, ind: &Indicator, r: &RequiredRate) -> String {
    let per = lang.t(match r.step {
        Step::Year => M::PerYear,
        Step::Quarter => M::PerQuarter,
        Step::Rest => M::InTimeLeft,
    });
    let sign = if r.per_step >= 0.0 { "+" } else { "" };
    let unit = rate_unit(lang, ind);
    let amount = numfmt::format(r.per_step, lang, 1);
    let change = if unit.is_empty() {
        format!("{sign}{amount} {per}")
    } else {
        format!("{sign}{amount} {unit} {per}")
    };
    let span = crate::i18n::fill(
        lang.t(M::RateFromTo),
        &[
            &value(lang, ind, r.from.value),
            &r.from.date.dmy(),
            &value(lang, ind, r.to.value),
            &r.to.date.dmy(),
        ],
    );
    let growth = r.growth.map(|g| {
        let gs = if g >= 0.0 { "+" } else { "" };
        crate::i18n::fill(
            lang.t(M::RateGrowth),
            &[&format!("{gs}{}", numfmt::percent(g * 100.0, lang)), per],
        )
    });
    match growth {
        Some(g) => format!("{change}, {span}; {g}"),
        None => format!("{change}, {span}"),
    }
}

/// What the rest of a period must bring, in words.
pub fn need(
    lang: Lang,
    ind: &Indicator,
    need: &CumulativeNeed,
    forecast: f64,
    target: f64,
) -> String {
    let fill = crate::i18n::fill;
    let word = match items_word(lang, ind) {
        w if w.is_empty() => lang.t(M::ItemsWord).to_string(),
        w => w,
    };
    let denominator = match &ind.kind {
        Kind::Ratio { denominator, .. } if !denominator.trim().is_empty() => {
            unit_word(lang, denominator)
        }
        _ => lang.t(M::ItemsWord).to_string(),
    };
    let forecast = numfmt::format(forecast, lang, 0);
    let t = numfmt::percent(target, lang);
    match *need {
        CumulativeNeed::Assured => lang.t(M::NeedAssured).to_string(),
        CumulativeNeed::AtLeast { items, share } => fill(
            lang.t(M::NeedAtLeast),
            &[
                &forecast,
                &denominator,
                &format!("{} {word}", numfmt::format(items as f64, lang, 0)),
                &numfmt::percent(share, lang),
                &t,
            ],
        ),
        CumulativeNeed::AtMost { items, share } => fill(
            lang.t(M::NeedAtMost),
            &[
                &forecast,
                &denominator,
                &format!("{} {word}", numfmt::format(items as f64, lang, 0)),
                &numfmt::percent(share, lang),
                &t,
            ],
        ),
        CumulativeNeed::Unreachable { best_share } => fill(
            lang.t(M::NeedUnreachable),
            &[&numfmt::percent(best_share, lang)],
        ),
    }
}

/// A warning in words; `ind` is the indicator it is about (its direction
/// decides how a target no better than the baseline reads).
pub fn warning(lang: Lang, w: &Warning, ind: Option<&Indicator>) -> String {
    let lower = ind.is_some_and(|i| i.direction == Direction::Lower);
    let (m, at) = match w {
        Warning::TargetNotAboveBaseline { period, .. } => (
            if lower {
                M::WarnNotBelowBaseline
            } else {
                M::WarnNotAboveBaseline
            },
            Some(*period),
        ),
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
/// A group's name as the planner reads it: the catalog's groups in the
/// planner's language, a group the planner named as they named it, and
/// "no group" for none.
pub fn group(lang: Lang, group: &str) -> String {
    if group.trim().is_empty() {
        return lang.t(M::NoGroup).to_string();
    }
    match lang {
        Lang::En => {
            let catalog = crate::catalog::catalog();
            let mut names = catalog.groups.iter().flat_map(|g| {
                std::iter::once((&g.vi, &g.en)).chain(g.also.iter().map(|a| (&a.vi, &a.en)))
            });
            names
                .find(|(vi, _)| vi.as_str() == group.trim())
                .map_or_else(|| group.to_string(), |(_, en)| en.clone())
        }
        Lang::Vi => group.to_string(),
    }
}

pub fn name(lang: Lang, ind: &Indicator) -> String {
    match lang {
        Lang::En if !ind.name.en.trim().is_empty() => ind.name.en.clone(),
        Lang::En if !ind.name.vi.trim().is_empty() => {
            format!("{} ({})", ind.name.vi, lang.t(M::NotTranslated))
        }
        _ => ind.name.vi.clone(),
    }
}

/// The name with the level it is set for, when the plan carries it for
/// another level than its own ("… (cấp xã)"): a province's own indicator and
/// the one it sets for its communes never read as the same row.
pub fn name_with_level(lang: Lang, ind: &Indicator) -> String {
    match ind.applies_to {
        Some(l) => format!(
            "{} ({})",
            name(lang, ind),
            crate::catalog::level_name(lang, l)
        ),
        None => name(lang, ind),
    }
}

pub fn num_error(e: numfmt::NumError) -> M {
    match e {
        numfmt::NumError::Empty => M::NumEmpty,
        numfmt::NumError::NotANumber => M::NumNotANumber,
        numfmt::NumError::TooLarge => M::NumTooLarge,
        numfmt::NumError::Negative => M::NumNegative,
        numfmt::NumError::NotAFigure => M::NumNotAFigure,
        numfmt::NumError::NeedsCounts => M::NumNeedsCounts,
        numfmt::NumError::SeveralValues => M::NumSeveralValues,
        numfmt::NumError::ZeroDenominator => M::NumZeroDenominator,
        numfmt::NumError::NumeratorAboveDenominator => M::NumAboveDenominator,
        numfmt::NumError::AboveHundred => M::NumAboveHundred,
        numfmt::NumError::AboveUnits => M::NumAboveUnits,
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
        ReadError::Syntax { line, column } => fill(
            lang.t(M::ErrSyntax),
            &[file, &line.to_string(), &column.to_string()],
        ),
        ReadError::TooDeep => fill(lang.t(M::ErrTooDeep), &[file]),
        ReadError::NotAPlan => fill(lang.t(M::ErrNotAPlan), &[file]),
        ReadError::Workbook => fill(lang.t(M::ErrWorkbook), &[file]),
        ReadError::WorkbookNotNow => fill(lang.t(M::ErrWorkbookNotNow), &[file]),
        ReadError::TooNew { version } => fill(
            lang.t(M::ErrTooNew),
            &[
                file,
                &version.to_string(),
                &crate::file::VERSION.to_string(),
            ],
        ),
        ReadError::Invalid { path, problem } => {
            let what = match problem {
                Problem::Missing(f) => fill(lang.t(M::ProbMissing), &[f]),
                Problem::Unknown(f) => fill(lang.t(M::ProbUnknown), &[f]),
                Problem::WrongType { found, expected } => {
                    fill(lang.t(M::ProbWrongType), &[found, expected])
                }
                Problem::NotAFigure => lang.t(M::ProbNotAFigure).to_string(),
                Problem::DuplicateId(id) => fill(lang.t(M::ProbDuplicateId), &[id]),
                Problem::PeriodReversed => lang.t(M::ProbPeriodReversed).to_string(),
                Problem::DuplicatePeriod(p) => fill(lang.t(M::ProbDuplicatePeriod), &[p]),
                Problem::YearOutOfRange(y) => {
                    fill(lang.t(M::ProbYearOutOfRange), &[&y.to_string()])
                }
                Problem::PeriodTooLong(n) => fill(lang.t(M::ProbPeriodTooLong), &[&n.to_string()]),
                Problem::NumberOutOfRange => lang.t(M::ProbNumberOutOfRange).to_string(),
                Problem::Other(m) => fill(lang.t(M::ProbOther), &[m]),
            };
            fill(lang.t(M::ErrInvalid), &[file, path, &what])
        }
    }
}

/// Why a file (or a plan inside a backup, or a file collected against it) could not be opened.
pub fn import_error(lang: Lang, e: &crate::file::read::ImportError) -> String {
    let name = match e.item {
        Some(crate::file::bundle::Place {
            plan,
            collected: None,
        }) => crate::i18n::fill(lang.t(M::BackupItem), &[&e.file, &plan.to_string()]),
        Some(crate::file::bundle::Place {
            plan,
            collected: Some(n),
        }) => crate::i18n::fill(
            lang.t(M::BackupCollected),
            &[&e.file, &plan.to_string(), &n.to_string()],
        ),
        None => e.file.clone(),
    };
    match e.error {
        crate::file::ReadError::TooLarge { bytes } if bytes > crate::file::bundle::MAX_BYTES => {
            let mb = crate::numfmt::format(bytes as f64 / 1_048_576.0, lang, 1);
            crate::i18n::fill(
                lang.t(M::ErrBundleTooLarge),
                &[&name, &mb, &(crate::file::bundle::MAX_BYTES / 1_048_576).to_string()],
            )
        }
        ref error => read_error(lang, &name, error),
    }
}

/// The part of an indicator's definition that differs between units' files.
pub fn definition_word(lang: Lang, what: &str) -> &'static str {
    lang.t(match what {
        "kind" => M::FieldKind,
        "direction" => M::FieldDirection,
        "comparator" => M::FieldComparator,
        _ => M::FieldUnitLabel,
    })
}

/// The line a results report starts with: "Năm 2026: đạt 9/24 chỉ tiêu. 2
/// chỉ tiêu không đạt. 13 chỉ tiêu chưa có số liệu thực hiện." (those not met
/// and those without a figure said beside the count, never hidden in it).
pub fn report_summary(lang: Lang, report: &crate::calc::Report, period_name: &str) -> String {
    if report.judged == 0 {
        return crate::i18n::fill(lang.t(M::ReportNothingJudged), &[period_name]);
    }
    let met = crate::i18n::fill(
        lang.t(M::ReportSummary),
        &[
            period_name,
            &report.met.to_string(),
            &report.judged.to_string(),
        ],
    );
    let mut line = met;
    for (n, m) in [(report.not_met, M::ReportNotMet), (report.no_actual, M::ReportNoActual)] {
        if n > 0 {
            line.push(' ');
            line.push_str(&crate::i18n::fill(lang.t(m), &[&n.to_string()]));
        }
    }
    line
}

/// A group's tally in a results report: "đạt 2/3", or that none of its
/// indicators has a target for the period.
pub fn group_tally(lang: Lang, group: &crate::calc::ReportGroup) -> String {
    if group.judged == 0 {
        return lang.t(M::ReportNoneJudged).to_string();
    }
    crate::i18n::fill(
        lang.t(M::ReportMet),
        &[&group.met.to_string(), &group.judged.to_string()],
    )
}

/// A figure of a total that could not be formed, for the indicator named.
pub fn skipped_named(lang: Lang, s: &crate::calc::Skipped, name: &str) -> String {
    // which figure: the baseline, or a period's target or actual
    let when = match s.period {
        Some(p) => {
            // inside a sentence: "mục tiêu năm 2026", "thực hiện quý I/2026"
            let named = period(lang, p);
            let named = match (lang, named.chars().next()) {
                (Lang::Vi, Some(c)) => c.to_lowercase().chain(named.chars().skip(1)).collect(),
                _ => named,
            };
            crate::i18n::fill(
                lang.t(if s.actual { M::ActualOf } else { M::TargetOf }),
                &[&named],
            )
        }
        None => lang.t(M::BaselineWord).to_string(),
    };
    let m = match s.reason {
        crate::calc::SkipReason::PercentWithoutCounts => M::RollUpNoCounts,
        crate::calc::SkipReason::MissingInSomeUnits => M::RollUpMissing,
        crate::calc::SkipReason::NotAdditive => M::RollUpNotAdditive,
        crate::calc::SkipReason::Impossible => M::RollUpImpossible,
    };
    crate::i18n::fill(lang.t(m), &[name, &when])
}

/// `skipped_named`, the indicator named by its key.
pub fn skipped(lang: Lang, s: &crate::calc::Skipped) -> String {
    skipped_named(lang, s, &s.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_says_what_has_no_figure_and_never_counts_out_of_nothing() {
        use crate::plan::{Date, Figure, Indicator, Kind, Period, Plan, Unit};
        let y = Period::Year(2026);
        let mut plan = Plan::new("p", "p", Unit::default(), 2026);
        let mut met = Indicator::new("a", "a", Kind::Count);
        met.set_target(y, Some(Figure::Value(3.0)));
        met.set_actual(y, Some(Figure::Value(4.0)));
        let mut silent = Indicator::new("b", "b", Kind::Count);
        silent.set_target(y, Some(Figure::Value(3.0)));
        let mut tracked_only = Indicator::new("c", "c", Kind::Count);
        tracked_only.group = "Xã hội số".into();
        let mut missed = Indicator::new("d", "d", Kind::Count);
        missed.set_target(y, Some(Figure::Value(3.0)));
        missed.set_actual(y, Some(Figure::Value(2.0)));
        plan.indicators = vec![met.into(), silent.into(), tracked_only.into(), missed.into()];
        let basis = crate::calc::Basis::of(&plan, Date::start_of_year(2027));
        let report = crate::calc::results(&plan, basis, y);
        assert_eq!(
            report_summary(Lang::Vi, &report, "Năm 2026"),
            "Năm 2026: đạt 1/3 chỉ tiêu. 1 chỉ tiêu không đạt. 1 chỉ tiêu chưa có số liệu thực hiện."
        );
        assert_eq!(
            report_summary(Lang::En, &report, "Year 2026"),
            "Year 2026: 1 of 3 targets met. 1 not met. 1 have no actual yet."
        );
        let social = report
            .groups
            .iter()
            .find(|g| g.name == "Xã hội số")
            .unwrap();
        assert_eq!(
            group_tally(Lang::Vi, social),
            "chưa có chỉ tiêu đặt mục tiêu cho kỳ này"
        );
        plan.indicators.truncate(0);
        let empty = crate::calc::results(&plan, basis, y);
        assert_eq!(
            report_summary(Lang::Vi, &empty, "Năm 2026"),
            "Năm 2026: chưa có chỉ tiêu nào đặt mục tiêu cho kỳ này."
        );
    }

    #[test]
    fn groups_read_in_english_under_the_names_real_plans_give_them() {
        assert_eq!(
            group(Lang::En, "Văn bản điện tử và điều hành"),
            "Electronic documents and operations"
        );
        // the sample plan's own names for catalog groups
        assert_eq!(
            group(Lang::En, "Thư điện tử và chữ ký số"),
            "Official email and digital signatures"
        );
        assert_eq!(
            group(Lang::En, "Dịch vụ công trực tuyến và một cửa"),
            "Online public services and the one-stop office"
        );
        // the catalog's unit words read in English; a plan's own stay as written
        assert_eq!(unit_word(Lang::En, "xã"), "communes");
        assert_eq!(unit_word(Lang::En, " dịch vụ "), "services");
        assert_eq!(unit_word(Lang::En, "trạm BTS"), "trạm BTS");
        assert_eq!(unit_word(Lang::Vi, "xã"), "xã");
        // a planner's own group stays as written; Vietnamese is never changed
        assert_eq!(group(Lang::En, "Nhóm riêng"), "Nhóm riêng");
        assert_eq!(
            group(Lang::Vi, "Thư điện tử và chữ ký số"),
            "Thư điện tử và chữ ký số"
        );
    }

    #[test]
    fn a_catalog_group_reads_in_the_planners_language_and_a_planners_own_as_named() {
        assert_eq!(group(Lang::En, "Chính quyền số"), "Digital government");
        assert_eq!(group(Lang::Vi, "Chính quyền số"), "Chính quyền số");
        assert_eq!(
            group(Lang::En, "Nhóm riêng của huyện"),
            "Nhóm riêng của huyện"
        );
        assert_eq!(group(Lang::En, " "), Lang::En.t(M::NoGroup));
    }
}
