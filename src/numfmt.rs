//! Numbers the way planners write them. Vietnamese groups thousands with a dot
//! and writes decimals with a comma (`1.567`, `98,3%`); English the reverse
//! (`1,567`, `98.3%`). Both are read in either interface; only a lone
//! separator followed by exactly three digits (`1.567`, `1,567`) is ambiguous,
//! and that is read the interface's way and reported so the UI can show it back.

use crate::i18n::Lang;
use crate::plan::Figure;

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

/// Reads a number typed by a planner. A trailing `%` and spaces (also the
/// no-break spaces Excel pastes) are allowed; a leading `-` is kept and left to
/// the caller (see `parse_non_negative`).
pub fn parse(text: &str, lang: Lang) -> Result<Reading, NumError> {
    let mut s: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
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
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
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
            let could_group = frac.len() == 3 && !int.is_empty() && int.len() <= 3 && !int.starts_with('0');
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
            let last = body.rfind(['.', ',']).map(|i| body.as_bytes()[i] as char).unwrap_or('.');
            let other = if last == '.' { ',' } else { '.' };
            if body.matches(last).count() != 1 {
                return Err(NumError::NotANumber);
            }
            (Some(other), Some(last), false)
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => body.split_once(d).map(|(a, b)| (a.to_string(), b.to_string())).unwrap_or_default(),
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
    let normal = if frac_part.is_empty() { digits } else { format!("{digits}.{frac_part}") };
    let value: f64 = normal.parse().map_err(|_| NumError::NotANumber)?;
    if !value.is_finite() || value > MAX_ABS {
        return Err(NumError::TooLarge);
    }
    Ok(Reading { value: if negative { -value } else { value }, ambiguous })
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
            Ok((Some(Figure::Counts { numerator: n.value, denominator: d.value }), n.ambiguous || d.ambiguous))
        }
        None => {
            let v = parse_non_negative(text, lang)?;
            Ok((Some(Figure::Value(v.value)), v.ambiguous))
        }
    }
}

/// A figure as the planner typed it: `1.249/1.567` or `98,3`.
pub fn format_figure(figure: Figure, lang: Lang) -> String {
    match figure {
        Figure::Value(v) => format(v, lang, 2),
        Figure::Counts { numerator, denominator } => format!("{}/{}", format(numerator, lang, 2), format(denominator, lang, 2)),
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
        assert_eq!(parse("1.567", Vi).unwrap(), Reading { value: 1567.0, ambiguous: true });
        assert_eq!(parse("1.567", En).unwrap(), Reading { value: 1.567, ambiguous: true });
        assert_eq!(parse("1,567", En).unwrap(), Reading { value: 1567.0, ambiguous: true });
        assert_eq!(parse("1,567", Vi).unwrap(), Reading { value: 1.567, ambiguous: true });
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
        assert_eq!(parse_figure("15/15", Vi), Ok((Some(Figure::Counts { numerator: 15.0, denominator: 15.0 }), false)));
        assert_eq!(parse_figure(" 1.249 / 1.567 ", Vi).unwrap().0, Some(Figure::Counts { numerator: 1249.0, denominator: 1567.0 }));
        assert_eq!(parse_figure("98,3%", Vi), Ok((Some(Figure::Value(98.3)), false)));
        assert_eq!(parse_figure("", Vi), Ok((None, false)));
        assert_eq!(parse_figure("-4", Vi), Err(NumError::Negative));
        assert_eq!(parse_figure("3/", Vi), Err(NumError::Empty));
        assert_eq!(parse_figure("a/b", Vi), Err(NumError::NotANumber));
        assert_eq!(format_figure(Figure::Counts { numerator: 1249.0, denominator: 1567.0 }, Vi), "1.249/1.567");
        assert_eq!(format_figure(Figure::Value(98.25), En), "98.25");
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
}
