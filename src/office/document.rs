//! What the Word and Excel files say, built once from the plan: the header
//! block of an official document (Decree 30/2020/NĐ-CP: issuing body and
//! number top left, national motto and place and date top right), the title,
//! the line saying which plan it belongs to, and a table of rows. The annex
//! and the results report are the same document with different rows; the
//! writers only lay it out. Figures carry both their number (with an Excel
//! number format) and their text as the planner reads it.

use crate::app::components::annex::{date_parts, place_name, ROMAN};
use crate::app::labels;
use crate::calc::{self, Basis};
use crate::i18n::{fill, Lang, M};
use crate::numfmt;
use crate::plan::{Comparator, Date, Figure, Indicator, Kind, Period, Plan};

/// A cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// a figure: the number a spreadsheet keeps, the Excel number format that
    /// shows it ("#,##0", "\"> \"0\"%\""), and the text a document prints
    Number {
        value: f64,
        format: String,
        shown: String,
    },
}

impl Value {
    pub fn shown(&self) -> &str {
        match self {
            Value::Empty => "",
            Value::Text(t) => t,
            Value::Number { shown, .. } => shown,
        }
    }
}

/// A row of a table: a group heading, or cells.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    Group { number: String, title: String },
    Cells(Vec<Value>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    /// relative widths of the columns
    pub widths: Vec<u16>,
    /// the columns whose text is centred (numbers, units)
    pub centred: Vec<bool>,
    pub lines: Vec<Line>,
}

/// An official document: the header block, the title, one table, closing lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// the body above the issuer ("UBND TỈNH SƠN LA"), upper case
    pub parent: Option<String>,
    /// the issuing body, upper case
    pub issuer: String,
    /// "Số: 3498/UBND-VHTT"
    pub number: Option<String>,
    pub motto: [String; 2],
    /// "Mộc Châu, ngày 31 tháng 12 năm 2020"
    pub place_date: Option<String>,
    pub title: String,
    pub subtitle: String,
    /// "(Kèm theo Kế hoạch số … ngày … của …)"
    pub of_line: String,
    /// lines between the title and the table (a report's "đạt N/M chỉ tiêu")
    pub lead: Vec<String>,
    pub table: Table,
    pub closing: Vec<String>,
}

/// The decimals a figure needs (at most `max`): 97 → 0, 98.3 → 1.
fn decimals(v: f64, max: usize) -> usize {
    (0..=max)
        .find(|&d| {
            let scale = 10f64.powi(d as i32);
            ((v * scale).round() - v * scale).abs() < 1e-6 * scale.max(1.0)
        })
        .unwrap_or(max)
}

/// A literal part of an Excel number format: quoted, quotes dropped.
fn literal(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("\"{}\"", s.replace('"', ""))
    }
}

/// A figure as a number with an Excel format: `prefix`, the number with
/// thousands grouped and the decimals it needs, `suffix`. The file's format
/// is language-neutral: Excel and LibreOffice show the separators of the
/// planner's own locale (1.567,5 in Vietnamese, 1,567.5 in English); the
/// printed text uses the interface's language.
pub fn number(lang: Lang, value: f64, prefix: &str, suffix: &str) -> Value {
    let d = decimals(value, 2);
    let pattern = if d == 0 {
        "#,##0".to_string()
    } else {
        format!("#,##0.{}", "0".repeat(d))
    };
    Value::Number {
        value,
        format: format!("{}{pattern}{}", literal(prefix), literal(suffix)),
        shown: format!("{prefix}{}{suffix}", numfmt::format(value, lang, 2)),
    }
}

/// The unit written after a value in its cell: "%" for shares (the unit
/// column names what is counted).
fn suffix(ind: &Indicator) -> &'static str {
    if ind.kind.is_percent() {
        "%"
    } else {
        ""
    }
}

/// A figure of an indicator as a cell: k of n units keeps its counts
/// ("15/15", the number being 15); a share given as counts is its percent
/// ("95%"); a value is itself. `prefix` comes before it ("> ").
pub fn figure_value(lang: Lang, ind: &Indicator, figure: Figure, prefix: &str) -> Value {
    match (&ind.kind, figure) {
        (
            Kind::FractionOfUnits,
            Figure::Counts {
                numerator,
                denominator,
            },
        ) => {
            let of = format!("/{}", numfmt::format(denominator, lang, 2));
            number(lang, numerator, prefix, &of)
        }
        (
            Kind::Count,
            Figure::Counts {
                numerator,
                denominator,
            },
        ) => number(
            lang,
            numerator,
            prefix,
            &format!("/{}", numfmt::format(denominator, lang, 2)),
        ),
        (kind, f) => match calc::value(kind, f) {
            Some(v) => number(lang, v, prefix, suffix(ind)),
            None => Value::Text(numfmt::format_figure(f, lang)),
        },
    }
}

