//! An .xlsx workbook read into grids (`calamine`): each sheet's cells with
//! their merged ranges, a percent cell as its percent, and a number whose
//! format writes words or signs around it ("trên "0"%", 0"/15") as the text
//! the planner sees, so that the words are read too.

use crate::file::table::{Cell, Grid, Merge, MAX_COLUMNS, MAX_ROWS};
use crate::i18n::Lang;
use crate::numfmt;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx, XlsxError};
use std::io::Cursor;

/// Why a workbook or one of its sheets cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub enum BookError {
    /// not a zip, or not a workbook inside: calamine's words
    Unreadable(String),
    Password,
    /// a sheet that cannot be read: its name, calamine's words
    Sheet(String, String),
    /// no sheet holds anything
    Empty,
}

fn error(e: XlsxError) -> BookError {
    match e {
        XlsxError::Password => BookError::Password,
        other => BookError::Unreadable(other.to_string()),
    }
}

/// The names of the workbook's sheets, in order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, BookError> {
    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(error)?;
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(BookError::Empty);
    }
    Ok(names)
}

/// The sections of a number format: (literal before, placeholder, literal
/// after, shown as a percent) of its first section.
fn format_parts(code: &str) -> (String, String, bool) {
    let first = split_sections(code);
    let (mut before, mut after, mut percent, mut seen_digit) =
        (String::new(), String::new(), false, false);
    let mut chars = first.chars().peekable();
    let push = |s: &mut String, c: char| s.push(c);
    while let Some(c) = chars.next() {
        let target = if seen_digit { &mut after } else { &mut before };
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    push(target, q);
                }
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    push(target, n);
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '%' => percent = true,
            '0' | '#' | '?' | ',' | '.' => seen_digit = true,
            c if c.is_alphabetic() => {}
            c => push(target, c),
        }
    }
    (before, after, percent)
}

