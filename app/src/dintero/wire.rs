//! Small helpers shared by the wire types of every area.

use serde::{Deserialize, Deserializer};

/// For fields Dintero may send as `null` (lists above all): `null` reads as the type's default,
/// like an absent field. Use with `#[serde(default, deserialize_with = "...")]`.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A name that is not one of [`crate::validate`]'s typed ids (a connection name) made safe to put
/// into a URL path: everything but letters, digits, `-`, `_`, `.` and `~` percent-encoded. Encoding
/// cannot make `.` or `..` safe (URL parsers resolve `%2E%2E` too); the client refuses those
/// unsent. Ids never come through here: their types hold only what needs no encoding.
#[cfg(feature = "ssr")]
pub(crate) fn segment(raw: &str) -> String {
    crate::url::encode(raw)
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "super::null_as_default")]
        items: Vec<u32>,
    }

    #[test]
    fn null_and_absent_read_as_empty() {
        for body in [r#"{"items":null}"#, "{}"] {
            assert!(serde_json::from_str::<T>(body).unwrap().items.is_empty());
        }
        assert_eq!(serde_json::from_str::<T>(r#"{"items":[1]}"#).unwrap().items, [1]);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn path_segments_are_escaped() {
        assert_eq!(super::segment("a/b c"), "a%2Fb%20c");
        assert_eq!(super::segment("PD-001_x.y"), "PD-001_x.y");
    }
}
