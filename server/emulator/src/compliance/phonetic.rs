//! How two values are compared: exactly (after normalising case, whitespace, punctuation and
//! trailing legal suffixes) or phonetically (a small Soundex-like key suited to Nordic names:
//! `æ`→`ae`, `ø`/`ö`→`o`, `å`/`ä`→`a`, `ü`→`u`, common digraphs, vowels dropped, consonant groups
//! merged), so that "Bakeri Bodø AS" ≈ "Bakery Bodo".

/// How well one field matched: Mastercard's `M00`/`M02`/`M01`, Visa's `NONE`/`PHONETIC`/`EXACT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hit {
    None,
    Phonetic,
    Exact,
}

impl Hit {
    /// Mastercard MATCH's indicator code.
    pub fn code(self) -> &'static str {
        match self {
            Hit::None => "M00",
            Hit::Exact => "M01",
            Hit::Phonetic => "M02",
        }
    }

    /// The emulator's VMSS match signal (INF).
    pub fn signal(self) -> &'static str {
        match self {
            Hit::None => "NONE",
            Hit::Exact => "EXACT",
            Hit::Phonetic => "PHONETIC",
        }
    }

    pub fn found(self) -> bool {
        self != Hit::None
    }
}

/// Legal-form words dropped from the end of a name before comparing.
const LEGAL_SUFFIXES: [&str; 12] = [
    "as", "asa", "ab", "publ", "aps", "oy", "oyj", "ltd", "limited", "inc", "gmbh", "llc",
];

/// Lower case, punctuation as space, single spaces, trailing legal suffixes dropped. Letters keep
/// their diacritics: "Bodø" and "Bodo" are not the same exactly.
pub fn normalize(s: &str) -> String {
    let lowered: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = lowered.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Folds Nordic and other Latin letters to plain ASCII (`æ`→`ae`, `ø`→`o`, `å`→`a`, `ü`→`u`, ...).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' | 'œ' | 'ó' | 'ò' | 'ô' | 'õ' => out.push('o'),
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => out.push('a'),
            'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ß' => out.push_str("ss"),
            'ç' => out.push('s'),
            'ñ' => out.push('n'),
            'ł' => out.push('l'),
            c => out.push(c),
        }
    }
    out
}

/// The phonetic key of a name: one code per word, after [`normalize`].
pub fn key(s: &str) -> String {
    normalize(s)
        .split(' ')
        .map(word_key)
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_key(word: &str) -> String {
    let mut w = fold(word);
    // Sounds written with several letters first, to one marker each (`X` is the sh-sound).
    for (from, to) in [
        ("x", "ks"),
        ("skj", "X"),
        ("sch", "X"),
        ("sj", "X"),
        ("sh", "X"),
        ("kj", "X"),
        ("tj", "X"),
        ("ch", "k"),
        ("ph", "f"),
        ("th", "t"),
        ("ck", "k"),
        ("qu", "kv"),
        ("gj", "j"),
        ("hj", "j"),
        ("dt", "t"),
    ] {
        w = w.replace(from, to);
    }
    let chars: Vec<char> = w.chars().collect();
    let mut code = String::new();
    let mut last = None;
    for (i, &c) in chars.iter().enumerate() {
        let symbol = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' => {
                if i == 0 {
                    Some('A')
                } else {
                    None
                }
            }
            'b' | 'p' => Some('B'),
            'f' | 'v' | 'w' => Some('F'),
            'c' => match chars.get(i + 1) {
                Some('e' | 'i' | 'y') => Some('S'),
                _ => Some('K'),
            },
            'g' | 'k' | 'q' => Some('K'),
            'd' | 't' => Some('T'),
            'l' => Some('L'),
            'm' | 'n' => Some('N'),
            'r' => Some('R'),
            's' | 'z' => Some('S'),
            'j' => Some('J'),
            'X' => Some('X'),
            'h' => None,
            d if d.is_ascii_digit() => Some(d),
            _ => None,
        };
        if let Some(s) = symbol {
            if last != Some(s) || s.is_ascii_digit() {
                code.push(s);
            }
            last = Some(s);
        }
    }
    code
}

/// Two names: exact after [`normalize`], else phonetic when their [`key`]s agree.
pub fn names(a: &str, b: &str) -> Hit {
    let (na, nb) = (normalize(a), normalize(b));
    if na.is_empty() || nb.is_empty() {
        Hit::None
    } else if na == nb {
        Hit::Exact
    } else if key(a) == key(b) && !key(a).is_empty() {
        Hit::Phonetic
    } else {
        Hit::None
    }
}

