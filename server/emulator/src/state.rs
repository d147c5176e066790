//! The emulator's shared state, [`Emulator`]: the world behind a lock, the request log, the injected
//! faults, the token signer and the secrets handed out. Every handler takes it as `State<Emulator>`.

use std::sync::Arc;

use tokio::sync::RwLock;

use crate::faults::Faults;
use crate::issued::{IssuedSecrets, SecretKind};
use crate::jwt::{Claims, Signer};
use crate::request_log::RequestLog;
use crate::world::World;

/// The emulator's shared state: the world behind a lock, a log of recent requests, the injected
/// faults, the token signer and the secrets it has handed out.
#[derive(Clone)]
pub struct Emulator {
    pub world: Arc<RwLock<World>>,
    pub requests: Arc<RequestLog>,
    pub faults: Arc<Faults>,
    pub signer: Arc<Signer>,
    pub issued: Arc<IssuedSecrets>,
}

impl Emulator {
    /// A new emulator holding `world`, with an empty request log, no faults and a fresh signing key.
    pub fn with_world(world: World) -> Self {
        Self {
            world: Arc::new(RwLock::new(world)),
            requests: Arc::new(RequestLog::default()),
            faults: Arc::new(Faults::default()),
            signer: Arc::new(Signer::random()),
            issued: Arc::new(IssuedSecrets::default()),
        }
    }

    /// Signs `claims` into an access token and remembers it as issued.
    pub fn access_token(&self, claims: &Claims) -> String {
        let token = self.signer.sign(claims);
        self.issued.record(SecretKind::AccessToken, &token);
        token
    }
}
