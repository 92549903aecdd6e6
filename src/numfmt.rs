//! Numbers the way planners write them. Vietnamese groups thousands with a dot
//! and writes decimals with a comma (`1.567`, `98,3%`); English the reverse
//! (`1,567`, `98.3%`). Both are read in either interface; only a lone
//! separator followed by exactly three digits (`1.567`, `1,567`) is ambiguous,
//! and that is read the interface's way and reported so the UI can show it back.

use crate::i18n::Lang;
use crate::plan::{Comparator, Figure, Kind};

/// Why a typed number was refused; the UI turns it into a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumError {
    Empty,
    /// letters, two decimal marks, misplaced grouping …
    NotANumber,
    /// too large to be a planner's figure, or infinite
    TooLarge,
    /// below zero where only counts or shares make sense
    Negative,
    /// a comparator or a range ("trên 80", "2–5") where only a figure can stand
    NotAFigure,
    /// a plain number in a "k of n units" cell when n is not known: "12/15" or "80%" is needed
    NeedsCounts,
    /// several cells or lines pasted into one
    SeveralValues,
    /// "3/0": a share of nothing
    ZeroDenominator,
    /// "50/45" where the figure is a share: more handled than there are
    NumeratorAboveDenominator,
    /// "120" or "120%" where the figure is a share
    AboveHundred,
    /// "16" where the figure is a number of the plan's 15 sub-units
    AboveUnits,
}

/// A number read from text, and whether the reading depended on the language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub value: f64,
    pub ambiguous: bool,
}

/// The largest magnitude accepted: far above any count in a plan, small enough
/// that sums of thousands of units stay exact in f64.
pub const MAX_ABS: f64 = 1e12;

/// How the numbers of a block of cells are written, where any settles it:
/// "98,3" and "1.234.567" are Vietnamese, "98.3" and "1,234,567" English,
/// "1.567" either. The way most numbers that settle it go; `None` when none
/// does or they are split evenly (the interface's language then decides).
pub fn block_style<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
    let (mut vi, mut en) = (0, 0);
    for cell in cells {
        for token in cell.split(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == ',')) {
            let token = token.trim_matches(|ch: char| ch == '.' || ch == ',');
            let (dots, commas) = (token.matches('.').count(), token.matches(',').count());
            let vote = match (dots, commas) {
                (0, 0) => None,
                (d, c) if d > 0 && c > 0 => Some(token.rfind(',') > token.rfind('.')),
                (d, 0) if d > 1 => Some(true),
                (0, c) if c > 1 => Some(false),
                _ => {
                    let sep = if dots == 1 { '.' } else { ',' };
                    let frac = token.split_once(sep).map(|(_, f)| f.len()).unwrap_or(0);
                    (frac != 3).then_some(sep == ',')
                }
            };
            match vote {
                Some(true) => vi += 1,
                Some(false) => en += 1,
                None => {}
            }
        }
    }
    match vi.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::Vi),
        std::cmp::Ordering::Less => Some(Lang::En),
        std::cmp::Ordering::Equal => None,
    }
}