/// The first section of a number format (before an unquoted `;`).
fn split_sections(code: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in code.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => break,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// A number written so that no reading is ambiguous: no grouping, a dot
/// for decimals, never exactly three decimals ("1.5670", not "1.567").
fn plain(v: f64) -> String {
    let mut s = format!("{}", (v * 1e6).round() / 1e6);
    if let Some((_, frac)) = s.split_once('.') {
        if frac.len() == 3 {
            s.push('0');
        }
    }
    s
}

fn number_cell(v: f64, format: Option<&str>, lang: Lang) -> Cell {
    let (before, after, percent) = format.map(format_parts).unwrap_or_default();
    let value = if percent { v * 100.0 } else { v };
    let words = |s: &str| !s.trim().is_empty();
    if words(&before) || words(&after) {
        // the format writes words or signs: the cell is read as the planner sees it
        let pct = if percent { "%" } else { "" };
        return Cell {
            text: format!("{before}{}{pct}{after}", plain(value))
                .trim()
                .to_string(),
            number: None,
            percent: false,
        };
    }
    let text = format!(
        "{}{}",
        numfmt::format(value, lang, 2),
        if percent { "%" } else { "" }
    );
    Cell {
        text,
        number: Some(value),
        percent,
    }
}

/// A spreadsheet date (days since 30/12/1899) as the planner writes it
/// (Howard Hinnant's civil_from_days).
fn serial_date(serial: f64) -> String {
    let z = crate::plan::Date {
        year: 1899,
        month: 12,
        day: 30,
    }
    .day_number()
        + serial.floor() as i64
        + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{day:02}/{month:02}/{year}")
}

/// A sheet as a grid, in the sheet's own coordinates (row 0 is Excel's row
/// 1, column 0 is A), with its merged ranges. Numbers are shown in the
/// interface's language.
pub fn read_sheet(bytes: &[u8], index: usize, lang: Lang) -> Result<Grid, BookError> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(error)?;
    let names = book.sheet_names();
    let name = names.get(index).cloned().ok_or(BookError::Empty)?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| BookError::Sheet(name.clone(), e.to_string()))?;
    let styles = book.worksheet_style(&name).ok();
    let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    let mut grid = Grid::default();
    let (Some((r0, c0)), Some((r1, c1))) = (range.start(), range.end()) else {
        return Ok(grid);
    };
    let (r0, c0, r1, c1) = (r0 as usize, c0 as usize, r1 as usize, c1 as usize);
    let rows = (r1 + 1).min(MAX_ROWS);
    let cols = (c1 + 1).min(MAX_COLUMNS);
    grid.cut = r1 + 1 > MAX_ROWS || c1 + 1 > MAX_COLUMNS;
    grid.rows = vec![Vec::new(); rows];
    for (dr, line) in range.rows().enumerate() {
        let r = r0 + dr;
        if r >= rows {
            break;
        }
        let mut out = vec![Cell::default(); cols];
        for (dc, data) in line.iter().enumerate() {
            let c = c0 + dc;
            if c >= cols {
                break;
            }
            let format = styles
                .as_ref()
                .and_then(|s| s.get((r as u32, c as u32)))
                .and_then(|s| s.number_format.as_ref())
                .map(|f| f.format_code.as_str());
            out[c] = match data {
                Data::Empty => Cell::default(),
                Data::String(s) => Cell::text(s),
                Data::Int(i) => number_cell(*i as f64, format, lang),
                Data::Float(f) => number_cell(*f, format, lang),
                Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
                Data::DateTime(d) => Cell::text(&serial_date(d.as_f64())),
                Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
                Data::Error(e) => Cell::text(&e.to_string()),
            };
        }
        while out.last().is_some_and(Cell::is_empty) {
            out.pop();
        }
        grid.rows[r] = out;
    }
    grid.merges = merges
        .iter()
        .filter(|m| (m.start.0 as usize) < rows && (m.start.1 as usize) < cols)
        .map(|m| Merge {
            row: m.start.0 as usize,
            col: m.start.1 as usize,
            rows: (m.end.0 - m.start.0) as usize + 1,
            cols: (m.end.1 - m.start.1) as usize + 1,
        })
        .collect();
    while grid.rows.last().is_some_and(|r| r.is_empty()) {
        grid.rows.pop();
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_with_words_are_read_as_shown() {
        assert_eq!(
            format_parts("\"> \"#,##0\"%\""),
            ("> ".into(), "%".into(), false)
        );
        assert_eq!(format_parts("0%"), (String::new(), String::new(), true));
        assert_eq!(
            format_parts("#,##0\"/15\""),
            (String::new(), "/15".into(), false)
        );
        assert_eq!(
            format_parts("[$-42A]#,##0.00;[Red]-#,##0.00"),
            (String::new(), String::new(), false)
        );
        assert_eq!(
            number_cell(0.97, Some("0%"), Lang::Vi),
            Cell {
                text: "97%".into(),
                number: Some(97.0),
                percent: true
            }
        );
        assert_eq!(
            number_cell(97.0, Some("\"trên \"0\"%\""), Lang::Vi).text,
            "trên 97%"
        );
        assert_eq!(number_cell(15.0, Some("0\"/15\""), Lang::Vi).text, "15/15");
        assert_eq!(
            number_cell(1.567, Some("\"≥ \"0.000"), Lang::Vi).text,
            "≥ 1.5670"
        );
        assert_eq!(
            number_cell(1567.0, Some("#,##0"), Lang::Vi),
            Cell {
                text: "1.567".into(),
                number: Some(1567.0),
                percent: false
            }
        );
    }

    #[test]
    fn spreadsheet_dates() {
        assert_eq!(serial_date(44196.0), "31/12/2020");
        assert_eq!(serial_date(46022.0), "31/12/2025");
        assert_eq!(serial_date(61.0), "01/03/1900");
    }

    #[test]
    fn a_damaged_workbook_is_refused_or_read_never_a_crash() {
        let plan = crate::catalog::sample_plan("s");
        let good =
            crate::office::xlsx_out::write(&plan, Lang::Vi, crate::plan::Date::start_of_year(2026))
                .unwrap();
        let mut seed: u64 = 7;
        for k in 0..300 {
            let mut bytes = good.clone();
            for _ in 0..1 + k % 4 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let at = (seed >> 33) as usize % bytes.len();
                bytes[at] ^= (seed >> 17) as u8 | 1;
            }
            if k % 7 == 0 {
                bytes.truncate(bytes.len() * (k % 5 + 1) / 6);
            }
            if let Ok(names) = sheet_names(&bytes) {
                for i in 0..names.len() {
                    let _ = read_sheet(&bytes, i, Lang::Vi);
                }
            }
        }
    }

    #[test]
    fn what_is_not_a_workbook_says_so() {
        assert!(matches!(
            sheet_names(b"not a zip"),
            Err(BookError::Unreadable(_))
        ));
        assert!(matches!(
            read_sheet(b"PK\x03\x04broken", 0, Lang::Vi),
            Err(BookError::Unreadable(_))
        ));
    }
}
