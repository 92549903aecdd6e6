//! The office module's state and its answer to each request: the table being
//! imported (its grid, the mapping the planner is correcting, the plan it
//! goes into), and the files it writes. Pure: bytes and JSON in, bytes and
//! JSON out; the worker around it only passes messages.

use super::protocol::{Change, Choice, Column, Preview, Request, Response, Row};
use super::{document, docx, xlsx_in, xlsx_out};
use crate::app::labels;
use crate::file::table::{
    self, column_letter, Context, Grid, Issue, Mapping, Note, Outcome, Role, RowChoice,
};
use crate::file::{self, MAX_FILE_BYTES};
use crate::i18n::{fill, Lang, M};
use crate::numfmt;
use crate::plan::{Date, Period, Plan};
use std::rc::Rc;

/// Where the table being imported comes from.
enum Origin {
    Paste,
    Workbook {
        name: String,
        bytes: Vec<u8>,
        sheets: Vec<String>,
        sheet: usize,
    },
}

struct Import {
    origin: Origin,
    grid: Grid,
    mapping: Mapping,
    ctx: Context,
    plan: Plan,
}

#[derive(Default)]
pub struct Session {
    import: Option<Import>,
}

fn failed(message: String) -> (Response, Option<Vec<u8>>) {
    (Response::Failed { message }, None)
}

fn context(plan: &Plan, lang: Lang) -> Context {
    Context {
        years: plan.period,
        units: plan.sub_units.len(),
        lang,
        empty_plan: plan.indicators.is_empty(),
    }
}

fn read_plan(text: &str, lang: Lang) -> Result<Plan, String> {
    file::from_json(text).map_err(|e| labels::read_error(lang, "plan", &e))
}

fn parse_date(text: &str) -> Date {
    text.parse::<Date>().unwrap_or(Date::start_of_year(2026))
}

