//! Built-in plans and, later, the indicator catalog and templates.

mod sample;

pub use sample::sample_plan;
