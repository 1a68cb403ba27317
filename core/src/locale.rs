//! The customer's language: the three locales the catalog speaks, and the fallback from a
//! browser tag to one of them (SPEC §6: Adyen v6 broke `fr-CH` → nothing; here `th-TH` → `th`,
//! anything unknown → `en`).

/// A language of the message catalog. `code()` is the JS-facing id (`"en" | "ja" | "th"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Ja,
    Th,
}

/// Longest tag `resolve` looks at. Real tags are far shorter (`zh-Hant-TW-u-ca-chinese` is 23);
/// anything longer is not a language preference, so it is refused without being scanned.
const MAX_TAG_LEN: usize = 64;

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Ja, Locale::Th];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ja => "ja",
            Locale::Th => "th",
        }
    }
}

/// Resolve a BCP 47-ish tag (`th-TH`, `ja_JP`, `JA`, `en-GB`) to a catalog locale by its primary
/// language subtag, case-insensitively, with `-` or `_` as separator. A tag for a language the
/// catalog does not have (`fr-CH`), an empty or malformed tag, or an overlong one gives `None`.
/// Never panics.
pub fn resolve(tag: &str) -> Option<Locale> {
    let tag = tag.trim();
    if tag.is_empty() || tag.len() > MAX_TAG_LEN {
        return None;
    }
    // Every subtag must be 1–8 ASCII letters or digits (BCP 47 syntax); this refuses `en;q=0.9`,
    // `*`, `en--US` and other things that only look like tags.
    // By bytes: a `split` on a char set would link `str`'s searchers (see `split_at_byte`).
    let separator = |b: &u8| *b == b'-' || *b == b'_';
    if !tag
        .as_bytes()
        .split(separator)
        .all(|s| (1..=8).contains(&s.len()) && s.iter().all(u8::is_ascii_alphanumeric))
    {
        return None;
    }
    let primary = crate::before_byte(tag, |b| separator(&b));
    if primary.eq_ignore_ascii_case("en") {
        Some(Locale::En)
    } else if primary.eq_ignore_ascii_case("ja") {
        Some(Locale::Ja)
    } else if primary.eq_ignore_ascii_case("th") {
        Some(Locale::Th)
    } else {
        None
    }
}

/// The first of the customer's preferences (e.g. `navigator.languages`, best first) that the
/// catalog speaks, else English.
pub fn negotiate<S: AsRef<str>>(prefs: impl IntoIterator<Item = S>) -> Locale {
    prefs.into_iter().find_map(|p| resolve(p.as_ref())).unwrap_or(Locale::En)
}

#[cfg(test)]
#[allow(clippy::disallowed_macros, clippy::disallowed_methods)]
mod tests {
    use super::*;

    const RESOLVE: &[(&str, &str, Option<Locale>)] = &[
        ("plain en", "en", Some(Locale::En)),
        ("plain ja", "ja", Some(Locale::Ja)),
        ("plain th", "th", Some(Locale::Th)),
        ("region th-TH", "th-TH", Some(Locale::Th)),
        ("underscore ja_JP", "ja_JP", Some(Locale::Ja)),
        ("upper JA", "JA", Some(Locale::Ja)),
        ("mixed case Th-th", "Th-th", Some(Locale::Th)),
        ("en-GB", "en-GB", Some(Locale::En)),
        ("en-US-POSIX", "en-US-POSIX", Some(Locale::En)),
        ("extension", "ja-JP-u-ca-japanese", Some(Locale::Ja)),
        ("thai numerals extension", "th-TH-u-nu-thai", Some(Locale::Th)),
        ("surrounding spaces", "  th-TH ", Some(Locale::Th)),
        ("fr-CH unsupported", "fr-CH", None),
        ("zh unsupported", "zh-Hant-TW", None),
        ("empty", "", None),
        ("blank", "   ", None),
        ("wildcard", "*", None),
        ("q value", "en;q=0.9", None),
        ("double separator", "en--US", None),
        ("trailing separator", "en-", None),
        ("leading separator", "-en", None),
        ("prefix only", "e", None),
        ("longer primary", "eng", None),
        ("english word", "english", None),
        ("overlong subtag", "en-abcdefghi", None),
        ("markup", "<script>en</script>", None),
        ("non-ascii", "th-ไทย", None),
        ("full-width", "ｊａ", None),
        ("nul byte", "en\0", None),
    ];

    #[test]
    fn resolves_tags() {
        for (label, tag, want) in RESOLVE {
            assert_eq!(resolve(tag), *want, "{label}: {tag:?}");
        }
    }

    #[test]
    fn refuses_long_hostile_tags() {
        let long = "en-".repeat(10_000);
        assert_eq!(resolve(&long), None);
        let long = format!("ja{}", "-a".repeat(40));
        assert_eq!(resolve(&long), None);
        assert_eq!(resolve(&"\u{10FFFF}".repeat(1000)), None);
    }

    #[test]
    fn negotiates_first_resolvable() {
        let rows: &[(&str, &[&str], Locale)] = &[
            ("empty list", &[], Locale::En),
            ("only unsupported", &["fr-CH", "de"], Locale::En),
            ("first wins", &["th-TH", "ja"], Locale::Th),
            ("skips unsupported", &["fr-CH", "ja-JP", "en"], Locale::Ja),
            ("skips garbage", &["", "*", "th"], Locale::Th),
        ];
        for (label, prefs, want) in rows {
            assert_eq!(negotiate(prefs.iter().copied()), *want, "{label}");
        }
    }

    #[test]
    fn codes_are_stable() {
        let codes: Vec<_> = Locale::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["en", "ja", "th"]);
        for l in Locale::ALL {
            assert_eq!(resolve(l.code()), Some(l));
        }
    }
}
