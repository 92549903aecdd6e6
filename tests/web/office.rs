//! The app's side of office files in a real browser: a table pasted onto an
//! empty plan goes to the office module (stood in for here), and the plan it
//! hands back is taken as one undo step.

use crate::support::*;
use chitieu::file;
use chitieu::plan::{Indicator, Kind};
use js_sys::{Function, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

fn field(o: &JsValue, name: &str) -> String {
    Reflect::get(o, &name.into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_table_pasted_onto_an_empty_plan_goes_to_the_office_module_and_comes_back_as_one_undo_step(
) {
    clear_storage().await;
    let app = mount_app().await;
    click(&app, "[data-action=start-blank]").await;
    until(&app, "the empty table", |r| {
        r.query_selector(".paste-zone").unwrap().is_some()
    })
    .await;
    let zone = find(&app, ".paste-zone");
    assert!(zone
        .text_content()
        .unwrap()
        .contains("Dán vào đây (Ctrl+V) bảng chỉ tiêu"));
    assert!(app.query_selector_all("tr.indicator-row").unwrap().length() == 0);

    // the office module, stood in for: every call is kept
    let calls: Rc<RefCell<Vec<(String, JsValue, JsValue)>>> = Rc::default();
    let stub = {
        let calls = calls.clone();
        Closure::<dyn Fn(String, JsValue, JsValue)>::new(move |f, options, done| {
            calls.borrow_mut().push((f, options, done))
        })
    };
    Reflect::set(
        &gloo::utils::window(),
        &"chitieuOffice".into(),
        stub.as_ref(),
    )
    .unwrap();

    let data = web_sys::DataTransfer::new().unwrap();
    data.set_data(
        "text/plain",
        "STT\tChỉ tiêu\tMục tiêu 2026\n1\tChỉ tiêu A\t80\n",
    )
    .unwrap();
    data.set_data("text/html", "<table><tr><td>STT</td></tr></table>")
        .unwrap();
    let init = web_sys::ClipboardEventInit::new();
    init.set_clipboard_data(Some(&data));
    init.set_bubbles(true);
    let paste = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    zone.dispatch_event(&paste).unwrap();
    yew::scheduler::flush().await;

    let (f, options, done) = calls
        .borrow_mut()
        .pop()
        .expect("the office module was asked");
    assert_eq!(f, "import_table");
    assert_eq!(
        field(&options, "text"),
        "STT\tChỉ tiêu\tMục tiêu 2026\n1\tChỉ tiêu A\t80\n"
    );
    assert_eq!(
        field(&options, "html"),
        "<table><tr><td>STT</td></tr></table>"
    );
    assert_eq!(field(&options, "lang"), "vi");
    assert!(field(&options, "failed").contains("{}"));
    let mut plan = file::from_json(&field(&options, "plan")).expect("the plan as a plan file");
    assert!(plan.indicators.is_empty());

    // the module hands back the plan with the table's indicator
    plan.indicators.push(Rc::new(Indicator::new(
        format!("{}-1", field(&options, "ids")),
        "Chỉ tiêu A",
        Kind::Percent,
    )));
    let done: Function = done.into();
    done.call1(
        &JsValue::NULL,
        &JsValue::from_str(&file::to_json(&plan, "test", "")),
    )
    .unwrap();
    until(&app, "the imported indicator", |r| {
        r.query_selector("tr.indicator-row").unwrap().is_some()
    })
    .await;
    assert_eq!(
        app.query_selector_all("tr.indicator-row").unwrap().length(),
        1
    );
    assert_eq!(text(&app, "tr.indicator-row .name-button"), "Chỉ tiêu A");

    // one undo takes the import back
    click(&app, ".toolbar .undo").await;
    until(&app, "the empty table again", |r| {
        r.query_selector("tr.indicator-row").unwrap().is_none()
    })
    .await;
    assert!(app.query_selector(".paste-zone").unwrap().is_some());
    Reflect::delete_property(&gloo::utils::window(), &"chitieuOffice".into()).unwrap();
}
