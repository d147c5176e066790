//! Every setting, read from the environment in one place, with the defaults of the configuration
//! table in the README (and `../shared/design/ARCHITECTURE.md`).

use std::net::SocketAddr;
use std::path::PathBuf;

use app::secret::Secret;

use emulator::seed::{DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PARTNER};

#[derive(Debug, Clone)]
pub struct Config {
    /// `DINTERO_API_URL`; `None` starts the built-in emulator on a free loopback port.
    pub dintero_api_url: Option<String>,
    /// `DINTERO_PARTNER_ID`.
    pub partner_id: String,
    /// `DINTERO_CLIENT_ID`, `DINTERO_CLIENT_SECRET`.
    pub client_id: String,
    pub client_secret: Secret,
    /// `LEPTOS_SITE_ADDR`: where the app listens.
    pub site_addr: SocketAddr,
    /// `LEPTOS_SITE_ROOT`: the folder cargo-leptos builds the site into.
    pub site_root: String,
    /// `BACKOFFICE_DATA`: the app's own state.
    pub data_dir: PathBuf,
    /// `DINTERO_EMULATOR_SEED`: the seed of the embedded emulator's world.
    pub emulator_seed: u64,
    /// `BACKOFFICE_EMULATOR_ADDR`: where the embedded emulator listens (port 0: a free port).
    pub emulator_addr: SocketAddr,
    /// `BACKOFFICE_SESSION_IDLE_MINUTES`: a session ends after this long without a request.
    pub session_idle: chrono::Duration,
    /// `BACKOFFICE_SESSION_MAX_HOURS`: a session ends this long after sign-in, however busy.
    pub session_max_age: chrono::Duration,
    /// `BACKOFFICE_DINTERO_CONCURRENCY`: how many requests the review queue keeps in flight to
    /// Dintero at once, across everyone using it (default 16).
    pub dintero_concurrency: usize,
    /// `BACKOFFICE_CAPABILITIES`: the partner's own, stricter split of who may do what (see
    /// [`app::auth::Policy`]); empty: Dintero's scopes alone decide.
    pub policy: app::auth::Policy,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("DINTERO_API_URL is set, so {0} must be set too (the demo credentials only work on the emulator)")]
    Missing(&'static str),
}

impl Config {
    /// The configuration from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// The configuration from any lookup of variable names (tests pass a map).
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let dintero_api_url = var("DINTERO_API_URL").map(|u| u.trim().trim_end_matches('/').to_owned());
        if let Some(url) = &dintero_api_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(ConfigError::Invalid {
                    name: "DINTERO_API_URL",
                    reason: format!("'{url}' is not an http(s) URL"),
                });
            }
        }
        let real = dintero_api_url.is_some();
        let required = |name: &'static str, demo: &str| match var(name) {
            Some(value) => Ok(value),
            None if real && name != "DINTERO_PARTNER_ID" => Err(ConfigError::Missing(name)),
            None => Ok(demo.to_owned()),
        };
        let partner_id = required("DINTERO_PARTNER_ID", DEMO_PARTNER)?;
        if !is_partner_id(&partner_id) {
            return Err(ConfigError::Invalid {
                name: "DINTERO_PARTNER_ID",
                reason: format!("'{partner_id}' is not like T11200000 or P11200000"),
            });
        }
        let site_addr = var("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let site_addr = site_addr.parse().map_err(|e| ConfigError::Invalid {
            name: "LEPTOS_SITE_ADDR",
            reason: format!("'{site_addr}': {e}"),
        })?;
        let seed = var("DINTERO_EMULATOR_SEED").unwrap_or_else(|| "1".into());
        let emulator_addr = var("BACKOFFICE_EMULATOR_ADDR").unwrap_or_else(|| "127.0.0.1:0".into());
        let emulator_addr = emulator_addr.parse().map_err(|e| ConfigError::Invalid {
            name: "BACKOFFICE_EMULATOR_ADDR",
            reason: format!("'{emulator_addr}': {e}"),
        })?;
        let positive = |name: &'static str, default: i64| -> Result<i64, ConfigError> {
            match var(name) {
                None => Ok(default),
                Some(raw) => raw
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(ConfigError::Invalid {
                        name,
                        reason: format!("'{raw}' is not a whole number above 0"),
                    }),
            }
        };
        Ok(Self {
            partner_id,
            client_id: required("DINTERO_CLIENT_ID", DEMO_CLIENT_ID)?,
            client_secret: Secret::new(required("DINTERO_CLIENT_SECRET", DEMO_CLIENT_SECRET)?),
            dintero_api_url,
            site_addr,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            data_dir: PathBuf::from(var("BACKOFFICE_DATA").unwrap_or_else(|| "./data".into())),
            emulator_seed: seed.parse().map_err(|e| ConfigError::Invalid {
                name: "DINTERO_EMULATOR_SEED",
                reason: format!("'{seed}': {e}"),
            })?,
            emulator_addr,
            session_idle: chrono::Duration::minutes(positive("BACKOFFICE_SESSION_IDLE_MINUTES", 30)?),
            session_max_age: chrono::Duration::hours(positive("BACKOFFICE_SESSION_MAX_HOURS", 12)?),
            dintero_concurrency: positive("BACKOFFICE_DINTERO_CONCURRENCY", 16)? as usize,
            policy: app::auth::Policy::parse(&var(app::auth::policy::SETTING).unwrap_or_default()).map_err(
                |reason| ConfigError::Invalid {
                    name: app::auth::policy::SETTING,
                    reason,
                },
            )?,
        })
    }

    /// True when the app runs on its built-in emulator.
    pub fn embedded_emulator(&self) -> bool {
        self.dintero_api_url.is_none()
    }

    /// Cookies are `Secure` unless the app is served on plain-HTTP loopback.
    pub fn cookie_secure(&self) -> bool {
        !self.site_addr.ip().is_loopback()
    }
}

