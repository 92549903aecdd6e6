//! Indicator tables brought in from elsewhere: a block copied from Excel,
//! LibreOffice, Google Sheets or Word (tab-separated text or an HTML table on
//! the clipboard), or a sheet of an .xlsx annex. Three steps, each pure:
//!
//! 1. the source becomes a `Grid` of cells, with its merged cells;
//! 2. `propose` reads the header rows (merged header cells spread across the
//!    columns they cover) and proposes what each column holds: a `Mapping`
//!    the planner sees in a preview and may correct;
//! 3. `read` turns the rows under the mapping into indicators: group rows
//!    ("I", "II", "A." with a heading) become groups, figures are read by
//!    `numfmt::read_cell` ("trên 97%", "15/15 xã", "2–5", "1.567"), kinds are
//!    guessed, and every cell that cannot be a figure is kept in the
//!    indicator's notes and reported with its row and column.

use crate::i18n::Lang;
use crate::numfmt::{self, NumError};
use crate::plan::{
    Baseline, Comparator, Date, Direction, Figure, Indicator, Kind, Period, Target, YearSpan,
    FIRST_YEAR, LAST_YEAR,
};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// At most this many rows and columns are read from any source; more is
/// reported, never silently cut.
pub const MAX_ROWS: usize = 5_000;
pub const MAX_COLUMNS: usize = 64;
/// Header rows are looked for among the first rows only.
const HEADER_SCAN: usize = 15;

/// One cell as the source showed it, and its exact number when the source
/// had one (a spreadsheet's numeric cell; a percent cell already × 100).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub number: Option<f64>,
    /// the cell is shown as a percent (`97%`): its number is in percent
    pub percent: bool,
}

impl Cell {
    pub fn text(s: &str) -> Cell {
        Cell {
            text: s.to_string(),
            number: None,
            percent: false,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.number.is_none()
    }
}

/// Cells merged into one: the text sits in the first, the others are empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
}

/// A table of cells, row by row; rows may be of different lengths.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Grid {
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
    /// rows or columns beyond `MAX_ROWS` / `MAX_COLUMNS` were left out
    pub cut: bool,
}

impl Grid {
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    pub fn text(&self, row: usize, col: usize) -> &str {
        self.cell(row, col).map(|c| c.text.trim()).unwrap_or("")
    }

    fn row_is_empty(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.iter().all(Cell::is_empty))
    }

    /// Drops empty rows and columns at the end, and caps the size.
    fn tidy(mut self) -> Grid {
        if self.rows.len() > MAX_ROWS {
            self.rows.truncate(MAX_ROWS);
            self.cut = true;
        }
        for r in &mut self.rows {
            if r.len() > MAX_COLUMNS {
                r.truncate(MAX_COLUMNS);
                self.cut = true;
            }
            while r.last().is_some_and(Cell::is_empty) {
                r.pop();
            }
        }
        while self.rows.last().is_some_and(|r| r.is_empty()) {
            self.rows.pop();
        }
        self
    }
}

/// The column letters a spreadsheet shows: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

// ---------------------------------------------------------------- sources

/// Tab-separated text as spreadsheets put it on the clipboard (`file::tsv`).
pub fn from_tsv(text: &str) -> Grid {
    let rows = super::tsv::parse(text.trim_start_matches('\u{feff}'))
        .into_iter()
        .map(|r| r.iter().map(|c| Cell::text(&clean(c))).collect())
        .collect();
    Grid {
        rows,
        merges: Vec::new(),
        cut: false,
    }
    .tidy()
}

/// Whitespace runs (line breaks inside a cell, no-break spaces) become one space.
fn clean(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace())
            .map(|e| e + 1);
        let decoded = end
            .filter(|e| rest.as_bytes().get(*e) == Some(&b';'))
            .and_then(|e| {
                let name = &rest[1..e];
                let c = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    _ => {
                        let n = if let Some(hex) =
                            name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                        {
                            u32::from_str_radix(hex, 16).ok()
                        } else {
                            name.strip_prefix('#').and_then(|d| d.parse::<u32>().ok())
                        };
                        n.and_then(char::from_u32)
                    }
                };
                c.map(|c| (c, e + 1))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A tag of an HTML text: its lower-case name, whether it closes, and its attributes.
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn span(&self, name: &str) -> usize {
        self.attr(name)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, MAX_COLUMNS)
    }
}

/// Reads the tag starting at `s[0] == '<'`; the tag and the bytes it took.
fn read_tag(s: &str) -> (Option<Tag>, usize) {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b':' || bytes[i] == b'-')
    {
        i += 1;
    }
    let name = s[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        let a = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let attr = s[a..i].to_ascii_lowercase();
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            match bytes.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let v = i + 1;
                    let end = s[v..].find(q as char).map(|e| v + e).unwrap_or(bytes.len());
                    value = decode_entities(&s[v..end]);
                    i = (end + 1).min(bytes.len());
                }
                _ => {
                    let v = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&s[v..i]);
                }
            }
        }
        if attr.is_empty() {
            i += 1;
        } else {
            attrs.push((attr, value));
        }
    }
    if name.is_empty() {
        return (None, i.max(1));
    }
    (
        Some(Tag {
            name,
            closing,
            attrs,
        }),
        i,
    )
}

/// A table being read from HTML: rows of (cell, colspan, rowspan).
#[derive(Default)]
struct RawTable {
    rows: Vec<Vec<(Cell, usize, usize)>>,
}

impl RawTable {
    fn size(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    /// Lays the cells out with their spans, recording merges.
    fn into_grid(self) -> Grid {
        let mut rows: Vec<Vec<Option<Cell>>> = Vec::new();
        let mut merges = Vec::new();
        let mut cut = false;
        for (r, raw) in self.rows.into_iter().enumerate() {
            if r >= MAX_ROWS {
                cut = true;
                break;
            }
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            let mut col = 0;
            for (cell, colspan, rowspan) in raw {
                while rows[r].get(col).is_some_and(Option::is_some) {
                    col += 1;
                }
                if col >= MAX_COLUMNS {
                    cut = true;
                    break;
                }
                let colspan = colspan.min(MAX_COLUMNS - col);
                let rowspan = rowspan.min(MAX_ROWS - r);
                if colspan > 1 || rowspan > 1 {
                    merges.push(Merge {
                        row: r,
                        col,
                        rows: rowspan,
                        cols: colspan,
                    });
                }
                for dr in 0..rowspan {
                    if rows.len() <= r + dr {
                        rows.resize_with(r + dr + 1, Vec::new);
                    }
                    let line = &mut rows[r + dr];
                    if line.len() < col + colspan {
                        line.resize(col + colspan, None);
                    }
                    for dc in 0..colspan {
                        line[col + dc] = Some(if dr == 0 && dc == 0 {
                            cell.clone()
                        } else {
                            Cell::default()
                        });
                    }
                }
                col += colspan;
            }
        }
        let rows = rows
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect();
        Grid { rows, merges, cut }.tidy()
    }
}

/// The largest table of an HTML text, as Excel, LibreOffice, Google Sheets and
/// Word put it on the clipboard; `None` when the text holds no table. The
/// HTML is only read, never shown: tags are dropped and only text is kept.
/// Exact numbers are taken from the attributes spreadsheets add (`x:num` from
/// Excel, `sdval` from LibreOffice), so no reading depends on the locale.
pub fn from_html(html: &str) -> Option<Grid> {
    let mut table: Option<RawTable> = None;
    let mut done: Vec<RawTable> = Vec::new();
    // how deep inside tables we are: a table within a cell reads as the cell's text
    let mut depth = 0usize;
    // the open cell of the outermost table: its text, number and spans
    let mut cell: Option<(String, Option<f64>, usize, usize)> = None;
    let mut skip_until: Option<&'static str> = None;
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let next = html[i..].find('<').map(|n| i + n).unwrap_or(bytes.len());
            if skip_until.is_none() {
                if let Some((text, ..)) = cell.as_mut() {
                    text.push_str(&decode_entities(&html[i..next]));
                }
            }
            i = next;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map(|e| e + 3).unwrap_or(rest.len());
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
            continue;
        }
        let (tag, len) = read_tag(rest);
        i += len;
        let Some(tag) = tag else { continue };
        if let Some(until) = skip_until {
            if tag.closing && tag.name == until {
                skip_until = None;
            }
            continue;
        }
        let flush = |table: &mut Option<RawTable>,
                     cell: &mut Option<(String, Option<f64>, usize, usize)>| {
            if let (Some(t), Some((text, number, colspan, rowspan))) = (table.as_mut(), cell.take())
            {
                close_cell(t, text, number, colspan, rowspan);
            }
        };
        match (tag.name.as_str(), tag.closing) {
            ("style", false) => skip_until = Some("style"),
            ("script", false) => skip_until = Some("script"),
            ("title", false) => skip_until = Some("title"),
            ("table", false) => {
                depth += 1;
                if depth == 1 {
                    table = Some(RawTable::default());
                } else if let Some((text, ..)) = cell.as_mut() {
                    text.push(' ');
                }
            }
            ("table", true) if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    flush(&mut table, &mut cell);
                    done.extend(table.take());
                }
            }
            ("tr", false) if depth == 1 => {
                flush(&mut table, &mut cell);
                if let Some(t) = table.as_mut() {
                    t.rows.push(Vec::new());
                }
            }
            ("td" | "th", false) if depth == 1 => {
                flush(&mut table, &mut cell);
                let number = tag
                    .attr("x:num")
                    .or_else(|| tag.attr("sdval"))
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .filter(|v| v.is_finite());
                cell = Some((
                    String::new(),
                    number,
                    tag.span("colspan"),
                    tag.span("rowspan"),
                ));
            }
            ("td" | "th", true) if depth == 1 => flush(&mut table, &mut cell),
            ("br", _) | ("p" | "div" | "li" | "tr" | "td" | "th", true) => {
                if let Some((text, ..)) = cell.as_mut() {
                    text.push('\n');
                }
            }
            _ => {}
        }
    }
    // an unclosed table (a clipboard fragment) still counts
    if let Some(mut t) = table.take() {
        if let Some((text, number, colspan, rowspan)) = cell.take() {
            close_cell(&mut t, text, number, colspan, rowspan);
        }
        done.push(t);
    }
    let best = done
        .into_iter()
        .filter(|t| t.size() > 0)
        .max_by_key(RawTable::size)?;
    let grid = best.into_grid();
    (!grid.rows.is_empty()).then_some(grid)
}

