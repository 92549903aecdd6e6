//! Office files: Excel and Word in and out. Everything here runs in the
//! office module, a second WebAssembly module started the first time a
//! planner pastes a table, imports a workbook or exports to Excel or Word,
//! so that the app opens as fast as before (see `src/bin/office.rs`). Only
//! `protocol`, the messages, is shared with the app. No browser code: the
//! session is tested natively, files included.

pub mod document;
mod docx;
pub mod protocol;
mod session;
mod xlsx_in;
pub(crate) mod xlsx_out;

pub use session::Session;
