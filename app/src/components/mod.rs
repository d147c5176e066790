//! Shared, state-free UI pieces.

mod error_notice;
mod field;
mod not_found;
mod shell;

pub use error_notice::ErrorNotice;
pub use field::TextField;
pub use not_found::NotFound;
pub use shell::Shell;
