//! Connection status events and account events (comments, statistics).

use super::*;

/// One status update of a connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectionEvent {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    pub status: ConnectionStatus,
    pub event: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
}

/// The body of a connection status update.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewConnectionEvent {
    pub status: ConnectionStatus,
    /// A code such as `signature_required`.
    pub event: String,
    pub description: Option<String>,
    /// At most 40 properties.
    pub metadata: Option<Map<String, Value>>,
}

/// An account event: a comment, or (older API) monthly statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountEvent {
    pub event_type: AccountEventType,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    /// Comments: the text.
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub visibility: Option<Visibility>,
    /// Statistics events.
    #[serde(default)]
    pub statistics: Option<AccountEventStatistics>,
    #[serde(default)]
    pub paging_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountEventStatistics {
    #[serde(default)]
    pub checkout: Option<CheckoutStatistics>,
    #[serde(default)]
    pub shopping: Option<ShoppingStatistics>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckoutStatistics {
    /// Item shape not documented.
    #[serde(default)]
    pub payment_product_types: Option<Vec<Value>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShoppingStatistics {
    #[serde(default)]
    pub orders: Option<Vec<Value>>,
}

/// The body of `POST .../events`: a private comment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewComment {
    pub event_type: AccountEventType,
    pub body: String,
    pub visibility: Visibility,
}

impl NewComment {
    pub fn private(body: impl Into<String>) -> Self {
        Self {
            event_type: AccountEventType::Comment,
            body: body.into(),
            visibility: Visibility::Private,
        }
    }
}
