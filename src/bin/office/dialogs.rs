//! The import and export dialogs. One dialog is open at a time; it is modal
//! (keys do not reach the page under it, Tab stays inside, Escape closes it,
//! focus goes back where it was). Each change redraws the dialog's content
//! from the session's answer.

use crate::dom::{self, add, attr, button, el, listen, text};
use chitieu::file;
use chitieu::i18n::{fill, Lang, M};
use chitieu::office::protocol::{Change, Preview, Request, Response};
use chitieu::office::Session;
use chitieu::plan::Period;
use gloo::events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const CSV: &str = "text/csv;charset=utf-8";

enum Step {
    /// waiting for a paste or a file; why the last one could not be read
    Source(Option<String>),
    Reading,
    Preview(Box<Preview>),
}

enum What {
    Import {
        session: Box<Session>,
        plan: String,
        ids: String,
        done: js_sys::Function,
        step: Step,
    },
    Export {
        plan: String,
        period: Period,
        today: String,
        status: Option<(bool, String)>,
    },
}

struct Dialog {
    backdrop: Element,
    dialog: Element,
    content: Element,
    lang: Lang,
    what: What,
    /// the frame's listeners (keys, close), kept while the dialog is open,
    /// and the content's, replaced at each redraw
    _frame: Vec<EventListener>,
    listeners: Vec<EventListener>,
    focus_back: Option<Element>,
}

thread_local! {
    static OPEN: RefCell<Option<Dialog>> = const { RefCell::new(None) };
    /// listeners and dialogs replaced while one of their own handlers runs:
    /// dropped at the next redraw, never inside the handler
    static RETIRED: RefCell<Vec<Box<dyn std::any::Any>>> = const { RefCell::new(Vec::new()) };
}

fn retire(x: impl std::any::Any) {
    RETIRED.with(|r| r.borrow_mut().push(Box::new(x)));
}

fn field(options: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn lang_of(options: &JsValue) -> Lang {
    Lang::from_code(&field(options, "lang")).unwrap_or_default()
}

/// Opens a dialog (closing one left open) with its frame: title, close button.
fn open(lang: Lang, title: M, what: What) {
    close();
    RETIRED.with(|r| r.borrow_mut().clear());
    dom::ensure_stylesheet();
    let focus_back = dom::document().active_element();
    let backdrop = el("div", "dialog-backdrop office-backdrop");
    let dialog = el("div", "dialog office-dialog");
    attr(&dialog, "role", "dialog");
    attr(&dialog, "aria-modal", "true");
    attr(&dialog, "aria-labelledby", "office-title");
    let head = el("header", "detail-head");
    let h2 = text("h2", "", lang.t(title));
    attr(&h2, "id", "office-title");
    let x = button("icon-button", "✕");
    attr(&x, "aria-label", lang.t(M::Close));
    add(&head, &h2);
    add(&head, &x);
    let content = el("div", "office-content");
    add(&dialog, &head);
    add(&dialog, &content);
    add(&backdrop, &dialog);
    if let Some(body) = dom::document().body() {
        let _ = body.append_child(&backdrop);
    }
    let frame = vec![listen(&x, "click", |_| close()), {
        let dialog = dialog.clone();
        EventListener::new_with_options(
            &backdrop,
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                // the dialog is modal: no key reaches the page under it
                e.stop_propagation();
                let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                match k.key().as_str() {
                    "Escape" => {
                        k.prevent_default();
                        close();
                    }
                    "Tab" => chitieu::browser::trap_tab(k, &dialog),
                    _ => {}
                }
            },
        )
    }];
    OPEN.with(|o| {
        *o.borrow_mut() = Some(Dialog {
            backdrop,
            dialog,
            content,
            lang,
            what,
            _frame: frame,
            listeners: Vec::new(),
            focus_back,
        })
    });
    redraw(None);
}

/// Closes the open dialog and gives focus back.
fn close() {
    let Some(d) = OPEN.with(|o| o.borrow_mut().take()) else {
        return;
    };
    d.backdrop.remove();
    if let Some(back) = d.focus_back.as_ref().filter(|b| b.is_connected()) {
        dom::focus(back);
    }
    retire(d);
}

