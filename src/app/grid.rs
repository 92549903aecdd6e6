//! The indicator table as a spreadsheet grid: rows in the order the table
//! shows them, and three figure columns (baseline, the period's target, the
//! period's actual). Pasting a block and copying a selection work on this
//! grid. Pure: the table, the state and the tests share it.

use crate::file::tsv;
use crate::i18n::Lang;
use crate::numfmt::{self, NumError};
use crate::plan::edit::{Edit, Slot};
use crate::plan::{Comparator, Indicator, Period, Plan};
use std::collections::BTreeSet;
use std::rc::Rc;

/// A figure column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Col {
    Baseline,
    Target,
    Actual,
}

impl Col {
    pub const ALL: [Col; 3] = [Col::Baseline, Col::Target, Col::Actual];

    /// The name the cells carry in `data-col`.
    pub fn name(self) -> &'static str {
        match self {
            Col::Baseline => "baseline",
            Col::Target => "target",
            Col::Actual => "actual",
        }
    }

    pub fn from_name(name: &str) -> Option<Col> {
        Col::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn slot(self, period: Period) -> Slot {
        match self {
            Col::Baseline => Slot::Baseline,
            Col::Target => Slot::Target(period),
            Col::Actual => Slot::Actual(period),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A cell that refused what was pasted into it: the text stays in sight with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub id: String,
    pub slot: Slot,
    pub text: String,
    pub error: NumError,
}

/// A rectangle of cells, from the cell where it was started to the one it reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub anchor: (String, Col),
    pub head: (String, Col),
}

/// What the table shows: the groups the planner did not fold away, or while
/// the table's search has words, every indicator it finds (folded groups open).
/// Paste, copy and the marked range follow the same rows the planner sees.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub collapsed: &'a BTreeSet<String>,
    pub find: &'a str,
}

impl Shown<'_> {
    pub fn searching(&self) -> bool {
        !self.find.trim().is_empty()
    }

    /// Whether the table's search finds an indicator (by code, name or group).
    pub fn finds(&self, ind: &Indicator) -> bool {
        !self.searching()
            || crate::text::matches(
                self.find,
                &format!("{} {} {} {}", ind.code, ind.name.vi, ind.name.en, ind.group),
            )
    }

    /// Whether a group's rows are open.
    pub fn open(&self, group: &str) -> bool {
        self.searching() || !self.collapsed.contains(group)
    }
}

/// The indicators in the order the table shows them: group by group, without
/// the groups the planner folded away or the rows a search hides.
pub fn visible_rows<'a>(plan: &'a Plan, shown: Shown) -> Vec<&'a Rc<Indicator>> {
    plan.groups()
        .into_iter()
        .filter(|g| shown.open(g))
        .flat_map(|g| {
            plan.indicators
                .iter()
                .filter(move |i| i.group == g && shown.finds(i))
        })
        .collect()
}

/// Pastes a block of cells at a cell: the block fills the cells from there to
/// the right and down, as far as the table goes. Each cell is read as the
/// planner would type it there (a target may take "trên 80" or "2–5"); a cell
/// that cannot be read is left as it was and reported. Every change is one
/// edit, so the whole paste is one undo step.
pub fn paste(
    plan: &Plan,
    shown: Shown,
    period: Period,
    at: (&str, Col),
    text: &str,
    lang: Lang,
) -> (Option<Edit>, Vec<Rejected>) {
    let rows = visible_rows(plan, shown);
    let Some(r0) = rows.iter().position(|i| i.id == at.0) else {
        return (None, Vec::new());
    };
    let units = plan.sub_units.len();
    let mut edits = Vec::new();
    let mut rejected = Vec::new();
    let block = tsv::parse(text);
    // a block copied from an English Excel writes 1,567.5: where its cells
    // settle how numbers are written, "1,567" there is 1567, whatever the
    // interface's language
    let lang = numfmt::block_style(block.iter().flatten().map(String::as_str)).unwrap_or(lang);
    for (dr, cells) in block.iter().enumerate() {
        let Some(ind) = rows.get(r0 + dr) else { break };
        for (dc, cell) in cells.iter().enumerate() {
            let Some(col) = Col::ALL.get(at.1.index() + dc).copied() else {
                break;
            };
            let slot = col.slot(period);
            match numfmt::read_entry(cell, lang, &ind.kind, units, col == Col::Target) {
                Ok(entry) => edits.push(match slot {
                    Slot::Target(period) => Edit::Target {
                        id: ind.id.clone(),
                        period,
                        figure: entry.figure,
                        comparator: entry.comparator,
                        upper: entry.upper,
                    },
                    slot => Edit::Figure {
                        id: ind.id.clone(),
                        slot,
                        figure: entry.figure,
                    },
                }),
                Err(error) => rejected.push(Rejected {
                    id: ind.id.clone(),
                    slot,
                    text: cell.clone(),
                    error,
                }),
            }
        }
    }
    ((!edits.is_empty()).then_some(Edit::Batch(edits)), rejected)
}

