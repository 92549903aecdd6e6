//! The plan model: what a planner writes down. Pure data with serde; no
//! arithmetic beyond what a figure is (that lives in `calc`).

mod date;
pub mod edit;

pub use date::{days_in_month, is_leap, Date, Period};

use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// The level of a unit is data, not a fixed ladder: since 1 July 2025 there are
/// no districts, but old plans have them and must keep reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    District,
    #[default]
    Commune,
    Agency,
    Other,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Province,
        Level::District,
        Level::Commune,
        Level::Agency,
        Level::Other,
    ];

    /// The level a total of units of this level belongs to. Communes answer
    /// to their province since July 2025 (a total of old district plans'
    /// communes names its district as the files' common parent instead).
    pub fn above(self) -> Level {
        match self {
            Level::Commune | Level::District | Level::Agency => Level::Province,
            Level::Province | Level::Other => Level::Other,
        }
    }

    /// The level a unit of this level most often hands down to, offered for a
    /// sub-unit typed by hand: a province's or an old district's communes
    /// (since July 2025 there are no districts between), anything else's own
    /// sections. The planner may choose another.
    pub fn below(self) -> Level {
        match self {
            Level::Province | Level::District => Level::Commune,
            Level::Commune | Level::Agency | Level::Other => Level::Other,
        }
    }
}

/// A unit of government or an agency: "UBND huyện Mộc Châu" at district level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub name: String,
    pub level: Level,
    /// the official statistics code of a province ("14") or a commune, ward or
    /// special zone ("03979"), when the unit was picked from the official
    /// list; empty for agencies, old districts and names typed by hand
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
}

impl Unit {
    pub fn new(name: impl Into<String>, level: Level) -> Unit {
        Unit {
            name: name.into(),
            level,
            code: String::new(),
        }
    }

    /// Whether two units are the same: by official code when both have one,
    /// else by name, compared without case or diacritics.
    pub fn same(&self, other: &Unit) -> bool {
        if !self.code.is_empty() && !other.code.is_empty() {
            return self.code == other.code;
        }
        let key = |u: &Unit| crate::text::fold(u.name.trim());
        key(self) == key(other)
    }
}

/// A text the planner reads in both languages (catalog names); a plan's own
/// indicators may carry only one of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub vi: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    pub fn vi(s: &str) -> Text {
        Text {
            vi: s.to_string(),
            en: String::new(),
        }
    }
}

/// The years a plan covers, both inclusive (a yearly plan has start == end).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    pub start: i32,
    pub end: i32,
}

/// The years a plan, a target or a figure may fall in: from the founding of
/// the state to well past any plan written today. Bounded so that no input
/// can make the app lay out an unbounded number of years.
pub const FIRST_YEAR: i32 = 1945;
pub const LAST_YEAR: i32 = 2100;
/// The longest plan period, in years (the longest real plans span ten).
pub const MAX_PLAN_YEARS: i32 = 30;

/// Why a period of years cannot be a plan's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanError {
    OutOfRange,
    Reversed,
    TooLong,
}

pub fn year_in_range(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

impl YearSpan {
    /// Whether the span can be a plan's: inside the bounded years, in order,
    /// and at most `MAX_PLAN_YEARS` long.
    pub fn check(self) -> Result<(), SpanError> {
        if !year_in_range(self.start) || !year_in_range(self.end) {
            Err(SpanError::OutOfRange)
        } else if self.end < self.start {
            Err(SpanError::Reversed)
        } else if self.end - self.start + 1 > MAX_PLAN_YEARS {
            Err(SpanError::TooLong)
        } else {
            Ok(())
        }
    }

    pub fn contains(self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }
    pub fn years(self) -> impl Iterator<Item = i32> {
        self.start..=self.end
    }
}

/// A measured or intended figure: a plain value, or a pair of counts from which
/// a share is derived. A percent derived from counts is never stored beside them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figure {
    /// numerator and denominator: 1,249 online dossiers of 1,567; 15 of 15 communes
    Counts { numerator: f64, denominator: f64 },
    /// a value in the indicator's unit: 97 (%), 103 (services)
    Value(f64),
}

/// What the reader of a figure says of anything else; `file` turns it into
/// the planner's "expected a number or a pair of counts".
pub const NOT_A_FIGURE: &str = "a figure: a number or a pair of counts";

