mod empty_state;
mod footer;
mod header;

pub use empty_state::EmptyState;
pub use footer::Footer;
pub use header::Header;