/// Reads a number typed by a planner. A trailing `%` and spaces (also the
/// no-break spaces Excel pastes) are allowed; a leading `-` is kept and left to
/// the caller (see `parse_non_negative`).
pub fn parse(text: &str, lang: Lang) -> Result<Reading, NumError> {
    let mut s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.to_string();
    }
    if s.is_empty() {
        return Err(NumError::Empty);
    }
    let (negative, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        Some(rest) => (true, rest.to_string()),
        None => (false, s.strip_prefix('+').unwrap_or(&s).to_string()),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumError::NotANumber);
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (group, decimal, ambiguous) = match (dots, commas) {
        (0, 0) => (None, None, false),
        (_, 0) if dots > 1 => (Some('.'), None, false),
        (0, _) if commas > 1 => (Some(','), None, false),
        (1, 0) | (0, 1) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let (int, frac) = body.split_once(sep).unwrap_or((&body, ""));
            let could_group =
                frac.len() == 3 && !int.is_empty() && int.len() <= 3 && !int.starts_with('0');
            if could_group {
                // 1.567 / 1,567: the interface's language decides
                let lang_group = match lang {
                    Lang::Vi => '.',
                    Lang::En => ',',
                };
                if sep == lang_group {
                    (Some(sep), None, true)
                } else {
                    (None, Some(sep), true)
                }
            } else {
                (None, Some(sep), false)
            }
        }
        _ => {
            // both marks: the last one is the decimal mark, and it appears once
            let last = body
                .rfind(['.', ','])
                .map(|i| body.as_bytes()[i] as char)
                .unwrap_or('.');
            let other = if last == '.' { ',' } else { '.' };
            if body.matches(last).count() != 1 {
                return Err(NumError::NotANumber);
            }
            (Some(other), Some(last), false)
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => body
            .split_once(d)
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or_default(),
        None => (body.clone(), String::new()),
    };
    if decimal.is_some() && frac_part.is_empty() {
        return Err(NumError::NotANumber);
    }
    let digits = match group {
        Some(g) => {
            let parts: Vec<&str> = int_part.split(g).collect();
            let first_ok = !parts[0].is_empty() && parts[0].len() <= 3;
            if !first_ok || parts[1..].iter().any(|p| p.len() != 3) {
                return Err(NumError::NotANumber);
            }
            parts.concat()
        }
        None => int_part,
    };
    if digits.is_empty() {
        return Err(NumError::NotANumber);
    }
    let normal = if frac_part.is_empty() {
        digits
    } else {
        format!("{digits}.{frac_part}")
    };
    let value: f64 = normal.parse().map_err(|_| NumError::NotANumber)?;
    if !value.is_finite() || value > MAX_ABS {
        return Err(NumError::TooLarge);
    }
    Ok(Reading {
        value: if negative { -value } else { value },
        ambiguous,
    })
}

/// `parse` for figures that cannot be negative (counts, shares).
pub fn parse_non_negative(text: &str, lang: Lang) -> Result<Reading, NumError> {
    let r = parse(text, lang)?;
    if r.value < 0.0 {
        return Err(NumError::Negative);
    }
    Ok(r)
}

/// Reads a figure cell: a value (`68`, `98,3%`) or counts written `k/n`
/// (`15/15`, `1.249 / 1.567`). Empty text means no figure. Negative numbers
/// are refused; whether a share above 100% makes sense is for the warnings.
pub fn parse_figure(text: &str, lang: Lang) -> Result<(Option<Figure>, bool), NumError> {
    if text.trim().is_empty() {
        return Ok((None, false));
    }
    match text.split_once('/') {
        Some((n, d)) => {
            let n = parse_non_negative(n, lang)?;
            let d = parse_non_negative(d, lang)?;
            Ok((
                Some(Figure::Counts {
                    numerator: n.value,
                    denominator: d.value,
                }),
                n.ambiguous || d.ambiguous,
            ))
        }
        None => {
            let v = parse_non_negative(text, lang)?;
            Ok((Some(Figure::Value(v.value)), v.ambiguous))
        }
    }
}

/// What a figure cell holds once read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellEntry {
    /// `None`: the cell was emptied
    pub figure: Option<Figure>,
    /// a comparator typed before a target ("trên 80", "≥ 98") or a range ("2–5")
    pub comparator: Option<Comparator>,
    /// the upper bound of a range
    pub upper: Option<f64>,
    /// the reading depended on the language (`1.567`)
    pub ambiguous: bool,
}

/// Comparators written in words or signs before (or around) a target, as
/// planners write them; matched on text folded to ASCII lower case.
const PREFIXES: [(&str, Comparator); 26] = [
    ("≥", Comparator::AtLeast),
    (">=", Comparator::AtLeast),
    ("=>", Comparator::AtLeast),
    ("≤", Comparator::AtMost),
    ("<=", Comparator::AtMost),
    ("=<", Comparator::AtMost),
    (">", Comparator::MoreThan),
    ("<", Comparator::LessThan),
    ("=", Comparator::Exactly),
    ("toi thieu", Comparator::AtLeast),
    ("it nhat", Comparator::AtLeast),
    ("khong duoi", Comparator::AtLeast),
    ("khong it hon", Comparator::AtLeast),
    ("at least", Comparator::AtLeast),
    ("tren", Comparator::MoreThan),
    ("lon hon", Comparator::MoreThan),
    ("cao hon", Comparator::MoreThan),
    ("more than", Comparator::MoreThan),
    ("over", Comparator::MoreThan),
    ("toi da", Comparator::AtMost),
    ("khong vuot qua", Comparator::AtMost),
    ("khong qua", Comparator::AtMost),
    ("at most", Comparator::AtMost),
    ("duoi", Comparator::LessThan),
    ("nho hon", Comparator::LessThan),
    ("less than", Comparator::LessThan),
];

