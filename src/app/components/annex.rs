//! The printable annex: the plan's indicator table laid out as the appendix
//! of a Vietnamese plan (Decree 30/2020/NĐ-CP): issuing body and number top
//! left, national motto and place and date top right, the title, the line
//! saying which plan it belongs to, then STT, indicator, unit, current
//! figure, target per year, responsible agency and notes.

use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::i18n::{fill, Lang, M};
use crate::plan::{Date, Indicator, Period, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnexProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub dispatch: Callback<Action>,
}

/// "UBND huyện Mộc Châu" → "Mộc Châu": the place name used before the date.
pub fn place_name(unit: &str) -> String {
    let mut s = unit.trim();
    for prefix in [
        "UBND ",
        "Ủy ban nhân dân ",
        "Uỷ ban nhân dân ",
        "ỦY BAN NHÂN DÂN ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
    }
    for level in [
        "tỉnh ",
        "thành phố ",
        "huyện ",
        "thị xã ",
        "quận ",
        "xã ",
        "phường ",
        "thị trấn ",
        "đặc khu ",
    ] {
        if let Some(rest) = s.strip_prefix(level) {
            return rest.to_string();
        }
    }
    s.to_string()
}

/// Day 1–9 and months 1–2 take a leading zero in Vietnamese documents.
pub fn date_parts(d: Date) -> (String, String, String) {
    let day = format!("{:02}", d.day);
    let month = if d.month <= 2 {
        format!("{:02}", d.month)
    } else {
        d.month.to_string()
    };
    (day, month, d.year.to_string())
}

pub const ROMAN: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

fn target_text(lang: Lang, ind: &Indicator, p: Period) -> String {
    match ind.target_for(p) {
        Some(t) => {
            let value = labels::figure(lang, ind, t.figure);
            match (ind.comparator, t.upper) {
                (crate::plan::Comparator::Between, Some(u)) => {
                    format!("{value}–{}", labels::value(lang, ind, u))
                }
                (c, _) => format!(
                    "{}{value}",
                    match labels::comparator_sign(c) {
                        "" | "≥" => String::new(),
                        s => format!("{s} "),
                    }
                ),
            }
        }
        None => String::new(),
    }
}

#[function_component(Annex)]
pub fn annex(props: &AnnexProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let years: Vec<i32> = plan.period.years().collect();
    let issuer = plan.unit.name.to_uppercase();
    let parent = plan.parent_unit.as_ref().map(|u| u.name.to_uppercase());
    let place_date = plan.issue_date.map(|d| {
        let (day, month, year) = date_parts(d);
        fill(
            lang.t(M::PlaceDate),
            &[&place_name(&plan.unit.name), &day, &month, &year],
        )
    });
    let of_line = match (plan.document_number.trim(), plan.issue_date) {
        ("", _) => fill(lang.t(M::AnnexOfNoNumber), &[&plan.title, &plan.unit.name]),
        (n, Some(d)) => fill(
            lang.t(M::AnnexOf),
            &[
                labels::document_type(lang, plan.document_type()),
                n,
                &d.dmy(),
                &plan.unit.name,
            ],
        ),
        (n, None) => fill(
            lang.t(M::AnnexOf),
            &[
                labels::document_type(lang, plan.document_type()),
                n,
                "…",
                &plan.unit.name,
            ],
        ),
    };
    let mut number = 0;
    let groups = plan.groups().into_iter().enumerate().map(|(g, group)| {
        let rows = plan.indicators.iter().filter(|i| i.group == group).map(|ind| {
            number += 1;
            html! {
                <tr>
                    <td class="c">{ number }</td>
                    <td>{ labels::name_with_level(lang, ind) }</td>
                    <td class="c">{ labels::unit_word(lang, &ind.unit_label) }</td>
                    <td class="c">{ ind.baseline.as_ref().map(|b| labels::figure(lang, ind, b.figure)).unwrap_or_default() }</td>
                    { for years.iter().map(|y| html! { <td class="c">{ target_text(lang, ind, Period::Year(*y)) }</td> }) }
                    <td>{ ind.responsible.clone() }</td>
                    <td>
                        { ind.notes.clone() }
                        // warnings the plan accepted, with their reasons ("duy trì 103 dịch vụ")
                        { for ind.acknowledged.iter().map(|a| html! { <div class="annex-note">{ a.reason.clone() }</div> }) }
                    </td>
                </tr>
            }
        }).collect::<Html>();
        html! {
            <>
                if !group.trim().is_empty() {
                    <tr class="annex-group">
                        <td class="c">{ ROMAN.get(g).copied().unwrap_or("") }</td>
                        <td colspan={(5 + years.len()).to_string()}>{ if group.trim().is_empty() { String::new() } else { crate::app::labels::group(lang, group) } }</td>
                    </tr>
                }
                { rows }
            </>
        }
    }).collect::<Html>();
    let back = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ShowAnnex(false)))
    };
    html! {
        <section class="annex" aria-label={lang.t(M::Appendix)}>
            <div class="annex-toolbar">
                <button type="button" class="button" onclick={back}>{ lang.t(M::AnnexBack) }</button>
                <button type="button" class="button primary" onclick={{ let d = props.dispatch.clone(); move |_| d.emit(Action::Print) }}>{ lang.t(M::AnnexPrint) }</button>
            </div>
            <div class="annex-page">
                <header class="annex-head">
                    <div class="issuer">
                        if let Some(p) = parent { <div>{ p }</div> }
                        <div class="strong">{ issuer }</div>
                        <div class="rule"></div>
                        if !plan.document_number.is_empty() {
                            <div>{ fill(lang.t(M::DocNumber), &[&plan.document_number]) }</div>
                        }
                    </div>
                    <div class="motto">
                        <div class="strong">{ lang.t(M::Motto1) }</div>
                        <div class="strong">{ lang.t(M::Motto2) }</div>
                        <div class="rule"></div>
                        if let Some(pd) = place_date { <div class="em">{ pd }</div> }
                    </div>
                </header>
                <h1 class="annex-title">{ lang.t(M::Appendix) }</h1>
                <h2 class="annex-subtitle">{ lang.t(M::AnnexTitle) }</h2>
                <p class="annex-of">{ of_line }</p>
                <table class="annex-table">
                    <thead>
                        <tr>
                            <th>{ lang.t(M::ColNo) }</th>
                            <th>{ lang.t(M::ColIndicator) }</th>
                            <th>{ lang.t(M::ColUnit) }</th>
                            <th>{ lang.t(M::ColBaseline) }</th>
                            { for years.iter().map(|y| html! { <th>{ fill(lang.t(M::TargetYear), &[&y.to_string()]) }</th> }) }
                            <th>{ lang.t(M::ColResponsible) }</th>
                            <th>{ lang.t(M::ColNotes) }</th>
                        </tr>
                    </thead>
                    <tbody>{ groups }</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_and_date_the_vietnamese_way() {
        assert_eq!(place_name("UBND huyện Mộc Châu"), "Mộc Châu");
        assert_eq!(place_name("UBND tỉnh Sơn La"), "Sơn La");
        assert_eq!(
            place_name("Sở Thông tin và Truyền thông"),
            "Sở Thông tin và Truyền thông"
        );
        assert_eq!(
            date_parts(Date::new(2017, 2, 8).unwrap()),
            ("08".into(), "02".into(), "2017".into())
        );
        assert_eq!(
            date_parts(Date::new(2020, 12, 31).unwrap()),
            ("31".into(), "12".into(), "2020".into())
        );
    }
}