/// Changes the open dialog and draws it again; `focus`: the name of the
/// control to keep focus on.
fn update(f: impl FnOnce(&mut Dialog) -> Option<String>) {
    // `None` from `f`: no control to keep focus on (the first one gets it)
    let focus = OPEN.with(|o| o.borrow_mut().as_mut().map(f));
    if let Some(focus) = focus {
        redraw(focus);
    }
}

fn redraw(focus: Option<String>) {
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let Some(d) = o.as_mut() else { return };
        while let Some(child) = d.content.first_child() {
            let _ = d.content.remove_child(&child);
        }
        let old = std::mem::take(&mut d.listeners);
        retire(old);
        let lang = d.lang;
        let mut listeners = Vec::new();
        match &d.what {
            What::Import { step, .. } => match step {
                Step::Source(error) => {
                    if let Some(e) = error {
                        let p = text("p", "import-error", e);
                        attr(&p, "role", "alert");
                        add(&d.content, &p);
                    }
                    sources(&d.content, lang, &mut listeners);
                    actions(&d.content, lang, None, &mut listeners);
                }
                Step::Reading => {
                    let p = text("p", "import-reading", lang.t(M::Reading));
                    attr(&p, "role", "status");
                    add(&d.content, &p);
                }
                Step::Preview(p) => preview(&d.content, lang, p, &mut listeners),
            },
            What::Export { period, status, .. } => {
                export_content(&d.content, lang, *period, status, &mut listeners)
            }
        }
        d.listeners = listeners;
        let target = focus.and_then(|name| {
            d.content
                .query_selector(&format!("[name=\"{name}\"]"))
                .ok()
                .flatten()
        });
        match target.or_else(|| {
            chitieu::browser::focusables(&d.content)
                .into_iter()
                .next()
                .map(Into::into)
        }) {
            Some(t) => dom::focus(&t),
            None => dom::focus(&d.dialog),
        }
    });
}

/// The Cancel button, and the button that does the work when there is one.
fn actions(
    content: &Element,
    lang: Lang,
    primary: Option<Element>,
    listeners: &mut Vec<EventListener>,
) {
    let row = el("div", "dialog-actions");
    if let Some(p) = primary {
        add(&row, &p);
    }
    let cancel = button("button", lang.t(M::Cancel));
    listeners.push(listen(&cancel, "click", |_| close()));
    add(&row, &cancel);
    add(content, &row);
}

// ---------------------------------------------------------------- import

/// Opens the import dialog: with a pasted table it is read at once.
pub fn import(options: &JsValue, done: js_sys::Function) {
    let lang = lang_of(options);
    let (plan, ids) = (field(options, "plan"), field(options, "ids"));
    let (text, html) = (field(options, "text"), field(options, "html"));
    open(
        lang,
        M::ImportTitle,
        What::Import {
            session: Box::default(),
            plan,
            ids,
            done,
            step: Step::Source(None),
        },
    );
    if !text.trim().is_empty() || !html.trim().is_empty() {
        ask(
            Request::Paste {
                text,
                html,
                plan: String::new(),
                lang,
            },
            None,
        );
    }
    // a workbook dropped on the page is read at once, as if chosen here
    if let Ok(file) =
        js_sys::Reflect::get(options, &"file".into()).and_then(|f| f.dyn_into::<web_sys::File>())
    {
        read_workbook(file, lang);
    }
}

/// Reads an .xlsx file and shows how its table was understood.
fn read_workbook(file: web_sys::File, lang: Lang) {
    update(|d| {
        if let What::Import { step, .. } = &mut d.what {
            *step = Step::Reading;
        }
        None
    });
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => ask(
                Request::Workbook {
                    name,
                    plan: String::new(),
                    lang,
                },
                Some(js_sys::Uint8Array::new(&buffer).to_vec()),
            ),
            Err(e) => update(|d| {
                if let What::Import { step, .. } = &mut d.what {
                    *step = Step::Source(Some(fill(
                        lang.t(M::XlsxUnreadable),
                        &[&name, &format!("{e:?}")],
                    )));
                }
                None
            }),
        }
    });
}