/// Whether pasted or typed text holds several cells or lines (a column copied
/// from a spreadsheet): one cell never takes them as one number.
pub fn is_block(text: &str) -> bool {
    text.trim_end_matches(['\r', '\n'])
        .contains(['\n', '\r', '\t'])
}

/// Reads a figure cell of an indicator: a value (`68`, `98,3%`) or counts
/// (`15/15`). In a target cell (`target`), a comparator may stand before the
/// figure ("trên 80", ">80", "≥ 98", "tối thiểu 90", "đạt từ 40% trở lên",
/// "dưới 5", "không quá 5") and a range may be given ("2–5", "2-5", "từ 2
/// đến 5"); elsewhere they are refused. In a "k of n units" cell a percent
/// ("60%") is a share of the units, and a plain number is k of the plan's
/// `units` (refused when that n is unknown).
pub fn read_cell(
    text: &str,
    lang: Lang,
    kind: &Kind,
    units: usize,
    target: bool,
) -> Result<CellEntry, NumError> {
    if is_block(text) {
        return Err(NumError::SeveralValues);
    }
    let empty = CellEntry {
        figure: None,
        comparator: None,
        upper: None,
        ambiguous: false,
    };
    if text.trim().is_empty() {
        return Ok(empty);
    }
    let folded = crate::text::fold(text.trim());
    let mut body = folded
        .strip_prefix("dat ")
        .unwrap_or(&folded)
        .trim()
        .to_string();
    let mut comparator = None;
    // "từ 40% trở lên" / "40% trở lên" / "từ 5 trở xuống"
    for (suffix, c) in [
        ("tro len", Comparator::AtLeast),
        ("tro xuong", Comparator::AtMost),
    ] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest
                .trim()
                .strip_prefix("tu ")
                .unwrap_or(rest.trim())
                .trim()
                .to_string();
            comparator = Some(c);
        }
    }
    if comparator.is_none() {
        if let Some((p, c)) = PREFIXES.iter().find(|(p, _)| body.starts_with(p)) {
            body = body[p.len()..].trim().to_string();
            comparator = Some(*c);
        }
    }
    // a range: "2–5", "2 - 5", "từ 2 đến 5", "2 to 5"
    if comparator.is_none() {
        let plain = body
            .strip_prefix("tu ")
            .or_else(|| body.strip_prefix("from "))
            .unwrap_or(&body);
        let split = [" den ", " to ", "–", "—", "-"].iter().find_map(|sep| {
            plain
                .split_once(sep)
                .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
        });
        if let Some((lo, hi)) = split {
            if !target {
                return Err(NumError::NotAFigure);
            }
            let lo = parse_non_negative(lo, lang)?;
            let hi = parse_non_negative(hi, lang)?;
            let (lo_v, hi_v) = if lo.value <= hi.value {
                (lo.value, hi.value)
            } else {
                (hi.value, lo.value)
            };
            return Ok(CellEntry {
                figure: Some(Figure::Value(lo_v)),
                comparator: Some(Comparator::Between),
                upper: Some(hi_v),
                ambiguous: lo.ambiguous || hi.ambiguous,
            });
        }
    }
    if comparator.is_some() && !target {
        return Err(NumError::NotAFigure);
    }
    if body.is_empty() {
        return Err(NumError::Empty);
    }
    if body.chars().any(|c| c.is_alphabetic()) {
        return Err(NumError::NotANumber);
    }
    let (figure, ambiguous) = parse_figure(&body, lang)?;
    let figure = match (kind, figure) {
        (Kind::FractionOfUnits, Some(Figure::Value(v))) if !body.contains('%') => {
            if units == 0 {
                return Err(NumError::NeedsCounts);
            }
            Some(Figure::Counts {
                numerator: v,
                denominator: units as f64,
            })
        }
        (_, f) => f,
    };
    Ok(CellEntry {
        figure,
        comparator,
        upper: None,
        ambiguous,
    })
}

