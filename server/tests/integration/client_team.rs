//! The partner's own users through the client: invite, change, remove, and Dintero's rules (write
//! scopes; a scope may only be given by someone who holds it).

use crate::support;

use app::dintero::users::{NewUser, UserUpdate};
use app::secret::Secret;

fn colleague(email: &str, scopes: &[&str]) -> NewUser {
    NewUser {
        email: email.to_owned(),
        name: Some("Nora Berg".to_owned()),
        scope: scopes.iter().map(|s| (*s).to_owned()).collect(),
    }
}

#[tokio::test]
async fn a_manager_invites_changes_and_removes_a_colleague_and_they_can_sign_in() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let invited = h
        .client
        .invite_user(&manager, &colleague("nora@partner.example", &["read:accounts"]))
        .await
        .unwrap();
    assert_eq!(invited.scope, ["read:accounts"]);
    assert!(!invited.has_mfa());
    let team = h.client.team(&manager).await.unwrap();
    assert!(team
        .iter()
        .any(|u| u.id == invited.id && u.name.as_deref() == Some("Nora Berg")));

    // The invited person signs in (the emulator's invitation is the demo password), and is seen.
    let token = h
        .client
        .password_token("nora@partner.example", &Secret::new("demo-password"))
        .await;
    assert!(token.is_ok(), "{token:?}");
    let seen = h.client.team(&manager).await.unwrap();
    assert!(seen.iter().any(|u| u.id == invited.id && u.last_seen_at.is_some()));

    let change = UserUpdate {
        name: None,
        scope: Some(vec!["read:accounts".into(), "write:accounts".into()]),
    };
    let changed = h.client.update_user(&manager, &invited.id, &change).await.unwrap();
    assert_eq!(changed.scope, ["read:accounts", "write:accounts"]);
    assert_eq!(changed.name.as_deref(), Some("Nora Berg"), "an absent name stays");

    let removed = h.client.remove_user(&manager, &invited.id).await.unwrap();
    assert_eq!(removed.id, invited.id);
    assert!(!h
        .client
        .team(&manager)
        .await
        .unwrap()
        .iter()
        .any(|u| u.id == invited.id));
    let again = h.client.remove_user(&manager, &invited.id).await.unwrap_err();
    assert_eq!(again.status(), Some(404));
}

#[tokio::test]
async fn dintero_refuses_a_scope_the_caller_does_not_hold_and_readers_who_write() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let beyond = h
        .client
        .invite_user(&manager, &colleague("ola@partner.example", &["read:settlements"]))
        .await
        .unwrap_err();
    assert_eq!(beyond.status(), Some(403), "the manager holds no read:settlements");
    let finance = h.person("finance@partner.example").await;
    let reader = h
        .client
        .invite_user(&finance, &colleague("per@partner.example", &["read:accounts"]))
        .await
        .unwrap_err();
    assert_eq!(
        reader.status(),
        Some(403),
        "read:accounts lists the team but does not change it"
    );
    assert!(h.client.team(&finance).await.is_ok());

    let admin = h.person("admin@partner.example").await;
    let given = h
        .client
        .invite_user(&admin, &colleague("liv@partner.example", &["read:settlements"]))
        .await;
    assert!(given.is_ok(), "admin:accounts gives any scope: {given:?}");

    let twice = h
        .client
        .invite_user(&manager, &colleague("LIV@partner.example", &["read:accounts"]))
        .await
        .unwrap_err();
    assert_eq!(twice.status(), Some(400), "one person per e-mail");
    let malformed = h
        .client
        .invite_user(&manager, &colleague("not an e-mail", &[]))
        .await
        .unwrap_err();
    assert_eq!(malformed.status(), Some(400));
}