/// The sign a target is written with, when it is not "at least": "> ", "≤ ".
fn comparator_prefix(c: Comparator) -> String {
    match (c, labels::comparator_sign(c)) {
        (Comparator::AtLeast | Comparator::Between, _) | (_, "") => String::new(),
        (_, s) => format!("{s} "),
    }
}

/// A target as a cell: "> 97%", "2–5", "15/15".
pub fn target_value(lang: Lang, ind: &Indicator, period: Period) -> Value {
    let Some(t) = ind.target_for(period) else {
        return Value::Empty;
    };
    match (ind.comparator, t.upper, t.figure) {
        (Comparator::Between, Some(upper), Figure::Value(v)) => {
            let tail = format!("–{}{}", numfmt::format(upper, lang, 2), suffix(ind));
            number(lang, v, "", &tail)
        }
        (c, _, f) => figure_value(lang, ind, f, &comparator_prefix(c)),
    }
}

fn notes(ind: &Indicator) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !ind.notes.trim().is_empty() {
        parts.push(ind.notes.trim());
    }
    // warnings the plan accepted, with their reasons ("duy trì 103 dịch vụ")
    parts.extend(
        ind.acknowledged
            .iter()
            .map(|a| a.reason.trim())
            .filter(|r| !r.is_empty()),
    );
    parts.join("; ")
}

/// The body above the issuer, the issuer, in capitals.
fn bodies(plan: &Plan) -> (Option<String>, String) {
    let parent = plan
        .parent_unit
        .as_ref()
        .map(|u| u.name.to_uppercase())
        .filter(|s| !s.trim().is_empty());
    (parent, plan.unit.name.to_uppercase())
}

/// "Mộc Châu, ngày 31 tháng 12 năm 2020".
fn place_date(plan: &Plan, lang: Lang, d: Date) -> String {
    let (day, month, year) = date_parts(d);
    fill(
        lang.t(M::PlaceDate),
        &[&place_name(&plan.unit.name), &day, &month, &year],
    )
}

/// "(Kèm theo Kế hoạch số … ngày … của …)", as the printed annex says it.
pub fn of_line(plan: &Plan, lang: Lang) -> String {
    let kind = labels::document_type(lang, plan.document_type());
    match (plan.document_number.trim(), plan.issue_date) {
        ("", _) => fill(lang.t(M::AnnexOfNoNumber), &[&plan.title, &plan.unit.name]),
        (n, Some(d)) => fill(lang.t(M::AnnexOf), &[kind, n, &d.dmy(), &plan.unit.name]),
        (n, None) => fill(lang.t(M::AnnexOf), &[kind, n, "…", &plan.unit.name]),
    }
}

/// A group's place, its name, and its indicators with their numbers.
type Group<'a> = (usize, &'a str, Vec<(usize, &'a Indicator)>);

/// The indicators by group, in the plan's order, with their numbers from 1.
fn by_group(plan: &Plan) -> Vec<Group<'_>> {
    let mut n = 0;
    plan.groups()
        .into_iter()
        .enumerate()
        .map(|(g, group)| {
            let members = plan
                .indicators
                .iter()
                .filter(|i| i.group == group)
                .map(|i| {
                    n += 1;
                    (n, &**i)
                })
                .collect();
            (g, group, members)
        })
        .collect()
}

fn group_line(g: usize, group: &str) -> Option<Line> {
    (!group.trim().is_empty()).then(|| Line::Group {
        number: ROMAN.get(g).copied().unwrap_or("").to_string(),
        title: group.to_string(),
    })
}