/// Read by hand rather than as an untagged enum: serde would buffer every
/// figure and try the pair first, building (and formatting) an error for each
/// plain number, which was most of the time spent reading a large plan.
impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "lowercase")]
        enum Field {
            Numerator,
            Denominator,
            #[serde(other)]
            Other,
        }
        struct Read;
        impl<'de> Visitor<'de> for Read {
            type Value = Figure;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(NOT_A_FIGURE)
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Figure, E> {
                Ok(Figure::Value(v))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Figure, E> {
                Ok(Figure::Value(v as f64))
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Figure, E> {
                Ok(Figure::Value(v as f64))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Figure, A::Error> {
                let (mut numerator, mut denominator) = (None, None);
                let count =
                    |v: Result<f64, A::Error>| v.map_err(|_| A::Error::custom(NOT_A_FIGURE));
                while let Some(field) = map.next_key::<Field>()? {
                    // a count given twice is not a figure (as for any struct serde reads)
                    match field {
                        Field::Numerator if numerator.is_some() => {
                            return Err(A::Error::custom(NOT_A_FIGURE))
                        }
                        Field::Denominator if denominator.is_some() => {
                            return Err(A::Error::custom(NOT_A_FIGURE))
                        }
                        Field::Numerator => numerator = Some(count(map.next_value())?),
                        Field::Denominator => denominator = Some(count(map.next_value())?),
                        Field::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                match (numerator, denominator) {
                    (Some(numerator), Some(denominator)) => Ok(Figure::Counts {
                        numerator,
                        denominator,
                    }),
                    _ => Err(A::Error::custom(NOT_A_FIGURE)),
                }
            }
        }
        reader.deserialize_any(Read)
    }
}

/// What an indicator measures, which decides how its figures are read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    /// a share of a known population, in percent (officials using email)
    Percent,
    /// a number of things (online public services, databases)
    Count,
    /// k of n units (15/15 communes run one-stop software); read as a percent of units
    FractionOfUnits,
    /// one count over another (online dossiers / all dossiers), in percent
    Ratio {
        #[serde(default)]
        numerator: String,
        #[serde(default)]
        denominator: String,
    },
    /// a cut relative to a reference amount (meeting time down 30%), in percent;
    /// a figure given as counts is (current amount, reference amount)
    Reduction {
        /// what is measured, so the planner knows what to type: "thời gian họp (phút)"
        #[serde(default)]
        amount: String,
    },
}

impl Kind {
    /// Whether values of this kind are shares in percent (0–100 makes sense).
    pub fn is_percent(&self) -> bool {
        !matches!(self, Kind::Count)
    }

    /// Whether figures of the two kinds measure the same thing and add up the
    /// same way. A share of a population and a ratio of two counts do: both
    /// are counted over counted, and one office may keep "văn bản đi có ký số"
    /// as a plain share where another (or a later catalog) keeps the counts of
    /// a flow; their labels are words, not a definition.
    pub fn same_measure(&self, other: &Kind) -> bool {
        let share = |k: &Kind| matches!(k, Kind::Percent | Kind::Ratio { .. });
        std::mem::discriminant(self) == std::mem::discriminant(other) || share(self) && share(other)
    }
}

/// The name of a kind in files: "percent", "count", "fraction_of_units", "ratio", "reduction".
pub fn kind_code(k: &Kind) -> &'static str {
    match k {
        Kind::Percent => "percent",
        Kind::Count => "count",
        Kind::FractionOfUnits => "fraction_of_units",
        Kind::Ratio { .. } => "ratio",
        Kind::Reduction { .. } => "reduction",
    }
}

/// The kind a file name stands for (see `kind_code`); a ratio takes the
/// labels of its counts, a reduction the label of its amount (`numerator`).
/// An unknown name reads as a percent.
pub fn kind_from_code(code: &str, numerator: &str, denominator: &str) -> Kind {
    match code {
        "count" => Kind::Count,
        "fraction_of_units" => Kind::FractionOfUnits,
        "ratio" => Kind::Ratio {
            numerator: numerator.to_string(),
            denominator: denominator.to_string(),
        },
        "reduction" => Kind::Reduction {
            amount: numerator.to_string(),
        },
        _ => Kind::Percent,
    }
}

/// Whether more is better (coverage), less is better (overdue dossiers), or
/// the figure is only followed ("theo dõi, không đánh giá"): a share meant to
/// shift between categories, such as level-3 services moving up to level 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
    Tracked,
}

