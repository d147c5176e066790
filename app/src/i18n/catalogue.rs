//! The language files read and checked, and the key list generated from them.
//!
//! `build.rs` includes this file: it reads every language's files, and any problem (a key one
//! language has and another lacks, a key defined twice, an empty text, placeholders that differ
//! between languages, a plural without its other form) fails the build with the file and key. It
//! then writes `keys.rs` (every key, sorted, with its placeholders), which [`key!`](crate::key)
//! and [`t!`](crate::t) check each call against while compiling. Only `std` here: a build script
//! has nothing else.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The languages, in the order of `Locale::ALL`. English is the reference for the key set.
pub const LANGUAGES: [&str; 3] = ["en", "nb", "sv"];

/// One language's texts: key → (text, where it was defined).
pub type Texts = BTreeMap<String, (String, String)>;

/// A language's files under `root` (`app/locales`): `<code>.txt`, then `<code>/*.txt` by name.
pub fn files_of(root: &Path, code: &str) -> Vec<PathBuf> {
    let mut areas: Vec<PathBuf> = std::fs::read_dir(root.join(code))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    areas.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    areas.sort();
    let mut files = vec![root.join(format!("{code}.txt"))];
    files.extend(areas);
    files
}

/// `key = text` lines of one file (`#` comments and blank lines skipped) into `texts`; a key
/// defined twice (in this file or an earlier one of the language) is a problem.
pub fn read_file(name: &str, source: &str, texts: &mut Texts, problems: &mut Vec<String>) {
    for (number, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let place = format!("{name}:{}", number + 1);
        let Some((key, text)) = line.split_once('=') else {
            problems.push(format!("{place}: not `key = text`"));
            continue;
        };
        let (key, text) = (key.trim(), text.trim());
        if !is_key(key) {
            problems.push(format!(
                "{place}: `{key}` is not a key (lower-case words joined by `.`)"
            ));
        } else if text.is_empty() {
            problems.push(format!("{place}: `{key}` has no text"));
        } else if let Some((_, earlier)) = texts.get(key) {
            problems.push(format!("{place}: `{key}` is already defined at {earlier}"));
        } else {
            texts.insert(key.to_owned(), (text.to_owned(), place));
        }
    }
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// The names of a text's `{placeholders}`, or why they cannot be read.
pub fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a `}` without its `{`".into());
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("a `{` without its `}`")?;
        let name = &after[..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!("`{{{name}}}` is not a placeholder (lower-case name)"));
        }
        names.insert(name.to_owned());
        rest = &after[close + 1..];
    }
    Ok(names)
}

/// Every problem across the languages: keys missing or surplus against English, placeholders that
/// differ from English's, and plural forms without their pair (`x.one` needs `x.other`, and both
/// carry `{count}`).
pub fn check(languages: &[(&str, Texts)]) -> Vec<String> {
    let mut problems = Vec::new();
    let Some((_, en)) = languages.iter().find(|(code, _)| *code == "en") else {
        return vec!["there is no English (en)".into()];
    };
    for (code, texts) in languages {
        for key in en.keys().filter(|k| !texts.contains_key(*k)) {
            problems.push(format!("{code} has no text for `{key}` (en: {})", en[key].1));
        }
        for (key, (_, place)) in texts.iter().filter(|(k, _)| !en.contains_key(*k)) {
            problems.push(format!("{place}: `{key}` is in {code} but not in en"));
        }
        for (key, (text, place)) in texts {
            match (placeholders(text), en.get(key).map(|(t, _)| placeholders(t))) {
                (Err(why), _) => problems.push(format!("{place}: `{key}`: {why}")),
                (Ok(mine), Some(Ok(english))) if mine != english => problems.push(format!(
                    "{place}: `{key}` has placeholders {mine:?}, en has {english:?}"
                )),
                _ => {}
            }
        }
    }
    // `x.one` makes `x` a plural: it needs `x.other`, and both carry `{count}`. (A lone `x.other`
    // is an ordinary key: "other" is also a word, as in a status named `other`.)
    for stem in en.keys().filter_map(|k| k.strip_suffix(".one")) {
        for form in ["one", "other"] {
            let key = format!("{stem}.{form}");
            match en.get(&key) {
                None => problems.push(format!("`{stem}.one` is a plural form without `{key}`")),
                Some((text, _)) if !placeholders(text).is_ok_and(|p| p.contains("count")) => {
                    problems.push(format!("`{key}` is a plural form without `{{count}}`"))
                }
                Some(_) => {}
            }
        }
    }
    problems
}