/// The annex table: STT, (code,) indicator, unit, current figure, the target
/// of each year of the plan, responsible agency, notes. The code column is
/// for spreadsheets, where indicators are matched by it.
pub fn annex_table(plan: &Plan, lang: Lang, with_code: bool) -> Table {
    let years: Vec<i32> = plan.period.years().collect();
    let mut head = vec![lang.t(M::ColNo).to_string()];
    let mut widths = vec![9];
    if with_code {
        head.push(lang.t(M::ColCode).to_string());
        widths.push(9);
    }
    head.extend([
        lang.t(M::ColIndicator).to_string(),
        lang.t(M::ColUnit).to_string(),
        lang.t(M::ColBaseline).to_string(),
    ]);
    widths.extend([34, 9, 12]);
    for y in &years {
        head.push(fill(lang.t(M::TargetYear), &[&y.to_string()]));
        widths.push(12);
    }
    head.extend([
        lang.t(M::ColResponsible).to_string(),
        lang.t(M::ColNotes).to_string(),
    ]);
    widths.extend([18, 16]);
    let mut centred: Vec<bool> = head.iter().map(|_| true).collect();
    let name_col = if with_code { 2 } else { 1 };
    centred[name_col] = false;
    let last = centred.len();
    centred[last - 2] = false;
    centred[last - 1] = false;
    let mut lines = Vec::new();
    for (g, group, members) in by_group(plan) {
        lines.extend(group_line(g, group));
        for (n, ind) in members {
            let mut cells = vec![Value::Text(n.to_string())];
            if with_code {
                cells.push(Value::Text(ind.code.clone()));
            }
            cells.push(Value::Text(labels::name_with_level(lang, ind)));
            cells.push(Value::Text(labels::unit_word(lang, &ind.unit_label)));
            cells.push(
                ind.baseline
                    .as_ref()
                    .map(|b| figure_value(lang, ind, b.figure, ""))
                    .unwrap_or(Value::Empty),
            );
            cells.extend(
                years
                    .iter()
                    .map(|y| target_value(lang, ind, Period::Year(*y))),
            );
            cells.push(Value::Text(ind.responsible.clone()));
            cells.push(Value::Text(notes(ind)));
            lines.push(Line::Cells(cells));
        }
    }
    Table {
        head,
        widths,
        centred,
        lines,
    }
}

/// The annex of a plan as an official document.
pub fn annex(plan: &Plan, lang: Lang) -> Document {
    let (parent, issuer) = bodies(plan);
    Document {
        parent,
        issuer,
        number: (!plan.document_number.trim().is_empty())
            .then(|| fill(lang.t(M::DocNumber), &[plan.document_number.trim()])),
        motto: [lang.t(M::Motto1).to_string(), lang.t(M::Motto2).to_string()],
        place_date: plan.issue_date.map(|d| place_date(plan, lang, d)),
        title: lang.t(M::Appendix).to_string(),
        subtitle: lang.t(M::AnnexTitle).to_string(),
        of_line: of_line(plan, lang),
        lead: Vec::new(),
        table: annex_table(plan, lang, false),
        closing: Vec::new(),
    }
}

/// The results report of a period, as the app shows and prints it
/// (`calc::results`): for each indicator its target, the actuals of the
/// shorter periods inside, what was reached, the share of the target and
/// the verdict, group by group with their tallies, and the line it starts
/// with ("Năm 2025: đạt 30/34 chỉ tiêu"), as of the plan's date or `today`.
/// Dated `today`; the report's number is left for the planner to write.
pub fn results_report(plan: &Plan, lang: Lang, period: Period, today: Date) -> Document {
    let basis = Basis::of(plan, today);
    let report = calc::results(plan, basis, period);
    let period_name = labels::period(lang, period);
    let mut head = vec![
        lang.t(M::ColNo).to_string(),
        lang.t(M::ColIndicator).to_string(),
        lang.t(M::ColUnit).to_string(),
        fill(lang.t(M::ReportTargetOf), &[&period_name]),
    ];
    let mut widths = vec![9, 40, 9, 12];
    head.extend(
        report
            .interim
            .iter()
            .map(|p| fill(lang.t(M::ReportActualOf), &[&labels::period(lang, *p)])),
    );
    widths.extend(report.interim.iter().map(|_| 11));
    head.extend([
        lang.t(M::ReportReached).to_string(),
        lang.t(M::ReportAchievement).to_string(),
        lang.t(M::ReportVerdict).to_string(),
    ]);
    widths.extend([12, 10, 14]);
    let mut centred = vec![true; head.len()];
    centred[1] = false;
    let mut lines = Vec::new();
    let mut n = 0;
    for (g, group) in report.groups.iter().enumerate() {
        if !group.name.trim().is_empty() {
            let tally = labels::group_tally(lang, group);
            lines.push(Line::Group {
                number: ROMAN.get(g).copied().unwrap_or("").to_string(),
                title: format!("{} — {tally}", labels::group(lang, &group.name)),
            });
        }
        for r in &group.rows {
            n += 1;
            let ind = &*r.indicator;
            let mut cells = vec![
                Value::Text(n.to_string()),
                Value::Text(labels::name_with_level(lang, ind)),
                Value::Text(labels::unit_word(lang, &ind.unit_label)),
                target_value(lang, ind, period),
            ];
            cells.extend(r.interim.iter().map(|f| {
                f.map(|f| figure_value(lang, ind, f, ""))
                    .unwrap_or(Value::Empty)
            }));
            cells.push(
                r.reached
                    .map(|a| figure_value(lang, ind, a.figure, ""))
                    .unwrap_or(Value::Empty),
            );
            cells.push(
                r.achievement
                    .map(|s| number(lang, s * 100.0, "", "%"))
                    .unwrap_or(Value::Empty),
            );
            cells.push(Value::Text(
                labels::status(lang, r.evaluation.status).to_string(),
            ));
            lines.push(Line::Cells(cells));
        }
    }
    let summary = labels::report_summary(lang, &report, &period_name);
    let as_of = fill(lang.t(M::ReportAsOf), &[&basis.judged_at(period).dmy()]);
    let of_plan = match (plan.document_number.trim(), plan.issue_date) {
        ("", _) => fill(lang.t(M::ReportOfNoNumber), &[&plan.title]),
        (n, d) => fill(
            lang.t(M::ReportOf),
            &[
                labels::document_type(lang, plan.document_type()),
                n,
                &d.map(|d| d.dmy()).unwrap_or_else(|| "…".into()),
                &plan.title,
            ],
        ),
    };
    let (parent, issuer) = bodies(plan);
    Document {
        parent,
        issuer,
        number: Some(fill(lang.t(M::DocNumber), &["      /BC-UBND"])),
        motto: [lang.t(M::Motto1).to_string(), lang.t(M::Motto2).to_string()],
        place_date: Some(place_date(plan, lang, today)),
        title: lang.t(M::ReportHeading).to_string(),
        subtitle: fill(lang.t(M::ReportSubtitle), &[&period_name]),
        of_line: of_plan,
        lead: vec![format!("{summary} ({as_of})")],
        table: Table {
            head,
            widths,
            centred,
            lines,
        },
        closing: Vec::new(),
    }
}

