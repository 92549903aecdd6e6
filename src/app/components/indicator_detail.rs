//! The indicator detail panel: every field of the indicator, its figures per
//! period, and its trajectory.

use super::{FigureInput, TextInput, TrajectoryChart};
use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::browser;
use crate::calc::{self, Basis};
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::edit::{Edit, IndicatorField, Slot};
use crate::plan::{Date, Direction, Indicator, Kind, Level, Period, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorDetailProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub indicator: Shared<Indicator>,
    /// the period chosen above the table, and the date it is judged at
    pub period: Period,
    pub basis: Basis,
    pub dispatch: Callback<Action>,
}

fn field(id: &str, f: IndicatorField) -> Result<Edit, M> {
    Ok(Edit::Field {
        id: id.to_string(),
        field: f,
    })
}

/// "id\u{1f}period": a text field's target when it edits one period of one indicator.
fn split_target(t: &str) -> (&str, Option<Period>) {
    match t.split_once('\u{1f}') {
        Some((id, p)) => (id, p.parse().ok()),
        None => (t, None),
    }
}

fn upper_edit(target: &str, s: &str, lang: Lang) -> Result<Edit, M> {
    let (id, p) = split_target(target);
    let p = p.ok_or(M::BadPeriod)?;
    let upper = if s.trim().is_empty() {
        None
    } else {
        Some(
            numfmt::parse_non_negative(s, lang)
                .map_err(labels::num_error)?
                .value,
        )
    };
    field(id, IndicatorField::Upper(p, upper))
}

fn notes_edit(id: &str, s: &str, _: Lang) -> Result<Edit, M> {
    field(id, IndicatorField::Notes(s.into()))
}

/// The forecast of a target: a whole number of items, or nothing.
fn forecast_edit(target: &str, s: &str, lang: Lang) -> Result<Edit, M> {
    let (id, p) = split_target(target);
    let p = p.ok_or(M::BadPeriod)?;
    let more = if s.trim().is_empty() {
        None
    } else {
        Some(
            numfmt::parse_non_negative(s, lang)
                .map_err(labels::num_error)?
                .value
                .round(),
        )
    };
    field(id, IndicatorField::Forecast(p, more))
}