/// The Rust source of `keys.rs`: every key sorted, and each key's placeholders at the same index.
pub fn keys_source(en: &Texts) -> String {
    let mut out = String::from("// Generated by build.rs from app/locales: do not edit.\n");
    out.push_str("/// Every text key, sorted (for a binary search while compiling).\n");
    out.push_str("pub const KEYS: &[&str] = &[\n");
    for key in en.keys() {
        out.push_str(&format!("    {key:?},\n"));
    }
    out.push_str("];\n/// The placeholders of `KEYS[i]`, sorted.\npub const PLACEHOLDERS: &[&[&str]] = &[\n");
    for (text, _) in en.values() {
        let names: Vec<String> = placeholders(text).unwrap_or_default().into_iter().collect();
        out.push_str(&format!("    &{names:?},\n"));
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(name: &str, source: &str) -> (Texts, Vec<String>) {
        let (mut texts, mut problems) = (Texts::new(), Vec::new());
        read_file(name, source, &mut texts, &mut problems);
        (texts, problems)
    }

    #[test]
    fn the_shipped_files_have_no_problem() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut problems = Vec::new();
        let languages: Vec<(&str, Texts)> = LANGUAGES
            .iter()
            .map(|code| {
                let mut texts = Texts::new();
                for file in files_of(&root, code) {
                    let source = std::fs::read_to_string(&file).unwrap();
                    read_file(&file.display().to_string(), &source, &mut texts, &mut problems);
                }
                (*code, texts)
            })
            .collect();
        problems.extend(check(&languages));
        assert_eq!(problems, Vec::<String>::new());
        assert!(languages[0].1.len() > 800);
    }

    #[test]
    fn a_missing_or_surplus_key_is_a_problem() {
        let (en, _) = language("en.txt", "a.b = One\na.c = Two");
        let (sv, _) = language("sv.txt", "a.b = Ett\na.d = Fyra");
        let problems = check(&[("en", en), ("sv", sv)]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("sv has no text for `a.c`"), "{problems:?}");
        assert!(problems[1].contains("`a.d` is in sv but not in en"), "{problems:?}");
    }

    #[test]
    fn placeholders_must_agree_and_be_well_formed() {
        let (en, _) = language("en.txt", "a.b = {merchant} under {reason}\na.c = {x");
        let (nb, _) = language("nb.txt", "a.b = {merchant} under {grunn}\na.c = x");
        let problems = check(&[("en", en), ("nb", nb)]);
        assert!(
            problems.iter().any(|p| p.contains("`a.b` has placeholders")),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.contains("without its `}`")), "{problems:?}");
    }

    #[test]
    fn a_key_twice_an_empty_text_and_a_lone_plural_are_problems() {
        let (_, problems) = language("en.txt", "a.b = x\na.b = y\na.c =\nA.B = z");
        assert_eq!(problems.len(), 3, "{problems:?}");
        let (en, _) = language(
            "en.txt",
            "n.one = {count} merchant\nm.one = one\nm.other = {count}\nstatus.other = Other",
        );
        let problems = check(&[("en", en)]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("without `m.one`")
                || problems[0].contains("`m.one` is a plural form without `{count}`"),
            "{problems:?}"
        );
        assert!(problems[1].contains("without `n.other`"), "{problems:?}");
    }

    #[test]
    fn the_generated_list_is_sorted_with_placeholders() {
        let (en, _) = language("en.txt", "b.x = {z} {a}\na.y = plain");
        let source = keys_source(&en);
        assert!(source.contains("\"a.y\",\n    \"b.x\""), "{source}");
        assert!(source.contains("&[],\n    &[\"a\", \"z\"]"), "{source}");
    }
}
