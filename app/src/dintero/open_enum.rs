//! [`open_enum!`]: a string enum from Dintero with an `Other(String)` case, so a value Dintero adds
//! tomorrow never breaks a page. Serializes as the plain string, both ways.

/// ```ignore
/// open_enum! {
///     /// A connection's status.
///     pub enum ConnectionStatus {
///         Pending = "pending",
///         Enabled = "enabled",
///     }
/// }
/// ```
#[macro_export]
macro_rules! open_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the app does not know.
            Other(String),
        }

        impl $name {
            /// Every known value.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as Dintero spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $value,)+
                    $name::Other(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($value => $name::$variant,)+
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Ok($name::from(value.as_ref()))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    open_enum! {
        /// For the test.
        pub enum Status {
            Pending = "pending",
            Enabled = "enabled",
        }
    }

    #[test]
    fn known_and_unknown_values_round_trip() {
        let parsed: Vec<Status> = serde_json::from_str(r#"["pending","enabled","paused_by_dintero"]"#).unwrap();
        assert_eq!(
            parsed,
            [
                Status::Pending,
                Status::Enabled,
                Status::Other("paused_by_dintero".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&parsed).unwrap(),
            r#"["pending","enabled","paused_by_dintero"]"#
        );
        assert_eq!(Status::KNOWN.len(), 2);
        assert_eq!(Status::Enabled.to_string(), "enabled");
    }
}