impl Session {
    /// Answers a request; `bytes` are a workbook's, and the answer's bytes a written file's.
    pub fn handle(
        &mut self,
        request: Request,
        bytes: Option<Vec<u8>>,
    ) -> (Response, Option<Vec<u8>>) {
        match request {
            Request::Paste {
                text,
                html,
                plan,
                lang,
            } => {
                let plan = match read_plan(&plan, lang) {
                    Ok(p) => p,
                    Err(m) => return failed(m),
                };
                let grid = table::from_clipboard(&text, &html);
                if grid.rows.iter().all(|r| r.iter().all(|c| c.is_empty())) {
                    self.import = None;
                    return failed(lang.t(M::PasteNoTable).to_string());
                }
                self.start(Origin::Paste, grid, plan, lang)
            }
            Request::Workbook { name, plan, lang } => {
                let plan = match read_plan(&plan, lang) {
                    Ok(p) => p,
                    Err(m) => return failed(m),
                };
                let bytes = bytes.unwrap_or_default();
                if bytes.len() as u64 > MAX_FILE_BYTES {
                    let mb = numfmt::format(bytes.len() as f64 / 1_048_576.0, lang, 1);
                    return failed(fill(
                        lang.t(M::ErrTooLarge),
                        &[&name, &mb, &(MAX_FILE_BYTES / 1_048_576).to_string()],
                    ));
                }
                let sheets = match xlsx_in::sheet_names(&bytes) {
                    Ok(s) => s,
                    Err(e) => return failed(book_error(lang, &name, e)),
                };
                // the first sheet that reads as an indicator table, else the first with cells
                let ctx = context(&plan, lang);
                let mut chosen = None;
                for k in 0..sheets.len() {
                    match xlsx_in::read_sheet(&bytes, k, lang) {
                        Ok(g) if g.rows.is_empty() => {}
                        Ok(g) => {
                            let m = table::propose(&g, ctx);
                            let names =
                                m.columns.contains(&Role::Name) && !m.header_rows.is_empty();
                            if names || chosen.is_none() {
                                chosen = Some((k, g));
                            }
                            if names {
                                break;
                            }
                        }
                        Err(e) => return failed(book_error(lang, &name, e)),
                    }
                }
                let Some((sheet, grid)) = chosen else {
                    return failed(fill(lang.t(M::XlsxEmpty), &[&name]));
                };
                self.start(
                    Origin::Workbook {
                        name,
                        bytes,
                        sheets,
                        sheet,
                    },
                    grid,
                    plan,
                    lang,
                )
            }
            Request::Change { change, lang } => {
                let Some(import) = self.import.as_mut() else {
                    return failed(lang.t(M::PasteNoTable).to_string());
                };
                match change {
                    Change::Column { index, role } => {
                        let Some(role) = Role::from_code(&role) else {
                            return (Response::Preview(preview(import, lang)), None);
                        };
                        if import.mapping.columns.len() <= index {
                            import.mapping.columns.resize(index + 1, Role::Skip);
                        }
                        // one column per single role: the one that held it keeps its cells in the notes
                        if !matches!(role, Role::Skip | Role::Notes) {
                            for r in import.mapping.columns.iter_mut().filter(|r| **r == role) {
                                *r = Role::Notes;
                            }
                        }
                        import.mapping.columns[index] = role;
                    }
                    Change::Row { index, choice } => {
                        let choice = match choice.as_str() {
                            "group" => RowChoice::Group,
                            "skip" => RowChoice::Skip,
                            kind => RowChoice::Indicator(kind.to_string()),
                        };
                        import.mapping.rows.insert(index, choice);
                    }
                    Change::Numbers(l) => import.mapping.numbers = l,
                    Change::Sheet(k) => {
                        if let Origin::Workbook {
                            name,
                            bytes,
                            sheets,
                            sheet,
                        } = &mut import.origin
                        {
                            if k < sheets.len() {
                                match xlsx_in::read_sheet(bytes, k, lang) {
                                    Ok(g) => {
                                        *sheet = k;
                                        import.mapping = table::propose(&g, import.ctx);
                                        import.grid = g;
                                    }
                                    Err(e) => return failed(book_error(lang, name, e)),
                                }
                            }
                        }
                    }
                }
                (Response::Preview(preview(import, lang)), None)
            }
            Request::Build { ids, plan } => {
                let Some(import) = self.import.take() else {
                    return failed(Lang::default().t(M::PasteNoTable).to_string());
                };
                let mut plan = match read_plan(&plan, import.ctx.lang) {
                    Ok(p) => p,
                    Err(m) => return failed(m),
                };
                let ctx = Context {
                    years: plan.period,
                    units: plan.sub_units.len(),
                    empty_plan: plan.indicators.is_empty(),
                    ..import.ctx
                };
                let reading = table::read(&import.grid, &import.mapping, ctx, &ids);
                plan.period = reading.years;
                plan.indicators
                    .extend(reading.rows.into_iter().filter_map(|o| match o {
                        Outcome::Indicator(i) => Some(Rc::new(*i)),
                        _ => None,
                    }));
                (
                    Response::Built {
                        plan: file::to_json(&plan, env!("CARGO_PKG_VERSION"), ""),
                    },
                    None,
                )
            }
            Request::WriteXlsx { plan, lang, today } => match read_plan(&plan, lang) {
                Err(m) => failed(m),
                Ok(plan) => match xlsx_out::write(&plan, lang, parse_date(&today)) {
                    Ok(bytes) => (Response::File, Some(bytes)),
                    Err(e) => failed(e.to_string()),
                },
            },
            Request::WriteDocx {
                plan,
                lang,
                today,
                report,
            } => match read_plan(&plan, lang) {
                Err(m) => failed(m),
                Ok(plan) => {
                    let doc = match report.as_deref().and_then(|p| p.parse::<Period>().ok()) {
                        Some(period) => {
                            document::results_report(&plan, lang, period, parse_date(&today))
                        }
                        None => document::annex(&plan, lang),
                    };
                    match docx::write(&doc) {
                        Ok(bytes) => (Response::File, Some(bytes)),
                        Err(e) => failed(e),
                    }
                }
            },
        }
    }