/// The rows and columns a range covers, in table order.
fn covered<'a>(
    plan: &'a Plan,
    shown: Shown,
    range: &Range,
) -> Option<(Vec<&'a Rc<Indicator>>, Vec<Col>)> {
    let rows = visible_rows(plan, shown);
    let a = rows.iter().position(|i| i.id == range.anchor.0)?;
    let b = rows.iter().position(|i| i.id == range.head.0)?;
    let (c1, c2) = (
        range.anchor.1.min(range.head.1),
        range.anchor.1.max(range.head.1),
    );
    let cols = Col::ALL
        .into_iter()
        .filter(|c| *c >= c1 && *c <= c2)
        .collect();
    Some((rows[a.min(b)..=a.max(b)].to_vec(), cols))
}

/// For each shown row, the columns of the range it holds (`None`: none).
pub fn marks(plan: &Plan, shown: Shown, range: &Range) -> Vec<(String, (Col, Col))> {
    match covered(plan, shown, range) {
        Some((rows, cols)) if rows.len() * cols.len() > 1 => {
            let span = (cols[0], cols[cols.len() - 1]);
            rows.iter().map(|i| (i.id.clone(), span)).collect()
        }
        _ => Vec::new(),
    }
}

/// A cell as a spreadsheet should receive it: a share as a percent
/// ("68%", which Excel reads as a percentage, where "17/25" would become a
/// date), a count as a number, a range as written; numbers the interface's way.
fn cell_text(ind: &Indicator, col: Col, period: Period, lang: Lang) -> String {
    let Some(v) = ind
        .figure_at(col.slot(period))
        .and_then(|f| crate::calc::value(&ind.kind, f))
    else {
        return String::new();
    };
    let n = numfmt::format(v, lang, 2);
    let upper = (col == Col::Target && ind.comparator == Comparator::Between)
        .then(|| ind.target_for(period).and_then(|t| t.upper))
        .flatten();
    match (upper, ind.kind.is_percent()) {
        (Some(u), true) => format!("{n}–{}%", numfmt::format(u, lang, 2)),
        (Some(u), false) => format!("{n}–{}", numfmt::format(u, lang, 2)),
        (None, true) => format!("{n}%"),
        (None, false) => n,
    }
}

