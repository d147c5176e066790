//! CSV the way Norwegian and Swedish Excel opens it: UTF-8 with a byte-order mark, `;` between
//! fields, CRLF line ends, fields quoted when needed, and text that Excel would run as a formula
//! (`=`, `+`, `-`, `@` first) prefixed with `'`.

/// The byte-order mark that makes Excel read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// One CSV line of `fields`, ending in CRLF.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&field_text(field.as_ref()));
    }
    out.push_str("\r\n");
    out
}

fn field_text(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_separated_quoted_and_defused() {
        assert_eq!(line(&["a", "b c", "1"]), "a;b c;1\r\n");
        assert_eq!(
            line(&["x;y", "say \"hi\"", "two\nlines"]),
            "\"x;y\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n"
        );
        assert_eq!(
            line(&["=HYPERLINK(\"x\")", "-12", "@me"]),
            "\"'=HYPERLINK(\"\"x\"\")\";-12;'@me\r\n"
        );
        assert_eq!(line(&["Åsa Sæther"]), "Åsa Sæther\r\n");
    }
}
