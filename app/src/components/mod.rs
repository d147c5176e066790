//! Shared, state-free UI pieces.

mod case_status;
mod choice_field;
mod error_notice;
mod field;
mod live_mark;
mod merchant_head;
mod not_found;
mod page_header;
mod pager;
mod shell;

pub use case_status::{case_status_class, case_status_key, CaseStatusBadge};
pub use choice_field::{SelectField, TextAreaField};
pub use error_notice::{ErrorNotice, ERROR_TEXTS};
pub use field::TextField;
pub use live_mark::live_mark;
pub use merchant_head::MerchantHead;
pub use not_found::NotFound;
pub use page_header::PageHeader;
pub use pager::Pager;
pub use shell::Shell;