/// How a target is stated: "trên 97%" is MoreThan, "tối thiểu 90%" AtLeast,
/// "2–5 systems" Between (the target's `upper` holds the 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    #[default]
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Exactly,
    Between,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub figure: Figure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// A target due at the end of a period. For `Comparator::Between` the figure
/// is the lower bound and `upper` the higher one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub period: Period,
    pub figure: Figure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// for a share of counts (online dossiers of all dossiers): how many more
    /// items the rest of the period is expected to bring ("dự kiến còn phát sinh")
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<f64>,
}

/// The codes (`calc::Warning::code`) of the warnings about a target: an
/// acceptance of one holds for the figures it was given for (`edit`).
pub const TARGET_NOT_ABOVE_BASELINE: &str = "target_not_above_baseline";
pub const WEAKER_THAN_PARENT: &str = "weaker_than_parent";

/// A warning the planner has seen and accepted, with the reason, so that a
/// "maintain" target ("duy trì 103 dịch vụ") is not flagged for ever. The
/// reason is shown in the annex notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// the warning's code (`calc::Warning::code`)
    pub warning: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub reason: String,
}

/// What was reached by the end of a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub period: Period,
    pub figure: Figure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// stable within a plan and across its files; never shown
    pub id: String,
    /// the planner's or the catalog's code, e.g. "VB-01"; indicators of different
    /// plans are matched by it
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub group: String,
    pub name: Text,
    pub kind: Kind,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub comparator: Comparator,
    /// "%", "dịch vụ", "xã"
    #[serde(default)]
    pub unit_label: String,
    /// the level the indicator is set for (many are set apart for commune level)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// kept sorted by period
    #[serde(default)]
    pub targets: Vec<Target>,
    /// kept sorted by period
    #[serde(default)]
    pub actuals: Vec<Actual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// the agency in charge ("cơ quan chủ trì"); version 1 files called it `responsible`
    #[serde(
        default,
        rename = "responsible_agency",
        alias = "responsible",
        skip_serializing_if = "String::is_empty"
    )]
    pub responsible: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_basis: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledged: Vec<Acknowledgement>,
}

impl Indicator {
    pub fn new(id: impl Into<String>, name: &str, kind: Kind) -> Indicator {
        let unit_label = if kind.is_percent() {
            "%".to_string()
        } else {
            String::new()
        };
        Indicator {
            id: id.into(),
            code: String::new(),
            group: String::new(),
            name: Text::vi(name),
            kind,
            direction: Direction::Higher,
            comparator: Comparator::AtLeast,
            unit_label,
            applies_to: None,
            baseline: None,
            targets: Vec::new(),
            actuals: Vec::new(),
            weight: None,
            responsible: String::new(),
            legal_basis: String::new(),
            notes: String::new(),
            acknowledged: Vec::new(),
        }
    }

    /// The key that matches this indicator across plans: its code, or its id.
    pub fn key(&self) -> &str {
        if self.code.trim().is_empty() {
            &self.id
        } else {
            self.code.trim()
        }
    }

    /// Whether its figures are points on a scale or a place in a ranking (the
    /// 766 service index in "điểm", a DTI rank): a count that is never added
    /// up across units, since two communes' 80 points are not 160.
    pub fn is_score(&self) -> bool {
        const SCORE_WORDS: [&str; 7] = [
            "diem", "point", "points", "score", "hang", "thu hang", "rank",
        ];
        matches!(self.kind, Kind::Count)
            && SCORE_WORDS.contains(&crate::text::fold(self.unit_label.trim()).as_str())
    }

    pub fn target_for(&self, period: Period) -> Option<&Target> {
        self.targets.iter().find(|t| t.period == period)
    }

    pub fn actual_for(&self, period: Period) -> Option<&Actual> {
        self.actuals.iter().find(|a| a.period == period)
    }