/// The results sheet of the workbook: one row per indicator and period that
/// has a target or an actual, with the counts behind shares, the achievement
/// and the status as of the plan's date (or `today`).
pub fn results_table(plan: &Plan, lang: Lang, today: Date) -> Table {
    let basis = Basis::of(plan, today);
    let head = vec![
        lang.t(M::ColNo).to_string(),
        lang.t(M::ColCode).to_string(),
        lang.t(M::ColIndicator).to_string(),
        lang.t(M::PeriodLabel).to_string(),
        lang.t(M::ColTarget).to_string(),
        lang.t(M::ColActual).to_string(),
        lang.t(M::NumeratorLabel).to_string(),
        lang.t(M::DenominatorLabel).to_string(),
        lang.t(M::ColAchievement).to_string(),
        lang.t(M::ColStatus).to_string(),
    ];
    let mut lines = Vec::new();
    for (g, group, members) in by_group(plan) {
        lines.extend(group_line(g, group));
        for (n, ind) in members {
            let mut periods: Vec<Period> = ind
                .targets
                .iter()
                .map(|t| t.period)
                .chain(ind.actuals.iter().map(|a| a.period))
                .collect();
            periods.sort();
            periods.dedup();
            for p in periods {
                let ev = calc::evaluate(ind, basis, p);
                let actual = ind.actual_for(p).map(|a| a.figure);
                let (num, den) = match actual {
                    Some(Figure::Counts {
                        numerator,
                        denominator,
                    }) => (
                        number(lang, numerator, "", ""),
                        number(lang, denominator, "", ""),
                    ),
                    _ => (Value::Empty, Value::Empty),
                };
                lines.push(Line::Cells(vec![
                    Value::Text(n.to_string()),
                    Value::Text(ind.code.clone()),
                    Value::Text(labels::name_with_level(lang, ind)),
                    Value::Text(labels::period(lang, p)),
                    target_value(lang, ind, p),
                    actual
                        .map(|f| figure_value(lang, ind, f, ""))
                        .unwrap_or(Value::Empty),
                    num,
                    den,
                    ev.shown
                        .map(|r| number(lang, r * 100.0, "", "%"))
                        .unwrap_or(Value::Empty),
                    Value::Text(labels::status(lang, ev.status).to_string()),
                ]));
            }
        }
    }
    Table {
        head,
        widths: vec![9, 9, 40, 14, 11, 11, 10, 10, 10, 16],
        centred: vec![true, true, false, true, true, true, true, true, true, true],
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;

    #[test]
    fn figures_keep_their_number_and_read_the_planners_way() {
        let p = sample_plan("s");
        let ind = p.indicator("s-0").unwrap(); // VB-01: more than 97%
        assert_eq!(
            target_value(Lang::Vi, ind, Period::Year(2021)),
            Value::Number {
                value: 97.0,
                format: "\"> \"#,##0\"%\"".into(),
                shown: "> 97%".into()
            }
        );
        let one_stop = p.indicators.iter().find(|i| i.code == "MC-01").unwrap();
        assert_eq!(
            target_value(Lang::Vi, one_stop, Period::Year(2021)),
            Value::Number {
                value: 15.0,
                format: "#,##0\"/15\"".into(),
                shown: "15/15".into()
            }
        );
        match figure_value(Lang::Vi, ind, ind.baseline.as_ref().unwrap().figure, "") {
            Value::Number {
                value,
                format,
                shown,
            } => {
                assert!((value - 95.013).abs() < 0.001);
                assert_eq!(format, "#,##0.00\"%\"");
                assert_eq!(shown, "95,01%");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            number(Lang::Vi, 1567.0, "", ""),
            Value::Number {
                value: 1567.0,
                format: "#,##0".into(),
                shown: "1.567".into()
            }
        );
        assert_eq!(number(Lang::En, 98.3, "", "%").shown(), "98.3%");
    }

    #[test]
    fn the_annex_and_the_report_are_one_document_with_other_rows() {
        let p = sample_plan("s");
        let a = annex(&p, Lang::Vi);
        assert_eq!(a.issuer, "UBND HUYỆN MỘC CHÂU");
        assert_eq!(a.number.as_deref(), Some("Số: 3498/UBND-VHTT"));
        assert_eq!(
            a.place_date.as_deref(),
            Some("Mộc Châu, ngày 31 tháng 12 năm 2020")
        );
        assert_eq!(a.table.head.len(), 7);
        assert_eq!(
            a.table
                .lines
                .iter()
                .filter(|l| matches!(l, Line::Group { .. }))
                .count(),
            4
        );
        assert_eq!(
            a.table
                .lines
                .iter()
                .filter(|l| matches!(l, Line::Cells(_)))
                .count(),
            14
        );
        let today = Date::new(2022, 3, 1).unwrap();
        let r = results_report(&p, Lang::Vi, Period::Year(2021), today);
        assert_eq!(r.table.head[3], "Mục tiêu Năm 2021");
        assert_eq!(
            r.lead,
            vec!["Năm 2021: đạt 0/14 chỉ tiêu. 14 chỉ tiêu chưa có số liệu thực hiện. (số liệu tính đến ngày 31/12/2021)".to_string()]
        );
        let sheet = results_table(&p, Lang::En, today);
        assert_eq!(sheet.head.len(), 10);
    }

    #[test]
    fn an_indicator_set_for_the_communes_names_its_level_in_every_table() {
        let mut p = sample_plan("s");
        let mut twice = (*p.indicators[0]).clone();
        twice.id = "s-0-xa".into();
        twice.applies_to = Some(crate::plan::Level::Commune);
        p.indicators.insert(1, std::rc::Rc::new(twice));
        let names = |t: &Table, col: usize| -> Vec<String> {
            t.lines
                .iter()
                .filter_map(|l| match l {
                    Line::Cells(c) => match &c[col] {
                        Value::Text(s) => Some(s.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .take(2)
                .collect()
        };
        let own = "Văn bản chỉ đạo, điều hành xử lý trên hệ thống quản lý văn bản và điều hành";
        let for_communes = format!("{own} (cấp xã)");
        assert_eq!(names(&annex(&p, Lang::Vi).table, 1), [own, &for_communes]);
        assert_eq!(
            names(&annex_table(&p, Lang::Vi, true), 2),
            [own, &for_communes]
        );
        let today = Date::new(2022, 3, 1).unwrap();
        let report = results_report(&p, Lang::Vi, Period::Year(2021), today);
        assert_eq!(names(&report.table, 1), [own, &for_communes]);
        assert_eq!(
            names(&results_table(&p, Lang::Vi, today), 2),
            [own, &for_communes]
        );
        // and the CSV says which level each row is set for
        let csv = crate::file::to_csv(&p);
        let mut lines = csv.lines();
        assert!(lines.next().unwrap().ends_with(",notes,applies_to"));
        assert!(lines.next().unwrap().ends_with(','));
        assert!(lines.next().unwrap().ends_with(",commune"));
    }
}