/// Asks the import's session and shows its answer. A paste or a workbook
/// carries the plan the dialog was opened for.
fn ask(mut request: Request, bytes: Option<Vec<u8>>) {
    update(|d| {
        let What::Import {
            session,
            plan,
            ids,
            done,
            step,
        } = &mut d.what
        else {
            return None;
        };
        match &mut request {
            Request::Paste { plan: p, .. } | Request::Workbook { plan: p, .. } => *p = plan.clone(),
            Request::Build { ids: i, plan: p } => {
                *i = ids.clone();
                *p = plan.clone();
            }
            _ => {}
        }
        let focus = match &request {
            Request::Change {
                change: Change::Column { index, .. },
                ..
            } => Some(format!("column-{index}")),
            Request::Change {
                change: Change::Row { index, .. },
                ..
            } => Some(format!("row-{index}")),
            Request::Change {
                change: Change::Numbers(_),
                ..
            } => Some("numbers".to_string()),
            Request::Change {
                change: Change::Sheet(_),
                ..
            } => Some("sheet".to_string()),
            _ => None,
        };
        match session.handle(request, bytes).0 {
            Response::Preview(p) => *step = Step::Preview(Box::new(p)),
            Response::Failed { message } => *step = Step::Source(Some(message)),
            Response::Built { plan } => {
                let done = done.clone();
                // the dialog closes after this redraw; the app takes the plan
                let _ = done.call1(&JsValue::NULL, &JsValue::from_str(&plan));
                *step = Step::Reading;
                gloo::timers::callback::Timeout::new(0, close).forget();
            }
            Response::File => {}
        }
        focus
    });
}

/// The paste target and the file picker.
fn sources(content: &Element, lang: Lang, listeners: &mut Vec<EventListener>) {
    let box_ = el("div", "import-sources");
    let area = el("textarea", "paste-target");
    attr(&area, "name", "paste-table");
    attr(&area, "rows", "4");
    attr(&area, "aria-label", lang.t(M::PasteHere));
    attr(&area, "placeholder", lang.t(M::PasteHere));
    listeners.push(EventListener::new_with_options(
        &area,
        "paste",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        move |e| {
            e.prevent_default();
            let data = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data());
            let get = |t: &str| {
                data.as_ref()
                    .and_then(|d| d.get_data(t).ok())
                    .unwrap_or_default()
            };
            ask(
                Request::Paste {
                    text: get("text/plain"),
                    html: get("text/html"),
                    plan: String::new(),
                    lang,
                },
                None,
            );
        },
    ));
    add(&box_, &area);
    let label = el("label", "button open-file");
    let input = el("input", "visually-hidden");
    attr(&input, "type", "file");
    attr(&input, "name", "table-file");
    attr(
        &input,
        "accept",
        ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    listeners.push(listen(&input, "change", move |e| {
        let Some(file) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.item(0))
        else {
            return;
        };
        read_workbook(file, lang);
    }));
    add(&label, &input);
    add(&label, &text("span", "", lang.t(M::ChooseXlsx)));
    add(&box_, &label);
    add(content, &box_);
}

fn choices(list: &[chitieu::office::protocol::Choice]) -> Vec<(String, String)> {
    list.iter()
        .map(|c| (c.value.clone(), c.label.clone()))
        .collect()
}