    /// What one of its cells holds: the baseline, or a period's target or actual.
    pub fn figure_at(&self, slot: edit::Slot) -> Option<Figure> {
        match slot {
            edit::Slot::Baseline => self.baseline.as_ref().map(|b| b.figure),
            edit::Slot::Target(p) => self.target_for(p).map(|t| t.figure),
            edit::Slot::Actual(p) => self.actual_for(p).map(|a| a.figure),
        }
    }

    /// Sets (or with `None` removes) the target of a period, keeping the list
    /// sorted; a target that stays keeps its upper bound and forecast.
    pub fn set_target(&mut self, period: Period, figure: Option<Figure>) {
        match (self.targets.iter_mut().find(|t| t.period == period), figure) {
            (Some(t), Some(figure)) => t.figure = figure,
            (_, None) => self.targets.retain(|t| t.period != period),
            (None, Some(figure)) => {
                self.targets.push(Target {
                    period,
                    figure,
                    upper: None,
                    forecast: None,
                });
                crate::sort::sort_by_key(&mut self.targets, |t| t.period);
            }
        }
    }

    /// The reason given for accepting a warning, if the planner gave one.
    pub fn acknowledgement(
        &self,
        warning: &str,
        period: Option<Period>,
    ) -> Option<&Acknowledgement> {
        self.acknowledged
            .iter()
            .find(|a| a.warning == warning && a.period == period)
    }

    pub fn set_actual(&mut self, period: Period, figure: Option<Figure>) {
        self.actuals.retain(|a| a.period != period);
        if let Some(figure) = figure {
            self.actuals.push(Actual { period, figure });
            crate::sort::sort_by_key(&mut self.actuals, |a| a.period);
        }
    }
}

/// The kind of document a plan was issued as: "Kế hoạch số 3498/KH-UBND",
/// but "Quyết định số 238/QĐ-UBND" for a plan approved by a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    /// Kế hoạch
    Plan,
    /// Quyết định
    Decision,
    /// Nghị quyết
    Resolution,
    /// Báo cáo
    Report,
    /// Công văn
    Letter,
}

impl DocumentType {
    pub const ALL: [DocumentType; 5] = [
        DocumentType::Plan,
        DocumentType::Decision,
        DocumentType::Resolution,
        DocumentType::Report,
        DocumentType::Letter,
    ];

