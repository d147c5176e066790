//! Shared, state-free UI pieces.

mod choice_field;
mod error_notice;
mod field;
mod not_found;
mod pager;
mod shell;

pub use choice_field::{SelectField, TextAreaField};
pub use error_notice::ErrorNotice;
pub use field::TextField;
pub use not_found::NotFound;
pub use pager::Pager;
pub use shell::Shell;
