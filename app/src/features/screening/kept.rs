//! VMSS answers kept in the person's session. Dintero keeps MATCH inquiries (found again by their
//! IRN) but not VMSS searches, so the app keeps the last few VMSS answers itself, per person, to
//! show them beside the MATCH inquiry and to name them in a decision. Nothing secret is in them.

use super::results::VmssResult;

/// How many VMSS answers a session keeps (the oldest goes first).
const KEPT: usize = 10;

const KEY: &str = "backoffice.screening.vmss";

/// Keeps `result` of merchant `aid`.
pub async fn keep_vmss(aid: &str, result: &VmssResult) {
    let Ok(session) = crate::auth::session::session().await else {
        return;
    };
    let mut kept: Vec<(String, VmssResult)> = session.get(KEY).await.ok().flatten().unwrap_or_default();
    kept.retain(|(_, r)| r.reference != result.reference);
    kept.push((aid.to_owned(), result.clone()));
    let excess = kept.len().saturating_sub(KEPT);
    kept.drain(..excess);
    if let Err(error) = session.insert(KEY, kept).await {
        tracing::warn!(%error, "could not keep the VMSS answer");
    }
}

/// The kept VMSS answer `reference` of merchant `aid`, if this session has it.
pub async fn vmss_result(aid: &str, reference: &str) -> Option<VmssResult> {
    if reference.is_empty() {
        return None;
    }
    let session = crate::auth::session::session().await.ok()?;
    let kept: Vec<(String, VmssResult)> = session.get(KEY).await.ok().flatten()?;
    kept.into_iter()
        .find(|(a, r)| a == aid && r.reference == reference)
        .map(|(_, r)| r)
}

/// A reference for a VMSS answer Visa gave none for.
pub fn new_reference() -> String {
    use rand::Rng;
    format!("app-{:016x}", rand::rng().random::<u64>())
}