/// How the table was understood: a list per column (what it holds) and per
/// row (what it becomes), the cells as they were, what to know, and the
/// button that imports.
fn preview(content: &Element, lang: Lang, p: &Preview, listeners: &mut Vec<EventListener>) {
    add(content, &text("p", "muted", lang.t(M::PreviewLead)));
    let options = el("div", "import-options");
    add(&options, &text("strong", "import-source", &p.source));
    if p.sheets.len() > 1 {
        let label = el("label", "");
        add(&label, &text("span", "", lang.t(M::SheetLabel)));
        let list: Vec<(String, String)> = p
            .sheets
            .iter()
            .enumerate()
            .map(|(k, s)| (k.to_string(), s.clone()))
            .collect();
        let s = dom::select("sheet", lang.t(M::SheetLabel), &list, &p.sheet.to_string());
        listeners.push(listen(&s, "change", move |e| {
            if let Ok(k) = dom::value(e).parse() {
                ask(
                    Request::Change {
                        change: Change::Sheet(k),
                        lang,
                    },
                    None,
                );
            }
        }));
        add(&label, &s);
        add(&options, &label);
    }
    let label = el("label", "");
    add(&label, &text("span", "", lang.t(M::NumbersLabel)));
    let numbers = [
        ("vi".to_string(), lang.t(M::NumbersVi).to_string()),
        ("en".to_string(), lang.t(M::NumbersEn).to_string()),
    ];
    let s = dom::select(
        "numbers",
        lang.t(M::NumbersLabel),
        &numbers,
        p.numbers.code(),
    );
    listeners.push(listen(&s, "change", move |e| {
        let n = Lang::from_code(&dom::value(e)).unwrap_or(lang);
        ask(
            Request::Change {
                change: Change::Numbers(n),
                lang,
            },
            None,
        );
    }));
    add(&label, &s);
    add(&options, &label);
    add(content, &options);

    let wrap = el("div", "import-table-wrap");
    let table = el("table", "import-table");
    let thead = el("thead", "");
    let tr = el("tr", "");
    for h in [lang.t(M::RowLabel), lang.t(M::RowBecomes)] {
        let th = text("th", "", h);
        attr(&th, "scope", "col");
        add(&tr, &th);
    }
    let roles = choices(&p.roles);
    for (index, c) in p.columns.iter().enumerate() {
        let th = el("th", "import-col");
        attr(&th, "scope", "col");
        let s = dom::select(
            &format!("column-{index}"),
            &fill(lang.t(M::ColumnRole), &[&c.letter]),
            &roles,
            &c.role,
        );
        listeners.push(listen(&s, "change", move |e| {
            ask(
                Request::Change {
                    change: Change::Column {
                        index,
                        role: dom::value(e),
                    },
                    lang,
                },
                None,
            );
        }));
        add(&th, &s);
        let heading = if c.heading.is_empty() {
            c.letter.clone()
        } else {
            format!("{} · {}", c.letter, c.heading)
        };
        add(&th, &text("span", "import-heading", &heading));
        add(&tr, &th);
    }
    add(&thead, &tr);
    add(&table, &thead);
    let tbody = el("tbody", "");
    let kinds = choices(&p.choices);
    for r in &p.rows {
        let tr = el("tr", &format!("import-row {}", r.outcome));
        attr(&tr, "data-line", &r.line.to_string());
        let th = text("th", "", &r.line.to_string());
        attr(&th, "scope", "row");
        add(&tr, &th);
        let td = el("td", "import-choice");
        if r.choice.is_empty() {
            add(&td, &text("span", "muted", &r.says));
        } else {
            let index = r.index;
            let s = dom::select(
                &format!("row-{index}"),
                &fill(lang.t(M::RowRole), &[&r.line.to_string()]),
                &kinds,
                &r.choice,
            );
            listeners.push(listen(&s, "change", move |e| {
                ask(
                    Request::Change {
                        change: Change::Row {
                            index,
                            choice: dom::value(e),
                        },
                        lang,
                    },
                    None,
                );
            }));
            add(&td, &s);
            if r.outcome == "group" {
                add(&td, &text("span", "import-group", &r.says));
            }
        }
        add(&tr, &td);
        for c in &r.cells {
            add(&tr, &text("td", "", c));
        }
        add(&tbody, &tr);
    }
    add(&table, &tbody);
    add(&wrap, &table);
    add(content, &wrap);
    if !p.notes.is_empty() {
        let ul = el("ul", "import-notes");
        for n in &p.notes {
            add(&ul, &text("li", "", n));
        }
        add(content, &ul);
    }
    let summary = text("p", "import-summary", &p.summary);
    attr(&summary, "role", "status");
    add(content, &summary);
    let go = button(
        "button primary import-do",
        &fill(lang.t(M::ImportDo), &[&p.count.to_string()]),
    );
    if p.count == 0 {
        attr(&go, "disabled", "");
    }
    listeners.push(listen(&go, "click", |_| {
        ask(
            Request::Build {
                ids: String::new(),
                plan: String::new(),
            },
            None,
        )
    }));
    actions(content, lang, Some(go), listeners);
}

// ---------------------------------------------------------------- export

/// Opens the export dialog for the plan.
pub fn export(options: &JsValue) {
    let lang = lang_of(options);
    let period = field(options, "period")
        .parse::<Period>()
        .unwrap_or(Period::Year(2026));
    let what = What::Export {
        plan: field(options, "plan"),
        period,
        today: field(options, "today"),
        status: None,
    };
    open(lang, M::ExportTitle, what);
}

