//! The template language codes Meta accepts (REFERENCE.md §1.4, 111 codes).

/// Meta's current table, sorted for binary search.
const LANGUAGES: [&str; 111] = [
    "af", "ar", "ar_AE", "ar_EG", "ar_LB", "ar_MA", "ar_QA", "az", "be_BY", "bg", "bn", "bn_IN", "ca", "cs",
    "da", "de", "de_AT", "de_CH", "el", "en", "en_AE", "en_AU", "en_CA", "en_GB", "en_GH", "en_IE", "en_IN",
    "en_JM", "en_MY", "en_NZ", "en_QA", "en_SG", "en_UG", "en_US", "en_ZA", "es", "es_AR", "es_CL", "es_CO",
    "es_CR", "es_DO", "es_EC", "es_ES", "es_HN", "es_MX", "es_PA", "es_PE", "es_UY", "et", "fa", "fi", "fil",
    "fr", "fr_BE", "fr_CA", "fr_CH", "fr_CI", "fr_MA", "ga", "gu", "ha", "he", "hi", "hr", "hu", "id", "it",
    "ja", "ka", "kk", "kn", "ko", "ky_KG", "lo", "lt", "lv", "mk", "ml", "mr", "ms", "nb", "nl", "nl_BE",
    "pa", "pl", "prs_AF", "ps_AF", "pt_BR", "pt_PT", "ro", "ru", "rw_RW", "si_LK", "sk", "sl", "sq", "sr",
    "sv", "sw", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zh_CN", "zh_HK", "zh_TW", "zu",
];

/// Codes third parties list that Meta's table no longer has (UNCONFIRMED whether retired).
const RETIRED: [&str; 2] = ["ar_SA", "es_VE"];

/// What a language code is.
#[derive(Debug, PartialEq, Eq)]
pub enum Language {
    /// In Meta's table.
    Supported,
    /// Only the case differs from this code in the table.
    WrongCase(&'static str),
    /// Listed by older libraries, not by Meta's current table.
    Retired,
    /// Not a template language.
    Unknown,
}

/// Looks `code` up in Meta's table (exact match; case differences are reported).
pub fn lookup(code: &str) -> Language {
    if LANGUAGES.binary_search(&code).is_ok() {
        Language::Supported
    } else if let Some(exact) = LANGUAGES.iter().find(|known| known.eq_ignore_ascii_case(code)) {
        Language::WrongCase(exact)
    } else if RETIRED.contains(&code) {
        Language::Retired
    } else {
        Language::Unknown
    }
}

/// Right-to-left scripts among the template languages (for previews).
pub fn is_right_to_left(code: &str) -> bool {
    matches!(code.split('_').next(), Some("ar" | "he" | "fa" | "ur" | "ps" | "prs"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(LANGUAGES.windows(2).all(|pair| pair[0] < pair[1]), "sorted for binary_search");
    }

    #[test]
    fn lookup_tells_supported_wrong_case_retired_and_unknown() {
        assert_eq!(lookup("en_US"), Language::Supported);
        assert_eq!(lookup("fil"), Language::Supported);
        assert_eq!(lookup("en_us"), Language::WrongCase("en_US"));
        assert_eq!(lookup("ar_SA"), Language::Retired);
        assert_eq!(lookup("en-US"), Language::Unknown);
        assert_eq!(lookup("xx"), Language::Unknown);
    }

    #[test]
    fn right_to_left_languages() {
        assert!(is_right_to_left("ar_EG") && is_right_to_left("he") && is_right_to_left("prs_AF"));
        assert!(!is_right_to_left("en_US"));
    }
}