/// The cells of a range as tab-separated text a spreadsheet pastes into cells.
pub fn copy(
    plan: &Plan,
    shown: Shown,
    period: Period,
    range: &Range,
    lang: Lang,
) -> Option<String> {
    let (rows, cols) = covered(plan, shown, range)?;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|i| {
            cols.iter()
                .map(|c| cell_text(i, *c, period, lang))
                .collect()
        })
        .collect();
    Some(tsv::write(&cells))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;
    use crate::plan::Figure;

    fn y() -> Period {
        Period::Year(2021)
    }

    #[test]
    fn a_block_copied_from_an_english_excel_is_read_the_english_way() {
        let plan = sample_plan("s");
        let none: BTreeSet<String> = BTreeSet::new();
        let none = Shown {
            collapsed: &none,
            find: "",
        };
        let pasted = |text: &str| {
            let (edit, rejected) = paste(&plan, none, y(), ("s-7", Col::Baseline), text, Lang::Vi);
            assert!(rejected.is_empty(), "{rejected:?}");
            let after = crate::plan::edit::apply_edit(&plan, &edit.unwrap());
            let dvc = after.indicator("s-7").unwrap().clone();
            (
                dvc.baseline.as_ref().unwrap().figure,
                dvc.target_for(y()).unwrap().figure,
            )
        };
        // 1,600.5 settles it: the block writes numbers the English way, so 1,567 is 1567
        assert_eq!(
            pasted("1,567\t1,600.5"),
            (Figure::Value(1567.0), Figure::Value(1600.5))
        );
        // and the Vietnamese way: 1.567 beside 98,5
        assert_eq!(
            pasted("1.567\t98,5"),
            (Figure::Value(1567.0), Figure::Value(98.5))
        );
        // nothing settles it: the interface's language reads 1,567 as a decimal
        assert_eq!(
            pasted("1,567\t120"),
            (Figure::Value(1.567), Figure::Value(120.0))
        );
    }

    #[test]
    fn a_block_fills_cells_right_and_down_as_one_edit() {
        let plan = sample_plan("s");
        let none: BTreeSet<String> = BTreeSet::new();
        let none = Shown {
            collapsed: &none,
            find: "",
        };
        // VB-02 is the second row: targets then actuals for VB-02, BC-01, HOP-01
        let (edit, rejected) = paste(
            &plan,
            none,
            y(),
            ("s-1", Col::Target),
            "85\t70\r\ntrên 25\t12,5\r\n2–5\txx\r\n",
            Lang::Vi,
        );
        assert_eq!(
            rejected,
            vec![Rejected {
                id: "s-3".into(),
                slot: Slot::Actual(y()),
                text: "xx".into(),
                error: NumError::NotANumber
            }]
        );
        let Some(Edit::Batch(edits)) = edit else {
            panic!("one batch")
        };
        assert_eq!(edits.len(), 5);
        let after = crate::plan::edit::apply_edit(&plan, &Edit::Batch(edits));
        let vb02 = after.indicator("s-1").unwrap();
        assert_eq!(vb02.target_for(y()).unwrap().figure, Figure::Value(85.0));
        assert_eq!(vb02.actual_for(y()).unwrap().figure, Figure::Value(70.0));
        let vb03 = after.indicator("s-2").unwrap();
        assert_eq!(
            (vb03.comparator, vb03.actual_for(y()).unwrap().figure),
            (Comparator::MoreThan, Figure::Value(12.5))
        );
        let hop = after.indicator("s-3").unwrap();
        assert_eq!(
            (hop.comparator, hop.target_for(y()).unwrap().upper),
            (Comparator::Between, Some(5.0))
        );
        assert!(
            hop.actual_for(y()).is_none(),
            "the refused cell is left as it was"
        );
    }

    #[test]
    fn a_block_stops_at_the_edges_and_skips_folded_groups() {
        let plan = sample_plan("s");
        // the first group folded away: the row after VB-01's group is the first of the next
        let folded: BTreeSet<String> = [plan.indicators[0].group.clone()].into();
        let rows = visible_rows(
            &plan,
            Shown {
                collapsed: &folded,
                find: "",
            },
        );
        assert_ne!(rows[0].group, plan.indicators[0].group);
        // four columns wide at the actual column: only the first fits
        let (edit, _) = paste(
            &plan,
            Shown {
                collapsed: &BTreeSet::new(),
                find: "",
            },
            y(),
            ("s-13", Col::Actual),
            "1\t2\t3\t4\n5\n",
            Lang::Vi,
        );
        let Some(Edit::Batch(edits)) = edit else {
            panic!()
        };
        assert_eq!(
            edits.len(),
            1,
            "the last row and the last column end the paste"
        );
    }

    #[test]
    fn while_searching_a_block_fills_the_rows_found_and_skips_the_hidden_ones() {
        let plan = sample_plan("s");
        let first = &plan.indicators[0];
        let other = plan
            .indicators
            .iter()
            .find(|i| i.group != first.group)
            .expect("the sample has two groups");
        // the search finds a row of another group than the first, which is folded
        let folded: BTreeSet<String> = [first.group.clone()].into();
        let find = other.code.clone();
        let shown = Shown {
            collapsed: &folded,
            find: &find,
        };
        let rows: Vec<&str> = visible_rows(&plan, shown)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert!(rows.contains(&other.id.as_str()));
        assert!(rows
            .iter()
            .all(|id| plan.indicator(id).is_some_and(|i| shown.finds(i))));
        assert!(
            rows.len() < plan.indicators.len(),
            "the search hides rows: {rows:?}"
        );
        // one line more than the rows found, pasted at the first: each found row takes one, no hidden row any
        let text = "1\n".repeat(rows.len() + 1);
        let (edit, rejected) = paste(&plan, shown, y(), (rows[0], Col::Actual), &text, Lang::Vi);
        let mut reached: Vec<&str> = match &edit {
            Some(Edit::Batch(edits)) => edits
                .iter()
                .map(|e| match e {
                    Edit::Figure { id, .. } => id.as_str(),
                    other => panic!("an actual, not {other:?}"),
                })
                .collect(),
            _ => Vec::new(),
        };
        reached.extend(rejected.iter().map(|r| r.id.as_str()));
        crate::sort::sort_by_key(&mut reached, |id| rows.iter().position(|r| r == id));
        assert_eq!(
            reached, rows,
            "nothing is written into a row the search hides"
        );
        // a folded group opens while a search finds rows in it
        let group = first.group.clone();
        let in_group = Shown {
            collapsed: &folded,
            find: &group,
        };
        assert!(visible_rows(&plan, in_group)
            .iter()
            .any(|i| i.id == first.id));
    }

    #[test]
    fn a_selection_copies_as_cells_a_spreadsheet_reads() {
        let plan = sample_plan("s");
        let none: BTreeSet<String> = BTreeSet::new();
        let none = Shown {
            collapsed: &none,
            find: "",
        };
        let range = Range {
            anchor: ("s-0".into(), Col::Baseline),
            head: ("s-1".into(), Col::Target),
        };
        let text = copy(&plan, none, y(), &range, Lang::Vi).unwrap();
        // 1,810 of 1,905 is 95.01%; VB-01's target is "more than 97"
        assert_eq!(text, "95,01%\t97%\r\n62%\t80%\r\n");
        assert_eq!(tsv::parse(&text).len(), 2);
        assert_eq!(marks(&plan, none, &range).len(), 2);
        let single = Range {
            anchor: ("s-0".into(), Col::Baseline),
            head: ("s-0".into(), Col::Baseline),
        };
        assert!(
            marks(&plan, none, &single).is_empty(),
            "one cell is not a selection to mark"
        );
        let en = copy(&plan, none, y(), &range, Lang::En).unwrap();
        assert!(en.starts_with("95.01%\t97%"));
    }
}