    /// The type a document number's code says: "238/QĐ-UBND" a decision,
    /// "3498/KH-UBND" a plan, "12/BC-UBND" a report; a plan when the code
    /// does not say (the planner chooses).
    pub fn from_number(number: &str) -> DocumentType {
        let code = crate::text::fold(number.split_once('/').map(|(_, c)| c).unwrap_or(""));
        let first = code.split(['-', ' ']).next().unwrap_or("");
        match first {
            "qd" => DocumentType::Decision,
            "nq" => DocumentType::Resolution,
            "bc" => DocumentType::Report,
            "cv" => DocumentType::Letter,
            _ => DocumentType::Plan,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_unit: Option<Unit>,
    /// "3498/UBND-VHTT"
    #[serde(default)]
    pub document_number: String,
    /// the kind of document the plan was issued as; `None`: read from the number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<DocumentType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<Date>,
    pub period: YearSpan,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub notes: String,
    /// RFC 3339 times, set by the app
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
    /// e.g. the 15 communes of a district; the known number of units for
    /// fraction-of-units indicators
    #[serde(default)]
    pub sub_units: Vec<Unit>,
    /// what the targets are checked against: "national" (the national
    /// references) or the id of the level above's plan stored beside this one
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<String>,
    /// the date the figures are counted to ("Số liệu tính đến ngày"); every
    /// judgment is made as of it. `None`: today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// shared, so that copies of a plan (undo history, the screen) share
    /// every indicator they did not change
    #[serde(default)]
    pub indicators: Vec<Rc<Indicator>>,
}

impl Plan {
    pub fn new(id: impl Into<String>, title: &str, unit: Unit, year: i32) -> Plan {
        Plan {
            id: id.into(),
            title: title.to_string(),
            unit,
            parent_unit: None,
            document_number: String::new(),
            document_type: None,
            issue_date: None,
            period: YearSpan {
                start: year,
                end: year,
            },
            author: String::new(),
            notes: String::new(),
            created: String::new(),
            updated: String::new(),
            sub_units: Vec::new(),
            compare_with: None,
            as_of: None,
            indicators: Vec::new(),
        }
    }

    /// The kind of document the plan was issued as, chosen or read from its number.
    pub fn document_type(&self) -> DocumentType {
        self.document_type
            .unwrap_or_else(|| DocumentType::from_number(&self.document_number))
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id).map(|i| &**i)
    }

    /// The indicator to change; other copies of the plan keep the old one.
    pub fn indicator_mut(&mut self, id: &str) -> Option<&mut Indicator> {
        self.indicators
            .iter_mut()
            .find(|i| i.id == id)
            .map(Rc::make_mut)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    /// Every period any indicator has a target or an actual for, in order.
    pub fn periods(&self) -> Vec<Period> {
        // a plan has few periods and many figures: each is kept once before
        // sorting (a 300-indicator plan has thousands of figures, a dozen periods)
        let mut all: Vec<Period> = Vec::new();
        let every = self
            .indicators
            .iter()
            .flat_map(|i| {
                i.targets
                    .iter()
                    .map(|t| t.period)
                    .chain(i.actuals.iter().map(|a| a.period))
            })
            .chain(self.period.years().map(Period::Year));
        for p in every {
            if !all.contains(&p) {
                all.push(p);
            }
        }
        crate::sort::sort(&mut all);
        all
    }

    /// The groups in the order their first indicator appears.
    pub fn groups(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for i in &self.indicators {
            if !out.contains(&i.group.as_str()) {
                out.push(&i.group);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_serialize_as_a_number_or_a_pair() {
        let v = serde_json::to_string(&Figure::Value(97.0)).unwrap();
        assert_eq!(v, "97.0");
        let c = serde_json::to_string(&Figure::Counts {
            numerator: 15.0,
            denominator: 15.0,
        })
        .unwrap();
        assert_eq!(c, r#"{"numerator":15.0,"denominator":15.0}"#);
        assert_eq!(
            serde_json::from_str::<Figure>("80").unwrap(),
            Figure::Value(80.0)
        );
        assert_eq!(
            serde_json::from_str::<Figure>(r#"{"numerator":1,"denominator":2}"#).unwrap(),
            Figure::Counts {
                numerator: 1.0,
                denominator: 2.0
            }
        );
    }

    #[test]
    fn targets_stay_sorted_and_replace_their_period() {
        let mut i = Indicator::new("a", "x", Kind::Percent);
        i.set_target(Period::Year(2025), Some(Figure::Value(80.0)));
        i.set_target(Period::Quarter(2025, 2), Some(Figure::Value(20.0)));
        i.set_target(Period::Year(2025), Some(Figure::Value(90.0)));
        assert_eq!(i.targets.len(), 2);
        assert_eq!(i.targets[0].period, Period::Quarter(2025, 2));
        assert_eq!(i.targets[1].figure, Figure::Value(90.0));
        i.set_target(Period::Quarter(2025, 2), None);
        assert_eq!(i.targets.len(), 1);
    }

    #[test]
    fn the_document_type_is_read_from_the_number() {
        assert_eq!(
            DocumentType::from_number("238/QĐ-UBND"),
            DocumentType::Decision
        );
        assert_eq!(
            DocumentType::from_number("3498/KH-UBND"),
            DocumentType::Plan
        );
        assert_eq!(
            DocumentType::from_number("12/BC-UBND"),
            DocumentType::Report
        );
        assert_eq!(
            DocumentType::from_number("05/NQ-HĐND"),
            DocumentType::Resolution
        );
        assert_eq!(
            DocumentType::from_number("3498/UBND-VHTT"),
            DocumentType::Plan
        );
        assert_eq!(DocumentType::from_number(""), DocumentType::Plan);
        let mut p = Plan::new("p", "t", Unit::default(), 2017);
        p.document_number = "238/QĐ-UBND".into();
        assert_eq!(p.document_type(), DocumentType::Decision);
        p.document_type = Some(DocumentType::Plan);
        assert_eq!(
            p.document_type(),
            DocumentType::Plan,
            "the planner's choice stands"
        );
    }

    #[test]
    fn indicators_match_by_code_then_id() {
        let mut i = Indicator::new("id-1", "x", Kind::Count);
        assert_eq!(i.key(), "id-1");
        i.code = " DVC-04 ".into();
        assert_eq!(i.key(), "DVC-04");
    }
}