/// A cell the planner types or pastes into, read as `read_cell` reads it, and
/// refused if no plan can hold it. (A table imported from a file is read with
/// `read_cell` alone: what does not fit there is reported by the plan's
/// warnings, where the planner sees the whole row.)
pub fn read_entry(
    text: &str,
    lang: Lang,
    kind: &Kind,
    units: usize,
    target: bool,
) -> Result<CellEntry, NumError> {
    let entry = read_cell(text, lang, kind, units, target)?;
    if let Some(f) = entry.figure {
        // "16" in a "k of 15 units" cell: more units than the plan has
        if let (
            Kind::FractionOfUnits,
            Figure::Counts {
                numerator,
                denominator,
            },
        ) = (kind, f)
        {
            if !text.contains('/') && !text.contains('%') && numerator > denominator {
                return Err(NumError::AboveUnits);
            }
        }
        makes_sense(kind, f)?;
    }
    // the top of a range is a figure too
    if let Some(upper) = entry.upper {
        makes_sense(kind, Figure::Value(upper))?;
    }
    Ok(entry)
}

/// Refuses a figure no plan can hold: a share of nothing, more handled than
/// there are, or a share above the whole. A count, and a reduction's pair (the
/// amount now may exceed the amount before), may be any size.
fn makes_sense(kind: &Kind, figure: Figure) -> Result<(), NumError> {
    let share = !matches!(kind, Kind::Count | Kind::Reduction { .. });
    match figure {
        Figure::Counts { denominator, .. } if denominator <= 0.0 => Err(NumError::ZeroDenominator),
        Figure::Counts {
            numerator,
            denominator,
        } if share && numerator > denominator => Err(NumError::NumeratorAboveDenominator),
        Figure::Value(v) if share && v > 100.0 => Err(NumError::AboveHundred),
        _ => Ok(()),
    }
}

/// A figure as the planner typed it: `1.249/1.567` or `98,3`.
pub fn format_figure(figure: Figure, lang: Lang) -> String {
    match figure {
        Figure::Value(v) => format(v, lang, 2),
        Figure::Counts {
            numerator,
            denominator,
        } => format!(
            "{}/{}",
            format(numerator, lang, 2),
            format(denominator, lang, 2)
        ),
    }
}