fn close_cell(t: &mut RawTable, text: String, number: Option<f64>, colspan: usize, rowspan: usize) {
    if t.rows.is_empty() {
        t.rows.push(Vec::new());
    }
    let text = clean(&text);
    // a spreadsheet's percent cell: shown "97%", its exact number 0.97; a
    // cell with words ("trên 97%") is read from its words, which say more
    let percent = text.ends_with('%');
    let number = number
        .filter(|_| !text.chars().any(char::is_alphabetic))
        .map(|n| if percent { n * 100.0 } else { n });
    let cell = Cell {
        text,
        number,
        percent: percent && number.is_some(),
    };
    if let Some(row) = t.rows.last_mut() {
        row.push((cell, colspan, rowspan));
    }
}

/// The pasted clipboard as a grid: the HTML table when there is one (it
/// keeps merged cells and exact numbers), else the tab-separated text.
pub fn from_clipboard(text: &str, html: &str) -> Grid {
    if !html.trim().is_empty() {
        if let Some(g) = from_html(html) {
            return g;
        }
    }
    from_tsv(text)
}

// ---------------------------------------------------------------- mapping

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// left out
    Skip,
    /// the row's number (STT, TT); group rows carry I, II, A …
    Number,
    Code,
    Name,
    Unit,
    /// the current figure (hiện trạng)
    Baseline,
    /// the target of a year
    Target(i32),
    Responsible,
    LegalBasis,
    /// kept in the indicator's notes, under the column's heading
    Notes,
}

impl Role {
    /// A short stable code: "name", "target:2026" (for the preview's lists).
    pub fn code(self) -> String {
        match self {
            Role::Skip => "skip".into(),
            Role::Number => "number".into(),
            Role::Code => "code".into(),
            Role::Name => "name".into(),
            Role::Unit => "unit".into(),
            Role::Baseline => "baseline".into(),
            Role::Target(y) => format!("target:{y}"),
            Role::Responsible => "responsible".into(),
            Role::LegalBasis => "legal_basis".into(),
            Role::Notes => "notes".into(),
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Some(match code {
            "skip" => Role::Skip,
            "number" => Role::Number,
            "code" => Role::Code,
            "name" => Role::Name,
            "unit" => Role::Unit,
            "baseline" => Role::Baseline,
            "responsible" => Role::Responsible,
            "legal_basis" => Role::LegalBasis,
            "notes" => Role::Notes,
            _ => {
                let y: i32 = code.strip_prefix("target:")?.parse().ok()?;
                (FIRST_YEAR..=LAST_YEAR)
                    .contains(&y)
                    .then_some(Role::Target(y))?
            }
        })
    }
}

/// What the planner decided a row is, when the guess was wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowChoice {
    /// an indicator of this kind (a `plan::kind_code`)
    Indicator(String),
    /// a group heading
    Group,
    Skip,
}

/// How a table is read: what each column holds, where the data begins, how
/// numbers are written, and the planner's corrections of single rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: Vec<Role>,
    /// the rows above (titles, header rows, a row of column numbers) are not data
    pub first_data_row: usize,
    /// the rows holding the column headings (a subset of those above)
    pub header_rows: Vec<usize>,
    /// how numbers such as "1.567" are read: the Vietnamese or the English way
    pub numbers: Lang,
    /// the planner's corrections, by row index
    #[serde(default)]
    pub rows: BTreeMap<usize, RowChoice>,
}

/// What the plan brings to the reading: its years and its number of units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Context {
    pub years: YearSpan,
    /// the plan's sub-units (a plain "12" in a k-of-n cell is 12 of them)
    pub units: usize,
    /// the interface's language, for numbers the table does not settle
    pub lang: Lang,
    /// the plan has no indicators yet: its years become the table's
    /// (a blank plan's year is only a default), else they widen to hold them
    pub empty_plan: bool,
}

fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `phrase` (space-separated folded words) occurs in `w` as whole words.
fn has(w: &[&str], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    w.windows(p.len()).any(|win| win == p.as_slice())
}

/// The years (1945–2100) written in a text, in order.
pub fn years_in(text: &str) -> Vec<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<i32>().ok())
        .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
        .collect()
}

/// What a column heading says the column holds; `None`: not a heading word.
/// `Target(0)` is a target whose year the heading does not give.
pub fn classify_heading(heading: &str) -> Option<Role> {
    let folded = fold(heading);
    let w = words(&folded);
    if w.is_empty() {
        return None;
    }
    let year = years_in(heading).last().copied();
    let any = |phrases: &[&str]| phrases.iter().any(|p| has(&w, p));
    if any(&["ghi chu", "note", "notes", "remarks"]) {
        return Some(Role::Notes);
    }
    if any(&[
        "chu tri",
        "co quan thuc hien",
        "don vi thuc hien",
        "trach nhiem",
        "responsible",
        "lead agency",
        "phu trach",
    ]) {
        return Some(Role::Responsible);
    }
    if any(&["phoi hop"]) {
        return Some(Role::Notes);
    }
    if any(&["can cu", "legal basis", "van ban quy dinh"]) {
        return Some(Role::LegalBasis);
    }
    if any(&["don vi tinh", "dvt", "don vi do", "unit"]) || w == ["don", "vi"] {
        return Some(Role::Unit);
    }
    if matches!(
        w.as_slice(),
        ["stt"] | ["tt"] | ["so", "tt"] | ["so", "thu", "tu"] | ["no"] | ["n", "o"]
    ) {
        return Some(Role::Number);
    }
    if matches!(
        w.as_slice(),
        ["ma"] | ["ma", "so"] | ["ma", "chi", "tieu"] | ["code"] | ["ky", "hieu"]
    ) {
        return Some(Role::Code);
    }
    if any(&[
        "hien trang",
        "thuc trang",
        "hien nay",
        "baseline",
        "current",
        "uoc thuc hien",
        "uoc th",
        "thuc hien",
        "uoc dat",
        "so lieu nam",
    ]) {
        return Some(Role::Baseline);
    }
    let target_words = any(&[
        "muc tieu",
        "ke hoach",
        "target",
        "ket qua",
        "dat duoc",
        "den nam",
        "giai doan",
        "lo trinh",
    ]);
    if target_words || (year.is_some() && any(&["chi tieu", "nam", "year"])) {
        return Some(Role::Target(year.unwrap_or(0)));
    }
    if any(&[
        "chi tieu",
        "noi dung",
        "ten chi tieu",
        "indicator",
        "indicators",
        "name",
        "danh muc",
        "tieu chi",
    ]) {
        return Some(Role::Name);
    }
    // a bare year under a merged "Mục tiêu" is handled by the caller; alone it is a target
    if year.is_some() && w.iter().all(|x| x.chars().all(|c| c.is_ascii_digit())) {
        return Some(Role::Target(year.unwrap_or(0)));
    }
    None
}

