//! Signing in and out, and who is signed in.
//!
//! The person's Dintero token lives only in the server-side session ([`session`]); pages see a
//! [`CurrentUser`], which holds nothing secret.

mod current_user;
pub mod kept_input;
mod login;
mod login_page;
mod logout;
mod mfa;
mod mfa_page;
pub mod policy;
pub mod roles;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use current_user::{get_current_user, signed_in_now, CurrentUser, GetCurrentUser};
pub use kept_input::{take_kept_input, KeptInput, TakeKeptInput};
pub use login::{safe_next, sign_in_path, Login};
pub use login_page::LoginPage;
pub use logout::{Logout, SignOutButton};
pub use mfa::{get_code_step, sandbox_outbox, send_code, verify_code, CodeStep, SandboxMessage};
pub use mfa_page::{CodePage, SandboxInboxPage};
pub use policy::Policy;
pub use roles::{Access, Capability, Refusal};