    fn start(
        &mut self,
        origin: Origin,
        grid: Grid,
        plan: Plan,
        lang: Lang,
    ) -> (Response, Option<Vec<u8>>) {
        let ctx = context(&plan, lang);
        let mapping = table::propose(&grid, ctx);
        let import = Import {
            origin,
            grid,
            mapping,
            ctx,
            plan,
        };
        let p = preview(&import, lang);
        self.import = Some(import);
        (Response::Preview(p), None)
    }
}

fn book_error(lang: Lang, name: &str, e: xlsx_in::BookError) -> String {
    match e {
        xlsx_in::BookError::Unreadable(detail) => fill(lang.t(M::XlsxUnreadable), &[name, &detail]),
        xlsx_in::BookError::Password => fill(lang.t(M::XlsxPassword), &[name]),
        xlsx_in::BookError::Sheet(sheet, detail) => {
            fill(lang.t(M::XlsxSheet), &[name, &sheet, &detail])
        }
        xlsx_in::BookError::Empty => fill(lang.t(M::XlsxEmpty), &[name]),
    }
}

fn role_label(lang: Lang, r: Role) -> String {
    match r {
        Role::Skip => lang.t(M::RoleSkip).to_string(),
        Role::Number => lang.t(M::ColNo).to_string(),
        Role::Code => lang.t(M::ColCode).to_string(),
        Role::Name => lang.t(M::ColIndicator).to_string(),
        Role::Unit => lang.t(M::ColUnit).to_string(),
        Role::Baseline => lang.t(M::ColBaseline).to_string(),
        Role::Target(y) => fill(lang.t(M::TargetYear), &[&y.to_string()]),
        Role::Responsible => lang.t(M::ColResponsible).to_string(),
        Role::LegalBasis => lang.t(M::FieldLegalBasis).to_string(),
        Role::Notes => lang.t(M::ColNotes).to_string(),
    }
}

/// Where a note is: "Trang «Phụ lục», dòng 7, cột E" / "Dòng 7".
fn place(lang: Lang, sheet: Option<&str>, note: &Note) -> String {
    let row = note.row.map(|r| (r + 1).to_string());
    let col = note.col.map(column_letter);
    match (sheet, row, col) {
        (None, Some(r), Some(c)) => fill(lang.t(M::WhereCell), &[&r, &c]),
        (None, Some(r), None) => fill(lang.t(M::WhereRow), &[&r]),
        (Some(s), Some(r), Some(c)) => fill(lang.t(M::WhereSheetCell), &[s, &r, &c]),
        (Some(s), Some(r), None) => fill(lang.t(M::WhereSheetRow), &[s, &r]),
        _ => String::new(),
    }
}

fn note_text(lang: Lang, sheet: Option<&str>, note: &Note) -> String {
    let at = place(lang, sheet, note);
    match &note.issue {
        Issue::NotAFigure { text, error } => fill(
            lang.t(M::IssueNotAFigure),
            &[&at, text, lang.t(labels::num_error(*error))],
        ),
        Issue::Words { text } => fill(lang.t(M::IssueWords), &[&at, text]),
        Issue::NoName => fill(lang.t(M::IssueNoName), &[&at]),
        Issue::Comparators => fill(lang.t(M::IssueComparators), &[&at]),
        Issue::NoNameColumn => lang.t(M::IssueNoNameColumn).to_string(),
        Issue::Years => lang.t(M::IssueYears).to_string(),
        Issue::Cut => fill(
            lang.t(M::IssueCut),
            &[
                &table::MAX_ROWS.to_string(),
                &table::MAX_COLUMNS.to_string(),
            ],
        ),
        Issue::CellError { text } => fill(lang.t(M::IssueCellError), &[&at, text]),
    }
}