/// The text of each column's heading: the header rows' cells top to bottom,
/// a merged cell counting for every column it covers.
pub fn headings(grid: &Grid, header_rows: &[usize]) -> Vec<String> {
    let width = grid.width();
    let mut out = vec![String::new(); width];
    for &r in header_rows {
        for (c, heading) in out.iter_mut().enumerate() {
            let mut text = grid.text(r, c).to_string();
            if text.is_empty() {
                if let Some(m) = grid.merges.iter().find(|m| {
                    (m.row..m.row + m.rows).contains(&r) && (m.col..m.col + m.cols).contains(&c)
                }) {
                    text = grid.text(m.row, m.col).to_string();
                }
            }
            if !text.is_empty() && !heading.ends_with(&text) {
                if !heading.is_empty() {
                    heading.push(' ');
                }
                heading.push_str(&text);
            }
        }
    }
    out
}

/// Whether a row counts its columns: "(1) (2) (3)", "1 2 3 4", "A B 1 2".
fn is_numbering_row(grid: &Grid, row: usize) -> bool {
    let cells: Vec<&str> = (0..grid.width())
        .map(|c| grid.text(row, c))
        .filter(|t| !t.is_empty())
        .collect();
    cells.len() >= 3
        && cells.iter().all(|t| {
            let t = t
                .trim_start_matches('(')
                .trim_end_matches(')')
                .trim_end_matches('.');
            !t.is_empty()
                && t.len() <= 3
                && t.chars().all(|c| {
                    c.is_ascii_alphanumeric()
                        || c == '='
                        || c == '+'
                        || c == '-'
                        || c == '*'
                        || c == '/'
                })
        })
}

fn roman(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ')']);
    !t.is_empty() && t.len() <= 6 && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// "I", "II.", "A", "B." — how a group row is numbered.
pub fn is_group_number(t: &str) -> bool {
    let bare = t.trim().trim_end_matches(['.', ')']);
    roman(t) || (bare.len() == 1 && bare.chars().all(|c| c.is_ascii_uppercase()))
}

/// "I. Hạ tầng" → "Hạ tầng"; a heading keeps its words, not its number.
fn strip_group_number(t: &str) -> String {
    let t = t.trim();
    if let Some((first, rest)) = t.split_once([' ', '.', ')']) {
        let rest = rest.trim_start_matches(['.', ')', ' ', '-', ':']).trim();
        if is_group_number(first) && !rest.is_empty() {
            return rest.to_string();
        }
    }
    t.to_string()
}

/// Proposes how to read a table: finds the header rows (and a row of column
/// numbers under them), classifies each column by its heading (by its
/// content where there is no heading), and decides how its numbers are
/// written. The planner sees the proposal and may change any of it.
pub fn propose(grid: &Grid, ctx: Context) -> Mapping {
    let width = grid.width();
    // the header: the first row with at least two heading words, one of them a name or a target
    let header = (0..grid.rows.len().min(HEADER_SCAN)).find(|&r| {
        let roles: Vec<Role> = (0..width)
            .filter_map(|c| classify_heading(grid.text(r, c)))
            .collect();
        roles.len() >= 2
            && roles
                .iter()
                .any(|r| matches!(r, Role::Name | Role::Target(_) | Role::Baseline))
    });
    let mut header_rows = Vec::new();
    let mut first_data_row = 0;
    if let Some(h) = header {
        header_rows.push(h);
        let mut r = h + 1;
        // sub-heading rows: covered by a merge from above, or only years and heading words
        while r < grid.rows.len() && r < h + 4 {
            let covered = grid
                .merges
                .iter()
                .any(|m| m.row < r && m.row + m.rows > r && header_rows.contains(&m.row));
            let texts: Vec<&str> = (0..width)
                .map(|c| grid.text(r, c))
                .filter(|t| !t.is_empty())
                .collect();
            let headingish = !texts.is_empty()
                && texts.iter().all(|t| {
                    !years_in(t).is_empty() && t.len() <= 24 || classify_heading(t).is_some()
                });
            if (covered && !is_numbering_row(grid, r)) || (headingish && !is_numbering_row(grid, r))
            {
                header_rows.push(r);
                r += 1;
            } else {
                break;
            }
        }
        if r < grid.rows.len() && is_numbering_row(grid, r) {
            r += 1;
        }
        first_data_row = r;
    }
    let heads = headings(grid, &header_rows);
    let mut columns: Vec<Role> = Vec::with_capacity(width);
    for (c, head) in heads.iter().enumerate() {
        let empty =
            (first_data_row..grid.rows.len()).all(|r| grid.cell(r, c).is_none_or(Cell::is_empty));
        let role = match classify_heading(head) {
            _ if empty && !head.is_empty() => Role::Skip,
            Some(Role::Target(0)) => Role::Target(0),
            Some(role) => role,
            None if empty => Role::Skip,
            None if header.is_some() => Role::Notes,
            None => Role::Skip,
        };
        columns.push(role);
    }
    if header.is_none() {
        guess_by_content(grid, &mut columns, ctx);
    }
    // targets without a year: the plan's years in order
    let mut next_year = ctx.years.start;
    let used: Vec<i32> = columns
        .iter()
        .filter_map(|r| {
            if let Role::Target(y) = r {
                Some(*y)
            } else {
                None
            }
        })
        .collect();
    for role in &mut columns {
        if *role == Role::Target(0) {
            while used.contains(&next_year) {
                next_year += 1;
            }
            *role = Role::Target(next_year.min(LAST_YEAR));
            next_year += 1;
        }
    }
    // one column per single role and per year; the latest baseline wins, but
    // a "Thực hiện 2026" beside targets for 2026 reports the plan's own years:
    // a column dated before the first target year wins over it
    let baselines: Vec<usize> = (0..width)
        .filter(|&c| columns[c] == Role::Baseline)
        .collect();
    if baselines.len() > 1 {
        let first_target = columns
            .iter()
            .filter_map(|r| match r {
                Role::Target(y) if *y > 0 => Some(*y),
                _ => None,
            })
            .min();
        let year = |c: usize| years_in(&heads[c]).last().copied().unwrap_or(0);
        let before = |c: usize| first_target.is_none_or(|t| year(c) < t);
        let latest = *baselines
            .iter()
            .max_by_key(|&&c| (before(c), year(c), c))
            .unwrap_or(&baselines[0]);
        for c in baselines {
            if c != latest {
                columns[c] = Role::Notes;
            }
        }
    }
    for c in 0..width {
        let role = columns[c];
        let single = !matches!(role, Role::Skip | Role::Notes);
        if single && columns[..c].contains(&role) {
            columns[c] = Role::Notes;
        }
    }
    let numbers = number_style(grid, &columns, first_data_row).unwrap_or(ctx.lang);
    Mapping {
        columns,
        first_data_row,
        header_rows,
        numbers,
        rows: BTreeMap::new(),
    }
}