/// Formats with at most `max_decimals` decimals, trailing zeros dropped, and
/// the language's separators: `format(1567.0, Vi, 1)` is `1.567`.
pub fn format(value: f64, lang: Lang, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let fixed = format!("{:.*}", max_decimals, value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    let is_zero = out.chars().all(|c| c == '0' || c == group || c == decimal);
    if value < 0.0 && !is_zero {
        out.insert(0, '-');
    }
    out
}

/// A share as planners write it: `98,3%` / `98.3%`.
pub fn percent(value: f64, lang: Lang) -> String {
    format!("{}%", format(value, lang, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Vi};

    fn v(s: &str, l: Lang) -> f64 {
        parse(s, l).unwrap().value
    }

    #[test]
    fn reads_vietnamese_and_english_forms() {
        assert_eq!(v("98,3", Vi), 98.3);
        assert_eq!(v("98.3", Vi), 98.3);
        assert_eq!(v("98,3%", En), 98.3);
        assert_eq!(v("1.234.567", En), 1_234_567.0);
        assert_eq!(v("1,234,567", Vi), 1_234_567.0);
        assert_eq!(v("1.234,5", En), 1234.5);
        assert_eq!(v("1,234.5", Vi), 1234.5);
        assert_eq!(v(" 15 ", Vi), 15.0);
        assert_eq!(v("0,567", Vi), 0.567);
        assert_eq!(v("1 567", Vi), 1567.0);
        assert_eq!(v("-3", Vi), -3.0);
    }

    #[test]
    fn a_lone_three_digit_group_is_read_by_the_language_and_reported() {
        assert_eq!(
            parse("1.567", Vi).unwrap(),
            Reading {
                value: 1567.0,
                ambiguous: true
            }
        );
        assert_eq!(
            parse("1.567", En).unwrap(),
            Reading {
                value: 1.567,
                ambiguous: true
            }
        );
        assert_eq!(
            parse("1,567", En).unwrap(),
            Reading {
                value: 1567.0,
                ambiguous: true
            }
        );
        assert_eq!(
            parse("1,567", Vi).unwrap(),
            Reading {
                value: 1.567,
                ambiguous: true
            }
        );
        assert!(!parse("98,3", Vi).unwrap().ambiguous);
        assert!(!parse("1567", Vi).unwrap().ambiguous);
    }

    #[test]
    fn garbage_gives_a_reason() {
        assert_eq!(parse("", Vi), Err(NumError::Empty));
        assert_eq!(parse("  % ", Vi), Err(NumError::Empty));
        assert_eq!(parse("abc", Vi), Err(NumError::NotANumber));
        assert_eq!(parse("NaN", En), Err(NumError::NotANumber));
        assert_eq!(parse("inf", En), Err(NumError::NotANumber));
        assert_eq!(parse("1e5", En), Err(NumError::NotANumber));
        assert_eq!(parse("1,2.3,4", En), Err(NumError::NotANumber));
        assert_eq!(parse("12.34.5", En), Err(NumError::NotANumber));
        assert_eq!(parse("5,", Vi), Err(NumError::NotANumber));
        assert_eq!(parse("--5", Vi), Err(NumError::NotANumber));
        assert_eq!(parse("99999999999999999", Vi), Err(NumError::TooLarge));
        assert_eq!(parse_non_negative("-1", Vi), Err(NumError::Negative));
    }

    #[test]
    fn figure_cells_take_values_and_counts() {
        assert_eq!(
            parse_figure("15/15", Vi),
            Ok((
                Some(Figure::Counts {
                    numerator: 15.0,
                    denominator: 15.0
                }),
                false
            ))
        );
        assert_eq!(
            parse_figure(" 1.249 / 1.567 ", Vi).unwrap().0,
            Some(Figure::Counts {
                numerator: 1249.0,
                denominator: 1567.0
            })
        );
        assert_eq!(
            parse_figure("98,3%", Vi),
            Ok((Some(Figure::Value(98.3)), false))
        );
        assert_eq!(parse_figure("", Vi), Ok((None, false)));
        assert_eq!(parse_figure("-4", Vi), Err(NumError::Negative));
        assert_eq!(parse_figure("3/", Vi), Err(NumError::Empty));
        assert_eq!(parse_figure("a/b", Vi), Err(NumError::NotANumber));
        assert_eq!(
            format_figure(
                Figure::Counts {
                    numerator: 1249.0,
                    denominator: 1567.0
                },
                Vi
            ),
            "1.249/1.567"
        );
        assert_eq!(format_figure(Figure::Value(98.25), En), "98.25");
    }

    fn cell(text: &str, target: bool) -> Result<CellEntry, NumError> {
        read_cell(text, Vi, &Kind::Percent, 0, target)
    }

    #[test]
    fn target_cells_take_comparators_and_ranges_as_planners_write_them() {
        let with = |text: &str| {
            let e = cell(text, true).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            (e.figure, e.comparator, e.upper)
        };
        let v = |x: f64| Some(Figure::Value(x));
        assert_eq!(with("trên 80"), (v(80.0), Some(Comparator::MoreThan), None));
        assert_eq!(
            with("Trên 97%"),
            (v(97.0), Some(Comparator::MoreThan), None)
        );
        assert_eq!(with(">80"), (v(80.0), Some(Comparator::MoreThan), None));
        assert_eq!(with("≥ 98"), (v(98.0), Some(Comparator::AtLeast), None));
        assert_eq!(with(">= 98,5"), (v(98.5), Some(Comparator::AtLeast), None));
        assert_eq!(
            with("tối thiểu 90"),
            (v(90.0), Some(Comparator::AtLeast), None)
        );
        assert_eq!(
            with("đạt từ 40% trở lên"),
            (v(40.0), Some(Comparator::AtLeast), None)
        );
        assert_eq!(with("dưới 5"), (v(5.0), Some(Comparator::LessThan), None));
        assert_eq!(
            with("không quá 5"),
            (v(5.0), Some(Comparator::AtMost), None)
        );
        assert_eq!(with("≤2"), (v(2.0), Some(Comparator::AtMost), None));
        assert_eq!(with("2–5"), (v(2.0), Some(Comparator::Between), Some(5.0)));
        assert_eq!(with("2-5"), (v(2.0), Some(Comparator::Between), Some(5.0)));
        assert_eq!(
            with("từ 2 đến 5"),
            (v(2.0), Some(Comparator::Between), Some(5.0))
        );
        assert_eq!(with("80"), (v(80.0), None, None));
        assert_eq!(
            with("15/15"),
            (
                Some(Figure::Counts {
                    numerator: 15.0,
                    denominator: 15.0
                }),
                None,
                None
            )
        );
        // the same text in a baseline or actual cell is not a figure
        assert_eq!(cell("≥98", false), Err(NumError::NotAFigure));
        assert_eq!(cell("2–5", false), Err(NumError::NotAFigure));
        assert_eq!(cell("trên", true), Err(NumError::Empty));
        assert_eq!(cell("khoảng 80", true), Err(NumError::NotANumber));
        assert_eq!(cell("9O", true), Err(NumError::NotANumber));
    }

    #[test]
    fn a_share_of_units_is_a_share_of_the_plans_units() {
        let units = Kind::FractionOfUnits;
        assert_eq!(
            read_cell("60%", Vi, &units, 15, false).unwrap().figure,
            Some(Figure::Value(60.0))
        );
        assert_eq!(
            read_cell("9", Vi, &units, 15, false).unwrap().figure,
            Some(Figure::Counts {
                numerator: 9.0,
                denominator: 15.0
            })
        );
        assert_eq!(
            read_cell("9", Vi, &units, 0, false),
            Err(NumError::NeedsCounts)
        );
        assert_eq!(
            read_cell("12/15", Vi, &units, 0, false).unwrap().figure,
            Some(Figure::Counts {
                numerator: 12.0,
                denominator: 15.0
            })
        );
    }

    #[test]
    fn a_pasted_column_is_never_one_number() {
        assert!(is_block("85\n90\n100"));
        assert!(is_block("85\t90"));
        assert!(!is_block("85\n"), "a copied cell ends with a line break");
        assert_eq!(cell("85\n90\n100", true), Err(NumError::SeveralValues));
    }

    #[test]
    fn formats_the_planners_way() {
        assert_eq!(format(1567.0, Vi, 1), "1.567");
        assert_eq!(format(1567.0, En, 1), "1,567");
        assert_eq!(percent(98.3, Vi), "98,3%");
        assert_eq!(percent(98.3, En), "98.3%");
        assert_eq!(format(1_234_567.25, Vi, 2), "1.234.567,25");
        assert_eq!(format(100.0, Vi, 1), "100");
        assert_eq!(format(-0.01, Vi, 1), "0");
        assert_eq!(format(-12.5, En, 1), "-12.5");
        assert_eq!(format(f64::NAN, En, 1), "—");
    }

    #[test]
    fn a_typed_figure_no_plan_can_hold_is_refused() {
        let ratio = Kind::Ratio {
            numerator: "hồ sơ trực tuyến".into(),
            denominator: "hồ sơ".into(),
        };
        let units = Kind::FractionOfUnits;
        let cut = Kind::Reduction {
            amount: "phút".into(),
        };
        let entry = |t: &str, k: &Kind| read_entry(t, Vi, k, 15, false).map(|e| e.figure);
        assert_eq!(entry("3/0", &ratio), Err(NumError::ZeroDenominator));
        assert_eq!(
            entry("50/45", &ratio),
            Err(NumError::NumeratorAboveDenominator)
        );
        assert_eq!(entry("16", &units), Err(NumError::AboveUnits));
        assert_eq!(
            entry("16/15", &units),
            Err(NumError::NumeratorAboveDenominator)
        );
        assert_eq!(
            read_entry("90–120", Vi, &Kind::Percent, 0, true).map(|e| e.figure),
            Err(NumError::AboveHundred)
        );
        assert!(read_entry("90–100", Vi, &Kind::Percent, 0, true).is_ok());
        assert_eq!(entry("120", &Kind::Percent), Err(NumError::AboveHundred));
        assert_eq!(
            read_entry("trên 100,5", Vi, &Kind::Percent, 0, true).map(|e| e.figure),
            Err(NumError::AboveHundred)
        );
        // what can be: a whole share, a count of any size, a meeting longer now than before
        assert_eq!(
            entry("45/45", &ratio),
            Ok(Some(Figure::Counts {
                numerator: 45.0,
                denominator: 45.0
            }))
        );
        assert_eq!(entry("100", &Kind::Percent), Ok(Some(Figure::Value(100.0))));
        assert_eq!(
            entry("1.567", &Kind::Count),
            Ok(Some(Figure::Value(1567.0)))
        );
        assert_eq!(
            entry("60/45", &cut),
            Ok(Some(Figure::Counts {
                numerator: 60.0,
                denominator: 45.0
            }))
        );
        // a file's table is read as it is: its warnings say what does not fit
        assert!(read_cell("50/45", Vi, &ratio, 0, false).is_ok());
    }
}