#[function_component(IndicatorDetail)]
pub fn indicator_detail(props: &IndicatorDetailProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let ind = &*props.indicator.0;
    let id = AttrValue::from(ind.id.clone());
    let d = props.dispatch.clone();
    let extra = use_state(Vec::<Period>::new);
    let new_period = use_state(|| (String::new(), false));
    // the full-process part of an old count being split, and whether it was refused
    let split = use_state(|| (String::new(), false));
    let basis = props.basis;
    let units = basis.units;

    let text = |label: M, value: String, to_edit: super::text_input::ToEdit| {
        html! { <TextInput {lang} label={lang.t(label)} value={value} target={id.clone()} {to_edit} dispatch={d.clone()} /> }
    };
    let select = |label: M, options: Html, on: Callback<String>, name: &'static str| {
        let onchange = Callback::from(move |e: Event| on.emit(browser::select_value(&e)));
        html! {
            <label class="field">
                <span class="field-label">{ lang.t(label) }</span>
                <select name={name} {onchange}>{ options }</select>
            </label>
        }
    };
    let edit_field = {
        let (d, id) = (d.clone(), ind.id.clone());
        move |f: IndicatorField| {
            d.emit(Action::Edit(Edit::Field {
                id: id.clone(),
                field: f,
            }))
        }
    };

    let kind_code = labels::kind_code(&ind.kind);
    let kind_options = labels::KINDS
        .iter()
        .map(|k| {
            html! {
                <option value={*k} selected={*k == kind_code}>{ labels::kind(lang, k) }</option>
            }
        })
        .collect::<Html>();
    let on_kind = {
        let (edit_field, current) = (edit_field.clone(), ind.kind.clone());
        Callback::from(move |v: String| {
            edit_field(IndicatorField::Kind(labels::kind_from_code(&v, &current)))
        })
    };
    const DIRECTIONS: [Direction; 3] = [Direction::Higher, Direction::Lower, Direction::Tracked];
    let dir_options = DIRECTIONS.iter().map(|x| html! {
        <option value={format!("{x:?}")} selected={*x == ind.direction}>{ labels::direction(lang, *x) }</option>
    }).collect::<Html>();
    let on_dir = {
        let edit_field = edit_field.clone();
        Callback::from(move |v: String| {
            if let Some(d) = DIRECTIONS.iter().find(|d| format!("{d:?}") == v) {
                edit_field(IndicatorField::Direction(*d));
            }
        })
    };
    let cmp_options = labels::COMPARATORS.iter().map(|c| html! {
        <option value={format!("{c:?}")} selected={*c == ind.comparator}>{ labels::comparator(lang, *c) }</option>
    }).collect::<Html>();
    let on_cmp = {
        let edit_field = edit_field.clone();
        Callback::from(move |v: String| {
            if let Some(c) = labels::COMPARATORS.iter().find(|c| format!("{c:?}") == v) {
                edit_field(IndicatorField::Comparator(*c));
            }
        })
    };
    let level_options = std::iter::once(html! { <option value="" selected={ind.applies_to.is_none()}>{ lang.t(M::AnyLevel) }</option> })
        .chain(Level::ALL.iter().map(|l| html! {
            <option value={format!("{l:?}")} selected={ind.applies_to == Some(*l)}>{ labels::level(lang, *l) }</option>
        }))
        .collect::<Html>();
    let on_level = {
        let edit_field = edit_field.clone();
        Callback::from(move |v: String| {
            edit_field(IndicatorField::AppliesTo(
                Level::ALL.iter().find(|l| format!("{l:?}") == v).copied(),
            ))
        })
    };

    // every period of the plan and of this indicator, plus those the planner is adding
    let mut periods: Vec<Period> = plan.period.years().map(Period::Year).collect();
    periods.extend(ind.targets.iter().map(|t| t.period));
    periods.extend(ind.actuals.iter().map(|a| a.period));
    periods.extend(extra.iter().copied());
    crate::sort::sort(&mut periods);
    periods.dedup();
    let between = ind.comparator == crate::plan::Comparator::Between;
    let hint = AttrValue::from(labels::hint(lang, ind, false));
    let target_hint = AttrValue::from(labels::hint(lang, ind, true));
    let derived = |f: Option<crate::plan::Figure>| {
        f.and_then(|f| labels::derived(lang, ind, f, units))
            .map(AttrValue::from)
    };
    let period_rows = periods.iter().map(|p| {
        let target = ind.target_for(*p);
        let key = format!("{}\u{1f}{p}", ind.id);
        html! {
            <tr key={p.to_string()}>
                <th scope="row">{ labels::period(lang, *p) }</th>
                <td><FigureInput {lang} indicator={id.clone()} slot={Slot::Target(*p)} figure={target.map(|t| t.figure)} kind={ind.kind.clone()} {units}
                    comparator={ind.comparator} upper={target.and_then(|t| t.upper)} derived={derived(target.map(|t| t.figure))} hint={target_hint.clone()}
                    column={format!("detail-target")} label={format!("{} {}", lang.t(M::ColTarget), labels::period(lang, *p))} dispatch={d.clone()} /></td>
                if between {
                    <td><TextInput {lang} label={lang.t(M::Upper)} value={target.and_then(|t| t.upper).map(|u| numfmt::format(u, lang, 2)).unwrap_or_default()}
                        target={key.clone()} dispatch={d.clone()} to_edit={upper_edit as super::text_input::ToEdit} /></td>
                }
                <td><FigureInput {lang} indicator={id.clone()} slot={Slot::Actual(*p)} figure={ind.actual_for(*p).map(|a| a.figure)} kind={ind.kind.clone()} {units}
                    derived={derived(ind.actual_for(*p).map(|a| a.figure))} hint={hint.clone()}
                    column={format!("detail-actual")} label={format!("{} {}", lang.t(M::ColActual), labels::period(lang, *p))} dispatch={d.clone()} /></td>
            </tr>
        }
    }).collect::<Html>();
    let add_period = {
        let (extra, new_period) = (extra.clone(), new_period.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match labels::parse_period(&new_period.0)
                .filter(|p| crate::plan::year_in_range(p.year()))
            {
                Some(p) => {
                    let mut list = (*extra).clone();
                    list.push(p);
                    extra.set(list);
                    new_period.set((String::new(), false));
                }
                None => new_period.set((new_period.0.clone(), true)),
            }
        })
    };
    let on_new_period = {
        let new_period = new_period.clone();
        Callback::from(move |e: InputEvent| new_period.set((browser::input_value(&e), false)))
    };
    // the panel takes the focus when it opens on an indicator, and gives it back
    // to that indicator's name in the table when it closes (✕ or Escape)
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(ind.id.clone(), move |_| browser::focus(&heading));
    }
    let close = {
        let (d, id) = (d.clone(), ind.id.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::Select(None));
            browser::focus_row_name(&id);
        })
    };
    let onkeydown = {
        let (d, id) = (d.clone(), ind.id.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Escape in a field is the field's (a refused entry stays until it is put right)
            if e.key() == "Escape" && !e.default_prevented() && !browser::in_field(&e) {
                e.prevent_default();
                d.emit(Action::Select(None));
                browser::focus_row_name(&id);
            }
        })
    };
    let baseline = ind.baseline.as_ref();
    // an old term (level 4 services before Decree 42/2022) and the one that replaced it
    let old_term = crate::catalog::catalog().entry(&ind.code).and_then(|e| {
        let new = crate::catalog::catalog().entry(e.replaced_by.as_deref()?)?;
        let note = e.replacement_note.as_ref()?;
        let note = if lang == Lang::En { note.en.clone() } else { note.vi.clone() };
        let was = crate::i18n::fill(lang.t(M::WasTerm), &[&e.code, &e.name.vi]);
        let switch = {
            let (d, id, code, name) = (d.clone(), ind.id.clone(), new.code.clone(), new.name.clone());
            Callback::from(move |_| d.emit(Action::Edit(Edit::Field {
                id: id.clone(),
                field: IndicatorField::Term { code: code.clone(), name: name.clone(), note: was.clone() },
            })))
        };
        Some(html! {
            <div class="old-term" role="note">
                <strong>{ format!("{}: ", lang.t(M::OldTerm)) }</strong>{ note }
                <button type="button" class="button small" onclick={switch}>{ crate::i18n::fill(lang.t(M::UseNewTerm), &[&new.code]) }</button>
            </div>
        })
    });
    // an old count of two of today's terms together ("mức độ 3, 4"): split in two, with a note
    let split_term = crate::catalog::catalog().entry(&ind.code).filter(|e| e.split_into.len() == 2).map(|e| {
        let note = e.replacement_note.as_ref().map(|n| if lang == Lang::En { n.en.clone() } else { n.vi.clone() }).unwrap_or_default();
        let now = baseline.map(|b| labels::figure(lang, ind, b.figure)).unwrap_or_else(|| "…".into());
        let onsubmit = {
            let (d, ind, split, plan_level, years) = (d.clone(), ind.clone(), split.clone(), plan.unit.level, plan.period);
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Ok(first) = numfmt::parse_non_negative(&split.0, lang).map(|r| r.value) else {
                    split.set((split.0.clone(), true));
                    return;
                };
                let figures: Vec<String> = ind
                    .targets
                    .iter()
                    .map(|t| format!("{} {}", labels::period(lang, t.period), labels::figure(lang, &ind, t.figure)))
                    .chain(ind.actuals.iter().map(|a| format!("{} {}", labels::period(lang, a.period), labels::figure(lang, &ind, a.figure))))
                    .collect();
                let now = ind.baseline.as_ref().map(|b| labels::figure(lang, &ind, b.figure)).unwrap_or_default();
                let note = crate::i18n::fill(
                    lang.t(M::SplitNote),
                    &[&labels::name(lang, &ind), &ind.code, &now, &numfmt::format(first, lang, 0), &figures.join("; ")],
                );
                let ids = [browser::new_id("i"), browser::new_id("i")];
                match crate::catalog::split_old_term(&ind, first, ids, &note, plan_level, years, lang) {
                    Some(parts) => d.emit(Action::Edit(Edit::Replace { id: ind.id.clone(), with: parts })),
                    None => split.set((split.0.clone(), true)),
                }
            })
        };
        let oninput = {
            let split = split.clone();
            Callback::from(move |e: InputEvent| split.set((browser::input_value(&e), false)))
        };
        html! {
            <form class="old-term" role="note" {onsubmit}>
                <strong>{ format!("{}: ", lang.t(M::OldTerm)) }</strong>{ note }
                <label class="field">
                    <span class="field-label">{ crate::i18n::fill(lang.t(M::SplitHow), &[&now]) }</span>
                    <input type="text" name="split-first" value={split.0.clone()} {oninput} aria-invalid={split.1.to_string()} />
                </label>
                <button type="submit" class="button small">{ lang.t(M::SplitTerm) }</button>
                if split.1 { <span class="cell-error" role="alert">{ lang.t(M::SplitBad) }</span> }
            </form>
        }
    });
    // a share of counts: what the rest of the period must bring, from the forecast
    let forecast = match (&ind.kind, ind.target_for(props.period)) {
        (Kind::Ratio { denominator, .. }, Some(t)) => {
            let e = calc::evaluate(ind, basis, props.period);
            let word = if denominator.trim().is_empty() {
                lang.t(M::ItemsWord).to_string()
            } else {
                labels::unit_word(lang, denominator)
            };
            let so_far = e
                .actual
                .filter(|a| a.period.within(props.period))
                .and_then(|a| match a.figure {
                    crate::plan::Figure::Counts {
                        numerator,
                        denominator,
                    } => Some(crate::i18n::fill(
                        lang.t(M::ForecastSoFar),
                        &[
                            &numfmt::format(numerator, lang, 0),
                            &numfmt::format(denominator, lang, 0),
                            &word,
                            &labels::period(lang, a.period),
                        ],
                    )),
                    _ => None,
                });
            let key = format!("{}\u{1f}{}", ind.id, props.period);
            let result = match (e.need, t.forecast, e.target_value) {
                (Some(n), Some(more), Some(tv)) => Some(labels::need(lang, ind, &n, more, tv)),
                _ => None,
            };
            html! {
                <section class="forecast" aria-labelledby="forecast-title">
                    <h3 id="forecast-title">{ format!("{} — {}", lang.t(M::ForecastTitle), labels::period(lang, props.period)) }</h3>
                    if let Some(s) = so_far { <p>{ s }</p> }
                    <TextInput {lang} label={format!("{} ({word})", lang.t(M::Forecast))} name="forecast"
                        value={t.forecast.map(|f| numfmt::format(f, lang, 0)).unwrap_or_default()}
                        placeholder={crate::i18n::fill(lang.t(M::ForecastHint), &[&word])}
                        target={key} dispatch={d.clone()} to_edit={forecast_edit as super::text_input::ToEdit} />
                    if let Some(r) = result { <p class="need" role="status">{ r }</p> }
                </section>
            }
        }
        _ => Html::default(),
    };
    let references = super::references_section(
        lang,
        &ind.code,
        crate::catalog::level_in(ind, plan.unit.level),
        plan.period.start,
    );
    html! {
        <aside class="detail" aria-labelledby="detail-title" {onkeydown}>
            <header class="detail-head">
                <h2 id="detail-title" tabindex="-1" ref={heading}>{ if ind.code.is_empty() { labels::name(lang, ind) } else { format!("{} · {}", ind.code, labels::name(lang, ind)) } }{ super::level_badge(lang, ind) }</h2>
                <button type="button" class="icon-button" onclick={close} aria-label={lang.t(M::Close)} title={lang.t(M::Close)}>{ "✕" }</button>
            </header>
            <div class="detail-body">
                { for old_term }
                { for split_term }
                { references }
                <div class="form-grid">
                    { text(M::FieldCode, ind.code.clone(), |id, s, _| field(id, IndicatorField::Code(s.into()))) }
                    { text(M::FieldGroup, ind.group.clone(), |id, s, _| field(id, IndicatorField::Group(s.into()))) }
                </div>
                { text(M::FieldNameVi, ind.name.vi.clone(), |id, s, _| field(id, IndicatorField::NameVi(s.into()))) }
                { text(M::FieldNameEn, ind.name.en.clone(), |id, s, _| field(id, IndicatorField::NameEn(s.into()))) }
                <div class="form-grid">
                    { select(M::FieldKind, kind_options, on_kind, "kind") }
                    { select(M::FieldDirection, dir_options, on_dir, "direction") }
                    { select(M::FieldComparator, cmp_options, on_cmp, "comparator") }
                    { text(M::FieldUnitLabel, ind.unit_label.clone(), |id, s, _| field(id, IndicatorField::UnitLabel(s.into()))) }
                    { select(M::FieldAppliesTo, level_options, on_level, "applies_to") }
                    { text(M::FieldWeight, ind.weight.map(|w| numfmt::format(w, lang, 3)).unwrap_or_default(), |id, s, l| {
                        let w = if s.trim().is_empty() { None } else { Some(numfmt::parse_non_negative(s, l).map_err(labels::num_error)?.value) };
                        field(id, IndicatorField::Weight(w))
                    }) }
                </div>
                if let Kind::Ratio { numerator, denominator } = &ind.kind {
                    <div class="form-grid">
                        { text(M::NumeratorLabel, numerator.clone(), |id, s, _| field(id, IndicatorField::RatioNumerator(s.into()))) }
                        { text(M::DenominatorLabel, denominator.clone(), |id, s, _| field(id, IndicatorField::RatioDenominator(s.into()))) }
                    </div>
                }
                if let Kind::Reduction { amount } = &ind.kind {
                    { text(M::ReductionAmount, amount.clone(), |id, s, _| field(id, IndicatorField::ReductionAmount(s.into()))) }
                }
                <fieldset class="baseline">
                    <legend>{ lang.t(M::FieldBaseline) }</legend>
                    <p class="entry-hint">{ format!("{}: {}", lang.t(M::HowToType), labels::hint(lang, ind, true)) }</p>
                    <div class="form-grid">
                        <div class="field">
                            <span class="field-label">{ lang.t(M::FieldBaseline) }</span>
                            <FigureInput {lang} indicator={id.clone()} slot={Slot::Baseline} figure={baseline.map(|b| b.figure)} kind={ind.kind.clone()} {units}
                                derived={derived(baseline.map(|b| b.figure))} hint={hint.clone()}
                                column="detail-baseline" label={lang.t(M::FieldBaseline)} dispatch={d.clone()} />
                        </div>
                        if baseline.is_some() {
                            { text(M::FieldBaselineDate, baseline.and_then(|b| b.as_of).map(|d| d.dmy()).unwrap_or_default(), |id, s, _| {
                                let date = if s.trim().is_empty() { None } else { Some(s.parse::<Date>().map_err(|_| M::BadDate)?) };
                                field(id, IndicatorField::BaselineDate(date))
                            }) }
                        }
                    </div>
                    if baseline.is_some() {
                        { text(M::FieldBaselineSource, baseline.map(|b| b.source.clone()).unwrap_or_default(), |id, s, _| field(id, IndicatorField::BaselineSource(s.into()))) }
                    }
                </fieldset>
                <fieldset>
                    <legend>{ lang.t(M::TargetsAndActuals) }</legend>
                    <table class="periods">
                        <thead><tr>
                            <th scope="col">{ lang.t(M::PeriodLabel) }</th>
                            <th scope="col">{ lang.t(M::ColTarget) }</th>
                            if between { <th scope="col">{ lang.t(M::Upper) }</th> }
                            <th scope="col">{ lang.t(M::ColActual) }</th>
                        </tr></thead>
                        <tbody>{ period_rows }</tbody>
                    </table>
                    <form class="add-period" onsubmit={add_period}>
                        <label class="field">
                            <span class="field-label">{ lang.t(M::AddPeriod) }</span>
                            <input type="text" name="new-period" value={new_period.0.clone()} placeholder={lang.t(M::PeriodHint)}
                                oninput={on_new_period} aria-invalid={new_period.1.to_string()} />
                        </label>
                        <button type="submit" class="button">{ lang.t(M::AddPeriod) }</button>
                        if new_period.1 { <span class="cell-error" role="alert">{ lang.t(M::BadPeriod) }</span> }
                    </form>
                </fieldset>
                { forecast }
                <section class="trajectory-section">
                    <h3>{ lang.t(M::Trajectory) }</h3>
                    <TrajectoryChart {lang} indicator={props.indicator.clone()} {basis} period={props.period} />
                </section>
                { text(M::FieldResponsible, ind.responsible.clone(), |id, s, _| field(id, IndicatorField::Responsible(s.into()))) }
                { text(M::FieldLegalBasis, ind.legal_basis.clone(), |id, s, _| field(id, IndicatorField::LegalBasis(s.into()))) }
                <TextInput {lang} label={lang.t(M::FieldNotes)} value={ind.notes.clone()} target={id.clone()} multiline=true dispatch={d.clone()}
                    to_edit={notes_edit as super::text_input::ToEdit} />
            </div>
        </aside>
    }
}