/// A table without headings: the longest texts are the names, a column of
/// short numbers is the numbering, short words the unit, and the columns of
/// figures are the current figure then the targets of the plan's years.
fn guess_by_content(grid: &Grid, columns: &mut [Role], ctx: Context) {
    let width = columns.len();
    let stats: Vec<(usize, usize, usize)> = (0..width)
        .map(|c| {
            let (mut filled, mut figures, mut length) = (0, 0, 0);
            for r in 0..grid.rows.len() {
                let t = grid.text(r, c);
                if t.is_empty() {
                    continue;
                }
                filled += 1;
                length += t.chars().count();
                if grid.cell(r, c).is_some_and(|x| x.number.is_some()) || looks_like_figure(t) {
                    figures += 1;
                }
            }
            (filled, figures, length)
        })
        .collect();
    let name = (0..width)
        .filter(|&c| stats[c].0 > 0)
        .max_by_key(|&c| stats[c].2 / stats[c].0.max(1));
    let mut year = ctx.years.start;
    let mut baseline_done = false;
    for c in 0..width {
        let (filled, figures, length) = stats[c];
        columns[c] = if filled == 0 {
            Role::Skip
        } else if Some(c) == name {
            Role::Name
        } else if name.is_some_and(|n| c < n)
            && figures * 2 >= filled
            && length / filled.max(1) <= 4
        {
            Role::Number
        } else if name.is_some_and(|n| c < n) {
            Role::Code
        } else if figures * 2 >= filled {
            if baseline_done {
                let y = year;
                year += 1;
                Role::Target(y.min(LAST_YEAR))
            } else {
                baseline_done = true;
                Role::Baseline
            }
        } else if length / filled.max(1) <= 12 && !columns[..c].contains(&Role::Unit) {
            Role::Unit
        } else {
            Role::Notes
        };
    }
    // a single figure column is the target, not the current figure
    if !columns.iter().any(|r| matches!(r, Role::Target(_))) {
        if let Some(b) = columns.iter_mut().find(|r| **r == Role::Baseline) {
            *b = Role::Target(ctx.years.start);
        }
    }
}

fn looks_like_figure(t: &str) -> bool {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits > 0 && digits * 2 >= t.chars().filter(|c| !c.is_whitespace()).count()
}

/// How the table writes its numbers, when any cell settles it: "98,3" and
/// "1.234.567" are Vietnamese, "98.3" and "1,234,567" English. `None` when no
/// cell settles it (the interface's language then decides "1.567").
pub fn number_style(grid: &Grid, columns: &[Role], first_data_row: usize) -> Option<Lang> {
    let figures = (first_data_row..grid.rows.len()).flat_map(|r| {
        columns
            .iter()
            .enumerate()
            .filter(|(_, role)| matches!(role, Role::Baseline | Role::Target(_)))
            .filter_map(move |(c, _)| grid.cell(r, c).filter(|x| x.number.is_none()))
            .map(|cell| cell.text.as_str())
    });
    crate::numfmt::block_style(figures)
}

// ---------------------------------------------------------------- reading

/// Something the planner should know about a cell or a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// a figure cell that is not a figure; its text is kept in the notes
    NotAFigure { text: String, error: NumError },
    /// a figure cell in words ("Duy trì", "Hoàn thành"); kept in the notes
    Words { text: String },
    /// a row with figures but no indicator name: left out
    NoName,
    /// the targets of a row are stated with different comparators; the first is kept
    Comparators,
    /// no column holds the indicators' names
    NoNameColumn,
    /// the targets' years cannot all fit one plan (1945–2100, at most 30 years)
    Years,
    /// the source had more rows or columns than are read
    Cut,
    /// a spreadsheet cell holding an error (#REF!, #DIV/0!)
    CellError { text: String },
}

/// An issue and where it is: a row (0-based in the grid) and a column.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub row: Option<usize>,
    pub col: Option<usize>,
    pub issue: Issue,
}

/// What a row of the table became.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// above the data: a title, a header row, a row of column numbers
    Above,
    Blank,
    Group(String),
    Indicator(Box<Indicator>),
    /// left out (the planner's choice, or a row without a name)
    Skipped,
}

/// The whole table read under a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub rows: Vec<Outcome>,
    pub notes: Vec<Note>,
    /// the plan's years once the table's targets are in
    pub years: YearSpan,
}

impl Reading {
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.rows.iter().filter_map(|o| {
            if let Outcome::Indicator(i) = o {
                Some(&**i)
            } else {
                None
            }
        })
    }
    pub fn groups(&self) -> usize {
        let mut names: Vec<&str> = self
            .indicators()
            .map(|i| i.group.as_str())
            .filter(|g| !g.is_empty())
            .collect();
        names.dedup();
        names.len()
    }
}

/// Words that count things (a unit naming them makes an indicator a count).
const COUNT_UNITS: [&str; 24] = [
    "dich vu",
    "he thong",
    "co so du lieu",
    "csdl",
    "ho so",
    "cuoc",
    "nguoi",
    "luot",
    "thu tuc",
    "ung dung",
    "phan mem",
    "may",
    "diem",
    "buoi",
    "lop",
    "tin",
    "bai",
    "trang",
    "tai khoan",
    "giai phap",
    "nen tang",
    "service",
    "system",
    "so",
];
/// Words naming units of government: "15/15 xã" is a share of the units.
const UNIT_WORDS: [&str; 12] = [
    "xa", "phuong", "huyen", "tinh", "don vi", "co quan", "so", "nganh", "thi tran", "dac khu",
    "commune", "unit",
];

/// Guesses an indicator's kind from its unit, its name and its figures.
pub fn guess_kind(name: &str, unit: &str, figures: &[&str]) -> Kind {
    let unit_f = fold(unit.trim());
    let name_f = fold(name);
    let name_w = words(&name_f);
    let slash = figures.iter().any(|f| f.contains('/'));
    let pct = unit_f == "%" || figures.iter().any(|f| f.contains('%'));
    let unit_words: Vec<&str> = words(&unit_f);
    let units_of_government =
        !unit_words.is_empty() && UNIT_WORDS.iter().any(|u| has(&unit_words, u));
    if ["giam", "rut ngan", "cat giam", "reduce", "cut"]
        .iter()
        .any(|p| has(&name_w, p))
        && pct
    {
        return Kind::Reduction {
            amount: String::new(),
        };
    }
    if slash
        && (units_of_government
            || unit_f.is_empty()
                && figures
                    .iter()
                    .any(|f| UNIT_WORDS.iter().any(|u| has(&words(&fold(f)), u))))
    {
        return Kind::FractionOfUnits;
    }
    if pct
        || ["ty le", "ti le", "phan tram", "rate", "share", "percentage"]
            .iter()
            .any(|p| has(&name_w, p))
    {
        return Kind::Percent;
    }
    if units_of_government && slash {
        return Kind::FractionOfUnits;
    }
    if !unit_words.is_empty() && COUNT_UNITS.iter().any(|u| has(&unit_words, u))
        || has(&name_w, "so luong")
    {
        return Kind::Count;
    }
    if !unit_words.is_empty() {
        return Kind::Count;
    }
    Kind::Percent
}

/// A figure cell read for the indicator: the entry, or the text to keep.
enum Read {
    Entry(numfmt::CellEntry),
    Words(String),
    Bad(String, NumError),
    Empty,
}

