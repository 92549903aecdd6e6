//! What the office module's dialogs ask of its session, and its answers: a
//! `Request` (with a file's bytes beside it when there is one) and a
//! `Response` (bytes beside it for a written file). What the planner reads
//! in a `Preview` is already in their language.

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// a pasted table: the clipboard's text/plain and text/html, and the plan
    /// file it goes into (its years and units guide the reading)
    Paste {
        text: String,
        html: String,
        plan: String,
        lang: Lang,
    },
    /// an .xlsx file, its bytes beside the message
    Workbook {
        name: String,
        plan: String,
        lang: Lang,
    },
    /// the table read again after the planner changed something in the preview
    Change { change: Change, lang: Lang },
    /// the plan (as it is now) with the table's indicators added, new ids
    /// starting with `ids`
    Build { ids: String, plan: String },
    /// the plan as an .xlsx workbook: the indicator table and the results
    /// judged as of `today` (`YYYY-MM-DD`) unless the plan says otherwise
    WriteXlsx {
        plan: String,
        lang: Lang,
        today: String,
    },
    /// the plan's annex as a .docx document, or with `report` (a period in the
    /// file form, "2026") the results report of that period
    WriteDocx {
        plan: String,
        lang: Lang,
        today: String,
        report: Option<String>,
    },
}

/// One correction in the preview.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// what a column holds (a `Role` code: "name", "target:2026", "skip")
    Column { index: usize, role: String },
    /// what a row is (a kind code, "group" or "skip")
    Row { index: usize, choice: String },
    /// how the table writes its numbers
    Numbers(Lang),
    /// another sheet of the workbook
    Sheet(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    Preview(Preview),
    /// the plan file with the indicators added
    Built {
        plan: String,
    },
    /// a written file; its bytes travel beside the message
    File,
    /// why nothing could be read or written, in the planner's language
    Failed {
        message: String,
    },
}

/// An option of a list in the preview: its value and what the planner reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// the spreadsheet's letter: A, B …
    pub letter: String,
    pub heading: String,
    /// the role's code, one of `Preview::roles`
    pub role: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// the source's row number (1-based: what Excel shows)
    pub line: usize,
    /// the row's index in the table, for a `Change::Row`
    pub index: usize,
    pub cells: Vec<String>,
    /// "above" (title or heading), "blank", "group", "indicator" or "skipped"
    pub outcome: String,
    /// the row's value in `Preview::choices`; empty where nothing can be chosen
    pub choice: String,
    /// what the row became, in words: the group's name, the indicator's kind
    pub says: String,
}

/// How a table was understood, for the planner to check and correct.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// where the table comes from: "Bảng đã dán", "Tệp «x.xlsx», trang «Phụ lục»"
    pub source: String,
    pub sheets: Vec<String>,
    pub sheet: usize,
    pub numbers: Lang,
    pub columns: Vec<Column>,
    pub roles: Vec<Choice>,
    pub rows: Vec<Row>,
    pub choices: Vec<Choice>,
    /// what the planner should know, each saying where (row, column)
    pub notes: Vec<String>,
    /// "12 chỉ tiêu trong 3 nhóm. Kỳ kế hoạch sẽ là 2026–2030."
    pub summary: String,
    /// how many indicators the import adds
    pub count: usize,
}