/// How the table reads now, in the planner's language.
fn preview(import: &Import, lang: Lang) -> Preview {
    let grid = &import.grid;
    let mapping = &import.mapping;
    let reading = table::read(grid, mapping, import.ctx, "p");
    let width = grid.width();
    let heads = table::headings(grid, &mapping.header_rows);
    let (source, sheets, sheet_index, sheet) = match &import.origin {
        Origin::Paste => (lang.t(M::PastedTable).to_string(), Vec::new(), 0, None),
        Origin::Workbook {
            name,
            sheets,
            sheet,
            ..
        } => {
            let s = sheets.get(*sheet).map(String::as_str).unwrap_or("");
            (
                fill(lang.t(M::SourceSheet), &[name, s]),
                sheets.clone(),
                *sheet,
                Some(s),
            )
        }
    };
    // the roles a column can take: every year of the plan and of the headings
    let mut years: Vec<i32> = import.ctx.years.years().collect();
    years.extend(reading.years.years());
    years.extend(heads.iter().flat_map(|h| table::years_in(h)));
    years.extend(mapping.columns.iter().filter_map(|r| {
        if let Role::Target(y) = r {
            Some(*y)
        } else {
            None
        }
    }));
    years.sort_unstable();
    years.dedup();
    let mut roles = vec![
        Role::Skip,
        Role::Number,
        Role::Code,
        Role::Name,
        Role::Unit,
        Role::Baseline,
    ];
    roles.extend(years.iter().map(|y| Role::Target(*y)));
    roles.extend([Role::Responsible, Role::LegalBasis, Role::Notes]);
    let roles: Vec<Choice> = roles
        .into_iter()
        .map(|r| Choice {
            value: r.code(),
            label: role_label(lang, r),
        })
        .collect();
    let columns = (0..width)
        .map(|c| Column {
            letter: column_letter(c),
            heading: heads.get(c).cloned().unwrap_or_default(),
            role: mapping.columns.get(c).copied().unwrap_or(Role::Skip).code(),
        })
        .collect();
    let mut choices: Vec<Choice> = labels::KINDS
        .iter()
        .map(|k| Choice {
            value: k.to_string(),
            label: labels::kind(lang, k).to_string(),
        })
        .collect();
    choices.push(Choice {
        value: "group".into(),
        label: lang.t(M::FieldGroup).to_string(),
    });
    choices.push(Choice {
        value: "skip".into(),
        label: lang.t(M::RoleSkip).to_string(),
    });
    let rows = reading
        .rows
        .iter()
        .enumerate()
        .filter(|(_, o)| **o != Outcome::Blank)
        .map(|(r, o)| {
            let (outcome, choice, says) = match o {
                Outcome::Above => ("above", String::new(), lang.t(M::RowAbove).to_string()),
                Outcome::Blank => ("blank", String::new(), String::new()),
                Outcome::Group(name) => ("group", "group".to_string(), name.clone()),
                Outcome::Indicator(ind) => {
                    let code = crate::plan::kind_code(&ind.kind);
                    (
                        "indicator",
                        code.to_string(),
                        labels::kind(lang, code).to_string(),
                    )
                }
                Outcome::Skipped => (
                    "skipped",
                    "skip".to_string(),
                    lang.t(M::RoleSkip).to_string(),
                ),
            };
            Row {
                line: r + 1,
                index: r,
                cells: (0..width).map(|c| grid.text(r, c).to_string()).collect(),
                outcome: outcome.to_string(),
                choice,
                says,
            }
        })
        .collect();
    let count = reading.indicators().count();
    let mut summary = fill(
        lang.t(M::ImportSummary),
        &[&count.to_string(), &reading.groups().to_string()],
    );
    if reading.years != import.plan.period {
        summary.push(' ');
        summary.push_str(&fill(
            lang.t(M::ImportYears),
            &[
                &reading.years.start.to_string(),
                &reading.years.end.to_string(),
            ],
        ));
    }
    Preview {
        source,
        sheets,
        sheet: sheet_index,
        numbers: mapping.numbers,
        columns,
        roles,
        rows,
        choices,
        notes: reading
            .notes
            .iter()
            .map(|n| note_text(lang, sheet, n))
            .collect(),
        summary,
        count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;
    use crate::plan::{Kind, Level, Unit, YearSpan};

    fn blank() -> String {
        let mut p = Plan::new(
            "b",
            "Kế hoạch mới",
            Unit {
                name: "UBND xã A".into(),
                level: Level::Commune,
                code: String::new(),
            },
            2026,
        );
        p.period = YearSpan {
            start: 2026,
            end: 2026,
        };
        file::to_json(&p, "test", "")
    }

    const ANNEX: &str = "STT\tChỉ tiêu\tĐơn vị tính\tHiện trạng năm 2025\tMục tiêu 2026\tMục tiêu 2027\tCơ quan chủ trì\n\
        I\tChính quyền số\n\
        1\tHồ sơ xử lý trực tuyến toàn trình\t%\t51,7\t≥ 60\t80\tVăn phòng\n\
        2\tDịch vụ công trực tuyến toàn trình\tdịch vụ\t103\t110\tnhiều\tVăn phòng\n";

    #[test]
    fn a_paste_is_previewed_corrected_and_built_into_the_plan() {
        let mut s = Session::default();
        let (r, _) = s.handle(
            Request::Paste {
                text: ANNEX.into(),
                html: String::new(),
                plan: blank(),
                lang: Lang::Vi,
            },
            None,
        );
        let Response::Preview(p) = r else {
            panic!("{r:?}")
        };
        assert_eq!(p.source, "Bảng đã dán");
        assert_eq!(p.count, 2);
        assert_eq!(p.columns[4].role, "target:2026");
        assert_eq!(p.columns[1].heading, "Chỉ tiêu");
        assert_eq!(
            p.summary,
            "2 chỉ tiêu trong 1 nhóm. Kỳ kế hoạch sẽ là 2026–2027."
        );
        assert!(
            p.notes.contains(
                &"Dòng 4, cột F: «nhiều» là chữ, không phải số; giữ trong ghi chú".to_string()
            ),
            "{:?}",
            p.notes
        );
        assert_eq!(p.rows[0].outcome, "above");
        assert_eq!(p.rows[1].says, "Chính quyền số");
        assert_eq!(p.rows[2].choice, "percent");
        assert!(p
            .roles
            .iter()
            .any(|c| c.value == "target:2027" && c.label == "Mục tiêu 2027"));
        // the planner says the second indicator is a percent, and leaves out the agency column
        s.handle(
            Request::Change {
                change: Change::Row {
                    index: 3,
                    choice: "percent".into(),
                },
                lang: Lang::Vi,
            },
            None,
        );
        let (r, _) = s.handle(
            Request::Change {
                change: Change::Column {
                    index: 6,
                    role: "skip".into(),
                },
                lang: Lang::En,
            },
            None,
        );
        let Response::Preview(p) = r else { panic!() };
        assert_eq!(p.rows[3].says, "Percent");
        let (r, _) = s.handle(
            Request::Build {
                ids: "n".into(),
                plan: blank(),
            },
            None,
        );
        let Response::Built { plan } = r else {
            panic!()
        };
        let plan = file::from_json(&plan).unwrap();
        assert_eq!(
            plan.period,
            YearSpan {
                start: 2026,
                end: 2027
            }
        );
        assert_eq!(plan.indicators.len(), 2);
        assert_eq!(plan.indicators[1].kind, Kind::Percent);
        assert_eq!(plan.indicators[1].responsible, "");
        assert_eq!(plan.indicators[0].id, "n-1");
    }

    #[test]
    fn a_paste_without_a_table_and_a_broken_workbook_are_explained() {
        let mut s = Session::default();
        let (r, _) = s.handle(
            Request::Paste {
                text: "  \n".into(),
                html: String::new(),
                plan: blank(),
                lang: Lang::Vi,
            },
            None,
        );
        assert_eq!(
            r,
            Response::Failed {
                message: "Nội dung vừa dán không có bảng nào.".into()
            }
        );
        let (r, _) = s.handle(
            Request::Workbook {
                name: "x.xlsx".into(),
                plan: blank(),
                lang: Lang::En,
            },
            Some(b"hello".to_vec()),
        );
        let Response::Failed { message } = r else {
            panic!()
        };
        assert!(
            message.starts_with("File «x.xlsx» is not a readable Excel .xlsx file ("),
            "{message}"
        );
    }

    #[test]
    fn the_written_workbook_reads_back_as_the_same_indicators() {
        let plan = sample_plan("s");
        let text = file::to_json(&plan, "test", "");
        let mut s = Session::default();
        let (r, bytes) = s.handle(
            Request::WriteXlsx {
                plan: text,
                lang: Lang::Vi,
                today: "2021-06-30".into(),
            },
            None,
        );
        assert_eq!(r, Response::File);
        let bytes = bytes.unwrap();
        assert_eq!(
            xlsx_in::sheet_names(&bytes).unwrap(),
            vec!["Chỉ tiêu".to_string(), "Thực hiện".to_string()]
        );
        // imported into an empty plan of the same year, the annex gives the plan's indicators back
        let mut empty = plan.clone();
        empty.indicators.clear();
        let (r, _) = s.handle(
            Request::Workbook {
                name: "k.xlsx".into(),
                plan: file::to_json(&empty, "t", ""),
                lang: Lang::Vi,
            },
            Some(bytes),
        );
        let Response::Preview(p) = r else {
            panic!("{r:?}")
        };
        assert_eq!(p.source, "Tệp «k.xlsx», trang «Chỉ tiêu»");
        assert_eq!(p.count, 14, "{:?}", p.notes);
        let (r, _) = s.handle(
            Request::Build {
                ids: "r".into(),
                plan: file::to_json(&empty, "t", ""),
            },
            None,
        );
        let Response::Built { plan: back } = r else {
            panic!()
        };
        let back = file::from_json(&back).unwrap();
        for (a, b) in plan.indicators.iter().zip(back.indicators.iter()) {
            assert_eq!(
                (&a.code, &a.group, &a.name.vi, &a.unit_label),
                (&b.code, &b.group, &b.name.vi, &b.unit_label)
            );
            assert_eq!(a.comparator, b.comparator, "{}", a.code);
            assert_eq!(a.targets.len(), b.targets.len(), "{}", a.code);
            let (ta, tb) = (
                crate::calc::value(&a.kind, a.targets[0].figure),
                crate::calc::value(&b.kind, b.targets[0].figure),
            );
            assert_eq!(ta, tb, "{}", a.code);
        }
    }

    #[test]
    fn the_word_annex_and_report_are_written() {
        let text = file::to_json(&sample_plan("s"), "test", "");
        let mut s = Session::default();
        let (r, bytes) = s.handle(
            Request::WriteDocx {
                plan: text.clone(),
                lang: Lang::Vi,
                today: "2021-06-30".into(),
                report: None,
            },
            None,
        );
        assert_eq!(r, Response::File);
        assert!(bytes.unwrap().starts_with(b"PK"));
        let (r, bytes) = s.handle(
            Request::WriteDocx {
                plan: text,
                lang: Lang::En,
                today: "2021-06-30".into(),
                report: Some("2021".into()),
            },
            None,
        );
        assert_eq!(r, Response::File);
        assert!(bytes.unwrap().len() > 1000);
    }
}