/// Reads a figure cell. A unit word after the figure ("15/15 xã", "103 dịch
/// vụ", "100% xã") is dropped and returned as the unit it names; "đạt" before
/// it too. Text with no digit at all is words ("Duy trì"), kept for the notes.
fn read_figure(
    cell: &Cell,
    numbers: Lang,
    kind: &Kind,
    units: usize,
    target: bool,
) -> (Read, Option<String>) {
    if let Some(n) = cell.number {
        if !n.is_finite() || n.abs() > numfmt::MAX_ABS {
            return (Read::Bad(cell.text.clone(), NumError::TooLarge), None);
        }
        if n < 0.0 {
            return (Read::Bad(cell.text.clone(), NumError::Negative), None);
        }
        let figure = match kind {
            Kind::FractionOfUnits if !cell.percent && units == 0 => {
                return (Read::Bad(cell.text.clone(), NumError::NeedsCounts), None)
            }
            Kind::FractionOfUnits if !cell.percent => Figure::Counts {
                numerator: n,
                denominator: units as f64,
            },
            _ => Figure::Value(n),
        };
        return (
            Read::Entry(numfmt::CellEntry {
                figure: Some(figure),
                comparator: None,
                upper: None,
                ambiguous: false,
            }),
            None,
        );
    }
    let text = cell.text.trim();
    if text.is_empty() {
        return (Read::Empty, None);
    }
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return (Read::Words(text.to_string()), None);
    }
    match numfmt::read_cell(text, numbers, kind, units, target) {
        Ok(e) => return (Read::Entry(e), None),
        Err(NumError::NotAFigure) if !target => {
            // a comparator in a current figure ("trên 90%"): the figure, the words kept
            if let Ok(e) = numfmt::read_cell(text, numbers, kind, units, true) {
                if e.comparator != Some(Comparator::Between) {
                    return (
                        Read::Entry(numfmt::CellEntry {
                            comparator: None,
                            ..e
                        }),
                        None,
                    );
                }
            }
        }
        Err(_) => {}
    }
    // a trailing word: "15/15 xã", "103 dịch vụ"
    let cut = text
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit() || *c == '%')
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    let (figure, word) = text.split_at(cut);
    let word = word.trim().trim_start_matches([')', '.']).trim();
    if !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == ' ') {
        if let Ok(e) = numfmt::read_cell(figure, numbers, kind, units, target) {
            return (Read::Entry(e), Some(word.to_string()));
        }
    }
    match numfmt::read_cell(text, numbers, kind, units, target) {
        Err(e) => (Read::Bad(text.to_string(), e), None),
        Ok(e) => (Read::Entry(e), None),
    }
}

/// Reads the rows of a table under a mapping. Nothing is lost: a cell that is
/// not a figure is kept in the indicator's notes ("Mục tiêu 2026: Duy trì")
/// and reported with its row and column; a row is left out only when it has
/// no name, and that is reported too. Indicator ids are `{prefix}-{n}`.
pub fn read(grid: &Grid, mapping: &Mapping, ctx: Context, id_prefix: &str) -> Reading {
    let width = grid.width();
    let role = |c: usize| mapping.columns.get(c).copied().unwrap_or(Role::Skip);
    let col_of = |r: Role| (0..width).find(|&c| role(c) == r);
    let heads = headings(grid, &mapping.header_rows);
    let head = |c: usize| {
        heads
            .get(c)
            .cloned()
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| column_letter(c))
    };
    let mut notes = Vec::new();
    if grid.cut {
        notes.push(Note {
            row: None,
            col: None,
            issue: Issue::Cut,
        });
    }
    let name_col = col_of(Role::Name);
    if name_col.is_none() {
        notes.push(Note {
            row: None,
            col: None,
            issue: Issue::NoNameColumn,
        });
    }
    let baseline_year = col_of(Role::Baseline).and_then(|c| years_in(&heads[c]).last().copied());
    let mut rows = Vec::with_capacity(grid.rows.len());
    let mut group = String::new();
    let mut n = 0;
    for r in 0..grid.rows.len() {
        if r < mapping.first_data_row {
            rows.push(Outcome::Above);
            continue;
        }
        if grid.row_is_empty(r) {
            rows.push(Outcome::Blank);
            continue;
        }
        let text = |c: Option<usize>| c.map(|c| grid.text(r, c).to_string()).unwrap_or_default();
        let number = text(col_of(Role::Number));
        let name = text(name_col);
        let unit = text(col_of(Role::Unit));
        let figure_cells: Vec<&str> = (0..width)
            .filter(|&c| matches!(role(c), Role::Baseline | Role::Target(_)))
            .map(|c| grid.text(r, c))
            .filter(|t| !t.is_empty())
            .collect();
        let choice = mapping.rows.get(&r);
        // a group: numbered I, II, A …, or a name with no unit and no figure
        let looks_group = is_group_number(&number)
            || (!name.is_empty()
                && unit.is_empty()
                && figure_cells.is_empty()
                && (0..width).all(|c| {
                    matches!(role(c), Role::Name | Role::Number | Role::Skip)
                        || grid.text(r, c).is_empty()
                }));
        match choice {
            Some(RowChoice::Skip) => {
                rows.push(Outcome::Skipped);
                continue;
            }
            Some(RowChoice::Group) => {}
            None if looks_group => {}
            _ => {
                if name.is_empty() {
                    notes.push(Note {
                        row: Some(r),
                        col: name_col,
                        issue: Issue::NoName,
                    });
                    rows.push(Outcome::Skipped);
                    continue;
                }
                let kind = match choice {
                    Some(RowChoice::Indicator(code)) => crate::plan::kind_from_code(code, "", ""),
                    _ => guess_kind(&name, &unit, &figure_cells),
                };
                n += 1;
                let parts = RowParts {
                    name,
                    unit,
                    kind,
                    group: &group,
                    baseline_year,
                };
                let ind = read_row(
                    grid,
                    mapping,
                    ctx,
                    r,
                    parts,
                    &head,
                    &mut notes,
                    format!("{id_prefix}-{n}"),
                );
                rows.push(Outcome::Indicator(Box::new(ind)));
                continue;
            }
        }
        // a group heading: its name, else the first text of the row that is not its number
        let heading = if name.is_empty() {
            (0..width)
                .map(|c| grid.text(r, c))
                .find(|t| !t.is_empty() && !is_group_number(t))
                .unwrap_or("")
                .to_string()
        } else {
            name
        };
        group = strip_group_number(&heading);
        rows.push(Outcome::Group(group.clone()));
    }
    // a heading with no indicator under it (a footnote, a signature) is no group
    let mut seen_indicator = false;
    for o in rows.iter_mut().rev() {
        match o {
            Outcome::Indicator(_) => seen_indicator = true,
            Outcome::Group(_) if !seen_indicator => *o = Outcome::Skipped,
            Outcome::Group(_) => seen_indicator = false,
            _ => {}
        }
    }
    // the plan's years widen to the targets' years (an empty plan takes
    // them), if one plan can hold them
    let target_years: Vec<i32> = rows
        .iter()
        .filter_map(|o| {
            if let Outcome::Indicator(i) = o {
                Some(i)
            } else {
                None
            }
        })
        .flat_map(|i| i.targets.iter().map(|t| t.period.year()))
        .collect();
    let mut years = match (
        ctx.empty_plan,
        target_years.iter().min(),
        target_years.iter().max(),
    ) {
        (true, Some(&lo), Some(&hi)) => YearSpan { start: lo, end: hi },
        _ => ctx.years,
    };
    for y in target_years {
        years.start = years.start.min(y);
        years.end = years.end.max(y);
    }
    if years.check().is_err() {
        notes.push(Note {
            row: None,
            col: None,
            issue: Issue::Years,
        });
        years = ctx.years;
    }
    Reading { rows, notes, years }
}

struct RowParts<'a> {
    name: String,
    unit: String,
    kind: Kind,
    group: &'a str,
    baseline_year: Option<i32>,
}