/// Two identifiers (tax ids, registration numbers, e-mail addresses): letters and digits only,
/// case-insensitive, exact or nothing.
pub fn ids(a: &str, b: &str) -> Hit {
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric() || *c == '@')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (ca, cb) = (clean(a), clean(b));
    if !ca.is_empty() && ca == cb {
        Hit::Exact
    } else {
        Hit::None
    }
}

/// Two phone numbers: digits only; equal, or one is the other with a country code in front.
pub fn phones(a: &str, b: &str) -> Hit {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let (da, db) = (digits(a), digits(b));
    let (short, long) = if da.len() <= db.len() { (&da, &db) } else { (&db, &da) };
    if short.len() >= 7 && long.ends_with(short.as_str()) && long.len() - short.len() <= 3 {
        Hit::Exact
    } else {
        Hit::None
    }
}

/// Two web addresses: without scheme, `www.` and trailing slash, case-insensitive.
pub fn urls(a: &str, b: &str) -> Hit {
    let clean = |s: &str| -> String {
        let s = s.trim().to_lowercase();
        let s = s.split("://").last().unwrap_or_default().to_owned();
        s.trim_start_matches("www.").trim_end_matches('/').to_owned()
    };
    let (ca, cb) = (clean(a), clean(b));
    if !ca.is_empty() && ca == cb {
        Hit::Exact
    } else {
        Hit::None
    }
}

/// Two street addresses with postal codes: exact when both agree after [`normalize`] (and the
/// postal codes without spaces), phonetic when the postal codes agree and the streets sound alike.
pub fn addresses(line_a: &str, postal_a: &str, line_b: &str, postal_b: &str) -> Hit {
    let postal = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    if postal(postal_a).is_empty() || postal(postal_a) != postal(postal_b) {
        return Hit::None;
    }
    names(line_a, line_b)
}

/// The best of several hits.
pub fn best(hits: impl IntoIterator<Item = Hit>) -> Hit {
    hits.into_iter().max().unwrap_or(Hit::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_ignores_case_punctuation_and_legal_suffix() {
        assert_eq!(names("Bakeri Bodø AS", "bakeri  bodø"), Hit::Exact);
        assert_eq!(names("Snap Photoshop Ltd.", "SNAP-PHOTOSHOP"), Hit::Exact);
        assert_eq!(normalize("Kafé Lund AB"), "kafé lund");
        assert_eq!(normalize("AS"), "as", "a lone word is a name, not a suffix");
    }

    #[test]
    fn nordic_spellings_sound_alike() {
        assert_eq!(names("Bakeri Bodø AS", "Bakery Bodo"), Hit::Phonetic);
        assert_eq!(names("Øystein Strøm", "Oystein Strom"), Hit::Phonetic);
        assert_eq!(names("Sæther", "Saether"), Hit::Phonetic);
        assert_eq!(names("Kjell Johansen", "Kjel Johanson"), Hit::Phonetic);
        assert_eq!(names("Kari Hansen", "Kari Larsen"), Hit::None);
        assert_eq!(names("Sjøgata", "Shogata"), Hit::Phonetic);
        assert_eq!(names("Philip", "Filip"), Hit::Phonetic);
        assert_eq!(names("Bakeri Bodø", "Bakeri Tromsø"), Hit::None);
        assert_eq!(names("Kaffebar Røros", "Kafé Lund"), Hit::None);
        assert_eq!(names("", ""), Hit::None);
    }

    #[test]
    fn identifiers_phones_and_urls() {
        assert_eq!(ids("912 345 678", "912345678"), Hit::Exact);
        assert_eq!(ids("Kari@Snap.example", "kari@snap.example"), Hit::Exact);
        assert_eq!(ids("912345678", "912345679"), Hit::None);
        assert_eq!(phones("+47 41 23 45 67", "41234567"), Hit::Exact);
        assert_eq!(phones("+4741234567", "+4641234567"), Hit::None);
        assert_eq!(phones("123", "123"), Hit::None);
        assert_eq!(urls("https://www.snap.example/", "snap.example"), Hit::Exact);
        assert_eq!(addresses("Storgata 5", "0552", "storgata 5", "0552"), Hit::Exact);
        assert_eq!(addresses("Storgata 5", "0552", "Storgata 5", "5003"), Hit::None);
        assert_eq!(Hit::Phonetic.code(), "M02");
        assert_eq!(best([Hit::None, Hit::Exact, Hit::Phonetic]), Hit::Exact);
    }
}