/// A partner account id: `T` or `P`, three digits, `00000` (REFERENCE.md, "Identifier formats").
fn is_partner_id(id: &str) -> bool {
    id.len() == 9
        && (id.starts_with('T') || id.starts_with('P'))
        && id[1..].bytes().all(|b| b.is_ascii_digit())
        && id.ends_with("00000")
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn with_nothing_set_the_app_runs_on_the_embedded_emulator() {
        let c = config(&[]).unwrap();
        assert!(c.embedded_emulator());
        assert_eq!(c.partner_id, "T11200000");
        assert_eq!(c.client_id, "demo-client");
        assert_eq!(c.client_secret.expose(), "demo-secret");
        assert_eq!(c.site_addr, "127.0.0.1:3000".parse().unwrap());
        assert_eq!(c.data_dir, PathBuf::from("./data"));
        assert_eq!(c.site_root, "target/site");
        assert_eq!(c.emulator_addr, "127.0.0.1:0".parse().unwrap());
        assert_eq!(
            (c.session_idle, c.session_max_age),
            (chrono::Duration::minutes(30), chrono::Duration::hours(12))
        );
        assert!(!c.cookie_secure());
        assert!(c.policy.is_empty(), "Dintero's scopes alone decide");
    }

    #[test]
    fn a_policy_is_read_at_start() {
        let c = config(&[(
            "BACKOFFICE_CAPABILITIES",
            "Review=write:accounts:/management/settings/approvals admin:accounts",
        )])
        .unwrap();
        assert_eq!(c.policy.extra(app::auth::Capability::Review).count(), 1);
    }

    #[test]
    fn a_real_dintero_needs_real_credentials() {
        assert_eq!(
            config(&[("DINTERO_API_URL", "https://api.dintero.com")]).unwrap_err(),
            ConfigError::Missing("DINTERO_CLIENT_ID")
        );
        let c = config(&[
            ("DINTERO_API_URL", "https://api.dintero.com/"),
            ("DINTERO_PARTNER_ID", "P12300000"),
            ("DINTERO_CLIENT_ID", "id"),
            ("DINTERO_CLIENT_SECRET", "secret"),
            ("LEPTOS_SITE_ADDR", "0.0.0.0:8080"),
        ])
        .unwrap();
        assert_eq!(c.dintero_api_url.as_deref(), Some("https://api.dintero.com"));
        assert!(!c.embedded_emulator());
        assert!(c.cookie_secure());
    }

    #[test]
    fn bad_values_are_named() {
        assert!(matches!(
            config(&[("DINTERO_PARTNER_ID", "T112")]),
            Err(ConfigError::Invalid {
                name: "DINTERO_PARTNER_ID",
                ..
            })
        ));
        assert!(matches!(
            config(&[("LEPTOS_SITE_ADDR", "nowhere")]),
            Err(ConfigError::Invalid {
                name: "LEPTOS_SITE_ADDR",
                ..
            })
        ));
        assert!(matches!(
            config(&[("BACKOFFICE_EMULATOR_ADDR", "39174")]),
            Err(ConfigError::Invalid {
                name: "BACKOFFICE_EMULATOR_ADDR",
                ..
            })
        ));
        assert!(matches!(
            config(&[("BACKOFFICE_CAPABILITIES", "Reviewing=read:accounts")]),
            Err(ConfigError::Invalid {
                name: "BACKOFFICE_CAPABILITIES",
                ..
            })
        ));
        assert!(matches!(
            config(&[("DINTERO_API_URL", "api.dintero.com")]),
            Err(ConfigError::Invalid {
                name: "DINTERO_API_URL",
                ..
            })
        ));
    }

    #[test]
    fn secrets_do_not_print() {
        let c = config(&[]).unwrap();
        assert!(!format!("{c:?}").contains("demo-secret"));
    }
}
