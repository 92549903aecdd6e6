pub mod annex;
mod catalog_picker;
mod clash_dialog;
mod collection;
mod compare;
mod conflict_dialog;
mod empty_state;
pub mod figure_input;
mod footer;
mod hand_down;
mod header;
pub mod history;
mod indicator_detail;
mod indicator_row;
mod indicator_table;
mod keep_dialog;
mod notices;
mod office_files;
mod open_file;
mod plan_header;
mod results_report;
mod roll_up;
mod summary;
pub mod text_input;
mod toolbar;
mod trajectory_chart;
mod unit_picker;
mod version_view;

pub use annex::Annex;
pub use catalog_picker::{
    level_badge, national_note, references_list, references_section, CatalogPicker,
};
pub use clash_dialog::ClashDialog;
pub use collection::CollectionView;
pub use compare::CompareView;
pub use conflict_dialog::ConflictDialog;
pub use empty_state::{blank_plan, size, EmptyState};
pub use figure_input::FigureInput;
pub use footer::Footer;
pub use hand_down::HandDown;
pub use header::Header;
pub use history::HistoryPanel;
pub use indicator_detail::IndicatorDetail;
pub use indicator_row::IndicatorRow;
pub use indicator_table::IndicatorTable;
pub use keep_dialog::KeepDialog;
pub use notices::Notices;
pub use office_files::paste_zone;
pub use open_file::OpenFile;
pub use plan_header::PlanHeader;
pub use results_report::ResultsReport;
pub use roll_up::{report_lines, RollUpFiles, SumProgress};
pub use summary::Summary;
pub use text_input::TextInput;
pub use toolbar::Toolbar;
pub use trajectory_chart::TrajectoryChart;
pub use unit_picker::UnitPicker;
pub use version_view::VersionView;

/// Whether a `<details>` has been opened, kept from its `toggle` events, so
/// that what it holds is drawn only once it is opened: a closed one (the
/// scores by group, the warnings of a long plan) then costs the first draw nothing.
#[yew::hook]
pub fn use_opened() -> (bool, yew::Callback<yew::Event>) {
    let opened = yew::use_state_eq(|| false);
    let on_toggle = {
        let opened = opened.clone();
        yew::Callback::from(move |e: yew::Event| opened.set(crate::browser::is_open(&e)))
    };
    (*opened, on_toggle)
}
