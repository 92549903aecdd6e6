//! National references in the planner's words: the citation of a document,
//! what a reference asks and by when, where it stands, and the legal basis a
//! catalog indicator carries into a plan. Every word from the message table.

use super::{catalog, Document, Entry, Reference, Status};
use crate::i18n::{fill, Lang, M};
use crate::numfmt;
use crate::plan::{Comparator, Level, YearSpan};

/// "cấp xã" / "commune level".
pub fn level_name(lang: Lang, l: Level) -> &'static str {
    lang.t(match l {
        Level::Province => M::AtProvince,
        Level::District => M::AtDistrict,
        Level::Commune => M::AtCommune,
        Level::Agency => M::AtAgency,
        Level::Other => M::AtOther,
    })
}

pub fn levels_text(lang: Lang, levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| level_name(lang, *l))
        .collect::<Vec<_>>()
        .join(", ")
}

fn text(lang: Lang, t: &crate::plan::Text) -> &str {
    match lang {
        Lang::En if !t.en.is_empty() => &t.en,
        _ => &t.vi,
    }
}

/// "Quyết định 2629/QĐ-TTg ngày 01/12/2025" / "Decision 2629/QĐ-TTg of 01/12/2025".
pub fn citation(lang: Lang, doc: &Document) -> String {
    let title = text(lang, &doc.title);
    match (doc.issued, doc.year) {
        (Some(d), _) => fill(lang.t(M::DocDated), &[title, &d.dmy()]),
        (None, Some(y)) => format!("{title} ({y})"),
        (None, None) => title.to_string(),
    }
}

/// "năm 2026", "giai đoạn 2025–2027", "đến năm 2030".
pub fn due_text(lang: Lang, r: &Reference) -> String {
    match (r.from, r.due) {
        (_, None) => lang.t(M::RefDueUnknown).to_string(),
        (Some(f), Some(d)) if f == d => fill(lang.t(M::RefDueIn), &[&d.to_string()]),
        (Some(f), Some(d)) => fill(lang.t(M::RefDueSpan), &[&f.to_string(), &d.to_string()]),
        (None, Some(d)) => fill(lang.t(M::RefDueBy), &[&d.to_string()]),
    }
}

fn sign(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "≥ ",
        Comparator::MoreThan => "> ",
        Comparator::AtMost => "≤ ",
        Comparator::LessThan => "< ",
        Comparator::Exactly => "= ",
        Comparator::Between => "",
    }
}

/// "≥ 100%", "> 80%", "≥ 30 điểm": the value the Vietnamese or English way.
pub fn target_text(lang: Lang, e: &Entry, r: &Reference) -> String {
    let n = numfmt::format(r.target, lang, 1);
    let unit = if e.unit == "%" {
        "%".to_string()
    } else {
        format!(" {}", e.unit)
    };
    format!("{}{n}{unit}", sign(r.comparator.unwrap_or(e.comparator)))
}

/// "còn hiệu lực", "đã được thay thế bởi Quyết định 2629/QĐ-TTg ngày 01/12/2025", "chưa xác nhận: …".
pub fn status_text(lang: Lang, r: &Reference) -> String {
    match catalog().status(r) {
        Status::InForce => lang.t(M::RefInForce).to_string(),
        Status::Replaced { by } => fill(lang.t(M::RefReplaced), &[&citation(lang, by)]),
        Status::Unconfirmed if r.unconfirmed => lang.t(M::Unconfirmed).to_string(),
        Status::Unconfirmed => lang.t(M::RefPress).to_string(),
    }
}

/// A stable class name for a reference's status (styles and tests read it).
pub fn status_class(r: &Reference) -> &'static str {
    match catalog().status(r) {
        Status::InForce => "in-force",
        Status::Replaced { .. } => "replaced",
        Status::Unconfirmed => "unconfirmed",
    }
}

/// "Quyết định 2629/QĐ-TTg ngày 01/12/2025 — Phụ lục, …: ≥ 100%, giai đoạn 2025–2027 (cấp tỉnh, cấp xã)".
pub fn reference_line(lang: Lang, e: &Entry, r: &Reference) -> String {
    let doc = catalog()
        .document(&r.document)
        .map(|d| citation(lang, d))
        .unwrap_or_else(|| r.document.clone());
    let levels = if r.levels.is_empty() {
        String::new()
    } else {
        format!(" ({})", levels_text(lang, &r.levels))
    };
    format!(
        "{doc} — {}: {}, {}{levels}",
        text(lang, &r.clause),
        target_text(lang, e, r),
        due_text(lang, r)
    )
}

/// Where the national targets of an indicator set for `level` come from,
/// year by year over `years`: "2026: ≥ 95% theo Quyết định 1565/QĐ-TTg …;
/// 2028–2030: ≥ 99% theo …". Empty when no national target applies.
pub fn legal_basis(e: &Entry, level: Level, years: YearSpan, lang: Lang) -> String {
    let mut runs: Vec<(i32, i32, &Reference)> = Vec::new();
    for y in years.years() {
        let Some(r) = e.reference_for(y, level) else {
            continue;
        };
        match runs.last_mut() {
            Some((_, end, last)) if *end == y - 1 && std::ptr::eq(*last, r) => *end = y,
            _ => runs.push((y, y, r)),
        }
    }
    runs.iter()
        .map(|(from, to, r)| {
            let span = if from == to {
                from.to_string()
            } else {
                format!("{from}–{to}")
            };
            let doc = catalog()
                .document(&r.document)
                .map(|d| citation(lang, d))
                .unwrap_or_else(|| r.document.clone());
            let source = format!("{doc}, {}", text(lang, &r.clause));
            fill(
                lang.t(M::BasisItem),
                &[&span, &target_text(lang, e, r), &source],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