#[derive(Clone, Copy, PartialEq)]
enum Export {
    Xlsx,
    Annex,
    Report,
    CsvVi,
    CsvEn,
}

fn export_content(
    content: &Element,
    lang: Lang,
    period: Period,
    status: &Option<(bool, String)>,
    listeners: &mut Vec<EventListener>,
) {
    let list = el("div", "export-list");
    let csv = if lang == Lang::En {
        [(Export::CsvEn, M::CsvEn), (Export::CsvVi, M::CsvVi)]
    } else {
        [(Export::CsvVi, M::CsvVi), (Export::CsvEn, M::CsvEn)]
    };
    let report = fill(
        lang.t(M::ExportReport),
        &[&chitieu::app::labels::period(lang, period)],
    );
    let items = [
        (Export::Xlsx, lang.t(M::ExportXlsx).to_string()),
        (Export::Annex, lang.t(M::ExportDocx).to_string()),
        (Export::Report, report),
        (csv[0].0, lang.t(csv[0].1).to_string()),
        (csv[1].0, lang.t(csv[1].1).to_string()),
    ];
    for (what, label) in items {
        let b = button("button", &label);
        attr(&b, "name", &format!("export-{}", what as u8));
        listeners.push(listen(&b, "click", move |_| write(what)));
        add(&list, &b);
    }
    add(content, &list);
    if let Some((ok, message)) = status {
        let p = text(
            "p",
            if *ok { "export-status" } else { "import-error" },
            message,
        );
        attr(&p, "role", if *ok { "status" } else { "alert" });
        add(content, &p);
    }
    let row = el("div", "dialog-actions");
    let close_button = button("button", lang.t(M::Close));
    listeners.push(listen(&close_button, "click", |_| close()));
    add(&row, &close_button);
    add(content, &row);
}

/// Writes one file and offers it for download; the dialog says what it wrote.
fn write(what: Export) {
    let focus = Some(format!("export-{}", what as u8));
    update(move |d| {
        let lang = d.lang;
        let What::Export {
            plan,
            period,
            today,
            status,
        } = &mut d.what
        else {
            return None;
        };
        let parsed = match file::from_json(plan) {
            Ok(p) => p,
            Err(e) => {
                *status = Some((false, chitieu::app::labels::read_error(lang, "plan", &e)));
                return focus;
            }
        };
        let slug = chitieu::text::slug(&parsed.title);
        let (name, mime, bytes) = match what {
            Export::CsvVi => (
                format!("{slug}.csv"),
                CSV,
                Ok(file::to_csv_vietnamese(&parsed).into_bytes()),
            ),
            Export::CsvEn => (
                format!("{slug}-en.csv"),
                CSV,
                Ok(file::to_csv(&parsed).into_bytes()),
            ),
            Export::Xlsx | Export::Annex | Export::Report => {
                let mut session = Session::default();
                let (request, name, mime) = match what {
                    Export::Xlsx => (
                        Request::WriteXlsx {
                            plan: plan.clone(),
                            lang,
                            today: today.clone(),
                        },
                        format!("{slug}.xlsx"),
                        XLSX,
                    ),
                    Export::Annex => (
                        Request::WriteDocx {
                            plan: plan.clone(),
                            lang,
                            today: today.clone(),
                            report: None,
                        },
                        format!("{slug}.docx"),
                        DOCX,
                    ),
                    _ => {
                        let p = period.to_string();
                        // the report's own name first: beside the annex of the same plan
                        let name =
                            format!("bao-cao-ket-qua-{}-{slug}.docx", chitieu::text::slug(&p));
                        (
                            Request::WriteDocx {
                                plan: plan.clone(),
                                lang,
                                today: today.clone(),
                                report: Some(p),
                            },
                            name,
                            DOCX,
                        )
                    }
                };
                let bytes = match session.handle(request, None) {
                    (Response::File, Some(b)) => Ok(b),
                    (Response::Failed { message }, _) => Err(message),
                    _ => Err(String::new()),
                };
                (name, mime, bytes)
            }
        };
        *status = Some(match bytes {
            Ok(b) => match dom::download(&name, mime, &b) {
                Ok(()) => (true, fill(lang.t(M::Written), &[&name])),
                Err(()) => (false, lang.t(M::RefusedDownload).to_string()),
            },
            Err(m) => (false, m),
        });
        focus
    });
}
