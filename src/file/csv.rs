//! The indicator table as CSV for Excel: one row per indicator and period.
//!
//! UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly;
//! comma-separated, fields quoted as RFC 4180 says; CRLF line ends. Numbers
//! are written plainly with a dot for decimals and no grouping (`1567`,
//! `98.3`): the form Excel and LibreOffice read in an English locale, and
//! that Excel's "From Text/CSV" import reads in any locale when told the
//! file's locale is English. Columns are listed in `docs/plan-format.md`.
//!
//! `to_csv_vietnamese` writes the same table for Excel set to Vietnamese,
//! which separates fields with a semicolon and reads a decimal comma: it
//! opens with a double click there, numbers and all (`98,3`).

use crate::calc;
use crate::plan::{Figure, Indicator, Period, Plan};

pub const COLUMNS: [&str; 23] = [
    "stt",
    "code",
    "group",
    "name_vi",
    "name_en",
    "kind",
    "direction",
    "comparator",
    "unit",
    "period",
    "baseline_value",
    "baseline_numerator",
    "baseline_denominator",
    "target_value",
    "target_numerator",
    "target_denominator",
    "target_upper",
    "actual_value",
    "actual_numerator",
    "actual_denominator",
    "responsible_agency",
    "notes",
    "applies_to",
];

/// How a CSV file separates its fields and writes its decimals.
#[derive(Clone, Copy)]
struct Dialect {
    sep: char,
    decimal_comma: bool,
}

const ENGLISH: Dialect = Dialect {
    sep: ',',
    decimal_comma: false,
};
const VIETNAMESE: Dialect = Dialect {
    sep: ';',
    decimal_comma: true,
};

fn quote_in(s: &str, d: Dialect) -> String {
    if s.contains([d.sep, '"', '\n', '\r']) || s.starts_with(['=', '+', '-', '@']) {
        // a leading formula sign is neutralised so Excel never evaluates plan text
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn quote(s: &str) -> String {
    quote_in(s, ENGLISH)
}

fn num_in(v: f64, d: Dialect) -> String {
    if v.is_finite() {
        let s = format!("{v}");
        let s = s.strip_suffix(".0").map(str::to_string).unwrap_or(s);
        if d.decimal_comma {
            s.replace('.', ",")
        } else {
            s
        }
    } else {
        String::new()
    }
}

#[cfg(test)]
fn num(v: f64) -> String {
    num_in(v, ENGLISH)
}

/// value (in the indicator's unit), numerator, denominator
fn figure_cells(ind: &Indicator, f: Option<Figure>, d: Dialect) -> [String; 3] {
    let num = |v| num_in(v, d);
    match f {
        None => Default::default(),
        Some(f @ Figure::Value(_)) => [
            calc::value(&ind.kind, f).map(num).unwrap_or_default(),
            String::new(),
            String::new(),
        ],
        Some(
            f @ Figure::Counts {
                numerator,
                denominator,
            },
        ) => [
            calc::value(&ind.kind, f).map(num).unwrap_or_default(),
            num(numerator),
            num(denominator),
        ],
    }
}

fn kind_name(ind: &Indicator) -> &'static str {
    crate::plan::kind_code(&ind.kind)
}

/// Rows of text as CSV for Excel, the same way as the plan's table (UTF-8
/// with a byte-order mark, commas, CRLF, formula signs neutralised): for
/// tables the app has already put into words, such as the results report.
pub fn table(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        out.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The CSV for Excel and LibreOffice in an English locale: commas, decimal dots.
pub fn to_csv(plan: &Plan) -> String {
    write(plan, ENGLISH)
}

/// The CSV for Excel in a Vietnamese locale: semicolons, decimal commas.
pub fn to_csv_vietnamese(plan: &Plan) -> String {
    write(plan, VIETNAMESE)
}

fn write(plan: &Plan, d: Dialect) -> String {
    let quote = |s: &str| quote_in(s, d);
    let num = |v| num_in(v, d);
    let sep = d.sep.to_string();
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(&sep));
    out.push_str("\r\n");
    for (k, ind) in plan.indicators.iter().enumerate() {
        let mut periods: Vec<Period> = ind
            .targets
            .iter()
            .map(|t| t.period)
            .chain(ind.actuals.iter().map(|a| a.period))
            .collect();
        crate::sort::sort(&mut periods);
        periods.dedup();
        if periods.is_empty() {
            periods.push(Period::Year(plan.period.end));
        }
        let base = figure_cells(ind, ind.baseline.as_ref().map(|b| b.figure), d);
        for p in periods {
            let target = ind.target_for(p);
            let t = figure_cells(ind, target.map(|t| t.figure), d);
            let a = figure_cells(ind, ind.actual_for(p).map(|a| a.figure), d);
            let row: Vec<String> = vec![
                (k + 1).to_string(),
                quote(&ind.code),
                quote(&ind.group),
                quote(&ind.name.vi),
                quote(&ind.name.en),
                kind_name(ind).into(),
                format!("{:?}", ind.direction).to_lowercase(),
                serde_json::to_value(ind.comparator)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                quote(&ind.unit_label),
                p.to_string(),
                base[0].clone(),
                base[1].clone(),
                base[2].clone(),
                t[0].clone(),
                t[1].clone(),
                t[2].clone(),
                target.and_then(|t| t.upper).map(num).unwrap_or_default(),
                a[0].clone(),
                a[1].clone(),
                a[2].clone(),
                quote(&ind.responsible),
                quote(&ind.notes),
                ind.applies_to
                    .and_then(|l| serde_json::to_value(l).ok())
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
            ];
            out.push_str(&row.join(&sep));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;

    #[test]
    fn one_row_per_indicator_and_period_with_a_bom() {
        let csv = to_csv(&sample_plan("s"));
        assert!(csv.starts_with("\u{feff}stt,code,group,name_vi"));
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 15);
        assert!(
            lines[1]
                .starts_with("1,VB-01,Văn bản điện tử và điều hành,\"Văn bản chỉ đạo, điều hành"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1]
                .contains(",percent,higher,more_than,%,2021,95.01312335958005,1810,1905,97,,,,,,,"),
            "{}",
            lines[1]
        );
        // a row without commas in its text has exactly one cell per column
        assert!(lines[8].starts_with("8,DVC-03,"), "{}", lines[8]);
        assert_eq!(lines[8].split(',').count(), COLUMNS.len());
    }

    #[test]
    fn vietnamese_excel_gets_semicolons_and_decimal_commas() {
        let csv = to_csv_vietnamese(&sample_plan("s"));
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines[0].starts_with("\u{feff}stt;code;group;name_vi"));
        assert_eq!(lines.len(), 15);
        assert!(
            lines[1].starts_with("1;VB-01;Văn bản điện tử và điều hành;Văn bản chỉ đạo, điều hành"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1]
                .contains(";percent;higher;more_than;%;2021;95,01312335958005;1810;1905;97;;;;;;;"),
            "{}",
            lines[1]
        );
        assert_eq!(lines[8].split(';').count(), COLUMNS.len());
        assert_eq!(quote_in("a; b", VIETNAMESE), "\"a; b\"");
    }

    #[test]
    fn text_is_quoted_and_formulas_are_neutralised() {
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quote("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(num(1567.0), "1567");
        assert_eq!(num(98.3), "98.3");
    }
}