#[allow(clippy::too_many_arguments)]
fn read_row(
    grid: &Grid,
    mapping: &Mapping,
    ctx: Context,
    r: usize,
    parts: RowParts,
    head: &dyn Fn(usize) -> String,
    notes: &mut Vec<Note>,
    id: String,
) -> Indicator {
    let width = grid.width();
    let role = |c: usize| mapping.columns.get(c).copied().unwrap_or(Role::Skip);
    let mut ind = Indicator::new(id, &parts.name, parts.kind.clone());
    ind.group = parts.group.to_string();
    let mut unit = parts.unit.trim().to_string();
    let mut kept: Vec<String> = Vec::new();
    let mut comparator: Option<Comparator> = None;
    let empty = Cell::default();
    let keep =
        |c: usize, text: &str, issue: Issue, kept: &mut Vec<String>, notes: &mut Vec<Note>| {
            kept.push(format!("{}: {text}", head(c)));
            notes.push(Note {
                row: Some(r),
                col: Some(c),
                issue,
            });
        };
    for c in 0..width {
        let cell = grid.cell(r, c).unwrap_or(&empty);
        let text = cell.text.trim();
        if text.starts_with('#') && text.ends_with(['!', '?']) || text == "#N/A" {
            if !matches!(role(c), Role::Skip) {
                keep(
                    c,
                    text,
                    Issue::CellError {
                        text: text.to_string(),
                    },
                    &mut kept,
                    notes,
                );
            }
            continue;
        }
        match role(c) {
            Role::Code => ind.code = text.to_string(),
            Role::Responsible => ind.responsible = text.to_string(),
            Role::LegalBasis => ind.legal_basis = text.to_string(),
            Role::Notes if !text.is_empty() => {
                let h = head(c);
                let plain =
                    classify_heading(&h) == Some(Role::Notes) && fold(&h).contains("ghi chu");
                kept.push(if plain {
                    text.to_string()
                } else {
                    format!("{h}: {text}")
                });
            }
            role @ (Role::Baseline | Role::Target(_)) => {
                let target = matches!(role, Role::Target(_));
                let (read, word) = read_figure(cell, mapping.numbers, &ind.kind, ctx.units, target);
                if let Some(w) = word {
                    if unit.is_empty() || unit == "%" && ind.kind == Kind::FractionOfUnits {
                        unit = w;
                    }
                }
                let entry = match read {
                    Read::Empty => continue,
                    Read::Entry(e) => e,
                    Read::Words(t) => {
                        keep(c, &t, Issue::Words { text: t.clone() }, &mut kept, notes);
                        continue;
                    }
                    Read::Bad(t, e) => {
                        keep(
                            c,
                            &t,
                            Issue::NotAFigure {
                                text: t.clone(),
                                error: e,
                            },
                            &mut kept,
                            notes,
                        );
                        continue;
                    }
                };
                let Some(figure) = entry.figure else { continue };
                match role {
                    Role::Baseline => {
                        ind.baseline = Some(Baseline {
                            figure,
                            as_of: parts.baseline_year.map(Date::end_of_year),
                            source: String::new(),
                        });
                    }
                    Role::Target(y) => {
                        if let Some(cmp) = entry.comparator {
                            match comparator {
                                None => comparator = Some(cmp),
                                Some(first) if first != cmp => notes.push(Note {
                                    row: Some(r),
                                    col: Some(c),
                                    issue: Issue::Comparators,
                                }),
                                _ => {}
                            }
                        }
                        ind.targets.push(Target {
                            period: Period::Year(y),
                            figure,
                            upper: entry.upper,
                            forecast: None,
                        });
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    crate::sort::sort_by_key(&mut ind.targets, |t| t.period);
    ind.targets.dedup_by_key(|t| t.period);
    if let Some(c) = comparator {
        ind.comparator = c;
    }
    if matches!(ind.comparator, Comparator::AtMost | Comparator::LessThan) {
        ind.direction = Direction::Lower;
    }
    ind.unit_label = match (&ind.kind, unit.as_str()) {
        (k, "") if k.is_percent() && !matches!(k, Kind::FractionOfUnits) => "%".to_string(),
        _ => unit,
    };
    ind.notes = kept.join("; ");
    ind
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context {
            years: YearSpan {
                start: 2021,
                end: 2021,
            },
            units: 0,
            lang: Lang::Vi,
            empty_plan: false,
        }
    }

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(4), "E");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn tab_separated_text_with_quoted_cells() {
        let g = from_tsv(
            "STT\tChỉ tiêu\tĐVT\r\n1\t\"Văn bản\r\nđiện tử\"\t%\r\n2\t\"Nói \"\"có\"\"\"\t\r\n",
        );
        assert_eq!(g.rows.len(), 3);
        assert_eq!(g.text(1, 1), "Văn bản điện tử");
        assert_eq!(g.text(2, 1), "Nói \"có\"");
        assert_eq!(
            g.rows[2].len(),
            2,
            "empty cells at the end of a row are dropped"
        );
    }

    #[test]
    fn html_tables_keep_spans_numbers_and_only_text() {
        let html = r#"<html><head><style>td{color:red}</style></head><body><!--StartFragment-->
            <table><tr><td rowspan=2>TT</td><td rowspan="2">Chỉ tiêu</td><td colspan=2>Mục tiêu</td></tr>
            <tr><td>2026</td><td>2027</td></tr>
            <tr><td>1</td><td>Thư <b>điện&nbsp;tử</b><br>công vụ &amp; chữ ký</td><td x:num="0.97">97%</td><td sdval="1567" sdnum="1066;">1.567</td></tr>
            <tr><td>2</td><td><script>alert(1)</script><img src=x onerror=alert(2)>Tên</td></tr></table><!--EndFragment--></body></html>"#;
        let g = from_html(html).unwrap();
        assert_eq!(g.text(0, 2), "Mục tiêu");
        assert_eq!(g.text(1, 2), "2026");
        assert_eq!(g.text(1, 0), "", "covered by the rowspan");
        assert_eq!(g.text(2, 1), "Thư điện tử công vụ & chữ ký");
        assert_eq!(g.cell(2, 2).unwrap().number, Some(97.0));
        assert!(g.cell(2, 2).unwrap().percent);
        assert_eq!(g.cell(2, 3).unwrap().number, Some(1567.0));
        assert_eq!(g.text(3, 1), "Tên");
        assert!(g.merges.contains(&Merge {
            row: 0,
            col: 2,
            rows: 1,
            cols: 2
        }));
        assert!(g.merges.contains(&Merge {
            row: 0,
            col: 0,
            rows: 2,
            cols: 1
        }));
        assert_eq!(from_html("<p>no table</p>"), None);
    }

    #[test]
    fn word_google_sheets_and_libreoffice_tables_read_alike() {
        // Word: paragraphs and spans inside cells, conditional comments, Office tags
        let word = "<html><body><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->\
            <table class=MsoTableGrid border=1><tr><td width=40><p class=MsoNormal align=center><b><span lang=VI>TT<o:p></o:p></span></b></p></td>\
            <td><p class=MsoNormal><span lang=VI>Chỉ&nbsp;tiêu</span></p></td><td><p class=MsoNormal>Mục tiêu 2026</p></td></tr>\
            <tr><td><p class=MsoNormal>1</p></td><td><p class=MsoNormal>Thư điện tử</p><p class=MsoNormal>công vụ</p></td><td><p>trên 97%</p></td></tr></table></body></html>";
        // Google Sheets: its own wrapper, a style block, colgroup and tbody
        let sheets = "<google-sheets-html-origin><style type=\"text/css\"><!--td {border: 1px solid #cccccc;}--></style>\
            <table xmlns=\"http://www.w3.org/1999/xhtml\" cellspacing=\"0\" dir=\"ltr\" data-sheets-root=\"1\"><colgroup><col width=\"100\"/></colgroup><tbody>\
            <tr style=\"height:21px;\"><td>TT</td><td>Chỉ tiêu</td><td>Mục tiêu 2026</td></tr>\
            <tr style=\"height:21px;\"><td style=\"text-align:right;\" data-sheets-value=\"{&quot;1&quot;:3,&quot;3&quot;:1}\">1</td><td>Thư điện tử công vụ</td><td>trên 97%</td></tr></tbody></table>";
        // LibreOffice: exact numbers in sdval
        let libre = "<table cellspacing=\"0\" border=\"0\"><colgroup width=\"85\"></colgroup>\
            <tr><td height=\"17\" align=\"left\">TT</td><td align=\"left\">Chỉ tiêu</td><td align=\"left\">Mục tiêu 2026</td></tr>\
            <tr><td height=\"17\" align=\"right\" sdval=\"1\" sdnum=\"1033;\">1</td><td align=\"left\">Thư điện tử công vụ</td><td align=\"left\">trên 97%</td></tr></table>";
        for html in [word, sheets, libre] {
            let g = from_html(html).unwrap();
            assert_eq!(g.text(0, 1), "Chỉ tiêu", "{html}");
            assert_eq!(g.text(1, 1), "Thư điện tử công vụ", "{html}");
            let c = Context {
                years: YearSpan {
                    start: 2026,
                    end: 2026,
                },
                units: 0,
                lang: Lang::Vi,
                empty_plan: true,
            };
            let m = propose(&g, c);
            let r = read(&g, &m, c, "w");
            let ind = r.indicators().next().unwrap();
            assert_eq!(
                (ind.comparator, ind.targets[0].figure),
                (Comparator::MoreThan, Figure::Value(97.0)),
                "{html}"
            );
        }
    }

    #[test]
    fn headings_say_what_columns_hold() {
        assert_eq!(classify_heading("STT"), Some(Role::Number));
        assert_eq!(classify_heading("TT"), Some(Role::Number));
        assert_eq!(classify_heading("Chỉ tiêu"), Some(Role::Name));
        assert_eq!(classify_heading("Nội dung chỉ tiêu"), Some(Role::Name));
        assert_eq!(classify_heading("Đơn vị tính"), Some(Role::Unit));
        assert_eq!(classify_heading("ĐVT"), Some(Role::Unit));
        assert_eq!(classify_heading("Đơn vị"), Some(Role::Unit));
        assert_eq!(
            classify_heading("Hiện trạng năm 2025"),
            Some(Role::Baseline)
        );
        assert_eq!(classify_heading("Ước thực hiện 2025"), Some(Role::Baseline));
        assert_eq!(
            classify_heading("Mục tiêu năm 2026"),
            Some(Role::Target(2026))
        );
        assert_eq!(
            classify_heading("Chỉ tiêu năm 2027"),
            Some(Role::Target(2027))
        );
        assert_eq!(classify_heading("Kế hoạch 2026"), Some(Role::Target(2026)));
        assert_eq!(classify_heading("Kết quả"), Some(Role::Target(0)));
        assert_eq!(
            classify_heading("Giai đoạn 2026–2030"),
            Some(Role::Target(2030))
        );
        assert_eq!(classify_heading("2028"), Some(Role::Target(2028)));
        assert_eq!(classify_heading("Cơ quan chủ trì"), Some(Role::Responsible));
        assert_eq!(
            classify_heading("Đơn vị thực hiện"),
            Some(Role::Responsible)
        );
        assert_eq!(classify_heading("Cơ quan phối hợp"), Some(Role::Notes));
        assert_eq!(classify_heading("Ghi chú"), Some(Role::Notes));
        assert_eq!(classify_heading("Căn cứ"), Some(Role::LegalBasis));
        assert_eq!(classify_heading("Indicator"), Some(Role::Name));
        assert_eq!(classify_heading("Màu"), None);
    }

    #[test]
    fn kinds_are_guessed_from_unit_name_and_figures() {
        assert_eq!(
            guess_kind("Văn bản đi có ký số", "%", &["80%"]),
            Kind::Percent
        );
        assert_eq!(
            guess_kind("Xã triển khai một cửa", "xã", &["15/15"]),
            Kind::FractionOfUnits
        );
        assert_eq!(
            guess_kind("Xã triển khai một cửa", "", &["15/15 xã"]),
            Kind::FractionOfUnits
        );
        assert_eq!(
            guess_kind("Dịch vụ công mức độ 3", "dịch vụ", &["103"]),
            Kind::Count
        );
        assert_eq!(
            guess_kind("Cơ sở dữ liệu chuyên ngành", "CSDL", &["5"]),
            Kind::Count
        );
        assert_eq!(
            guess_kind("Rút ngắn thời gian họp", "%", &["30%"]),
            Kind::Reduction {
                amount: String::new()
            }
        );
        assert_eq!(
            guess_kind("Tỷ lệ hồ sơ trực tuyến", "", &["40"]),
            Kind::Percent
        );
        assert_eq!(
            guess_kind("Hệ thống thông tin mỗi cơ quan", "hệ thống", &["2–5"]),
            Kind::Count
        );
    }

    fn moc_chau_paste() -> Grid {
        // the Mộc Châu 2021 targets as a planner keeps them in an annex
        from_tsv(concat!(
            "PHỤ LỤC\n",
            "CÁC CHỈ TIÊU ỨNG DỤNG CNTT NĂM 2021\n",
            "\n",
            "STT\tChỉ tiêu\tĐơn vị tính\tHiện trạng 2020\tMục tiêu 2021\tCơ quan chủ trì\tGhi chú\n",
            "(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\n",
            "I\tVăn bản điện tử và điều hành\n",
            "1\tVăn bản chỉ đạo, điều hành xử lý trên hệ thống quản lý văn bản\t%\t95\ttrên 97%\tVăn phòng HĐND và UBND huyện\n",
            "2\tVăn bản điện tử đi có ký số\t%\t62\t80%\tCác cơ quan, đơn vị\n",
            "II\tDịch vụ công trực tuyến và một cửa\n",
            "3\tDịch vụ công trực tuyến mức độ 3\tdịch vụ\t103\t103 dịch vụ\t\tDuy trì\n",
            "4\tXã, thị trấn triển khai phần mềm một cửa\t\t12/15\t15/15 xã\tPhòng VH-TT\n",
            "5\tHồ sơ tiếp nhận, trả kết quả qua bưu chính công ích\t%\t1.567\tkhoảng 20%\n",
            "6\tCán bộ sử dụng thư điện tử công vụ\t%\t\tDuy trì\n",
            "\tNơi nhận: như trên\n",
        ))
    }

    #[test]
    fn a_results_column_of_the_plans_own_year_is_not_taken_for_the_baseline() {
        let g = from_tsv(concat!(
            "STT\tChỉ tiêu\tĐơn vị tính\tHiện trạng năm 2025\tKế hoạch năm 2026\tThực hiện năm 2026\n",
            "1\tVăn bản điện tử đi có ký số\t%\t45\t80\t62\n",
        ));
        let m = propose(&g, ctx());
        assert_eq!(m.columns[3], Role::Baseline, "{:?}", m.columns);
        assert_eq!(m.columns[4], Role::Target(2026));
        assert_ne!(m.columns[5], Role::Baseline);
        // an older annex: last year's results are this year's baseline
        let g = from_tsv(concat!(
            "STT\tChỉ tiêu\tHiện trạng 2019\tThực hiện 2020\tMục tiêu 2021\n",
            "1\tVăn bản điện tử đi có ký số\t40\t62\t80\n",
        ));
        assert_eq!(propose(&g, ctx()).columns[3], Role::Baseline);
    }

    #[test]
    fn a_moc_chau_annex_becomes_indicators() {
        let g = moc_chau_paste();
        let m = propose(&g, ctx());
        assert_eq!(m.header_rows, vec![3]);
        assert_eq!(m.first_data_row, 5, "the row of column numbers is skipped");
        assert_eq!(
            m.columns,
            vec![
                Role::Number,
                Role::Name,
                Role::Unit,
                Role::Baseline,
                Role::Target(2021),
                Role::Responsible,
                Role::Notes
            ]
        );
        let reading = read(&g, &m, ctx(), "x");
        let inds: Vec<&Indicator> = reading.indicators().collect();
        assert_eq!(inds.len(), 6);
        assert_eq!(reading.groups(), 2);
        assert_eq!(
            reading.rows[5],
            Outcome::Group("Văn bản điện tử và điều hành".into())
        );
        assert_eq!(reading.rows[13], Outcome::Skipped, "a footnote is no group");
        let a = inds[0];
        assert_eq!(a.id, "x-1");
        assert_eq!(a.group, "Văn bản điện tử và điều hành");
        assert_eq!(a.kind, Kind::Percent);
        assert_eq!(a.comparator, Comparator::MoreThan);
        assert_eq!(a.targets[0].period, Period::Year(2021));
        assert_eq!(a.targets[0].figure, Figure::Value(97.0));
        assert_eq!(
            a.baseline.as_ref().unwrap().as_of,
            Some(Date::end_of_year(2020))
        );
        assert_eq!(a.responsible, "Văn phòng HĐND và UBND huyện");
        let services = inds[2];
        assert_eq!(services.kind, Kind::Count);
        assert_eq!(services.unit_label, "dịch vụ");
        assert_eq!(services.targets[0].figure, Figure::Value(103.0));
        assert_eq!(services.notes, "Duy trì");
        let one_stop = inds[3];
        assert_eq!(one_stop.kind, Kind::FractionOfUnits);
        assert_eq!(one_stop.unit_label, "xã");
        assert_eq!(
            one_stop.targets[0].figure,
            Figure::Counts {
                numerator: 15.0,
                denominator: 15.0
            }
        );
        assert_eq!(
            one_stop.baseline.as_ref().unwrap().figure,
            Figure::Counts {
                numerator: 12.0,
                denominator: 15.0
            }
        );
        // "1.567" read the Vietnamese way; "khoảng 20%" kept in the notes and reported where it is
        let post = inds[4];
        assert_eq!(
            post.baseline.as_ref().unwrap().figure,
            Figure::Value(1567.0)
        );
        assert!(post.targets.is_empty());
        assert_eq!(post.notes, "Mục tiêu 2021: khoảng 20%");
        assert!(reading.notes.iter().any(|n| n.row == Some(11)
            && n.col == Some(4)
            && matches!(&n.issue, Issue::NotAFigure { text, .. } if text == "khoảng 20%")));
        let mail = inds[5];
        assert_eq!(mail.notes, "Mục tiêu 2021: Duy trì");
        assert!(reading
            .notes
            .iter()
            .any(|n| n.row == Some(12)
                && matches!(&n.issue, Issue::Words { text } if text == "Duy trì")));
        assert_eq!(
            reading.years,
            YearSpan {
                start: 2021,
                end: 2021
            }
        );
    }

    #[test]
    fn merged_headers_spread_over_their_years_and_widen_the_plan() {
        let html = "<table>\
            <tr><th rowspan=2>TT</th><th rowspan=2>Chỉ tiêu</th><th rowspan=2>Đơn vị</th><th rowspan=2>Hiện trạng năm 2025</th><th colspan=3>Mục tiêu</th><th rowspan=2>Cơ quan chủ trì</th></tr>\
            <tr><th>2026</th><th>2027</th><th>2028</th></tr>\
            <tr><td>A</td><td>Chính quyền số</td></tr>\
            <tr><td>1</td><td>Hồ sơ xử lý trực tuyến toàn trình</td><td>%</td><td>51,7</td><td>≥ 60</td><td>70</td><td>80</td><td>Sở KH&amp;CN</td></tr>\
            <tr><td>2</td><td>Hệ thống thông tin của mỗi cơ quan</td><td>hệ thống</td><td>1</td><td>2–5</td><td></td><td></td><td></td></tr>\
            </table>";
        let g = from_html(html).unwrap();
        let c = Context {
            years: YearSpan {
                start: 2026,
                end: 2026,
            },
            units: 0,
            lang: Lang::En,
            empty_plan: false,
        };
        let m = propose(&g, c);
        assert_eq!(m.header_rows, vec![0, 1]);
        assert_eq!(m.first_data_row, 2);
        assert_eq!(headings(&g, &m.header_rows)[5], "Mục tiêu 2027");
        assert_eq!(
            m.columns[4..7],
            [Role::Target(2026), Role::Target(2027), Role::Target(2028)]
        );
        assert_eq!(m.numbers, Lang::Vi, "51,7 settles the table's numbers");
        let r = read(&g, &m, c, "p");
        let inds: Vec<&Indicator> = r.indicators().collect();
        assert_eq!(inds[0].group, "Chính quyền số");
        assert_eq!(
            inds[0].baseline.as_ref().unwrap().figure,
            Figure::Value(51.7)
        );
        assert_eq!(inds[0].targets.len(), 3);
        assert_eq!(inds[0].responsible, "Sở KH&CN");
        assert_eq!(inds[1].comparator, Comparator::Between);
        assert_eq!(inds[1].targets[0].upper, Some(5.0));
        assert_eq!(inds[1].kind, Kind::Count);
        assert_eq!(
            r.years,
            YearSpan {
                start: 2026,
                end: 2028
            }
        );
        // an empty plan of another year takes the table's years
        let empty = Context {
            years: YearSpan {
                start: 2030,
                end: 2030,
            },
            empty_plan: true,
            ..c
        };
        assert_eq!(
            read(&g, &m, empty, "p").years,
            YearSpan {
                start: 2026,
                end: 2028
            }
        );
        assert_eq!(
            read(
                &g,
                &m,
                Context {
                    empty_plan: false,
                    ..empty
                },
                "p"
            )
            .years,
            YearSpan {
                start: 2026,
                end: 2030
            }
        );
    }

    #[test]
    fn the_planner_corrects_columns_rows_and_numbers() {
        let g = moc_chau_paste();
        let mut m = propose(&g, ctx());
        m.columns[6] = Role::Skip;
        m.rows.insert(6, RowChoice::Indicator("count".into()));
        m.rows.insert(7, RowChoice::Skip);
        m.numbers = Lang::En;
        let r = read(&g, &m, ctx(), "x");
        let inds: Vec<&Indicator> = r.indicators().collect();
        assert_eq!(inds.len(), 5);
        assert_eq!(inds[0].kind, Kind::Count);
        assert_eq!(inds[1].notes, "", "the notes column is left out");
        assert_eq!(
            inds[3].baseline.as_ref().unwrap().figure,
            Figure::Value(1.567),
            "read the English way"
        );
    }

    #[test]
    fn a_block_without_headings_is_read_by_its_content() {
        let g = from_tsv(
            "1\tCán bộ dùng thư điện tử\t%\t92\t100\n2\tDịch vụ công mức độ 4\tdịch vụ\t2\t5\n",
        );
        let m = propose(
            &g,
            Context {
                years: YearSpan {
                    start: 2026,
                    end: 2027,
                },
                units: 0,
                lang: Lang::Vi,
                empty_plan: false,
            },
        );
        assert_eq!(m.first_data_row, 0);
        assert_eq!(
            m.columns,
            vec![
                Role::Number,
                Role::Name,
                Role::Unit,
                Role::Baseline,
                Role::Target(2026)
            ]
        );
    }

    #[test]
    fn a_row_without_a_name_and_a_table_without_names_are_reported() {
        let g = from_tsv("STT\tChỉ tiêu\tMục tiêu 2021\n1\t\t80\n");
        let m = propose(&g, ctx());
        let r = read(&g, &m, ctx(), "x");
        assert_eq!(r.indicators().count(), 0);
        assert!(r
            .notes
            .iter()
            .any(|n| n.row == Some(1) && n.issue == Issue::NoName));
        let mut m2 = m.clone();
        m2.columns[1] = Role::Skip;
        assert!(read(&g, &m2, ctx(), "x")
            .notes
            .iter()
            .any(|n| n.issue == Issue::NoNameColumn));
    }

    #[test]
    fn any_clipboard_reads_to_a_preview_without_panicking() {
        // fragments of tables, numbers, entities and quotes, strung together at random (fixed seed)
        const PARTS: [&str; 24] = [
            "<table>",
            "</table>",
            "<tr>",
            "</tr>",
            "<td>",
            "</td>",
            "<td colspan=3>",
            "<th rowspan=2>",
            "<td x:num=\"0.5\">",
            "&#x1F600;",
            "&amp",
            "&#99999999;",
            "\t",
            "\n",
            "\r\n",
            "\"",
            "STT",
            "Chỉ tiêu",
            "Mục tiêu 2026",
            "I",
            "trên 97%",
            "1.567",
            "15/15 xã",
            "<!--",
        ];
        let mut seed: u64 = 20261123;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(seed % 60) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PARTS[(seed >> 33) as usize % PARTS.len()]);
            }
            let g = from_clipboard(&text, &text);
            let c = Context {
                years: YearSpan {
                    start: 2026,
                    end: 2026,
                },
                units: 15,
                lang: Lang::Vi,
                empty_plan: seed % 2 == 0,
            };
            let m = propose(&g, c);
            let r = read(&g, &m, c, "z");
            assert_eq!(r.rows.len(), g.rows.len());
        }
    }

    #[test]
    fn hostile_sizes_are_capped_and_said() {
        let big = "a\t".repeat(200) + "\n";
        let g = from_tsv(&big);
        assert_eq!(g.width(), MAX_COLUMNS);
        assert!(g.cut);
        let html = format!(
            "<table><tr><td colspan=999999 rowspan=999999>x</td></tr>{}</table>",
            "<tr><td>y</td></tr>".repeat(10)
        );
        let g = from_html(&html).unwrap();
        assert!(g.width() <= MAX_COLUMNS && g.rows.len() <= MAX_ROWS);
    }
}
